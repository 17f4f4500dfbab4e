package template

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
)

func write(t *testing.T, opts Options) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

var single = Options{Unit: "CB01", Name: "Chi bộ Sở Tư pháp", Type: criteria.CellGrassroots, Year: 2024}

func TestSheetOrderGuideFirst(t *testing.T) {
	f := write(t, Options{})
	want := []string{GuideSheet}
	for _, sh := range (Options{}).Sheets() {
		want = append(want, sh.Name)
	}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want the guide (0)", f.GetActiveSheetIndex())
	}
}

func headers(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: no rows (%v)", sheet, err)
	}
	return rows[0]
}

// The headers are the schema's: all of them in a bloc template; in a unit's
// own form without Mã đơn vị outside Đơn vị and without the columns and
// sheets its type has no use for.
func TestHeadersEqualSchema(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opts    Options
		without map[string]bool // "sheet" or "sheet › header" left out
	}{
		{"bloc", Options{}, nil},
		{"chi bộ cơ sở", single, map[string]bool{"Họp cấp ủy": true, "Đơn vị › Trực thuộc": true, "Đơn vị › Có ban thường vụ": true}},
		{"chi bộ trực thuộc", Options{Unit: "DB01-01", Name: "Chi bộ Văn phòng", Type: criteria.CellSubordinate, Parent: "DB01"},
			map[string]bool{"Họp cấp ủy": true, "Đơn vị › Có ban thường vụ": true}},
		{"đảng bộ cơ sở", Options{Unit: "DB01", Name: "Đảng bộ Sở Tư pháp", Type: criteria.Committee},
			map[string]bool{"Đơn vị › Trực thuộc": true}},
		{"2025", Options{Thresholds: th2025()}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := write(t, tc.opts)
			want := []string{GuideSheet}
			// Lịch sử only where the rules read it.
			without := func(sh schema.Sheet) bool {
				return tc.without[sh.Name] || sh.ID == criteria.SheetHistory && !tc.opts.Thresholds.HistoryStreaks
			}
			for _, sh := range schema.Sheets {
				if !without(sh) {
					want = append(want, sh.Name)
				}
			}
			if got := f.GetSheetList(); !slices.Equal(got, want) {
				t.Errorf("sheets = %q, want %q", got, want)
			}
			for _, sh := range schema.Sheets {
				if without(sh) {
					continue
				}
				var want []string
				for _, c := range sh.Columns {
					if c.ReadOnly || tc.opts.Single() && c.Key == schema.KeyUnit && sh.ID != criteria.SheetUnits || tc.without[sh.Name+" › "+c.Header] {
						continue
					}
					want = append(want, c.Header)
				}
				if got := headers(t, f, sh.Name); !slices.Equal(got, want) {
					t.Errorf("%s headers = %q, want %q", sh.Name, got, want)
				}
			}
		})
	}
}

func TestSingleUnitFormHasNoUnitColumnOutsideUnits(t *testing.T) {
	f := write(t, single)
	for _, sh := range f.GetSheetList() {
		if sh == GuideSheet || sh == "Đơn vị" {
			continue
		}
		if slices.Contains(headers(t, f, sh), "Mã đơn vị") {
			t.Errorf("%s has a Mã đơn vị column in a single-unit template", sh)
		}
	}
	rows, _ := f.GetRows("Đơn vị")
	if len(rows) != 2 {
		t.Fatalf("Đơn vị has %d rows, want header + the unit", len(rows))
	}
	if got := rows[1][:3]; !slices.Equal(got, []string{"CB01", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở"}) {
		t.Errorf("unit row = %q", got)
	}
}

// A unit's own Tiêu chí lists the 528 criteria with their groups, Mức and
// Điểm left to fill; a bloc template cannot know its units and lists none.
func TestCriteriaPrefilledInSingleUnitForm(t *testing.T) {
	f := write(t, single)
	rows, _ := f.GetRows("Tiêu chí")
	want := len(criteria.Criteria528Key) + len(criteria.Criteria528Other)
	if len(rows) != want+1 {
		t.Fatalf("Tiêu chí has %d rows, want header + %d criteria", len(rows), want)
	}
	keys := 0
	for _, r := range rows[1:] {
		if len(r) < 2 || r[0] == "" {
			t.Fatalf("criterion row %q without a name", r)
		}
		switch r[1] {
		case "Trọng tâm":
			keys++
		case "Khác":
		default:
			t.Errorf("criterion %q in group %q", r[0], r[1])
		}
		if len(r) > 2 && strings.Join(r[2:], "") != "" {
			t.Errorf("criterion %q pre-graded: %q", r[0], r[2:])
		}
	}
	if keys != len(criteria.Criteria528Key) {
		t.Errorf("%d key criteria, want %d", keys, len(criteria.Criteria528Key))
	}
	bloc := write(t, Options{})
	if rows, _ := bloc.GetRows("Tiêu chí"); len(rows) != 1 {
		t.Errorf("bloc Tiêu chí has %d rows, want the header only", len(rows))
	}
}

// Every sheet prints on A4.
func TestPaperA4(t *testing.T) {
	f := write(t, single)
	for _, sh := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sh)
		if err != nil || pl.Size == nil || *pl.Size != 9 {
			t.Errorf("%s: paper size %v (%v), want 9 (A4)", sh, pl.Size, err)
		}
	}
}

