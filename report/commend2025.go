package report

// The commendation rules of Hướng dẫn 06-HD/TW (profile 2025): the second
// list, "đề nghị đảng ủy cơ sở tặng giấy khen", and the units whose years
// in a row reach the higher award. Every renderer shows them only when the
// report's thresholds turn them on, so that a hd17-2023 report is byte for
// byte what it was; the lists themselves come from the criteria package.

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
const grassrootsTitle = "ĐỀ NGHỊ ĐẢNG ỦY CƠ SỞ TẶNG GIẤY KHEN (Hướng dẫn 06-HD/TW: chi bộ trực thuộc đạt “bốn tốt”, xếp loại HTXSNV)"

// higherTitle heads the list of units whose streaks reach the higher award.
func higherTitle(th criteria.Thresholds) string {
	return fmt.Sprintf("ĐỀ NGHỊ KHEN THƯỞNG CẤP CAO HƠN (HTXSNV hoặc “bốn tốt” đủ %d năm liên tục, Hướng dẫn 06-HD/TW)", th.HistoryStreakYears)
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
// after the units' details; nothing when the rules have neither.
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
			t.hanging("  ", "    ", parentText(g)+":")
			for _, ur := range g.Units {
				t.hanging("    - ", "      ", fmt.Sprintf("%s %s (hạng %d/%d chi bộ trực thuộc)", ur.Unit.Code, ur.Unit.Name, ur.Rank, n[criteria.CellSubordinate]))
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
			t.hanging("  - ", "    ", fmt.Sprintf("%s %s (%s): %s", ur.Unit.Code, ur.Unit.Name, strings.ToLower(ur.Unit.Type.Label()), ur.History.Message))
		}
	}
}

// title writes a section title in bold, wrapped: bold goes on each line,
// since wrapping (hanging) would show the escape codes as text.
func (t *textWriter) title(s string) {
	for _, l := range wrap(s, lineWidth) {
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

// commendationExtraRows counts the rows commendation2025 writes below the
// first list, so that the sheet's used range covers them.
func (x *xlsxWriter) commendationExtraRows() int {
	th, n := x.r.Thresholds, 0
	if th.CommendationSubordinate {
		n += 3 + max(len(x.grassroots()), 1) // blank, title, header, rows
	}
	if th.HistoryStreaks {
		n += 3 + max(len(x.r.HigherAwards()), 1)
	}
	return n
}

// grassroots is the second list, flattened in group order.
func (x *xlsxWriter) grassroots() []*criteria.UnitResult {
	var out []*criteria.UnitResult
	for _, g := range x.r.GrassrootsCommendations() {
		out = append(out, g.Units...)
	}
	return out
}

var grassrootsColumns = []column{
	{"STT", 6}, {"Mã", 11}, {"Tên chi bộ", 40}, {"Đảng bộ cơ sở", 18}, {"Cụm", 10}, {"Xếp loại", 10},
	{"Kết quả", 12}, {"Điểm SH bình quân", 11},
}

// higherColumns count the years in a row up to the evaluation year: a run
// that ended the year before counts 0 here (the terminal and JSON say how
// long it was).
func higherColumns(year int) []column {
	return []column{
		{"STT", 6}, {"Mã", 11}, {"Tên đơn vị", 40}, {"Loại", 18},
		{fmt.Sprintf("Số năm HTXSNV liên tục đến %d", year), 10}, {fmt.Sprintf("Số năm “bốn tốt” liên tục đến %d", year), 10},
		{"Kết quả", 12}, {"Từ năm", 11},
	}
}

// upToNow is the years of s that end with the evaluation year.
func upToNow(s criteria.Streak) int {
	if !s.ThisYear {
		return 0
	}
	return s.Years
}

// commendation2025 writes, on Đề xuất khen thưởng from row on, the second
// list grouped by đảng ủy cơ sở and the units proposed for a higher award,
// each under a title and a header row of its own.
func (x *xlsxWriter) commendation2025(sheet string, row int) error {
	th, st := x.r.Thresholds, x.st
	// row is the last row written; each block leaves a blank row above
	// its title.
	block := func(title string, cols []column, empty string, rows [][]any, styles func(i int) []int) error {
		row += 2
		if err := x.f.SetCellStr(sheet, fmt.Sprintf("A%d", row), title); err != nil {
			return err
		}
		if err := x.f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), st.subtitle); err != nil {
			return err
		}
		row++
		titles := make([]any, len(cols))
		heads := make([]int, len(cols))
		for i, c := range cols {
			titles[i], heads[i] = c.title, st.header
		}
		if err := x.putRow(sheet, cols, row, titles, heads); err != nil {
			return err
		}
		if len(rows) == 0 {
			row++
			return x.f.SetCellStr(sheet, fmt.Sprintf("A%d", row), empty)
		}
		for i, values := range rows {
			row++
			if err := x.putRow(sheet, cols, row, values, styles(i)); err != nil {
				return err
			}
		}
		return nil
	}
	if th.CommendationSubordinate {
		var rows [][]any
		for _, g := range x.r.GrassrootsCommendations() {
			for _, ur := range g.Units {
				var score any
				if ur.HasMeanScore {
					score = ur.MeanScore
				}
				rows = append(rows, []any{len(rows) + 1, ur.Unit.Code, nfc.String(ur.Unit.Name), nfc.String(parentText(g)),
					nilIfEmpty(nfc.String(ur.Unit.Cluster)), nilIfEmpty(ur.Unit.Rating.Code()), ur.Verdict.Label(), score})
			}
		}
		styles := []int{st.center, st.text, st.text, st.text, st.text, st.center, st.statusStyle(criteria.Met), st.number}
		if err := block(grassrootsTitle, grassrootsColumns,
			"Không có chi bộ trực thuộc nào đủ điều kiện.", rows, func(int) []int { return styles }); err != nil {
			return err
		}
	}
	if th.HistoryStreaks {
		var rows [][]any
		var styles [][]int
		for _, ur := range x.r.HigherAwards() {
			styles = append(styles, []int{st.center, st.text, st.text, st.text, st.center, st.center, st.statusStyle(ur.Verdict), st.center})
			h := ur.History
			// The longer of the two runs up to this year, the one the
			// award rests on.
			from := h.HTXSNV.From
			if upToNow(h.FourGood) > upToNow(h.HTXSNV) {
				from = h.FourGood.From
			}
			rows = append(rows, []any{len(rows) + 1, ur.Unit.Code, nfc.String(ur.Unit.Name), ur.Unit.Type.Label(),
				upToNow(h.HTXSNV), upToNow(h.FourGood), ur.Verdict.Label(), from})
		}
		empty := "Không có đơn vị nào đủ số năm liên tục."
		if !anyHistory(x.r) {
			empty = "Sổ không có sheet Lịch sử (kết quả các năm trước): chưa tính được số năm liên tục."
		}
		if err := block(higherTitle(th), higherColumns(x.r.Year), empty, rows, func(i int) []int { return styles[i] }); err != nil {
			return err
		}
	}
	return nil
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
