package xlsxscan

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	kflate "github.com/klauspost/compress/flate"
)

// The checker is the authority on whether a part can be read faithfully.
// excelize's row iterator stops at the first XML error without saying so,
// merges rows that come out of order and appends a cell whose column is
// behind the previous one at the end of the row; the scanner mirrors
// excelize only on input where none of that can happen. So whenever the
// scanner leaves a part to excelize, the checker reads it first, with
// encoding/xml in strict mode, and turns anything that is not what a
// spreadsheet program writes into a located DefectError: what is left for
// excelize is well-formed, with rows and cells in order, and excelize reads
// that exactly.

// DefectError is a part of the workbook that is damaged or not what any
// spreadsheet program writes, located as closely as the part allows.
// Reason is one Vietnamese clause, without the location.
type DefectError struct {
	Part   string // the zip part
	Sheet  string // the sheet the part holds, when known
	Row    int    // the sheet row the defect is in or after; 0: unknown
	Cell   string // the cell, when known
	Line   int    // the line of the part's XML; 0: unknown
	Reason string
}

// Detail is the defect without the sheet's name: the reason, after the
// row or XML line when no cell says where.
func (e *DefectError) Detail() string {
	switch {
	case e.Cell != "":
		return e.Reason
	case e.Row > 0:
		return fmt.Sprintf("gần dòng %d, %s", e.Row, e.Reason)
	case e.Line > 0:
		return fmt.Sprintf("dòng %d của XML, %s", e.Line, e.Reason)
	}
	return e.Reason
}

func (e *DefectError) Error() string {
	var b strings.Builder
	switch {
	case e.Sheet != "":
		fmt.Fprintf(&b, "sheet %q", e.Sheet)
	default:
		fmt.Fprintf(&b, "phần %q của tệp", e.Part)
	}
	switch {
	case e.Cell != "":
		fmt.Fprintf(&b, ", ô %s", e.Cell)
	case e.Row > 0:
		fmt.Fprintf(&b, ", gần dòng %d", e.Row)
	}
	if e.Line > 0 && e.Cell == "" {
		fmt.Fprintf(&b, " (dòng %d của XML)", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// MaxCellChars is Excel's own limit on the text of one cell. A longer value
// was not written by a spreadsheet program, and reading it would cost the
// header detection and matching seconds and gigabytes.
const MaxCellChars = 32767

// CellTooLong reports whether v holds more UTF-16 code units than Excel
// allows. The length test is inlined into every caller's loop over cells;
// the characters are counted only when the bytes could be over.
func CellTooLong(v string) bool { return len(v) > MaxCellChars && utf16Over(v) }

func utf16Over(v string) bool {
	n := 0
	for _, r := range v {
		n++
		if r >= 0x10000 {
			n++
		}
		if n > MaxCellChars {
			return true
		}
	}
	return false
}

// LongCell is the defect of a cell over MaxCellChars, for readers other
// than the scanner (the excelize fallback) to report in the same words.
func LongCell(sheet string, row, col int) error {
	return &DefectError{Sheet: sheet, Row: row, Cell: CellName(col, row),
		Reason: fmt.Sprintf("ô dài hơn %d ký tự, giới hạn của chính Excel", MaxCellChars)}
}

// CellName is the A1 name of a 1-based column and row.
func CellName(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append(b, byte('A'+(c-1)%26))
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b) + strconv.Itoa(row)
}

// readReason says in Vietnamese why reading a part's bytes failed.
func readReason(err error) string {
	var ce kflate.CorruptInputError
	var se flate.CorruptInputError
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "dữ liệu nén bị hỏng (sai mã kiểm tra CRC)"
	case errors.Is(err, zip.ErrAlgorithm):
		return "phần này được nén theo kiểu không được hỗ trợ"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "phần này bị cắt cụt, thiếu phần cuối"
	case errors.As(err, &ce), errors.As(err, &se), errors.Is(err, zip.ErrFormat):
		return "dữ liệu nén bị hỏng"
	}
	return "không giải nén được phần này"
}

// xmlReason says in Vietnamese what is wrong with the XML, from
// encoding/xml's English message.
func xmlReason(msg string) string {
	switch {
	case strings.Contains(msg, "unexpected EOF"):
		return "XML bị cắt cụt, thiếu phần cuối"
	case strings.Contains(msg, "invalid character entity"), strings.Contains(msg, "character entity"):
		return "XML có ký tự & không hợp lệ (phải viết &amp;) hoặc thực thể không xác định"
	case strings.Contains(msg, "UTF-8"):
		return "XML có byte không phải UTF-8"
	case strings.Contains(msg, "illegal character code"):
		return "XML có ký tự điều khiển không được phép"
	case strings.Contains(msg, "closed by"), strings.Contains(msg, "unexpected end element"):
		return "XML có thẻ mở và thẻ đóng không khớp"
	}
	return "XML không hợp lệ"
}

// checkSheet reads a worksheet part as the checker does; sheet names it in
// the defects, nSST and nXF bound the shared string and style indexes (nXF
// < 0: no styles part, so only s="0", the default format, exists).
func checkSheet(f *zip.File, sheet string, nSST, nXF int) error {
	c := &checker{sheet: sheet, nSST: nSST, nXF: nXF, sheetDepth: -1}
	return c.read(f, c.token)
}

// checkXML checks that a part that is not a worksheet is well-formed.
func checkXML(f *zip.File) error {
	return new(checker).read(f, nil)
}

type checker struct {
	part, sheet string
	nSST, nXF   int

	dec        *xml.Decoder
	depth      int
	sheetDepth int // depth of the open <sheetData>; -1 outside
	row        int // number of the row last started
	col        int // column of the cell last read in the row
	cell       string
	cellDepth  int // depth of the open <c>; 0 outside
	cellType   string
	v          []byte // text of the cell's last <v>
	inV        bool
	hasV       bool
	seenRow    bool
}

func (c *checker) defect(reason string) *DefectError {
	line, _ := c.dec.InputPos()
	return &DefectError{Part: c.part, Sheet: c.sheet, Row: c.row, Cell: c.cell, Line: line, Reason: reason}
}

// read reads a part to its end with encoding/xml in strict mode, which
// also checks the zip's size and CRC-32, handing every token to visit (nil:
// well-formedness only). A read or syntax error is a DefectError.
func (c *checker) read(f *zip.File, visit func(xml.Token) error) error {
	c.part = f.Name
	rc, err := f.Open()
	if err != nil {
		return &DefectError{Part: c.part, Sheet: c.sheet, Reason: readReason(err)}
	}
	defer rc.Close()
	c.dec = xml.NewDecoder(rc)
	c.dec.Strict = true
	for {
		tok, err := c.dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				d := c.defect(xmlReason(se.Msg))
				d.Cell = ""
				d.Line = se.Line
				return d
			}
			d := c.defect(readReason(err))
			d.Cell = ""
			return d
		}
		if visit != nil {
			if err := visit(tok); err != nil {
				return err
			}
		}
	}
}

