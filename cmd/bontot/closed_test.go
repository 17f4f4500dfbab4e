package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// exampleWith writes a copy of the example workbook with cells changed:
// edits maps "Sheet!Col:UNIT" (the first row of that unit in the sheet)
// or "Sheet!A1" to the new value.
func exampleWith(t *testing.T, edits map[string]string) string {
	t.Helper()
	f, err := excelize.OpenFile(example)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for at, v := range edits {
		sheet, ref, _ := strings.Cut(at, "!")
		if col, unit, ok := strings.Cut(ref, ":"); ok {
			ref = col + firstRowOf(t, f, sheet, unit)
		}
		if err := f.SetCellStr(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "khoi-2024.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// firstRowOf is the number, as text, of the first row of a sheet whose Mã
// đơn vị cell holds unit.
func firstRowOf(t *testing.T, f *excelize.File, sheet, unit string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	codeCol := -1
	for i, r := range rows {
		for j, v := range r {
			if codeCol < 0 && v == "Mã đơn vị" {
				codeCol = j
			} else if codeCol >= 0 && j == codeCol && v == unit {
				return strconv.Itoa(i + 1)
			}
		}
	}
	t.Fatalf("no row of %s in %s: the example workbook changed", unit, sheet)
	return ""
}

// evaluation runs evaluate --format json and returns the exit code, each
// unit's verdict and the problems.
func evaluation(t *testing.T, args ...string) (code int, verdicts map[string]string, problems []map[string]any) {
	t.Helper()
	out, stderr, code := runCmd(t, append([]string{"evaluate", "--format", "json"}, args...)...)
	var doc struct {
		Units []struct {
			Code    string `json:"code"`
			Verdict string `json:"verdict"`
		} `json:"units"`
		Problems []map[string]any `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("exit %d, stderr %q: %v", code, stderr, err)
	}
	verdicts = map[string]string{}
	for _, u := range doc.Units {
		verdicts[u.Code] = u.Verdict
	}
	return code, verdicts, doc.Problems
}

// Regression (SPEC §3, precise readings): Đã giải quyết = "Không rõ" was read
// as "no" and Loại = "Kiến nghị" as Đơn thư, with exit 0. Each is an error at
// its cell now, and its unit (and the đảng bộ whose TC3 reads the row) is
// loi_du_lieu.
func TestRegressionUnknownClosedValuesAreDataErrors(t *testing.T) {
	path := exampleWith(t, map[string]string{
		"Đơn thư vụ việc!D:DB02-04": "Không rõ",
		"Đơn thư vụ việc!C:DB03-02": "Kiến nghị",
	})
	code, verdicts, problems := evaluation(t, path)
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}
	for _, u := range []string{"DB02-04", "DB02", "DB03-02", "DB03"} {
		if verdicts[u] != "loi_du_lieu" {
			t.Errorf("%s: %s, want loi_du_lieu", u, verdicts[u])
		}
	}
	want := map[string]string{
		"D2": `Đã giải quyết "Không rõ" không hợp lệ; "Không rõ" không cho biết có hay không; ghi Có hoặc Không`,
		"C3": `Loại vụ việc "Kiến nghị" không hợp lệ; kiến nghị, phản ánh không phải khiếu nại hay tố cáo: ghi "Đơn thư" nếu là đơn gửi tới, "Vấn đề nổi cộm" nếu là vụ việc nổi cộm`,
	}
	for _, p := range problems {
		if p["sheet"] == "Đơn thư vụ việc" && p["severity"] == "error" && want[p["cell"].(string)] == p["message"] {
			delete(want, p["cell"].(string))
		}
	}
	if len(want) > 0 {
		t.Errorf("errors not reported: %v; problems %v", want, problems)
	}
	out, _, code := runCmd(t, "evaluate", path)
	if code != 3 || !strings.Contains(out, "Đơn thư vụ việc!D2") || !strings.Contains(out, "Đơn thư vụ việc!C3") {
		t.Errorf("table: exit %d, the two cells not named:\n%s", code, out)
	}
}

// SPEC §3, precise readings: a chi bộ's Tiêu chí row is its own; its Đảng
// viên rows are its đảng bộ's too (TC4 counts every member of the đảng bộ).
func TestCellErrorStaysWithCellUnlessCommitteeReadsTheRow(t *testing.T) {
	_, before, _ := evaluation(t, example)
	if before["DB01"] == "loi_du_lieu" || before["DB01-02"] == "loi_du_lieu" {
		t.Fatalf("the example has data errors: %v", before)
	}
	code, verdicts, _ := evaluation(t, exampleWith(t, map[string]string{"Tiêu chí!D:DB01-02": "Tốt lắm"}))
	if code != 3 || verdicts["DB01-02"] != "loi_du_lieu" {
		t.Errorf("Tiêu chí error: exit %d, DB01-02 %s; want 3 and loi_du_lieu", code, verdicts["DB01-02"])
	}
	if verdicts["DB01"] != before["DB01"] {
		t.Errorf("a chi bộ's Tiêu chí error changed DB01 from %s to %s", before["DB01"], verdicts["DB01"])
	}
	code, verdicts, _ = evaluation(t, exampleWith(t, map[string]string{"Đảng viên!F:DB01-02": "Tốt lắm"}))
	if code != 3 || verdicts["DB01-02"] != "loi_du_lieu" || verdicts["DB01"] != "loi_du_lieu" {
		t.Errorf("Đảng viên error: exit %d, DB01-02 %s, DB01 %s; want 3 and both loi_du_lieu", code, verdicts["DB01-02"], verdicts["DB01"])
	}
}

// Regression (SPEC §4, "Reading faithfully"): --year 2023 or --as-of
// 26/11/2026 on the 2024 example made every unit khong_dat with only a note
// at the bottom. A warning naming 2024 now stands first: above the ranking in
// the terminal, first in JSON problems and in the xlsx problems sheet, and on
// stderr beside a CSV (which has no place for problems).
func TestYearMismatchWarningStandsFirstInEveryOutput(t *testing.T) {
	for _, tt := range []struct {
		flags []string
		want  string
	}{
		{[]string{"--year", "2023"}, "Năm đánh giá 2023 nhưng 389/389 dòng có ngày của Sinh hoạt và Họp cấp ủy thuộc năm 2024 và bị bỏ qua; hãy chạy với --year 2024"},
		{[]string{"--as-of", "26/11/2026"}, "Ngày --as-of 26/11/2026 thuộc năm 2026 nhưng 389/389 dòng có ngày của Sinh hoạt và Họp cấp ủy thuộc năm 2024 và bị bỏ qua; hãy chạy với --as-of một ngày của năm 2024"},
	} {
		t.Run(strings.Join(tt.flags, " "), func(t *testing.T) {
			code, _, problems := evaluation(t, append([]string{example}, tt.flags...)...)
			if code != 0 {
				t.Errorf("json: exit %d, want 0 (a warning, not an error)", code)
			}
			if len(problems) == 0 || problems[0]["code"] != "year.mismatch" || problems[0]["severity"] != "warning" || problems[0]["message"] != tt.want ||
				problems[0]["file"] != "khoi-2024.xlsx" || problems[0]["sheet"] != nil {
				t.Errorf("json: first problem %v, want the warning %q", first(problems), tt.want)
			}

			out, _, _ := runCmd(t, append([]string{"evaluate", example}, tt.flags...)...)
			at, ranking := strings.Index(out, "Cảnh báo: khoi-2024.xlsx: "+tt.want[:40]), strings.Index(out, "ĐẢNG BỘ CƠ SỞ (")
			if at < 0 || ranking < 0 || at > ranking {
				t.Errorf("table: warning at %d, ranking at %d; want the warning first:\n%s", at, ranking, out)
			}

			// A secretary's self-check of one unit sees it before the unit.
			out, _, _ = runCmd(t, append([]string{"evaluate", example, "--unit", "CB01"}, tt.flags...)...)
			at, head := strings.Index(out, "Cảnh báo: khoi-2024.xlsx: "+tt.want[:40]), strings.Index(out, "CB01 · ")
			if at < 0 || head < 0 || at > head {
				t.Errorf("--unit: warning at %d, unit at %d; want the warning first:\n%s", at, head, out)
			}

			csvOut, stderr, _ := runCmd(t, append([]string{"evaluate", example, "--format", "csv"}, tt.flags...)...)
			// CSV carries problems of whole files as rows of their own,
			// after the checks; stderr says it before anything else.
			if !strings.Contains(stderr, "bontot: cảnh báo: khoi-2024.xlsx: "+tt.want) || !strings.Contains(csvOut, tt.want) {
				t.Errorf("csv: stderr %q", stderr)
			}

			path := filepath.Join(t.TempDir(), "bao-cao.xlsx")
			if _, stderr, code := runCmd(t, append([]string{"evaluate", example, "--format", "xlsx", "-o", path}, tt.flags...)...); code != 0 {
				t.Fatalf("xlsx: exit %d, %s", code, stderr)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if sev, _ := f.GetCellValue("Cảnh báo và lỗi dữ liệu", "B2"); sev != "Cảnh báo" {
				t.Errorf("xlsx: first problem is a %q", sev)
			}
			if msg, _ := f.GetCellValue("Cảnh báo và lỗi dữ liệu", "G2"); msg != tt.want {
				t.Errorf("xlsx: first problem %q", msg)
			}
		})
	}
	// With the data's year, said or inferred, nothing of the kind.
	for _, flags := range [][]string{nil, {"--year", "2024"}, {"--as-of", "30/09/2024"}} {
		_, _, problems := evaluation(t, append([]string{example}, flags...)...)
		for _, p := range problems {
			if msg, _ := p["message"].(string); strings.Contains(msg, "Năm đánh giá") || strings.Contains(msg, "--as-of") {
				t.Errorf("%v: %v", flags, p)
			}
		}
		out, _, _ := runCmd(t, append([]string{"evaluate", example}, flags...)...)
		if strings.Contains(out, "Năm đánh giá") {
			t.Errorf("%v: table warns about the year", flags)
		}
	}
}

func first(ps []map[string]any) map[string]any {
	if len(ps) == 0 {
		return nil
	}
	return ps[0]
}
