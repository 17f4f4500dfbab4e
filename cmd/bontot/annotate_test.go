package main

import (
	"crypto/sha256"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/internal/lotest"
)

// annotatedRun evaluates paths with --annotate into a fresh folder and
// returns the JSON report and the folder.
func annotatedRun(t *testing.T, args ...string) (jsonReport, string) {
	t.Helper()
	dir := t.TempDir()
	out, stderr, code := runCmd(t, append([]string{"evaluate", "--format", "json", "--annotate", dir}, args...)...)
	if code == 1 {
		t.Fatalf("%v: exit 1: %s", args, stderr)
	}
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr)
	}
	return r, dir
}

// jsonReport is the units of the JSON report as the tests read them (the
// annotation, the 2025 example and the 2026 review embed it).
type jsonReport struct {
	Units []struct {
		Code     string `json:"code"`
		Type     string `json:"type"`
		Verdict  string `json:"verdict"`
		Criteria []struct {
			ID      string `json:"id"`
			Verdict string `json:"verdict"`
			Checks  []struct {
				ID      string `json:"id"`
				Status  string `json:"status"`
				Message string `json:"message"`
			} `json:"checks"`
		} `json:"criteria"`
	} `json:"units"`
}

// verdicts is every unit's, criterion's and check's status, to compare two
// evaluations.
func (r jsonReport) verdicts() map[string]string {
	m := map[string]string{}
	for _, u := range r.Units {
		m[u.Code] = u.Verdict
		for _, c := range u.Criteria {
			m[u.Code+" "+c.ID] = c.Verdict
			for _, ch := range c.Checks {
				m[u.Code+" "+ch.ID] = ch.Status
			}
		}
	}
	return m
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// commentsOf maps "Sheet!A1" to the comment text of every comment in f.
func commentsOf(t *testing.T, f *excelize.File) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, s := range f.GetSheetList() {
		cs, err := f.GetComments(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			m[s+"!"+c.Cell] = commentString(c)
		}
	}
	return m
}

