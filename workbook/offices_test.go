package workbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

// officeMembers is the year-end member list as offices print it (FORMS
// item 4): a committee block and a title above a two-row header, "Kết
// quả đánh giá, xếp loại" merged over the three steps, a row of column
// numbers, members not rated with the reason in Ghi chú, a count line and
// the signature block.
func officeMembers(sheetName string) sheet {
	return sheet{sheetName, [][]any{
		{"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", nil, nil, nil, "ĐẢNG CỘNG SẢN VIỆT NAM"},
		{"CHI BỘ SỞ TƯ PHÁP", nil, nil, nil, "Nam Định, ngày 20 tháng 12 năm 2024"},
		{"DANH SÁCH KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024"},
		{"STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Kết quả đánh giá, xếp loại", nil, nil, "Ghi chú"},
		{nil, nil, nil, "Tự đánh giá, xếp loại", "Chi bộ đề xuất", "Cấp ủy có thẩm quyền quyết định"},
		{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"},
		{1, "Nguyễn Văn An", "Bí thư chi bộ, Giám đốc", "HTXSNV", "HTXSNV", "HTXSNV"},
		{2, "Trần Thị Bình", "Phó Giám đốc", "HTXSNV", "HTTNV", "HTTNV"},
		{3, "Lê Văn Cường", "Chuyên viên", "HTTNV", "HTNV", "KHTNV"},
		{4, "Phạm Thị Dung", "Chuyên viên", "HTTNV", "HTTNV", "HTTNV"},
		{5, "Hoàng Văn Em", "Chuyên viên", nil, nil, nil, "Miễn công tác và sinh hoạt đảng"},
		{6, "Vũ Thị Phương", "Chuyên viên", nil, nil, nil, "Mới kết nạp, chưa đủ 6 tháng"},
		{7, "Đỗ Văn Giang", "Chuyên viên", nil, nil, nil, "Đình chỉ sinh hoạt đảng"},
		{"Tổng số: 7 đảng viên"},
		{nil, "T/M CHI BỘ", nil, nil, "NGƯỜI LẬP BIỂU"},
		{nil, "BÍ THƯ", nil, nil, nil},
		{nil, "Nguyễn Văn An", nil, nil, "Phạm Thị Dung"},
	}}
}

func mergeAll(sheetName string, ranges ...string) func(f *excelize.File) {
	return func(f *excelize.File) {
		for _, r := range ranges {
			a, b, _ := strings.Cut(r, ":")
			if err := f.MergeCell(sheetName, a, b); err != nil {
				panic(err)
			}
		}
	}
}

func memberLines(u *criteria.Unit) []string {
	var got []string
	for _, m := range u.Members {
		s := m.Name + " " + m.Rating.Code()
		switch {
		case m.Exempt:
			s += " miễn"
		case m.Suspended:
			s += " đình chỉ"
		case m.NewByNote:
			s += " mới kết nạp"
		}
		got = append(got, s)
	}
	return got
}

// TestOfficeMemberListReadsTheDecidedStep is the regression of issue 17:
// the self-rating column was bound as the rating and the decided KHTNV
// lost; the signature block was read as members.
func TestOfficeMemberListReadsTheDecidedStep(t *testing.T) {
	name := "Danh sách đảng viên"
	path := writeBookOpts(t, t.TempDir(), "ds.xlsx", mergeAll(name, "A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:G5"),
		unitsSheet([]any{"CB01", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở"}), officeMembers(name))
	res := readOne(t, path, Options{Year: 2024})
	u := unitByCode(t, res.Dataset, "CB01")
	want := []string{"Nguyễn Văn An HTXSNV", "Trần Thị Bình HTTNV", "Lê Văn Cường KHTNV", "Phạm Thị Dung HTTNV",
		"Hoàng Văn Em  miễn", "Vũ Thị Phương  mới kết nạp", "Đỗ Văn Giang  đình chỉ"}
	if got := memberLines(u); !slices.Equal(got, want) {
		t.Errorf("members\n%q\nwant\n%q\nproblems %q", got, want, problemLines(res))
	}
	for _, l := range problemLines(res) {
		if strings.Contains(l, " error: ") || strings.Contains(l, " warning: ") {
			t.Errorf("unexpected problem: %s", l)
		}
	}
}
