package criteria

import (
	"fmt"
	"strings"
)

// ScoreGroup is one group of a meeting score sheet (phiếu chấm điểm chất
// lượng sinh hoạt chi bộ): a Roman-numeral row of the provincial form, or
// a group-score column of the Sinh hoạt sheet. Provinces publish their own
// sheets, so the groups are declared in the criteria file (key
// score_groups), not fixed: the reader matches a column header or a group
// row to a group by Name or any of Spellings (case, diacritics and
// punctuation do not matter), and checks the group's score against Max.
type ScoreGroup struct {
	// Name is the group as reports and the template write it; it is also
	// an accepted spelling.
	Name string
	// Max is the most points the group can give; the maxima of the
	// declared groups add up to the 100-point scale.
	Max float64
	// Spellings are the other headers and row texts offices write for
	// the group ("Thực hiện nguyên tắc", "Kết quả / ý nghĩa").
	Spellings []string
}

// MaxScoreGroups bounds the number of declared groups: no published sheet
// has more than a dozen, and the reader keeps one column slot per group.
const MaxScoreGroups = 16

// HD12ScoreGroups are the five groups of Hướng dẫn 12-HD/BTCTW that SPEC §3
// names (tỷ lệ đảng viên tham gia; chuẩn bị; tổ chức; thực hiện nguyên
// tắc; kết quả / ý nghĩa), 20 points each: the groups of hd17-2023. The
// first spelling of each is the header the Sinh hoạt sheet has always
// accepted; the rest are the spellings offices write on their forms.
func HD12ScoreGroups() []ScoreGroup {
	return []ScoreGroup{
		{Name: "Tỷ lệ đảng viên tham gia", Max: 20, Spellings: []string{"Tỷ lệ tham gia", "Tỉ lệ đảng viên tham gia", "Tỉ lệ tham gia",
			"Tỷ lệ đảng viên dự sinh hoạt", "Tỉ lệ đảng viên dự sinh hoạt", "Tỷ lệ đảng viên dự sinh hoạt chi bộ", "Tỉ lệ đảng viên dự sinh hoạt chi bộ"}},
		{Name: "Chuẩn bị", Max: 20, Spellings: []string{"Công tác chuẩn bị", "Chuẩn bị sinh hoạt", "Công tác chuẩn bị sinh hoạt"}},
		{Name: "Tổ chức", Max: 20, Spellings: []string{"Công tác tổ chức", "Tổ chức sinh hoạt", "Công tác tổ chức sinh hoạt", "Tiến hành sinh hoạt"}},
		{Name: "Nguyên tắc", Max: 20, Spellings: []string{"Thực hiện nguyên tắc", "Thực hiện nguyên tắc tổ chức sinh hoạt đảng",
			"Thực hiện nguyên tắc tổ chức và sinh hoạt đảng", "Nguyên tắc tổ chức sinh hoạt đảng"}},
		{Name: "Kết quả", Max: 20, Spellings: []string{"Kết quả, ý nghĩa", "Kết quả / ý nghĩa", "Kết quả ý nghĩa", "Ý nghĩa",
			"Kết quả sinh hoạt", "Kết quả lãnh đạo", "Ý nghĩa thiết thực"}},
	}
}