// Dropdowns reach the rows a bloc fills: at least 20,000.
func TestValidationCoversTwentyThousandRows(t *testing.T) {
	if LastDataRow < 20000 {
		t.Fatalf("LastDataRow = %d", LastDataRow)
	}
	f := write(t, Options{})
	dv := validationsByColumn(t, f, "Sinh hoạt")["Loại"]
	if dv == nil || !strings.HasSuffix(dv.Sqref, fmt.Sprint(LastDataRow)) {
		t.Errorf("Sinh hoạt › Loại validation %+v", dv)
	}
}

func TestBlocFormHasEmptyUnits(t *testing.T) {
	f := write(t, Options{})
	rows, _ := f.GetRows("Đơn vị")
	if len(rows) != 1 {
		t.Errorf("Đơn vị has %d rows, want the header only", len(rows))
	}
}

func TestFrozenHeaderRow(t *testing.T) {
	f := write(t, single)
	for _, sh := range single.Sheets() {
		p, err := f.GetPanes(sh.Name)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" {
			t.Errorf("%s panes = %+v, want the first row frozen", sh.Name, p)
		}
	}
}

// validationsByColumn maps a header to the validations whose range starts
// in its column.
func validationsByColumn(t *testing.T, f *excelize.File, sheet string) map[string]*excelize.DataValidation {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	hdr := headers(t, f, sheet)
	out := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		col := strings.TrimRight(strings.SplitN(dv.Sqref, ":", 2)[0], "0123456789")
		n, err := excelize.ColumnNameToNumber(col)
		if err != nil || n > len(hdr) {
			t.Fatalf("%s: validation on %s outside the columns", sheet, dv.Sqref)
		}
		if _, dup := out[hdr[n-1]]; dup {
			t.Errorf("%s: two validations on %s", sheet, hdr[n-1])
		}
		out[hdr[n-1]] = dv
	}
	return out
}

func TestDropdownsForEveryClosedSet(t *testing.T) {
	for _, opts := range []Options{{}, single, {Thresholds: th2025()}} {
		f := write(t, opts)
		for _, sh := range opts.Sheets() {
			dvs := validationsByColumn(t, f, sh.Name)
			for i, c := range opts.Columns(sh) {
				if len(c.Values) == 0 {
					continue
				}
				dv := dvs[c.Header]
				if dv == nil {
					t.Errorf("%s › %s: no dropdown", sh.Name, c.Header)
					continue
				}
				col, _ := excelize.ColumnNumberToName(i + 1)
				if want := fmt.Sprintf("%s%d:%s%d", col, FirstDataRow, col, LastDataRow); dv.Sqref != want {
					t.Errorf("%s › %s: range %s, want %s", sh.Name, c.Header, dv.Sqref, want)
				}
				if dv.Type != "list" {
					t.Errorf("%s › %s: type %s, want list", sh.Name, c.Header, dv.Type)
				}
				if want := `"` + strings.Join(c.Values, ",") + `"`; dv.Formula1 != want {
					t.Errorf("%s › %s: list %s, want %s", sh.Name, c.Header, dv.Formula1, want)
				}
			}
		}
	}
}

