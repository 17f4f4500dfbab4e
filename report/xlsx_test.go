package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
)

func renderXLSX(t *testing.T, r *criteria.Report, opts XLSXOptions) (*excelize.File, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := XLSX(&b, r, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, b.Bytes()
}

// zipPart returns one part of the .xlsx package, to check what excelize
// actually wrote rather than what it reads back.
func zipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

var mainSheets = []string{SheetSummary, SheetCommendation, SheetCharts, SheetDetail, SheetPassed, SheetImplementation, SheetProblems}

// summaryUnits returns the header row index (0-based) of Tổng hợp and its
// unit rows, the rows whose Hạng is a number.
func summaryUnits(t *testing.T, f *excelize.File) (int, [][]string) {
	t.Helper()
	rows, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	header := -1
	var units [][]string
	for i, row := range rows {
		if len(row) > 0 && row[0] == "Hạng" {
			header = i
		}
		if header >= 0 && i > header && len(row) > 1 {
			if _, err := strconv.Atoi(row[0]); err == nil {
				units = append(units, row)
			}
		}
	}
	if header < 0 {
		t.Fatalf("Tổng hợp has no header row: %q", rows)
	}
	return header, units
}

func TestXLSXSheetsAndSummary(t *testing.T) {
	r := fixture()
	f, _ := renderXLSX(t, r, XLSXOptions{})
	if got := f.GetSheetList(); !slices.Equal(got, mainSheets) {
		t.Fatalf("sheets %q, want %q", got, mainSheets)
	}
	header, units := summaryUnits(t, f)
	rows, _ := f.GetRows(SheetSummary)
	var titles []string
	for _, c := range summaryColumns {
		titles = append(titles, c.title)
	}
	if !slices.Equal(rows[header], titles) {
		t.Errorf("summary header %q", rows[header])
	}
	// Rows in report order: grouped by type, ranked, each type its section.
	var codes []string
	for _, row := range units {
		codes = append(codes, row[1])
	}
	want := []string{"DB01", "DB02", "CB01", "CB02", "CB03", "CB04", "DB01-CB1", "DB02-CB1", "DB02-CB2"}
	if !slices.Equal(codes, want) {
		t.Errorf("row order %q, want %q", codes, want)
	}
	if units[1][11] != "Không đạt" || units[0][13] != "x" || units[5][3] != "" || units[6][3] != "DB01" {
		t.Errorf("summary cells: %q / %q", units[1], units[6])
	}
	// Ranks restart per section, under the section's heading.
	if units[2][0] != "1" || rows[header+1][0] != "I. ĐẢNG BỘ CƠ SỞ" {
		t.Errorf("sections: %q, %q", units[2], rows[header+1])
	}
}

// cellStyle returns the style of a cell.
func cellStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// findCell returns the first cell of sheet whose text satisfies ok.
func findCell(t *testing.T, f *excelize.File, sheet string, ok func(string) bool) (string, string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		for j, v := range row {
			if ok(v) {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				return cell, v
			}
		}
	}
	return "", ""
}

// Each verdict has its own fill colour in Tổng hợp.
func TestXLSXVerdictFills(t *testing.T) {
	f, _ := renderXLSX(t, fixture(), XLSXOptions{})
	header, units := summaryUnits(t, f)
	rows, _ := f.GetRows(SheetSummary)
	rowOf := func(code string) int {
		for i := header; i < len(rows); i++ {
			if len(rows[i]) > 1 && rows[i][1] == code {
				return i + 1
			}
		}
		t.Fatalf("no row for %s in %q", code, units)
		return 0
	}
	fill := func(cell string) string {
		st := cellStyle(t, f, SheetSummary, cell)
		if len(st.Fill.Color) == 0 {
			return ""
		}
		return strings.ToUpper(st.Fill.Color[0])
	}
	// Kết quả is column L.
	cases := map[string]criteria.Status{"DB01": criteria.Met, "DB02": criteria.NotMet, "CB03": criteria.MissingData, "CB04": criteria.DataError}
	seen := map[string]bool{}
	for code, status := range cases {
		got := fill("L" + itoa(rowOf(code)))
		if got != statusLooks[status].fill {
			t.Errorf("%s (%s) fill %q, want %q", code, status, got, statusLooks[status].fill)
		}
		seen[got] = true
	}
	if len(seen) != len(cases) {
		t.Errorf("verdicts share fills: %v", seen)
	}
}

