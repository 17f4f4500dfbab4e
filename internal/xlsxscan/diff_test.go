package xlsxscan

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/workbook/workbooktest"

	"github.com/xuri/excelize/v2"
)

// A row as both readers yield it.
type row struct {
	n     int
	cells []string
}

// excelizeRows reads a sheet the way workbook/rows.go does: numbers by
// counting Next, cells from Columns, raw values.
func excelizeRows(t testing.TB, path, sheet string) ([]row, error) {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rs, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []row
	for n := 1; rs.Next(); n++ {
		cells, err := rs.Columns()
		if err != nil {
			return out, err
		}
		out = append(out, row{n, cells})
	}
	return out, rs.Error()
}

func scanRows(path, sheet string) ([]row, error) { return scanRowsText(path, sheet, nil) }

// scanRowsText reads a sheet with text set through SetText (nil: none).
func scanRowsText(path, sheet string, text func(string) string) ([]row, error) {
	b, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	if text != nil {
		b.SetText(text)
	}
	var out []row
	err = b.Rows(sheet, func(n int, cells []string) error {
		out = append(out, row{n, slices.Clone(cells)}) // Rows reuses cells
		return nil
	})
	return out, err
}

func sameRows(a, b []row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].n != b[i].n || len(a[i].cells) != len(b[i].cells) {
			return false
		}
		if len(a[i].cells) > 0 && !reflect.DeepEqual(a[i].cells, b[i].cells) {
			return false
		}
	}
	return true
}

// diffStats counts how the scanner fared across a test.
type diffStats struct{ same, fallback, defect int }

// compareFile checks every sheet of a workbook: the scanner yields exactly
// excelize's rows, or falls back having yielded a prefix of them.
func compareFile(t testing.TB, path string, st *diffStats) {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("excelize cannot open %s: %v", path, err)
	}
	sheets := f.GetSheetList()
	f.Close()
	b, err := Open(path)
	if errors.Is(err, ErrUnsupported) {
		if st != nil {
			st.fallback++
		}
		return
	}
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	if got := b.SheetNames(); !reflect.DeepEqual(got, sheets) && !(len(got) == 0 && len(sheets) == 0) {
		t.Errorf("%s: SheetNames = %q, excelize %q", path, got, sheets)
	}
	b.Close()
	for _, sheet := range sheets {
		compareSheet(t, path, sheet, st)
	}
}

