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

// Sheet2025ScoreGroups is the eight-group sheet one province published in
// 2025 under Chỉ thị 50-CT/TW and Hướng dẫn 42-HD/BTCTW (5/5/10/30/10/5/
// 30/5 points, bands 90/70/50), shipped by the 2025 profile as an example
// of declared groups. The names are this example's: a province whose sheet
// names them otherwise declares its own in the criteria file.
func Sheet2025ScoreGroups() []ScoreGroup {
	return []ScoreGroup{
		{Name: "Tỷ lệ đảng viên tham gia", Max: 5, Spellings: []string{"Tỷ lệ tham gia", "Tỉ lệ đảng viên tham gia", "Tỉ lệ tham gia",
			"Tỷ lệ đảng viên dự sinh hoạt", "Tỉ lệ đảng viên dự sinh hoạt"}},
		{Name: "Chuẩn bị", Max: 5, Spellings: []string{"Công tác chuẩn bị", "Chuẩn bị sinh hoạt", "Công tác chuẩn bị sinh hoạt"}},
		{Name: "Thời gian, quy trình", Max: 10, Spellings: []string{"Thời gian, thời lượng", "Thời gian và quy trình sinh hoạt", "Quy trình sinh hoạt", "Thời gian sinh hoạt"}},
		{Name: "Nội dung", Max: 30, Spellings: []string{"Nội dung sinh hoạt"}},
		{Name: "Nguyên tắc", Max: 10, Spellings: []string{"Thực hiện nguyên tắc", "Thực hiện nguyên tắc tổ chức sinh hoạt đảng", "Nguyên tắc tổ chức sinh hoạt đảng"}},
		{Name: "Tự phê bình và phê bình", Max: 5, Spellings: []string{"Không khí sinh hoạt", "Phê bình và tự phê bình", "Tự phê bình, phê bình"}},
		{Name: "Kết quả", Max: 30, Spellings: []string{"Kết quả, ý nghĩa", "Kết quả / ý nghĩa", "Kết quả ý nghĩa", "Ý nghĩa", "Kết quả sinh hoạt"}},
		{Name: "Biên bản, hồ sơ", Max: 5, Spellings: []string{"Ghi biên bản", "Biên bản sinh hoạt", "Hồ sơ, biên bản"}},
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
// maximum in m (the optional gate of issue 11 item 5: a meeting is tốt
// only then). Names are compared as declared: the criteria file and the
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

// ScoreGroupNames lists the declared groups' names, for messages.
func (t Thresholds) ScoreGroupNames() []string {
	out := make([]string, len(t.ScoreGroups))
	for i, g := range t.ScoreGroups {
		out[i] = g.Name
	}
	return out
}

// GroupMaxima lists the declared groups' maxima, in order.
func (t Thresholds) GroupMaxima() []float64 {
	out := make([]float64, len(t.ScoreGroups))
	for i, g := range t.ScoreGroups {
		out[i] = g.Max
	}
	return out
}
