package criteria

import (
	"fmt"
	"slices"
	"strings"
)

// CommendationLevel is who a unit is proposed to for a giấy khen; its
// string is the JSON value of "commendation_level".
type CommendationLevel string

// Commendation levels.
const (
	// CommendUpper: the committee above the grassroots (the Đảng ủy Khối
	// of Hướng dẫn 17-HD/ĐUK, or the committee that succeeded it in 2025)
	// awards a chi bộ cơ sở or đảng bộ cơ sở (guidance III.1).
	CommendUpper CommendationLevel = "cap_tren_co_so"
	// CommendGrassroots: the đảng ủy cơ sở awards its own chi bộ trực
	// thuộc (Hướng dẫn 06-HD/TW; profile 2025).
	CommendGrassroots CommendationLevel = "dang_uy_co_so"
)

// Label is the Vietnamese name of the list the level puts a unit on.
func (l CommendationLevel) Label() string {
	switch l {
	case CommendUpper:
		return "đề xuất tặng giấy khen"
	case CommendGrassroots:
		return "đề nghị đảng ủy cơ sở tặng giấy khen"
	}
	return ""
}

// commendation decides whether u, with verdict v, is proposed for a giấy
// khen, and by whom. Guidance III.1, second bullet: the outstanding
// grassroots organisations rated HTXSNV; a chi bộ trực thuộc is left to its
// đảng ủy (III.4.1), which under Hướng dẫn 06-HD/TW gets a list of its own:
// the chi bộ trực thuộc that are "bốn tốt" and rated HTXSNV. The guidance
// speaks of the "tiêu biểu" among them; the data cannot tell more than
// dat and HTXSNV, and the đảng ủy chooses from the list.
func (e *evaluator) commendation(u *Unit, v Status) (bool, CommendationLevel) {
	if v != Met || u.Rating != HTXSNV {
		return false, ""
	}
	if u.Type != CellSubordinate {
		return true, CommendUpper
	}
	if e.th.CommendationSubordinate {
		return true, CommendGrassroots
	}
	return false, ""
}

// UpperCommendation reports whether ur is on the first list, "đề xuất tặng
// giấy khen" by the committee above the grassroots: commended, and not one
// of the chi bộ trực thuộc the 2025 rules leave to their đảng ủy cơ sở.
func (ur *UnitResult) UpperCommendation() bool {
	return ur.Commendation && ur.CommendationLevel != CommendGrassroots
}

// CommendationGroup is the second commendation list of one đảng ủy cơ
// sở: its chi bộ trực thuộc proposed for its giấy khen.
type CommendationGroup struct {
	Parent string        // the đảng bộ cơ sở's code, as the chi bộ writes it
	Name   string        // its name, "" when it is not among the units read
	Units  []*UnitResult // in report order (ranked)
	// Quota is the parent's quota.htxsnv_orgs result when it is not dat:
	// its chi bộ trực thuộc rated HTXSNV exceed the share of Quy định
	// 366-QĐ/TW art. 11 (or may, with blank ratings). The list still
	// names every chi bộ that is dat and HTXSNV — the ratings are the đảng
	// ủy's to revise, not bontot's to pick among — but never silently:
	// every report prints this result beside the list. nil when the
	// quota is met or not checked.
	Quota *ImplementationResult
}

