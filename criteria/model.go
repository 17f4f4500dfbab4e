// Package criteria holds bontot's domain model and the rules of Hướng dẫn
// 17-HD/ĐUK: thresholds, checks, verdicts and ranking. It does no I/O and
// imports no other package of the project; the workbook reader fills its
// types and the report package renders its results.
package criteria

import (
	"strconv"
	"time"
)

// UnitType is the kind of party organisation; its string is the JSON form.
type UnitType string

// The three unit types of SPEC §1.
const (
	CellGrassroots  UnitType = "chi_bo_co_so"      // chi bộ cơ sở
	CellSubordinate UnitType = "chi_bo_truc_thuoc" // chi bộ trực thuộc đảng bộ cơ sở
	Committee       UnitType = "dang_bo_co_so"     // đảng bộ cơ sở
)

// UnitTypes lists the types in the order reports present them.
var UnitTypes = []UnitType{Committee, CellGrassroots, CellSubordinate}

// IsCell reports whether the unit is evaluated as a "chi bộ bốn tốt".
func (t UnitType) IsCell() bool { return t == CellGrassroots || t == CellSubordinate }

// Label is the Vietnamese name of the type.
func (t UnitType) Label() string {
	switch t {
	case CellGrassroots:
		return "Chi bộ cơ sở"
	case CellSubordinate:
		return "Chi bộ trực thuộc"
	case Committee:
		return "Đảng bộ cơ sở"
	}
	return string(t)
}

// Rating is an annual quality rating of a person or organisation. The zero
// value means "not rated"; the others are ordered so that a larger value is a
// better rating.
type Rating uint8

// The four levels of the annual review.
const (
	RatingNone Rating = iota
	KHTNV             // Không hoàn thành nhiệm vụ
	HTNV              // Hoàn thành nhiệm vụ
	HTTNV             // Hoàn thành tốt nhiệm vụ
	HTXSNV            // Hoàn thành xuất sắc nhiệm vụ
)

// Code is the abbreviation used in JSON ("HTXSNV"), or "" when not rated.
func (r Rating) Code() string {
	return [...]string{"", "KHTNV", "HTNV", "HTTNV", "HTXSNV"}[r]
}

// Label is the full Vietnamese name of the rating.
func (r Rating) Label() string {
	return [...]string{"", "Không hoàn thành nhiệm vụ", "Hoàn thành nhiệm vụ",
		"Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"}[r]
}

// Level is the level of a 528-QĐ/TU criterion; zero means not given.
type Level uint8

// The four criterion levels, ascending.
const (
	LevelNone      Level = iota
	LevelWeak            // kém
	LevelAverage         // trung bình
	LevelGood            // tốt
	LevelExcellent       // xuất sắc
)

// Code is the JSON identifier of the level ("tot"), or "" when not given.
func (l Level) Code() string {
	return [...]string{"", "kem", "trung_binh", "tot", "xuat_sac"}[l]
}

// Label is the Vietnamese name of the level.
func (l Level) Label() string {
	return [...]string{"", "Kém", "Trung bình", "Tốt", "Xuất sắc"}[l]
}

// Sheet identifies one of the input sheets of SPEC §3.
type Sheet int

// The input sheets. Units is the only required one.
const (
	SheetUnits          Sheet = iota // Đơn vị
	SheetMeetings                    // Sinh hoạt
	SheetCommittee                   // Họp cấp ủy
	SheetMembers                     // Đảng viên
	SheetStaff                       // Cán bộ
	SheetMassOrgs                    // Đoàn thể
	SheetCriteria                    // Tiêu chí
	SheetCases                       // Đơn thư vụ việc
	SheetSelfAssessment              // Tự đánh giá
	SheetHistory                     // Lịch sử: earlier years (optional, read under HistoryStreaks)
	numSheets
)

