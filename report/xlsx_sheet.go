package report

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The large sheets of the report (Chi tiết, Chi tiết đã đạt, Tổ chức thực
// hiện, Cảnh báo và lỗi dữ liệu) are written by rowWriter, not by excelize:
// excelize's StreamWriter costs about a microsecond and several
// allocations a cell, which made the report of a province with many
// problems take seven times its JSON. excelize still makes everything
// around the rows — the sheet, its columns, pane, filter, print layout and
// page breaks — and saves the sheet with an empty <sheetData>; the package
// writer (packageWriter) fills it in with the rows written here, and adds
// the merged cells after it, as the part is saved. The cells are written
// as excelize's StreamWriter writes them (inline strings, numbers as
// excelize formats them, the row's height, outline level and hiding), and
// xlsx_sheet_test.go compares the two cell by cell through excelize,
// openpyxl and LibreOffice (STYLE: "Fast code stays right").

// ownSheet is a sheet whose rows rowWriter writes at save time.
type ownSheet struct {
	// rows writes every row of the sheet into rw.
	rows func(rw rowSink) error
}

// rowSink takes a sheet's rows in order: rowWriter, or in the tests
// excelize's StreamWriter, the oracle it is compared with.
type rowSink interface {
	// start begins row r (1-based, increasing) of height h points (0: no
	// height of its own), at an outline level, hidden or not.
	start(r int, h float64, outline int, hidden bool)
	blank(col, style int)
	number(col, style int, v float64)
	integer(col, style, v int)
	text(col, style int, s string)
	// textOnce is text for a string that repeats over many rows.
	textOnce(col, style int, s string)
	// value writes nil as blank, a string as text, an int or a float64
	// as a number.
	value(col, style int, v any)
	// merge merges columns c1…c2 of the current row.
	merge(c1, c2 int)
}

// rowWriter writes the <row> elements of one worksheet part.
type rowWriter struct {
	w       *bufio.Writer
	row     int
	open    bool
	merges  []byte // the <mergeCell> elements, in the order made
	nmerges int
	num     []byte // scratch for numbers
	refs    []string
	// escaped keeps the escaped form of the texts that repeat (a check's
	// title, a unit's code, a status): escaped once, not once a row.
	escaped map[string]string
}

func newRowWriter(w io.Writer) *rowWriter {
	return &rowWriter{w: bufio.NewWriterSize(w, 64<<10), escaped: map[string]string{}}
}

// colName is the letters of column col (1-based).
func (rw *rowWriter) colName(col int) string {
	for len(rw.refs) < col {
		name, _ := excelize.ColumnNumberToName(len(rw.refs) + 1)
		rw.refs = append(rw.refs, name)
	}
	return rw.refs[col-1]
}

func (rw *rowWriter) start(r int, h float64, outline int, hidden bool) {
	rw.end()
	rw.row, rw.open = r, true
	w := rw.w
	w.WriteString(`<row r="`)
	rw.writeInt(r)
	w.WriteByte('"')
	if h > 0 {
		w.WriteString(` ht="`)
		rw.num = strconv.AppendFloat(rw.num[:0], math.Min(h, excelize.MaxRowHeight), 'f', -1, 64)
		w.Write(rw.num)
		w.WriteString(`" customHeight="1"`)
	}
	if outline > 0 {
		w.WriteString(` outlineLevel="`)
		rw.writeInt(min(outline, 7))
		w.WriteByte('"')
	}
	if hidden {
		w.WriteString(` hidden="1"`)
	}
	w.WriteByte('>')
}

// end closes the row being written, if any.
func (rw *rowWriter) end() {
	if rw.open {
		rw.w.WriteString(`</row>`)
		rw.open = false
	}
}

func (rw *rowWriter) writeInt(n int) {
	rw.num = strconv.AppendInt(rw.num[:0], int64(n), 10)
	rw.w.Write(rw.num)
}

// cellStart writes <c r="..." s="..." up to the type.
func (rw *rowWriter) cellStart(col, style int) {
	w := rw.w
	w.WriteString(`<c r="`)
	w.WriteString(rw.colName(col))
	rw.writeInt(rw.row)
	w.WriteByte('"')
	if style != 0 {
		w.WriteString(` s="`)
		rw.writeInt(style)
		w.WriteByte('"')
	}
}

// blank writes an empty cell that only carries its style.
func (rw *rowWriter) blank(col, style int) {
	if style == 0 {
		return
	}
	rw.cellStart(col, style)
	rw.w.WriteString(`></c>`)
}

// number writes a numeric cell, formatted as excelize formats a float64.
func (rw *rowWriter) number(col, style int, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		rw.text(col, style, strconv.FormatFloat(v, 'g', -1, 64))
		return
	}
	rw.cellStart(col, style)
	rw.w.WriteString(`><v>`)
	rw.w.WriteString(formatFloat(v))
	rw.w.WriteString(`</v></c>`)
}

// integer writes a whole number.
func (rw *rowWriter) integer(col, style, v int) {
	rw.cellStart(col, style)
	rw.w.WriteString(`><v>`)
	rw.writeInt(v)
	rw.w.WriteString(`</v></c>`)
}

