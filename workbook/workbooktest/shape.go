// Shapes: Rewrite rewrites a workbook's worksheets and shared strings
// into the shapes real spreadsheet programs write — Excel's blank rows that
// keep a format or a height, LibreOffice's attribute-heavy rows, openpyxl's
// and the Open XML SDK's habits — keeping every cell's value. It exists for
// the reader's differential tests: the cells and the evaluation of a
// rewritten workbook must be those of the original (see Shape for the one
// shape that changes which rows hold data, and how).

package workbooktest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Shape is one way of writing the same cells.
type Shape string

// The shapes. Each keeps every value and its place, except BlankRows and
// DeletedRows, which are a pair: both take the data out of the same rows,
// BlankRows leaving each as Excel leaves a row whose contents were deleted
// (a cell-less <row> with spans, a height and a style), DeletedRows
// removing the <row> element; the two must read the same.
const (
	BlankRows       Shape = "blank-rows"       // Excel: cell-less formatted rows between data rows
	DeletedRows     Shape = "deleted-rows"     // the same rows' elements removed
	StyledEmpty     Shape = "styled-empty"     // <c r="B4" s="3"/> in every gap and after the last cell
	NoRefs          Shape = "no-refs"          // rows and cells without r where the position says it
	SharedFormulas  Shape = "shared-formulas"  // numbers as shared formulas with cached values
	RichText        Shape = "rich-text"        // shared strings as rich-text runs and phonetic runs (<rPh>)
	InlineStrings   Shape = "inline-strings"   // shared strings as inline rich strings, xml:space on every <t>
	Entities        Shape = "entities"         // every non-ASCII character as a numeric reference, quotes as entities
	LibreOffice     Shape = "libreoffice"      // LibreOffice's row attributes, single-quoted attributes
	PrefixedOpenXML Shape = "prefixed"         // the Open XML SDK's x: prefix on every element
	CarriageReturns Shape = "carriage-returns" // CRLF and indentation between every element
)

// Shapes lists every shape that keeps the cells as they are (not the
// BlankRows/DeletedRows pair).
func Shapes() []Shape {
	return []Shape{StyledEmpty, NoRefs, SharedFormulas, RichText, InlineStrings, Entities, LibreOffice, PrefixedOpenXML, CarriageReturns}
}

// blanked says which rows BlankRows and DeletedRows empty: one data row in
// seven, below the header.
func blanked(r int) bool { return r > 3 && r%7 == 3 }

type cell struct {
	R string `xml:"r,attr"`
	S string `xml:"s,attr"`
	T string `xml:"t,attr"`
	F *struct {
		Text string `xml:",chardata"`
	} `xml:"f"`
	V  *string `xml:"v"`
	IS *struct {
		T string `xml:"t"`
	} `xml:"is"`
}

type row struct {
	R     int    `xml:"r,attr"`
	Cells []cell `xml:"c"`
}

type sheetData struct {
	Rows []row `xml:"row"`
}

type sst struct {
	Items []struct {
		T string `xml:"t"`
	} `xml:"si"`
}

var sheetDataRE = regexp.MustCompile(`(?s)<sheetData>.*</sheetData>|<sheetData/>`)

// Rewrite copies the workbook at src to dst with its worksheets (parts
// under xl/worksheets/) and shared strings written in the shape. The
// source must be of the plain shape bontot's generator and excelize write.
func Rewrite(src, dst string, shape Shape) error {
	strs, err := sharedStrings(src)
	if err != nil {
		return err
	}
	return EditParts(src, dst, func(name string, data []byte) ([]byte, error) {
		switch {
		case strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"):
			return rewriteSheet(data, strs, shape)
		case name == "xl/sharedStrings.xml" && shape == RichText:
			return richSST(strs), nil
		case name == "xl/sharedStrings.xml" && shape == PrefixedOpenXML:
			return prefixed(data), nil
		}
		return data, nil
	})
}

