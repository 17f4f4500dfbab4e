package xlsxout

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestDateSerial: the serials Excel shows for the same days, on both sides
// of the 29 February 1900 it counts, and the day of t whatever its zone.
func TestDateSerial(t *testing.T) {
	hanoi := time.FixedZone("ICT", 7*3600)
	for _, tt := range []struct {
		t    time.Time
		want int
	}{
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), 1},
		{time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC), 59},
		{time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), 61},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 45292},
		{time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), 45657},
		{time.Date(2024, 12, 31, 23, 59, 0, 0, time.UTC), 45657},
		// Midnight in Hà Nội is the evening before in UTC: still the 31st.
		{time.Date(2024, 12, 31, 0, 0, 0, 0, hanoi), 45657},
	} {
		if got := DateSerial(tt.t); got != tt.want {
			t.Errorf("DateSerial(%v) = %d, want %d", tt.t, got, tt.want)
		}
		if tt.want >= 61 {
			back, err := excelize.ExcelDateToTime(float64(tt.want), false)
			if err != nil || back.Format(time.DateOnly) != tt.t.Format(time.DateOnly) {
				t.Errorf("excelize reads %d as %v (%v), want %s", tt.want, back, err, tt.t.Format(time.DateOnly))
			}
		}
	}
}

// TestRowHeight: a row grows a line for every column width of text and for
// every line break, and an empty cell is one line high.
func TestRowHeight(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float64
		want  float64
	}{
		{"", 10, 18},
		{strings.Repeat("a", 11), 10, 18},   // 11 letters a line
		{strings.Repeat("a", 12), 10, 33},   // one more wraps
		{strings.Repeat("ạ", 23), 10, 48},   // letters, not bytes
		{"một\nhai", 100, 33},               // a line break starts a line
		{"một\n\nba", 100, 48},              // an empty line counts
		{strings.Repeat("x", 5), 0.1, 78},   // a column too narrow holds one letter
		{strings.Repeat("b", 300), 100, 48}, // 110 a line
	} {
		if got := RowHeight(tt.text, tt.width); got != tt.want {
			t.Errorf("RowHeight(%q, %v) = %v, want %v", tt.text, tt.width, got, tt.want)
		}
	}
}

// TestBordersHaveColour: every side has a style and a colour (openpyxl
// refuses a border without one), and excelize writes the colour.
func TestBordersHaveColour(t *testing.T) {
	bs := ThinBorder(Black)
	sides := map[string]bool{}
	for _, b := range bs {
		if b.Color != Black || b.Style != 1 {
			t.Errorf("side %s: colour %q style %d", b.Type, b.Color, b.Style)
		}
		sides[b.Type] = true
	}
	if len(sides) != 4 {
		t.Errorf("sides %v, want all four", sides)
	}
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewStyle(&excelize.Style{Border: Borders(4, "7F6000"), Fill: SolidFill("FFF2CC")}); err != nil {
		t.Fatal(err)
	}
	// The style sheet as excelize writes it into xl/styles.xml.
	out, err := xml.Marshal(f.Styles)
	if err != nil {
		t.Fatal(err)
	}
	styles := string(out)
	if strings.Contains(styles, `rgb="FF"`) || strings.Count(styles, `rgb="FF7F6000"`) != 4 {
		t.Errorf("styles.xml borders: %s", styles)
	}
}

// TestA4AndDimension: the page setup and the used range reach the sheet.
func TestA4AndDimension(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetCellStr("Sheet1", "C4", "x"); err != nil {
		t.Fatal(err)
	}
	if err := A4(f, "Sheet1", "landscape", 0); err != nil {
		t.Fatal(err)
	}
	if err := SetUsedDimension(f, "Sheet1"); err != nil {
		t.Fatal(err)
	}
	pl, err := f.GetPageLayout("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if *pl.Size != PaperA4 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
		t.Errorf("page layout: size %d %s fit %d×%d", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
	}
	if d, _ := f.GetSheetDimension("Sheet1"); d != "A1:C4" {
		t.Errorf("dimension %q, want A1:C4", d)
	}
	if err := SetDimension(f, "Sheet1", 0, 0); err != nil {
		t.Fatal(err)
	}
	if d, _ := f.GetSheetDimension("Sheet1"); d != "A1:A1" {
		t.Errorf("dimension of nothing %q, want A1:A1", d)
	}
}

// TestAutoFilterFixerSplitWrites: the autoFilter range loses its "$"
// however the part is cut into writes, and nothing else changes.
func TestAutoFilterFixerSplitWrites(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<sheetData><row r="1"/></sheetData><autoFilter ref="$A$1:$I$260"/><pageMargins/>`, `<sheetData><row r="1"/></sheetData><autoFilter ref="A1:I260"/><pageMargins/>`},
		{`<c><v>$5</v></c><autoFilt<autoFilter ref="$B$2:$C$3">x`, `<c><v>$5</v></c><autoFilt<autoFilter ref="B2:C3">x`},
		{`no filter at all, $1 <autoFilter`, `no filter at all, $1 <autoFilter`},
	} {
		for size := 1; size <= len(tt.in); size++ {
			var out bytes.Buffer
			r := NewAutoFilterFixer(&out)
			for i := 0; i < len(tt.in); i += size {
				if _, err := r.Write([]byte(tt.in[i:min(i+size, len(tt.in))])); err != nil {
					t.Fatal(err)
				}
			}
			if err := r.Flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Fatalf("writes of %d bytes: %q, want %q", size, out.String(), tt.want)
			}
		}
	}
}
