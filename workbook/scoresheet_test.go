package workbook

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

func phieu(name string) string { return filepath.Join("..", "testdata", "phieu", name) }

func meetingSummary(u *criteria.Unit) []string {
	var out []string
	for _, m := range u.Meetings {
		kind := "TK"
		if m.Kind == criteria.Thematic {
			kind = "CĐ"
		}
		out = append(out, m.Source.Sheet()+" "+kind+" "+m.Date.Format("02/01")+" "+criteria.FormatNumber(m.Score))
	}
	return out
}

// TestScoreSheetWorkbooks reads the generated score-sheet workbooks of
// testdata/phieu: sixteen meetings dated from the header block, thematic
// by their title, the upper committee's score deciding where it is
// filled, its gap of 14 points in May a warning only where the profile
// sets upper_score_gap, and the groups named after the declared ones.
func TestScoreSheetWorkbooks(t *testing.T) {
	res := readOne(t, phieu("phieu-cham.xlsx"), readOptions(profileGroups(t, criteria.Profile2025)))
	u := res.Dataset.Units[0]
	got := meetingSummary(u)
	if len(got) != 16 || got[0] != "T1 TK 12/01 95" || got[2] != "T3 TK 12/03 87" || got[4] != "T5 TK 13/05 82" ||
		got[12] != "Chuyên đề quý I CĐ 20/02 95" || got[15] != "Chuyên đề quý IV CĐ 20/11 95" {
		t.Errorf("meetings:\n%s", strings.Join(got, "\n"))
	}
	if !u.Sheets.Has(criteria.SheetMeetings) || u.HasErrors {
		t.Errorf("sheets %v, errors %v", u.Sheets, u.HasErrors)
	}
	t3 := u.Meetings[2]
	// The common form's five rows take the names of the 2025 groups they
	// are (its own maxima kept); "KẾT QUẢ SINH HOẠT" is no group of that
	// sheet (VII is the results of leading the resolutions) and keeps its text.
	if !t3.ScoreSheet || len(t3.Groups) != 5 || t3.Groups[2].Label != "nhóm III Tổ chức sinh hoạt chi bộ" || t3.Groups[2].Score != 30 || t3.Groups[2].Max != 40 ||
		t3.Groups[0].Max != 10 || t3.Groups[3].Name != "Thực hiện nguyên tắc tổ chức, sinh hoạt đảng" || t3.Groups[4].Name != "Kết quả sinh hoạt" {
		t.Errorf("T3 groups %+v", t3.Groups)
	}
	want := []string{"T5!E20 warning: Cấp ủy viên cấp trên chấm 82 chênh 14 điểm so với điểm chi bộ tự chấm 96 (quá 10 điểm); bontot tính theo điểm cấp trên"}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	res = readOne(t, phieu("phieu-cham.xlsx"), readOptions(profileGroups(t, criteria.ProfileHD17)))
	if got := problemLines(res); len(got) != 0 || len(res.Dataset.Units[0].Meetings) != 16 {
		t.Errorf("hd17-2023: %v", got)
	}

	// Without the upper committee's column: the chi bộ's own scores.
	res = readOne(t, phieu("phieu-chi-bo-cham.xlsx"), readOptions(profileGroups(t, criteria.Profile2025)))
	got = meetingSummary(res.Dataset.Units[0])
	if len(got) != 16 || got[0] != "T1 TK 12/01 96" || got[4] != "T5 TK 13/05 96" || got[6] != "T7 TK 12/07 92" || len(problemLines(res)) != 0 {
		t.Errorf("own scores:\n%s\n%v", strings.Join(got, "\n"), problemLines(res))
	}

	// A total row 2 points off: an error naming its cell; the meeting is
	// left out and the unit has a data error.
	res = readOne(t, phieu("phieu-tong-sai.xlsx"), Options{})
	want = []string{"T4!D20 score.total_mismatch"}
	if got := problemCodes(t, res); !slices.Equal(got, want) || len(res.Dataset.Units[0].Meetings) != 15 || !res.Dataset.Units[0].HasErrors {
		t.Errorf("bad total: %v, %d meetings", got, len(res.Dataset.Units[0].Meetings))
	}

	// A sheet with no date anywhere: an error naming the sheet.
	res = readOne(t, phieu("phieu-khong-ngay.xlsx"), Options{})
	if got := problemCodes(t, res); !slices.Equal(got, []string{"Sinh hoạt bổ sung! scoresheet.no_date"}) {
		t.Errorf("unknown date: %v", got)
	}

	// The blank forms: no meeting held yet, one note naming them.
	res = readOne(t, phieu("phieu-trong.xlsx"), Options{Year: 2024})
	if n := len(res.Dataset.Units[0].Meetings); n != 0 || !res.Dataset.Units[0].Sheets.Has(criteria.SheetMeetings) {
		t.Errorf("blank forms gave %d meetings", n)
	}
	if got := problemCodes(t, res); !slices.Equal(got, []string{"T1! scoresheet.blank"}) || !strings.HasPrefix(res.Dataset.Problems[0].Message, "16 phiếu chấm điểm chưa có điểm (T1, T2,") {
		t.Errorf("blank: %v", got)
	}
}

