package workbook

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
)

// publishedHeads2025 are the group columns of a Sinh hoạt sheet headed as
// the published 2025 score sheet heads its groups: numbered, with the
// maximum beside the name.
var publishedHeads2025 = []string{
	"I. Chấp hành thời gian, thời lượng (5 điểm)",
	"II. Tỉ lệ đảng viên dự sinh hoạt (5 điểm)",
	"III. Công tác chuẩn bị (10 điểm)",
	"IV. Tổ chức sinh hoạt chi bộ (30 điểm)",
	"V. Công tác điều hành của Bí thư (10 điểm)",
	"VI. Thực hiện nguyên tắc tổ chức, sinh hoạt đảng (5 điểm)",
	"VII. Kết quả lãnh đạo thực hiện kết luận, nghị quyết (30 điểm)",
	"VIII. Kết thúc sinh hoạt chi bộ (5 điểm)",
}

// TestPublishedHeadersFindOneGroup: every header an office writes for a
// group of the published 2025 sheet — the sheet's own, numbered and with
// its maximum, in capitals, "Tỷ lệ" for "Tỉ lệ", with or without "chi
// bộ", cut short — finds that group and no other; "Kết quả" and "Kết
// thúc", "Tổ chức sinh hoạt" and the principles' "tổ chức, sinh hoạt
// đảng" stay apart.
func TestPublishedHeadersFindOneGroup(t *testing.T) {
	groups := criteria.Sheet2025ScoreGroups()
	idx := meetingHeaders(groups)
	heads := map[string]int{}
	for i, h := range publishedHeads2025 {
		heads[h] = i
		heads[strings.ToUpper(h)] = i
	}
	for i, g := range groups {
		for _, s := range append([]string{g.Name}, g.Spellings...) {
			heads[s] = i
			heads[romanNumeralOf(i+1)+". "+s+" ("+criteria.FormatNumber(g.Max)+" điểm)"] = i
		}
	}
	for text, want := range map[string]int{
		"Chấp hành thời gian": 0, "Tỷ lệ đảng viên dự sinh hoạt chi bộ": 1, "Tỉ lệ đảng viên dự sinh hoạt chi bộ": 1,
		"Tỷ lệ tham gia": 1, "Công tác chuẩn bị": 2, "Tổ chức sinh hoạt": 3, "Tổ chức sinh hoạt chi bộ": 3,
		"Công tác điều hành": 4, "Thực hiện nguyên tắc tổ chức, sinh hoạt Đảng": 5, "Kết quả lãnh đạo": 6,
		"Kết thúc sinh hoạt": 7, "Kết thúc sinh hoạt chi bộ": 7,
	} {
		heads[text] = want
	}
	for text, want := range heads {
		key, _ := idx.match(text)
		if key != schema.GroupKey(want) {
			t.Errorf("%q finds %q, want group %d (%s)", text, key, want+1, schema.GroupKey(want))
		}
	}
	for _, text := range []string{"Kết quả", "Tổ chức", "Sinh hoạt chi bộ", "Nội dung sinh hoạt"} {
		if key, _ := idx.match(text); key != "" {
			t.Errorf("%q finds %q; it names no group of the sheet", text, key)
		}
	}
}