// GrassrootsCommendations is the list "đề nghị đảng ủy cơ sở tặng giấy
// khen" (Hướng dẫn 06-HD/TW) grouped by đảng ủy cơ sở, in the order the
// report ranks the đảng bộ cơ sở; a parent not among the units read (a
// chi bộ's own workbook) comes last, by code. Empty unless the thresholds
// turn the list on.
func (r *Report) GrassrootsCommendations() []CommendationGroup {
	var groups []CommendationGroup
	at := map[string]int{}
	for i := range r.Units {
		ur := &r.Units[i]
		if ur.CommendationLevel != CommendGrassroots {
			continue
		}
		k, ok := at[ur.Unit.Parent]
		if !ok {
			k = len(groups)
			at[ur.Unit.Parent] = k
			groups = append(groups, CommendationGroup{Parent: ur.Unit.Parent})
		}
		groups[k].Units = append(groups[k].Units, ur)
	}
	order := map[string]int{}
	for i := range r.Units {
		if u := r.Units[i].Unit; u.Type == Committee {
			if _, seen := order[u.Code]; !seen {
				order[u.Code] = i
			}
			for k := range groups {
				if groups[k].Parent == u.Code {
					groups[k].Name = u.Name
				}
			}
		}
	}
	for k := range groups {
		groups[k].Quota = r.quotaNotMet(groups[k].Parent)
	}
	slices.SortStableFunc(groups, func(a, b CommendationGroup) int {
		ia, oka := order[a.Parent]
		ib, okb := order[b.Parent]
		switch {
		case oka && okb:
			return ia - ib
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Parent, b.Parent)
	})
	return groups
}

// quotaNotMet is the quota.htxsnv_orgs result of unit code ("": the
// entry over the units evaluated together) when it is not dat, else nil.
func (r *Report) quotaNotMet(code string) *ImplementationResult {
	for i := range r.Implementation {
		im := &r.Implementation[i]
		if im.ID == quotaOrgsID && im.Unit == code && im.Cluster == "" && im.Status != Met {
			return im
		}
	}
	return nil
}

// UpperQuota is the quota.htxsnv_orgs result over the chi bộ cơ sở and
// đảng bộ cơ sở evaluated together when it is not dat: more of them are
// rated HTXSNV than Quy định 366-QĐ/TW art. 11 allows, so the first
// commendation list, which takes every unit dat and HTXSNV, must say so
// beside it. nil when the quota is met or not checked.
func (r *Report) UpperQuota() *ImplementationResult { return r.quotaNotMet("") }

// Streak is a run of consecutive years, ending with the evaluation year
// when that year counts, else with the year before.
type Streak struct {
	Years    int // 0: none
	From, To int // first and last year of the run; To is set even when Years is 0
	// ThisYear: the evaluation year itself counts (it ends the run).
	ThisYear bool
	// Now says why the evaluation year does not count, when it does not
	// ("năm 2024 xếp loại HTTNV", "năm 2024 chưa kết luận (còn khả năng)").
	Now string
	// Stop says why the run does not reach further back: the year before
	// it is not in Lịch sử, or is there without the result ("năm 2019 xếp
	// loại HTTNV", "năm 2019 không có trong Lịch sử").
	Stop string
}

// HistoryResult is a unit's record over the years: years in a row rated
// HTXSNV, years in a row "bốn tốt", and whether the HTXSNV run reaches
// Thresholds.HistoryStreakYears with the evaluation year. Hướng dẫn
// 06-HD/TW §19 grounds the higher award on years in a row of HTXSNV only:
// the "bốn tốt" run is shown, never a ground.
type HistoryResult struct {
	HTXSNV, FourGood Streak
	HigherAward      bool // đề nghị khen thưởng cấp cao hơn
	// Incomplete: some Lịch sử row of the unit had an error and was left
	// out. A row left out can only end a run early, so the years are a
	// floor: a HigherAward stands, its absence may be wrong.
	Incomplete bool
	Message    string // Vietnamese, the evidence
}

