package report

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
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

var mainSheets = []string{SheetSummary, SheetDetail, SheetCommendation, SheetImplementation, SheetProblems}

func TestXLSXSheetsAndSummary(t *testing.T) {
	r := fixture()
	f, _ := renderXLSX(t, r, XLSXOptions{})
	if got := f.GetSheetList(); !slices.Equal(got, mainSheets) {
		t.Fatalf("sheets %q, want %q", got, mainSheets)
	}
	rows, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	var header []string
	for _, c := range summaryColumns {
		header = append(header, c.title)
	}
	if !slices.Equal(rows[0], header) {
		t.Errorf("summary header %q", rows[0])
	}
	// Rows in report order: grouped by type, ranked.
	var codes []string
	for _, row := range rows[1:] {
		codes = append(codes, row[2])
	}
	want := []string{"DB01", "DB02", "CB01", "CB02", "CB03", "CB04", "DB01-CB1", "DB02-CB1", "DB02-CB2"}
	if !slices.Equal(codes, want) {
		t.Errorf("row order %q, want %q", codes, want)
	}
	if rows[2][12] != "Không đạt" || rows[1][14] != "x" || rows[6][4] != "" || rows[7][4] != "DB01" {
		t.Errorf("summary cells: %q / %q", rows[2], rows[7])
	}
}

