package workbook

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

// A chi bộ's own workbook has one row in Đơn vị and may leave Mã đơn vị
// out of its other sheets; it may date meetings by month only.
func TestReadSingleUnitWorkbookWithMonths(t *testing.T) {
	path := writeBook(t, t.TempDir(), "chi-bo.xlsx",
		sheet{"Đơn vị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Loại"},
			{"CB05", "Chi bộ Văn phòng", "Chi bộ cơ sở"},
		}},
		sheet{"Sinh hoạt", [][]any{
			{"Tháng", "Loại", "Điểm"},
			{"Tháng 1", "Thường kỳ", 90},
			{2, "Thường kỳ", "88,5"},
			{"3/2024", "Chuyên đề", 95},
			{"12/2023", "Thường kỳ", 95},
			{"Tháng 13", "Thường kỳ", 95},
		}},
		sheet{"Đảng viên", [][]any{
			{"Họ và tên", "Xếp loại"},
			{"Đỗ Thị Hoa", "Hoàn thành tốt nhiệm vụ"},
		}},
	)
	res := readOne(t, path, Options{Year: 2024})
	ds := res.Dataset
	if ds.Year != 2024 || ds.YearAuto {
		t.Errorf("year = %d (auto %v), want 2024 from --year", ds.Year, ds.YearAuto)
	}
	u := unitByCode(t, ds, "CB05")
	var months []string
	for _, m := range u.Meetings {
		if !m.MonthOnly {
			t.Errorf("meeting %v not marked month-only", m.Source)
		}
		months = append(months, m.Date.Format("2006-01-02"))
	}
	if want := []string{"2024-01-01", "2024-02-01", "2024-03-01"}; !slices.Equal(months, want) {
		t.Errorf("meeting dates = %v, want %v", months, want)
	}
	if len(u.Members) != 1 || u.Members[0].Rating != criteria.HTTNV {
		t.Errorf("members = %+v", u.Members)
	}
	want := []string{
		`Sinh hoạt! note: Bỏ qua 1 dòng không thuộc năm đánh giá 2024 (năm 2023: 1 dòng)`,
		`Sinh hoạt!A6 error: Tháng "Tháng 13" không đọc được; cần số 1–12, "3/2024" hoặc "Tháng 3"`,
	}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !u.HasErrors {
		t.Error("a row with an unreadable month does not mark its unit")
	}
	if u.Sheets != criteria.SheetSet(0).With(criteria.SheetUnits).With(criteria.SheetMeetings).With(criteria.SheetMembers) {
		t.Errorf("sheets = %b", u.Sheets)
	}
}

// In a workbook of several units, a sheet without Mã đơn vị cannot be
// attributed: it is a missing required column.
func TestReadMissingRequiredColumn(t *testing.T) {
	path := writeBook(t, t.TempDir(), "khoi.xlsx",
		unitsSheet(
			[]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"},
			[]any{"CB02", "Chi bộ B", "Chi bộ cơ sở"},
		),
		sheet{"Đảng viên", [][]any{
			{"Mã đơn vị", "Họ và tên", "Ghi chú"},
			{"CB01", "Nguyễn Văn A"},
		}},
		sheet{"Sinh hoạt", [][]any{
			{"Ngày", "Loại", "Điểm"},
			{"15/01/2024", "Thường kỳ", 90},
		}},
		sheet{"Cán bộ", [][]any{
			{"Mã đơn vị", "Họ và tên", "Xếp loại"},
			{"CB01", "Lê Thị C", "HTNV"},
		}},
	)
	res := readOne(t, path, Options{Year: 2024})
	want := []string{"Sinh hoạt! sheet.missing_column", "Đảng viên! sheet.missing_column"}
	got := problemCodes(t, res)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, u := range res.Dataset.Units {
		if !u.HasErrors {
			t.Errorf("%s: HasErrors false, want true (a sheet of its workbook could not be read)", u.Code)
		}
		if u.Sheets.Has(criteria.SheetMembers) || u.Sheets.Has(criteria.SheetMeetings) || !u.Sheets.Has(criteria.SheetStaff) {
			t.Errorf("%s: sheets = %b, want the unread sheets left out", u.Code, u.Sheets)
		}
		if len(u.Members) != 0 || len(u.Meetings) != 0 {
			t.Errorf("%s: rows of an unread sheet were read", u.Code)
		}
	}
	if len(unitByCode(t, res.Dataset, "CB01").Staff) != 1 {
		t.Error("the readable Cán bộ sheet was not read")
	}
}

