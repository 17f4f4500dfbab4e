package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/golden"
	"github.com/bontot/bontot/report"
	"github.com/bontot/bontot/workbook"
)

// example is the example bloc workbook of the repository (testdata/README.md).
const example = "../../testdata/khoi-2024.xlsx"

func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	golden.Text(t, filepath.Join("testdata", name), []byte(got))
}

func TestEvaluateGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"evaluate-table.golden", []string{"evaluate", example}},
		{"evaluate-unit.golden", []string{"evaluate", example, "--unit", "CB02"}},
		{"evaluate-asof.golden", []string{"evaluate", example, "--unit", "DB01-05", "--as-of", "30/09/2024"}},
		{"evaluate-summary.golden", []string{"evaluate", example, "--summary"}},
		{"evaluate.json", []string{"evaluate", example, "--format", "json"}},
		{"evaluate.csv", []string{"evaluate", example, "--format", "csv"}},
	} {
		t.Run(c.golden, func(t *testing.T) {
			out, errOut, code := runCmd(t, c.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %s", code, errOut)
			}
			if errOut != "" {
				t.Errorf("stderr not empty when piped: %q", errOut)
			}
			goldenFile(t, c.golden, out)
		})
	}
}

// The JSON of the example follows SPEC §5 and names every unit once.
func TestEvaluateJSONShape(t *testing.T) {
	out, _, code := runCmd(t, "evaluate", example, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Schema string  `json:"schema"`
		Year   int     `json:"year"`
		AsOf   *string `json:"as_of"`
		Units  []struct {
			Code     string `json:"code"`
			Type     string `json:"type"`
			Rank     int    `json:"rank"`
			Verdict  string `json:"verdict"`
			Criteria []struct {
				ID     string `json:"id"`
				Checks []struct {
					ID     string `json:"id"`
					Status string `json:"status"`
				} `json:"checks"`
			} `json:"criteria"`
		} `json:"units"`
		Implementation []json.RawMessage `json:"implementation"`
		Problems       []json.RawMessage `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "bontot/v1" || doc.Year != 2024 || doc.AsOf != nil || len(doc.Units) == 0 {
		t.Fatalf("header %q %d %v, %d units", doc.Schema, doc.Year, doc.AsOf, len(doc.Units))
	}
	if doc.Implementation == nil || doc.Problems == nil {
		t.Error("implementation or problems is null")
	}
	seen := map[string]bool{}
	lastRank := map[string]int{}
	for _, u := range doc.Units {
		if seen[u.Code] {
			t.Errorf("unit %s twice", u.Code)
		}
		seen[u.Code] = true
		if u.Rank != lastRank[u.Type]+1 {
			t.Errorf("unit %s rank %d after %d", u.Code, u.Rank, lastRank[u.Type])
		}
		lastRank[u.Type] = u.Rank
		if len(u.Criteria) != 4 {
			t.Errorf("unit %s has %d criteria", u.Code, len(u.Criteria))
		}
	}
}

// Scripts compare runs: the same input gives the same bytes.
func TestEvaluateDeterministic(t *testing.T) {
	for _, format := range []string{"json", "csv", "table"} {
		a, _, _ := runCmd(t, "evaluate", example, "--format", format)
		b, _, _ := runCmd(t, "evaluate", example, "--format", format)
		if a != b || a == "" {
			t.Errorf("%s: two runs differ", format)
		}
	}
}

func TestEvaluateXLSX(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "bao-cao.xlsx")
	stdout, stderr, code := runCmd(t, "evaluate", example, "--format", "xlsx", "-o", out, "--sheet-per-unit")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	want := []string{"Tổng hợp", "Đề xuất khen thưởng", "Biểu đồ", "Chi tiết", "Chi tiết đã đạt", "Tổ chức thực hiện", "Cảnh báo và lỗi dữ liệu"}
	if len(sheets) <= len(want) || !slices.Equal(sheets[:len(want)], want) {
		t.Errorf("sheets %q", sheets)
	}
	// The first ranked unit stands under the header row and the first
	// section's heading, wherever the report's text ends.
	rows := mustRows(t, f, "Tổng hợp")
	header := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "Hạng" })
	if header < 0 || len(rows) < header+3 || len(rows[header+2]) < 2 || rows[header+2][1] != "DB01" {
		t.Errorf("no header row, or first ranked unit is not DB01: %q", rows)
	}
	// No temporary file is left beside the report.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries", len(entries))
	}
}

// -o writes every format to a file, not to stdout.
func TestEvaluateOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ket-qua.json")
	stdout, _, code := runCmd(t, "evaluate", example, "--format", "json", "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	piped, _, _ := runCmd(t, "evaluate", example, "--format", "json")
	got, err := os.ReadFile(out)
	if err != nil || string(got) != piped {
		t.Errorf("file differs from stdout output (err %v)", err)
	}
}

func TestEvaluateExitOne(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "khoi.xlsx")
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(input, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no arguments", []string{"evaluate"}, "cần ít nhất một tệp"},
		{"bad format", []string{"evaluate", example, "--format", "pdf"}, "--format"},
		{"bad date", []string{"evaluate", example, "--as-of", "31/02/2024"}, "--as-of"},
		{"date outside year", []string{"evaluate", example, "--year", "2024", "--as-of", "2023-06-30"}, "không thuộc năm"},
		{"unknown unit", []string{"evaluate", example, "--unit", "XX99"}, `"XX99"`},
		{"xlsx without -o", []string{"evaluate", example, "--format", "xlsx"}, "-o"},
		{"missing file", []string{"evaluate", filepath.Join(dir, "khong-co.xlsx")}, "khong-co.xlsx"},
		{"-o over input", []string{"evaluate", input, "-o", input}, "từ chối ghi đè"},
		{"-o over input in folder", []string{"evaluate", dir, "--format", "xlsx", "-o", input}, "từ chối ghi đè"},
		{"bad criteria file", []string{"evaluate", example, "--criteria", filepath.Join(dir, "khong-co.yaml")}, "khong-co.yaml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, c.args...)
			if code != 1 {
				t.Errorf("exit %d, want 1; stderr %q", code, stderr)
			}
			if !strings.HasPrefix(stderr, "bontot: ") || !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr %q, want it to mention %q", stderr, c.stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q", stdout)
			}
		})
	}
	// The input refused as output is untouched.
	if got, _ := os.ReadFile(input); !bytes.Equal(got, data) {
		t.Error("input workbook changed")
	}
	_, stderr, _ := runCmd(t, "evaluate", example, "--unit", "XX99")
	if !strings.Contains(stderr, "CB01") {
		t.Errorf("unknown unit: known codes not listed: %q", stderr)
	}
}

// A row with a data error still gives a full report, then exit 3.
func TestEvaluateExitThree(t *testing.T) {
	f, err := excelize.OpenFile(example)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Sinh hoạt!D2 is the score of the first meeting: 105 is outside 0–100.
	if h, _ := f.GetCellValue("Sinh hoạt", "D1"); h != "Điểm" {
		t.Fatalf("Sinh hoạt!D1 is %q, the example workbook changed layout", h)
	}
	if err := f.SetCellInt("Sinh hoạt", "D2", 105); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "loi.xlsx")
	if err := f.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"table", "json"} {
		stdout, stderr, code := runCmd(t, "evaluate", bad, "--format", format)
		if code != 3 {
			t.Errorf("%s: exit %d, want 3; stderr %q", format, code, stderr)
		}
		if !strings.Contains(stdout, "D2") || !strings.Contains(stdout, "DB01-01") {
			t.Errorf("%s: report does not show the error at D2", format)
		}
		if format == "table" && !strings.Contains(stdout, "Lỗi DL") {
			t.Errorf("table: no unit marked Lỗi DL")
		}
	}
}

func TestEvaluateHelp(t *testing.T) {
	out, _, code := runCmd(t, "evaluate", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Mã thoát", "--as-of", "--sheet-per-unit", "bontot evaluate khoi-2024.xlsx"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// A criteria file changes the thresholds the checks use; --strict reaches
// the evaluator.
func TestEvaluateCriteriaFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tieu-chi.yaml")
	if err := os.WriteFile(path, []byte("regular_good_share: 0.6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCmd(t, "evaluate", example, "--criteria", path, "--unit", "CB02", "--strict")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// CB02 holds 8/12 good meetings: short of 75%, enough for 60%.
	if !strings.Contains(out, "✓ Đạt · Buổi sinh hoạt thường kỳ đạt Tốt") {
		t.Errorf("tc2.regular_good not met under a 60%% threshold:\n%s", out)
	}
	bad := filepath.Join(t.TempDir(), "sai.yaml")
	if err := os.WriteFile(bad, []byte("regular_good_share: 75\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCmd(t, "evaluate", example, "--criteria", bad); code != 1 || !strings.Contains(stderr, "sai.yaml") {
		t.Errorf("bad criteria file: exit %d, stderr %q", code, stderr)
	}
}

// The report's heading and signature come from the criteria file's report
// section, and a flag overrides its field.
func TestEvaluateXLSXDocument(t *testing.T) {
	dir := t.TempDir()
	crit := filepath.Join(dir, "tieu-chi.yaml")
	if err := os.WriteFile(crit, []byte("report:\n  committee: ĐẢNG ỦY SỞ TƯ PHÁP\n  number: 1-BC/ĐU\n  signer: Nguyễn Văn A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "bao-cao.xlsx")
	_, stderr, code := runCmd(t, "evaluate", example, "--criteria", crit, "-o", out, "--number", "125-BC/ĐU", "--date", "05/02/2025", "--place", "Huế")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A2": "ĐẢNG ỦY SỞ TƯ PHÁP", "A4": "Số 125-BC/ĐU", "H3": "Huế, ngày 05 tháng 02 năm 2025"} {
		if v, _ := f.GetCellValue("Tổng hợp", cell); v != want {
			t.Errorf("%s = %q, want %q", cell, v, want)
		}
	}
	rows, _ := f.GetRows("Tổng hợp")
	if last := rows[len(rows)-1]; last[len(last)-1] != "Nguyễn Văn A" {
		t.Errorf("signature line %q", last)
	}
	_, stderr, code = runCmd(t, "evaluate", example, "--signer", "A")
	if code != 1 || !strings.Contains(stderr, "--signer chỉ dùng với báo cáo xlsx") {
		t.Errorf("--signer with the table: exit %d, %q", code, stderr)
	}
}

// --split writes one workbook per unit, each a report about its unit
// holding every check of it, under names safe on Windows, atomically.
func TestEvaluateSplit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "don-vi")
	out, stderr, code := runCmd(t, "evaluate", example, "--split", dir, "--signer", "Nguyễn Văn A")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Regression: --split alone printed nothing; it
	// prints the table as evaluate does without -o.
	if !strings.Contains(out, "CHI BỘ CƠ SỞ (6 đơn vị)") {
		t.Errorf("--split alone printed no table:\n%s", out)
	}
	rep := evaluateExample(t)
	count := map[criteria.UnitType]int{}
	for _, ur := range rep.Units {
		count[ur.Unit.Type]++
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(rep.Units) {
		t.Fatalf("%d files for %d units", len(entries), len(rep.Units))
	}
	for _, ur := range rep.Units {
		name := report.SplitFileName(ur.Unit.Code, ur.Unit.Name, map[string]bool{})
		f, err := excelize.OpenFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows, _ := f.GetRows("Tổng hợp")
		var text []string
		for _, row := range rows {
			text = append(text, strings.Join(row, "|"))
		}
		all := strings.Join(text, "\n")
		// A báo cáo about the unit, not addressed to it.
		if strings.Contains(all, "Kính gửi") || !strings.Contains(all, "năm 2024 của "+ur.Unit.Name) || !strings.Contains(all, "- "+ur.Unit.Name+" (để thực hiện),") ||
			!strings.Contains(all, "Nguyễn Văn A") || strings.Count(all, "|"+ur.Unit.Code+"|") != 1 {
			t.Errorf("%s: Tổng hợp\n%s", name, all)
		}
		// The rank counts within the whole bloc.
		if want := fmt.Sprintf("hạng %d/%d", ur.Rank, count[ur.Unit.Type]); !strings.Contains(strings.Join(mustRows(t, f, "Chi tiết")[1], "|")+strings.Join(mustRows(t, f, "Chi tiết đã đạt")[1], "|"), want) {
			t.Errorf("%s: no %q", name, want)
		}
		checks := 0
		for _, c := range ur.Criteria {
			checks += len(c.Checks)
		}
		got := 0
		for _, sheet := range []string{"Chi tiết", "Chi tiết đã đạt"} {
			rows, _ := f.GetRows(sheet)
			for _, row := range rows[1:] {
				if len(row) > 2 {
					got++
				}
			}
		}
		if got != checks {
			t.Errorf("%s: %d checks in the detail sheets, want %d", name, got, checks)
		}
		if slices.Contains(f.GetSheetList(), "Biểu đồ") {
			t.Errorf("%s: a unit's own report has charts", name)
		}
		// The commendation sheet only for a unit on the list, and then
		// with that unit alone.
		if has := slices.Contains(f.GetSheetList(), "Đề xuất khen thưởng"); has != ur.Commendation {
			t.Errorf("%s: commendation sheet %v, unit commended %v", name, has, ur.Commendation)
		} else if has {
			rows := mustRows(t, f, "Đề xuất khen thưởng")
			var text []string
			for _, row := range rows {
				text = append(text, strings.Join(row, "|"))
			}
			all := strings.Join(text, "\n")
			if !strings.Contains(all, "1|"+ur.Unit.Code+"|") || strings.Contains(all, "Không có đơn vị nào") {
				t.Errorf("%s: commendation sheet\n%s", name, all)
			}
		}
		f.Close()
	}
	// Neither -o's format nor a file as the folder.
	_, stderr, code = runCmd(t, "evaluate", example, "--split", dir, "--format", "json")
	if code != 1 || !strings.Contains(stderr, "--split ghi báo cáo Excel") {
		t.Errorf("--split with json: exit %d, %q", code, stderr)
	}
	_, stderr, code = runCmd(t, "evaluate", example, "--split", example)
	if code != 1 || !strings.Contains(stderr, "không phải thư mục") {
		t.Errorf("--split onto a file: exit %d, %q", code, stderr)
	}
}

// evaluateExample evaluates the example workbook as evaluate does.
func evaluateExample(t *testing.T) *criteria.Report {
	t.Helper()
	res, err := workbook.Read([]string{example}, workbook.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
}

func mustRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return append(rows, nil, nil)
}
