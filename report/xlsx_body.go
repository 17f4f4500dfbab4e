package report

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// The text of the báo cáo: Tổng hợp opens with a few paragraphs written
// from the figures, before the tables, so that the office does not have to
// write the report elsewhere. Each paragraph says one
// thing: what was evaluated, how many met "bốn tốt", the year before where
// Lịch sử gives it, the criteria most often missed, the units proposed for
// commendation.

// paragraph is one paragraph of the text.
type paragraph struct {
	text string
}

// maxNamed is how many units a sentence names before it refers to the
// list instead: a province's commendation list is hundreds long.
const maxNamed = 8

// body is the text of Tổng hợp.
func (x *xlsxWriter) body() []paragraph {
	if len(x.r.Units) == 0 {
		return nil
	}
	if x.to != nil {
		return x.unitBody()
	}
	var ps []paragraph
	add := func(s string) {
		if s != "" {
			ps = append(ps, paragraph{text: s})
		}
	}
	// What the whole report rests on and the reader took for granted —
	// whose workbook a sổ without a Đơn vị sheet is, from which cell; a
	// year that leaves most rows out — stands first, where the terminal
	// report puts it too (criteria.Problem.Lead), so that it is checked.
	for _, p := range x.r.Problems {
		if p.Lead {
			add(nfc.String(p.String()) + ".")
		}
	}
	add(x.evaluatedText())
	add(x.metText())
	add(x.lastYearText())
	add(missedText(x.r.Units))
	add(x.commendedText())
	return ps
}

// typeNoun is how the text names a unit type in the middle of a sentence.
func typeNoun(t criteria.UnitType) string {
	if t == criteria.CellSubordinate {
		return "chi bộ trực thuộc đảng bộ cơ sở"
	}
	return lowerFirst(t.Label())
}

// share is "75,0%": a percentage with one decimal and a decimal comma.
func share(met, total int) string {
	if total == 0 {
		return "0%"
	}
	return criteria.FormatFixed(100*float64(met)/float64(total), 1) + "%"
}

// joinAnd joins "a, b và c".
func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " và " + parts[len(parts)-1]
}

// typeTotals counts, per unit type in report order, the units and those met.
func (x *xlsxWriter) typeTotals() ([]criteria.UnitType, map[criteria.UnitType]typeCounts) {
	var order []criteria.UnitType
	counts := map[criteria.UnitType]typeCounts{}
	for i := range x.r.Units {
		ur := &x.r.Units[i]
		t := ur.Unit.Type
		c, seen := counts[t]
		if !seen {
			order = append(order, t)
		}
		c.total++
		if ur.Verdict == criteria.Met {
			c.met++
		}
		counts[t] = c
	}
	return order, counts
}

// evaluatedText: how many units of each type were evaluated.
func (x *xlsxWriter) evaluatedText() string {
	order, counts := x.typeTotals()
	var parts []string
	for _, t := range order {
		parts = append(parts, fmt.Sprintf("%d %s", counts[t].total, typeNoun(t)))
	}
	s := fmt.Sprintf("Năm %d, đã đánh giá “bốn tốt” %d tổ chức đảng", x.r.Year, len(x.r.Units))
	if len(order) > 1 {
		return s + ": " + joinAnd(parts) + "."
	}
	return fmt.Sprintf("Năm %d, đã đánh giá “bốn tốt” %s.", x.r.Year, parts[0])
}

// metText: how many met "bốn tốt", their share, per type, and what the
// others are.
func (x *xlsxWriter) metText() string {
	order, counts := x.typeTotals()
	all := typeCounts{}
	for _, t := range order {
		all.total += counts[t].total
		all.met += counts[t].met
	}
	s := fmt.Sprintf("Có %d/%d tổ chức đảng đạt “bốn tốt” (%s)", all.met, all.total, share(all.met, all.total))
	if len(order) > 1 {
		var parts []string
		for _, t := range order {
			c := counts[t]
			parts = append(parts, fmt.Sprintf("%s %d/%d (%s)", typeNoun(t), c.met, c.total, share(c.met, c.total)))
		}
		s += ": " + strings.Join(parts, "; ")
	}
	s += "."
	others := map[criteria.Status]int{}
	for i := range x.r.Units {
		if v := x.r.Units[i].Verdict; v != criteria.Met {
			others[v]++
		}
	}
	var parts []string
	for _, st := range slices.Sorted(maps.Keys(others)) {
		parts = append(parts, fmt.Sprintf("%d %s", others[st], strings.ToLower(st.Label())))
	}
	if len(parts) > 0 {
		s += " Còn lại: " + joinAnd(parts) + "."
	}
	if others[criteria.MissingData]+others[criteria.DataError] > 0 {
		s += " Đơn vị thiếu dữ liệu hoặc có lỗi dữ liệu chưa kết luận được; xem sheet “" + SheetProblems + "”."
	}
	return s
}