// history computes u's streaks, or nil when the rules do not read Lịch
// sử or u's workbook has none. This year counts for HTXSNV when the unit
// is rated HTXSNV in Đơn vị, and for "bốn tốt" when its verdict is dat:
// under --as-of, a verdict still open does not count yet.
func (e *evaluator) history(u *Unit, v Status) *HistoryResult {
	if !e.th.HistoryStreaks || !u.Sheets.Has(SheetHistory) {
		return nil
	}
	past := make(map[int]*PastYear, len(u.History))
	for i := range u.History {
		past[u.History[i].Year] = &u.History[i]
	}
	h := &HistoryResult{
		HTXSNV: streak(past, e.year, htxsnvNow(u.Rating, e.year), func(p *PastYear) string {
			if p.Rating == HTXSNV {
				return ""
			}
			return fmt.Sprintf("năm %d xếp loại %s", p.Year, p.Rating.Code())
		}),
		FourGood: streak(past, e.year, fourGoodNow(v, e.year), func(p *PastYear) string {
			switch {
			case !p.HasFourGood:
				return fmt.Sprintf("năm %d chưa ghi Bốn tốt", p.Year)
			case !p.FourGood:
				return fmt.Sprintf("năm %d không đạt bốn tốt", p.Year)
			}
			return ""
		}),
	}
	n := e.th.HistoryStreakYears
	// Hướng dẫn 06-HD/TW §19: HTXSNV years in a row, this year included.
	h.HigherAward = h.HTXSNV.ThisYear && h.HTXSNV.Years >= n
	h.Message = "HTXSNV: " + h.HTXSNV.describe() + "; bốn tốt: " + h.FourGood.describe()
	if h.HigherAward {
		h.Message += fmt.Sprintf(" — HTXSNV đủ %d năm liên tục: đề nghị khen thưởng cấp cao hơn", n)
	}
	if h.Incomplete = u.ErrorSheets.Has(SheetHistory); h.Incomplete && !h.HigherAward {
		h.Message += " — Lịch sử của đơn vị có dòng lỗi bị bỏ qua: số năm liên tục có thể nhiều hơn, hãy sửa các dòng đó"
	}
	return h
}

// htxsnvNow is why the evaluation year does not count for the HTXSNV
// streak, "" when it does: the unit's own rating in Đơn vị.
func htxsnvNow(r Rating, year int) string {
	switch r {
	case HTXSNV:
		return ""
	case RatingNone:
		return fmt.Sprintf("năm %d chưa có xếp loại (sheet Đơn vị)", year)
	}
	return fmt.Sprintf("năm %d xếp loại %s", year, r.Code())
}

// fourGoodNow is why the evaluation year does not count for the "bốn
// tốt" streak, "" when it does: the verdict of this evaluation.
func fourGoodNow(v Status, year int) string {
	switch v {
	case Met:
		return ""
	case NotMet:
		return fmt.Sprintf("năm %d không đạt bốn tốt", year)
	}
	return fmt.Sprintf("năm %d chưa kết luận (%s)", year, strings.ToLower(v.Label()))
}

// streak counts the run of years ending with year (when now is "": the
// year counts) or year-1, going back while bad reports nothing against
// the year's row.
func streak(past map[int]*PastYear, year int, now string, bad func(*PastYear) string) Streak {
	s := Streak{ThisYear: now == "", Now: now, To: year - 1}
	if s.ThisYear {
		s.Years, s.To = 1, year
	}
	y := year - 1
	for ; ; y-- {
		p, ok := past[y]
		if !ok {
			s.Stop = fmt.Sprintf("năm %d không có trong Lịch sử", y)
			break
		}
		if why := bad(p); why != "" {
			s.Stop = why
			break
		}
		s.Years++
	}
	if s.Years > 0 {
		s.From = y + 1
	}
	return s
}

// describe is "5 năm liên tục (2020–2024)", with why the run stops and,
// when this year does not count, why not.
func (s Streak) describe() string {
	var b strings.Builder
	switch {
	case s.Years == 0:
		fmt.Fprintf(&b, "%s; %s", s.Now, s.Stop)
		return b.String()
	case s.Years == 1:
		fmt.Fprintf(&b, "1 năm (%d)", s.To)
	default:
		fmt.Fprintf(&b, "%d năm liên tục (%d–%d)", s.Years, s.From, s.To)
	}
	if !s.ThisYear {
		fmt.Fprintf(&b, ", %s", s.Now)
	}
	fmt.Fprintf(&b, "; trước đó %s", s.Stop)
	return b.String()
}

// HigherAwards lists the units whose HTXSNV streak reaches
// Thresholds.HistoryStreakYears (đề nghị khen thưởng cấp cao hơn), in
// report order.
func (r *Report) HigherAwards() []*UnitResult {
	var out []*UnitResult
	for i := range r.Units {
		if h := r.Units[i].History; h != nil && h.HigherAward {
			out = append(out, &r.Units[i])
		}
	}
	return out
}