// SheetNames are the canonical Vietnamese sheet names, indexed by Sheet.
var SheetNames = [numSheets]string{
	"Đơn vị", "Sinh hoạt", "Họp cấp ủy", "Đảng viên", "Cán bộ", "Đoàn thể",
	"Tiêu chí", "Đơn thư vụ việc", "Tự đánh giá", "Lịch sử",
}

// AllSheets lists every sheet in workbook order.
func AllSheets() []Sheet {
	s := make([]Sheet, numSheets)
	for i := range s {
		s[i] = Sheet(i)
	}
	return s
}

// String is the canonical Vietnamese name.
func (s Sheet) String() string { return SheetNames[s] }

// SheetSet records which sheets a unit's workbook contains, because an
// absent sheet means "not recorded" (thieu_du_lieu), not "none".
type SheetSet uint16

// Has reports whether s is in the set.
func (set SheetSet) Has(s Sheet) bool { return set&(1<<s) != 0 }

// With returns the set with s added.
func (set SheetSet) With(s Sheet) SheetSet { return set | 1<<s }

// committeeReads are the sheets of a chi bộ trực thuộc that its đảng bộ's
// own checks read (SPEC §3): the chi bộ's Đơn vị row (its rating), its
// Đảng viên (TC4, and through them nothing else) and its Đơn thư vụ việc
// (TC3). Its Tiêu chí, Sinh hoạt and the rest are judged for it alone.
const committeeReads = SheetSet(1<<SheetUnits | 1<<SheetMembers | 1<<SheetCases)

// errorsReachVerdict reports whether the unit's data errors make its own
// verdict loi_du_lieu: all do but those in Lịch sử, which no check reads;
// they leave its streaks incomplete instead (HistoryResult.Incomplete).
func (u *Unit) errorsReachVerdict() bool {
	return u.HasErrors && (u.ErrorSheets == 0 || u.ErrorSheets&^(1<<SheetHistory) != 0)
}

// errorsReachCommittee reports whether the unit's data errors make its
// đảng bộ loi_du_lieu too: they lie in a row the đảng bộ's checks read, or
// their place is unknown, where the safe answer is yes.
func (u *Unit) errorsReachCommittee() bool {
	return u.HasErrors && (u.ErrorSheets == 0 || u.ErrorSheets&committeeReads != 0)
}

// Source locates a row of an input workbook, for evidence and problems. A
// province holds millions of rows, so the file and sheet names are shared
// by every row of a sheet rather than copied into each.
type Source struct {
	Ref *SheetRef // nil when unknown
	Row int       // 1-based row number; 0 when unknown
}

// SheetRef names one sheet of one workbook.
type SheetRef struct {
	File  string // base name of the workbook, as shown to users
	Sheet string // sheet name as it appears in the workbook
}

// NewSource is the Source of row row of a sheet.
func NewSource(file, sheet string, row int) Source {
	return Source{Ref: &SheetRef{File: file, Sheet: sheet}, Row: row}
}

// File is the base name of the workbook, or "".
func (s Source) File() string {
	if s.Ref == nil {
		return ""
	}
	return s.Ref.File
}

// Sheet is the sheet name as it appears in the workbook, or "".
func (s Source) Sheet() string {
	if s.Ref == nil {
		return ""
	}
	return s.Ref.Sheet
}

// String renders "Sinh hoạt dòng 17", the form evidence sentences use.
func (s Source) String() string {
	if s.Row == 0 {
		return s.Sheet()
	}
	// Appended in one buffer, not fmt nor concatenation: every listed row
	// of every evidence sentence passes here.
	var buf [64]byte
	return string(s.AppendTo(buf[:0]))
}

// AppendTo appends String's text to b.
func (s Source) AppendTo(b []byte) []byte {
	b = append(b, s.Sheet()...)
	if s.Row != 0 {
		b = append(b, " dòng "...)
		b = strconv.AppendInt(b, int64(s.Row), 10)
	}
	return b
}