// formSheet is a score sheet as offices vary it: the rows of its table
// under a header block.
func formSheet(name string, block []any, head []any, table ...[]any) sheet {
	rows := [][]any{{"ĐẢNG BỘ KHỐI", nil, "ĐẢNG CỘNG SẢN VIỆT NAM"}}
	for _, b := range block {
		rows = append(rows, []any{b})
	}
	rows = append(rows, []any{}, head)
	rows = append(rows, table...)
	return sheet{name, rows}
}

// TestScoreSheetVariants reads real-form variants: "Điểm chuẩn" for Thang
// điểm, "Cộng" for the total row, no TT column (the numeral before the
// text), scores only on sub-criteria, a month and year instead of a day,
// the month from the sheet name, the unit from "Mã đơn vị: …"; and its
// errors speak the form's language, naming the bands a Xếp loại may be.
func TestScoreSheetVariants(t *testing.T) {
	units := unitsSheet([]any{"CB01", "Chi bộ Một", "Chi bộ cơ sở"}, []any{"CB02", "Chi bộ Hai", "Chi bộ cơ sở"})
	head := []any{"TT", "Nội dung", "Điểm chuẩn", "Chi bộ chấm"}
	path := writeBook(t, t.TempDir(), "b.xlsx", units,
		sheet{"Sinh hoạt", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}, {"CB02", "05/02/2024", "Thường kỳ", 90}}},
		// Sub-criteria carry the scores; "Cộng" is the total; the month
		// and year stand in the title.
		formSheet("Tháng 3", []any{"Mã đơn vị: CB01", "BẢNG ĐIỂM SINH HOẠT CHI BỘ tháng 3 năm 2024"}, head,
			[]any{"I", "Tỉ lệ đảng viên dự sinh hoạt chi bộ", 10, 10},
			[]any{"II", "Công tác chuẩn bị", 15},
			[]any{1, "Chuẩn bị nội dung", 10, 9},
			[]any{2, "Thông báo", 5, 5},
			[]any{"III", "Tổ chức sinh hoạt chi bộ", 40, 36},
			[]any{"IV", "Thực hiện nguyên tắc tổ chức sinh hoạt đảng", 15, 15},
			[]any{"V", "Kết quả sinh hoạt", 20, 20},
			[]any{nil, "Cộng", 100, 95},
			[]any{},
			[]any{nil, "Xếp loại: Khá"}),
		// Group over its scale, written as the form says it.
		formSheet("T4", []any{"Mã đơn vị: CB01", "ngày 10/4/2024"}, head,
			[]any{"I", "Tỷ lệ đảng viên tham gia", 10, 10},
			[]any{"II", "Chuẩn bị", 15, 18},
			[]any{"III", "Tổ chức", 40, 30},
			[]any{"IV", "Nguyên tắc", 15, 15},
			[]any{"V", "Kết quả", 20, 20},
			[]any{nil, "Tổng điểm", 100, 93}),
		// No TT column; the month from the sheet's name; no unit written
		// in a workbook of two units.
		formSheet("T5", nil, []any{"Tiêu chí đánh giá", "Thang điểm", "Điểm tự chấm"},
			[]any{"I. Tỷ lệ tham gia", 20, 20},
			[]any{"II. Nội dung", 80, 70},
			[]any{"Tổng cộng", 100, 90},
			[]any{},
			[]any{"Xếp loại: Tạm được"}),
		// The same meeting as the Sinh hoạt row of CB02.
		formSheet("T2", []any{"Mã đơn vị: CB02", "Kỳ sinh hoạt ngày 05/02/2024"}, head,
			[]any{"I", "Tỷ lệ", 100, 90},
			[]any{nil, "Tổng cộng", 100, 90}),
		sheet{"Ghi chép", [][]any{{"Họp chi ủy"}}},
	)
	res := readOne(t, path, Options{Year: 2024})
	want := []string{
		"Sinh hoạt! meeting.duplicate",
		"Tháng 3!B15 scoresheet.rating_mismatch",
		"T4!D7 score.over_scale",
		"T5! scoresheet.no_unit",
		"T5!A8 scoresheet.bad_rating",
		"T2! meeting.duplicate",
		"Ghi chép! sheet.not_read",
	}
	if got := problemCodes(t, res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A meeting recorded twice names the other place, in either direction;
	// a Xếp loại not read asks for the bands as the criteria name them.
	for i, want := range map[int]string{
		4: `T5!A8 warning: Xếp loại "Tạm được" không đọc được; cần Tốt, Khá, Trung bình hoặc Kém`,
		0: `Sinh hoạt! error: Dòng 2 ghi buổi sinh hoạt thường kỳ ngày 05/02/2024 của CB02, đã ghi ở b.xlsx › T2; mỗi buổi chỉ ghi một lần (phiếu chấm điểm hoặc dòng Sinh hoạt)`,
		5: `T2! error: Phiếu chấm điểm này ghi buổi sinh hoạt thường kỳ ngày 05/02/2024 của CB02, đã ghi ở b.xlsx › Sinh hoạt dòng 2; mỗi buổi chỉ ghi một lần (phiếu chấm điểm hoặc dòng Sinh hoạt)`,
	} {
		if got := problemLines(res); i >= len(got) || got[i] != want {
			t.Errorf("problem %d: %q, want %q", i, got, want)
		}
	}
	cb1, cb2 := res.Dataset.Units[0], res.Dataset.Units[1]
	if got := meetingSummary(cb1); !slices.Equal(got, []string{"Tháng 3 TK 01/03 95"}) || !cb1.Meetings[0].MonthOnly || !cb1.HasErrors {
		t.Errorf("CB01: %v", got)
	}
	if g := cb1.Meetings[0].Groups; len(g) != 5 || g[1].Score != 14 || g[1].Max != 15 || g[0].Name != "Tỷ lệ đảng viên tham gia" || g[2].Label != "nhóm III Tổ chức" {
		t.Errorf("CB01 groups %+v", g)
	}
	if got := meetingSummary(cb2); !slices.Equal(got, []string{"Sinh hoạt TK 05/02 90"}) || !cb2.HasErrors {
		t.Errorf("CB02: %v", got)
	}

	// One unit: the sheet needs no Mã đơn vị, and the month of a sheet
	// named "T5" takes the evaluation year.
	path = writeBook(t, t.TempDir(), "c.xlsx", oneCell(),
		formSheet("T5", nil, []any{"Tiêu chí đánh giá", "Thang điểm", "Điểm tự chấm"},
			[]any{"I. Tỷ lệ tham gia", 20, 20},
			[]any{"II. Nội dung", 80, 70},
			[]any{"Tổng cộng", 100, 90}))
	res = readOne(t, path, Options{Year: 2024})
	u := res.Dataset.Units[0]
	if len(u.Meetings) != 1 || u.Meetings[0].Date != time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC) || len(problemLines(res)) != 0 {
		t.Errorf("T5 alone: %v %v", meetingSummary(u), problemLines(res))
	}
	if g := u.Meetings[0].Groups; len(g) != 2 || g[1].Label != `nhóm II Nội dung` || g[0].Name != "Tỷ lệ đảng viên tham gia" {
		t.Errorf("groups of a sheet with its own groups: %+v", g)
	}
}