// lastYearText compares with the year before, over the units whose Lịch
// sử says whether they met "bốn tốt" that year; nothing without one.
func (x *xlsxWriter) lastYearText() string {
	prev := x.r.Year - 1
	known, before, now := 0, 0, 0
	for i := range x.r.Units {
		ur := &x.r.Units[i]
		for _, p := range ur.Unit.History {
			if p.Year != prev || !p.HasFourGood {
				continue
			}
			known++
			if p.FourGood {
				before++
			}
			if ur.Verdict == criteria.Met {
				now++
			}
		}
	}
	if known == 0 {
		return ""
	}
	s := fmt.Sprintf("So với năm %d (theo sheet Lịch sử của %d/%d đơn vị): năm %d có %d đơn vị đạt “bốn tốt” (%s), năm %d các đơn vị này có %d (%s)",
		prev, known, len(x.r.Units), prev, before, share(before, known), x.r.Year, now, share(now, known))
	switch {
	case now > before:
		s += fmt.Sprintf(", tăng %d", now-before)
	case now < before:
		s += fmt.Sprintf(", giảm %d", before-now)
	default:
		s += ", không đổi"
	}
	return s + "."
}

// missedText names the criteria most often not met, and the checks most
// often not met, with the number of units.
func missedText(units []criteria.UnitResult) string {
	crit := map[string]int{}
	checks := map[string]int{}
	for i := range units {
		for _, c := range units[i].Criteria {
			if c.Verdict == criteria.NotMet {
				crit[c.ID]++
			}
			seen := map[string]bool{}
			for _, ch := range c.Checks {
				if ch.Status == criteria.NotMet && !seen[ch.ID] {
					seen[ch.ID] = true
					checks[ch.ID]++
				}
			}
		}
	}
	if len(crit) == 0 {
		return "Không có tiêu chí nào bị đánh giá không đạt."
	}
	ranked := func(m map[string]int) []string {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int {
			return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b))
		})
		return keys
	}
	var parts []string
	for _, id := range ranked(crit) {
		parts = append(parts, fmt.Sprintf("%s “%s” (%d đơn vị)", criterionLabel(id), criteria.CriterionNames[id], crit[id]))
	}
	s := "Tiêu chí không đạt nhiều nhất: " + strings.Join(parts, "; ") + "."
	parts = parts[:0]
	for _, id := range ranked(checks)[:min(3, len(checks))] {
		parts = append(parts, fmt.Sprintf("“%s” (%d đơn vị)", checkTitle(id), checks[id]))
	}
	if len(parts) > 0 {
		s += " Nội dung không đạt nhiều nhất: " + strings.Join(parts, "; ") + "."
	}
	return s
}

// commendedText names the units of each commendation list.
func (x *xlsxWriter) commendedText() string {
	var parts []string
	for _, l := range x.commendationLists() {
		if len(l.Units) == 0 {
			continue
		}
		what := strings.TrimPrefix(l.Title, "Danh sách ")
		if len(l.Units) > maxNamed {
			parts = append(parts, fmt.Sprintf("%s %d đơn vị (danh sách tại sheet “%s”)", what, len(l.Units), SheetCommendation))
			continue
		}
		var names []string
		for _, ur := range l.Units {
			names = append(names, ur.Unit.Code+" "+nfc.String(ur.Unit.Name))
		}
		parts = append(parts, fmt.Sprintf("%s %d đơn vị: %s", what, len(l.Units), strings.Join(names, ", ")))
	}
	if len(parts) == 0 {
		return "Không có đơn vị nào đủ điều kiện đề nghị khen thưởng."
	}
	return upperFirst(strings.Join(parts, "; ")) + "."
}

// unitBody is the text of a unit's own report (evaluate --split).
func (x *xlsxWriter) unitBody() []paragraph {
	var ps []paragraph
	for i := range x.r.Units {
		ur := &x.r.Units[i]
		u := ur.Unit
		count := x.typeCount()
		s := fmt.Sprintf("Năm %d, %s được đánh giá “bốn tốt”: kết quả %s, %d/4 tiêu chí đạt; hạng %d/%d %s.",
			x.r.Year, nfc.String(u.Name), strings.ToLower(ur.Verdict.Label()), ur.CriteriaMet, ur.Rank, count[u.Type], typeNoun(u.Type))
		ps = append(ps, paragraph{text: s})
		var missed []string
		for _, c := range ur.Criteria {
			if c.Verdict != criteria.Met && c.Verdict != criteria.NotApplicable {
				missed = append(missed, fmt.Sprintf("%s “%s” (%s)", criterionLabel(c.ID), criteria.CriterionNames[c.ID], strings.ToLower(c.Verdict.Label())))
			}
		}
		if len(missed) > 0 {
			ps = append(ps, paragraph{text: "Tiêu chí chưa đạt: " + strings.Join(missed, "; ") + "; chi tiết tại sheet “" + SheetDetail + "”."})
		}
		if ur.Commendation {
			ps = append(ps, paragraph{text: "Đơn vị được " + commendationText(ur) + "."})
		}
	}
	return ps
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}