// text writes an inline string.
func (rw *rowWriter) text(col, style int, s string) {
	rw.textStart(col, style, s)
	writeEscaped(rw.w, s)
	rw.w.WriteString(`</t></is></c>`)
}

// textStart opens the inline-string cell of s up to its text, keeping
// its spaces when it starts or ends with one.
func (rw *rowWriter) textStart(col, style int, s string) {
	rw.cellStart(col, style)
	w := rw.w
	w.WriteString(` t="inlineStr"><is><t`)
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		w.WriteString(` xml:space="preserve"`)
	}
	w.WriteByte('>')
}

// textOnce is text for a string that repeats over many rows: escaped the
// first time only.
func (rw *rowWriter) textOnce(col, style int, s string) {
	e, ok := rw.escaped[s]
	if !ok {
		var b strings.Builder
		bw := bufio.NewWriter(&b)
		writeEscaped(bw, s)
		bw.Flush()
		e = b.String()
		rw.escaped[s] = e
	}
	rw.textStart(col, style, s)
	rw.w.WriteString(e)
	rw.w.WriteString(`</t></is></c>`)
}

// value writes v as excelize's StreamWriter would: nil as a styled blank,
// strings as inline text, numbers as numbers.
func (rw *rowWriter) value(col, style int, v any) {
	switch v := v.(type) {
	case nil:
		rw.blank(col, style)
	case string:
		rw.text(col, style, v)
	case int:
		rw.integer(col, style, v)
	case float64:
		rw.number(col, style, v)
	default:
		panic(fmt.Sprintf("report: rowWriter cannot write a %T", v))
	}
}

// merge merges columns c1…c2 of the current row.
func (rw *rowWriter) merge(c1, c2 int) {
	rw.merges = append(rw.merges, `<mergeCell ref="`...)
	rw.merges = append(rw.merges, rw.colName(c1)...)
	rw.merges = strconv.AppendInt(rw.merges, int64(rw.row), 10)
	rw.merges = append(rw.merges, ':')
	rw.merges = append(rw.merges, rw.colName(c2)...)
	rw.merges = strconv.AppendInt(rw.merges, int64(rw.row), 10)
	rw.merges = append(rw.merges, `"/>`...)
	rw.nmerges++
}

// mergeCells is the <mergeCells> element of the merges made, or nothing.
func (rw *rowWriter) mergeCells() []byte {
	if rw.nmerges == 0 {
		return nil
	}
	out := []byte(`<mergeCells count="`)
	out = strconv.AppendInt(out, int64(rw.nmerges), 10)
	out = append(out, `">`...)
	out = append(out, rw.merges...)
	return append(out, `</mergeCells>`...)
}

// flush ends the last row and writes out what is buffered.
func (rw *rowWriter) flush() error {
	rw.end()
	return rw.w.Flush()
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// formatFloat is excelize's formatting of a float64 cell: the shortest
// decimal form, cut to Excel's 15 significant digits.
func formatFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

// maxCellChars is Excel's limit on a cell's text, in UTF-16 units.
const maxCellChars = excelize.TotalCellChars

// writeEscaped writes s as the text of an XML element, as excelize does:
// & < > " ' tab and CR as entities, a newline as it is, a character XML
// cannot carry as U+FFFD, the "_" of "_xHHHH_" (which readers take for an
// escaped character) as "_x005F_", and the text cut at Excel's
// 32,767 UTF-16 units.
func writeEscaped(w *bufio.Writer, s string) {
	units := 0
	last := 0
	for i := 0; i < len(s); {
		b := s[i]
		var esc string
		size := 1
		if b < utf8.RuneSelf {
			switch b {
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			case '\n':
			case '_':
				if isBstr(s[i:]) {
					esc = "_x005F_"
				}
			default:
				if b < ' ' {
					esc = "\uFFFD"
				}
			}
			units++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
			}
			units++
			if r >= 0x10000 {
				units++
			}
		}
		if units > maxCellChars {
			w.WriteString(s[last:i])
			return
		}
		if esc != "" {
			w.WriteString(s[last:i])
			w.WriteString(esc)
			last = i + size
		}
		i += size
	}
	w.WriteString(s[last:])
}

// isBstr reports whether s begins with "_xHHHH_".
func isBstr(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// asyncWriter passes what is written to w on a goroutine of its own, in
// copies of the writes (rowWriter's buffer is reused as soon as Write
// returns), so that making the rows and deflating them overlap.
type asyncWriter struct {
	full, free chan []byte
	done       chan error
}

func newAsyncWriter(w io.Writer) *asyncWriter {
	const buffers = 4
	a := &asyncWriter{full: make(chan []byte, buffers), free: make(chan []byte, buffers), done: make(chan error, 1)}
	for range buffers {
		a.free <- nil
	}
	go func() {
		var err error
		for b := range a.full {
			if err == nil {
				_, err = w.Write(b)
			}
			a.free <- b
		}
		a.done <- err
	}()
	return a
}

// Write hands a copy of p to the goroutine. An error of w shows at close.
func (a *asyncWriter) Write(p []byte) (int, error) {
	b := <-a.free
	a.full <- append(b[:0], p...)
	return len(p), nil
}

// close waits for everything written to reach w and returns w's first error.
func (a *asyncWriter) close() error {
	close(a.full)
	return <-a.done
}