// FuzzScoreSheet: whatever a sheet holds, reading it as a score sheet
// never panics, and a sheet read as one records at most one meeting of
// each kind (two: a regular meeting held with the thematic one).
func FuzzScoreSheet(f *testing.F) {
	f.Add("Mã đơn vị: CB01\nngày 12/3/2024\nTT\tTiêu chí đánh giá\tThang điểm\tChi bộ chấm\tCấp trên chấm\nI\tTỷ lệ\t10\t10\t9\nII\tChuẩn bị\t90\n1\tx\t50\t40\n2\ty\t40\t\t38\n\tTổng cộng\t100\t90\t85\n\tXếp loại: Tốt")
	f.Add("TT\tNội dung\tĐiểm\n\t\tThang điểm\tChi ủy chấm\nI. A\t\t100\t101\nCộng\t\tabc\t-1")
	f.Add("Tiêu chí\tĐiểm chuẩn\tĐiểm đạt\nV\t\t\nXếp loại\tKhá")
	f.Add("Hà Nội, ngày 05 tháng 4 năm 2024\nKỳ sinh hoạt: thường kỳ tháng 3 năm 2024, kết hợp sinh hoạt chuyên đề quý I\nThời gian: ngày 05/03/2024\nTT\tNội dung tiêu chí\tĐiểm tối đa\tĐiểm chi bộ tự chấm\tCấp ủy cấp trên thẩm định\n1\tA (40 điểm)\t\n1.1\tx\t40\t30\t30\n2\tB\t60\t50\ni\ty\t\t\t\nTổng cộng\t\t100\t80")
	// Group scores kept (a full-marks gate) and a gap warning, so that
	// every path of the reader runs.
	th := criteria.Default()
	th.FullMarksGroups = []string{"Nguyên tắc"}
	th.UpperScoreGap = 5
	f.Fuzz(func(t *testing.T, text string) {
		rows := fuzzRows(text)
		cols, ok := findScoreHeader(rows)
		if !ok {
			return
		}
		fd := fuzzFile(&th)
		s := &scoreSheet{fd: fd, name: "T3", rows: rows, cols: cols, total: -1, rating: -1, numbering: -1}
		s.table()
		_, n := s.read()
		if len(fd.rows) > 2 || (len(fd.rows) == 2 && n != 2) {
			t.Errorf("%d meetings from one sheet (%d reported)", len(fd.rows), n)
		}
	})
}

