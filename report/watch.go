package report

import (
	"fmt"
	"strings"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// The bloc's watch list under an as-of date (SPEC §6, an unfinished
// year): which
// units can no longer reach bốn tốt this year and what rules it out,
// which can and what each still needs, and which lack the data to tell —
// in that order, so that an office following the year sees first where
// nothing more can be done, then where its reminders still count.

// WatchEntry is one unit of the watch list and the checks that put it
// there, each as "TC2 Số buổi sinh hoạt thường kỳ: cần thêm 1 buổi …".
type WatchEntry struct {
	Unit   *criteria.UnitResult
	Checks []string
}

// WatchList is Watch's result, each group in ranking order.
type WatchList struct {
	Out     []WatchEntry // khong_dat: a check that can no longer be met
	Open    []WatchEntry // con_kha_nang: what each still needs before 31/12
	Blocked []WatchEntry // thieu_du_lieu or loi_du_lieu: what keeps the judgement open
}

// Watch makes the watch list of r; it is empty for a report of a whole
// year (no as-of date), where nothing is left to watch.
func Watch(r *criteria.Report) WatchList {
	var w WatchList
	if r.AsOf.IsZero() {
		return w
	}
	for i := range r.Units {
		ur := &r.Units[i]
		switch ur.Verdict {
		case criteria.NotMet:
			w.Out = append(w.Out, WatchEntry{ur, watchChecks(ur, criteria.NotMet)})
		case criteria.Reachable:
			// What it still needs: the targets still open, and the data
			// without which even met targets would not make it "dat".
			checks := watchChecks(ur, criteria.Reachable)
			if missing := watchTitles(ur, criteria.MissingData); missing != "" {
				checks = append(checks, "còn thiếu dữ liệu: "+missing)
			}
			w.Open = append(w.Open, WatchEntry{ur, checks})
		case criteria.MissingData:
			w.Blocked = append(w.Blocked, WatchEntry{ur, watchChecks(ur, criteria.MissingData)})
		case criteria.DataError:
			w.Blocked = append(w.Blocked, WatchEntry{ur, []string{"lỗi dữ liệu trong sổ: " + strings.Join(ur.ErrorsIn, ", ")}})
		}
	}
	return w
}

// watchChecks are the measured checks of ur with status s, as
// "TC2 Title: message".
func watchChecks(ur *criteria.UnitResult, s criteria.Status) []string {
	return measuredWith(ur, s, func(c *criteria.CriterionResult, ch *criteria.CheckResult) string {
		return strings.ToUpper(c.ID) + " " + checkTitle(ch.ID) + ": " + ch.Message
	})
}

// watchTitles names the measured checks of ur with status s: "TC1 Tiêu
// chí trọng tâm (528-QĐ/TU), TC4 Nhận xét của nơi cư trú".
func watchTitles(ur *criteria.UnitResult, s criteria.Status) string {
	return strings.Join(measuredWith(ur, s, func(c *criteria.CriterionResult, ch *criteria.CheckResult) string {
		return strings.ToUpper(c.ID) + " " + checkTitle(ch.ID)
	}), ", ")
}

// measuredWith is say of every measured check of ur with status s, in
// criterion order.
func measuredWith(ur *criteria.UnitResult, s criteria.Status, say func(*criteria.CriterionResult, *criteria.CheckResult) string) []string {
	var out []string
	for i := range ur.Criteria {
		c := &ur.Criteria[i]
		for j := range c.Checks {
			if ch := &c.Checks[j]; ch.Status == s && !ch.Item {
				out = append(out, say(c, ch))
			}
		}
	}
	return out
}

// watchShown bounds the units listed per group of the terminal's watch
// list: a province's would be thousands of lines.
const watchShown = 20

// watch writes the watch list under an as-of date: three groups, each
// unit with the checks that put it there.
func (t *textWriter) watch(r *criteria.Report, all bool) {
	w := Watch(r)
	if r.AsOf.IsZero() || len(r.Units) == 0 {
		return
	}
	t.line("")
	t.line(t.bold(fmt.Sprintf("THEO DÕI ĐẾN CUỐI NĂM %d (số liệu đến ngày %s)", r.Year, r.AsOf.Format("02/01/2006"))))
	for _, g := range []struct {
		title   string
		entries []WatchEntry
		status  criteria.Status
	}{
		{"Không còn đạt được “bốn tốt” năm nay", w.Out, criteria.NotMet},
		{"Còn khả năng đạt — còn cần", w.Open, criteria.Reachable},
		{"Thiếu dữ liệu để kết luận", w.Blocked, criteria.MissingData},
	} {
		t.line(t.status(g.status, fmt.Sprintf("%s: %d đơn vị", g.title, len(g.entries))))
		for i, e := range g.entries {
			if i == watchShown && !all {
				t.paragraph("  ", fmt.Sprintf("… và %d đơn vị khác.", len(g.entries)-watchShown))
				break
			}
			u := e.Unit.Unit
			t.hanging("  - ", "    ", cellText(u.Code)+" "+cellText(u.Name)+": "+strings.Join(e.Checks, "; "))
		}
	}
}

// SheetWatch is the Excel report's watch list under an as-of date.
const SheetWatch = "Theo dõi cuối năm"

var watchColumns = []column{{"STT", 6}, {"Nhóm", 22}, {"Mã", 11}, {"Tên đơn vị", 32}, {"Kết quả", 13}, {"Nội dung", 90}}

// watchSheet writes the watch list as a sheet after Tổ chức thực hiện,
// only under an as-of date: its groups in order, one row a unit with the
// checks that put it there.
func (x *xlsxWriter) watchSheet() error {
	r, st := x.r, x.st
	if r.AsOf.IsZero() || len(r.Units) == 0 {
		return nil
	}
	w := Watch(r)
	type row struct {
		group string
		e     WatchEntry
	}
	var rows []row
	for _, g := range []struct {
		title   string
		entries []WatchEntry
	}{
		{"Không còn đạt được", w.Out}, {"Còn khả năng đạt — còn cần", w.Open}, {"Thiếu dữ liệu để kết luận", w.Blocked},
	} {
		for _, e := range g.entries {
			rows = append(rows, row{g.title, e})
		}
	}
	if err := x.newSheet(SheetWatch); err != nil {
		return err
	}
	if err := x.setupSheet(SheetWatch, watchColumns, 1, max(len(rows), 1)+1, len(rows) > 0); err != nil {
		return err
	}
	if err := x.plainSheet(SheetWatch, watchColumns, 1); err != nil {
		return err
	}
	if len(rows) == 0 {
		return x.f.SetCellStr(SheetWatch, "A2", fmt.Sprintf("Mọi đơn vị đã đạt “bốn tốt” tính đến ngày %s.", r.AsOf.Format("02/01/2006")))
	}
	for i, rw := range rows {
		ur := rw.e.Unit
		values := []any{i + 1, rw.group, nfc.String(ur.Unit.Code), nfc.String(ur.Unit.Name), ur.Verdict.Label(), nfc.String(strings.Join(rw.e.Checks, "; "))}
		styleIDs := []int{st.center, st.text, st.text, st.text, st.statusStyle(ur.Verdict), st.text}
		if err := x.putRow(SheetWatch, watchColumns, i+2, values, styleIDs); err != nil {
			return err
		}
	}
	return nil
}