// The document sheets carry the identity given, and dotted blanks where
// none is given (Hướng dẫn 36-HD/VPTW).
func TestXLSXDocumentIdentity(t *testing.T) {
	doc := criteria.Document{
		UpperCommittee: "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", Committee: "ĐẢNG ỦY SỞ TƯ PHÁP", Number: "125-BC/ĐU",
		Place: "Hà Nội", Date: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC), OnBehalf: "T/M Ban Thường vụ",
		SignerTitle: "Bí thư", Signer: "Nguyễn Văn A", Recipients: []string{"Ban Tổ chức Tỉnh ủy", "Lưu VP"},
	}
	f, _ := renderXLSX(t, fixture(), XLSXOptions{Document: doc})
	for _, sheet := range []string{SheetSummary, SheetCommendation} {
		for _, want := range []string{"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY SỞ TƯ PHÁP", "ĐẢNG CỘNG SẢN VIỆT NAM",
			"Hà Nội, ngày 05 tháng 02 năm 2025", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A", "Nơi nhận:",
			"- Ban Tổ chức Tỉnh ủy,", "- Lưu VP."} {
			if cell, _ := findCell(t, f, sheet, func(v string) bool { return v == want }); cell == "" {
				t.Errorf("%s: no cell %q", sheet, want)
			}
		}
		if cell, _ := findCell(t, f, sheet, func(v string) bool { return strings.Contains(v, "…") }); cell != "" {
			t.Errorf("%s: dotted blank at %s although everything is given", sheet, cell)
		}
	}
	if cell, _ := findCell(t, f, SheetCommendation, func(v string) bool { return v == "1. Danh sách đề nghị tặng giấy khen" }); cell == "" {
		t.Error("commendation list has no title")
	}
	// Nothing given: dotted blanks to fill by hand.
	f, _ = renderXLSX(t, fixture(), XLSXOptions{})
	for _, want := range []string{"Số ……………………", "…………, ngày …… tháng …… năm ……", "T/M ……………………"} {
		if cell, _ := findCell(t, f, SheetSummary, func(v string) bool { return v == want }); cell == "" {
			t.Errorf("no blank %q", want)
		}
	}
}

// Each section ends with its count line, numbers kept as numbers: an
// integer format for counts, a percentage for the share.
func TestXLSXCountLines(t *testing.T) {
	r := fixture()
	f, _ := renderXLSX(t, r, XLSXOptions{})
	want := map[string][2]int{}
	for _, ur := range r.Units {
		for _, label := range []string{"Cộng " + lowerFirst(ur.Unit.Type.Label()), "Tổng cộng"} {
			w := want[label]
			w[0]++
			if ur.Verdict == criteria.Met {
				w[1]++
			}
			want[label] = w
		}
	}
	if want["Tổng cộng"] != [2]int{9, 4} {
		t.Fatalf("fixture changed: %v", want)
	}
	rows, _ := f.GetRows(SheetSummary)
	found := 0
	for i, row := range rows {
		if len(row) == 0 {
			continue
		}
		w, ok := want[row[0]]
		if !ok {
			continue
		}
		found++
		r := itoa(i + 1)
		total, _ := f.GetCellValue(SheetSummary, "F"+r, excelize.Options{RawCellValue: true})
		met, _ := f.GetCellValue(SheetSummary, "I"+r, excelize.Options{RawCellValue: true})
		share, _ := f.GetCellValue(SheetSummary, "K"+r)
		if total != itoa(w[0]) || met != itoa(w[1]) {
			t.Errorf("%s: total %s met %s, want %v", row[0], total, met, w)
		}
		wantShare := strconv.FormatFloat(100*float64(w[1])/float64(w[0]), 'f', 1, 64) + "%"
		if share != wantShare {
			t.Errorf("%s: share %q, want %q", row[0], share, wantShare)
		}
		if st := cellStyle(t, f, SheetSummary, "F"+r); st.NumFmt != 3 {
			t.Errorf("%s: count format %d, want 3 (#,##0)", row[0], st.NumFmt)
		}
	}
	if found != len(want) {
		t.Errorf("%d count lines, want %d", found, len(want))
	}
	// Scores with one decimal.
	_, units := summaryUnits(t, f)
	if units[0][12] != "91.3" {
		t.Errorf("first unit score %q, want 91.3", units[0][12])
	}
	for _, u := range units {
		if len(u) > 12 && u[12] != "" && !regexp.MustCompile(`^\d+\.\d$`).MatchString(u[12]) {
			t.Errorf("%s: score %q not shown with one decimal", u[1], u[12])
		}
	}
}