// token follows the structure excelize's Rows relies on: rows only inside
// sheetData, in increasing order; cells only inside rows, in increasing
// columns; shared string and style indexes that exist.
func (c *checker) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		c.depth++
		name := t.Name.Local
		inSheetData := c.sheetDepth >= 0
		// excelize takes a <row> or <c> start tag at any depth for a new
		// row or cell, so one anywhere but in its place is a defect.
		switch {
		case name == "row":
			if !inSheetData || c.depth != c.sheetDepth+1 {
				return c.defect("có dòng (thẻ <row>) nằm ngoài vùng dữ liệu của sheet")
			}
			return c.startRow(t)
		case name == "c":
			if !inSheetData || c.depth != c.sheetDepth+2 || c.cellDepth > 0 {
				return c.defect("có ô (thẻ <c>) không nằm trong một dòng")
			}
			return c.startCell(t)
		case c.cellDepth > 0:
			if c.depth == c.cellDepth+1 && name == "v" {
				c.inV, c.hasV, c.v = true, true, c.v[:0]
			}
		case name == "sheetData" && !inSheetData:
			c.sheetDepth = c.depth
		case inSheetData && c.depth == c.sheetDepth+1:
			return c.defect(fmt.Sprintf("có thẻ <%s> lạ giữa các dòng", name))
		}
	case xml.EndElement:
		switch {
		case c.cellDepth > 0 && c.depth == c.cellDepth:
			if err := c.endCell(); err != nil {
				return err
			}
			c.cellDepth, c.cell = 0, ""
		case c.cellDepth > 0 && c.depth == c.cellDepth+1:
			c.inV = false
		case c.depth == c.sheetDepth:
			c.sheetDepth = -1
		}
		c.depth--
	case xml.CharData:
		// Text between rows or cells is ignored by every reader.
		if c.inV {
			c.v = append(c.v, t...)
		}
	}
	return nil
}

// attr is the value of the last attribute with this local name, as
// excelize reads it.
func attr(t xml.StartElement, local string) (string, bool) {
	v, ok := "", false
	for _, a := range t.Attr {
		if a.Name.Local == local {
			v, ok = a.Value, true
		}
	}
	return v, ok
}

func (c *checker) startRow(t xml.StartElement) error {
	prev := c.row
	num := prev + 1
	if r, ok := attr(t, "r"); ok {
		// As excelize and the scanner read it (a sign is accepted).
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 || n > maxRows {
			c.cell = ""
			return c.defect(fmt.Sprintf("số dòng %q không hợp lệ", r))
		}
		num = n
	}
	c.cell = ""
	switch {
	case c.seenRow && num == prev:
		c.row = num
		return c.defect(fmt.Sprintf("dòng %d có hai lần", num))
	case c.seenRow && num < prev:
		c.row = prev
		return c.defect(fmt.Sprintf("dòng %d đứng sau dòng %d (các dòng không theo thứ tự)", num, prev))
	}
	c.row, c.col, c.seenRow = num, 0, true
	return nil
}

