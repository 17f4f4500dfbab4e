package workbooktest

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"
)

// zipTime is the modification time of every entry, so that the output is a
// pure function of its input.
var zipTime = time.Date(2024, 12, 20, 8, 0, 0, 0, time.UTC)

// Cell styles of xl/styles.xml (cellXfs indices).
const (
	styleDate   = 1 // dd/mm/yyyy
	styleHeader = 2 // bold, bordered, centred
	styleTitle  = 3 // bold, larger
)

// streamSink writes a workbook straight into a zip archive, one sheet at a
// time, storing every string in the shared-string table as Excel does. Only
// the table stays in memory (names, codes and values repeat); rows are
// streamed.
type streamSink struct {
	zw     *zip.Writer
	w      *bufio.Writer
	sheets []string
	merges []string // merged title ranges, per sheet

	spec  sheetSpec
	r, n  int
	open  bool
	buf   []byte
	cols  []string // column letters
	sst   map[string]int
	strs  []string
	count int // string cells written
}

func newStreamSink(w io.Writer) *streamSink {
	return &streamSink{zw: zip.NewWriter(w), sst: map[string]int{}}
}

func (s *streamSink) create(name string) (io.Writer, error) {
	return s.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
}

func colName(i int) string { // 1-based
	name := ""
	for i > 0 {
		i--
		name = string(rune('A'+i%26)) + name
		i /= 26
	}
	return name
}

func (s *streamSink) sheet(spec sheetSpec, nrows int) error {
	if err := s.endSheet(); err != nil {
		return err
	}
	s.sheets = append(s.sheets, spec.name)
	zf, err := s.create(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(s.sheets)))
	if err != nil {
		return err
	}
	if s.w == nil {
		s.w = bufio.NewWriterSize(zf, 64<<10)
	} else {
		s.w.Reset(zf)
	}
	s.spec, s.n, s.open = spec, 0, true
	ncol := spec.cols()
	s.cols = s.cols[:0]
	for i := 1; i <= ncol; i++ {
		s.cols = append(s.cols, colName(i))
	}
	last := s.cols[ncol-1]
	hr := spec.headerRow()
	w := s.w
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	w.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	fmt.Fprintf(w, `<dimension ref="A1:%s%d"/>`, last, hr+nrows)
	tab := ""
	if len(s.sheets) == 1 {
		tab = ` tabSelected="1"`
	}
	fmt.Fprintf(w, `<sheetViews><sheetView%s workbookViewId="0"><pane ySplit="%d" topLeftCell="A%d" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A%d" sqref="A%d"/></sheetView></sheetViews>`,
		tab, hr, hr+1, hr+1, hr+1)
	w.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	col := 1
	if spec.stt {
		w.WriteString(`<col min="1" max="1" width="5" customWidth="1"/>`)
		col = 2
	}
	for i := range spec.headers {
		width := 14.0
		if i < len(spec.widths) && spec.widths[i] > 0 {
			width = spec.widths[i]
		}
		fmt.Fprintf(w, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, col+i, col+i, strconv.FormatFloat(width, 'f', -1, 64))
	}
	w.WriteString(`</cols><sheetData>`)
	merge := ""
	if spec.title != "" {
		s.r = 1
		if err := s.writeRow([]any{spec.title}, styleTitle); err != nil {
			return err
		}
		merge = fmt.Sprintf("A1:%s1", last)
	}
	s.merges = append(s.merges, merge)
	hdr := make([]any, 0, ncol)
	if spec.stt {
		hdr = append(hdr, "STT")
	}
	for _, h := range spec.headers {
		hdr = append(hdr, h)
	}
	s.r = hr
	err = s.writeRow(hdr, styleHeader)
	s.r++
	return err
}

func (s *streamSink) row(vals []any) error {
	s.n++
	if s.spec.stt {
		out := make([]any, 0, len(vals)+1)
		out = append(out, s.n)
		vals = append(out, vals...)
	}
	err := s.writeRow(vals, 0)
	s.r++
	return err
}