func TestNumberAndDateValidation(t *testing.T) {
	f := write(t, single)
	meetings := validationsByColumn(t, f, "Sinh hoạt")
	for header, want := range map[string][3]string{
		"Điểm":                     {"decimal", "0", "100"},
		"Tỷ lệ đảng viên tham gia": {"decimal", "0", "20"},
		"Kết quả":                  {"decimal", "0", "20"},
		"Có mặt":                   {"whole", "0", "100000"},
		"Tháng":                    {"whole", "1", "12"},
		// 1/1/2024 and 31/12/2024 as Excel serial numbers.
		"Ngày": {"date", "45292", "45657"},
	} {
		dv := meetings[header]
		if dv == nil {
			t.Errorf("Sinh hoạt › %s: no validation", header)
			continue
		}
		if got := [3]string{dv.Type, dv.Formula1, dv.Formula2}; got != want {
			t.Errorf("Sinh hoạt › %s: %q, want %q", header, got, want)
		}
	}
	if dv := validationsByColumn(t, f, "Tiêu chí")["Điểm"]; dv == nil || dv.Type != "decimal" {
		t.Errorf("Tiêu chí › Điểm: %+v, want decimal 0–100", dv)
	}
}

func TestGroupMaxFollowsThresholds(t *testing.T) {
	th := criteria.Default()
	th.ScoreGroups[0].Max, th.ScoreGroups[1].Max, th.ScoreGroups[2].Max = 10, 25, 25
	f := write(t, Options{Thresholds: th})
	dvs := validationsByColumn(t, f, "Sinh hoạt")
	if got := dvs["Tỷ lệ đảng viên tham gia"].Formula2; got != "10" {
		t.Errorf("group 1 max = %s, want 10", got)
	}
	if got := dvs["Chuẩn bị"].Formula2; got != "25" {
		t.Errorf("group 2 max = %s, want 25", got)
	}
}

func TestDateColumnsFormattedDayMonthYear(t *testing.T) {
	f := write(t, Options{})
	for _, sheet := range []string{"Sinh hoạt", "Họp cấp ủy", "Đơn thư vụ việc"} {
		col := string(rune('A' + slices.Index(headers(t, f, sheet), "Ngày")))
		id, err := f.GetColStyle(sheet, col)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt == nil || *st.CustomNumFmt != "dd/mm/yyyy" {
			t.Errorf("%s › Ngày: number format %v, want dd/mm/yyyy", sheet, st.CustomNumFmt)
		}
	}
}

func TestSelfAssessmentListsEveryItem(t *testing.T) {
	for _, opts := range []Options{{}, single} {
		f := write(t, opts)
		rows, err := f.GetRows("Tự đánh giá")
		if err != nil {
			t.Fatal(err)
		}
		hdr := rows[0]
		item, text := slices.Index(hdr, "Mục"), slices.Index(hdr, "Nội dung mục")
		if item < 0 || text != item+1 {
			t.Fatalf("headers %q: want Nội dung mục right after Mục", hdr)
		}
		if len(rows)-1 != len(criteria.Items) {
			t.Fatalf("%d item rows, want %d", len(rows)-1, len(criteria.Items))
		}
		for i, it := range criteria.Items {
			r := rows[i+1]
			if r[item] != it.ID || r[text] != it.Text {
				t.Errorf("row %d = %q, want %s %q", i+2, r, it.ID, it.Text)
			}
			if len(r) > text+1 {
				t.Errorf("row %d has a result already: %q", i+2, r)
			}
		}
	}
}

// guideText is the guide sheet of the template opts writes, a line per
// row with its cells joined by spaces.
func guideText(t *testing.T, opts Options) string {
	t.Helper()
	rows, err := write(t, opts).GetRows(GuideSheet)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range rows {
		all.WriteString(strings.Join(r, " ") + "\n")
	}
	return all.String()
}

