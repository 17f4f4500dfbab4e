package workbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

func profileGroups(t *testing.T, name string) criteria.Thresholds {
	t.Helper()
	th, err := criteria.ProfileThresholds(name)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func readOptions(th criteria.Thresholds) Options {
	return Options{Year: 2024, Criteria: &th}
}

func oneCell() sheet {
	return unitsSheet([]any{"CB01", "Chi bộ Một", "Chi bộ cơ sở"})
}

// TestDeclaredGroupsInSinhHoat: the eight groups of the published 2025
// sheet are found by the spellings offices write ("Chấp hành thời gian",
// "Tỷ lệ" for "Tỉ lệ", "Kết quả lãnh đạo", "Kết thúc sinh hoạt", "Điểm
// đạt" for the total), each checked against its own maximum (preparation
// 10 accepted, 11 refused), and kept for the gate; the same sheet under
// hd17-2023 is read by the eight groups it names, with a note, not
// refused row by row for lacking the five of Hướng dẫn 12.
func TestDeclaredGroupsInSinhHoat(t *testing.T) {
	th := profileGroups(t, criteria.Profile2025)
	th.FullMarksGroups = []string{"Công tác điều hành của Bí thư"}
	head := []any{"Ngày", "Loại", "Chấp hành thời gian", "Tỷ lệ đảng viên dự sinh hoạt chi bộ", "Công tác chuẩn bị", "Tổ chức sinh hoạt chi bộ",
		"Công tác điều hành của Bí thư", "Thực hiện nguyên tắc", "Kết quả lãnh đạo", "Kết thúc sinh hoạt", "Điểm đạt"}
	path := writeBook(t, t.TempDir(), "b.xlsx", oneCell(), sheet{"Sinh hoạt", [][]any{head,
		{"10/01/2024", "Thường kỳ", 5, 5, 10, 30, 10, 5, 30, 5, 100},
		{"10/02/2024", "Thường kỳ", 5, 5, 10, 28, 9, 5, 27, 5, 94},
		{"10/03/2024", "Thường kỳ", 5, 5, 11, 30, 10, 5, 30, 5},
		{"10/04/2024", "Thường kỳ", 5, 5, 10, 30, 10, 5, 30},
	}})
	res := readOne(t, path, readOptions(th))
	u := res.Dataset.Units[0]
	if len(u.Meetings) != 2 || u.Meetings[1].Score != 94 || len(u.Meetings[1].Groups) != 8 {
		t.Fatalf("meetings %+v\n%s", u.Meetings, strings.Join(problemLines(res), "\n"))
	}
	g := u.Meetings[1].Groups[4]
	if g.Name != "Công tác điều hành của Bí thư" || g.Score != 9 || g.Max != 10 {
		t.Errorf("group 5: %+v", g)
	}
	if u.Meetings[1].Quality(th) != criteria.QualityFair || u.Meetings[0].Quality(th) != criteria.QualityGood {
		t.Errorf("gate: %v %v", u.Meetings[0].Quality(th), u.Meetings[1].Quality(th))
	}
	want := []string{
		`Sinh hoạt!E4 error: Công tác chuẩn bị 11 ngoài khoảng 0–10`,
		`Sinh hoạt!C5 error: Điểm nhóm chưa đủ: thiếu "Kết thúc sinh hoạt"; cần đủ 8 nhóm hoặc bỏ trống cả 8 và ghi Điểm`,
	}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Under hd17-2023 the same header also names four of the five groups
	// of Hướng dẫn 12 (no Tổ chức), but all eight of the 2025 sheet: it is
	// read by the eight, the same meetings and errors, plus one note.
	res = readOne(t, path, readOptions(profileGroups(t, criteria.ProfileHD17)))
	note := "Sinh hoạt! note: Sheet ghi điểm theo 8 nhóm của phiếu điểm năm 2025"
	got := problemLines(res)
	if len(res.Dataset.Units[0].Meetings) != 2 || len(got) != 3 || !strings.HasPrefix(got[0], note) || !slices.Equal(got[1:], want) {
		t.Errorf("hd17-2023: %d meetings\n%s", len(res.Dataset.Units[0].Meetings), strings.Join(got, "\n"))
	}
	// A sheet that names only some groups of either sheet is still refused
	// row by row under hd17-2023: nothing says which sheet it was kept to.
	partial := writeBook(t, t.TempDir(), "p.xlsx", oneCell(), sheet{"Sinh hoạt", [][]any{append(head[:9:9], "Điểm đạt"), {"10/01/2024", "Thường kỳ", 5, 5, 10, 30, 10, 5, 30, 95}}})
	res = readOne(t, partial, readOptions(profileGroups(t, criteria.ProfileHD17)))
	if len(res.Dataset.Units[0].Meetings) != 0 || !strings.Contains(strings.Join(problemLines(res), "\n"), `thiếu "Tổ chức"; cần đủ 5 nhóm`) {
		t.Errorf("hd17-2023, seven of eight groups:\n%s", strings.Join(problemLines(res), "\n"))
	}
}

// TestHD12SheetUnderOtherGroups: a Sinh hoạt sheet kept to the five groups
// of Hướng dẫn 12 is read by them under the 2025 profile, with a note; a
// group over 20 is still an error.
func TestHD12SheetUnderOtherGroups(t *testing.T) {
	path := writeBook(t, t.TempDir(), "b.xlsx", oneCell(), sheet{"Sinh hoạt", [][]any{
		{"Ngày", "Loại", "Tỷ lệ đảng viên tham gia", "Chuẩn bị", "Tổ chức", "Nguyên tắc", "Kết quả"},
		{"10/01/2024", "Thường kỳ", 20, 18, 18, 18, 18},
		{"10/02/2024", "Thường kỳ", 20, 21, 18, 18, 18},
	}})
	res := readOne(t, path, readOptions(profileGroups(t, criteria.Profile2025)))
	u := res.Dataset.Units[0]
	if len(u.Meetings) != 1 || u.Meetings[0].Score != 92 {
		t.Errorf("meetings %+v", u.Meetings)
	}
	got := problemLines(res)
	if len(got) != 2 || !strings.HasPrefix(got[0], "Sinh hoạt! note: Sheet ghi điểm theo 5 nhóm của Hướng dẫn 12-HD/BTCTW (mỗi nhóm tối đa 20 điểm), không theo 8 nhóm của tiêu chí đang áp dụng (Chấp hành thời gian, thời lượng 5; Tỉ lệ đảng viên dự sinh hoạt 5; Công tác chuẩn bị 10;") ||
		got[1] != "Sinh hoạt!D3 error: Chuẩn bị 21 ngoài khoảng 0–20" {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
}

// TestUpperCommitteeScore: where the upper committee scored the meeting
// its score decides; a gap over upper_score_gap is a warning naming its
// cell, a gap of exactly the setting is not, and a gap of 0 (hd17-2023)
// never warns.
func TestUpperCommitteeScore(t *testing.T) {
	path := writeBook(t, t.TempDir(), "b.xlsx", oneCell(), sheet{"Sinh hoạt", [][]any{
		{"Ngày", "Loại", "Tổng điểm", "Cấp ủy viên cấp trên chấm"},
		{"10/01/2024", "Thường kỳ", 95, 85},
		{"10/02/2024", "Thường kỳ", 95, 84.5},
		{"10/03/2024", "Thường kỳ", nil, 80},
		{"10/04/2024", "Thường kỳ", 90, 101},
	}})
	res := readOne(t, path, readOptions(profileGroups(t, criteria.Profile2025)))
	var scores []float64
	for _, m := range res.Dataset.Units[0].Meetings {
		scores = append(scores, m.Score)
	}
	if !slices.Equal(scores, []float64{85, 84.5, 80}) {
		t.Errorf("scores %v", scores)
	}
	want := []string{
		"Sinh hoạt!D3 warning: Cấp ủy viên cấp trên chấm 84,5 chênh 10,5 điểm so với điểm chi bộ tự chấm 95 (quá 10 điểm); bontot tính theo điểm cấp trên",
		"Sinh hoạt!D5 error: Cấp ủy viên cấp trên chấm 101 ngoài khoảng 0–100",
	}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	res = readOne(t, path, readOptions(profileGroups(t, criteria.ProfileHD17)))
	if got := problemLines(res); len(got) != 1 || !strings.Contains(got[0], "101") {
		t.Errorf("hd17-2023 warns of no gap: %v", got)
	}
}