// TestScoreSheetHeaderCells: the unit and the date in cells of their own
// ("Mã đơn vị:" | CB02, "Ngày sinh hoạt:" | a real date), a row of column
// numbers under the header, a Xếp loại left as dots, and under a
// full-marks gate a note for the groups no declaration matches.
func TestScoreSheetHeaderCells(t *testing.T) {
	units := unitsSheet([]any{"CB01", "Chi bộ Một", "Chi bộ cơ sở"}, []any{"CB02", "Chi bộ Hai", "Chi bộ cơ sở"})
	path := writeBook(t, t.TempDir(), "b.xlsx", units,
		sheet{"Chuyên đề quý II", [][]any{
			{"Mã đơn vị:", "CB02"},
			{"Ngày sinh hoạt:", date(2024, 5, 20)},
			{},
			{"STT", "Tiêu chí", "Thang điểm", "Chi bộ chấm"},
			{"(1)", "(2)", "(3)", "(4)"},
			{"I", "Tỷ lệ tham gia", 20, 20},
			{"II", "Nội dung chuyên đề", 80, 75},
			{nil, "Tổng cộng", 100, 95},
			{nil, "Xếp loại: ………"},
		}})
	th := criteria.Default()
	th.FullMarksGroups = []string{"Nguyên tắc"}
	res := readOne(t, path, readOptions(th))
	cb2 := res.Dataset.Units[1]
	if got := meetingSummary(cb2); !slices.Equal(got, []string{"Chuyên đề quý II CĐ 20/05 95"}) {
		t.Errorf("CB02: %v %v", got, problemLines(res))
	}
	want := []string{`Chuyên đề quý II! note: Không khớp nhóm nào của tiêu chí đang áp dụng: nhóm II "Nội dung chuyên đề"; vẫn đọc theo thang điểm của phiếu`}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	// Under the gate the meeting, 95 without a score for Nguyên tắc, is khá.
	if q := cb2.Meetings[0].Quality(th); q != criteria.QualityFair {
		t.Errorf("gate: %v", q)
	}
}

// TestSameMeetingOnTwoScoreSheets: two score sheets of one month, one
// dated and one dated only by its name, are one meeting written twice.
func TestSameMeetingOnTwoScoreSheets(t *testing.T) {
	head := []any{"TT", "Tiêu chí đánh giá", "Thang điểm", "Chi bộ chấm"}
	table := [][]any{{"I", "Tỷ lệ", 100, 92}, {nil, "Tổng cộng", 100, 92}}
	path := writeBook(t, t.TempDir(), "b.xlsx", oneCell(),
		formSheet("T3", nil, head, table...),
		formSheet("Tháng 3 (bản 2)", []any{"ngày 14/3/2024"}, head, table...),
		formSheet("T4", []any{"ngày 14/4/2024"}, head, table...))
	res := readOne(t, path, Options{Year: 2024})
	want := []string{
		`T3! error: Phiếu chấm điểm này ghi buổi sinh hoạt thường kỳ tháng 3/2024 của CB01, đã ghi ở b.xlsx › Tháng 3 (bản 2); mỗi buổi chỉ ghi một lần (phiếu chấm điểm hoặc dòng Sinh hoạt)`,
		`Tháng 3 (bản 2)! error: Phiếu chấm điểm này ghi buổi sinh hoạt thường kỳ tháng 3/2024 của CB01, đã ghi ở b.xlsx › T3; mỗi buổi chỉ ghi một lần (phiếu chấm điểm hoặc dòng Sinh hoạt)`,
	}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	if u := res.Dataset.Units[0]; len(u.Meetings) != 2 || !u.HasErrors {
		t.Errorf("meetings %v", meetingSummary(u))
	}
}

