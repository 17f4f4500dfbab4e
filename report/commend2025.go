package report

// The commendation rules of Hướng dẫn 06-HD/TW (profile 2025): the second
// list, "đề nghị đảng ủy cơ sở tặng giấy khen", and the units whose years
// in a row of HTXSNV reach the higher award. Every renderer shows them only
// when the report's thresholds turn them on, so that a hd17-2023 report is
// byte for byte what it was; the lists themselves come from the criteria
// package.

import (
	"fmt"
	"strings"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// commendationText is the phrase after a unit's verdict: which list it is
// on ("đề xuất tặng giấy khen", "đề nghị đảng ủy cơ sở tặng giấy khen").
func commendationText(ur *criteria.UnitResult) string {
	if l := ur.CommendationLevel.Label(); l != "" {
		return l
	}
	return criteria.CommendUpper.Label() // a report built without levels
}

// grassrootsTitle heads the second list in every format.
// "Bốn tốt" is Hướng dẫn 17-HD/ĐUK's, not Hướng dẫn 06-HD/TW's: the latter
// gives the đảng ủy cơ sở its giấy khen (Hướng dẫn 06-HD/TW §19).
const grassrootsTitle = "ĐỀ NGHỊ ĐẢNG ỦY CƠ SỞ TẶNG GIẤY KHEN (chi bộ trực thuộc đạt “bốn tốt”, xếp loại HTXSNV; khen thưởng theo Hướng dẫn 06-HD/TW)"

// higherTitle heads the list of units whose HTXSNV streak reaches the
// higher award (Hướng dẫn 06-HD/TW §19: HTXSNV years only).
func higherTitle(th criteria.Thresholds) string {
	return fmt.Sprintf("ĐỀ NGHỊ KHEN THƯỞNG CẤP CAO HƠN (HTXSNV đủ %d năm liên tục, Hướng dẫn 06-HD/TW)", th.HistoryStreakYears)
}

// parentText is "DB01 Đảng bộ Sở Y tế", or the code alone when the đảng bộ
// is not among the units read.
func parentText(g criteria.CommendationGroup) string {
	if g.Name == "" {
		return g.Parent
	}
	return g.Parent + " " + g.Name
}

// anyHistory reports whether some unit's workbook had a Lịch sử sheet.
func anyHistory(r *criteria.Report) bool {
	for i := range r.Units {
		if r.Units[i].History != nil {
			return true
		}
	}
	return false
}

// commendations2025 writes the terminal's sections for the 2025 lists,
// under the first commendation list; nothing when the rules have neither.
func (t *textWriter) commendations2025(r *criteria.Report) {
	th := r.Thresholds
	n := unitTypeCount(r)
	if th.CommendationSubordinate {
		t.line("")
		t.title(grassrootsTitle)
		groups := r.GrassrootsCommendations()
		if len(groups) == 0 {
			t.line("  Không có chi bộ trực thuộc nào đủ điều kiện.")
		}
		for _, g := range groups {
			t.hanging("  ", "    ", cellText(parentText(g))+":")
			for _, ur := range g.Units {
				t.hanging("    - ", "      ", fmt.Sprintf("%s %s (hạng %d/%d chi bộ trực thuộc)", cellText(ur.Unit.Code), cellText(ur.Unit.Name), ur.Rank, n[criteria.CellSubordinate]))
			}
			if g.Quota != nil {
				t.paragraph("    ", quotaNote(g.Quota))
			}
		}
	}
	if th.HistoryStreaks {
		t.line("")
		t.title(higherTitle(th))
		if !anyHistory(r) {
			t.paragraph("  ", "Sổ không có sheet Lịch sử (kết quả các năm trước): chưa tính được số năm liên tục.")
			return
		}
		units := r.HigherAwards()
		if len(units) == 0 {
			t.line("  Không có đơn vị nào đủ số năm liên tục.")
		}
		for _, ur := range units {
			t.hanging("  - ", "    ", fmt.Sprintf("%s %s (%s): %s", cellText(ur.Unit.Code), cellText(ur.Unit.Name), strings.ToLower(ur.Unit.Type.Label()), ur.History.Message))
		}
	}
}

// title writes a section title in bold, wrapped: bold goes on each line,
// since wrapping (hanging) would show the escape codes as text.
func (t *textWriter) title(s string) {
	for _, l := range wrap(s, t.width) {
		t.line(t.bold(l))
	}
}

// unitHistory writes a unit's streaks in its own view.
func (t *textWriter) unitHistory(ur *criteria.UnitResult) {
	if ur.History != nil {
		t.line("Các năm liên tục:")
		t.paragraph("  ", ur.History.Message)
	}
}

// upToNow is the years of s that end with the evaluation year: a run that
// ended the year before counts 0 here (the terminal and JSON say how long
// it was).
func upToNow(s criteria.Streak) int {
	if !s.ThisYear {
		return 0
	}
	return s.Years
}

// lists2025 are the lists of Đề xuất khen thưởng that the 2025 rules add
// after the first one: the chi bộ trực thuộc their đảng ủy cơ sở commends,
// and the units whose streaks reach a higher award.
func (x *xlsxWriter) lists2025() []commendationList {
	th := x.r.Thresholds
	var lists []commendationList
	if th.CommendationSubordinate {
		// The list in group order, each unit with its đảng ủy cơ sở.
		var units []*criteria.UnitResult
		parents := map[*criteria.UnitResult]string{}
		over := map[*criteria.UnitResult]*criteria.ImplementationResult{}
		for _, g := range x.r.GrassrootsCommendations() {
			for _, ur := range g.Units {
				units = append(units, ur)
				parents[ur] = parentText(g)
				over[ur] = g.Quota
			}
		}
		lists = append(lists, commendationList{
			Title: "Danh sách đề nghị đảng ủy cơ sở tặng giấy khen",
			Basis: fmt.Sprintf("Chi bộ trực thuộc đạt “bốn tốt” năm %d và được xếp loại “Hoàn thành xuất sắc nhiệm vụ”, theo từng đảng ủy cơ sở; đảng ủy cơ sở khen thưởng theo Hướng dẫn 06-HD/TW.", x.r.Year),
			Units: units,
			Grounds: func(ur *criteria.UnitResult) string {
				s := fmt.Sprintf("Đạt “bốn tốt” năm %d (%d/4 tiêu chí đạt); xếp loại %s; thuộc %s",
					x.r.Year, ur.CriteriaMet, ur.Unit.Rating.Code(), nfc.String(parents[ur]))
				if q := over[ur]; q != nil {
					// Never silently: the đảng ủy's chi bộ HTXSNV exceed
					// the share of Quy định 366-QĐ/TW art. 11.
					s += ". " + nfc.String(quotaNote(q))
				}
				return s
			},
			Empty: "Không có chi bộ trực thuộc nào đủ điều kiện.",
		})
	}
	if th.HistoryStreaks {
		empty := "Không có đơn vị nào đủ số năm liên tục."
		if !anyHistory(x.r) {
			empty = "Sổ không có sheet Lịch sử (kết quả các năm trước): chưa tính được số năm liên tục."
		}
		lists = append(lists, commendationList{
			Title: "Danh sách đề nghị khen thưởng cấp cao hơn",
			Basis: fmt.Sprintf("Đơn vị “Hoàn thành xuất sắc nhiệm vụ” đủ %d năm liên tục đến năm %d (Hướng dẫn 06-HD/TW).", th.HistoryStreakYears, x.r.Year),
			Units: x.r.HigherAwards(),
			Grounds: func(ur *criteria.UnitResult) string {
				return streakGrounds(ur.History, x.r.Year)
			},
			Empty: empty,
		})
	}
	return lists
}

// streakGrounds says the run up to year that a higher award rests on: the
// HTXSNV years alone (Hướng dẫn 06-HD/TW §19); the "bốn tốt" run is in the
// unit's history, never a ground.
func streakGrounds(h *criteria.HistoryResult, year int) string {
	return fmt.Sprintf("HTXSNV %d năm liên tục (%d–%d)", upToNow(h.HTXSNV), h.HTXSNV.From, year)
}

// jsonKeys are the unit keys a report's rules add to the JSON (SPEC §6):
// none under hd17-2023, so that its documents stay as they were.
type jsonKeys struct{ level, history bool }

func jsonKeysOf(r *criteria.Report) jsonKeys {
	return jsonKeys{level: r.Thresholds.CommendationSubordinate, history: r.Thresholds.HistoryStreaks}
}

// unit2025 writes a unit's "commendation_level" (null, "cap_tren_co_so" or
// "dang_uy_co_so") and "history" (null without a Lịch sử sheet), each only
// under the rules that have it.
func (j *jsonWriter) unit2025(d int, ur *criteria.UnitResult) {
	if j.keys.level {
		j.key(d+1, "commendation_level", false)
		j.nullable(string(ur.CommendationLevel))
	}
	if !j.keys.history {
		return
	}
	j.key(d+1, "history", false)
	h := ur.History
	if h == nil {
		j.raw("null")
		return
	}
	j.raw("{")
	for i, s := range []struct {
		key string
		s   criteria.Streak
	}{{"htxsnv", h.HTXSNV}, {"bon_tot", h.FourGood}} {
		j.key(d+2, s.key, i == 0)
		j.raw("{")
		j.key(d+3, "years", true)
		j.int(s.s.Years)
		for _, y := range []struct {
			key string
			v   int
		}{{"from", s.s.From}, {"to", s.s.To}} {
			j.key(d+3, y.key, false)
			if s.s.Years == 0 {
				j.raw("null")
			} else {
				j.int(y.v)
			}
		}
		j.key(d+3, "this_year", false)
		j.bool(s.s.ThisYear)
		j.key(d+3, "stop", false)
		j.text(s.s.Stop)
		j.end(d+2, '}')
	}
	j.key(d+2, "higher_award", false)
	j.bool(h.HigherAward)
	j.key(d+2, "incomplete", false)
	j.bool(h.Incomplete)
	j.key(d+2, "message", false)
	j.text(h.Message)
	j.end(d+1, '}')
}
