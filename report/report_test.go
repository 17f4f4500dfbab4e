package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
)

func render(t *testing.T, fn func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTableGolden(t *testing.T) {
	got := render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{}) })
	golden(t, "table.golden", got)
}

// At 120 columns names are whole and evidence runs to the wider margin.
func TestTableWideGolden(t *testing.T) {
	got := render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{Width: 120}) })
	golden(t, "table-120.golden", got)
}

func TestTableAsOfGolden(t *testing.T) {
	r := asOfFixture()
	got := render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) })
	if !bytes.Contains(got, []byte("tính đến ngày 30/09/2024")) {
		t.Errorf("self-check heading missing:\n%s", got)
	}
}

func TestTableUnitGolden(t *testing.T) {
	got := render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{Unit: "CB03"}) })
	golden(t, "table-unit.golden", got)
	// The cell secretary's view lists every check, met or not.
	for _, id := range []string{"tc1.members_floor", "tc2.regular_count", "tc4.residence"} {
		if !bytes.Contains(got, []byte("["+id+"]")) {
			t.Errorf("unit view lacks check %s", id)
		}
	}
	// A self-assessment item is named by its text, never by its ID.
	it, _ := criteria.ItemByID("tc4.q4")
	if first := strings.Fields(it.Text); !bytes.Contains(got, []byte("Tự đánh giá: "+strings.Join(first[:4], " "))) {
		t.Errorf("unit view lacks item tc4.q4 by its text %q", it.Text)
	}
	if bytes.Contains(got, []byte("tc4.q")) {
		t.Error("unit view names an item by its ID")
	}
}

func TestTableUnknownUnit(t *testing.T) {
	var b bytes.Buffer
	if err := Table(&b, fixture(), TableOptions{Unit: "XX99"}); err == nil {
		t.Fatal("unknown unit: want an error")
	}
}

// The summary must be readable in an 80-column terminal, whatever the length
// of unit names and evidence sentences; a narrower width given is taken as
// 80, a wider one is used up to its last column, and never beyond.
func TestTableFitsWidth(t *testing.T) {
	for _, c := range []struct{ width, limit int }{{0, 80}, {40, 80}, {80, 80}, {120, 120}, {160, 160}, {500, MaxWidth}} {
		for _, opts := range []TableOptions{{}, {Unit: "CB02"}, {Unit: "DB02"}, {All: true}, {Summary: true}} {
			opts.Width = c.width
			out := render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), opts) })
			widest := 0
			for i, line := range strings.Split(string(out), "\n") {
				n := utf8.RuneCountInString(line)
				widest = max(widest, n)
				if n > c.limit {
					t.Errorf("%+v line %d has %d columns: %q", opts, i+1, n, line)
				}
			}
			// At 80 columns the fixture's long names are cut to fit: the
			// table's rule spans the whole width.
			if opts.Unit == "" && c.limit == MinWidth && widest != c.limit {
				t.Errorf("%+v: widest line %d columns, want %d", opts, widest, c.limit)
			}
		}
	}
}

// In a wide terminal the names the 80-column layout cuts are shown whole.
func TestTableWideShowsWholeNames(t *testing.T) {
	narrow := string(render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{}) }))
	wide := string(render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{Width: 160}) }))
	if !strings.Contains(narrow, "Đảng bộ Sở Giáo dục v…") {
		t.Fatalf("the fixture no longer has a name cut at 80 columns:\n%s", narrow)
	}
	if strings.Contains(wide, "…  ") || !strings.Contains(wide, "Đảng bộ Sở Giáo dục và Đào tạo tỉnh  ") {
		t.Errorf("names still cut at 160 columns:\n%s", wide)
	}
}

func TestTableColourOnlyWhenAsked(t *testing.T) {
	plain := render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{}) })
	if bytes.Contains(plain, []byte("\x1b[")) {
		t.Error("escape sequences without Color")
	}
	coloured := render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{Color: true}) })
	if !bytes.Contains(coloured, []byte("\x1b[32mĐạt\x1b[0m")) {
		t.Error("no green verdict with Color")
	}
}

