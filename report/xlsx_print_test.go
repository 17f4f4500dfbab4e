package report

import (
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
)

// The printed report (Hướng dẫn 36-HD/VPTW), judged from the file as a
// printing program reads it: its scale, margins, row heights, manual page
// breaks and repeated title row.

// sheetPart is the part of the package that holds sheet.
func sheetPart(t *testing.T, f *excelize.File, data []byte, sheet string) string {
	t.Helper()
	i := slices.Index(f.GetSheetList(), sheet)
	if i < 0 {
		t.Fatalf("no sheet %s", sheet)
	}
	return zipPart(t, data, "xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml")
}

// printedPages lays the rows of a sheet out on A4 landscape pages as a
// printing program does from what the file says — rows go on a page
// while they fit, a manual break starts a new one, the print-title row
// repeats on later pages, hidden rows print nothing — and returns the page
// of each row (index = row number) and the last row. A sheet that prints
// fitted to its width leaves the scale, and so the pages, to the program:
// the test fails, because then no page can be kept.
func printedPages(t *testing.T, f *excelize.File, data []byte, sheet string) ([]int, int) {
	t.Helper()
	var ws struct {
		SheetPr struct {
			PageSetUpPr struct {
				FitToPage string `xml:"fitToPage,attr"`
			} `xml:"pageSetUpPr"`
		} `xml:"sheetPr"`
		Format struct {
			Default float64 `xml:"defaultRowHeight,attr"`
		} `xml:"sheetFormatPr"`
		Rows []struct {
			R      int     `xml:"r,attr"`
			Ht     float64 `xml:"ht,attr"`
			Hidden string  `xml:"hidden,attr"`
		} `xml:"sheetData>row"`
		Margins struct {
			Top    float64 `xml:"top,attr"`
			Bottom float64 `xml:"bottom,attr"`
		} `xml:"pageMargins"`
		Setup struct {
			Scale       int    `xml:"scale,attr"`
			Orientation string `xml:"orientation,attr"`
		} `xml:"pageSetup"`
		Breaks []struct {
			ID int `xml:"id,attr"`
		} `xml:"rowBreaks>brk"`
	}
	if err := xml.Unmarshal([]byte(sheetPart(t, f, data, sheet)), &ws); err != nil {
		t.Fatal(err)
	}
	if fit := ws.SheetPr.PageSetUpPr.FitToPage; fit == "1" || fit == "true" {
		t.Fatalf("%s prints fitted to its width: the program picks the scale, and no page break can be planned", sheet)
	}
	if ws.Setup.Orientation != "landscape" {
		t.Fatalf("%s: orientation %q", sheet, ws.Setup.Orientation)
	}
	scale := ws.Setup.Scale
	if scale == 0 {
		scale = 100
	}
	capacity := (210/25.4*72 - (ws.Margins.Top+ws.Margins.Bottom)*72) * 100 / float64(scale)
	title := 0
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
			fmt.Sscanf(dn.RefersTo[strings.LastIndex(dn.RefersTo, "!")+1:], "$%d:", &title)
		}
	}
	last := 0
	heights := map[int]float64{}
	hidden := map[int]bool{}
	for _, r := range ws.Rows {
		last = max(last, r.R)
		heights[r.R] = r.Ht
		hidden[r.R] = r.Hidden == "1" || r.Hidden == "true"
	}
	height := func(r int) float64 {
		if hidden[r] {
			return 0
		}
		if h, ok := heights[r]; ok && h > 0 {
			return h
		}
		return ws.Format.Default
	}
	manual := map[int]bool{}
	for _, b := range ws.Breaks {
		manual[b.ID+1] = true // a break after row id
	}
	pages := make([]int, last+1)
	page, used := 1, 0.0
	for r := 1; r <= last; r++ {
		h := height(r)
		if manual[r] || (used+h > capacity && used > 0 && h > 0) {
			page++
			used = 0
			if title > 0 && r > title {
				used = height(title)
			}
		}
		used += h
		pages[r] = page
	}
	return pages, last
}

// manyUnits is the fixture with n chi bộ cơ sở, enough to fill pages.
func manyUnits(n int) *criteria.Report {
	r := fixture()
	var cells []criteria.UnitResult
	for _, ur := range r.Units {
		if ur.Unit.Type == criteria.CellGrassroots {
			cells = append(cells, ur)
		}
	}
	var units []criteria.UnitResult
	for _, ur := range r.Units {
		if ur.Unit.Type == criteria.CellGrassroots {
			continue
		}
		units = append(units, ur)
		if ur.Unit.Code == "DB02" { // the chi bộ cơ sở come after the đảng bộ
			for i := range n {
				c := cells[i%len(cells)]
				u := *c.Unit
				u.Code = fmt.Sprintf("CB%03d", i+1)
				c.Unit, c.Rank = &u, i+1
				units = append(units, c)
			}
		}
	}
	r.Units = units
	return r
}