// compareSheet is the oracle of the reader. The checker (check.go) says
// whether a sheet can be read faithfully; excelize's rows are the truth for
// a sheet it passes, and a sheet it refuses must be refused by the scanner
// too, whatever path the scanner took:
//   - the scanner yields every row: the checker passes the sheet, and the
//     rows are excelize's;
//   - the scanner stops (UnsupportedError): the checker passes the sheet,
//     and the rows yielded so far are the first of excelize's;
//   - the scanner reports a defect: the checker reports one too.
func compareSheet(t testing.TB, path, sheet string, st *diffStats) {
	t.Helper()
	want, werr := excelizeRows(t, path, sheet)
	got, gerr := scanRows(path, sheet)
	cerr := checkRows(path, sheet)
	var ue *UnsupportedError
	var de *DefectError
	switch {
	case errors.As(gerr, &de):
		if st != nil {
			st.defect++
		}
		if cerr == nil {
			t.Errorf("%s/%s: scanner reports a defect (%v) the checker does not", path, sheet, gerr)
		}
		return
	case cerr != nil:
		t.Errorf("%s/%s: the checker refuses the sheet (%v) but the scanner read it (err %v)", path, sheet, cerr, gerr)
		return
	}
	switch {
	case errors.As(gerr, &ue):
		if st != nil {
			st.fallback++
		}
		if len(got) != ue.Delivered && !(len(got) > 0 && got[len(got)-1].n == ue.Delivered) {
			t.Errorf("%s/%s: Delivered = %d after %d rows", path, sheet, ue.Delivered, len(got))
		}
		if len(got) > len(want) || !sameRows(got, want[:len(got)]) {
			t.Errorf("%s/%s: fell back (%v) after rows that differ from excelize's:\n got %s\nwant %s", path, sheet, gerr, dump(got), dump(want))
		}
	case gerr != nil:
		t.Errorf("%s/%s: scanner error %v", path, sheet, gerr)
	case werr != nil:
		t.Errorf("%s/%s: excelize failed (%v) but the scanner did not", path, sheet, werr)
	case !sameRows(got, want):
		i := 0
		for i < len(got) && i < len(want) && sameRows(got[i:i+1], want[i:i+1]) {
			i++
		}
		t.Errorf("%s/%s: rows differ from row index %d (%d rows vs excelize's %d):\n got %s\nwant %s", path, sheet, i, len(got), len(want), dump(got[min(i, len(got)):]), dump(want[min(i, len(want)):]))
	default:
		if st != nil {
			st.same++
		}
		// SetText: every value, shared or not, comes through the function.
		mark := func(v string) string {
			if v == "" {
				return ""
			}
			return "«" + v + "»"
		}
		marked, err := scanRowsText(path, sheet, mark)
		for _, r := range want {
			for i, v := range r.cells {
				r.cells[i] = mark(v)
			}
		}
		if err != nil || !sameRows(marked, want) {
			t.Errorf("%s/%s: with SetText the rows are not excelize's, marked (err %v):\n got %s\nwant %s", path, sheet, err, dump(marked), dump(want))
		}
	}
}

// checkRows runs the checker alone on a sheet.
func checkRows(path, sheet string) error {
	b, err := Open(path)
	if err != nil {
		return err
	}
	defer b.Close()
	return b.Check(sheet)
}

func dump(rs []row) string {
	var sb strings.Builder
	for i, r := range rs {
		if i == 12 {
			fmt.Fprintf(&sb, " … (%d rows)", len(rs))
			break
		}
		fmt.Fprintf(&sb, " %d:%q", r.n, r.cells)
	}
	return sb.String()
}

// The parts of a minimal workbook around hand-written sheets.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	mainNS = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
)

// writeXLSX writes a workbook whose sheets have the given XML documents
// (named Sheet1, Sheet2…) and, if sst is not empty, that shared strings part.
func writeXLSX(t testing.TB, path string, sst string, date1904 bool, sheets ...string) {
	t.Helper()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	put("[Content_Types].xml", contentTypes)
	put("_rels/.rels", rootRels)
	var wb, rels strings.Builder
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	fmt.Fprintf(&wb, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">%s<sheets>`, mainNS, pr)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, s := range sheets {
		fmt.Fprintf(&wb, `<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>`, i+1, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s)
	}
	wb.WriteString(`</sheets></workbook>`)
	if sst != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, len(sheets)+1)
		put("xl/sharedStrings.xml", sst)
	}
	rels.WriteString(`</Relationships>`)
	put("xl/workbook.xml", wb.String())
	put("xl/_rels/workbook.xml.rels", rels.String())
	put("xl/styles.xml", stylesDoc)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// stylesDoc has the ten cell formats (s="0" … s="9") the hand-written
// sheets may use.
var stylesDoc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="` + mainNS + `"><cellXfs count="10">` + strings.Repeat(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, 10) + `</cellXfs></styleSheet>`

// sheetDoc wraps sheetData content in a worksheet document.
func sheetDoc(data string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="` + mainNS + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetData>` + data + `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
}