func TestReadParentChecks(t *testing.T) {
	path := writeBook(t, t.TempDir(), "khoi.xlsx",
		unitsSheet(
			[]any{"DB01", "Đảng bộ Sở Tài chính", "Đảng bộ cơ sở"},
			[]any{"CB01", "Chi bộ Phòng 1", "Chi bộ trực thuộc", "DB01"},
			[]any{"CB02", "Chi bộ Phòng 2", "Chi bộ trực thuộc", "Đảng bộ Sở Tài chính"},
			[]any{"CB03", "Chi bộ Phòng 3", "Chi bộ trực thuộc"},
			[]any{"CB04", "Chi bộ Phòng 4", "Chi bộ trực thuộc", "DB09"},
			[]any{"CB05", "Chi bộ Sở Nội vụ", "Chi bộ cơ sở", "Đảng ủy Khối"},
			[]any{"CB06", "Chi bộ Phòng 6", "Chi bộ trực thuộc", "CB05"},
			[]any{"", "Chi bộ không mã", "Chi bộ cơ sở"},
			[]any{"CB08", "Chi bộ Phòng 8", "Chi bộ"},
		),
		sheet{"Đảng viên", [][]any{
			{"Mã đơn vị", "Họ và tên", "Xếp loại"},
			{"CB08", "Nguyễn Văn A", "HTNV"},
		}},
	)
	res := readOne(t, path, Options{Year: 2024})
	ds := res.Dataset
	for code, want := range map[string]string{"CB01": "DB01", "CB02": "DB01", "CB05": ""} {
		if u := unitByCode(t, ds, code); u.Parent != want || u.HasErrors {
			t.Errorf("%s: parent %q (errors %v), want %q", code, u.Parent, u.HasErrors, want)
		}
	}
	// The parent stays as written beside its error (SPEC §3, precise readings).
	for code, parent := range map[string]string{"CB03": "", "CB04": "DB09", "CB06": "CB05"} {
		if u := unitByCode(t, ds, code); !u.HasErrors || u.Parent != parent {
			t.Errorf("%s: parent %q, errors %v; want an error and parent %q", code, u.Parent, u.HasErrors, parent)
		}
	}
	want := []string{
		"Đơn vị!D5 unit.parent_missing",
		"Đơn vị!D6 unit.parent_unknown",
		"Đơn vị!D8 unit.parent_not_committee",
		"Đơn vị!A9 cell.missing",
		"Đơn vị!C10 value.invalid",
	}
	if got := problemCodes(t, res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(ds.Units) != 7 {
		t.Errorf("%d units, want 7 (rows without code or type define none)", len(ds.Units))
	}
}

// A folder is read as its .xlsx files in name order, skipping Excel lock
// files (with a note), hidden and other files; a code defined in both is an
// error at both places.
func TestReadFolderWithDuplicateCode(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "b-chi-bo.xlsx",
		unitsSheet([]any{"CB01", "Chi bộ Sở Xây dựng", "Chi bộ cơ sở"}, []any{"CB02", "Chi bộ Sở Công Thương", "Chi bộ cơ sở"}),
		sheet{"Sinh hoạt", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}, {"CB01", "10/01/2024", "Thường kỳ", 91}, {"DB01", "12/01/2024", "Thường kỳ", 80}}},
	)
	writeBook(t, dir, "a-dang-bo.xlsx",
		unitsSheet([]any{"DB01", "Đảng bộ Sở Giáo dục", "Đảng bộ cơ sở"}, []any{"CB01", "Chi bộ Trường A", "Chi bộ trực thuộc", "DB01"}),
		sheet{"Sinh hoạt", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}, {"CB01", "11/01/2024", "Thường kỳ", 75}}},
	)
	for _, junk := range []string{"~$a-dang-bo.xlsx", "ghi-chu.txt", ".an.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, junk), []byte("not a workbook"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Read([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range res.Files {
		paths = append(paths, filepath.Base(f.Path))
	}
	if !slices.Equal(paths, []string{"a-dang-bo.xlsx", "b-chi-bo.xlsx"}) {
		t.Errorf("files read = %v", paths)
	}
	ds := res.Dataset
	if len(ds.Units) != 4 {
		t.Fatalf("%d units, want 4 (both definitions kept)", len(ds.Units))
	}
	var codes []string
	for _, u := range ds.Units {
		codes = append(codes, u.Code)
		if (u.Code == "CB01") != u.HasErrors {
			t.Errorf("%s (%s): HasErrors %v", u.Code, u.Name, u.HasErrors)
		}
	}
	if !slices.Equal(codes, []string{"DB01", "CB01", "CB01", "CB02"}) {
		t.Errorf("units in order = %v", codes)
	}
	// Each file's rows go to its own CB01; DB01 gets a row from the other file.
	if m := ds.Units[1].Meetings; len(m) != 1 || m[0].Score != 75 {
		t.Errorf("a-dang-bo CB01 meetings = %+v", m)
	}
	if m := ds.Units[2].Meetings; len(m) != 1 || m[0].Score != 91 {
		t.Errorf("b-chi-bo CB01 meetings = %+v", m)
	}
	if m := ds.Units[0].Meetings; len(m) != 1 || m[0].Score != 80 {
		t.Errorf("DB01 meetings = %+v", m)
	}
	var got []string
	for _, p := range ds.Problems {
		got = append(got, p.String())
	}
	want := []string{
		`~$a-dang-bo.xlsx: Tệp khóa của Excel (có người đang mở sổ cùng tên), bỏ qua; sổ đang mở có thể còn thay đổi chưa lưu, không được đánh giá: hãy lưu và đóng sổ rồi chạy lại`,
		`a-dang-bo.xlsx › Đơn vị!A3: Mã đơn vị "CB01" được khai báo lại ở b-chi-bo.xlsx › Đơn vị!A2; mỗi mã chỉ được khai báo một lần`,
		`b-chi-bo.xlsx › Đơn vị!A2: Mã đơn vị "CB01" đã được khai báo ở a-dang-bo.xlsx › Đơn vị!A3; mỗi mã chỉ được khai báo một lần`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadSameOutputAsSequential(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"1.xlsx", "2.xlsx", "3.xlsx", "4.xlsx"} {
		paths = append(paths, writeBook(t, dir, name,
			unitsSheet([]any{"CB" + name[:1], "Chi bộ " + name[:1], "Chi bộ cơ sở"}),
			sheet{"Sinh hoạt", [][]any{{"Ngày", "Loại", "Điểm"}, {"10/01/2024", "Thường kỳ", 101}}}))
	}
	res, err := Read(paths, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range res.Dataset.Problems {
		files = append(files, p.File)
	}
	if !slices.Equal(files, []string{"1.xlsx", "2.xlsx", "3.xlsx", "4.xlsx"}) {
		t.Errorf("problems in file order %v", files)
	}
}

func TestReadYear(t *testing.T) {
	dir := t.TempDir()
	path := writeBook(t, dir, "a.xlsx",
		unitsSheet([]any{"DB01", "Đảng bộ A", "Đảng bộ cơ sở"}),
		sheet{"Họp cấp ủy", [][]any{{"Ngày", "Loại"}, {"10/01/2023", "BCH"}, {"10/01/2024", "BCH"}, {"10/02/2024", "BCH"}, {"10/03/2023", "BCH"}}},
		sheet{"Đơn thư vụ việc", [][]any{{"Ngày", "Loại"}, {"01/01/2025", "Đơn thư"}, {"02/01/2025", "Đơn thư"}, {"03/01/2025", "Đơn thư"}}},
	)
	// A tie between 2023 and 2024 goes to the later year; Đơn thư does not vote.
	ds := readOne(t, path, Options{}).Dataset
	if ds.Year != 2024 || !ds.YearAuto {
		t.Errorf("inferred year %d, want 2024", ds.Year)
	}
	if n := len(ds.Units[0].CommitteeMeetings); n != 2 {
		t.Errorf("%d committee meetings kept, want the 2 of 2024", n)
	}
	if n := len(ds.Units[0].Cases); n != 0 {
		t.Errorf("%d cases of 2025 kept", n)
	}

	empty := writeBook(t, dir, "b.xlsx", unitsSheet([]any{"CB01", "Chi bộ B", "Chi bộ cơ sở"}))
	res := readOne(t, empty, Options{Today: date(2031, 6, 1)})
	if res.Dataset.Year != 2031 || !res.Dataset.YearNow {
		t.Errorf("year without dated rows = %d (YearNow %v), want the current year", res.Dataset.Year, res.Dataset.YearNow)
	}
	if ds.YearNow {
		t.Error("YearNow set for a workbook with dated rows")
	}
	if got := problemLines(res); len(got) != 1 || !strings.Contains(got[0], "warning: Không có buổi sinh hoạt") {
		t.Errorf("problems = %v, want one warning about the year", got)
	}
}

// Workbooks saved by old Mac Excel count dates from 1904.
func TestReadDate1904(t *testing.T) {
	yes := true
	path := writeBookOpts(t, t.TempDir(), "mac.xlsx", func(f *excelize.File) {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
		_ = f.SetCellValue("Sinh hoạt", "A2", 43844) // 15/01/2024 in the 1904 system
	},
		unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Sinh hoạt", [][]any{{"Ngày", "Loại", "Điểm"}, {nil, "Thường kỳ", 90}}},
	)
	u := readOne(t, path, Options{}).Dataset.Units[0]
	if len(u.Meetings) != 1 || !u.Meetings[0].Date.Equal(date(2024, 1, 15)) {
		t.Errorf("meetings = %+v, want one on 2024-01-15", u.Meetings)
	}
}

func TestReadFatalWorkbooks(t *testing.T) {
	dir := t.TempDir()
	noUnits := writeBook(t, dir, "khong-don-vi.xlsx", sheet{"Sinh hoạt", [][]any{{"Ngày", "Loại", "Điểm"}}})
	badUnits := writeBook(t, dir, "thieu-cot.xlsx", sheet{"Đơn vị", [][]any{{"Mã đơn vị", "Tên đơn vị"}, {"CB01", "Chi bộ A"}}})
	emptyUnits := writeBook(t, dir, "trong.xlsx", sheet{"Đơn vị", nil})
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{noUnits}, `không đọc được "` + noUnits + `": sổ không có sheet "Đơn vị"`},
		{[]string{badUnits}, `không đọc được "` + badUnits + `": sheet "Đơn vị": thiếu cột bắt buộc "Loại"`},
		{[]string{emptyUnits}, `không đọc được "` + emptyUnits + `": sheet "Đơn vị" trống`},
		{[]string{filepath.Join(dir, "khong-co.xlsx")}, `không tìm thấy tệp hoặc thư mục`},
		{[]string{t.TempDir()}, `thư mục không có sổ .xlsx, .xlsm nào`},
	}
	for _, tt := range tests {
		_, err := Read(tt.paths, Options{})
		var fe *fileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%v) error = %v, want %q", tt.paths, err, tt.want)
		}
	}
}

