package workbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// historyBook is a bloc of DB01 with chi bộ CB01 and CB02, a meeting of
// 2024 to fix the year, and the given Lịch sử rows under its header.
func historyBook(t *testing.T, rows ...[]any) string {
	t.Helper()
	return writeBook(t, t.TempDir(), "lich-su.xlsx",
		unitsSheet(
			[]any{"DB01", "Đảng bộ A", "Đảng bộ cơ sở"},
			[]any{"CB01", "Chi bộ B", "Chi bộ trực thuộc", "DB01"},
			[]any{"CB02", "Chi bộ C", "Chi bộ trực thuộc", "DB01"},
		),
		sheet{"Sinh hoạt", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}, {"CB01", "15/01/2024", "Thường kỳ", 95}}},
		sheet{"Lịch sử", append([][]any{{"Mã đơn vị", "Năm", "Xếp loại", "Bốn tốt"}}, rows...)},
	)
}

func unitOf(t *testing.T, res *Result, code string) *criteria.Unit {
	t.Helper()
	for _, u := range res.Dataset.Units {
		if u.Code == code {
			return u
		}
	}
	t.Fatalf("no unit %s", code)
	return nil
}

func years(u *criteria.Unit) []int {
	var ys []int
	for _, p := range u.History {
		ys = append(ys, p.Year)
	}
	return ys
}

// TestHistorySheetReadUnderHistoryOnly: the rules that count streaks read
// Lịch sử, sorted by year; the others pass it over with a note, and its
// bad cells then change nothing.
func TestHistorySheetReadUnderHistoryOnly(t *testing.T) {
	path := historyBook(t,
		[]any{"CB01", 2022, "HTXSNV", "Có"},
		[]any{"CB01", "Năm 2020", "Hoàn thành xuất sắc nhiệm vụ", "Đạt"},
		[]any{"CB01", 2021, "HTTNV", nil},
		[]any{"CB02", 2023, "htxsnv", "Không đạt"},
		[]any{"CB02", "hai nghìn", "HTXSNV", "Có"},
	)
	res := readOne(t, path, Options{History: true})
	cb1, cb2 := unitOf(t, res, "CB01"), unitOf(t, res, "CB02")
	if !slices.Equal(years(cb1), []int{2020, 2021, 2022}) || !cb1.Sheets.Has(criteria.SheetHistory) {
		t.Errorf("CB01 history %v, sheets %b", years(cb1), cb1.Sheets)
	}
	h := cb1.History
	if h[0].Rating != criteria.HTXSNV || !h[0].FourGood || !h[0].HasFourGood ||
		h[1].Rating != criteria.HTTNV || h[1].HasFourGood || h[2].Cell != "B2" || h[2].Source.Row != 2 {
		t.Errorf("CB01 rows %+v", h)
	}
	if len(cb2.History) != 1 || cb2.History[0].FourGood || !cb2.History[0].HasFourGood || !cb2.HasErrors || cb1.HasErrors {
		t.Errorf("CB02 %+v, errors %v; CB01 errors %v", cb2.History, cb2.HasErrors, cb1.HasErrors)
	}
	if got := problemCodes(t, res); !slices.Contains(got, "Lịch sử!B6 value.not_number") {
		t.Errorf("problems %q lack a year that is no number at B6", got)
	}

	res = readOne(t, path, Options{})
	cb2 = unitOf(t, res, "CB02")
	if len(cb2.History) != 0 || cb2.HasErrors || cb2.Sheets.Has(criteria.SheetHistory) {
		t.Errorf("not read: CB02 %+v, errors %v", cb2.History, cb2.HasErrors)
	}
	if got := problemCodes(t, res); !slices.Equal(got, []string{"Lịch sử! sheet.history_not_read"}) {
		t.Errorf("problems without History: %q", got)
	}
}

// TestHistoryBadRows: every bad row is located at its cell; a row of the
// evaluation year or later is left out with a warning; a year given twice
// is kept once when the rows agree and dropped, as an error, when not.
func TestHistoryBadRows(t *testing.T) {
	path := historyBook(t,
		[]any{"CB01", 2023, "HTXSNV", "Có"},                      // row 2
		[]any{"CB01", 2024, "HTXSNV", "Có"},                      // 3: the evaluation year
		[]any{"CB01", 2026, "HTXSNV", "Có"},                      // 4: later
		[]any{"CB01", 2023, "Hoàn thành xuất sắc nhiệm vụ", "x"}, // 5: same as row 2
		[]any{"CB02", 2022, "HTXSNV", "Có"},                      // 6
		[]any{"CB02", 2022, "HTTNV", "Có"},                       // 7: disagrees with row 6
		[]any{"CB02", 2021, "HTXSNV", "Có"},                      // 8
		[]any{"CB09", 2021, "HTXSNV", "Có"},                      // 9: unknown unit
		[]any{"CB02", 2020, nil, "Có"},                           // 10: no rating
		[]any{"CB02", 2019, "Xuất sắc lắm", "Có"},                // 11: bad rating
		[]any{"CB02", 2018, "HTXSNV", "Có lẽ"},                   // 12: bad Bốn tốt
		[]any{"CB02", nil, "HTXSNV", "Có"},                       // 13: no year
	)
	res := readOne(t, path, Options{History: true, Year: 2024})
	want := []string{
		"Lịch sử!B3 history.not_past",
		"Lịch sử!B4 history.not_past",
		"Lịch sử!B5 history.repeated",
		"Lịch sử!B7 history.conflict",
		"Lịch sử!A9 unit.unknown",
		"Lịch sử!C10 cell.missing",
		"Lịch sử!C11 value.invalid",
		"Lịch sử!D12 value.invalid",
		"Lịch sử!B13 cell.missing",
	}
	if got := problemCodes(t, res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A year given twice with two results names both and says why neither
	// counts.
	if got := problemLines(res)[3]; got != `Lịch sử!B7 error: Năm 2022 của CB02 đã có ở Lịch sử dòng 6 với kết quả khác (HTXSNV, bốn tốt: Có, dòng này: HTTNV, bốn tốt: Có); không biết kết quả nào đúng nên năm 2022 không được tính` {
		t.Errorf("conflict: %s", got)
	}
	cb1, cb2 := unitOf(t, res, "CB01"), unitOf(t, res, "CB02")
	if !slices.Equal(years(cb1), []int{2023}) || cb1.HasErrors {
		t.Errorf("CB01 years %v, errors %v", years(cb1), cb1.HasErrors)
	}
	if !slices.Equal(years(cb2), []int{2021}) || !cb2.HasErrors || cb2.ErrorSheets != criteria.SheetSet(0).With(criteria.SheetHistory) {
		t.Errorf("CB02 years %v, errors %v in %b", years(cb2), cb2.HasErrors, cb2.ErrorSheets)
	}
	// Errors in Lịch sử leave the streaks incomplete, not the verdicts
	// loi_du_lieu: no check reads the sheet.
	th, _ := criteria.ProfileThresholds(criteria.Profile2025)
	rep := criteria.Evaluate(res.Dataset, th, criteria.Options{})
	for _, ur := range rep.Units {
		if ur.Verdict == criteria.DataError {
			t.Errorf("%s loi_du_lieu from Lịch sử: %v", ur.Unit.Code, ur.ErrorsIn)
		}
		if ur.Unit.Code == "CB02" && (ur.History == nil || !ur.History.Incomplete) {
			t.Errorf("CB02 history %+v, want incomplete", ur.History)
		}
	}
}