func sstDoc(items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="` + mainNS + `" count="` + fmt.Sprint(len(items)) + `" uniqueCount="` + fmt.Sprint(len(items)) + `">` + strings.Join(items, "") + `</sst>`
}

// commonSST is the shared strings table the hand-written sheets use.
var commonSST = sstDoc(
	`<si><t>Nguyễn Văn An</t></si>`,
	`<si><t xml:space="preserve">  padded  </t></si>`,
	`<si><r><t>Rich </t></r><r><rPr><b/><sz val="11"/></rPr><t>text</t></r></si>`,
	`<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>`,
	`<si><t>a &amp; b &lt;c&gt; &#x1F600; &#233;</t></si>`,
	`<si><t>under_x005F_score _x0041_ _xD800_ end</t></si>`,
	`<si><t/></si>`,
	`<si><t>first</t><t>second</t></si>`,
	`<si><t>lead </t><r><t>run</t></r></si>`,
	`<si><t><![CDATA[<cdata> & stuff]]></t></si>`,
	`<si><t>line1&#13;&#10;line2
line3</t></si>`,
)

// handSheets are sheetData contents that exercise the grammar.
var handSheets = map[string]string{
	"types": `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c><c r="I1" t="s"><v>8</v></c><c r="J1" t="s"><v>9</v></c><c r="K1" t="s"><v>10</v></c></row>` +
		`<row r="2"><c r="A2"><v>42</v></c><c r="B2" t="n"><v>1.5E-7</v></c><c r="C2"><v>-0.000</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#DIV/0!</v></c><c r="G2" t="str"><f>A1&amp;"x"</f><v>text result</v></c><c r="H2"><f>1+1</f><v>2</v></c><c r="I2"><f>NA()</f></c><c r="J2" t="d"><v>2024-01-02T00:00:00</v></c><c r="K2" s="3"><v>45292</v></c><c r="L2"><v>123456789012345678901</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c><c r="B3" t="inlineStr"><is><r><t>ri</t></r><r><rPr><i/></rPr><t xml:space="preserve">ch </t></r></is></c><c r="C3" t="inlineStr"><v>v of inline</v></c><c r="D3" t="inlineStr"><is><t>_x0042_</t></is></c><c r="E3" t="inlineStr"><is/></c><c r="F3" t="s"><v> 2 </v></c></row>`,
	"sparse":     `<row r="2"><c r="C2"><v>1</v></c></row><row r="5" spans="1:3"><c r="A5" t="s"/><c r="B5"/><c r="E5"><v>2</v></c><c r="F5" s="1"/></row><row r="6"/><row r="9"><c r="B9"><f>X</f></c></row>`,
	"positional": `<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row><row r="7"><c><v>7</v></c></row><row><c r=""><v>8</v></c></row>`,
	"entities": `<row r="1"><c r="A1" t="str"><v>&lt;&amp;&gt;&quot;&apos;&#65;&#x42;&#x1f600;</v></c><c r="B1" t="str"><v>a&#13;b&#xD;&#xa;c</v></c><c r="C1" t="str"><v>tab	and
newline</v></c><c r="D1" t="str"><v>x&#xD800;y</v></c><c r="E1" t="str"><v><![CDATA[a]]b<c>]]><![CDATA[d]]></v></c></row>`,
	"whitespace": "\n  <row r=\"1\" >\n    <c r=\"A1\" t = 's' >\n      <v>0</v>\n    </c>\n    <c r='B1'><v> 12 </v></c>\n  </row>\n",
	"dupv":       `<row r="1"><c r="A1"><v>1</v><v>2</v></c><c r="B1"><v>1</v><v></v></c><c r="C1" t="s"><v>0</v><f>x</f></c></row>`,
	"long":       longRow(),
	"manyrows":   manyRows(),
	"bigrows":    `<row r="1048575"><c r="XFD1048575"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row>`,
	"empty":      ``,
	"gapfirst":   `<row r="3"><c r="A3"><v>3</v></c></row>`,
	// The row-buffer bug: a cell-less row (Excel writes one for a blank
	// row with a format or height) followed by two rows with cells made
	// the later one overwrite the one still pending.
	"blankFormattedRows": `<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="B1"><v>11</v></c></row><row r="2" spans="1:8" ht="6" customHeight="1"/><row r="3"><c r="A3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c><c r="B4"><v>44</v></c></row><row r="5" s="2" customFormat="1"/><row r="6" ht="20"></row><row r="7"><c r="A7"><v>7</v></c></row><row r="8"><c r="A8"><v>8</v></c></row><row r="9"><c r="A9"><v>9</v></c></row>`,
}