// rowOf is the first row (1-based) of sheet whose cells satisfy ok.
func rowOf(rows [][]string, ok func([]string) bool) int {
	for i, row := range rows {
		if ok(row) {
			return i + 1
		}
	}
	return 0
}

// Item 8: whatever the number of units, the signature block of each
// document prints on one page with the line above it, each section's
// heading with its first unit, and each list's title with its table.
func TestXLSXSignatureKeptWithContent(t *testing.T) {
	for n := 4; n <= 64; n += 3 {
		r := manyUnits(n)
		f, data := renderXLSX(t, r, XLSXOptions{})
		for _, sheet := range []string{SheetSummary, SheetCommendation} {
			pages, last := printedPages(t, f, data, sheet)
			rows, _ := f.GetRows(sheet)
			sig := rowOf(rows, func(row []string) bool { return len(row) > 0 && row[0] == "Nơi nhận:" })
			if sig == 0 {
				t.Fatalf("%s: no Nơi nhận", sheet)
			}
			if pages[sig-2] != pages[sig] || pages[sig] != pages[last] {
				t.Errorf("%d units, %s: line above the signature on page %d, Nơi nhận and the authority line on %d, the signer on %d",
					n, sheet, pages[sig-2], pages[sig], pages[last])
			}
			for i, row := range rows {
				heading := len(row) > 0 && (regexp.MustCompile(`^[IV]+\. `).MatchString(row[0]) || regexp.MustCompile(`^\d\. Danh sách`).MatchString(row[0]))
				if heading && pages[i+1] != pages[i+2] {
					t.Errorf("%d units, %s: heading %q ends page %d", n, sheet, row[0], pages[i+1])
				}
			}
		}
	}
}

// Item 8: a unit's group row in Chi tiết is never the last line of a page.
func TestXLSXGroupRowsNotLastOnPage(t *testing.T) {
	for _, n := range []int{20, 45, 90} {
		r := manyUnits(n)
		// Every chi bộ misses checks with long evidence: many group rows,
		// rows of several heights.
		for i := range r.Units {
			ur := &r.Units[i]
			for c := range ur.Criteria {
				for k := range ur.Criteria[c].Checks {
					ch := &ur.Criteria[c].Checks[k]
					if (i+k)%5 == 0 && ch.Status == criteria.Met {
						ch.Status = criteria.NotMet
						ch.Message = strings.Repeat("buổi sinh hoạt chưa đạt yêu cầu ", 1+(i+k)%9)
					}
				}
			}
		}
		f, data := renderXLSX(t, r, XLSXOptions{})
		pages, last := printedPages(t, f, data, SheetDetail)
		if pages[last] < 3 {
			t.Fatalf("%d units: %d pages, too few to test", n, pages[last])
		}
		rows, _ := f.GetRows(SheetDetail)
		groups := 0
		for i, row := range rows[1:] {
			row1 := i + 2
			if len(row) == 2 && row1 < last { // a group row: code and merged title
				groups++
				if pages[row1] != pages[row1+1] {
					t.Errorf("%d units: group row %d (%s) is the last line of page %d", n, row1, row[0], pages[row1])
				}
			}
		}
		if groups < n {
			t.Fatalf("%d group rows", groups)
		}
	}
}

// layout breaks before the chain of rows that stay with the next.
func TestLayoutKeepsChains(t *testing.T) {
	h := []float64{0, 10, 10, 10, 10, 10, 10}
	// Pages of 35: rows 1–3, then 4–6; row 3 stays with 4, row 2 with 3.
	if got := layout(h, nil, 0, 35); !slices.Equal(got, []int{4}) {
		t.Errorf("no keeps: breaks %v", got)
	}
	if got := layout(h, []bool{false, false, true, true}, 0, 35); !slices.Equal(got, []int{2, 5}) {
		t.Errorf("keeps 2→3→4: breaks %v, want [2 5]", got)
	}
	// A chain longer than a page breaks where it must.
	if got := layout(h, []bool{false, true, true, true, true, true}, 0, 35); !slices.Equal(got, []int{4}) {
		t.Errorf("a chain of the whole sheet: breaks %v, want [4]", got)
	}
	// The title row repeats on the second page and takes its room.
	if got := layout(h, nil, 1, 35); !slices.Equal(got, []int{4, 6}) {
		t.Errorf("title row 1: breaks %v, want [4 6]", got)
	}
}