// TestScoreSheetMergedScorerHeader: "Chi bộ" and "Cấp trên" under a
// "Điểm chấm" merged over both are the two scorers.
func TestScoreSheetMergedScorerHeader(t *testing.T) {
	path := writeBook(t, t.TempDir(), "b.xlsx", oneCell(), sheet{"T6", [][]any{
		{"ngày 11/6/2024"},
		{"TT", "Tiêu chí đánh giá", "Thang điểm", "Điểm chấm"},
		{nil, nil, nil, "Chi bộ", "Cấp trên"},
		{"I", "Tỷ lệ", 40, 40, 35},
		{"II", "Kết quả", 60, 55, 55},
		{nil, "Tổng cộng", 100, 95, 90},
	}})
	res := readOne(t, path, Options{Year: 2024})
	u := res.Dataset.Units[0]
	if len(u.Meetings) != 1 || u.Meetings[0].Score != 90 || len(problemLines(res)) != 0 {
		t.Errorf("%v %v", meetingSummary(u), problemLines(res))
	}
}

// TestBlankFormFilledIn: the blank forms of testdata/phieu, filled in by
// hand as a secretary does (the day written over the dots, the chi bộ's
// scores on the groups and sub-criteria, the Tổng cộng left blank: the
// groups' sum is the score), are read as the year's meetings.
func TestBlankFormFilledIn(t *testing.T) {
	f, err := excelize.OpenFile(phieu("phieu-trong.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for m := 1; m <= 12; m++ {
		sh := fmt.Sprintf("T%d", m)
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		must(f.SetCellValue(sh, "A7", fmt.Sprintf("ngày %d/%d/2024", 10, m)))
		// Full marks on every row with a scale but the group rows that
		// have sub-criteria; nhóm V loses 5 points in odd months.
		rows, err := f.GetRows(sh)
		must(err)
		for r, row := range rows {
			if r < 9 || len(row) < 3 || row[2] == "" || row[1] == "Tổng cộng" {
				continue
			}
			if len(row) > 0 && (row[0] == "II" || row[0] == "III") {
				continue
			}
			v := row[2]
			if row[0] == "V" && m%2 == 1 {
				v = "15"
			}
			must(f.SetCellValue(sh, fmt.Sprintf("D%d", r+1), v))
		}
	}
	path := filepath.Join(t.TempDir(), "filled.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res := readOne(t, path, Options{})
	u := res.Dataset.Units[0]
	got := meetingSummary(u)
	if len(got) != 12 || got[0] != "T1 TK 10/01 95" || got[1] != "T2 TK 10/02 100" || res.Dataset.Year != 2024 || u.HasErrors {
		t.Errorf("filled forms:\n%s\n%s", strings.Join(got, "\n"), strings.Join(problemLines(res), "\n"))
	}
	// The four thematic forms are still blank: one note names them.
	if p := problemLines(res); len(p) != 1 || !strings.Contains(p[0], "4 phiếu chấm điểm chưa có điểm (Chuyên đề quý I") {
		t.Errorf("notes: %v", p)
	}
}

// TestScoreSummaryIsNoScoreSheet: a sheet with Thang điểm and scorer
// columns but no Roman-numeral groups (a summary of the year) is not read
// as a meeting: it gets a note saying why.
func TestScoreSummaryIsNoScoreSheet(t *testing.T) {
	path := writeBook(t, t.TempDir(), "b.xlsx", oneCell(), sheet{"Tổng hợp điểm", [][]any{
		{"Tháng", "Thang điểm", "Chi bộ chấm"},
		{1, 100, 95},
		{2, 100, 90},
		{"Tổng cộng", 200, 185},
	}})
	res := readOne(t, path, Options{Year: 2024})
	want := []string{`Tổng hợp điểm! note: Sheet "Tổng hợp điểm" có cột Thang điểm nhưng không có nhóm tiêu chí đánh số I, II, III… nên không được đọc như phiếu chấm điểm một buổi sinh hoạt`}
	if got := problemLines(res); !slices.Equal(got, want) || len(res.Dataset.Units[0].Meetings) != 0 || res.Dataset.Units[0].Sheets.Has(criteria.SheetMeetings) {
		t.Errorf("%v", got)
	}
}
