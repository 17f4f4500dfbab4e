package criteria

import (
	"fmt"
	"time"
)

// Status is the outcome of a check, criterion or unit; its string is the
// JSON identifier of SPEC §2.
type Status string

// Statuses and verdicts.
const (
	Met           Status = "dat"
	NotMet        Status = "khong_dat"
	MissingData   Status = "thieu_du_lieu"
	NotApplicable Status = "khong_ap_dung"
	Reachable     Status = "con_kha_nang"     // only under --as-of
	NotAssessed   Status = "chua_tu_danh_gia" // a qualitative item not recorded
	DataError     Status = "loi_du_lieu"      // unit verdict only
)

// Label is the Vietnamese text for the status.
func (s Status) Label() string {
	switch s {
	case Met:
		return "Đạt"
	case NotMet:
		return "Không đạt"
	case MissingData:
		return "Thiếu dữ liệu"
	case NotApplicable:
		return "Không áp dụng"
	case Reachable:
		return "Còn khả năng"
	case NotAssessed:
		return "Chưa tự đánh giá"
	case DataError:
		return "Lỗi dữ liệu"
	}
	return string(s)
}

// Options are the evaluation switches that are not thresholds.
type Options struct {
	AsOf   time.Time // zero: the whole year; otherwise self-check up to this date
	Strict bool      // an unrecorded qualitative item makes its criterion thieu_du_lieu
	// ReleaseRows lets Evaluate drop each unit's rows (meetings, members…)
	// as soon as no check needs them any more, keeping the units' own
	// fields: at province scale the rows and the report would otherwise
	// sit in memory together. The dataset cannot be evaluated again.
	ReleaseRows bool
	// ReviewDate is the day of the annual review (kiểm điểm, đánh giá, xếp
	// loại) that the new-member rule counts months to, under
	// Thresholds.NewMembersNotRated (Quy định 366-QĐ/TW art. 5, Hướng dẫn
	// 43-HD/BTCTW). Zero is 31/12 of the evaluation year. The command
	// fills it from --review-date, else from the day of the run when the
	// evaluation year is the current one.
	ReviewDate time.Time
	// ReviewDateWhy says in a few Vietnamese words where ReviewDate came
	// from, for the messages that name it: "theo --review-date", "ngày
	// chạy"; "" with a zero ReviewDate is "cuối năm đánh giá".
	ReviewDateWhy string
}

// CheckResult is the outcome of one check or qualitative item for one unit.
type CheckResult struct {
	ID        string // CheckDef.ID or Item.ID
	Item      bool   // a qualitative (self-assessment) item, not a measured check
	Status    Status
	Value     *float64 // measured value; nil when nothing could be measured
	Threshold *float64 // nil for items
	Message   string   // Vietnamese evidence sentence
	// Cites are the rows (and the column) the result rests on when it is
	// not met, missing data or still reachable: the members below the
	// floor, the blank ratings, the meetings not scored Tốt… Every row,
	// not only the few Message names, so that an annotated copy of the
	// workbook can mark each cell. Nil for a met check.
	Cites []Cite
	// Fix says, in Vietnamese, what would make the check met ("cần thêm
	// 2 buổi đạt Tốt"); "" when the message already says it or nothing
	// in the workbook can.
	Fix string
}

// Cite is one row of an input workbook that a check's result rests on.
type Cite struct {
	Source Source
	// Field is the schema column key of the cell that decides
	// ("rating", "score", "level", "resolved", "residence", "violation",
	// "admitted", "result", "kind"): the reader's column, so that the
	// annotation can find it under the sheet's own header.
	Field string
	Note  string // what is wrong with this row: "chưa xếp loại", "dưới HTTNV"
}

// CriterionResult is the outcome of one of the four criteria for one unit.
type CriterionResult struct {
	ID      string // "tc1" … "tc4"
	Verdict Status
	Checks  []CheckResult
}

// UnitResult is the evaluation of one unit.
type UnitResult struct {
	Unit         *Unit
	Verdict      Status
	Criteria     []CriterionResult // always four, tc1 … tc4
	Rank         int               // from 1, within the unit's type
	Commendation bool              // đề xuất tặng giấy khen, on either list
	// CommendationLevel says who is proposed to award it: the committee
	// above the grassroots (every profile) or, under
	// Thresholds.CommendationSubordinate, the chi bộ trực thuộc's own đảng
	// ủy cơ sở (Hướng dẫn 06-HD/TW); "" when not proposed.
	CommendationLevel CommendationLevel
	// History is the unit's years in a row rated HTXSNV and "bốn tốt",
	// under Thresholds.HistoryStreaks when its workbook has a Lịch sử
	// sheet; nil otherwise.
	History      *HistoryResult
	CriteriaMet  int
	MeasuredMet  float64 // share of applicable measured checks that are dat
	MeanScore    float64 // mean regular-meeting score, for ranking and display
	HasMeanScore bool
	// ErrorsIn lists the codes of the units whose data errors make this
	// one loi_du_lieu: the unit itself and, for a đảng bộ cơ sở, the chi
	// bộ trực thuộc whose rows it draws on.
	ErrorsIn []string
}