// Dataset is everything read from one or more workbooks.
type Dataset struct {
	Year     int  // the evaluation year
	YearAuto bool // true when Year was inferred from the data, not --year
	// YearNow: inferred, but no row is dated, so Year is the current year.
	YearNow bool
	// YearTemplate: inferred, no row is dated, and Year is the year the
	// workbook's template was made for (bontot template --year).
	YearTemplate bool
	Units        []*Unit
	Problems     []Problem
}

// Unit is one party organisation with all rows that belong to it.
type Unit struct {
	Code, Name string
	Type       UnitType
	Parent     string // code of the parent đảng bộ cơ sở, "" if none
	Cluster    string // cụm, "" if none
	Pilot      bool   // làm điểm
	Standing   bool   // has a ban thường vụ
	Rating     Rating // its own annual rating (Xếp loại), RatingNone if blank
	// Discipline is the unit's Kỷ luật cell as written when the
	// organisation was disciplined in the year (Khiển trách, Cảnh cáo,
	// Giải tán); "" when not, or when the column is absent.
	Discipline string

	AdmissionTarget int // Chỉ tiêu kết nạp; meaningful only if HasTarget
	HasTarget       bool
	Admitted        int // Đã kết nạp; meaningful only if HasAdmitted
	HasAdmitted     bool

	Source Source   // the row in Đơn vị
	Sheets SheetSet // sheets present in the unit's workbook
	// SelfSheet is the Tự đánh giá sheet of the unit's workbook, nil when
	// it has none: a warning that the unit assessed nothing names the
	// sheet to fill in even when no row of it is the unit's.
	SelfSheet *SheetRef
	HasErrors bool // some row of this unit had an error: verdict loi_du_lieu
	// ErrorSheets are the sheets whose rows of this unit had the errors
	// HasErrors records; empty when the reader did not say where.
	ErrorSheets SheetSet

	Meetings          []Meeting
	CommitteeMeetings []CommitteeMeeting
	Members           []Member
	Staff             []Person
	MassOrgs          []MassOrg
	Criteria          []Criterion528
	Cases             []Case
	SelfAssessment    []SelfItem
	// History holds the unit's earlier years from Lịch sử, one per year,
	// each before the evaluation year (the reader leaves out the others).
	History []PastYear
}

// PastYear is one row of Lịch sử: the unit's result of an earlier year.
type PastYear struct {
	Year     int
	Rating   Rating // the unit's own rating that year
	FourGood bool   // đạt "bốn tốt" that year; meaningful only if HasFourGood
	// HasFourGood is false when the Bốn tốt cell is blank or the sheet has
	// no such column: that year is not known to be "bốn tốt".
	HasFourGood bool
	Source      Source
	Cell        string // the Năm cell (A1), for the reader's problems about the row
}

// MeetingKind distinguishes regular (thường kỳ) from thematic (chuyên đề)
// cell meetings.
type MeetingKind uint8

// Meeting kinds.
const (
	Regular MeetingKind = iota
	Thematic
)

// Meeting is one row of Sinh hoạt, or one score sheet. It keeps what
// evaluation needs: the group scores are checked and summed into Score by
// the reader, and Score is the upper committee's where it scored too.
type Meeting struct {
	Date      time.Time // a row with only a month is dated on its first day
	Score     float64   // total on the 100-point scale
	Source    Source
	Present   int32 // Có mặt; 0 with Total 0 means not given
	Total     int32 // Tổng số đảng viên
	Kind      MeetingKind
	MonthOnly bool
	HasScore  bool
	// ScoreSheet: read from a score sheet (one sheet per meeting), not a
	// row of Sinh hoạt; Source then names the sheet, with no row.
	ScoreSheet bool
	// UpperScore: Score is the upper committee's (Điểm cấp trên chấm),
	// which decides over the chi bộ's own; the evidence says so, since the
	// sheet shows both.
	UpperScore bool
	// Groups are the group scores behind Score: always for a meeting read
	// from a score sheet, and for a Sinh hoạt row only when the full-marks
	// gate needs them (Thresholds.FullMarksGroups); nil otherwise.
	Groups []GroupScore
}

