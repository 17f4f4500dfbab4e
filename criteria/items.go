package criteria

// Item is a qualitative self-assessment item: a bullet of section II of the
// guidance that no data can measure.
type Item struct {
	ID        string // e.g. "tc1.q1"
	Criterion string // "tc1" … "tc4"
	Text      string
}

// Items lists every qualitative item of section II, in the guidance's order.
var Items = []Item{
	{"tc1.q1", "tc1", "Chỉ đạo đấu tranh ngăn chặn, đẩy lùi suy thoái, \"tự diễn biến\", \"tự chuyển hóa\"; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; phòng, chống tham nhũng, lãng phí, tiêu cực"},
	{"tc1.q2", "tc1", "Công tác xây dựng Đảng, tổ chức cán bộ, quản lý, giáo dục đảng viên; bảo vệ chính trị nội bộ"},
	{"tc1.q3", "tc1", "Công tác kiểm tra, giám sát và kỷ luật của Đảng, nhất là đối với người đứng đầu"},
	{"tc1.q4", "tc1", "Công tác dân vận, phát huy dân chủ ở cơ sở"},
	{"tc1.q5", "tc1", "Chương trình, kế hoạch công tác năm; cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số; đời sống và lợi ích chính đáng của người lao động; nghĩa vụ với Nhà nước"},
	{"tc2.q1", "tc2", "Chuẩn bị tốt, thường xuyên đổi mới nội dung sinh hoạt, đúng hướng dẫn của cấp trên, phù hợp đặc điểm của chi bộ, đảng bộ"},
	{"tc3.q1", "tc3", "Quán triệt nghị quyết, chỉ thị về sinh hoạt đảng; tập trung dân chủ, tự phê bình và phê bình; giữ gìn kỷ cương, kỷ luật; thực hiện đúng quy chế làm việc"},
	{"tc3.q2", "tc3", "Kỷ luật, kỷ cương hành chính; đạo đức, văn hóa, tính chuyên nghiệp của cán bộ, đảng viên"},
	{"tc4.q1", "tc4", "Nêu gương về đạo đức, lối sống; nói đi đôi với làm; đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm"},
	{"tc4.q2", "tc4", "Nêu gương thực hiện chức trách, nhiệm vụ; học tập, nghiên cứu ứng dụng vào thực tiễn; hoàn thành đúng tiến độ, chất lượng"},
	{"tc4.q3", "tc4", "Nêu gương chấp hành kỷ luật, tự phê bình và phê bình, đoàn kết, gắn bó với Nhân dân"},
	{"tc4.q4", "tc4", "Đảng viên giữ chức vụ lãnh đạo, quản lý, bí thư phát huy vai trò tiên phong, gương mẫu trong sinh hoạt, tích cực đóng góp ý kiến"},
}

// CriterionNames are the Vietnamese names of the four criteria.
var CriterionNames = map[string]string{
	"tc1": "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị",
	"tc2": "Chất lượng sinh hoạt tốt",
	"tc3": "Đoàn kết, kỷ luật tốt",
	"tc4": "Cán bộ, đảng viên tốt",
}

// unit said, somewhere, that it fell short. The results are appended to
// out, from e.decided as decide left it for the unit.
func (e *evaluator) items(out []CheckResult, crit string) []CheckResult {
	for _, it := range Items {
		if it.Criterion != crit {
			continue
		}
		c := CheckResult{ID: it.ID, Item: true, Status: NotAssessed, Message: "Chưa tự đánh giá"}
		if decided := e.decided[e.itemIndex[it.ID]]; decided != nil {
			// One allocation for the message: a province has 12 per unit.
			var buf [128]byte
			b := append(buf[:0], "Đạt"...)
			c.Status = Met
			if !decided.Met {
				b = append(buf[:0], "Không đạt"...)
				c.Status = NotMet
				c.Cites = []Cite{{Source: decided.Source, Field: "result", Note: "tự đánh giá Không đạt"}}
			}
			if decided.Note != "" {
				b = append(append(b, " — "...), decided.Note...)
			}
			b = append(decided.Source.AppendTo(append(b, " ("...)), ')')
			c.Message = string(b)
		}
		out = append(out, c)
	}
	return out
}

// decide finds, for each item, the Tự đánh giá row of u that decides it,
// in one pass over the rows: the last one, except that a "Đạt" row never
// overrides a "Không đạt" one.
func (e *evaluator) decide(u *Unit) {
	clear(e.decided)
	for i := range u.SelfAssessment {
		s := &u.SelfAssessment[i]
		k, ok := e.itemIndex[s.ItemID]
		if !ok {
			continue
		}
		if d := e.decided[k]; d != nil && !d.Met && s.Met {
			continue
		}
		e.decided[k] = s
	}
}