// Every summary table's rows must line up: the verdict column starts at the
// same display column on every row, Vietnamese letters counting as one.
func TestTableAlignment(t *testing.T) {
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{}) }))
	var cols []int
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Kết quả") && strings.Contains(line, "TC1") {
			cols = append(cols, runeIndex(line, "TC1"))
		}
	}
	if len(cols) != 3 {
		t.Fatalf("want 3 summary tables, found %d headers", len(cols))
	}
	found := false
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, " 3  DB02-CB2 ") {
			found = true
			if got := runeIndex(line, "K.đạt"); got != cols[2] {
				t.Errorf("TC1 of DB02-CB2 at column %d, header at %d:\n%s", got, cols[2], out)
			}
		}
	}
	if !found {
		t.Errorf("no summary row for DB02-CB2:\n%s", out)
	}
}

func runeIndex(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:i])
}

func TestJSONGolden(t *testing.T) {
	golden(t, "report.json", render(t, func(b *bytes.Buffer) error { return JSON(b, fixture()) }))
}

// TestJSONShape decodes the document generically and checks SPEC §5: key
// names, value types, null where absent and [] (never null) for lists.
func TestJSONShape(t *testing.T) {
	r := asOfFixture()
	r.Implementation = nil
	r.Problems = nil
	out := render(t, func(b *bytes.Buffer) error { return JSON(b, r) })
	if !bytes.HasSuffix(out, []byte("}\n")) || !bytes.HasPrefix(out, []byte("{\n  \"schema\"")) {
		t.Errorf("want two-space indent and a trailing newline, got %q…", out[:20])
	}
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["schema"] != "bontot/v1" || doc["year"] != float64(2024) || doc["as_of"] != "2024-09-30" {
		t.Errorf("header: schema %v year %v as_of %v", doc["schema"], doc["year"], doc["as_of"])
	}
	for _, k := range []string{"implementation", "problems"} {
		if l, ok := doc[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %#v, want []", k, doc[k])
		}
	}
	units := doc["units"].([]any)
	if len(units) != 9 {
		t.Fatalf("%d units", len(units))
	}
	want := map[string]string{"code": "string", "name": "string", "type": "string", "parent": "string|null",
		"cluster": "string|null", "pilot": "bool", "rating": "string|null", "rank": "number",
		"verdict": "string", "commendation": "bool", "criteria": "array"}
	for _, u := range units {
		u := u.(map[string]any)
		for k, typ := range want {
			v, ok := u[k]
			if !ok {
				t.Errorf("unit %v lacks %q", u["code"], k)
				continue
			}
			if !strings.Contains(typ, jsonType(v)) {
				t.Errorf("unit %v: %s is %s, want %s", u["code"], k, jsonType(v), typ)
			}
		}
		crit := u["criteria"].([]any)
		if len(crit) != 4 {
			t.Errorf("unit %v has %d criteria", u["code"], len(crit))
		}
		for i, c := range crit {
			c := c.(map[string]any)
			if c["id"] != []string{"tc1", "tc2", "tc3", "tc4"}[i] || jsonType(c["verdict"]) != "string" || jsonType(c["checks"]) != "array" {
				t.Errorf("unit %v criterion %d: %v", u["code"], i, c)
			}
			for _, ch := range c["checks"].([]any) {
				ch := ch.(map[string]any)
				for k, typ := range map[string]string{"id": "string", "status": "string", "value": "number|null", "threshold": "number|null", "message": "string"} {
					if !strings.Contains(typ, jsonType(ch[k])) {
						t.Errorf("check %v: %s is %s", ch["id"], k, jsonType(ch[k]))
					}
				}
			}
		}
	}
	first := units[0].(map[string]any)
	if first["code"] != "DB01" || first["parent"] != nil || first["cluster"] != "Cụm 1" || first["rating"] != "HTXSNV" {
		t.Errorf("first unit %v", first)
	}
	sub := units[6].(map[string]any)
	if sub["parent"] != "DB01" || sub["cluster"] != nil || sub["type"] != "chi_bo_truc_thuoc" {
		t.Errorf("chi bộ trực thuộc %v", sub)
	}

	// With a full report, implementation and problems carry their keys.
	out = render(t, func(b *bytes.Buffer) error { return JSON(b, fixture()) })
	doc = nil
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["as_of"] != nil {
		t.Errorf("as_of = %v, want null", doc["as_of"])
	}
	im := doc["implementation"].([]any)
	if im[0].(map[string]any)["unit"] != "DB01" || im[2].(map[string]any)["cluster"] != "Cụm 1" {
		t.Errorf("implementation %v", im)
	}
	p := doc["problems"].([]any)[0].(map[string]any)
	for _, k := range []string{"severity", "file", "sheet", "cell", "unit", "message"} {
		if _, ok := p[k]; !ok {
			t.Errorf("problem lacks %q", k)
		}
	}
	if p["severity"] != "error" || p["cell"] != "D17" || p["unit"] != "CB04" {
		t.Errorf("problem %v", p)
	}
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "?"
}

