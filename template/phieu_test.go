package template_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/template"
	"github.com/bontot/bontot/workbook"
)

var phieuOpts = template.Options{Unit: "CB01", Name: "Chi bộ Văn phòng Sở", Type: criteria.CellGrassroots,
	Year: 2025, Upper: "Đảng ủy Khối các cơ quan tỉnh"}

func newPhieu(t *testing.T, opts template.Options) *excelize.File {
	t.Helper()
	return openWritten(t, template.WriteScoreForms, opts)
}

func readPhieu(t *testing.T, f *excelize.File, th criteria.Thresholds) *workbook.Result {
	t.Helper()
	path := filepath.Join(t.TempDir(), "phieu.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := workbook.Read([]string{path}, workbook.Options{Year: 2025, Criteria: &th})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res
}

// The form: Đơn vị, T1…T12, four thematic sheets; each with the header
// block filled in and one row per group of the criteria in force, its
// maximum beside it, and a Tổng cộng row adding the groups up.
func TestScoreFormLayout(t *testing.T) {
	p2025, _ := criteria.ProfileThresholds(criteria.Profile2025)
	for _, th := range []criteria.Thresholds{criteria.Default(), p2025} {
		opts := phieuOpts
		opts.Thresholds = th
		f := newPhieu(t, opts)
		want := append([]string{"Đơn vị"}, template.ScoreSheetNames()...)
		if got := f.GetSheetList(); !slices.Equal(got, want) || len(want) != 17 {
			t.Fatalf("sheets %q, want %q", got, want)
		}
		for _, c := range [][2]string{{"A1", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"}, {"A2", "CHI BỘ VĂN PHÒNG SỞ"}, {"A3", "Mã đơn vị: CB01"},
			{"C1", "ĐẢNG CỘNG SẢN VIỆT NAM"}, {"A5", "BẢNG ĐIỂM ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ"},
			{"A6", "Kỳ sinh hoạt thường kỳ tháng 3 năm 2025"}, {"B9", "Tiêu chí đánh giá"}, {"C9", "Thang điểm"}} {
			if v, _ := f.GetCellValue("T3", c[0]); v != c[1] {
				t.Errorf("T3!%s = %q, want %q", c[0], v, c[1])
			}
		}
		if v, _ := f.GetCellValue("Chuyên đề quý II", "A6"); v != "Sinh hoạt chuyên đề quý II năm 2025" {
			t.Errorf("thematic meeting line %q", v)
		}
		for g, gr := range th.ScoreGroups {
			row := 10 + g
			name, _ := f.GetCellValue("T1", fmt.Sprintf("B%d", row))
			scale, _ := f.GetCellValue("T1", fmt.Sprintf("C%d", row))
			if name != gr.Name || scale != fmt.Sprint(gr.Max) {
				t.Errorf("%d groups: row %d = %q %q, want %q %v", len(th.ScoreGroups), row, name, scale, gr.Name, gr.Max)
			}
		}
		total := 10 + len(th.ScoreGroups)
		if v, _ := f.GetCellValue("T1", fmt.Sprintf("B%d", total)); v != "Tổng cộng" {
			t.Errorf("row %d is %q, want Tổng cộng", total, v)
		}
		want1 := fmt.Sprintf(`IF(COUNT(D10:D%d)=0,"",SUM(D10:D%d))`, total-1, total-1)
		if got, _ := f.GetCellFormula("T1", fmt.Sprintf("D%d", total)); got != want1 {
			t.Errorf("total formula %q, want %q", got, want1)
		}
	}
}

// A form not filled in is sixteen blank forms, no meeting and no error.
func TestBlankScoreFormReadsAsNoMeeting(t *testing.T) {
	f := newPhieu(t, phieuOpts)
	res := readPhieu(t, f, criteria.Default())
	noProblems(t, res.Dataset.Problems, criteria.SeverityNote)
	if len(res.Dataset.Units) != 1 || len(res.Dataset.Units[0].Meetings) != 0 {
		t.Fatalf("units %d, meetings %v", len(res.Dataset.Units), res.Dataset.Units[0].Meetings)
	}
}

// Template → fill → evaluate: the secretary writes the day and the group
// scores of each meeting; the sheets read as the year's meetings, the
// upper committee's score deciding where it scored, and TC2 is met. The
// totals are formulas Excel computes; here nothing computes them, so the
// reader adds the groups itself, as for a form without a total.
func TestScoreFormRoundTrip(t *testing.T) {
	th := criteria.Default()
	f := newPhieu(t, phieuOpts)
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	good := []float64{18, 18, 17, 18, 19} // 90: tốt
	for m := 1; m <= 12; m++ {
		sh := fmt.Sprintf("T%d", m)
		set(sh, "A7", fmt.Sprintf("ngày %02d/%02d/2025", 10, m))
		s := good
		if m == 3 {
			s = []float64{18, 15, 12, 16, 15} // 76: khá
		}
		for g, v := range s {
			set(sh, fmt.Sprintf("D%d", 10+g), v)
		}
		if m == 5 { // the upper committee scores 82: its score decides
			for g, v := range []float64{18, 18, 10, 18, 18} {
				set(sh, fmt.Sprintf("E%d", 10+g), v)
			}
		}
	}
	for q, mo := range []int{2, 5, 8, 11} {
		sh := template.ScoreSheetNames()[12+q]
		set(sh, "A7", fmt.Sprintf("ngày 20 tháng %d năm 2025", mo))
		for g := range good {
			set(sh, fmt.Sprintf("D%d", 10+g), 19)
		}
	}
	res := readPhieu(t, f, th)
	noProblems(t, res.Dataset.Problems, criteria.SeverityNote, criteria.SeverityWarning)
	u := res.Dataset.Units[0]
	regular, thematic := 0, 0
	var scores []float64
	for _, m := range u.Meetings {
		if m.Kind == criteria.Thematic {
			thematic++
			continue
		}
		regular++
		scores = append(scores, m.Score)
	}
	if regular != 12 || thematic != 4 {
		t.Fatalf("%d regular, %d thematic meetings, want 12 and 4", regular, thematic)
	}
	nineties := 0
	for _, s := range scores {
		if s == 90 {
			nineties++
		}
	}
	if !slices.Contains(scores, 76) || !slices.Contains(scores, 82) || nineties != 10 {
		t.Errorf("regular scores %v, want 76 (March), 82 (May, the upper committee's) and 90 ten times", scores)
	}
	rep := criteria.Evaluate(res.Dataset, th, criteria.Options{})
	for _, ch := range rep.Units[0].Criteria[1].Checks {
		switch ch.ID {
		case "tc2.regular_count", "tc2.regular_good", "tc2.regular_no_weak", "tc2.thematic_count":
			if ch.Status != criteria.Met {
				t.Errorf("%s %s: %s", ch.ID, ch.Status, ch.Message)
			}
		}
	}
}

func TestScoreFormOnlyForACell(t *testing.T) {
	var buf bytes.Buffer
	for _, o := range []template.Options{{Year: 2025}, {Unit: "DB01", Name: "Đảng bộ", Type: criteria.Committee, Year: 2025}} {
		if err := template.WriteScoreForms(&buf, o); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
}

// TestScoreForm2025IsThePublishedSheet: `template --form phieu --profile
// 2025` prints the published eight-group sheet — groups I–VIII in its
// order, with its names and maxima, 100 in all — and a sheet filled on
// those maxima (preparation 10, principles 5) reads back without a
// problem, each group under its declared name.
func TestScoreForm2025IsThePublishedSheet(t *testing.T) {
	th, err := criteria.ProfileThresholds(criteria.Profile2025)
	if err != nil {
		t.Fatal(err)
	}
	opts := phieuOpts
	opts.Thresholds = th
	f := newPhieu(t, opts)
	want := [][3]string{
		{"I", "Chấp hành thời gian, thời lượng", "5"},
		{"II", "Tỉ lệ đảng viên dự sinh hoạt", "5"},
		{"III", "Công tác chuẩn bị", "10"},
		{"IV", "Tổ chức sinh hoạt chi bộ", "30"},
		{"V", "Công tác điều hành của Bí thư", "10"},
		{"VI", "Thực hiện nguyên tắc tổ chức, sinh hoạt đảng", "5"},
		{"VII", "Kết quả lãnh đạo thực hiện kết luận, nghị quyết", "30"},
		{"VIII", "Kết thúc sinh hoạt chi bộ", "5"},
		{"", "Tổng cộng", "100"},
	}
	for i, w := range want {
		for c, col := range []string{"A", "B", "C"} {
			if v, _ := f.GetCellValue("T1", fmt.Sprintf("%s%d", col, 10+i)); v != w[c] {
				t.Errorf("T1!%s%d = %q, want %q", col, 10+i, v, w[c])
			}
		}
	}

	full := []float64{5, 5, 10, 30, 10, 5, 30, 5}
	for m, sh := range template.ScoreSheetNames() {
		date := fmt.Sprintf("ngày 10/%02d/2025", m+1)
		if m >= 12 {
			date = fmt.Sprintf("ngày 20 tháng %d năm 2025", 3*(m-12)+2)
		}
		if err := f.SetCellValue(sh, "A7", date); err != nil {
			t.Fatal(err)
		}
		for g, v := range full {
			if m == 2 && g == 2 {
				v = 6 // March: preparation 6/10, 96 points
			}
			if err := f.SetCellValue(sh, fmt.Sprintf("D%d", 10+g), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	res := readPhieu(t, f, th)
	noProblems(t, res.Dataset.Problems)
	u := res.Dataset.Units[0]
	if len(u.Meetings) != 16 {
		t.Fatalf("%d meetings, want 16", len(u.Meetings))
	}
	march := u.Meetings[2]
	if march.Score != 96 || len(march.Groups) != 8 {
		t.Fatalf("March: %v points, groups %+v", march.Score, march.Groups)
	}
	for g, gr := range march.Groups {
		if gr.Name != want[g][1] || gr.Label != "nhóm "+want[g][0]+" "+want[g][1] || fmt.Sprint(gr.Max) != want[g][2] {
			t.Errorf("March group %d: %+v", g+1, gr)
		}
	}
	if march.Groups[2].Score != 6 {
		t.Errorf("March preparation %v, want 6", march.Groups[2].Score)
	}
}

// TestScoreFormSignedNextMonth (SPEC §4, score sheets): the form filled in and
// signed in the next month — the signing line "Hà Nội, ngày 05 tháng 4
// năm 2025" in the signature block, and again written by hand beside the
// party heading above the meeting line, as the form used to lay it out —
// still reads every meeting in its own month; December stays in the year.
func TestScoreFormSignedNextMonth(t *testing.T) {
	for _, above := range []bool{false, true} {
		f := newPhieu(t, phieuOpts)
		set := func(sheet, cell string, v any) {
			t.Helper()
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
		// The signing line sits in column D on the row after Xếp loại.
		rows, _ := f.GetRows("T1")
		signRow := 0
		for r, row := range rows {
			if len(row) > 3 && row[3] != "" && row[3] != "T/M CHI ỦY\nBÍ THƯ\n(ký, ghi rõ họ tên)" && r > 9 && row[1] == "" {
				signRow = r + 1
			}
		}
		if v, _ := f.GetCellValue("T1", fmt.Sprintf("D%d", signRow)); signRow == 0 || !strings.Contains(v, ", ngày … tháng … năm …") {
			t.Fatalf("no signing line below the table: row %d %q", signRow, v)
		}
		for m := 1; m <= 12; m++ {
			sh := fmt.Sprintf("T%d", m)
			set(sh, "A7", fmt.Sprintf("Thời gian sinh hoạt: ngày 28/%d/2025", m))
			y, next := 2025, m+1
			if next == 13 {
				y, next = 2026, 1
			}
			signing := fmt.Sprintf("Hà Nội, ngày 05 tháng %d năm %d", next, y)
			set(sh, fmt.Sprintf("D%d", signRow), signing)
			if above {
				set(sh, "C2", signing)
			}
			for g := range 5 {
				set(sh, fmt.Sprintf("D%d", 10+g), 18)
			}
		}
		res := readPhieu(t, f, criteria.Default())
		noProblems(t, res.Dataset.Problems, criteria.SeverityNote)
		u := res.Dataset.Units[0]
		if len(u.Meetings) != 12 {
			t.Fatalf("above=%v: %d meetings", above, len(u.Meetings))
		}
		for i, m := range u.Meetings {
			if m.Date != time.Date(2025, time.Month(i+1), 28, 0, 0, 0, 0, time.UTC) || m.Kind != criteria.Regular || m.Score != 90 {
				t.Errorf("above=%v: %s dated %s kind %v score %v", above, m.Source.Sheet(), m.Date.Format("02/01/2006"), m.Kind, m.Score)
			}
		}
	}
}

// A band of a criteria file with decimals (good from 89.5) is written in
// the Xếp loại formula as the file format writes numbers: "89,5" would
// make the IF take 89 and 5 for two arguments.
func TestScoreFormDecimalBand(t *testing.T) {
	opts := phieuOpts
	opts.Thresholds = criteria.Default()
	opts.Thresholds.MeetingGood, opts.Thresholds.MeetingFair = 89.5, 69.75
	f := newPhieu(t, opts)
	rows, err := f.GetRows("T1")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for r, row := range rows {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			formula, _ := f.GetCellFormula("T1", cell)
			if !strings.Contains(formula, `"Tốt"`) {
				continue
			}
			found = true
			if !strings.Contains(formula, ">=89.5,") || !strings.Contains(formula, ">=69.75,") || strings.Contains(formula, "89,5") {
				t.Errorf("T1!%s = %s, want the bands 89.5 and 69.75 written with a dot", cell, formula)
			}
		}
	}
	if !found {
		t.Fatal("no Xếp loại formula on T1")
	}
}
