package workbooktest

import (
	"math/rand/v2"

	"github.com/bontot/bontot/criteria"
)

// Vietnamese personal names: họ (family name), tên đệm (middle name), tên
// (given name). Family names are weighted roughly as in the population:
// Nguyễn comes up most often.
var (
	familyNames = []string{
		"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm",
		"Hoàng", "Vũ", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Đinh", "Trịnh", "Mai",
	}
	middleMale   = []string{"Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Mạnh", "Thế", "Tiến", "Công", "Trọng", "Duy", "Thanh", "Ngọc", "Anh"}
	middleFemale = []string{"Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Kim", "Phương", "Minh", "Thúy", "Lan", "Hải", "Diệu"}
	givenMale    = []string{"An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hưng", "Đông", "Hoàng"}
	givenFemale  = []string{"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thu", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Hồng", "Ly", "Duyên"}
)

// personName draws a plausible full name.
func personName(r *rand.Rand) string {
	fam := familyNames[r.IntN(len(familyNames))]
	if r.IntN(2) == 0 {
		return fam + " " + middleMale[r.IntN(len(middleMale))] + " " + givenMale[r.IntN(len(givenMale))]
	}
	return fam + " " + middleFemale[r.IntN(len(middleFemale))] + " " + givenFemale[r.IntN(len(givenFemale))]
}

// Units: agencies and enterprises of a province, after the list at the end
// of Hướng dẫn 17-HD/ĐUK, and the departments a chi bộ trực thuộc covers.
var (
	agencies = []string{
		"Sở Tư pháp", "Sở Lao động, Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch",
		"Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo",
		"Sở Công Thương", "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường",
		"Sở Nông nghiệp và Phát triển nông thôn", "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông",
		"Sở Ngoại vụ", "Thanh tra tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng UBND tỉnh",
		"Ban Quản lý các khu công nghiệp tỉnh", "Cơ quan Đảng ủy Khối", "Ban Dân vận Tỉnh ủy",
		"Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy",
		"Cơ quan Hội Liên hiệp phụ nữ tỉnh", "Cơ quan Tỉnh đoàn", "Cơ quan Hội Nông dân tỉnh",
		"Cơ quan Liên đoàn Lao động tỉnh", "Cơ quan Ủy ban MTTQ tỉnh", "Báo Nam Định", "Đài Phát thanh và Truyền hình tỉnh",
		"Bảo hiểm xã hội tỉnh", "Kho bạc Nhà nước tỉnh", "Cục Thuế tỉnh", "Cục Thống kê tỉnh", "Cục Hải quan",
		"Ngân hàng Nhà nước chi nhánh tỉnh", "Trường Chính trị Trường Chinh", "Trường Đại học Kinh tế - Kỹ thuật Công nghiệp",
		"Trường Đại học Điều dưỡng", "Trường Cao đẳng Y tế", "Trường Cao đẳng Sư phạm", "Trường Cao đẳng Công nghiệp",
		"Bệnh viện Đa khoa tỉnh", "Bệnh viện Nhi", "Bệnh viện Phụ sản", "Bệnh viện Tâm thần", "Trung tâm Kiểm soát bệnh tật",
		"Viễn thông tỉnh", "Bưu điện tỉnh", "Điện lực tỉnh", "Công ty TNHH MTV Khai thác CTTL Bắc Nam Hà",
		"Công ty TNHH MTV Khai thác CTTL Nam Nam Định", "Công ty cổ phần May Nam Hà", "Công ty cổ phần Dệt lụa Nam Định",
		"Công ty cổ phần Xây dựng NASACO", "Công ty cổ phần Thương mại tổng hợp tỉnh", "Công ty Bảo Việt nhân thọ Nam Định",
		"Công ty cổ phần Cấp nước Nam Định", "Công ty cổ phần Môi trường Nam Định", "Công ty cổ phần Vận tải ô tô Nam Định",
		"Công ty cổ phần Giống cây trồng Nam Định", "Công ty cổ phần Dược phẩm Nam Hà", "Ngân hàng Nông nghiệp và PTNT chi nhánh tỉnh",
		"Ngân hàng TMCP Công thương chi nhánh tỉnh", "Ngân hàng TMCP Đầu tư và Phát triển chi nhánh tỉnh", "Quỹ Đầu tư phát triển tỉnh",
	}
	departments = []string{
		"Văn phòng", "Phòng Tổ chức - Hành chính", "Phòng Kế hoạch - Tài chính", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2",
		"Thanh tra", "Phòng Pháp chế", "Trung tâm Dịch vụ công", "Phòng Kỹ thuật", "Phòng Kinh doanh",
		"Phân xưởng 1", "Phân xưởng 2", "Xí nghiệp số 1", "Xí nghiệp số 2", "Xí nghiệp số 3", "Khoa Nội", "Khoa Ngoại",
		"Khoa Lý luận cơ sở", "Khoa Xây dựng Đảng", "Phòng Đào tạo", "Phòng Quản trị", "Ban Quản lý dự án", "Đội thi công số 1",
		"Trạm Khai thác số 1", "Cụm Thủy nông", "Trung tâm Điều hành", "Chi nhánh huyện", "Phòng Giao dịch",
		"Phòng Công nghệ thông tin", "Phòng Thanh toán", "Hội cựu giáo chức", "Đoàn viên hưu trí",
	}
	thematicTopics = []string{
		"Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
		"Chuyên đề nâng cao chất lượng sinh hoạt chi bộ",
		"Chuyên đề phòng, chống tham nhũng, lãng phí, tiêu cực",
		"Chuyên đề chuyển đổi số và cải cách hành chính",
		"Chuyên đề công tác dân vận, phát huy dân chủ ở cơ sở",
		"Chuyên đề bảo vệ nền tảng tư tưởng của Đảng",
		"Chuyên đề thực hiện Quy định 144-QĐ/TW về chuẩn mực đạo đức",
		"Chuyên đề công tác phát triển đảng viên",
	}
	// The 528 criteria are the ones the template pre-fills.
	criteriaKey   = criteria.Criteria528Key
	criteriaOther = criteria.Criteria528Other
	massOrgNames  = []string{"Công đoàn cơ sở", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Hội Phụ nữ"}
)
