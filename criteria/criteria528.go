package criteria

// The criteria of Quy định 528-QĐ/TU that a unit grades on the Tiêu chí
// sheet, in their two groups: "Trọng tâm" (the results of the party-building
// programme and of the political task, which Hướng dẫn 17 requires at Tốt
// or above) and the others (at Trung bình or above). The template pre-fills
// them in a unit's own form; a committee that words them differently
// simply overwrites the names, since the evaluation goes by group, not by
// name.
var (
	Criteria528Key = []string{
		"Kết quả thực hiện chương trình, kế hoạch công tác xây dựng Đảng",
		"Kết quả lãnh đạo thực hiện nhiệm vụ chính trị được giao",
	}
	Criteria528Other = []string{
		"Công tác giáo dục chính trị, tư tưởng",
		"Công tác tổ chức, cán bộ và quản lý đảng viên",
		"Công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
		"Lãnh đạo công tác dân vận và các đoàn thể chính trị - xã hội",
	}
)
