package workbooktest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
	"github.com/xuri/excelize/v2"
)

var tiny = Config{Grassroots: 2, SubCells: [2]int{2, 3}, Cells: 3, Members: [2]int{8, 10}, Thematic: [2]int{4, 4}, PerCluster: 1}

func writeExampleBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, ScaleExample, 0); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTiny(t *testing.T, seed uint64) ([]byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	stats, err := WriteConfig(&buf, tiny, seed)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), stats
}

// readBook returns, per sheet, the header row and the data rows below it
// (STT column dropped).
func readBook(t *testing.T, data []byte) (map[string][]string, map[string][][]string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	heads, rows := map[string][]string{}, map[string][][]string{}
	for _, name := range f.GetSheetList() {
		all, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		h := 0
		for h < len(all) && (len(all[h]) < 2) { // title and blank rows
			h++
		}
		if h == len(all) {
			t.Fatalf("sheet %s: no header row", name)
		}
		head := all[h]
		stt := head[0] == "STT"
		if stt {
			head = head[1:]
		}
		heads[name] = head
		for _, r := range all[h+1:] {
			if stt && len(r) > 0 {
				r = r[1:]
			}
			rows[name] = append(rows[name], r)
		}
	}
	return heads, rows
}

// sheets2024 are the sheets of the hd17-2023 books: every input sheet but
// the optional Lịch sử, which only the 2025 rules read.
func sheets2024() []schema.Sheet {
	var out []schema.Sheet
	for _, s := range schema.Sheets {
		if s.ID != criteria.SheetHistory {
			out = append(out, s)
		}
	}
	return out
}

// checkHeaders verifies that every schema sheet of the hd17-2023 books is
// present, that every header is a canonical header of its sheet, and that
// required columns are all there.
func checkHeaders(t *testing.T, heads map[string][]string) {
	t.Helper()
	if len(heads) != len(sheets2024()) {
		t.Errorf("got %d sheets, want %d", len(heads), len(sheets2024()))
	}
	for _, s := range sheets2024() {
		head, ok := heads[s.Name]
		if !ok {
			t.Errorf("sheet %s missing", s.Name)
			continue
		}
		have := map[string]bool{}
		for _, h := range head {
			have[h] = true
		}
		canon := map[string]bool{}
		for _, c := range s.Columns {
			canon[c.Header] = true
			if c.Required && !have[c.Header] {
				t.Errorf("sheet %s: required column %q missing", s.Name, c.Header)
			}
		}
		for _, h := range head {
			if !canon[h] {
				t.Errorf("sheet %s: header %q is not a canonical header", s.Name, h)
			}
		}
	}
}

