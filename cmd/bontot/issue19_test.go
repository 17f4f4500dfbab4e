package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// bookOf writes a workbook of the given sheets (rows of cells, header
// first) into dir and returns its path.
func bookOf(t *testing.T, dir, name string, sheets map[string][][]any, order ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range order {
		if i == 0 {
			_ = f.SetSheetName("Sheet1", sh)
		} else if _, err := f.NewSheet(sh); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[sh] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(sh, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Regression (issue 19, item 3): a chi bộ's own workbook, checked with
// --unit, showed a ✗ for its cluster's pilot list (the upper committee's
// task) and "hạng 1/1", a rank against nothing.
func TestUnitViewIsAboutTheUnit(t *testing.T) {
	path := bookOf(t, t.TempDir(), "chi-bo.xlsx", map[string][][]any{
		"Đơn vị": {{"Mã đơn vị", "Tên đơn vị", "Loại", "Cụm", "Làm điểm"},
			{"CB01", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở", "Cụm 1", "Có"}},
		"Sinh hoạt": {{"Mã đơn vị", "Ngày", "Loại", "Điểm"},
			{"CB01", "15/01/2024", "Thường kỳ", 92}},
	}, "Đơn vị", "Sinh hoạt")
	out, _, _ := runCmd(t, "evaluate", path, "--unit", "CB01")
	for _, bad := range []string{"hạng 1/1", "Đơn vị làm điểm của cụm", "Cụm 1:"} {
		if strings.Contains(out, bad) {
			t.Errorf("the unit's view shows %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "Kết quả: Không đạt\n") {
		t.Errorf("the result line is not the verdict alone:\n%s", out)
	}
	js, _, _ := runCmd(t, "evaluate", path, "--unit", "CB01", "--format", "json")
	if strings.Contains(js, "pilot.cluster") {
		t.Errorf("the unit's JSON carries its cluster's pilot list:\n%s", js)
	}
	// With units to rank against, the rank is there.
	out, _, _ = runCmd(t, "evaluate", example, "--unit", "CB02")
	if !strings.Contains(out, " · hạng 5/6 chi bộ cơ sở") {
		t.Errorf("a bloc's unit view lost its rank:\n%s", out)
	}
}

// Regression (issue 19, item 13): a CSV of a workbook with cell errors
// had no problem rows, while stderr pointed to "mục problems/Cảnh báo và
// lỗi dữ liệu", which a CSV has not got. The CSV lists the errors, and
// stderr names the place each format gives them.
func TestDataErrorsAreWhereTheMessageSays(t *testing.T) {
	dir := t.TempDir()
	path := validateBook(t, dir, "khoi.xlsx", true)
	out, errOut, code := runCmd(t, "evaluate", path, "--format", "csv")
	if code != exitDataErrors {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "\nproblem,,CB02,,,,,,,,,error,,,khoi.xlsx › Sinh hoạt!D4: Điểm 105 ngoài khoảng 0–100\n") {
		t.Errorf("the CSV lacks the cell error:\n%s", out)
	}
	for _, c := range []struct{ args, want []string }{
		{[]string{"--format", "csv"}, []string{`xem các dòng có type là "problem"`}},
		{[]string{"--format", "json"}, []string{`xem mục "problems" của báo cáo JSON`}},
		{[]string{"-o", filepath.Join(dir, "bao-cao.xlsx")}, []string{`xem sheet "Cảnh báo và lỗi dữ liệu" của báo cáo`}},
		{[]string{"-o", filepath.Join(dir, "bao-cao.txt")}, []string{`xem mục "VẤN ĐỀ DỮ LIỆU" cuối báo cáo`}},
	} {
		_, errOut, _ = runCmd(t, append([]string{"evaluate", path}, c.args...)...)
		for _, want := range c.want {
			if !strings.Contains(errOut, want) {
				t.Errorf("%v: stderr lacks %q: %q", c.args, want, errOut)
			}
		}
		if strings.Contains(errOut, "problems/") {
			t.Errorf("%v: stderr names sections of two formats: %q", c.args, errOut)
		}
	}
}
