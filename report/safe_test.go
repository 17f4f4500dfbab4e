package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
)

func TestSafeTextMakesEveryControlVisible(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Chi bộ Tư pháp", "Chi bộ Tư pháp"},
		{"\x1b[2J", "␛[2J"},
		{"chuông\a", "chuông␇"},
		{"lùi\b\b", "lùi␈␈"},
		{"\x00\x01\x1f", "␀␁␟"},
		{"xóa\x7f", "xóa␡"},
		{"\u009b2J \u0080\u009f", "�2J ��"},
		{"dòng 1\ndòng 2\r\n\tcột\v\f", "dòng 1 dòng 2   cột  "},
		{"hỏng \xff\xfe", "hỏng ��"},
		{"\u00a0không gián đoạn\u00a0", "\u00a0không gián đoạn\u00a0"}, // U+00A0 is the first rune past C1
	} {
		got := SafeText(tt.in)
		if got != tt.want {
			t.Errorf("SafeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
			t.Errorf("SafeText(%q) changed the width: %d runes from %d", tt.in, utf8.RuneCountInString(got), utf8.RuneCountInString(tt.in))
		}
	}
}

// hostileReport is the fixture with terminal controls in a unit name, a
// check's evidence (a meeting note quoted), an implementation message, a
// cluster and a problem, as a workbook anyone edited can bring them.
func hostileReport() *criteria.Report {
	r := fixture()
	for i := range r.Units {
		if r.Units[i].Unit.Code != "CB04" {
			continue
		}
		u := *r.Units[i].Unit
		u.Name = "Chi bộ\x1b[2J Hội\a Nông\b dân\u009b"
		u.Cluster = "Cụm\x1b]0;pwned\a 1"
		r.Units[i].Unit = &u
		c := &r.Units[i].Criteria[1].Checks[0]
		c.Message = "Ghi chú buổi họp: \x1b[31mđỏ\a\b\u009bH xong\nhết"
	}
	r.Problems[0].Message = "Điểm \x1b[2J105\a\b\u009b ngoài khoảng"
	r.Problems[0].Sheet = "Sinh\x1b[1m hoạt"
	return r
}

// rawControls lists the terminal controls found in out, besides the colour
// sequences the table writes itself when asked.
func rawControls(out []byte, colour bool) []string {
	s := string(out)
	if colour {
		s = regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllString(s, "")
	}
	var found []string
	for _, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) {
			found = append(found, string(r))
		}
	}
	return found
}

func TestTableShowsNoControlCharactersFromCells(t *testing.T) {
	for _, opts := range []TableOptions{{}, {Color: true}, {Unit: "CB04"}, {Unit: "CB04", Color: true}} {
		out := render(t, func(b *bytes.Buffer) error { return Table(b, hostileReport(), opts) })
		if bad := rawControls(out, opts.Color); len(bad) > 0 {
			t.Errorf("%+v: controls reach the terminal: %q\n%s", opts, bad, out)
		}
		for _, want := range []string{"Chi bộ␛[2J Hội␇ Nông␈ dân", "Ghi chú buổi họp: ␛[31mđỏ␇␈�H xong hết"} {
			if !bytes.Contains(out, []byte(want)) {
				t.Errorf("%+v: %q missing, the text around the controls must survive:\n%s", opts, want, out)
			}
		}
		if !bytes.Contains(out, []byte("Điểm ␛[2J105␇␈� ngoài khoảng")) || !bytes.Contains(out, []byte("Sinh␛[1m hoạt")) {
			t.Errorf("%+v: the problem's text is not shown safely:\n%s", opts, out)
		}
	}
}

// A line break typed inside a cell must not split the unit's table row.
func TestTableCellLineBreakKeepsRow(t *testing.T) {
	r := fixture()
	u := *r.Units[2].Unit // CB01
	u.Name = "Chi bộ Sở\nTư pháp"
	r.Units[2].Unit = &u
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	var row string
	for l := range strings.SplitSeq(out, "\n") {
		if strings.Contains(l, " CB01 ") {
			row = l
			break
		}
	}
	if !strings.Contains(row, "Chi bộ Sở Tư pháp") || !strings.Contains(row, "Đạt") {
		t.Errorf("CB01's row is broken: %q\n%s", row, out)
	}
}

func TestCSVDropsControlCharacters(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return CSV(b, hostileReport()) })
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var name, note string
	for _, row := range rows[1:] {
		for _, cell := range row {
			for _, r := range cell {
				if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) {
					t.Errorf("cell %q keeps control %q", cell, r)
				}
			}
		}
		if row[2] == "CB04" && row[0] != "problem" {
			name = row[3]
			if strings.HasPrefix(row[14], "Ghi chú") {
				note = row[14]
			}
		}
	}
	if name != "Chi bộ[2J Hội Nông dân" || note != "Ghi chú buổi họp: [31mđỏH xong\nhết" {
		t.Errorf("name %q, note %q: only the controls should go", name, note)
	}
}

// A \x01 cannot be written into XML 1.0; the report must still be a
// workbook that opens, with the rest of the name in place.
func TestXLSXWithControlCharactersOpens(t *testing.T) {
	r := hostileReport()
	u := *r.Units[0].Unit
	u.Name = "Đảng bộ\x01 Sở\x1b[2J Tài chính\u009b"
	u.Code = "DB\x01\u009b\x7f01" // its own sheet is named after it
	r.Units[0].Unit = &u
	f, data := renderXLSX(t, r, XLSXOptions{SheetPerUnit: true})
	if got, want := len(f.GetSheetList()), len(mainSheets)+len(r.Units); got != want {
		t.Errorf("%d sheets, want %d: %q", got, want, f.GetSheetList())
	}
	_, units := summaryUnits(t, f)
	if name := units[0][2]; !strings.HasPrefix(name, "Đảng bộ") || !strings.Contains(name, "Tài chính") {
		t.Errorf("name read back %q", name)
	}
	// Every XML part must be well-formed XML 1.0, as Excel demands.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s is not well-formed XML: %v", zf.Name, err)
				break
			}
		}
		rc.Close()
	}
}

// JSON stays faithful: a script decodes exactly the text of the cell, and
// no raw ESC, BEL or backspace byte is in the document.
func TestJSONKeepsControlCharactersEscaped(t *testing.T) {
	r := hostileReport()
	out := render(t, func(b *bytes.Buffer) error { return JSON(b, r) })
	for _, c := range []byte{0x1b, 0x07, 0x08} {
		if bytes.IndexByte(out, c) >= 0 {
			t.Errorf("raw byte %#x in the JSON", c)
		}
	}
	var doc struct {
		Units []struct {
			Code, Name string
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, u := range doc.Units {
		if u.Code == "CB04" && u.Name != "Chi bộ\x1b[2J Hội\a Nông\b dân\u009b" {
			t.Errorf("name decodes to %q", u.Name)
		}
	}
}