func TestParseScale(t *testing.T) {
	for _, s := range []Scale{ScaleExample, ScaleBloc, ScaleProvince, ScaleMax, ScaleProvinceProblems} {
		got, err := ParseScale(" " + strings.ToUpper(s.String()))
		if err != nil || got != s {
			t.Errorf("ParseScale(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseScale("tinh"); err == nil {
		t.Error("ParseScale accepted an unknown scale")
	}
}

func TestExampleHasEverySheetWithCanonicalHeaders(t *testing.T) {
	heads, rows := readBook(t, writeExampleBytes(t))
	checkHeaders(t, heads)
	for _, s := range sheets2024() {
		if len(rows[s.Name]) == 0 {
			t.Errorf("sheet %s has no rows", s.Name)
		}
	}
	// Dates are real dates: excelize shows them with the dd/mm/yyyy format.
	if d := rows["Sinh hoạt"][0][1]; !regexp.MustCompile(`^\d\d/\d\d/2024$`).MatchString(d) {
		t.Errorf("first meeting date reads %q, want dd/mm/2024", d)
	}
}

// The example in testdata is what the generator writes: regenerate it with
// go run ./tools/gen -scale example -o testdata/khoi-2024.xlsx.
func TestExampleIsCommitted(t *testing.T) {
	committed, err := os.ReadFile("../../testdata/khoi-2024.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, writeExampleBytes(t)) {
		t.Error("testdata/khoi-2024.xlsx is stale: go run ./tools/gen -scale example -o testdata/khoi-2024.xlsx")
	}
}

func TestExampleUnits(t *testing.T) {
	_, rows := readBook(t, writeExampleBytes(t))
	types := map[string]int{}
	subs := map[string]int{}
	pilots := map[string]int{}
	for _, r := range rows["Đơn vị"] {
		types[r[2]]++
		if r[2] == typeSub {
			subs[r[3]]++
			if len(r) > 5 && r[5] == "Có" {
				pilots[r[3]]++
			}
		}
	}
	if types[typeParent] < 2 || types[typeCell] < 3 {
		t.Errorf("units by type: %v", types)
	}
	if subs["DB01"] < 7 || pilots["DB01"] < 2 {
		t.Errorf("DB01 has %d chi bộ, %d pilot; want ≥ 7 and ≥ 2", subs["DB01"], pilots["DB01"])
	}
	members := map[string]int{}
	for _, r := range rows["Đảng viên"] {
		members[r[0]]++
	}
	for code, n := range members {
		if n < 8 || n > 25 {
			t.Errorf("%s has %d members, want 8–25", code, n)
		}
	}
}

func TestSameSeedSameBytes(t *testing.T) {
	a, _ := writeTiny(t, 7)
	b, _ := writeTiny(t, 7)
	if !bytes.Equal(a, b) {
		t.Error("same seed, different bytes")
	}
	c, _ := writeTiny(t, 8)
	if bytes.Equal(a, c) {
		t.Error("different seeds, same bytes")
	}
	if !bytes.Equal(writeExampleBytes(t), writeExampleBytes(t)) {
		t.Error("example differs between runs")
	}
}

func TestTinyScaleRowCounts(t *testing.T) {
	data, stats := writeTiny(t, 1)
	heads, rows := readBook(t, data)
	checkHeaders(t, heads)
	for _, s := range sheets2024() {
		if got := len(rows[s.Name]); got != stats[s.Name] {
			t.Errorf("sheet %s: read %d rows, generator says %d", s.Name, got, stats[s.Name])
		}
	}
	units := stats["Đơn vị"]
	lo := tiny.Grassroots*(1+tiny.SubCells[0]) + tiny.Cells
	hi := tiny.Grassroots*(1+tiny.SubCells[1]) + tiny.Cells
	if units < lo || units > hi {
		t.Errorf("%d units, want %d–%d", units, lo, hi)
	}
	cells := units - tiny.Grassroots
	if m := stats["Sinh hoạt"]; m < cells*(12+tiny.Thematic[0]) || m > cells*(13+tiny.Thematic[1]) {
		t.Errorf("%d meetings for %d chi bộ", m, cells)
	}
	if m := stats["Đảng viên"]; m < cells*tiny.Members[0] || m > cells*tiny.Members[1] {
		t.Errorf("%d members for %d chi bộ", m, cells)
	}
	if n := stats["Tiêu chí"]; n != units*(len(criteriaKey)+len(criteriaOther)) {
		t.Errorf("%d criteria rows for %d units", n, units)
	}
}

// The large scales store strings as Excel does (shared strings), dates as
// styled serial numbers, and a dimension that covers the rows.
func TestStreamWriterLayout(t *testing.T) {
	data, stats := writeTiny(t, 3)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = string(b)
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s missing", name)
		}
	}
	meetings := files["xl/worksheets/sheet2.xml"]
	if strings.Contains(meetings, "inlineStr") || !strings.Contains(meetings, `t="s"`) {
		t.Error("strings are not shared strings")
	}
	if !regexp.MustCompile(`<c r="B2" s="1"><v>45\d\d\d</v></c>`).MatchString(meetings) {
		t.Error("B2 of Sinh hoạt is not a date serial with the date style")
	}
	want := `<dimension ref="A1:L` + strconv.Itoa(1+stats["Sinh hoạt"]) + `"/>`
	if !strings.Contains(meetings, want) {
		t.Errorf("Sinh hoạt lacks %s", want)
	}
	if !strings.Contains(files["xl/styles.xml"], `formatCode="dd/mm/yyyy"`) {
		t.Error("no date number format")
	}
}

func TestSplitScore(t *testing.T) {
	r := (&unitPlan{index: 1}).rng(1, 0)
	for _, total := range []float64{100, 95.5, 72, 40, 0} {
		g := splitScore(r, total)
		sum := 0.0
		for _, x := range g {
			if x < 0 || x > 20 {
				t.Errorf("group score %v out of 0–20", x)
			}
			sum += x
		}
		if sum != total {
			t.Errorf("groups of %v add up to %v", total, sum)
		}
	}
}