// Sheet2025ScoreGroups is the published eight-group score sheet (phiếu
// chấm điểm chất lượng sinh hoạt chi bộ) issued after Chỉ thị 50-CT/TW and
// Hướng dẫn 42-HD/BTCTW: groups I–VIII in its order, with its names and
// maxima 5/5/10/30/10/5/30/5, banded 90/70/50. The 2025 profile ships it;
// a province whose sheet differs declares its own in the criteria file.
//
// The spellings are the headers offices write for each group: "Tỷ lệ" or
// "Tỉ lệ", with or without "chi bộ", cut short. None is a spelling of two
// groups, and none is so short that it lies inside another group's text:
// "Tổ chức" alone would lie in VI "Thực hiện nguyên tắc tổ chức, sinh hoạt
// đảng", "Kết quả" and "Kết thúc" are kept apart, and "sinh hoạt chi bộ"
// is never a spelling on its own (IV and VIII both end with it).
func Sheet2025ScoreGroups() []ScoreGroup {
	return []ScoreGroup{
		{Name: "Chấp hành thời gian, thời lượng", Max: 5, Spellings: []string{"Chấp hành thời gian", "Chấp hành về thời gian, thời lượng",
			"Chấp hành thời gian, thời lượng sinh hoạt", "Chấp hành thời gian và thời lượng", "Thời gian, thời lượng", "Thời gian, thời lượng sinh hoạt"}},
		{Name: "Tỉ lệ đảng viên dự sinh hoạt", Max: 5, Spellings: []string{"Tỷ lệ đảng viên dự sinh hoạt",
			"Tỉ lệ đảng viên dự sinh hoạt chi bộ", "Tỷ lệ đảng viên dự sinh hoạt chi bộ", "Tỉ lệ đảng viên tham gia sinh hoạt", "Tỷ lệ đảng viên tham gia sinh hoạt",
			"Tỉ lệ đảng viên tham gia", "Tỷ lệ đảng viên tham gia", "Tỉ lệ dự sinh hoạt", "Tỷ lệ dự sinh hoạt", "Tỉ lệ tham gia", "Tỷ lệ tham gia"}},
		{Name: "Công tác chuẩn bị", Max: 10, Spellings: []string{"Công tác chuẩn bị sinh hoạt", "Công tác chuẩn bị sinh hoạt chi bộ", "Chuẩn bị sinh hoạt", "Chuẩn bị"}},
		{Name: "Tổ chức sinh hoạt chi bộ", Max: 30, Spellings: []string{"Tổ chức sinh hoạt", "Công tác tổ chức sinh hoạt", "Công tác tổ chức sinh hoạt chi bộ"}},
		{Name: "Công tác điều hành của Bí thư", Max: 10, Spellings: []string{"Công tác điều hành của bí thư chi bộ", "Công tác điều hành",
			"Điều hành của Bí thư", "Điều hành của Bí thư chi bộ", "Vai trò điều hành của Bí thư", "Công tác điều hành của đồng chí Bí thư"}},
		{Name: "Thực hiện nguyên tắc tổ chức, sinh hoạt đảng", Max: 5, Spellings: []string{"Thực hiện nguyên tắc tổ chức và sinh hoạt đảng",
			"Thực hiện nguyên tắc tổ chức sinh hoạt đảng", "Thực hiện các nguyên tắc tổ chức, sinh hoạt đảng", "Thực hiện nguyên tắc", "Nguyên tắc tổ chức, sinh hoạt đảng", "Nguyên tắc"}},
		{Name: "Kết quả lãnh đạo thực hiện kết luận, nghị quyết", Max: 30, Spellings: []string{"Kết quả lãnh đạo thực hiện kết luận và nghị quyết",
			"Kết quả lãnh đạo thực hiện nghị quyết, kết luận", "Kết quả lãnh đạo thực hiện kết luận, nghị quyết của chi bộ", "Kết quả lãnh đạo thực hiện nghị quyết",
			"Kết quả lãnh đạo", "Kết quả thực hiện kết luận, nghị quyết", "Kết quả thực hiện nghị quyết"}},
		{Name: "Kết thúc sinh hoạt chi bộ", Max: 5, Spellings: []string{"Kết thúc sinh hoạt", "Kết thúc buổi sinh hoạt", "Kết thúc buổi sinh hoạt chi bộ", "Kết thúc"}},
	}
}

// cloneGroups copies groups deeply, so that thresholds built from a profile
// never share a backing array with another value.
func cloneGroups(gs []ScoreGroup) []ScoreGroup {
	out := make([]ScoreGroup, len(gs))
	for i, g := range gs {
		out[i] = ScoreGroup{Name: g.Name, Max: g.Max, Spellings: append([]string{}, g.Spellings...)}
	}
	return out
}

// GroupScore is the score of one group of one meeting, as its row or its
// score sheet gave it.
type GroupScore struct {
	Name  string  // the declared group's name, or the sheet's text for a group no declaration matched
	Label string  // how the evidence names it: "nhóm III Tổ chức sinh hoạt" on a score sheet, else Name
	Score float64 // points given
	Max   float64 // the group's maximum: declared, or read from Thang điểm
}

// lost reports whether the group gave fewer points than its maximum.
func (g GroupScore) lost() bool { return g.Score+eps < g.Max }

// fullMarks reports whether every group t.FullMarksGroups lists is at its
// maximum in m (the optional full-marks gate of SPEC §6: a meeting is
// tốt only then). Names are compared as declared: the criteria file and the
// reader both give a group its declared name. A meeting with no score for a listed group does not show it:
// only a total of 100 (every group full) does without group scores.
func (t Thresholds) fullMarks(m *Meeting) bool {
	for _, name := range t.FullMarksGroups {
		found := false
		for _, g := range m.Groups {
			if g.Name == name {
				if g.lost() {
					return false
				}
				found = true
				break
			}
		}
		if !found && m.Score+eps < 100 {
			return false
		}
	}
	return true
}

// lostGroups is the evidence of the groups that lost points:
// "nhóm III Tổ chức sinh hoạt 30/40; nhóm V Kết quả 15/20"; "" when the
// meeting has no group scores or lost nothing.
func lostGroups(m *Meeting) string {
	var parts []string
	for _, g := range m.Groups {
		if g.lost() {
			label := g.Label
			if label == "" {
				label = "nhóm " + g.Name
			}
			parts = append(parts, fmt.Sprintf("%s %s/%s", label, num(g.Score), num(g.Max)))
		}
	}
	return strings.Join(parts, "; ")
}

// ScoreGroupNames lists the declared groups' names, for messages; join
// them with semicolons, as a published name may hold a comma.
func (t Thresholds) ScoreGroupNames() []string {
	out := make([]string, len(t.ScoreGroups))
	for i, g := range t.ScoreGroups {
		out[i] = g.Name
	}
	return out
}

// ScoreGroupIndex finds a declared group by its name or a spelling
// (folded), -1 when none.
func (t Thresholds) ScoreGroupIndex(name string) int {
	k := Fold(name)
	for i, g := range t.ScoreGroups {
		if Fold(g.Name) == k {
			return i
		}
		for _, sp := range g.Spellings {
			if Fold(sp) == k {
				return i
			}
		}
	}
	return -1
}

// GroupMaxima lists the declared groups' maxima, in order.
func (t Thresholds) GroupMaxima() []float64 {
	out := make([]float64, len(t.ScoreGroups))
	for i, g := range t.ScoreGroups {
		out[i] = g.Max
	}
	return out
}