// manyRows spans many tokenizer buffers: a regression test for a cell's t
// attribute read after the buffer under it had been refilled.
func manyRows() string {
	var sb strings.Builder
	for r := 1; r <= 8000; r++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" s="2"><v>%d.25</v></c><c r="C%d" t="inlineStr"><is><t>n%d</t></is></c><c r="D%d" t="s"><v>0</v></c></row>`, r, r, r%11, r, r, r, r, r)
	}
	return sb.String()
}

func longRow() string {
	var sb strings.Builder
	sb.WriteString(`<row r="1">`)
	for c := 1; c <= 3000; c += 2 {
		name, _ := excelize.CoordinatesToCellName(c, 1)
		fmt.Fprintf(&sb, `<c r="%s"><v>%d</v></c>`, name, c)
	}
	sb.WriteString(`</row>`)
	return sb.String()
}

// Sheets the scanner must refuse (or mirror): every one is compared.
var oddSheets = map[string]string{
	"rowsbackwards": `<row r="5"><c r="A5"><v>5</v></c></row><row r="3"><c r="B3"><v>3</v></c></row>`,
	"badrow":        `<row r="x"><c r="A1"><v>1</v></c></row>`,
	"negrow":        `<row r="1"><c><v>1</v></c></row><row r="-2"><c><v>2</v></c></row>`,
	"badsst":        `<row r="1"><c r="A1" t="s"><v>999</v></c></row>`,
	"sstword":       `<row r="1"><c r="A1" t="s"><v>two</v></c></row>`,
	"lowercase":     `<row r="1"><c r="b1"><v>1</v></c></row>`,
	"dollar":        `<row r="1"><c r="$B$1"><v>1</v></c></row>`,
	"extlst":        `<row r="1"><c r="A1"><v>1</v><extLst><ext><v>9</v></ext></extLst></c></row>`,
	"cellOutside":   `<row r="1"><c r="A1"><v>1</v></c></row><c r="B1"><v>2</v></c><row r="2"><c r="A2"><v>3</v></c></row>`,
	"badentity":     `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="str"><v>&nbsp;</v></c></row>`,
	"nulref":        `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="str"><v>&#0;</v></c></row>`,
	"ctrl":          "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"str\"><v>\x01</v></c></row>",
	"badutf8":       "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"str\"><v>\xff</v></c></row>",
	"mismatch":      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></x></row>`,
	"comment":       `<row r="1"><c r="A1"><v>1</v></c></row><!-- note --><row r="2"><c r="A2"><v>2</v></c></row>`,
	"badstyle":      `<row r="1"><c r="A1" s="x"><v>1</v></c></row>`,
	"twois":         `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is><is><r><t>b</t></r></is></c></row>`,
	"tooFar":        `<row r="1"><c r="XFE1"><v>1</v></c></row>`,
	"rowAttrNS":     `<row xmlns:r="urn:x" r="1"><c r="A1"><v>1</v></c></row>`,
	"cdataRow":      `<row r="1"><c r="A1"><v>1</v></c><![CDATA[x]]></row>`,
	"rowzero":       `<row r="0"><c><v>1</v></c></row><row r="0"><c><v>2</v></c></row>`,
	"bigrow":        `<row r="1048577"><c><v>1</v></c></row>`,
	"rightbracket":  `<row r="1"><c r="A1" t="str"><v>a]]>b</v></c></row>`,
	"ltInAttr":      `<row r="1"><c r="A1" t="str" foo="a<b"><v>x</v></c></row>`,
	"unquoted":      `<row r="1"><c r=A1><v>x</v></c></row>`,
}

func TestHandWritten(t *testing.T) {
	dir := t.TempDir()
	var st diffStats
	for name, data := range handSheets {
		p := filepath.Join(dir, name+".xlsx")
		writeXLSX(t, p, commonSST, false, sheetDoc(data))
		t.Run(name, func(t *testing.T) {
			var one diffStats
			compareFile(t, p, &one)
			if one.same != 1 {
				t.Errorf("%s: scanner fell back, want it read", name)
			}
			st.same += one.same
		})
	}
	for name, data := range oddSheets {
		p := filepath.Join(dir, "odd-"+name+".xlsx")
		writeXLSX(t, p, commonSST, false, sheetDoc(data))
		t.Run("odd/"+name, func(t *testing.T) { compareFile(t, p, &st) })
	}
}

// TestNamespacePrefixes covers generators that write the main namespace
// with a prefix (<x:row>) and sheets without r attributes.
func TestNamespacePrefixes(t *testing.T) {
	dir := t.TempDir()
	sheet := `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="` + mainNS + `"><x:sheetData>` +
		`<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>inl</x:t></x:is></x:c><x:c><x:v>3.25</x:v></x:c></x:row>` +
		`<x:row r="4"><x:c r="B4" t="b"><x:v>1</x:v></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
	sst := `<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="` + mainNS + `"><x:si><x:t>prefixed</x:t></x:si></x:sst>`
	p := filepath.Join(dir, "prefix.xlsx")
	writeXLSX(t, p, sst, false, sheet)
	var st diffStats
	compareFile(t, p, &st)
	if st.same != 1 {
		t.Errorf("prefixed sheet fell back: %+v", st)
	}
	// A BOM and no XML declaration, CRLF line ends.
	bom := "\xef\xbb\xbf<worksheet xmlns=\"" + mainNS + "\">\r\n<sheetData>\r\n<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\r\nb</v></c></row>\r\n</sheetData></worksheet>"
	p = filepath.Join(dir, "bom.xlsx")
	writeXLSX(t, p, "", false, bom)
	st = diffStats{}
	compareFile(t, p, &st)
	if st.same != 1 {
		t.Errorf("BOM sheet fell back: %+v", st)
	}
}