func commentString(c excelize.Comment) string {
	if c.Text != "" {
		return c.Text
	}
	var sb strings.Builder
	for _, r := range c.Paragraph {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// assertKept compares every sheet of the original with the copy cell by
// cell: raw and formatted values, formulas, merges, data validations,
// column widths, row heights and page layout; the copy must add Góp ý as
// its first sheet and nothing else.
func assertKept(t *testing.T, origPath, copyPath string) {
	t.Helper()
	o, c := openBook(t, origPath), openBook(t, copyPath)
	os, cs := o.GetSheetList(), c.GetSheetList()
	if len(cs) != len(os)+1 || cs[0] != "Góp ý" || !slices.Equal(cs[1:], os) {
		t.Fatalf("sheets %q, want Góp ý then %q", cs, os)
	}
	for _, s := range os {
		for _, raw := range []bool{true, false} {
			or, err1 := o.GetRows(s, excelize.Options{RawCellValue: raw})
			cr, err2 := c.GetRows(s, excelize.Options{RawCellValue: raw})
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: %v %v", s, err1, err2)
			}
			if !reflect.DeepEqual(or, cr) {
				for i := range max(len(or), len(cr)) {
					if i >= len(or) || i >= len(cr) || !slices.Equal(or[i], cr[i]) {
						t.Errorf("%s row %d (raw %v) changed", s, i+1, raw)
						break
					}
				}
			}
			if raw {
				for i, row := range or {
					for j := range row {
						cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
						f1, _ := o.GetCellFormula(s, cell)
						f2, _ := c.GetCellFormula(s, cell)
						if f1 != f2 {
							t.Errorf("%s!%s formula %q → %q", s, cell, f1, f2)
						}
					}
				}
				for i := range or {
					h1, _ := o.GetRowHeight(s, i+1)
					h2, _ := c.GetRowHeight(s, i+1)
					if h1 != h2 {
						t.Errorf("%s row %d height %v → %v", s, i+1, h1, h2)
					}
				}
			}
		}
		m1, _ := o.GetMergeCells(s)
		m2, _ := c.GetMergeCells(s)
		if !reflect.DeepEqual(m1, m2) {
			t.Errorf("%s merges changed: %v → %v", s, m1, m2)
		}
		v1, _ := o.GetDataValidations(s)
		v2, _ := c.GetDataValidations(s)
		if !reflect.DeepEqual(v1, v2) {
			t.Errorf("%s validations changed", s)
		}
		for col := 1; col <= 30; col++ {
			n, _ := excelize.ColumnNumberToName(col)
			w1, _ := o.GetColWidth(s, n)
			w2, _ := c.GetColWidth(s, n)
			if w1 != w2 {
				t.Errorf("%s column %s width %v → %v", s, n, w1, w2)
			}
		}
		p1, _ := o.GetPageLayout(s)
		p2, _ := c.GetPageLayout(s)
		if !reflect.DeepEqual(p1, p2) {
			t.Errorf("%s page layout changed: %+v → %+v", s, p1, p2)
		}
		pa1, _ := o.GetPanes(s)
		pa2, _ := c.GetPanes(s)
		if !reflect.DeepEqual(pa1, pa2) {
			t.Errorf("%s panes changed", s)
		}
	}
	if d1, d2 := o.GetDefinedName(), c.GetDefinedName(); !reflect.DeepEqual(d1, d2) {
		t.Errorf("defined names changed (a print area must stay on its sheet): %+v → %+v", d1, d2)
	}
}

// rowRef matches "Sinh hoạt dòng 17" in an evidence sentence.
var rowRef = regexp.MustCompile(`(Đơn vị|Sinh hoạt|Họp cấp ủy|Đảng viên|Cán bộ|Đoàn thể|Tiêu chí|Đơn thư vụ việc|Tự đánh giá) dòng (\d+)`)

// TestAnnotateExampleBloc: the example bloc's copy has, for every unit not
// met, a comment naming the check on a cell of each row its evidence
// names; every original cell value, formula, merge and validation is
// unchanged; Góp ý comes first, links every marked cell, puts the
// findings with no cell on their own line saying where they belong; and
// the copy evaluates exactly as the original (Góp ý is not read as data).
func TestAnnotateExampleBloc(t *testing.T) {
	orig := "../../testdata/khoi-2024.xlsx"
	sum := fileSum(t, orig)
	r, dir := annotatedRun(t, orig)
	copyPath := filepath.Join(dir, "khoi-2024-gop-y.xlsx")
	assertKept(t, orig, copyPath)
	if fileSum(t, orig) != sum {
		t.Fatal("the input was modified")
	}
	f := openBook(t, copyPath)
	// Góp ý prints on landscape A4 (paper size 9), one page wide.
	if pl, err := f.GetPageLayout("Góp ý"); err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("Góp ý page layout %+v (%v), want landscape A4", pl, err)
	}
	comments := commentsOf(t, f)
	notMet, checked := 0, 0
	for _, u := range r.Units {
		if u.Verdict != "khong_dat" {
			continue
		}
		notMet++
		for _, cr := range u.Criteria {
			for _, ch := range cr.Checks {
				if ch.Status != "khong_dat" {
					continue
				}
				// Rows named after "không tính" are those left out, not
				// the evidence of the failure.
				msg, _, _ := strings.Cut(ch.Message, "; không tính")
				for _, m := range rowRef.FindAllStringSubmatch(msg, -1) {
					checked++
					if !commentOnRow(comments, m[1], m[2], ch.ID) {
						t.Errorf("%s %s: no comment naming it on %s row %s", u.Code, ch.ID, m[1], m[2])
					}
				}
			}
		}
	}
	if notMet < 5 || checked < 10 {
		t.Fatalf("only %d units not met, %d rows of evidence: the example changed?", notMet, checked)
	}
	// The member below the floor of CB03 is marked on its rating cell.
	rating := headerColumn(t, f, "Đảng viên", "Xếp loại")
	if c := comments["Đảng viên!"+rating+"252"]; !strings.Contains(c, "tc1.members_floor") || !strings.Contains(c, "Cần làm:") {
		t.Errorf("Đảng viên!%s252: %q", rating, c)
	}
	// Góp ý: links to marked cells, and the committee count of DB03 with no
	// cell stands alone, saying where it belongs.
	rows, _ := f.GetRows("Góp ý")
	links, alone := 0, false
	for i, row := range rows {
		if len(row) >= 5 && strings.Contains(row[1], "tc2.committee_meetings") && strings.Contains(row[4], "Họp cấp ủy") {
			alone = true
		}
		cell, _ := excelize.CoordinatesToCellName(5, i+1)
		if ok, target, _ := f.GetCellHyperLink("Góp ý", cell); ok {
			links++
			sheet, at, _ := strings.Cut(target, "!")
			sheet = strings.ReplaceAll(strings.Trim(sheet, "'"), "''", "'")
			if _, ok := comments[sheet+"!"+at]; !ok {
				t.Errorf("link %s leads to a cell without comment", target)
			}
		}
	}
	if links < len(comments)-2 || !alone {
		t.Errorf("%d links for %d comments; committee count alone: %v", links, len(comments), alone)
	}
	if !strings.Contains(strings.Join(rows[1], ""), "năm 2024") {
		t.Errorf("rules and year line: %q", rows[1])
	}
	again, _ := annotatedRun(t, copyPath)
	if !reflect.DeepEqual(r.verdicts(), again.verdicts()) {
		t.Error("the copy does not evaluate as the original")
	}
	openpyxlOpens(t, copyPath)
}