// writeRow writes row s.r; style applies to every cell (dates get the date
// style whatever it is).
func (s *streamSink) writeRow(vals []any, style int) error {
	b := s.buf[:0]
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(s.r), 10)
	b = append(b, `">`...)
	for i, v := range vals {
		if v == nil {
			continue
		}
		b = append(b, `<c r="`...)
		b = append(b, s.cols[i]...)
		b = strconv.AppendInt(b, int64(s.r), 10)
		b = append(b, '"')
		st := style
		if _, ok := v.(date); ok {
			st = styleDate
		}
		if st != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(st), 10)
			b = append(b, '"')
		}
		switch v := v.(type) {
		case string:
			b = append(b, ` t="s"><v>`...)
			b = strconv.AppendInt(b, int64(s.intern(v)), 10)
		case int:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(v), 10)
		case float64:
			b = append(b, `><v>`...)
			b = strconv.AppendFloat(b, v, 'f', -1, 64)
		case date:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(v.serial()), 10)
		default:
			panic(fmt.Sprintf("gen: cell value of type %T", v))
		}
		b = append(b, `</v></c>`...)
	}
	b = append(b, `</row>`...)
	s.buf = b
	_, err := s.w.Write(b)
	return err
}

func (s *streamSink) intern(str string) int {
	s.count++
	if i, ok := s.sst[str]; ok {
		return i
	}
	i := len(s.strs)
	s.sst[str] = i
	s.strs = append(s.strs, str)
	return i
}

func (s *streamSink) endSheet() error {
	if !s.open {
		return nil
	}
	s.open = false
	w := s.w
	w.WriteString(`</sheetData>`)
	if m := s.merges[len(s.merges)-1]; m != "" {
		fmt.Fprintf(w, `<mergeCells count="1"><mergeCell ref="%s"/></mergeCells>`, m)
	}
	w.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	return w.Flush()
}

// appendEscaped appends text escaped for XML character data.
func appendEscaped(b []byte, str string) []byte {
	for i := 0; i < len(str); i++ {
		switch c := str[i]; c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&quot;"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

func (s *streamSink) writeFile(name, content string) error {
	zf, err := s.create(name)
	if err != nil {
		return err
	}
	_, err = io.WriteString(zf, content)
	return err
}

func (s *streamSink) close() error {
	if err := s.endSheet(); err != nil {
		return err
	}
	zf, err := s.create("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	s.w.Reset(zf)
	w := s.w
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	fmt.Fprintf(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, s.count, len(s.strs))
	b := s.buf[:0]
	for _, str := range s.strs {
		b = append(b[:0], `<si><t>`...)
		b = appendEscaped(b, str)
		b = append(b, `</t></si>`...)
		w.Write(b)
	}
	w.WriteString(`</sst>`)
	if err := w.Flush(); err != nil {
		return err
	}
	s.sst, s.strs = nil, nil

	var wb, rels, ct []byte
	wb = append(wb, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
		`<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews><sheets>`...)
	rels = append(rels, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`...)
	ct = append(ct, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`...)
	for i, name := range s.sheets {
		wb = append(wb, `<sheet name="`...)
		wb = appendEscaped(wb, name)
		wb = fmt.Appendf(wb, `" sheetId="%d" r:id="rId%d"/>`, i+1, i+1)
		rels = fmt.Appendf(rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		ct = fmt.Appendf(ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	n := len(s.sheets)
	wb = append(wb, `</sheets></workbook>`...)
	rels = fmt.Appendf(rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`+
		`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`, n+1, n+2)
	ct = append(ct, `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`+
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`+
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`+
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`...)
	files := []struct{ name, content string }{
		{"xl/workbook.xml", string(wb)},
		{"xl/_rels/workbook.xml.rels", string(rels)},
		{"xl/styles.xml", stylesXML},
		{"docProps/core.xml", coreXML},
		{"docProps/app.xml", appXML},
		{"_rels/.rels", rootRels},
		{"[Content_Types].xml", string(ct)},
	}
	for _, f := range files {
		if err := s.writeFile(f.name, f.content); err != nil {
			return err
		}
	}
	return s.zw.Close()
}

const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
	`<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>` +
	`<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
	`<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`

const coreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<dc:creator>bontot</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-12-20T08:00:00Z</dcterms:created>` +
	`<dcterms:modified xsi:type="dcterms:W3CDTF">2024-12-20T08:00:00Z</dcterms:modified></cp:coreProperties>`

const appXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>bontot gen</Application></Properties>`
