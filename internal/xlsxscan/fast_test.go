package xlsxscan

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bontot/bontot/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// pathStats records, per sheet part, how the last scan of it went.
type pathStats struct {
	mu    sync.Mutex
	parts map[string]*sheetScan
}

// watchScans sets scanHook for the test's duration.
func watchScans(t *testing.T) *pathStats {
	ps := &pathStats{parts: map[string]*sheetScan{}}
	scanHook = func(s *sheetScan, err error) {
		ps.mu.Lock()
		ps.parts[s.part] = s
		ps.mu.Unlock()
	}
	t.Cleanup(func() { scanHook = nil })
	return ps
}

// allFast fails the test if the lexer had to read any part of a sheet.
func (ps *pathStats) allFast(t *testing.T, what string) {
	t.Helper()
	if len(ps.parts) == 0 {
		t.Errorf("%s: no sheet scanned", what)
	}
	for part, s := range ps.parts {
		if s.slowPart {
			t.Errorf("%s/%s: the fast path left rows to the lexer (%d rows read fast)", what, part, s.fastRows)
		}
	}
}

// excelLike is sheetData as Excel writes it: row attributes with a
// prefixed name, styles, shared and plain formulas with cached values of
// every type, empty styled cells, gaps.
const excelLike = `<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="str"><f>A1&amp;"x"</f><v>Nguyễn "x"</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">B1+1</f><v>3</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" s="2"/><c r="F1" t="s"><v>4</v></c></row>` +
	`<row r="2" spans="1:6" ht="20.25" customHeight="1" x14ac:dyDescent="0.3"><c r="C2"><f t="shared" si="0"/><v>4</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" s="3"><v>45292</v></c></row>` +
	`<row r="5" s="4" customFormat="1"><c r="A5" s="4"/><c r="B5" t="str"><f>""</f><v></v></c><c r="C5" t="str"><f>X</f><v/></c></row>` +
	`<row r="6"><c r="A6" t="inlineStr"><is><t xml:space="preserve"> lead &amp; trail </t></is></c><c r="B6" t="inlineStr"><is><t>Đảng viên</t></is></c><c r="C6" t="inlineStr"><is/></c><c r="D6"><v>1.0000000000000001E-3</v></c></row>`

// TestFastWhole checks that the fast path reads the sheets written by
// excelize, by the project's generator and in Excel's shape from start to
// end, without leaving rows to the lexer.
func TestFastWhole(t *testing.T) {
	dir := t.TempDir()
	ps := watchScans(t)
	p := filepath.Join(dir, "excel.xlsx")
	writeXLSX(t, p, commonSST, false, sheetDoc(excelLike), sheetDoc(handSheets["manyrows"]), sheetDoc(handSheets["long"]))
	var st diffStats
	compareFile(t, p, &st)
	if st.same != 3 {
		t.Errorf("Excel-like sheets: %+v", st)
	}
	ps.allFast(t, "excel-like")

	ps = watchScans(t)
	p = filepath.Join(dir, "gen.xlsx")
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	cfg := workbooktest.Config{Grassroots: 3, SubCells: [2]int{2, 4}, Cells: 5, Members: [2]int{8, 12}, Thematic: [2]int{4, 5}, PerCluster: 2}
	if _, err := workbooktest.WriteConfig(out, cfg, 11); err != nil {
		t.Fatal(err)
	}
	out.Close()
	compareFile(t, p, nil)
	ps.allFast(t, "generated")

	ps = watchScans(t)
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "x")
	f.SetCellFormula("Sheet1", "B2", "A1&\"y\"")
	f.SetCellValue("Sheet1", "C3", 2.5)
	f.SetCellValue("Sheet1", "D4", true)
	f.NewSheet("Stream")
	sw, _ := f.NewStreamWriter("Stream")
	for r := 1; r <= 30; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		sw.SetRow(cell, []any{fmt.Sprintf("row <%d> & co", r), r, r%2 == 0, nil, excelize.Cell{Formula: "A1"}, excelize.Cell{Value: 3, Formula: "1+2"}})
	}
	sw.Flush()
	p = filepath.Join(dir, "excelize.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f.Close()
	compareFile(t, p, nil)
	ps.allFast(t, "excelize")
}