func romanNumeralOf(n int) string {
	return [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII"}[n]
}

// TestPublishedSheetEvaluates2025: a Sinh hoạt sheet
// scored on the published maxima (preparation 10, principles 5) under the
// sheet's own headers is read under the 2025 profile without an error,
// each meeting's total the sum of its groups, and TC2 judged from them.
// Before, the profile capped preparation at 5 and refused every row. The
// gate on principles (5 points) keeps the group scores for the check.
func TestPublishedSheetEvaluates2025(t *testing.T) {
	th := profileGroups(t, criteria.Profile2025)
	th.FullMarksGroups = []string{"Thực hiện nguyên tắc tổ chức, sinh hoạt đảng"}
	head := append([]any{"Ngày", "Loại"}, anys(publishedHeads2025)...)
	head = append(head, "Tổng điểm", "Có mặt", "Tổng số đảng viên")
	full := []float64{5, 5, 10, 30, 10, 5, 30, 5}
	rows := [][]any{head}
	var want []float64
	for m := 1; m <= 12; m++ {
		g := append([]float64{}, full...)
		switch m {
		case 3: // khá: preparation 4/10, organisation 20/30
			g[2], g[3] = 4, 20
		case 6: // 90 exactly: tốt
			g[6] = 20
		}
		total := 0.0
		for _, v := range g {
			total += v
		}
		want = append(want, total)
		row := []any{fmt.Sprintf("10/%02d/2024", m), "Thường kỳ"}
		row = append(row, anys(g)...)
		rows = append(rows, append(row, total, 9, 10))
	}
	for q := 1; q <= 4; q++ {
		row := []any{fmt.Sprintf("20/%02d/2024", 3*q-1), "Chuyên đề"}
		row = append(row, anys(full)...)
		rows = append(rows, append(row, 100, 10, 10))
	}
	path := writeBook(t, t.TempDir(), "b.xlsx", oneCell(), sheet{"Sinh hoạt", rows})
	res := readOne(t, path, readOptions(th))
	if got := problemLines(res); len(got) != 0 {
		t.Fatalf("problems:\n%s", strings.Join(got, "\n"))
	}
	u := res.Dataset.Units[0]
	if len(u.Meetings) != 16 {
		t.Fatalf("%d meetings, want 16", len(u.Meetings))
	}
	for i, m := range u.Meetings[:12] {
		if m.Score != want[i] || len(m.Groups) != 8 {
			t.Errorf("meeting %d: %v with %d groups, want %v with 8", i+1, m.Score, len(m.Groups), want[i])
		}
	}
	for i, g := range u.Meetings[2].Groups {
		if d := th.ScoreGroups[i]; g.Name != d.Name || g.Max != d.Max {
			t.Errorf("March group %d %q /%v, want %q /%v", i+1, g.Name, g.Max, d.Name, d.Max)
		}
	}
	if q := u.Meetings[2].Quality(th); q != criteria.QualityFair || want[2] != 84 {
		t.Errorf("March, %v points: %v, want khá", want[2], q)
	}
	rep := criteria.Evaluate(res.Dataset, th, criteria.Options{})
	for _, p := range rep.Problems {
		if p.Severity == criteria.SeverityError {
			t.Errorf("error: %s", p.Message)
		}
	}
	for _, ch := range rep.Units[0].Criteria[1].Checks {
		switch ch.ID {
		case "tc2.regular_count", "tc2.regular_good", "tc2.regular_no_weak", "tc2.thematic_count", "tc2.thematic_quarterly":
			if ch.Status != criteria.Met {
				t.Errorf("%s %s: %s", ch.ID, ch.Status, ch.Message)
			}
		}
	}
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// TestPublishedScoreSheetWorkbook reads testdata/phieu/phieu-2025.xlsx, a
// chi bộ's score sheets on the published 2025 sheet with its group rows in
// capitals ("III" | "CÔNG TÁC CHUẨN BỊ" | 10): under 2025 every row takes
// its declared group, in order, with no problem, and March is 88 with
// preparation 6/10; under hd17-2023 the same sheets are read by their own
// maxima, without an error.
func TestPublishedScoreSheetWorkbook(t *testing.T) {
	th := profileGroups(t, criteria.Profile2025)
	res := readOne(t, phieu("phieu-2025.xlsx"), readOptions(th))
	if got := problemLines(res); len(got) != 0 {
		t.Fatalf("problems:\n%s", strings.Join(got, "\n"))
	}
	u := res.Dataset.Units[0]
	if got := meetingSummary(u); len(got) != 16 || got[2] != "T3 TK 12/03 88" || got[6] != "T7 TK 12/07 95" || got[0] != "T1 TK 12/01 100" {
		t.Fatalf("meetings:\n%s", strings.Join(got, "\n"))
	}
	march := u.Meetings[2]
	for i, g := range march.Groups {
		d := th.ScoreGroups[i]
		if g.Name != d.Name || g.Max != d.Max || g.Label != "nhóm "+romanNumeralOf(i+1)+" "+d.Name {
			t.Errorf("March group %d: %+v, want %q /%v", i+1, g, d.Name, d.Max)
		}
	}
	if len(march.Groups) != 8 || march.Groups[2].Score != 6 || march.Groups[3].Score != 22 {
		t.Errorf("March groups %+v", march.Groups)
	}
	res = readOne(t, phieu("phieu-2025.xlsx"), readOptions(profileGroups(t, criteria.ProfileHD17)))
	for _, p := range res.Dataset.Problems {
		if p.Severity == criteria.SeverityError {
			t.Errorf("hd17-2023: %s", p)
		}
	}
	if got := meetingSummary(res.Dataset.Units[0]); len(got) != 16 || got[2] != "T3 TK 12/03 88" {
		t.Errorf("hd17-2023 meetings:\n%s", strings.Join(got, "\n"))
	}
}