// TestExcelizeWritten compares on workbooks excelize itself writes, with
// every kind of value it can set, in both date systems.
func TestExcelizeWritten(t *testing.T) {
	dir := t.TempDir()
	for _, d1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if d1904 {
			v := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &v}); err != nil {
				t.Fatal(err)
			}
		}
		s := "Sheet1"
		dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		vals := []any{"Đảng viên", 12, int64(-7), 3.14159, 1e-20, 1.5e300, true, false, "", " lead", "x_x0041_y", "a&b<c>", 0.1 + 0.2}
		for i, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(i+1, 1)
			if err := f.SetCellValue(s, cell, v); err != nil {
				t.Fatal(err)
			}
		}
		tm := timeOf(2024, 3, 15)
		f.SetCellValue(s, "A3", tm)
		f.SetCellStyle(s, "A3", "A3", dateStyle)
		f.SetCellFormula(s, "B3", "SUM(A1:B1)")
		f.SetCellRichText(s, "C3", []excelize.RichTextRun{{Text: "bold", Font: &excelize.Font{Bold: true}}, {Text: " plain"}})
		f.SetCellStr(s, "Z10", "far")
		f.SetCellInt(s, "B12", 5)
		f.SetCellDefault(s, "C12", "7.50")
		f.SetCellBool(s, "D12", true)
		f.NewSheet("Thứ hai")
		f.SetCellValue("Thứ hai", "C2", "second sheet")
		f.NewSheet("Empty")
		// A streamed sheet: excelize's StreamWriter writes inline strings.
		f.NewSheet("Stream")
		sw, _ := f.NewStreamWriter("Stream")
		for r := 1; r <= 50; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			sw.SetRow(cell, []any{fmt.Sprintf("row %d", r), r, r%3 == 0, nil, float64(r) / 7, excelize.Cell{Formula: "A1"}})
		}
		sw.Flush()
		p := filepath.Join(dir, fmt.Sprintf("excelize-%v.xlsx", d1904))
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		f.Close()
		var st diffStats
		compareFile(t, p, &st)
		if st.fallback != 0 {
			t.Errorf("%s: %d sheets fell back", p, st.fallback)
		}
		b, err := Open(p)
		if err != nil {
			t.Fatal(err)
		}
		if b.Date1904() != d1904 {
			t.Errorf("Date1904 = %v, want %v", b.Date1904(), d1904)
		}
		b.Close()
	}
}