func commentOnRow(comments map[string]string, sheet, row, check string) bool {
	for at, text := range comments {
		s, cell, _ := strings.Cut(at, "!")
		if s != sheet || !strings.Contains(text, check) {
			continue
		}
		if _, r, err := excelize.CellNameToCoordinates(cell); err == nil && strconv.Itoa(r) == row {
			return true
		}
	}
	return false
}

// headerColumn is the column letter of a header in a sheet's first rows.
func headerColumn(t *testing.T, f *excelize.File, sheet, header string) string {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for _, row := range rows[:min(10, len(rows))] {
		for j, v := range row {
			if v == header {
				n, _ := excelize.ColumnNumberToName(j + 1)
				return n
			}
		}
	}
	t.Fatalf("%s: no header %q", sheet, header)
	return ""
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func openpyxlOpens(t *testing.T, path string) {
	t.Helper()
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import openpyxl").Run() != nil {
		t.Log("openpyxl not installed: not checked")
		return
	}
	out, err := exec.Command(py, "-c", "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); print(wb.sheetnames[0])", path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "Góp ý" {
		t.Errorf("openpyxl: %v\n%s", err, out)
	}
}

// TestAnnotateNeverReplaces: a second run beside the first copy writes
// "TÊN-gop-y (2).xlsx" and leaves the first as it was.
func TestAnnotateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "khoi-2024-gop-y.xlsx")
	if err := os.WriteFile(first, []byte("đã trả lời"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCmd(t, "evaluate", "--summary", "--annotate", dir, "../../testdata/khoi-2024.xlsx")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(first); string(b) != "đã trả lời" {
		t.Error("the earlier copy was replaced")
	}
	if _, err := os.Stat(filepath.Join(dir, "khoi-2024-gop-y (2).xlsx")); err != nil {
		t.Error(err)
	}
}

// TestAnnotateAsOf: under --as-of the copy is the unit's to-do list: its
// title says so and the checks still reachable stand as "Cần làm trước
// cuối năm" with what is still needed.
func TestAnnotateAsOf(t *testing.T) {
	_, dir := annotatedRun(t, "../../testdata/khoi-2024.xlsx", "--as-of", "30/06/2024")
	f := openBook(t, filepath.Join(dir, "khoi-2024-gop-y.xlsx"))
	rows, _ := f.GetRows("Góp ý")
	if !strings.HasPrefix(rows[0][0], "VIỆC CẦN LÀM TRƯỚC 31/12/2024") {
		t.Errorf("title %q", rows[0][0])
	}
	todo := 0
	for _, row := range rows {
		if len(row) >= 4 && row[0] == "Cần làm trước cuối năm" && strings.Contains(row[3], "cần thêm") {
			todo++
		}
	}
	if todo == 0 {
		t.Error("no to-do line saying what is still needed")
	}
}

// TestAnnotateScoreSheets: a chi bộ's score-sheet workbook whose total
// disagrees (T4!D20) gets that cell marked as a data error, and every
// cell of the form is kept.
func TestAnnotateScoreSheets(t *testing.T) {
	for _, name := range []string{"phieu-cham.xlsx", "phieu-tong-sai.xlsx"} {
		orig := "../../testdata/phieu/" + name
		_, dir := annotatedRun(t, orig)
		copyPath := filepath.Join(dir, strings.TrimSuffix(name, ".xlsx")+"-gop-y.xlsx")
		assertKept(t, orig, copyPath)
		openpyxlOpens(t, copyPath)
		if name == "phieu-tong-sai.xlsx" {
			c := commentsOf(t, openBook(t, copyPath))["T4!D20"]
			if !strings.HasPrefix(c, "[Lỗi dữ liệu]") {
				t.Errorf("T4!D20: %q", c)
			}
		}
	}
}

// TestAnnotateLibreOfficeSaved: the example saved by LibreOffice (other
// styles, shared strings, defined names as it writes them) is annotated
// without loss, and the copy opens in LibreOffice again.
func TestAnnotateLibreOfficeSaved(t *testing.T) {
	tmp := t.TempDir()
	src := copyExample(t, tmp, "khoi-lo.xlsx")
	conv := filepath.Join(tmp, "conv")
	src = lotest.Convert(t, conv, "xlsx", src)[0]
	_, dir := annotatedRun(t, src)
	copyPath := filepath.Join(dir, "khoi-lo-gop-y.xlsx")
	assertKept(t, src, copyPath)
	openpyxlOpens(t, copyPath)
	if len(commentsOf(t, openBook(t, copyPath))) == 0 {
		t.Error("no comment")
	}
	// LibreOffice reads the comments back: saved again by it, the copy
	// still has every one.
	back := lotest.Convert(t, filepath.Join(tmp, "back"), "xlsx", copyPath)[0]
	if got, want := len(commentsOf(t, openBook(t, back))), len(commentsOf(t, openBook(t, copyPath))); got != want {
		t.Errorf("LibreOffice reads %d comments of %d", got, want)
	}
	pdf := lotest.Convert(t, filepath.Join(tmp, "pdf"), "pdf", copyPath)[0]
	if _, err := os.Stat(pdf); err != nil {
		t.Errorf("LibreOffice does not open the copy: %v", err)
	}
}

// TestAnnotateKeepsComments: a cell that already has a comment keeps its
// text, followed by bontot's finding, and the sheet's other comment is
// untouched (the sheet's own drawing is shared, not replaced).
func TestAnnotateKeepsComments(t *testing.T) {
	f, err := excelize.OpenFile("../../testdata/khoi-2024.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	rating := headerColumn(t, f, "Đảng viên", "Xếp loại")
	for cell, text := range map[string]string{rating + "252": "Cấp ủy họp ngày 10/12", "B2": "ghi chú cũ"} {
		if err := f.AddComment("Đảng viên", excelize.Comment{Author: "Bí thư", Cell: cell, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	orig := filepath.Join(t.TempDir(), "co-ghi-chu.xlsx")
	if err := f.SaveAs(orig); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, dir := annotatedRun(t, orig)
	copyPath := filepath.Join(dir, "co-ghi-chu-gop-y.xlsx")
	assertKept(t, orig, copyPath)
	openpyxlOpens(t, copyPath)
	c := commentsOf(t, openBook(t, copyPath))
	if got := c["Đảng viên!"+rating+"252"]; !strings.HasPrefix(got, "Cấp ủy họp ngày 10/12") || !strings.Contains(got, "tc1.members_floor") {
		t.Errorf("merged comment: %q", got)
	}
	if got := c["Đảng viên!B2"]; got != "ghi chú cũ" {
		t.Errorf("other comment: %q", got)
	}
	if !strings.Contains(c["Sinh hoạt!"+headerColumn(t, openBook(t, copyPath), "Sinh hoạt", "Điểm")+"178"], "tc2.regular_no_weak") {
		t.Error("a sheet without comments of its own got none")
	}
}

// TestAnnotateScoreSheetForm: the score-sheet form of `template --form
// phieu`, filled as a secretary does (the day over the dots, the chi ủy's
// group scores; nhóm V 5/20 in March, June, September, December) and
// saved by LibreOffice, which computes the totals: the copy keeps every
// cell and formula, marks the Tổng cộng line of each meeting not scored
// Tốt, and lists the sheets the workbook lacks on Góp ý alone.
func TestAnnotateScoreSheetForm(t *testing.T) {
	tmp := t.TempDir()
	blank := filepath.Join(tmp, "blank.xlsx")
	if _, stderr, code := runCmd(t, "template", "--form", "phieu", "--unit", "CB01", "--name", "Chi bộ Văn phòng Sở",
		"--type", "chi_bo_co_so", "--year", "2024", "-o", blank); code != 0 {
		t.Fatal(stderr)
	}
	f := openBook(t, blank)
	for m := 1; m <= 12; m++ {
		sh := "T" + strconv.Itoa(m)
		if v, _ := f.GetCellValue(sh, "B15"); v != "Tổng cộng" {
			t.Fatalf("%s!B15 = %q: the form changed", sh, v)
		}
		f.SetCellValue(sh, "A7", "ngày 10/"+strconv.Itoa(m)+"/2024")
		for r := 10; r <= 14; r++ {
			v := 20
			if r == 14 && m%3 == 0 {
				v = 5
			}
			f.SetCellValue(sh, "D"+strconv.Itoa(r), v)
		}
	}
	filled := filepath.Join(tmp, "phieu-chi-bo.xlsx")
	if err := f.SaveAs(filled); err != nil {
		t.Fatal(err)
	}
	orig := lotest.Convert(t, filepath.Join(tmp, "lo-out"), "xlsx", filled)[0]
	r, dir := annotatedRun(t, orig)
	if st := r.verdicts()["CB01 tc2.regular_good"]; st != "khong_dat" {
		t.Fatalf("tc2.regular_good %s: the filled form is not read as meant", st)
	}
	copyPath := filepath.Join(dir, "phieu-chi-bo-gop-y.xlsx")
	assertKept(t, orig, copyPath)
	openpyxlOpens(t, copyPath)
	c := commentsOf(t, openBook(t, copyPath))
	for _, sh := range []string{"T3", "T6", "T9", "T12"} {
		if !strings.Contains(c[sh+"!B15"], "tc2.regular_good") {
			t.Errorf("%s!B15: %q", sh, c[sh+"!B15"])
		}
	}
	if _, ok := c["T1!B15"]; ok {
		t.Error("a meeting scored Tốt is marked")
	}
	rows, _ := openBook(t, copyPath).GetRows("Góp ý")
	alone := 0
	for _, row := range rows {
		if len(row) >= 5 && strings.HasPrefix(row[4], "Không có ô riêng: thuộc trang") && strings.Contains(row[2], "Sổ không có trang") {
			alone++
		}
	}
	if alone < 3 {
		t.Errorf("%d findings about absent sheets on Góp ý", alone)
	}
}

// TestDroppedWorkbookAnnotated: a workbook dropped onto bontot.exe also
// gets its annotated copy, in the folder TÊN-gop-y beside the report; a
// second drop adds "(2)" there and keeps the first.
func TestDroppedWorkbookAnnotated(t *testing.T) {
	dir := t.TempDir()
	wb := copyExample(t, dir, "khoi-2024.xlsx")
	openReport = func(string) error { return nil }
	defer func() { openReport = openFile }()
	for _, want := range []string{"khoi-2024-gop-y.xlsx", "khoi-2024-gop-y (2).xlsx"} {
		var out, errb strings.Builder
		code := runExplorer(t.Context(), launchDropped, []string{wb}, streams{In: strings.NewReader("\n"), Out: &out, Err: &errb, Now: fixedNow})
		if code != exitOK {
			t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
		}
		if _, err := os.Stat(filepath.Join(dir, "khoi-2024-gop-y", want)); err != nil {
			t.Errorf("%v\n%s", err, errb.String())
		}
	}
}