func TestGuideStatesThresholdsInForce(t *testing.T) {
	th := criteria.Default()
	th.RegularMeetings = 10
	th.RegularGoodShare = 0.8
	text := guideText(t, Options{Thresholds: th})
	for _, want := range []string{
		"≥ 10 buổi sinh hoạt thường kỳ/năm; ≥ 80% số buổi thường kỳ đạt Tốt (≥ 90 điểm)",
		"≥ 4 buổi sinh hoạt chuyên đề/năm",
		"100% đảng viên được xếp loại",
		"bontot validate",
		"Nội dung mục",                     // every column is explained
		"Chọn: Thường kỳ; Chuyên đề",       // with its accepted values
		"Tỷ lệ đảng viên tham gia 20",      // group maxima
		"từ 85% trở xuống",                 // attendance warning
		"Hoàn thành xuất sắc nhiệm vụ thì", // commendation
	} {
		if !strings.Contains(text, want) {
			t.Errorf("guide lacks %q", want)
		}
	}
}

func TestGuideForACommitteeOmitsCellRules(t *testing.T) {
	f := write(t, Options{Unit: "DB01", Name: "Đảng bộ Sở Y tế", Type: criteria.Committee})
	rows, _ := f.GetRows(GuideSheet)
	var text strings.Builder
	for _, r := range rows {
		text.WriteString(strings.Join(r, " ") + "\n")
	}
	if strings.Contains(text.String(), "buổi sinh hoạt chuyên đề/năm") {
		t.Error("a đảng bộ's guide states the chi bộ's thematic-meeting rule")
	}
	if !strings.Contains(text.String(), "Ban chấp hành đảng bộ họp ≥ 12 lần/năm") {
		t.Error("a đảng bộ's guide lacks its committee-meeting rule")
	}
}

func TestBordersHaveExplicitColour(t *testing.T) {
	// openpyxl refuses a border written without a colour (rgb="FF").
	var buf bytes.Buffer
	if err := Write(&buf, single); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	defer f.Close()
	id, _ := f.GetCellStyle("Sinh hoạt", "A1")
	st, _ := f.GetStyle(id)
	if len(st.Border) != 4 {
		t.Fatalf("header borders = %+v", st.Border)
	}
	for _, b := range st.Border {
		if !strings.EqualFold(strings.TrimPrefix(b.Color, "FF"), "000000") {
			t.Errorf("border %s colour %q", b.Type, b.Color)
		}
	}
}

func TestBadOptionsRefused(t *testing.T) {
	for _, o := range []Options{
		{Name: "x"},
		{Year: 24},
		{Unit: "CB01", Type: criteria.CellGrassroots},
		{Unit: "CB01", Name: "x", Type: "chi_bo"},
		{Unit: "CB01", Name: "x", Type: criteria.Committee, Year: 24},
		{Unit: "CB01", Name: "x", Type: criteria.CellSubordinate},
		{Unit: "CB01", Name: "x", Type: criteria.CellGrassroots, Parent: "DB01"},
	} {
		if err := Write(&bytes.Buffer{}, o); err == nil {
			t.Errorf("Write(%+v) succeeded", o)
		}
	}
}

func TestClip(t *testing.T) {
	if got := clip("Tỷ lệ đảng viên tham gia sinh hoạt", 10); got != "Tỷ lệ đản…" {
		t.Errorf("clip = %q", got)
	}
}

func TestDimensionCoversTheUsedRange(t *testing.T) {
	// openpyxl in read-only mode reads only the declared dimension.
	f := write(t, single)
	for sheet, want := range map[string]string{
		"Đơn vị":      "A1:J2", // Điểm xếp loại beside Xếp loại; Kỷ luật last
		"Sinh hoạt":   "A1:M1", // with Điểm cấp trên chấm
		"Tự đánh giá": fmt.Sprintf("A1:D%d", len(criteria.Items)+1),
	} {
		if got, _ := f.GetSheetDimension(sheet); got != want {
			t.Errorf("%s dimension = %s, want %s", sheet, got, want)
		}
	}
	if got, _ := f.GetSheetDimension(GuideSheet); got == "A1" {
		t.Errorf("guide dimension = %s", got)
	}
}

