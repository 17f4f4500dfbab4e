package workbook

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// messyBook is a bloc workbook laid out the way office sheets are: title
// rows above the header, headers in another case and without diacritics,
// a two-row merged header, STT columns, a row of column numbers, blank,
// section and total rows, abbreviations, decimal commas, dates as serials
// and as text.
func messyBook(t *testing.T, dir string) string {
	return writeBook(t, dir, "khoi.xlsx",
		sheet{"DON VI", [][]any{
			{"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"},
			{"DANH SÁCH TỔ CHỨC ĐẢNG NĂM 2024"},
			{},
			{"STT", "MÃ  ĐƠN VỊ", "ten don vi", "Loại", "Trực thuộc", "Cụm", "Làm điểm", "Có ban thường vụ", "Xếp loại", "Chỉ tiêu kết nạp", "Đã kết nạp"},
			{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"},
			{"I", "Đảng bộ cơ sở"},
			{1, "DB01", "Đảng bộ Sở Y tế", "Đảng bộ cơ sở", nil, "Cụm 1", "x", "Có", "HTXSNV", 3, "3"},
			{"II", "Chi bộ"},
			{2, "CB01", "Chi bộ Phòng Tổ chức", "chi bo truc thuoc", "DB01", "Cụm 1", "Không", nil, "Hoàn thành tốt NV"},
			{3, "CB02", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở", nil, "Cụm 1", "✓", nil, "Hoàn thành xuất sắc"},
			{},
			{nil, "Cộng", 3},
		}},
		sheet{"Sinh hoạt chi bộ", [][]any{
			{"SỔ THEO DÕI SINH HOẠT CHI BỘ"},
			{"STT", "Mã đơn vị", "Ngày", "Loại sinh hoạt", "Điểm các nhóm tiêu chí", nil, nil, nil, nil, "Tổng điểm", "Có mặt", "Tổng số đảng viên"},
			{nil, nil, nil, nil, "Tỷ lệ đảng viên tham gia", "Chuẩn bị", "Tổ chức", "Nguyên tắc", "Kết quả"},
			{1, "CB01", date(2024, 1, 15), "Thường kỳ", 18, "19,5", 18, 19, 18, "92,5", 10, 11},
			{2, "CB01", "15/02/2024", "thuong ky", nil, nil, nil, nil, nil, 85, 9, 11},
			{3, "cb02", "2024-03-05", "CĐ", nil, nil, nil, nil, nil, "8,5"},
			{4, "CB02", "05/03/2023", "Thường kỳ", nil, nil, nil, nil, nil, 90},
			{5, "CB02", "05/03/2024", "Thường kì", nil, nil, nil, nil, nil, 105},
			{6, "CB09", "06/03/2024", "Thường kỳ", nil, nil, nil, nil, nil, 90},
			{7, "CB01", "07/03/2024", "Thường kỳ", 18, 18, 18, 18, 18, 95},
			{8, "CB01", "31/02/2024", "Thường kỳ", nil, nil, nil, nil, nil, 80},
			{9, "CB01", "08/03/2024", "Chuyên đề", 25, 18, 18, 18, 18},
			{nil, "Tổng cộng"},
		}},
		sheet{"Họp cấp ủy", [][]any{
			{"Mã đơn vị", "Ngày họp", "Loại"},
			{"DB01", date(2024, 1, 5), "BCH"},
			{"DB01", "05/02/2024", "Ban thường vụ"},
			{"DB01", "10/12/2024", "Hội nghị toàn đảng bộ"},
		}},
		sheet{"Dang vien", [][]any{
			{"STT", "ma don vi", "ho va ten", "Số thẻ đảng viên", "Miễn SH", "XẾP LOẠI", "Vi phạm", "Nhận xét nơi cư trú", "Chức vụ"},
			{1, "CB01", "Nguyễn Văn An", "01.234", nil, "HTXSNV", "Không", "Tốt"},
			{2, "CB01", "Trần Thị Bình", nil, "x", nil, nil, "Không lấy ý kiến"},
			{3, "CB01", "Lê Văn Cường", nil, nil, "Hoàn thàn tốt", nil, "Khá"},
			{4, "CB02", "Phạm Thị Dung", nil, "Không", "htnv", "Có", "Chưa tốt", "Phó Giám đốc"},
			{5, "CB02", "Hoàng Văn Em", nil, nil, nil},
			{6},
		}},
		sheet{"Cán bộ", [][]any{
			{"Mã đơn vị", "Họ tên", "Xếp loại"},
			{"CB02", "Vũ Thị Giang", "HTTNV"},
		}},
		sheet{"Đoàn thể", [][]any{
			{"Mã đơn vị", "Tổ chức", "Xếp loại chất lượng"},
			{"DB01", "Công đoàn Sở Y tế", "Hoàn thành tốt nhiệm vụ"},
		}},
		sheet{"Tiêu chí", [][]any{
			{"Mã đơn vị", "Tiêu chí", "Nhóm", "Mức", "Điểm"},
			{"CB02", "Kết quả thực hiện nhiệm vụ chính trị", "Trọng tâm", "Tốt"},
			{"CB02", "Công tác dân vận", "Khác", nil, "72,5"},
			{"CB02", "Công tác kiểm tra", "Khac", nil, nil},
		}},
		sheet{"Đơn thư, vụ việc", [][]any{
			{"Mã đơn vị", "Ngày", "Loại", "Đã giải quyết"},
			{"DB01", "10/04/2024", "Vấn đề nổi cộm", "Đã giải quyết"},
			{"DB01", nil, "Khiếu nại", nil},
		}},
		sheet{"Tự đánh giá", [][]any{
			{"Mã đơn vị", "Mục", "Kết quả", "Ghi chú"},
			{"CB02", "tc1.q1", "Đạt", "Có nghị quyết chuyên đề"},
			{"CB02", criteria.Items[1].Text, "Không đạt"},
			{"CB02", "tc1.q3", nil},
		}},
		sheet{"Hướng dẫn", [][]any{{"Sheet này không được đọc"}}},
	)
}

func unitByCode(t *testing.T, ds *criteria.Dataset, code string) *criteria.Unit {
	t.Helper()
	for _, u := range ds.Units {
		if u.Code == code {
			return u
		}
	}
	t.Fatalf("unit %s not read", code)
	return nil
}

func TestReadMessyWorkbook(t *testing.T) {
	path := messyBook(t, t.TempDir())
	res := readOne(t, path, Options{})
	ds := res.Dataset
	if ds.Year != 2024 || !ds.YearAuto {
		t.Errorf("year = %d (auto %v), want 2024 inferred", ds.Year, ds.YearAuto)
	}
	if len(ds.Units) != 3 {
		t.Fatalf("read %d units, want 3", len(ds.Units))
	}

	db := unitByCode(t, ds, "DB01")
	if db.Type != criteria.Committee || !db.Pilot || !db.Standing || db.Rating != criteria.HTXSNV ||
		!db.HasTarget || db.AdmissionTarget != 3 || !db.HasAdmitted || db.Admitted != 3 || db.Cluster != "Cụm 1" {
		t.Errorf("DB01 = %+v", *db)
	}
	if db.Source.Row != 7 || db.Source.Sheet() != "DON VI" {
		t.Errorf("DB01 source = %+v, want DON VI row 7", db.Source)
	}
	if len(db.CommitteeMeetings) != 3 || db.CommitteeMeetings[0].Kind != criteria.ExecutiveBoard ||
		db.CommitteeMeetings[2].Kind != criteria.Assembly || !db.CommitteeMeetings[0].Date.Equal(date(2024, 1, 5)) {
		t.Errorf("DB01 committee meetings = %+v", db.CommitteeMeetings)
	}
	if len(db.Cases) != 2 || db.Cases[0].Kind != criteria.PressingIssue || !db.Cases[0].Resolved ||
		db.Cases[1].Resolved || !db.Cases[1].Date.IsZero() {
		t.Errorf("DB01 cases = %+v", db.Cases)
	}
	if len(db.MassOrgs) != 1 || db.MassOrgs[0].Rating != criteria.HTTNV {
		t.Errorf("DB01 mass orgs = %+v", db.MassOrgs)
	}

	cb1 := unitByCode(t, ds, "CB01")
	if cb1.Type != criteria.CellSubordinate || cb1.Parent != "DB01" || cb1.Pilot || cb1.Rating != criteria.HTTNV {
		t.Errorf("CB01 = %+v", *cb1)
	}
	if !cb1.HasErrors {
		t.Error("CB01 has rows with errors but HasErrors is false")
	}
	// Rows 4 and 5 are good; 10 has a total that is not the sum of its
	// groups; 11 an impossible date; 12 a group score over its maximum.
	if len(cb1.Meetings) != 2 {
		t.Fatalf("CB01 meetings = %d, want 3: %+v", len(cb1.Meetings), cb1.Meetings)
	}
	m := cb1.Meetings[0]
	if !m.Date.Equal(date(2024, 1, 15)) || m.Kind != criteria.Regular || !m.HasScore || m.Score != 92.5 ||
		m.Present != 10 || m.Total != 11 || m.Source.Row != 4 {
		t.Errorf("first meeting = %+v", m)
	}
	if m := cb1.Meetings[1]; !m.HasScore || m.Score != 85 || !m.Date.Equal(date(2024, 2, 15)) {
		t.Errorf("second meeting = %+v", m)
	}
	if len(cb1.Members) != 2 { // Lê Văn Cường's rating is misspelt
		t.Fatalf("CB01 members = %+v", cb1.Members)
	}
	if a := cb1.Members[0]; a.Name != "Nguyễn Văn An" || a.ID != "01.234" || a.Rating != criteria.HTXSNV || a.Residence != criteria.ResidencePositive {
		t.Errorf("member An = %+v", a)
	}
	if b := cb1.Members[1]; !b.Exempt || b.Rating != criteria.RatingNone || b.Residence != criteria.ResidenceNotTaken {
		t.Errorf("member Bình = %+v", b)
	}

	cb2 := unitByCode(t, ds, "CB02")
	if cb2.Type != criteria.CellGrassroots || !cb2.Pilot || cb2.Rating != criteria.HTXSNV {
		t.Errorf("CB02 = %+v", *cb2)
	}
	if len(cb2.Meetings) != 1 || cb2.Meetings[0].Kind != criteria.Thematic || cb2.Meetings[0].Score != 8.5 {
		t.Errorf("CB02 meetings = %+v", cb2.Meetings)
	}
	if len(cb2.Members) != 2 || !cb2.Members[0].Violation || cb2.Members[0].Residence != criteria.ResidenceNegative ||
		cb2.Members[1].Rating != criteria.RatingNone {
		t.Errorf("CB02 members = %+v", cb2.Members)
	}
	if len(cb2.Staff) != 1 || cb2.Staff[0].Rating != criteria.HTTNV {
		t.Errorf("CB02 staff = %+v", cb2.Staff)
	}
	// The third criterion has neither Mức nor Điểm: not graded yet, kept
	// so that TC1 names it as missing.
	if len(cb2.Criteria) != 3 || !cb2.Criteria[0].Key || cb2.Criteria[0].Level != criteria.LevelGood ||
		cb2.Criteria[1].Key || !cb2.Criteria[1].HasScore || cb2.Criteria[1].Score != 72.5 ||
		cb2.Criteria[2].Level != criteria.LevelNone || cb2.Criteria[2].HasScore {
		t.Errorf("CB02 criteria = %+v", cb2.Criteria)
	}
	if len(cb2.SelfAssessment) != 2 || cb2.SelfAssessment[0].ItemID != "tc1.q1" || !cb2.SelfAssessment[0].Met ||
		cb2.SelfAssessment[1].ItemID != "tc1.q2" || cb2.SelfAssessment[1].Met {
		t.Errorf("CB02 self-assessment = %+v", cb2.SelfAssessment)
	}
	all := criteria.SheetSet(0)
	for _, s := range criteria.AllSheets() {
		if s != criteria.SheetHistory { // optional, and not in this workbook
			all = all.With(s)
		}
	}
	if cb2.Sheets != all {
		t.Errorf("CB02 sheets = %b, want every sheet %b", cb2.Sheets, all)
	}

	got := problemLines(res)
	wantLines := []string{
		`Sinh hoạt chi bộ! note: Bỏ qua 1 dòng không thuộc năm đánh giá 2024 (năm 2023: 1 dòng)`,
		`Sinh hoạt chi bộ!J8 error: Tổng điểm 105 ngoài khoảng 0–100`,
		`Sinh hoạt chi bộ!B9 error: Mã đơn vị "CB09" không có trong sheet Đơn vị; có phải "CB01"?`,
		`Sinh hoạt chi bộ!J10 error: Tổng điểm 95 không khớp tổng điểm 5 nhóm 90; hai số phải bằng nhau`,
		`Sinh hoạt chi bộ!C11 error: Ngày "31/02/2024" không tồn tại; cần ngày dạng dd/mm/yyyy`,
		`Sinh hoạt chi bộ!E12 error: Tỷ lệ đảng viên tham gia 25 ngoài khoảng 0–20`,
		`Dang vien! note: Bỏ qua các cột không dùng đến: "Chức vụ" (I)`,
		`Dang vien!F4 error: Xếp loại "Hoàn thàn tốt" không hợp lệ; có phải "Hoàn thành tốt nhiệm vụ"?`,
	}
	if !slices.Equal(got, wantLines) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
	}
	for _, p := range ds.Problems {
		if p.File != "khoi.xlsx" {
			t.Errorf("problem file = %q, want the base name", p.File)
		}
	}
	if p := ds.Problems[1]; p.Unit != "CB02" {
		t.Errorf("score problem unit = %q, want CB02", p.Unit)
	}

	wantSheets := []SheetSummary{{"DON VI", 3}, {"Sinh hoạt chi bộ", 9}, {"Họp cấp ủy", 3}, {"Dang vien", 5},
		{"Cán bộ", 1}, {"Đoàn thể", 1}, {"Tiêu chí", 3}, {"Đơn thư, vụ việc", 2}, {"Tự đánh giá", 2}}
	if len(res.Files) != 1 || !slices.Equal(res.Files[0].Sheets, wantSheets) {
		t.Errorf("summary = %+v, want %+v", res.Files, wantSheets)
	}
}

// A unit with no row on its workbook's Tự đánh giá sheet is warned about
// that sheet, by name, as a unit with some rows is: the sheet to fill in
// exists; the warning said no sheet.
func TestSelfAssessmentWarningNamesSheet(t *testing.T) {
	path := writeBook(t, t.TempDir(), "tu-danh-gia.xlsx",
		unitsSheet([]any{"CB01", "Chi bộ Một", "Chi bộ cơ sở"}, []any{"CB02", "Chi bộ Hai", "Chi bộ cơ sở"}),
		sheet{"Tự đánh giá năm", [][]any{
			{"Mã đơn vị", "Mục", "Kết quả"},
			{"CB01", "tc1.q1", "Đạt"},
		}})
	res := readOne(t, path, Options{Year: 2024})
	rep := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	got := map[string]string{}
	for _, p := range rep.Problems {
		if p.Code == criteria.SelfAssessmentMissing.Code {
			got[p.Unit] = p.File + " › " + p.Sheet
		}
	}
	for _, u := range []string{"CB01", "CB02"} {
		if got[u] != "tu-danh-gia.xlsx › Tự đánh giá năm" {
			t.Errorf("%s: self-assessment warning at %q, want the workbook's Tự đánh giá sheet", u, got[u])
		}
	}
}

// The reader keeps no clock: an undated workbook read with no year takes
// the year of Options.Today, and without a day to take it from the read
// is refused rather than made on the real date.
func TestUndatedYearFromToday(t *testing.T) {
	path := writeBook(t, t.TempDir(), "khong-ngay.xlsx", unitsSheet([]any{"CB01", "Chi bộ Một", "Chi bộ cơ sở"}))
	res := readOne(t, path, Options{Today: date(2031, 6, 1)})
	if res.Dataset.Year != 2031 || !res.Dataset.YearNow {
		t.Errorf("year %d (now %v), want 2031 from Options.Today", res.Dataset.Year, res.Dataset.YearNow)
	}
	if _, err := Read([]string{path}, Options{}); !errors.Is(err, errNoToday) {
		t.Errorf("read with no day and no year: error %v, want errNoToday", err)
	}
}