func TestCSVGolden(t *testing.T) {
	golden(t, "report.csv", render(t, func(b *bytes.Buffer) error { return CSV(b, fixture()) }))
}

func TestCSVBOMAndRows(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return CSV(b, fixture()) })
	if !bytes.HasPrefix(out, []byte("\xEF\xBB\xBFtype,rank,code,")) {
		t.Fatalf("want UTF-8 BOM then header, got %q", out[:20])
	}
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := 1 + len(fixture().Problems)
	for _, ur := range fixture().Units {
		for _, c := range ur.Criteria {
			want += len(c.Checks)
		}
	}
	if len(rows) != want {
		t.Errorf("%d rows, want header + one per unit × check + one per problem = %d", len(rows), want)
	}
	if got := strings.Join(rows[1][:10], "|"); got != "dang_bo_co_so|1|DB01|Đảng bộ Sở Tài chính||Cụm 1|dat|true|tc1|dat" {
		t.Errorf("first row %s", got)
	}
}

// Cells from user workbooks must not reach a spreadsheet as formulas.
func TestCSVNeutralisesFormulas(t *testing.T) {
	r := fixture()
	r.Units[0].Unit.Name = "=HYPERLINK(\"http://x\",\"bấm\")"
	r.Units[0].Unit.Cluster = "+1"
	r.Units[0].Criteria[0].Checks[0].Message = "@SUM(A1)"
	r.Units[0].Criteria[0].Checks[1].Message = "-2+3"
	r.Units[0].Criteria[0].Checks[2].Message = "\tlệnh"
	out := render(t, func(b *bytes.Buffer) error { return CSV(b, r) })
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][3] != "'=HYPERLINK(\"http://x\",\"bấm\")" || rows[1][5] != "'+1" {
		t.Errorf("name %q cluster %q", rows[1][3], rows[1][5])
	}
	for i, want := range []string{"'@SUM(A1)", "'-2+3", "'\tlệnh"} {
		if got := rows[1+i][14]; got != want {
			t.Errorf("message %d = %q, want %q", i, got, want)
		}
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q not neutralised", cell)
			}
		}
	}
}

// Scripts diff reports from run to run: the bytes must not depend on map
// order or anything else that varies.
func TestDeterministic(t *testing.T) {
	for name, fn := range map[string]func(*bytes.Buffer, *criteria.Report) error{
		"json":  func(b *bytes.Buffer, r *criteria.Report) error { return JSON(b, r) },
		"csv":   func(b *bytes.Buffer, r *criteria.Report) error { return CSV(b, r) },
		"table": func(b *bytes.Buffer, r *criteria.Report) error { return Table(b, r, TableOptions{}) },
	} {
		a := render(t, func(b *bytes.Buffer) error { return fn(b, fixture()) })
		b := render(t, func(b *bytes.Buffer) error { return fn(b, fixture()) })
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", name)
		}
	}
}

