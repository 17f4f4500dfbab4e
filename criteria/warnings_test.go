package criteria

import "testing"

// A warning is attached to the sheet it is about. The
// meetings of a workbook of score sheets (one sheet a month, T1…T12) are
// in no one sheet: a month without a meeting is a warning about the year,
// not about sheet T1; and a unit whose workbook has no Sinh hoạt or Tự
// đánh giá sheet is warned without naming one.
func TestWarningsNameTheirOwnSheet(t *testing.T) {
	u := cell("CB01")
	u.Meetings = nil
	for m := 1; m <= 11; m++ { // no December
		mt := regular(m, 10, 95)
		mt.ScoreSheet = true
		mt.Source = NewSource("phieu.xlsx", "T"+string(rune('0'+m%10)), 0)
		if m >= 10 {
			mt.Source = NewSource("phieu.xlsx", "T1"+string(rune('0'+m-10)), 0)
		}
		u.Meetings = append(u.Meetings, mt)
	}
	u.SelfAssessment = nil
	u.Sheets = allSheets() &^ (1 << SheetSelfAssessment)
	rep := Evaluate(dataset(u), Default(), Options{})
	var seenMonth, seenItems bool
	for _, p := range rep.Problems {
		switch {
		case p.Code == ScheduleMonthMissing.Code:
			seenMonth = true
			if p.Sheet != "" {
				t.Errorf("missing-month warning on sheet %q: %s", p.Sheet, p)
			}
			if p.File != "phieu.xlsx" {
				t.Errorf("missing-month warning names file %q, want phieu.xlsx", p.File)
			}
		case p.Code == SelfAssessmentMissing.Code:
			seenItems = true
			if p.Sheet != "" {
				t.Errorf("self-assessment warning names sheet %q the workbook does not have: %s", p.Sheet, p)
			}
		}
	}
	if !seenMonth || !seenItems {
		t.Fatalf("warnings missing (month %v, items %v): %v", seenMonth, seenItems, rep.Problems)
	}

	// Meetings all in one sheet: the warning names it, as the workbook
	// names it.
	u2 := cell("CB02")
	u2.Meetings = nil
	for m := 1; m <= 11; m++ {
		mt := regular(m, 10, 95)
		mt.Source = NewSource("khoi.xlsx", "Sinh hoạt chi bộ", m+1)
		u2.Meetings = append(u2.Meetings, mt)
	}
	rep = Evaluate(dataset(u2), Default(), Options{})
	for _, p := range rep.Problems {
		if p.Code == ScheduleMonthMissing.Code && p.Sheet != "Sinh hoạt chi bộ" {
			t.Errorf("missing-month warning on sheet %q, want the meetings' sheet: %s", p.Sheet, p)
		}
	}
}