// CommitteeKind is the kind of a Họp cấp ủy row.
type CommitteeKind uint8

// Committee meeting kinds.
const (
	ExecutiveBoard CommitteeKind = iota // Ban chấp hành (đảng ủy)
	StandingBoard                       // Ban thường vụ
	Assembly                            // Hội nghị đảng bộ (toàn đảng bộ)
	Congress                            // Đại hội
)

// CommitteeMeeting is one row of Họp cấp ủy.
type CommitteeMeeting struct {
	Date   time.Time
	Kind   CommitteeKind
	Source Source
}

// Residence is the kind of feedback from the member's place of residence
// (Quy định 213-QĐ/TW).
type Residence uint8

// Residence feedback kinds.
const (
	ResidenceBlank    Residence = iota // nothing recorded
	ResidencePositive                  // Tốt, Khá, Đạt, Hoàn thành …
	ResidenceNegative                  // Không đạt, Chưa tốt, Kém …
	ResidenceNotTaken                  // "Không lấy ý kiến": left out (Hướng dẫn 33-HD/BTCTW)
)

// Member is one row of Đảng viên. A province lists a million members:
// the strings first and the small fields packed after them.
type Member struct {
	Name string
	ID   string // Mã đảng viên, may be ""
	// ViolationText is the violation as the Vi phạm cell writes it, the
	// evidence; "" when the cell only says yes.
	ViolationText string
	// DisciplineText is the Kỷ luật cell as written, quoted as the
	// evidence of Discipline.
	DisciplineText string
	Source         Source
	// AdmittedOn is Ngày kết nạp, zero when not given: a member admitted
	// fewer than Thresholds.NewMemberMonths before the end of the
	// evaluation year may be left unrated.
	AdmittedOn Day
	Exempt     bool // miễn công tác và sinh hoạt đảng: out of every denominator
	// Suspended: đình chỉ sinh hoạt đảng. A suspended member is not rated
	// (Quy định 366-QĐ/TW, art. 5, which replaced the 2019 Hướng dẫn
	// 21-HD/BTCTW on this) and is out of every denominator, as an exempt
	// one is.
	Suspended bool
	// NewByNote: no Ngày kết nạp, but the list's Ghi chú says the member
	// was admitted too recently to be rated ("mới kết nạp, chưa đủ 6
	// tháng"): the office's word, read as a new member (SPEC §4 "Office
	// layouts": a Ghi chú giving the reason acts as that column).
	NewByNote bool
	Rating    Rating // RatingNone when blank
	Violation bool   // violated "những điều đảng viên không được làm"
	Residence Residence
	// Discipline is the Kỷ luật column: a member disciplined in the year
	// counts for tc4.no_violations.
	Discipline Discipline
	// CommitteeMember is the Cấp ủy viên column: the member sits on the
	// committee of the unit whose row it is (chi ủy, đảng ủy).
	CommitteeMember bool
}

// Day is a calendar date in four bytes, for the dates a million rows
// hold: days since 1 January of year 1, so that the zero Day, like the
// zero time.Time, means "not given".
type Day int32

// unixDay0 is the Day of 1 January 1970.
const unixDay0 = 719162

// DayOf is the Day of t's calendar date.
func DayOf(t time.Time) Day {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	days := u / 86400
	if u%86400 < 0 {
		days--
	}
	return Day(days + unixDay0)
}

// Time is the date at midnight UTC; the zero time for the zero Day.
func (d Day) Time() time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Unix((int64(d)-unixDay0)*86400, 0).UTC()
}

// IsZero reports whether the date was not given.
func (d Day) IsZero() bool { return d == 0 }

// OutOfRating reports whether the member is out of every denominator:
// exempt from party work or suspended from party activity.
func (m *Member) OutOfRating() bool { return m.Exempt || m.Suspended }