// mm is a margin of the file in millimetres.
func mm(in *float64) float64 { return math.Round(*in * 25.4) }

// Item 9: the document's form after Hướng dẫn 36-HD/VPTW.
func TestXLSXDocumentForm(t *testing.T) {
	doc := criteria.Document{Committee: "ĐẢNG ỦY SỞ TƯ PHÁP", Number: "125-BC/ĐU", Place: "Hà Nội",
		Date: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC)}
	f, data := renderXLSX(t, fixture(), XLSXOptions{Document: doc})
	for _, sheet := range []string{SheetSummary, SheetCommendation, SheetDetail} {
		m, err := f.GetPageMargins(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if l, r, top, b := mm(m.Left), mm(m.Right), mm(m.Top), mm(m.Bottom); l < 30 || l > 35 || r < 15 || r > 20 || top < 20 || top > 25 || b < 20 || b > 25 {
			t.Errorf("%s: margins left %v right %v top %v bottom %v mm", sheet, l, r, top, b)
		}
	}
	// The number without a colon; the list attached to the report does
	// not carry the report's number as its own.
	if c, _ := findCell(t, f, SheetSummary, func(v string) bool { return v == "Số 125-BC/ĐU" }); c == "" {
		t.Error(`Tổng hợp: no "Số 125-BC/ĐU"`)
	}
	for _, sheet := range f.GetSheetList() {
		if c, v := findCell(t, f, sheet, func(v string) bool { return strings.HasPrefix(v, "Số:") }); c != "" {
			t.Errorf("%s!%s: %q", sheet, c, v)
		}
	}
	if c, v := findCell(t, f, SheetCommendation, func(v string) bool { return strings.HasPrefix(v, "Số ") }); c != "" {
		t.Errorf("the list carries a number: %s %q", c, v)
	}
	if c, _ := findCell(t, f, SheetCommendation, func(v string) bool { return v == "(Kèm theo Báo cáo số 125-BC/ĐU ngày 05/02/2025)" }); c == "" {
		t.Error("the list does not say which report it goes with")
	}
	// Printed at scale 100, the table within the printable width, so that
	// the sizes are those printed.
	for _, sheet := range []string{SheetSummary, SheetCommendation} {
		part := sheetPart(t, f, data, sheet)
		if strings.Contains(part, `fitToPage="1"`) || strings.Contains(part, `fitToPage="true"`) || !strings.Contains(part, `scale="100"`) {
			t.Errorf("%s: not printed at scale 100", sheet)
		}
		width := 0.0
		for c := 1; ; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			if v, _ := f.GetCellValue(sheet, name+"1"); v == "" && c > 14 {
				break
			}
			w, err := f.GetColWidth(sheet, name)
			if err != nil || c > 20 {
				break
			}
			if c <= map[string]int{SheetSummary: len(summaryColumns), SheetCommendation: len(commendationColumns)}[sheet] {
				width += math.Floor(w*7+5) * 0.75
			}
		}
		m, _ := f.GetPageMargins(sheet)
		if avail := 297/25.4*72 - (*m.Left+*m.Right)*72; width > avail {
			t.Errorf("%s: table %.0f pt wide, page %.0f pt", sheet, width, avail)
		}
	}
	size := func(sheet string, ok func(string) bool) (float64, bool) {
		c, v := findCell(t, f, sheet, ok)
		if c == "" {
			t.Fatalf("%s: no cell", sheet)
		}
		st := cellStyle(t, f, sheet, c)
		_ = v
		return st.Font.Size, st.Font.Bold
	}
	for _, tt := range []struct {
		text     string
		min, max float64
		bold     bool
	}{
		{"ĐẢNG CỘNG SẢN VIỆT NAM", 15, 15, true},
		{"ĐẢNG ỦY SỞ TƯ PHÁP", 14, 14, true},
		{"Số 125-BC/ĐU", 14, 14, false},
		{"BÁO CÁO", 15, 16, true},
		{"Kết quả đánh giá chi bộ, đảng bộ cơ sở “bốn tốt” năm 2024", 14, 15, true},
	} {
		s, b := size(SheetSummary, func(v string) bool { return v == tt.text })
		if s < tt.min || s > tt.max || b != tt.bold {
			t.Errorf("%q: size %v bold %v, want %v–%v bold %v", tt.text, s, b, tt.min, tt.max, tt.bold)
		}
	}
	if s, _ := size(SheetSummary, func(v string) bool { return strings.HasPrefix(v, "Năm 2024, đã đánh giá") }); s < 13 {
		t.Errorf("the text in %v points", s)
	}
}