// Each verdict has its own fill colour in Tổng hợp.
func TestXLSXVerdictFills(t *testing.T) {
	f, _ := renderXLSX(t, fixture(), XLSXOptions{})
	fill := func(cell string) string {
		id, err := f.GetCellStyle(SheetSummary, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 {
			return ""
		}
		return strings.ToUpper(st.Fill.Color[0])
	}
	// Kết quả is column M; rows: DB01 dat, DB02 khong_dat, CB03 thieu, CB04 loi.
	cases := map[string]criteria.Status{"M2": criteria.Met, "M3": criteria.NotMet, "M6": criteria.MissingData, "M7": criteria.DataError}
	seen := map[string]bool{}
	for cell, status := range cases {
		got := fill(cell)
		if got != statusColors[status][0] {
			t.Errorf("%s (%s) fill %q, want %q", cell, status, got, statusColors[status][0])
		}
		seen[got] = true
	}
	if len(seen) != len(cases) {
		t.Errorf("verdicts share fills: %v", seen)
	}
	if got := fill("I11"); got != "" {
		t.Errorf("cell below the table is filled: %q", got)
	}
}

func TestXLSXLayout(t *testing.T) {
	r := fixture()
	f, data := renderXLSX(t, r, XLSXOptions{})
	checks := 0
	for _, ur := range r.Units {
		for _, c := range ur.Criteria {
			checks += len(c.Checks)
		}
	}
	dims := map[string]string{
		SheetSummary: "A1:O10", SheetDetail: "A1:I" + itoa(checks+1),
		SheetCommendation: "A1:H3", SheetImplementation: "A1:F4", SheetProblems: "A1:G5",
	}
	names := f.GetDefinedName()
	for i, sheet := range mainSheets {
		part := zipPart(t, data, "xl/worksheets/sheet"+itoa(i+1)+".xml")
		// The dimension must be the real used range, also for the streamed
		// sheet (excelize issue #1463).
		if m := regexp.MustCompile(`<dimension ref="([^"]+)"`).FindStringSubmatch(part); m == nil || m[1] != dims[sheet] {
			t.Errorf("%s: dimension %v, want %s", sheet, m, dims[sheet])
		}
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, want header frozen", sheet, panes)
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
			t.Errorf("%s: page layout size %d %s fit %d×%d", sheet, *layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fitToPage not set", sheet)
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
		if !strings.Contains(part, "<oddHeader>") || !strings.Contains(part, "Times New Roman") {
			t.Errorf("%s: no page header in Times New Roman", sheet)
		}
	}
	for _, sheet := range []string{SheetSummary, SheetDetail, SheetProblems} {
		i := slices.Index(mainSheets, sheet)
		part := zipPart(t, data, "xl/worksheets/sheet"+itoa(i+1)+".xml")
		if !strings.Contains(part, `<autoFilter ref="`+dims[sheet]+`"`) {
			t.Errorf("%s: no autofilter over %s", sheet, dims[sheet])
		}
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

func TestXLSXDetailRows(t *testing.T) {
	r := fixture()
	f, _ := renderXLSX(t, r, XLSXOptions{})
	rows, err := f.GetRows(SheetDetail)
	if err != nil {
		t.Fatal(err)
	}
	var header []string
	for _, c := range detailColumns {
		header = append(header, c.title)
	}
	if !slices.Equal(rows[0], header) {
		t.Errorf("detail header %q", rows[0])
	}
	first := rows[1]
	if first[0] != "DB01" || first[2] != "TC1" || first[3] != "tc1.key_criteria" || first[7] != "Đạt" {
		t.Errorf("first detail row %q", first)
	}
	// Shares are shown as percentages, counts as numbers.
	for i, row := range rows {
		if len(row) > 3 && row[0] == "CB04" && row[3] == "tc2.regular_good" {
			if row[5] != "45%" || row[6] != "75%" || row[7] != "Không đạt" {
				t.Errorf("CB04 regular_good row %q", row)
			}
			id, _ := f.GetCellStyle(SheetDetail, "H"+itoa(i+1))
			st, _ := f.GetStyle(id)
			if st.Fill.Color[0] != statusColors[criteria.NotMet][0] {
				t.Errorf("status cell fill %v", st.Fill.Color)
			}
		}
		if len(row) > 3 && row[0] == "CB04" && row[3] == "tc2.regular_count" && (row[5] != "11" || row[6] != "12") {
			t.Errorf("CB04 regular_count row %q", row)
		}
	}
	probs, _ := f.GetRows(SheetProblems)
	if len(probs) != 5 || probs[1][1] != "Lỗi" || probs[1][4] != "D17" {
		t.Errorf("problems sheet %q", probs)
	}
	comm, _ := f.GetRows(SheetCommendation)
	if len(comm) != 3 || comm[1][1] != "DB01" || comm[2][1] != "CB01" {
		t.Errorf("commendation sheet %q", comm)
	}
	impl, _ := f.GetRows(SheetImplementation)
	if len(impl) != 4 || impl[3][3] != "Cụm 1" || impl[3][4] != "Không đạt" {
		t.Errorf("implementation sheet %q", impl)
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
	if len(list) != len(mainSheets)+len(r.Units) || !slices.Equal(list[:5], mainSheets) {
		t.Fatalf("sheets %q", list)
	}
	seen := map[string]bool{}
	for _, name := range list[5:] {
		if utf8.RuneCountInString(name) > 31 || strings.ContainsAny(name, `[]:*?/\`) {
			t.Errorf("bad sheet name %q", name)
		}
		if seen[strings.ToLower(name)] {
			t.Errorf("duplicate sheet name %q", name)
		}
		seen[strings.ToLower(name)] = true
	}
	sheet := list[5+4] // CB03
	if v, _ := f.GetCellValue(sheet, "A1"); v != "CB03 · Chi bộ Văn phòng Đoàn ĐBQH" {
		t.Errorf("unit sheet title %q", v)
	}
	if v, _ := f.GetCellValue(sheet, "A3"); !strings.HasPrefix(v, "Kết quả: Thiếu dữ liệu · hạng 3/4") {
		t.Errorf("unit sheet verdict %q", v)
	}
	rows, _ := f.GetRows(sheet)
	if rows[unitHeaderRow-1][1] != "Mã kiểm tra" || rows[unitHeaderRow][1] != "tc1.key_criteria" {
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

// TestRefFixerSplitWrites: the autoFilter range loses its "$" however the
// part is cut into writes, and nothing else changes.
func TestRefFixerSplitWrites(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<sheetData><row r="1"/></sheetData><autoFilter ref="$A$1:$I$260"/><pageMargins/>`, `<sheetData><row r="1"/></sheetData><autoFilter ref="A1:I260"/><pageMargins/>`},
		{`<c><v>$5</v></c><autoFilt<autoFilter ref="$B$2:$C$3">x`, `<c><v>$5</v></c><autoFilt<autoFilter ref="B2:C3">x`},
		{`no filter at all, $1 <autoFilter`, `no filter at all, $1 <autoFilter`},
	} {
		for size := 1; size <= len(tt.in); size++ {
			var out bytes.Buffer
			r := &refFixer{w: &out}
			for i := 0; i < len(tt.in); i += size {
				if _, err := r.Write([]byte(tt.in[i:min(i+size, len(tt.in))])); err != nil {
					t.Fatal(err)
				}
			}
			if err := r.flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Fatalf("writes of %d bytes: %q, want %q", size, out.String(), tt.want)
			}
		}
	}
}

// TestXLSXFooterNamesRules: every printed page of the report says which
// rules made it (SPEC §6), beside the page number; a report naming no
// profile keeps the page number alone.
func TestXLSXFooterNamesRules(t *testing.T) {
	r := fixture()
	r.Rules = criteria.Rules{Profile: criteria.Profile2025, CriteriaFile: "tiêu chí A&B.yaml", SHA256: "00"}
	f, _ := renderXLSX(t, r, XLSXOptions{})
	for _, sheet := range f.GetSheetList() {
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(hf.OddFooter, "Bộ quy tắc: 2025; tệp tiêu chí tiêu chí A&&B.yaml.") || !strings.Contains(hf.OddFooter, "Trang &P/&N") {
			t.Errorf("%s: footer %q", sheet, hf.OddFooter)
		}
	}
	f, _ = renderXLSX(t, &criteria.Report{Year: 2024}, XLSXOptions{})
	hf, err := f.GetHeaderFooter(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hf.OddFooter, "Bộ quy tắc") || !strings.Contains(hf.OddFooter, "Trang &P/&N") {
		t.Errorf("report without a profile: footer %q", hf.OddFooter)
	}
}