func TestXLSXLayout(t *testing.T) {
	r := fixture()
	f, data := renderXLSX(t, r, XLSXOptions{})
	detailRows := map[bool]int{}
	for _, ur := range r.Units {
		n := map[bool]int{}
		for _, c := range ur.Criteria {
			for _, ch := range c.Checks {
				n[notMet(ch.Status)]++
			}
		}
		for k, v := range n {
			if v > 0 {
				detailRows[k] += v + 1
			}
		}
	}
	dims := map[string]string{
		SheetDetail: "A1:G" + itoa(detailRows[true]+1), SheetPassed: "A1:G" + itoa(detailRows[false]+1),
		SheetImplementation: "A1:E4", SheetProblems: "A1:H5",
	}
	names := f.GetDefinedName()
	for i, sheet := range mainSheets {
		part := zipPart(t, data, "xl/worksheets/sheet"+itoa(i+1)+".xml")
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *layout.Size != 9 || *layout.Orientation != "landscape" {
			t.Errorf("%s: page layout size %d %s", sheet, *layout.Size, *layout.Orientation)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		// Biểu đồ is a picture fitted to its page; every other sheet
		// prints at the scale bontot lays its pages out for.
		if fit := props.FitToPage != nil && *props.FitToPage; fit != (sheet == SheetCharts) {
			t.Errorf("%s: fitToPage %v", sheet, fit)
		}
		if !strings.Contains(part, "Times New Roman") && sheet != SheetCharts {
			t.Errorf("%s: no page number in Times New Roman", sheet)
		}
		want, ok := dims[sheet]
		if !ok {
			continue
		}
		// The dimension must be the real used range, also for the streamed
		// sheets (excelize issue #1463).
		if m := regexp.MustCompile(`<dimension ref="([^"]+)"`).FindStringSubmatch(part); m == nil || m[1] != want {
			t.Errorf("%s: dimension %v, want %s", sheet, m, want)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, want header frozen", sheet, panes)
		}
		found := false
		for _, dn := range names {
			if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
				found = dn.RefersTo == "'"+sheet+"'!$1:$1"
			}
		}
		if !found {
			t.Errorf("%s: no print titles repeating row 1: %+v", sheet, names)
		}
		if !strings.Contains(part, "<oddHeader>") {
			t.Errorf("%s: no page header", sheet)
		}
	}
	for _, sheet := range []string{SheetDetail, SheetPassed, SheetProblems} {
		i := slices.Index(mainSheets, sheet)
		part := zipPart(t, data, "xl/worksheets/sheet"+itoa(i+1)+".xml")
		if !strings.Contains(part, `<autoFilter ref="`+dims[sheet]+`"`) {
			t.Errorf("%s: no autofilter over %s", sheet, dims[sheet])
		}
	}
	// The document sheets repeat their column header row on every page.
	header, _ := summaryUnits(t, f)
	found := false
	for _, dn := range names {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == SheetSummary {
			found = dn.RefersTo == fmt.Sprintf("'%s'!$%d:$%d", SheetSummary, header+1, header+1)
		}
	}
	if !found {
		t.Errorf("Tổng hợp: print titles are not its header row %d: %+v", header+1, names)
	}
	if font, _ := f.GetDefaultFont(); font != "Times New Roman" {
		t.Errorf("default font %q", font)
	}
	// openpyxl refuses a border colour written as rgb="FF".
	styles := zipPart(t, data, "xl/styles.xml")
	if strings.Contains(styles, `rgb="FF"`) {
		t.Error(`styles.xml has a border colour rgb="FF"`)
	}
	if !strings.Contains(styles, `<color rgb="FF000000"`) {
		t.Error("borders have no explicit black colour")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Chi tiết holds the checks not met, Chi tiết đã đạt the others, each
// grouped under a row naming its unit; together they hold every check
// once, named by its Vietnamese text, never by its ID.
func TestXLSXDetailRows(t *testing.T) {
	r := fixture()
	f, _ := renderXLSX(t, r, XLSXOptions{})
	type key struct{ code, title string }
	want := map[key]criteria.Status{}
	for _, ur := range r.Units {
		for _, c := range ur.Criteria {
			for _, ch := range c.Checks {
				want[key{ur.Unit.Code, checkTitle(ch.ID)}] = ch.Status
			}
		}
	}
	got := map[key]bool{}
	for _, sheet := range []string{SheetDetail, SheetPassed} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var header []string
		for _, c := range detailColumns { // both sheets: the unit on every row

			header = append(header, c.title)
		}
		if !slices.Equal(rows[0], header) {
			t.Errorf("%s header %q", sheet, rows[0])
		}
		group := ""
		for i, row := range rows[1:] {
			for _, v := range row {
				if regexp.MustCompile(`^tc\d\.`).MatchString(v) {
					t.Errorf("%s row %d shows the ID %q", sheet, i+2, v)
				}
			}
			if mc, _ := f.GetMergeCells(sheet); len(mc) == 0 {
				t.Errorf("%s: group rows not merged", sheet)
			}
			// A unit's group row: code and title.
			if len(row) == 2 {
				group = row[0]
				continue
			}
			if row[0] != group {
				t.Errorf("%s row %d: unit %s under the group of %s", sheet, i+2, row[0], group)
			}
			k := key{row[0], row[2]}
			st, ok := want[k]
			if !ok || got[k] {
				t.Errorf("%s row %d: unknown or repeated check %q", sheet, i+2, row)
			}
			got[k] = true
			if notMet(st) != (sheet == SheetDetail) || row[5] != st.Label() {
				t.Errorf("%s row %d: status %s (%q) on the wrong sheet", sheet, i+2, st, row[5])
			}
			if row[0] == "CB04" && row[2] == checkTitle("tc2.regular_good") {
				if row[3] != "45.5%" || row[4] != "75.0%" || row[5] != "Không đạt" {
					t.Errorf("CB04 regular_good row %q", row)
				}
				st := cellStyle(t, f, sheet, "F"+itoa(i+2))
				if st.Fill.Color[0] != statusLooks[criteria.NotMet].fill {
					t.Errorf("status cell fill %v", st.Fill.Color)
				}
			}
			if row[0] == "CB04" && row[2] == checkTitle("tc2.regular_count") && (row[3] != "11" || row[4] != "12") {
				t.Errorf("CB04 regular_count row %q", row)
			}
			if sheet == SheetPassed && row[0] == "DB01" && row[2] == checkTitle("tc2.committee_meetings") && row[1] != "TC2" {
				t.Errorf("criterion shown as %q, want TC2", row[1])
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d checks in the detail sheets, want %d", len(got), len(want))
	}
	probs, _ := f.GetRows(SheetProblems)
	if len(probs) != 5 || probs[1][1] != "Lỗi" || probs[1][4] != "D17" {
		t.Errorf("problems sheet %q", probs)
	}
	// Each problem's code stands in the last column, Mã, for the filter.
	for i, want := range []string{"Mã", "score.out_of_range", "meeting.low_attendance", "self_assessment.missing", "year.rows_left_out"} {
		if i < len(probs) && (len(probs[i]) != len(problemColumns) || probs[i][len(problemColumns)-1] != want) {
			t.Errorf("problems sheet row %d: %q, want the code %q last", i+1, probs[i], want)
		}
	}
	var comm []string
	rows, _ := f.GetRows(SheetCommendation)
	for _, row := range rows {
		if len(row) > 1 && (row[0] == "1" || row[0] == "2") {
			comm = append(comm, row[1])
		}
	}
	if !slices.Equal(comm, []string{"DB01", "CB01"}) {
		t.Errorf("commendation list %q", comm)
	}
	impl, _ := f.GetRows(SheetImplementation)
	if len(impl) != 4 || impl[3][2] != "Cụm 1" || impl[3][3] != "Không đạt" {
		t.Errorf("implementation sheet %q", impl)
	}
}

// Past Excel's row limit a detail sheet continues on "Chi tiết (2)"…,
// each with its header, and together they hold the rows of one sheet.
func TestXLSXDetailContinuesPastRowLimit(t *testing.T) {
	r := fixture()
	f, _ := renderXLSX(t, r, XLSXOptions{})
	whole, _ := f.GetRows(SheetPassed)
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 10
	f, data := renderXLSX(t, r, XLSXOptions{})
	var joined [][]string
	sheets := 0
	for _, name := range f.GetSheetList() {
		if name != SheetPassed && !strings.HasPrefix(name, SheetPassed+" (") {
			continue
		}
		if want := SheetPassed; sheets > 0 {
			want = fmt.Sprintf("%s (%d)", SheetPassed, sheets+1)
			if name != want {
				t.Errorf("sheet %q, want %q", name, want)
			}
		}
		sheets++
		rows, _ := f.GetRows(name)
		if len(rows) > maxSheetRows || !slices.Equal(rows[0], whole[0]) {
			t.Errorf("%s: %d rows, header %q", name, len(rows), rows[0])
		}
		joined = append(joined, rows[1:]...)
	}
	if want := (len(whole) - 1 + maxSheetRows - 2) / (maxSheetRows - 1); sheets != want || sheets < 2 {
		t.Errorf("%d sheets, want %d", sheets, want)
	}
	if !slices.EqualFunc(joined, whole[1:], slices.Equal[[]string]) {
		t.Errorf("continued sheets differ from one sheet")
	}
	if !strings.Contains(string(data), "") { // keep data used
		t.Fatal()
	}
}

func TestXLSXEmptyReport(t *testing.T) {
	f, _ := renderXLSX(t, &criteria.Report{Year: 2024}, XLSXOptions{SheetPerUnit: true})
	if got := f.GetSheetList(); !slices.Equal(got, mainSheets) {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetCellValue(SheetProblems, "A2"); !strings.HasPrefix(v, "Không có") {
		t.Errorf("empty problems sheet says %q", v)
	}
}

func TestXLSXSheetPerUnit(t *testing.T) {
	r := fixture()
	// Two names that collide once cut to 31 characters, and forbidden ones.
	r.Units[2].Unit.Name = "Chi bộ [Sở]: Tư pháp/Hộ tịch? * rất dài để cắt"
	r.Units[3].Unit.Code = "CB01"
	r.Units[3].Unit.Name = r.Units[2].Unit.Name
	f, _ := renderXLSX(t, r, XLSXOptions{SheetPerUnit: true})
	list := f.GetSheetList()
	if len(list) != len(mainSheets)+len(r.Units) || !slices.Equal(list[:len(mainSheets)], mainSheets) {
		t.Fatalf("sheets %q", list)
	}
	seen := map[string]bool{}
	for _, name := range list[len(mainSheets):] {
		if utf8.RuneCountInString(name) > 31 || strings.ContainsAny(name, `[]:*?/\`) {
			t.Errorf("bad sheet name %q", name)
		}
		if seen[strings.ToLower(name)] {
			t.Errorf("duplicate sheet name %q", name)
		}
		seen[strings.ToLower(name)] = true
	}
	sheet := list[len(mainSheets)+4] // CB03
	if v, _ := f.GetCellValue(sheet, "A1"); v != "CB03 · Chi bộ Văn phòng Đoàn ĐBQH" {
		t.Errorf("unit sheet title %q", v)
	}
	if v, _ := f.GetCellValue(sheet, "A3"); !strings.HasPrefix(v, "Kết quả: Thiếu dữ liệu · hạng 3/4") {
		t.Errorf("unit sheet verdict %q", v)
	}
	rows, _ := f.GetRows(sheet)
	if rows[unitHeaderRow-1][1] != "Nội dung" || rows[unitHeaderRow][4] == "Đạt" {
		t.Errorf("unit sheet table %q", rows[unitHeaderRow-1:unitHeaderRow+1])
	}
	names := f.GetDefinedName()
	ok := false
	for _, dn := range names {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet && dn.RefersTo == "'"+sheet+"'!$5:$5" {
			ok = true
		}
	}
	if !ok {
		t.Errorf("unit sheet %q has no print titles", sheet)
	}
}

func TestUniqueSheetName(t *testing.T) {
	used := map[string]bool{"tổng hợp": true}
	for _, c := range []struct{ in, want string }{
		{"Tổng hợp", "Tổng hợp (2)"},
		{"A/B:C", "A-B-C"},
		{"'quoted'", "quoted"},
		{strings.Repeat("x", 40), strings.Repeat("x", 31)},
		{strings.Repeat("x", 40), strings.Repeat("x", 27) + " (2)"},
		{"", "Đơn vị"},
	} {
		if got := uniqueSheetName(c.in, used); got != c.want {
			t.Errorf("uniqueSheetName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestXLSXRulesUnderTitleNotInFooter: the rules that made the report
// stand under its title (SPEC §6); no printed page carries a rule-profile
// slug in its margins (a slug is no part of a document, Hướng dẫn
// 36-HD/VPTW), and the document sheets number
// their pages from page 2, at the top centre, with no footer.
func TestXLSXRulesUnderTitleNotInFooter(t *testing.T) {
	r := fixture()
	r.Rules = criteria.Rules{Profile: criteria.Profile2025, CriteriaFile: "tiêu chí A&B.yaml", SHA256: "00"}
	f, _ := renderXLSX(t, r, XLSXOptions{})
	if cell, _ := findCell(t, f, SheetSummary, func(v string) bool {
		return strings.HasPrefix(v, "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06; tệp tiêu chí tiêu chí A&B.yaml.")
	}); cell == "" {
		t.Error("Tổng hợp: no rules line under the title")
	}
	for _, sheet := range f.GetSheetList() {
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if hf == nil {
			if sheet == SheetCharts { // one page, a picture: nothing in its margins
				continue
			}
			t.Fatalf("%s: no header or footer", sheet)
		}
		for _, s := range []string{hf.OddHeader, hf.OddFooter, hf.FirstHeader, hf.FirstFooter} {
			if strings.Contains(s, "Quy tắc") || strings.Contains(s, "profile") || strings.Contains(s, "hd17") {
				t.Errorf("%s: rules in the page margins: %q", sheet, s)
			}
		}
		if sheet != SheetSummary && sheet != SheetCommendation {
			continue
		}
		if !hf.DifferentFirst || hf.FirstHeader != "" || !strings.HasPrefix(hf.OddHeader, "&C") || !strings.HasSuffix(hf.OddHeader, "&P") || hf.OddFooter != "" {
			t.Errorf("%s: page number not from page 2 at the top centre: %+v", sheet, hf)
		}
	}
}

// dumpSheet is a sheet as text for a golden file: every non-empty cell
// with its shown (formatted) text, then its merged ranges.
func dumpSheet(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "=== %s ===\n", sheet)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		var cells []string
		for j, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			cells = append(cells, cell+"="+strconv.Quote(v))
		}
		if len(cells) > 0 {
			b.WriteString(strings.Join(cells, " ") + "\n")
		}
	}
	mc, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var merges []string
	for _, m := range mc {
		merges = append(merges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	slices.SortFunc(merges, func(a, b string) int {
		ca, ra, _ := excelize.CellNameToCoordinates(strings.Split(a, ":")[0])
		cb, rb, _ := excelize.CellNameToCoordinates(strings.Split(b, ":")[0])
		if ra != rb {
			return ra - rb
		}
		return ca - cb
	})
	fmt.Fprintf(&b, "merged: %s\n", strings.Join(merges, " "))
	return b.String()
}

// chartRefs lists each chart part's type and the ranges its series read.
var chartRefs = regexp.MustCompile(`<(barDir val="[a-z]+"|grouping val="[a-zA-Z]+")|<f>([^<]+)</f>`)

// TestXLSXGolden: the document sheets, the charts and the checks not met
// of the fixture, cell by cell, against testdata/report-xlsx.golden.
func TestXLSXGolden(t *testing.T) {
	doc := criteria.Document{Committee: "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", Place: "Hà Nội", Date: time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)}
	f, data := renderXLSX(t, fixture(), XLSXOptions{Document: doc})
	var b strings.Builder
	for _, sheet := range []string{SheetSummary, SheetCommendation, SheetCharts, SheetDetail} {
		b.WriteString(dumpSheet(t, f, sheet))
	}
	for i := 1; ; i++ {
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		name := fmt.Sprintf("xl/charts/chart%d.xml", i)
		if _, err := zr.Open(name); err != nil {
			break
		}
		fmt.Fprintf(&b, "=== %s ===\n", name)
		for _, m := range chartRefs.FindAllStringSubmatch(zipPart(t, data, name), -1) {
			b.WriteString(m[1] + m[2] + "\n")
		}
	}
	golden(t, "report-xlsx.golden", []byte(b.String()))
}

// Biểu đồ holds three native charts drawn from its figures, which count
// every unit once, and prints on one page.
func TestXLSXCharts(t *testing.T) {
	r := fixture()
	f, data := renderXLSX(t, r, XLSXOptions{})
	for i, want := range []string{`<barDir val="col"></barDir><grouping val="stacked">`, `<barDir val="col"></barDir><grouping val="clustered">`, `<barDir val="bar"></barDir><grouping val="stacked">`} {
		if part := zipPart(t, data, fmt.Sprintf("xl/charts/chart%d.xml", i+1)); !strings.Contains(part, want) {
			t.Errorf("chart %d is not %s", i+1, want)
		}
	}
	rows, _ := f.GetRows(SheetCharts)
	sums := map[string]int{}
	table := ""
	for _, row := range rows {
		if len(row) > 1 && (row[0] == "Loại đơn vị" || row[0] == "Cụm" || row[0] == "Điểm sinh hoạt bình quân") {
			table = row[0]
			continue
		}
		if table == "" || len(row) < 2 {
			continue
		}
		for _, v := range row[1:] {
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatalf("%s: figure %q", table, v)
			}
			sums[table] += n
		}
	}
	for _, table := range []string{"Loại đơn vị", "Cụm", "Điểm sinh hoạt bình quân"} {
		if sums[table] != len(r.Units) {
			t.Errorf("%s: figures add up to %d, want %d units", table, sums[table], len(r.Units))
		}
	}
	// The used range covers the figures (openpyxl read-only trusts it).
	i := slices.Index(mainSheets, SheetCharts)
	part := zipPart(t, data, "xl/worksheets/sheet"+itoa(i+1)+".xml")
	if m := regexp.MustCompile(`<dimension ref="A1:P(\d+)"`).FindStringSubmatch(part); m == nil || m[1] != itoa(len(rows)) {
		t.Errorf("Biểu đồ: dimension %v, want rows 1…%d", m, len(rows))
	}
	layout, _ := f.GetPageLayout(SheetCharts)
	if *layout.FitToWidth != 1 || *layout.FitToHeight != 1 {
		t.Errorf("charts not fitted to one page")
	}
	ok := false
	for _, dn := range f.GetDefinedName() {
		ok = ok || (dn.Name == "_xlnm.Print_Area" && dn.Scope == SheetCharts)
	}
	if !ok {
		t.Error("Biểu đồ has no print area")
	}
}