// Item 10: Tổng hợp opens with a text written from the figures, before
// the tables.
func TestXLSXReportText(t *testing.T) {
	r := fixture()
	// Lịch sử of four units: three met "bốn tốt" in 2023; of these four,
	// two (DB01, CB01) meet it in 2024.
	for code, met := range map[string]bool{"DB01": true, "CB01": true, "CB03": true, "DB02-CB2": false} {
		for i := range r.Units {
			if u := r.Units[i].Unit; u.Code == code {
				u.History = []criteria.PastYear{{Year: 2023, FourGood: met, HasFourGood: true}}
			}
		}
	}
	f, _ := renderXLSX(t, r, XLSXOptions{})
	rows, _ := f.GetRows(SheetSummary)
	header := rowOf(rows, func(row []string) bool { return len(row) > 0 && row[0] == "Hạng" })
	title := rowOf(rows, func(row []string) bool { return len(row) > 0 && strings.HasPrefix(row[0], "Kết quả đánh giá") })
	var text []string
	for _, row := range rows[title : header-1] {
		if len(row) > 0 && !strings.HasPrefix(row[0], "Quy tắc") {
			text = append(text, row[0])
		}
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"Năm 2024, đã đánh giá “bốn tốt” 9 tổ chức đảng: 2 đảng bộ cơ sở, 4 chi bộ cơ sở và 3 chi bộ trực thuộc đảng bộ cơ sở.",
		"Có 4/9 tổ chức đảng đạt “bốn tốt” (44,4%): đảng bộ cơ sở 1/2 (50,0%); chi bộ cơ sở 2/4 (50,0%); chi bộ trực thuộc đảng bộ cơ sở 1/3 (33,3%).",
		"Còn lại: 2 không đạt, 1 lỗi dữ liệu và 2 thiếu dữ liệu.",
		"So với năm 2023 (theo sheet Lịch sử của 4/9 đơn vị): năm 2023 có 3 đơn vị đạt “bốn tốt” (75,0%), năm 2024 các đơn vị này có 2 (50,0%), giảm 1.",
		"Tiêu chí không đạt nhiều nhất: TC1 “Lãnh đạo hoàn thành tốt nhiệm vụ chính trị” (2 đơn vị); TC2 “Chất lượng sinh hoạt tốt” (2 đơn vị); TC4 “Cán bộ, đảng viên tốt” (1 đơn vị).",
		"Đề nghị tặng giấy khen 2 đơn vị: DB01 Đảng bộ Sở Tài chính, CB01 Chi bộ Sở Tư pháp.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("text lacks %q:\n%s", want, all)
		}
	}
	// Without Lịch sử, no comparison.
	f, _ = renderXLSX(t, fixture(), XLSXOptions{})
	if c, _ := findCell(t, f, SheetSummary, func(v string) bool { return strings.HasPrefix(v, "So với năm") }); c != "" {
		t.Error("a comparison with no Lịch sử")
	}
}