func (c *checker) startCell(t xml.StartElement) error {
	col := c.col + 1
	c.cell = CellName(col, c.row)
	if r, ok := attr(t, "r"); ok && r != "" {
		n, ok := refColumn([]byte(r))
		if !ok {
			return c.defect(fmt.Sprintf("tham chiếu ô %q không hợp lệ", r))
		}
		col = n
		c.cell = CellName(col, c.row)
	}
	if col > maxCols {
		return c.defect("ô vượt quá cột cuối cùng của Excel")
	}
	switch {
	case col == c.col:
		return c.defect("ô có hai lần trong cùng dòng")
	case col < c.col:
		return c.defect(fmt.Sprintf("ô đứng sau ô %s (các ô không theo thứ tự)", CellName(c.col, c.row)))
	}
	c.col = col
	if s, ok := attr(t, "s"); ok {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || !allDigits([]byte(s)) || !styleExists(n, c.nXF) {
			return c.defect(fmt.Sprintf("chỉ số định dạng (style) %q không có trong sổ", s))
		}
	}
	c.cellType, _ = attr(t, "t")
	c.cellDepth, c.hasV, c.inV, c.v = c.depth, false, false, c.v[:0]
	return nil
}

func (c *checker) endCell() error {
	if c.cellType != "s" || !c.hasV {
		return nil
	}
	v := bytes.TrimSpace(c.v)
	if len(v) == 0 {
		return nil
	}
	n, err := strconv.Atoi(string(v))
	if err != nil || !allDigits(v) || n >= c.nSST {
		return c.defect(fmt.Sprintf("chỉ số chuỗi dùng chung %q không có trong bảng chuỗi của sổ", v))
	}
	return nil
}

// styleCount checks a styles part and counts its cell formats (the <xf>
// of the root's <cellXfs>): the bound of every cell's s. It returns -1
// when the part is absent.
func styleCount(f *zip.File) (int, error) {
	if f == nil {
		return -1, nil
	}
	if rc, err := f.Open(); err == nil {
		data, err := io.ReadAll(rc)
		rc.Close()
		if err == nil {
			if n, ok := fastStyleCount(data); ok {
				return n, nil
			}
		}
	}
	return checkerStyleCount(f)
}

// checkerStyleCount is styleCount through the checker, which says what
// is wrong with a part that is not well formed.
func checkerStyleCount(f *zip.File) (int, error) {
	n, depth, inXfs := 0, 0, false
	err := new(checker).read(f, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 2 && t.Name.Local == "cellXfs":
				inXfs = true
			case depth == 3 && inXfs && t.Name.Local == "xf":
				n++
			}
		case xml.EndElement:
			if depth == 2 {
				inXfs = false
			}
			depth--
		}
		return nil
	})
	return n, err
}

// CheckPackage checks a whole package that the scanner cannot open (an
// encrypted workbook once decrypted, strict OOXML, an unusual workbook
// part) before excelize reads it: no part twice, every XML part
// well-formed and intact, every worksheet (the parts under xl/worksheets/)
// with rows and cells in order and indexes that exist. A nil error means
// excelize reads every cell faithfully.
func CheckPackage(zr *zip.Reader) error {
	if name := DuplicatePart(zr.File); name != "" {
		return duplicateDefect(name)
	}
	if de := packageWorkbookDefect(zr.File); de != nil {
		return de
	}
	var sst, styles *zip.File
	var sheets []*zip.File
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		switch {
		case name == strings.ToLower(partSharedStrings):
			sst = f
		case name == "xl/styles.xml":
			styles = f
		case strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"):
			sheets = append(sheets, f)
		}
	}
	nSST := 0
	if sst != nil {
		n, err := countItems(sst)
		if err != nil {
			return err
		}
		nSST = n
	}
	nXF, err := styleCount(styles)
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if f == sst || f == styles || !(strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")) {
			continue
		}
		var err error
		if containsFile(sheets, f) {
			err = checkSheet(f, "", nSST, nXF)
		} else {
			err = checkXML(f)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func containsFile(fs []*zip.File, f *zip.File) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

// countItems checks the shared strings part and counts its items.
func countItems(f *zip.File) (int, error) {
	n, depth := 0, 0
	err := new(checker).read(f, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && t.Name.Local == "si" {
				n++
			}
		case xml.EndElement:
			depth--
		}
		return nil
	})
	return n, err
}

// duplicateDefect is the defect of a part the zip holds twice.
func duplicateDefect(name string) *DefectError {
	return &DefectError{Part: name, Reason: "phần này có hai lần trong tệp nén (tệp đã bị sửa hoặc hỏng)"}
}

// DuplicatePart returns the name of a part the zip holds twice (names
// compared as the package's part names are: without case, '\' as '/'), or
// "". Which copy a reader takes differs between readers.
func DuplicatePart(files []*zip.File) string {
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		k := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if seen[k] {
			return f.Name
		}
		seen[k] = true
	}
	return ""
}