// TestTestdata compares on every workbook committed under testdata/.
func TestTestdata(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*.xlsx")
	more, _ := filepath.Glob("../../testdata/*/*.xlsx")
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("no workbooks in testdata/")
	}
	for _, p := range files {
		var st diffStats
		compareFile(t, p, &st)
		t.Logf("%s: %d sheets read, %d fell back", p, st.same, st.fallback)
	}
}

func TestOpenNotZip(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.xlsx")
	// The start of an OLE compound file, as an encrypted workbook is.
	os.WriteFile(p, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest"), 0o644)
	if _, err := Open(p); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Open(OLE file) = %v, want ErrUnsupported", err)
	}
}

func TestVisitError(t *testing.T) {
	p := filepath.Join(t.TempDir(), "v.xlsx")
	writeXLSX(t, p, commonSST, false, sheetDoc(handSheets["types"]))
	b, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	stop := errors.New("stop")
	if err := b.Rows("sheet1", func(int, []string) error { return stop }); err != stop {
		t.Errorf("Rows = %v, want the visit error", err)
	}
	if err := b.Rows("nope", func(int, []string) error { return nil }); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Rows(missing sheet) = %v, want ErrUnsupported", err)
	}
}

// TestGeneratedSmall runs the differential check in every CI run on a
// workbook of the bloc-format writer (shared strings, date styles, as the
// province and max benchmark files), at a size that takes well under a
// second; TestGeneratedFile does the same on a full-size file on demand.
func TestGeneratedSmall(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := workbooktest.Config{Grassroots: 3, SubCells: [2]int{2, 4}, Cells: 5, Members: [2]int{8, 12}, Thematic: [2]int{4, 5}, PerCluster: 2}
	if _, err := workbooktest.WriteConfig(out, cfg, 7); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	var st diffStats
	compareFile(t, path, &st)
	if st.fallback != 0 || st.same == 0 {
		t.Fatalf("generated workbook: %d sheets read by the scanner, %d fell back; want all read", st.same, st.fallback)
	}
}

// TestSetTextBlank: a shared string that text turns into "" still makes
// its cell count, on the fast path and on the lexer's, as the stored
// " " does for excelize: rows keep their length.
func TestSetTextBlank(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"fast":  `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>`,
		"lexer": `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v> 0 </v></c></row>`, // spaced: left to the lexer
	} {
		p := filepath.Join(dir, name+".xlsx")
		writeXLSX(t, p, sstDoc(`<si><t xml:space="preserve"> </t></si>`, `<si><t xml:space="preserve">x </t></si>`), false, sheetDoc(data))
		want, err := excelizeRows(t, p, "Sheet1")
		if err != nil || len(want) != 1 || !slices.Equal(want[0].cells, []string{"x ", " "}) {
			t.Fatalf("%s: excelize reads %v, %v; the test expects [x  ' ']", name, dump(want), err)
		}
		got, err := scanRowsText(p, "Sheet1", strings.TrimSpace)
		if err != nil || len(got) != 1 || !slices.Equal(got[0].cells, []string{"x", ""}) {
			t.Errorf("%s: with SetText(TrimSpace) rows are %s (%v), want [x \"\"]", name, dump(got), err)
		}
	}
}