func TestSubordinateCellCarriesItsParent(t *testing.T) {
	f := write(t, Options{Unit: "CB11", Name: "Chi bộ Phòng Tổ chức", Type: criteria.CellSubordinate, Parent: "DB01"})
	rows, _ := f.GetRows("Đơn vị")
	if got := rows[1][:4]; !slices.Equal(got, []string{"CB11", "Chi bộ Phòng Tổ chức", "Chi bộ trực thuộc", "DB01"}) {
		t.Errorf("unit row = %q", got)
	}
}

// TestGuideStatesQuarterlyThematicRuleOf2025: under the 2025 profile a
// quarter without a thematic meeting fails TC2, so the guide states it as
// a rule and no longer as a reminder; hd17-2023 keeps the reminder.
func TestGuideStatesQuarterlyThematicRuleOf2025(t *testing.T) {
	guide := func(th criteria.Thresholds) string { return guideText(t, Options{Thresholds: th}) }
	const rule, reminder = "mỗi quý ít nhất một buổi (Chỉ thị 50-CT/TW)", "quý không có buổi chuyên đề"
	p2025, _ := criteria.ProfileThresholds(criteria.Profile2025)
	if g := guide(p2025); !strings.Contains(g, "≥ 4 buổi sinh hoạt chuyên đề/năm, "+rule) || strings.Contains(g, reminder) {
		t.Errorf("2025 guide: rule %v, reminder %v", strings.Contains(g, rule), strings.Contains(g, reminder))
	}
	if g := guide(criteria.Default()); strings.Contains(g, rule) || !strings.Contains(g, reminder) {
		t.Errorf("hd17-2023 guide: rule %v, reminder %v", strings.Contains(g, rule), strings.Contains(g, reminder))
	}
}

func th2025() criteria.Thresholds {
	th, err := criteria.ProfileThresholds(criteria.Profile2025)
	if err != nil {
		panic(err)
	}
	return th
}

// TestHistorySheetOnlyWhereRead: the optional Lịch sử sheet is in the
// template of rules that read it (2025), last, and the guide describes
// it; hd17-2023's template is as before.
func TestHistorySheetOnlyWhereRead(t *testing.T) {
	f := write(t, Options{Thresholds: th2025()})
	list := f.GetSheetList()
	if list[len(list)-1] != "Lịch sử" {
		t.Fatalf("2025 sheets = %q, want Lịch sử last", list)
	}
	if got := headers(t, f, "Lịch sử"); !slices.Equal(got, []string{"Mã đơn vị", "Năm", "Xếp loại", "Bốn tốt"}) {
		t.Errorf("Lịch sử headers = %q", got)
	}
	guide, _ := f.GetRows(GuideSheet)
	var text strings.Builder
	for _, r := range guide {
		text.WriteString(strings.Join(r, " ") + "\n")
	}
	for _, want := range []string{"Sheet Lịch sử (không bắt buộc)", "HTXSNV đủ 5 năm liên tục", "đề nghị đảng ủy cơ sở tặng giấy khen", "Bốn tốt",
		"số năm liên tục đạt “bốn tốt” chỉ để theo dõi"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("2025 guide lacks %q", want)
		}
	}
	// "Bốn tốt" years are no ground for the higher award (Hướng dẫn
	// 06-HD/TW §19 counts HTXSNV years), and Hướng dẫn 06-HD/TW is not where
	// "bốn tốt" comes from.
	for _, bad := range []string{"hoặc đạt “bốn tốt” đủ", "Theo Hướng dẫn 06-HD/TW: chi bộ trực thuộc đạt"} {
		if strings.Contains(text.String(), bad) {
			t.Errorf("2025 guide says %q", bad)
		}
	}
	old := write(t, Options{})
	if slices.Contains(old.GetSheetList(), "Lịch sử") {
		t.Error("hd17-2023 template has a Lịch sử sheet")
	}
	guide, _ = old.GetRows(GuideSheet)
	for _, r := range guide {
		if strings.Contains(strings.Join(r, " "), "Lịch sử") {
			t.Errorf("hd17-2023 guide mentions Lịch sử: %q", r)
		}
	}
}