// Discipline is a disciplinary measure of a party member (Điều lệ Đảng,
// Điều 35): the zero value means none.
type Discipline uint8

// The four measures for a party member, from the lightest.
const (
	DisciplineNone Discipline = iota
	Reprimand                 // khiển trách
	Warning                   // cảnh cáo
	Dismissal                 // cách chức
	Expulsion                 // khai trừ
)

// Label is the Vietnamese name of the measure, "" for none.
func (d Discipline) Label() string {
	return [...]string{"", "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"}[d]
}

// RatingBands are the lowest points (0–100) of HTXSNV, HTTNV and HTNV:
// a rating given as points (Điểm xếp loại) is the highest level whose
// band it reaches, KHTNV below the last (Quy định 366-QĐ/TW: 90, 70, 50).
type RatingBands [3]float64

// Rating turns points into a rating.
func (b RatingBands) Rating(points float64) Rating {
	switch {
	case points >= b[0]:
		return HTXSNV
	case points >= b[1]:
		return HTTNV
	case points >= b[2]:
		return HTNV
	}
	return KHTNV
}

// Person is one row of Cán bộ.
type Person struct {
	Name   string
	Rating Rating
	Source Source
}

// MassOrg is one row of Đoàn thể (a socio-political organisation).
type MassOrg struct {
	Name   string
	Rating Rating
	Source Source
}

// Criterion528 is one row of Tiêu chí: a criterion of Quy định 528-QĐ/TU,
// given as a level or as a 0–100 score that the thresholds' bands turn into
// a level.
type Criterion528 struct {
	Name     string
	Key      bool // group "Trọng tâm"
	Level    Level
	Score    float64
	HasScore bool // Level is LevelNone and Score holds the score
	Source   Source
}

// CaseKind is the kind of a Đơn thư vụ việc row.
type CaseKind uint8

// Case kinds.
const (
	Petition      CaseKind = iota // Đơn thư
	Complaint                     // Khiếu nại
	Denunciation                  // Tố cáo
	PressingIssue                 // Vấn đề nổi cộm
)

// Label is the Vietnamese name of the kind.
func (k CaseKind) Label() string {
	return [...]string{"Đơn thư", "Khiếu nại", "Tố cáo", "Vấn đề nổi cộm"}[k]
}

// Case is one row of Đơn thư vụ việc.
type Case struct {
	Date     time.Time
	Kind     CaseKind
	Resolved bool
	Source   Source
}

// SelfItem is one row of Tự đánh giá: a unit's own judgement of a
// qualitative item.
type SelfItem struct {
	ItemID string // e.g. "tc1.q1"
	Met    bool   // Đạt
	Note   string
	Source Source
}

// Severity grades a Problem.
type Severity string

// Problem severities (SPEC §3).
const (
	SeverityError   Severity = "error"   // the row is left out, its unit is loi_du_lieu
	SeverityWarning Severity = "warning" // reported, nothing left out
	SeverityNote    Severity = "note"    // e.g. rows of another year left out
)

// Problem is a located finding about the input, in Vietnamese. Code
// and Message come from its ProblemType (Problem.Of).
type Problem struct {
	Code     string // the type's stable code, e.g. "value.invalid"
	Severity Severity
	File     string // base name of the workbook
	Sheet    string
	Cell     string // A1 reference, "" when the problem is about a sheet or file
	Unit     string // unit code, "" when not tied to one unit
	Message  string
	// Lead marks a problem that changes how the whole report reads (the
	// evaluation year does not match the data): every report puts it
	// first, and the terminal above the ranking.
	Lead bool
}

// String renders "khoi-2024.xlsx › Sinh hoạt!D17: message".
func (p Problem) String() string {
	loc := p.File
	if p.Sheet != "" {
		loc += " › " + p.Sheet
		if p.Cell != "" {
			loc += "!" + p.Cell
		}
	}
	if loc == "" {
		return p.Message
	}
	return loc + ": " + p.Message
}