// Item 11: printing the whole workbook prints the document; the checks met
// print one line per unit, and each of their rows names its unit.
func TestXLSXPrintsTheDocument(t *testing.T) {
	r := fixture()
	// The reader's words, not the fixture's code (see criteria.warnItems).
	r.Problems[2].Message = "Đơn vị CB03 chưa tự đánh giá 1/12 mục: Xây dựng kế hoạch"
	f, data := renderXLSX(t, r, XLSXOptions{})
	pages, last := printedPages(t, f, data, SheetPassed)
	if pages[last] != 1 {
		t.Errorf("Chi tiết đã đạt prints %d pages for 9 units", pages[last])
	}
	// Excel shows the outline's buttons only with the sheet's outline level.
	if part := sheetPart(t, f, data, SheetPassed); !strings.Contains(part, `<sheetFormatPr outlineLevelRow="1" `) {
		t.Errorf("Chi tiết đã đạt: no outlineLevelRow: %.300s", part)
	}
	rows, _ := f.GetRows(SheetPassed)
	for i, row := range rows[1:] {
		row1 := i + 2
		visible, _ := f.GetRowVisible(SheetPassed, row1)
		level, _ := f.GetRowOutlineLevel(SheetPassed, row1)
		group := len(row) == 2
		if group != visible || (level == 1) == group {
			t.Errorf("row %d %q: visible %v, outline level %d", row1, row, visible, level)
		}
		if !group && (len(row) < 3 || row[0] == "") {
			t.Errorf("row %d has no unit: %q", row1, row)
		}
	}
	// No check code on any sheet.
	code := regexp.MustCompile(`\b(tc[1-4]\.[a-z_0-9]+|pilot\.[a-z_]+|quota\.[a-z_]+)\b`)
	for _, sheet := range f.GetSheetList() {
		if c, v := findCell(t, f, sheet, code.MatchString); c != "" {
			t.Errorf("%s!%s shows a check code: %q", sheet, c, v)
		}
	}
	// A unit's own report is a báo cáo about it, addressed to nobody.
	u := r.Units[2].Unit
	one := &criteria.Report{Year: r.Year, Thresholds: r.Thresholds, Units: r.Units[2:3]}
	f, _ = renderXLSX(t, one, XLSXOptions{AddressedTo: u})
	if c, v := findCell(t, f, SheetSummary, func(v string) bool { return strings.Contains(v, "Kính gửi") }); c != "" {
		t.Errorf("%s: %q", c, v)
	}
	if c, _ := findCell(t, f, SheetSummary, func(v string) bool {
		return v == "Kết quả đánh giá “bốn tốt” năm 2024 của Chi bộ Sở Tư pháp"
	}); c == "" {
		t.Error("the unit's report does not name it in its subject")
	}
}

// onceFixer replaces its pattern however the writes cut the part.
func TestOnceFixerSplitWrites(t *testing.T) {
	in := `<worksheet><sheetPr/><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"/></sheetData><sheetFormatPr x/></worksheet>`
	want := strings.Replace(in, "<sheetFormatPr ", `<sheetFormatPr outlineLevelRow="1" `, 1)
	for size := 1; size <= len(in); size++ {
		var out strings.Builder
		o := &onceFixer{w: &out, old: []byte("<sheetFormatPr "), new: []byte(`<sheetFormatPr outlineLevelRow="1" `)}
		for i := 0; i < len(in); i += size {
			if _, err := o.Write([]byte(in[i:min(i+size, len(in))])); err != nil {
				t.Fatal(err)
			}
		}
		if err := o.flush(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Fatalf("writes of %d bytes: %q", size, out.String())
		}
	}
}

// Past Excel's limit of manual page breaks, layout gives only those the
// keeps need, and never more than the limit.
func TestLayoutPastBreakLimit(t *testing.T) {
	n := 40 * maxRowBreaks
	h := make([]float64, n+1)
	keep := make([]bool, n+1)
	for r := 1; r <= n; r++ {
		h[r] = 10
		keep[r] = r%7 == 0 // every seventh row stays with the next
	}
	capacity := 95.0 // nine rows a page: some page ends on a kept row
	breaks := layout(h, keep, 0, capacity)
	if len(breaks) == 0 || len(breaks) > maxRowBreaks {
		t.Fatalf("%d breaks", len(breaks))
	}
	for _, b := range breaks {
		if !keep[b] { // the break starts the page with the kept row
			t.Errorf("break before %d moves no kept row", b)
		}
	}
}

// Past Excel's limit of manual breaks, a detail sheet gets only the
// breaks before group rows; a program that counts pages as the pager does
// then never ends a page on a group row.
func TestGroupPagerNeeded(t *testing.T) {
	const capacity, title = 500.0, 29.0
	p := newGroupPager(capacity, title)
	var heights []float64
	var groups []bool
	for r := 2; r < 3*maxRowBreaks*20; r++ {
		h := []float64{15, 15, 29, 42.5, 15, 56}[r%6]
		g := r%5 == 0 || r%13 == 0
		p.add(r, h, g)
		heights, groups = append(heights, h), append(groups, g)
	}
	breaks := p.breaks()
	if len(p.all.breaks) <= maxRowBreaks || len(breaks) > maxRowBreaks || len(breaks) == 0 {
		t.Fatalf("%d pages, %d breaks", len(p.all.breaks), len(breaks))
	}
	manual := map[int]bool{}
	for _, b := range breaks {
		manual[b] = true
	}
	used, last := title, 0 // the program's count
	for i, h := range heights {
		r := i + 2
		if manual[r] || used+h > capacity && used > title {
			if last > 0 && groups[last-2] && r <= breaks[len(breaks)-1] {
				t.Fatalf("row %d, a group row, ends a page", last)
			}
			used = title
		}
		used += h
		last = r
	}
}