// Offices number their sheets ("1. Đơn vị") and often name units instead
// of giving their codes.
func TestReadNumberedSheetsAndUnitNames(t *testing.T) {
	path := writeBook(t, t.TempDir(), "khoi.xlsx",
		sheet{"1. Đơn vị", [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại"},
			{"CB01", "Chi bộ Sở Xây dựng", "Chi bộ cơ sở"}, {"CB02", "Chi bộ Sở Nội vụ", "Chi bộ cơ sở"}}},
		sheet{"2-Sinh hoat", [][]any{{"Chi bộ", "Ngày", "Loại", "Điểm"},
			{"chi bo so noi vu", "10/01/2024", "Thường kỳ", 90},
			{"Chi bộ Sở Tài chính", "11/01/2024", "Thường kỳ", 90}}},
		sheet{"Sinh hoạt", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}, {"CB01", "10/01/2024", "Thường kỳ", 90}}},
	)
	res := readOne(t, path, Options{})
	if u := unitByCode(t, res.Dataset, "CB02"); len(u.Meetings) != 1 {
		t.Errorf("CB02 meetings = %+v, want the row naming it", u.Meetings)
	}
	if u := unitByCode(t, res.Dataset, "CB01"); len(u.Meetings) != 0 {
		t.Errorf("CB01 meetings = %+v, want none: the second Sinh hoạt sheet is not read", u.Meetings)
	}
	want := []string{
		`2-Sinh hoat!A3 error: Mã đơn vị "Chi bộ Sở Tài chính" không có trong sheet Đơn vị`,
		`Sinh hoạt! warning: Sheet này trùng vai trò với sheet "2-Sinh hoat" (Sinh hoạt); chỉ đọc sheet "2-Sinh hoat"`,
	}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A cell secretary's own workbook holds only the chi bộ trực thuộc: the
// đảng bộ it names is not at hand, which is worth a note, not an error.
func TestSingleSubordinateCellWithoutItsParent(t *testing.T) {
	path := writeBook(t, t.TempDir(), "chi-bo.xlsx",
		sheet{"Đơn vị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Loại", "Trực thuộc"},
			{"DB01-02", "Chi bộ Phòng Bổ trợ tư pháp", "Chi bộ trực thuộc", "DB01"},
		}},
		sheet{"Sinh hoạt", [][]any{
			{"Ngày", "Loại", "Điểm"},
			{"15/01/2024", "Thường kỳ", 92},
		}},
	)
	res, err := Read([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := res.Dataset.Units[0]
	if u.HasErrors || u.Parent != "DB01" {
		t.Fatalf("HasErrors %v, Parent %q; want no errors and parent DB01", u.HasErrors, u.Parent)
	}
	var notes []string
	for _, p := range res.Dataset.Problems {
		if p.Severity == criteria.SeverityError {
			t.Errorf("unexpected error: %s", p)
		}
		if p.Severity == criteria.SeverityNote && p.Cell == "D2" {
			notes = append(notes, p.Message)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], `"DB01"`) {
		t.Fatalf("notes at D2: %q; want one naming DB01", notes)
	}
}