// handoverSheets start in the fast path's shape and then hold a row it
// leaves to the lexer, which must read the rest exactly (no fallback).
var handoverSheets = map[string]string{
	"richInline":  `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>`,
	"cdataValue":  `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="str"><v><![CDATA[<7>]]></v></c></row><row r="4"><c r="A4"><v>4</v></c></row>`,
	"spacedTags":  `<row r="1"><c r="A1"><v>1</v></c></row><row r="2" ><c r="A2" ><v >2</v ></c ></row ><row r="3"><c r="A3"><v>3</v></c></row>`,
	"prefixedRow": `<row r="1"><c r="A1"><v>1</v></c></row><x:row r="2" xmlns:x="` + mainNS + `"><x:c r="B2"><x:v>2</x:v></x:c></x:row><row r="3"><c r="A3"><v>3</v></c></row>`,
	"textInRow":   `<row r="1"><c r="A1"><v>1</v></c></row><row r="2">&#32;<c r="A2"><v>2</v></c></row>`,
	"endSpaced":   `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData ><sheetData>`,
	"signedRow":   `<row r="1"><c r="A1"><v>1</v></c></row><row r="+2"><c r="A2"><v>2</v></c></row>`,
	"spaceSST":    `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v> 1 </v></c></row>`,
	"fChild":      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><f><g/></f><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>`,
	"isThenT":     `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t><rPh><t>b</t></rPh></is></c></row>`,
}

func TestHandover(t *testing.T) {
	dir := t.TempDir()
	for name, data := range handoverSheets {
		p := filepath.Join(dir, name+".xlsx")
		writeXLSX(t, p, commonSST, false, sheetDoc(data))
		t.Run(name, func(t *testing.T) {
			ps := watchScans(t)
			var st diffStats
			compareFile(t, p, &st)
			if st.same != 1 {
				t.Errorf("fell back, want the lexer to finish the sheet")
			}
			for _, s := range ps.parts {
				if !s.slowPart || s.fastRows == 0 {
					t.Errorf("want rows read fast then a handover; fast rows %d, handover %v", s.fastRows, s.slowPart)
				}
			}
		})
	}
}

// TestWindow covers the fast path's buffer: a header longer than the first
// read, a row longer than the window, rows across every refill.
func TestWindow(t *testing.T) {
	dir := t.TempDir()
	var cols strings.Builder
	cols.WriteString(`<cols>`)
	for i := 1; i <= 12000; i++ {
		fmt.Fprintf(&cols, `<col min="%d" max="%d" width="9.140625" customWidth="1"/>`, i, i)
	}
	cols.WriteString(`</cols>`)
	var rows strings.Builder
	for r := 1; r <= 3000; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="C%d"><v>%d.5</v></c></row>`, r, r, r%11, r, r)
	}
	rows.WriteString(`<row r="3001">`)
	for c := 1; c <= maxCols; c++ {
		name, _ := excelize.CoordinatesToCellName(c, 3001)
		fmt.Fprintf(&rows, `<c r="%s" t="inlineStr"><is><t>cell number %d of a long row</t></is></c>`, name, c)
	}
	rows.WriteString(`</row><row r="3002"><c r="B3002"><v>1</v></c></row>`)
	sheet := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="` + mainNS + `">` + cols.String() + `<sheetData>` + rows.String() + `</sheetData></worksheet>`
	p := filepath.Join(dir, "window.xlsx")
	writeXLSX(t, p, commonSST, false, sheet)
	ps := watchScans(t)
	var st diffStats
	compareFile(t, p, &st)
	if st.same != 1 {
		t.Errorf("fell back: %+v", st)
	}
	ps.allFast(t, "window")
}

// TestFastSST compares fastSST with the lexer's readSST on tables of the
// shape it reads and of shapes it must leave to readSST.
func TestFastSST(t *testing.T) {
	plainItems := []string{
		`<si><t>STT</t></si>`, `<si><t>Đảng bộ Sở Tư pháp</t></si>`,
		`<si><t xml:space="preserve"> a &amp; b &lt;c&gt; &#x1F600; </t></si>`,
		`<si><t>under_x005F_score _x0041_ _xD800_ end</t></si>`,
		`<si><t></t></si>`, "<si><t>line1&#13;&#10;line2\r\nline3</t></si>", `<si><t>]]</t></si>`,
	}
	cases := []struct {
		doc  string
		fast bool
	}{
		{sstDoc(plainItems...), true},
		{sstDoc(), false},
		{commonSST, false},
		{sstDoc(`<si><t>a</t></si>`, ` `, `<si><t>b</t></si>`), false},
		{sstDoc(`<si><t>a</t></si>`, `<si><r><t>b</t></r></si>`), false},
		{sstDoc(`<si><t>a]]>b</t></si>`), false},
		{sstDoc(`<si><t>&nbsp;</t></si>`), false},
		{sstDoc("<si><t>\x01</t></si>"), false},
		{`<?xml version="1.0"?><sst xmlns="urn:other"><si><t>a</t></si></sst>`, false},
		{`<sst xmlns="` + mainNS + `" a="<si>"><si><t>a</t></si></sst>`, false},
		{`<sst xmlns="` + mainNS + `"><!-- c --><si><t>a</t></si></sst>`, false},
		{`<sst xmlns="` + mainNS + `"><si><t>a</t></si></sst><si><t>after</t></si>`, true},
		// Large enough to be read in stretches on several cores.
		{sstDoc(slices.Repeat(plainItems, 3000)...), true},
		{sstDoc(append(slices.Repeat(plainItems, 3000), ` `, `<si><t>b</t></si>`)...), false},
		{sstDoc(append(slices.Repeat(plainItems, 3000), `<si><t>b</t>`)...), false},
	}
	for i, c := range cases {
		got, ok := fastSST([]byte(c.doc))
		if ok != c.fast {
			t.Errorf("case %d: fastSST ok = %v, want %v", i, ok, c.fast)
		}
		if !ok {
			continue
		}
		want, reason := readSST(newLexer(strings.NewReader(c.doc), nil))
		if reason != "" || !reflect.DeepEqual(got, want) {
			t.Errorf("case %d: fastSST = %q, readSST = %q (%s)", i, got, want, reason)
		}
	}
}