// DropPart, returned by an EditParts edit, leaves the part out of the copy.
var DropPart = errors.New("workbooktest: leave the part out")

// EditParts copies the zip package at src to dst, every part's bytes
// through edit, names and order kept. An error from edit names the part;
// DropPart leaves it out.
func EditParts(src, dst string, edit func(name string, data []byte) ([]byte, error)) error {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		data, err := readPart(f)
		if err != nil {
			return err
		}
		if data, err = edit(f.Name, data); errors.Is(err, DropPart) {
			continue
		} else if err != nil {
			return fmt.Errorf("%s: %v", f.Name, err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(dst, buf.Bytes(), 0o644)
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// sharedStrings reads the items of a plain shared strings table.
func sharedStrings(src string) ([]string, error) {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var strs []string
	for _, f := range zr.File {
		if f.Name != "xl/sharedStrings.xml" {
			continue
		}
		data, err := readPart(f)
		if err != nil {
			return nil, err
		}
		var t sst
		if err := xml.Unmarshal(data, &t); err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		for _, it := range t.Items {
			strs = append(strs, it.T)
		}
	}
	return strs, nil
}

func rewriteSheet(doc []byte, strs []string, shape Shape) ([]byte, error) {
	loc := sheetDataRE.FindIndex(doc)
	if loc == nil {
		return doc, nil
	}
	var sd sheetData
	if err := xml.Unmarshal(doc[loc[0]:loc[1]], &sd); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	w := &writer{b: &b, shape: shape, strs: strs}
	b.WriteString("<sheetData>")
	prevRow := 0
	for _, r := range sd.Rows {
		num := r.R
		if num == 0 {
			num = prevRow + 1
		}
		w.row(r, num, prevRow)
		prevRow = num
	}
	b.WriteString("</sheetData>")
	out := append([]byte{}, doc[:loc[0]]...)
	out = append(out, b.Bytes()...)
	out = append(out, doc[loc[1]:]...)
	if shape == PrefixedOpenXML {
		out = prefixed(out)
	}
	return out, nil
}

type writer struct {
	b     *bytes.Buffer
	shape Shape
	strs  []string
	si    int // shared formula groups started
}

func (w *writer) nl() {
	if w.shape == CarriageReturns {
		w.b.WriteString("\r\n  ")
	}
}

func (w *writer) row(r row, num, prev int) {
	b := w.b
	if blanked(num) && (w.shape == BlankRows || w.shape == DeletedRows) {
		if w.shape == BlankRows {
			fmt.Fprintf(b, `<row r="%d" spans="1:12" s="3" customFormat="1" ht="6" customHeight="1"/>`, num)
		}
		return
	}
	w.nl()
	switch {
	case w.shape == NoRefs && num == prev+1:
		b.WriteString("<row>")
	case w.shape == LibreOffice:
		fmt.Fprintf(b, `<row r='%d' s='0' ht='12.8' hidden='false' customHeight='false' outlineLevel='0' collapsed='false'>`, num)
	default:
		fmt.Fprintf(b, `<row r="%d" spans="1:12" x14ac:dyDescent="0.25" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`, num)
	}
	col := 0
	for _, c := range r.Cells {
		cc, _ := colOf(c.R)
		if cc == 0 {
			cc = col + 1
		}
		if w.shape == StyledEmpty {
			for k := col + 1; k < cc; k++ {
				fmt.Fprintf(b, `<c r="%s%d" s="1"/>`, colName(k), num)
			}
		}
		w.cell(c, cc, col, num)
		col = cc
	}
	if w.shape == StyledEmpty {
		fmt.Fprintf(b, `<c r="%s%d" s="1"/><c r="%s%d" s="2"></c>`, colName(col+1), num, colName(col+2), num)
	}
	w.nl()
	b.WriteString("</row>")
}

func (w *writer) cell(c cell, col, prev, num int) {
	b := w.b
	w.nl()
	ref := fmt.Sprintf(` r="%s%d"`, colName(col), num)
	if w.shape == NoRefs && col == prev+1 {
		ref = ""
	}
	q := `"`
	if w.shape == LibreOffice {
		q = `'`
		ref = strings.ReplaceAll(ref, `"`, `'`)
	}
	attrs := ref
	if c.S != "" {
		attrs += ` s=` + q + c.S + q
	}
	if w.shape == LibreOffice && c.S == "" {
		attrs += ` s='0'`
	}
	switch {
	case c.T == "s" && c.V != nil && w.shape == InlineStrings:
		n, _ := strconv.Atoi(strings.TrimSpace(*c.V))
		text := w.strs[n]
		half := len(text) / 2
		for half > 0 && !utf8.RuneStart(text[half]) {
			half--
		}
		fmt.Fprintf(b, `<c%s t="inlineStr"><is><r><t xml:space="preserve">%s</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">%s</t></r></is></c>`, attrs, w.esc(text[:half]), w.esc(text[half:]))
		return
	case c.T != "":
		attrs += ` t=` + q + c.T + q
	}
	fmt.Fprintf(b, "<c%s>", attrs)
	if c.F != nil {
		fmt.Fprintf(b, "<f>%s</f>", w.esc(c.F.Text))
	}
	if c.V != nil {
		if w.shape == SharedFormulas && c.T == "" && c.F == nil {
			if w.si%2 == 0 {
				fmt.Fprintf(b, `<f t="shared" ref="%s%d:%s%d" si="%d">ROUND(%s,6)</f>`, colName(col), num, colName(col), num+1, w.si/2, *c.V)
			} else {
				fmt.Fprintf(b, `<f t="shared" si="%d"/>`, w.si/2)
			}
			w.si++
		}
		fmt.Fprintf(b, "<v>%s</v>", w.esc(*c.V))
	}
	if c.IS != nil {
		fmt.Fprintf(b, `<is><t xml:space="preserve">%s</t></is>`, w.esc(c.IS.T))
	}
	b.WriteString("</c>")
}

// esc escapes text for the shape: numeric references for every non-ASCII
// character and entities for quotes in Entities, plain escaping otherwise.
func (w *writer) esc(s string) string {
	if w.shape != Entities {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r >= 0x80 && i%2 == 0:
			fmt.Fprintf(&b, "&#%d;", r)
		case r >= 0x80:
			fmt.Fprintf(&b, "&#x%X;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// richSST writes each shared string as two rich-text runs (the first with
// run properties) and, for one in three, a phonetic run and its
// properties, which no reader takes into the value.
func richSST(strs []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(strs), len(strs))
	for i, s := range strs {
		half := len(s) / 2
		for half > 0 && !utf8.RuneStart(s[half]) {
			half--
		}
		var e1, e2 bytes.Buffer
		xml.EscapeText(&e1, []byte(s[:half]))
		xml.EscapeText(&e2, []byte(s[half:]))
		b.WriteString("<si>")
		fmt.Fprintf(&b, `<r><rPr><b/><sz val="11"/><rFont val="Times New Roman"/></rPr><t xml:space="preserve">%s</t></r><r><t xml:space="preserve">%s</t></r>`, e1.String(), e2.String())
		if i%3 == 0 {
			b.WriteString(`<rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1" type="noConversion"/>`)
		}
		b.WriteString("</si>")
	}
	b.WriteString("</sst>")
	return b.Bytes()
}

var (
	tagRE   = regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9]*)([\s/>])`)
	xmlnsRE = regexp.MustCompile(`xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`)
)

// prefixed puts the Open XML SDK's x: prefix on every unprefixed element
// and binds it to the main namespace instead of the default.
func prefixed(doc []byte) []byte {
	out := tagRE.ReplaceAll(doc, []byte("<${1}x:${2}${3}"))
	return xmlnsRE.ReplaceAll(out, []byte(`xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`))
}

func colOf(ref string) (int, bool) {
	col, i := 0, 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	return col, i > 0
}
