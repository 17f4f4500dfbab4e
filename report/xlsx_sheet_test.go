package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/lotest"
)

// The rows of the large sheets are written by rowWriter, a second
// implementation of what excelize's StreamWriter writes. These tests write
// the same rows through both and read the two workbooks back with
// excelize, openpyxl (read-only and normal) and LibreOffice: every value,
// type, style, row height, outline level, hidden row and merged range must
// be the same (STYLE: "Fast code stays right").

// streamSink writes a sheet's rows through excelize's StreamWriter: the
// oracle rowWriter is compared with.
type streamSink struct {
	sw    *excelize.StreamWriter
	row   int
	opts  excelize.RowOpts
	cells []any
	err   error
}

func (s *streamSink) start(r int, h float64, outline int, hidden bool) {
	s.end()
	s.row, s.opts = r, excelize.RowOpts{Height: h, OutlineLevel: outline, Hidden: hidden}
}

func (s *streamSink) end() {
	if s.row == 0 {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	if err := s.sw.SetRow(cell, s.cells, s.opts); err != nil && s.err == nil {
		s.err = err
	}
	s.cells, s.row = nil, 0
}

func (s *streamSink) put(col int, c excelize.Cell) {
	for len(s.cells) < col {
		s.cells = append(s.cells, nil)
	}
	s.cells[col-1] = c
}

func (s *streamSink) blank(col, style int) {
	if style != 0 {
		s.put(col, excelize.Cell{StyleID: style})
	}
}
func (s *streamSink) number(col, style int, v float64) {
	s.put(col, excelize.Cell{StyleID: style, Value: v})
}
func (s *streamSink) integer(col, style, v int) { s.put(col, excelize.Cell{StyleID: style, Value: v}) }
func (s *streamSink) text(col, style int, v string) {
	s.put(col, excelize.Cell{StyleID: style, Value: v})
}
func (s *streamSink) textOnce(col, style int, v string) { s.text(col, style, v) }
func (s *streamSink) value(col, style int, v any) {
	if v == nil {
		s.blank(col, style)
		return
	}
	s.put(col, excelize.Cell{StyleID: style, Value: v})
}

func (s *streamSink) merge(c1, c2 int) {
	row := s.row
	s.end() // MergeCell may not come before its row
	from, _ := excelize.CoordinatesToCellName(c1, row)
	to, _ := excelize.CoordinatesToCellName(c2, row)
	if err := s.sw.MergeCell(from, to); err != nil && s.err == nil {
		s.err = err
	}
}

// trickyReport is the fixture with texts that need escaping, or that
// readers decode (_xHHHH_), or that XML cannot carry, and numbers that
// need Excel's 15 digits.
func trickyReport() *criteria.Report {
	r := fixture()
	texts := []string{
		`A & B <c> "q" 'a'`, "_x0041_ là chữ A, _x005F_ và _xZZ41_", "tab\there", "dòng 1\ndòng 2\r\ndòng 3",
		" khoảng trắng đầu", "khoảng trắng cuối ", "ký tự\x01điều khiển\x1f", "byte hỏng \xff\xfe", "\uFFFE\uFFFF lạ",
		"😀 ngoài BMP " + strings.Repeat("😀", 3), strings.Repeat("dài ", 9000), "]]> và &amp; sẵn",
	}
	values := []float64{0.1 + 0.2, 1e-7, 123456789.12345678, 1.0 / 3, 2e20, -0.5, 12}
	k := 0
	for i := range r.Units {
		for c := range r.Units[i].Criteria {
			for j := range r.Units[i].Criteria[c].Checks {
				ch := &r.Units[i].Criteria[c].Checks[j]
				ch.Message = texts[k%len(texts)]
				v := values[k%len(values)]
				ch.Value = &v
				k++
			}
		}
	}
	for i := range r.Problems {
		r.Problems[i].Message = texts[(i*5)%len(texts)]
		r.Problems[i].File = texts[(i*5+1)%len(texts)]
	}
	for i := range r.Implementation {
		r.Implementation[i].Message = texts[(i*7)%len(texts)]
	}
	r.Units[0].Unit.Name = `Đảng bộ "A&B" <Sở>`
	return r
}

// writeBoth writes the report as bontot does and, beside it, a workbook
// of the same styles whose sheets of x.own are written through excelize's
// StreamWriter; it returns both paths and the names of those sheets.
func writeBoth(t *testing.T, r *criteria.Report, opts XLSXOptions) (own, oracle string, sheets []string) {
	t.Helper()
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := XLSX(&buf, r, opts); err != nil {
		t.Fatal(err)
	}
	own = filepath.Join(dir, "own.xlsx")
	if err := os.WriteFile(own, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := newXLSX(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer x.f.Close()
	ref := excelize.NewFile()
	defer ref.Close()
	if err := newStyledFile(ref); err != nil {
		t.Fatal(err)
	}
	if _, err := newStyles(ref); err != nil {
		t.Fatal(err)
	}
	for _, name := range x.f.GetSheetList() {
		if x.own[name] != nil {
			sheets = append(sheets, name)
		}
	}
	if len(sheets) < 4 {
		t.Fatalf("sheets written by rowWriter: %q", sheets)
	}
	for _, name := range sheets {
		if _, err := ref.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		dim, err := x.f.GetSheetDimension(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := ref.SetSheetDimension(name, dim); err != nil {
			t.Fatal(err)
		}
		sw, err := ref.NewStreamWriter(name)
		if err != nil {
			t.Fatal(err)
		}
		s := &streamSink{sw: sw}
		if err := x.own[name].rows(s); err != nil {
			t.Fatal(err)
		}
		s.end()
		if s.err != nil {
			t.Fatal(s.err)
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	oracle = filepath.Join(dir, "oracle.xlsx")
	if err := ref.SaveAs(oracle); err != nil {
		t.Fatal(err)
	}
	return own, oracle, sheets
}

// sheetFacts is what excelize reads of a sheet: every cell's raw value,
// type and style, every row's height, outline level and visibility, and
// the merged ranges.
func sheetFacts(t *testing.T, path, sheet string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for r := 1; r <= len(rows); r++ {
		h, _ := f.GetRowHeight(sheet, r)
		vis, _ := f.GetRowVisible(sheet, r)
		lvl, _ := f.GetRowOutlineLevel(sheet, r)
		out = append(out, fmt.Sprintf("row %d: ht %v visible %v level %d", r, h, vis, lvl))
		for c := 1; c <= 7; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			fv, _ := f.GetCellValue(sheet, cell)
			typ, _ := f.GetCellType(sheet, cell)
			st, _ := f.GetCellStyle(sheet, cell)
			out = append(out, fmt.Sprintf("%s: %q %q type %d style %d", cell, v, fv, typ, st))
		}
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range merges {
		out = append(out, "merge "+m.GetStartAxis()+":"+m.GetEndAxis())
	}
	return out
}

// TestRowWriterMatchesStreamWriter: read back by excelize, the sheets
// rowWriter writes hold exactly what excelize's StreamWriter writes from
// the same rows, tricky texts and numbers included, in a bloc's report, a
// unit's own report and an empty one.
func TestRowWriterMatchesStreamWriter(t *testing.T) {
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 25 // the checks met go on over several sheets
	empty := fixture()
	empty.Units, empty.Problems, empty.Implementation = nil, nil, nil
	for name, tc := range map[string]struct {
		r    *criteria.Report
		opts XLSXOptions
	}{
		"bloc":  {trickyReport(), XLSXOptions{}},
		"unit":  {trickyReport(), XLSXOptions{AddressedTo: fixture().Units[1].Unit}},
		"empty": {empty, XLSXOptions{}},
	} {
		t.Run(name, func(t *testing.T) {
			own, oracle, sheets := writeBoth(t, tc.r, tc.opts)
			for _, sheet := range sheets {
				got, want := sheetFacts(t, own, sheet), sheetFacts(t, oracle, sheet)
				if len(got) < 9 {
					t.Errorf("%s: only %d facts", sheet, len(got))
				}
				if !slices.Equal(got, want) {
					for i := range max(len(got), len(want)) {
						g, w := "", ""
						if i < len(got) {
							g = got[i]
						}
						if i < len(want) {
							w = want[i]
						}
						if g != w {
							t.Fatalf("%s differs from excelize's StreamWriter at fact %d:\n got %s\nwant %s", sheet, i, g, w)
						}
					}
				}
			}
		})
	}
}

// openpyxlDump is a script that prints, for the sheets named, what
// openpyxl reads: every value and its type, and in normal mode the row
// heights, outline levels, hidden rows, merged ranges and each cell's
// font, fill, border and number format.
const openpyxlDump = `
import json, sys, openpyxl
path, mode, sheets = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(path, read_only=(mode == "ro"))
out = {}
for name in sheets:
    ws = wb[name]
    rows = [[(type(v).__name__, v) for v in row] for row in ws.iter_rows(values_only=True)]
    d = {"rows": rows}
    if mode != "ro":
        d["dims"] = {str(k): [v.height, v.outlineLevel, bool(v.hidden)] for k, v in ws.row_dimensions.items() if v.height or v.outlineLevel or v.hidden}
        d["merged"] = sorted(str(m) for m in ws.merged_cells.ranges)
        d["styles"] = [[(c.font.b, c.font.sz, c.fill.fgColor.rgb, c.border.left.style, c.border.left.color.rgb if c.border.left.color else None, c.number_format, c.alignment.wrap_text) for c in row] for row in ws.iter_rows()]
    out[name] = d
print(json.dumps(out, ensure_ascii=False, default=str))
`

// python is /usr/bin/python3 when it has openpyxl (Debian's python3-openpyxl).
func python(t *testing.T) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		t.Skip("no openpyxl for /usr/bin/python3 (Debian: python3-openpyxl)")
	}
	return py
}

// TestRowWriterOpenpyxl: openpyxl, read-only and normal, reads the same
// from the sheets rowWriter writes as from excelize's StreamWriter.
func TestRowWriterOpenpyxl(t *testing.T) {
	py := python(t)
	own, oracle, sheets := writeBoth(t, trickyReport(), XLSXOptions{})
	names, _ := json.Marshal(sheets)
	for _, mode := range []string{"ro", "normal"} {
		dump := func(path string) string {
			out, err := exec.Command(py, "-c", openpyxlDump, path, mode, string(names)).CombinedOutput()
			if err != nil {
				t.Fatalf("openpyxl (%s) on %s: %v\n%s", mode, filepath.Base(path), err, out)
			}
			return string(out)
		}
		got, want := dump(own), dump(oracle)
		if got != want {
			t.Errorf("openpyxl (%s) reads the sheets differently:\n got %.2000s\nwant %.2000s", mode, got, want)
		}
		if !strings.Contains(got, "_x0041_ là chữ A") || !strings.Contains(got, `A & B <c> \"q\" 'a'`) {
			t.Errorf("openpyxl (%s) lost the tricky texts: %.1000s", mode, got)
		}
	}
}

// TestRowWriterLibreOffice: LibreOffice opens the report and, saved again
// as .xlsx, its sheets read the same through excelize as the oracle's.
func TestRowWriterLibreOffice(t *testing.T) {
	own, oracle, sheets := writeBoth(t, trickyReport(), XLSXOptions{})
	convert := func(path string) string {
		dir := filepath.Join(filepath.Dir(path), "lo-"+strings.TrimSuffix(filepath.Base(path), ".xlsx"))
		return lotest.Convert(t, dir, "xlsx", path)[0]
	}
	gotPath, wantPath := convert(own), convert(oracle)
	values := func(path, sheet string) [][]string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	for _, sheet := range sheets {
		got, want := values(gotPath, sheet), values(wantPath, sheet)
		if len(got) < 2 || !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s after LibreOffice:\n got %q\nwant %q", sheet, got, want)
		}
	}
}

// TestFormatFloatAsExcelize: numbers are written with excelize's digits.
func TestFormatFloatAsExcelize(t *testing.T) {
	for _, v := range []float64{0, 1, -1, 0.1 + 0.2, 1.0 / 3, 2e20, 1e-7, 123456789.12345678, math.MaxFloat64, 1e300, 5e-324} {
		f := excelize.NewFile()
		if err := f.SetCellFloat("Sheet1", "A1", v, -1, 64); err != nil {
			t.Fatal(err)
		}
		want, _ := f.GetCellValue("Sheet1", "A1", excelize.Options{RawCellValue: true})
		f.Close()
		if got := formatFloat(v); got != want {
			t.Errorf("formatFloat(%v) = %q, excelize %q", v, got, want)
		}
	}
}

// FuzzWriteEscaped: what writeEscaped writes, read as XML text and with
// its _xHHHH_ escapes decoded as Excel decodes them, is the text itself —
// each character XML cannot carry as U+FFFD, cut at Excel's limit.
func FuzzWriteEscaped(f *testing.F) {
	for _, s := range []string{"", "a", `A & B <c> "q" 'a'`, "_x0041_", "_x005F_x0041_", "__x0041__", "_x12", "tab\t\r\n",
		"\x01\x1f\xff\xfe", "\uFFFE\uFFFF\uFFFD", "😀", "]]>", "&amp;", strings.Repeat("é", maxCellChars+3)} {
		f.Add(s)
	}
	bstr := regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		writeEscaped(w, s)
		w.Flush()
		var got strings.Builder
		d := xml.NewDecoder(strings.NewReader("<t>" + b.String() + "</t>"))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%q escaped as %q: not XML: %v", s, b.String(), err)
			}
			if cd, ok := tok.(xml.CharData); ok {
				got.Write(cd)
			}
		}
		decoded := bstr.ReplaceAllStringFunc(got.String(), func(m string) string {
			n, _ := strconv.ParseUint(m[2:6], 16, 32)
			return string(rune(n))
		})
		var want strings.Builder
		units := 0
		for i, r := range s {
			if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
				r = '\uFFFD'
			}
			units += utf16.RuneLen(r)
			if units > maxCellChars {
				break
			}
			want.WriteRune(r)
		}
		// A CR is written as &#xD;, which XML keeps (a bare one it would
		// read as a newline).
		if decoded != want.String() {
			t.Fatalf("%q: read back as %q", s, decoded)
		}
	})
}