// A đảng bộ made loi_du_lieu by its chi bộ's rows shows that error, naming
// the chi bộ, among its failing checks.
func TestTableDataErrorFromSubordinate(t *testing.T) {
	r := fixture()
	db02 := &r.Units[1]
	db02.Verdict, db02.ErrorsIn = criteria.DataError, []string{"DB02", "DB02-CB2"}
	r.Problems = append(r.Problems, criteria.Problem{Severity: criteria.SeverityError, File: "khoi-2024.xlsx",
		Sheet: "Đảng viên", Cell: "E31", Unit: "DB02-CB2", Message: "Xếp loại \"HTT\" không rõ; gần nhất: HTTNV"})
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	if !strings.Contains(out, "! DB02-CB2: khoi-2024.xlsx › Đảng viên!E31") {
		t.Errorf("subordinate error not shown under DB02:\n%s", out)
	}
}

// Colour must not move anything: without its escape sequences the coloured
// report is the plain one, so columns stay aligned on a terminal.
func TestTableColourKeepsLayout(t *testing.T) {
	plain := render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{}) })
	coloured := render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{Color: true}) })
	stripped := regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAll(coloured, nil)
	if !bytes.Equal(stripped, plain) {
		t.Errorf("coloured report differs from the plain one once escapes are stripped:\n%s", stripped)
	}
}

// FuzzWrapCount: counting the lines gives what wrapping them does.
func FuzzWrapCount(f *testing.F) {
	for _, s := range []string{"", "\n", "a\n\nb", "Nguyễn Văn An (CB02, Đảng viên dòng 15)", strings.Repeat("x", 35) + " y",
		"8/12 buổi thường kỳ đạt Tốt (66,7%), cần ít nhất 75%; chưa đạt: 10/01/2024 (85 điểm, Sinh hoạt dòng 4)", "  lead  \n trail  "} {
		for _, w := range []int{0, 10, 12, 30} {
			f.Add(s, w)
		}
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if width > 1000 || width < -1000 {
			return
		}
		if got, want := wrapCount(s, width), len(wrap(s, width)); got != want {
			t.Fatalf("wrapCount(%q, %d) = %d, wrap gives %d lines", s, width, got, want)
		}
	})
}

// A lead problem (the year does not match the data) stands under the
// heading, before the ranking and the unit view; other warnings do not.
func TestTableLeadProblemAboveTheRanking(t *testing.T) {
	r := fixture()
	lead := criteria.Problem{Severity: criteria.SeverityWarning, File: "khoi-2024.xlsx", Lead: true,
		Message: "Năm đánh giá 2023 nhưng 412/415 dòng có ngày của Sinh hoạt và Họp cấp ủy thuộc năm 2024 và bị bỏ qua; hãy chạy với --year 2024"}
	other := criteria.Problem{Severity: criteria.SeverityWarning, File: "khoi-2024.xlsx", Sheet: "Sinh hoạt", Cell: "B9",
		Message: "Buổi sinh hoạt chưa có điểm"}
	r.Problems = append([]criteria.Problem{lead}, append(r.Problems, other)...)
	for _, opts := range []TableOptions{{}, {Unit: "CB03"}, {Color: true}} {
		out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, opts) }))
		out = regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(out, "")
		at := strings.Index(out, "Cảnh báo: khoi-2024.xlsx: Năm đánh giá 2023")
		body := strings.Index(out, "ĐẢNG BỘ CƠ SỞ (")
		if opts.Unit != "" {
			body = strings.Index(out, "CB03 · ")
		}
		if at < 0 || body < 0 || at > body {
			t.Errorf("%+v: lead warning at %d, body at %d:\n%s", opts, at, body, out)
		}
		if o := strings.Index(out, "Buổi sinh hoạt chưa có điểm"); o >= 0 && o < body {
			t.Errorf("%+v: an ordinary warning is shown above the body", opts)
		}
		for i, line := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(line); n > MinWidth {
				t.Errorf("%+v line %d has %d columns", opts, i+1, n)
			}
		}
	}
}
