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

// TestOfficeMemberListReadsTheDecidedStep is the regression of the first
// office-list reader: the self-rating column was bound as the rating and
// the decided KHTNV lost; the signature block was read as members.
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

func hasLine(lines []string, prefix string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
}

// TestTableFoundByContent: a member list kept under any sheet name is
// read as Đảng viên, with a note naming the header and the title that
// decided it; a list that fits Đảng viên and Cán bộ alike ("Sheet1",
// Họ và tên + Xếp loại, no title) is the look-alike that is not read.
func TestTableFoundByContent(t *testing.T) {
	for _, name := range []string{"Xếp loại ĐV 2025", "Sheet1 (2)", "DS"} {
		path := writeBookOpts(t, t.TempDir(), "ds.xlsx", mergeAll(name, "A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:G5"),
			unitsSheet([]any{"CB01", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở"}), officeMembers(name))
		res := readOne(t, path, Options{Year: 2024})
		u := unitByCode(t, res.Dataset, "CB01")
		if len(u.Members) != 7 || !u.Sheets.Has(criteria.SheetMembers) {
			t.Errorf("%s: %d members, problems %q", name, len(u.Members), problemLines(res))
		}
		if codes := problemCodes(t, res); !slices.Contains(codes, name+"! sheet.read_by_content") {
			t.Errorf("%s: no note in %q", name, codes)
		}
	}
	// The look-alike: nothing tells a member list from a staff list.
	path := writeBook(t, t.TempDir(), "ds.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Sheet1", [][]any{{"Họ và tên", "Xếp loại"}, {"Nguyễn Văn An", "HTTNV"}}})
	res := readOne(t, path, Options{Year: 2024})
	u := unitByCode(t, res.Dataset, "CB01")
	if len(u.Members) != 0 || len(u.Staff) != 0 {
		t.Errorf("a list fitting two tables was read: %d members, %d staff", len(u.Members), len(u.Staff))
	}
	if codes := problemCodes(t, res); !slices.Contains(codes, "Sheet1! sheet.table_ambiguous") {
		t.Errorf("no note in %q", codes)
	}
	// A title naming the staff decides for Cán bộ.
	path = writeBook(t, t.TempDir(), "cb.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Sheet1", [][]any{{"DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2024"}, {"Họ và tên", "Xếp loại"}, {"Nguyễn Văn An", "HTTNV"}}})
	res = readOne(t, path, Options{Year: 2024})
	if u := unitByCode(t, res.Dataset, "CB01"); len(u.Staff) != 1 || len(u.Members) != 0 {
		t.Errorf("staff list: %d staff, %d members; %q", len(u.Staff), len(u.Members), problemLines(res))
	}
}

// TestSelfRatingIsNoResult: "Kết quả tự đánh giá" is the member's own
// rating; alone, it is no rating column at all (today it was bound as one).
func TestSelfRatingIsNoResult(t *testing.T) {
	_, _, u, codes := readRatings(t, [][]any{
		{"Mã đơn vị", "Họ và tên", "Kết quả tự đánh giá"},
		{"CB01", "Nguyễn Văn An", "HTXSNV"},
	}, nil)
	if len(u.Members) != 0 || !slices.Contains(codes, "Đảng viên! sheet.missing_column") {
		t.Errorf("self-rating read as the result: %q", codes)
	}
	got, lines, _, _ := readRatings(t, [][]any{
		{"Mã đơn vị", "Họ và tên", "Kết quả tự đánh giá", "Xếp loại (cấp ủy quyết định)"},
		{"CB01", "Nguyễn Văn An", "HTXSNV", "HTNV"},
	}, nil)
	if want := []string{"Nguyễn Văn An HTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
}

// TestDecidedStepInBrackets: "Xếp loại (cấp ủy quyết định)" beside
// "Xếp loại (chi bộ đề xuất)" is the decided column.
func TestDecidedStepInBrackets(t *testing.T) {
	got, lines, _, _ := readRatings(t, [][]any{
		{"Mã đơn vị", "Họ và tên", "Xếp loại (chi bộ đề xuất)", "Xếp loại (cấp ủy quyết định)"},
		{"CB01", "Nguyễn Văn An", "HTTNV", "KHTNV"},
	}, nil)
	if want := []string{"Nguyễn Văn An KHTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
}

// TestSignatureBlockIsNoRow: without a count line, the signature block
// still ends the table: "T/M CHI BỘ", "BÍ THƯ" and the name under them
// are no members (today they were read as three unrated members).
func TestSignatureBlockIsNoRow(t *testing.T) {
	got, lines, _, _ := readRatings(t, [][]any{
		{"STT", "Họ và tên", "Xếp loại"},
		{1, "Nguyễn Văn An", "HTTNV"},
		{2, "Trần Thị Bình", "HTNV"},
		{nil, "Nam Định, ngày 20 tháng 12 năm 2024"},
		{nil, "T/M CHI BỘ"},
		{nil, "BÍ THƯ"},
		{nil, "Nguyễn Văn An"},
	}, nil)
	if want := []string{"Nguyễn Văn An HTTNV", "Trần Thị Bình HTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
	if !hasLine(lines, `Đảng viên!B4 note: Bảng dừng ở khối chữ ký (ô B4 "Nam Định, ngày 20 tháng 12 năm 2024"); 4 dòng`) {
		t.Errorf("no note naming the signing line and the rows below it: %q", lines)
	}
	// "Người lập biểu" over a name, no signing line.
	got, _, _, _ = readRatings(t, [][]any{
		{"Họ và tên", "Xếp loại"},
		{"Nguyễn Văn An", "HTTNV"},
		{"Người lập biểu"},
		{"Lê Văn Cường"},
	}, nil)
	if want := []string{"Nguyễn Văn An HTTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCountLineIsNoRow: "Tổng số: 2 đảng viên" and "Cộng: 2" are no rows.
func TestCountLineIsNoRow(t *testing.T) {
	got, lines, _, _ := readRatings(t, [][]any{
		{"Họ và tên", "Xếp loại"},
		{"Nguyễn Văn An", "HTTNV"},
		{"Tổng số: 1 đảng viên"},
		{"Cộng: 1"},
	}, nil)
	if want := []string{"Nguyễn Văn An HTTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
}

// TestGhiChuReasons: the reason in Ghi chú acts as its column; a reason
// beside a rating, or two reasons, is an error at the cell.
func TestGhiChuReasons(t *testing.T) {
	_, lines, u, codes := readRatings(t, [][]any{
		{"Mã đơn vị", "Họ và tên", "Xếp loại", "Ghi chú"},
		{"CB01", "A", nil, "Miễn công tác và sinh hoạt đảng"},
		{"CB01", "B", nil, "đình chỉ sinh hoạt"},
		{"CB01", "C", nil, "Mới kết nạp, chưa đủ 6 tháng"},
		{"CB01", "D", "HTTNV", "Miễn công tác và sinh hoạt đảng"},
		{"CB01", "E", nil, "miễn sinh hoạt; đình chỉ sinh hoạt"},
		{"CB01", "F", "HTTNV", "chuyển đến tháng 3"},
	}, nil)
	if got, want := memberLines(u), []string{"A  miễn", "B  đình chỉ", "C  mới kết nạp", "F HTTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
	for _, w := range []string{"Đảng viên!D5 member.note_rated", "Đảng viên!D6 member.note_reasons"} {
		if !slices.Contains(codes, w) {
			t.Errorf("no %q in %q", w, codes)
		}
	}
}

// TestLevelMarkedByCross: "x" under HTXSNV | HTTNV | HTNV | KHTNV is the
// rating; two marks are an error naming both cells.
func TestLevelMarkedByCross(t *testing.T) {
	got, lines, _, codes := readRatings(t, [][]any{
		{"Mã đơn vị", "Họ và tên", "Xếp loại"},
		{nil, nil, "HTXSNV", "HTTNV", "HTNV", "KHTNV"},
		{"CB01", "An", "x"},
		{"CB01", "Bình", nil, nil, nil, "X"},
		{"CB01", "Cường", nil, "x", "x"},
	}, mergeAll("Đảng viên", "A1:A2", "B1:B2", "C1:F1"))
	if want := []string{"An HTXSNV", "Bình KHTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
	if !slices.Contains(codes, "Đảng viên!E5 value.marks") {
		t.Errorf("%q", codes)
	}
	// Tiêu chí levels as Mẫu 04 lays them out.
	path := writeBookOpts(t, t.TempDir(), "tc.xlsx", mergeAll("Tiêu chí", "A1:A2", "B1:B2", "C1:C2", "D1:G1"),
		unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Tiêu chí", [][]any{
			{"Tiêu chí", "Nhóm", "Mã đơn vị", "Cấp độ thực hiện"},
			{nil, nil, nil, "Xuất sắc", "Tốt", "Trung bình", "Kém"},
			{"Lãnh đạo thực hiện nhiệm vụ chính trị", "Trọng tâm", "CB01", nil, "x"},
		}})
	res := readOne(t, path, Options{Year: 2024})
	if u := unitByCode(t, res.Dataset, "CB01"); len(u.Criteria) != 1 || u.Criteria[0].Level != criteria.LevelGood {
		t.Errorf("criteria %+v; %q", u.Criteria, problemLines(res))
	}
}

// TestMassOrgOwnWords: "Vững mạnh", "Khá" read through mass_org_ratings,
// each with a note; a word in no table is an error that names the key.
func TestMassOrgOwnWords(t *testing.T) {
	path := writeBook(t, t.TempDir(), "dt.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Đoàn thể", [][]any{
			{"Tên tổ chức", "Tự đánh giá, xếp loại", "Cấp trên trực tiếp xếp loại"},
			{"Công đoàn cơ sở", "Vững mạnh xuất sắc", "Vững mạnh xuất sắc"},
			{"Chi đoàn thanh niên", "Vững mạnh", "Khá"},
			{"Hội Cựu chiến binh", "Vững mạnh", "Tạm được"},
		}})
	res := readOne(t, path, Options{Year: 2024})
	u := unitByCode(t, res.Dataset, "CB01")
	var got []string
	for _, o := range u.MassOrgs {
		got = append(got, o.Name+" "+o.Rating.Code())
	}
	if want := []string{"Công đoàn cơ sở HTXSNV", "Chi đoàn thanh niên HTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, problemLines(res))
	}
	codes := problemCodes(t, res)
	for _, w := range []string{"Đoàn thể!C3 rating.mass_org_word", "Đoàn thể!C4 value.invalid"} {
		if !slices.Contains(codes, w) {
			t.Errorf("no %q in %q", w, codes)
		}
	}
	// The error says where a word of the organisation's own goes.
	for _, p := range res.Dataset.Problems {
		if p.Cell == "C4" && !strings.Contains(p.Message, "thêm từ này vào bảng mass_org_ratings") {
			t.Errorf("C4: %s", p.Message)
		}
	}
	// A criteria file's own table replaces the default.
	th := criteria.Default()
	th.MassOrgWords = []criteria.MassOrgWord{{Word: "Khá", Rating: criteria.HTTNV}}
	res = readOne(t, path, Options{Year: 2024, Criteria: &th})
	if codes := problemCodes(t, res); !slices.Contains(codes, "Đoàn thể!C2 value.invalid") {
		t.Errorf("own table: %q", codes)
	}
}

// TestHeaderBelowManyTitleLines: a header under 40 title lines is found.
func TestHeaderBelowManyTitleLines(t *testing.T) {
	var rows [][]any
	for i := range 40 {
		rows = append(rows, []any{"Dòng tiêu đề " + string(rune('A'+i%26))})
	}
	rows = append(rows, []any{"Mã đơn vị", "Họ và tên", "Xếp loại"}, []any{"CB01", "Nguyễn Văn An", "HTTNV"})
	got, lines, _, _ := readRatings(t, rows, nil)
	if want := []string{"Nguyễn Văn An HTTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
}

// TestUnknownHeaderNamedInMissingColumn: the header that left a required
// column missing is named in the error, with what to do.
func TestUnknownHeaderNamedInMissingColumn(t *testing.T) {
	_, lines, _, _ := readRatings(t, [][]any{
		{"Mã đơn vị", "Họ và tên", "KQ XL cuối năm"},
		{"CB01", "Nguyễn Văn An", "HTTNV"},
	}, nil)
	want := `Đảng viên! error: Thiếu cột bắt buộc "Xếp loại"; sheet này không được đọc; các cột không nhận ra: "KQ XL cuối năm" (C) — nếu một trong số đó là cột còn thiếu, đổi tiêu đề cột cho đúng`
	if !slices.Contains(lines, want) {
		t.Errorf("no %q in %q", want, lines)
	}
}

// TestMeetingDateSpellings: "Ngày họp" and "Ngày sinh hoạt" date a
// meeting in Sinh hoạt.
func TestMeetingDateSpellings(t *testing.T) {
	for _, h := range []string{"Ngày họp", "Ngày sinh hoạt"} {
		path := writeBook(t, t.TempDir(), "sh.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
			sheet{"Sinh hoạt", [][]any{{h, "Loại", "Điểm"}, {"05/03/2024", "Thường kỳ", 92}}})
		res := readOne(t, path, Options{Year: 2024})
		if u := unitByCode(t, res.Dataset, "CB01"); len(u.Meetings) != 1 || u.Meetings[0].Date.Month() != 3 {
			t.Errorf("%s: %+v %q", h, u.Meetings, problemLines(res))
		}
	}
}

// TestSignatureLookAlikes: rows that begin like a count line or name a
// signer's title but are data stay data: a criterion "Tổng số đảng viên
// kết nạp…" beside its group and level, a member whose name is missing
// and whose function is "Bí thư" (an error of that row, not the end of
// the table).
func TestSignatureLookAlikes(t *testing.T) {
	path := writeBook(t, t.TempDir(), "tc.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Tiêu chí", [][]any{{"Tiêu chí", "Nhóm", "Mức"},
			{"Tổng số đảng viên kết nạp mới đạt chỉ tiêu", "Khác", "Tốt"},
			{"Cộng", 1}}})
	res := readOne(t, path, Options{Year: 2024})
	if u := unitByCode(t, res.Dataset, "CB01"); len(u.Criteria) != 1 {
		t.Errorf("criteria %+v; %q", u.Criteria, problemLines(res))
	}
	got, lines, _, codes := readRatings(t, [][]any{
		{"STT", "Họ và tên", "Chức vụ", "Xếp loại"},
		{1, nil, "Bí thư", "HTTNV"},
		{2, "Trần Thị Bình", "Chuyên viên", "HTNV"},
	}, nil)
	if want := []string{"Trần Thị Bình HTNV"}; !slices.Equal(got, want) { // the row in error is left out
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
	if !slices.Contains(codes, "Đảng viên!B2 cell.missing") {
		t.Errorf("%q", codes)
	}
}

// TestSignatureWithoutDiacritics: "BI THU", "Nguoi lap bieu" typed
// without marks end the table too.
func TestSignatureWithoutDiacritics(t *testing.T) {
	got, lines, _, _ := readRatings(t, [][]any{
		{"Họ và tên", "Xếp loại"},
		{"Nguyễn Văn An", "HTTNV"},
		{"TM. CHI BO", "Nguoi lap bieu"},
		{"BI THU"},
		{"Nguyen Van An"},
	}, nil)
	if want := []string{"Nguyễn Văn An HTTNV"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q; %q", got, want, lines)
	}
}