// Criterion returns the result of criterion id ("tc1" … "tc4"), or nil.
func (r *UnitResult) Criterion(id string) *CriterionResult {
	for i := range r.Criteria {
		if r.Criteria[i].ID == id {
			return &r.Criteria[i]
		}
	}
	return nil
}

// Check returns the result of check or item id, or nil when the unit does
// not list it.
func (r *UnitResult) Check(id string) *CheckResult {
	for i := range r.Criteria {
		for j := range r.Criteria[i].Checks {
			if r.Criteria[i].Checks[j].ID == id {
				return &r.Criteria[i].Checks[j]
			}
		}
	}
	return nil
}

// ImplementationResult is one check of section III (tổ chức thực hiện),
// reported beside the verdicts.
type ImplementationResult struct {
	ID string // "pilot.suborgs", "pilot.cluster", "quota.htxsnv", "quota.htxsnv_orgs"
	// Unit is the unit code for pilot.suborgs, quota.htxsnv and the
	// per-đảng bộ quota.htxsnv_orgs; Cluster the cluster name for
	// pilot.cluster. Both are "" for the quota.htxsnv_orgs entry over the
	// units evaluated together (JSON: "unit": null, "cluster": null).
	Unit    string
	Cluster string
	Status  Status
	Message string
}

// Who names what the result is about, for a report's "Đơn vị / Cụm"
// column: the unit code, the cluster, or, for the entry over the
// evaluation as a whole, "Toàn bộ đơn vị được đánh giá".
func (r *ImplementationResult) Who() string {
	switch {
	case r.Unit != "":
		return r.Unit
	case r.Cluster != "":
		return r.Cluster
	}
	return "Toàn bộ đơn vị được đánh giá"
}

// Report is the complete outcome of an evaluation, ready for rendering.
type Report struct {
	Year int
	AsOf time.Time // zero when not a self-check
	// AsOfToday says that AsOf is the day of the run, taken because the
	// evaluation year had not ended and no --as-of was given (SPEC §6, "An
	// unfinished year"): the report says so first.
	AsOfToday      bool
	Units          []UnitResult // grouped by UnitTypes order, ranked within each type
	Implementation []ImplementationResult
	Problems       []Problem // the reader's problems followed by the evaluator's warnings
	Thresholds     Thresholds
	Rules          Rules
}

// Rules says which rules made a report (SPEC §6): Evaluate fills the
// profile from the thresholds; the command that read a criteria file
// fills the rest, since criteria does no I/O.
type Rules struct {
	Profile      string // "" for thresholds built by hand
	CriteriaFile string // the criteria file's name; "" when none was read
	SHA256       string // hex SHA-256 of the criteria file's bytes; "" when none
	// ChosenBy says what chose Profile: ChosenByYear, ChosenByFlag or
	// ChosenByCriteriaFile; "" for thresholds built by hand.
	ChosenBy string
}

// What chose a report's profile (Rules.ChosenBy, JSON rules.chosen_by).
const (
	ChosenByYear         = "year"          // no flag, no profile in the criteria file: ProfileForYear
	ChosenByFlag         = "flag"          // --profile
	ChosenByCriteriaFile = "criteria_file" // the criteria file's profile key
)

// Line is the sentence that heads every report with the rules in force and
// why: "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo năm đánh giá
// 2026"; "" when no profile is named.
func (r Rules) Line(year int) string {
	if r.Profile == "" {
		return ""
	}
	s := ProfileShort(r.Profile)
	switch r.ChosenBy {
	case ChosenByYear:
		s += fmt.Sprintf(" — theo năm đánh giá %d", year)
	case ChosenByFlag:
		s += " — theo --profile " + r.Profile
	case ChosenByCriteriaFile:
		s += " — theo tệp tiêu chí " + r.CriteriaFile
	}
	if r.CriteriaFile != "" && r.ChosenBy != ChosenByCriteriaFile {
		s += "; tệp tiêu chí " + r.CriteriaFile
	}
	return s
}
