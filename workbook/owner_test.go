package workbook

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// headed is a sheet with a header block (one line a row from A1, nil for
// a blank row) over a table in the layout of SPEC §3.
func headed(name string, head []any, table ...[]any) sheet {
	var rows [][]any
	for _, h := range head {
		rows = append(rows, []any{h})
	}
	rows = append(rows, nil)
	return sheet{name, append(rows, table...)}
}

var (
	meetingTable = [][]any{{"STT", "Ngày", "Loại", "Điểm"}, {1, "10/01/2024", "Thường kỳ", 92}, {2, "12/02/2024", "Thường kỳ", 95}}
	memberTable  = [][]any{{"STT", "Họ và tên", "Xếp loại"}, {1, "Nguyễn Văn An", "HTTNV"}, {2, "Trần Thị Bình", "HTXSNV"}, {3, "Lê Văn Cường", "HTNV"}}
)

// The published forms' committee block names the unit: "ĐẢNG BỘ SỞ …" over
// "CHI BỘ …" is a chi bộ trực thuộc of that đảng bộ, under "ĐẢNG ỦY KHỐI
// …" a chi bộ cơ sở; the note says what was taken from which cell.
func TestOwnerFromCommitteeBlock(t *testing.T) {
	tests := []struct {
		file, code, name, parent, note string
		typ                            criteria.UnitType
	}{
		{"truc-thuoc.xlsx", "CB-VAN-PHONG-SO", "CHI BỘ VĂN PHÒNG SỞ", "ĐẢNG BỘ SỞ TƯ PHÁP",
			`Sinh hoạt!A2 note: Sổ không có sheet "Đơn vị": đơn vị của sổ là "CHI BỘ VĂN PHÒNG SỞ" (chi bộ trực thuộc, dưới "ĐẢNG BỘ SỞ TƯ PHÁP" ở ô A1), lấy từ khối tên cấp ủy ở đầu sheet; mã "CB-VAN-PHONG-SO" tạo từ tên. Nếu sai, hãy sửa phần đầu sheet hoặc thêm sheet "Đơn vị"`,
			criteria.CellSubordinate},
		{"co-so.xlsx", "CB-SO-NOI-VU", "CHI BỘ SỞ NỘI VỤ", "",
			`Sinh hoạt!A2 note: Sổ không có sheet "Đơn vị": đơn vị của sổ là "CHI BỘ SỞ NỘI VỤ" (chi bộ cơ sở, dưới "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" ở ô A1), lấy từ khối tên cấp ủy ở đầu sheet; mã "CB-SO-NOI-VU" tạo từ tên. Nếu sai, hãy sửa phần đầu sheet hoặc thêm sheet "Đơn vị"`,
			criteria.CellGrassroots},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := readOne(t, filepath.Join("..", "testdata", "owner", tt.file), Options{})
			ds := res.Dataset
			if len(ds.Units) != 1 {
				t.Fatalf("%d units, want 1", len(ds.Units))
			}
			u := ds.Units[0]
			if u.Code != tt.code || u.Name != tt.name || u.Type != tt.typ || u.Parent != tt.parent {
				t.Errorf("unit = %s %q %s parent %q, want %s %q %s parent %q", u.Code, u.Name, u.Type, u.Parent, tt.code, tt.name, tt.typ, tt.parent)
			}
			regular, thematic := 0, 0
			for _, m := range u.Meetings {
				if m.Kind == criteria.Thematic {
					thematic++
				} else {
					regular++
				}
			}
			if regular != 12 || thematic != 4 || len(u.Members) != 10 || len(u.MassOrgs) != 2 {
				t.Errorf("read %d regular, %d thematic meetings, %d members, %d mass orgs; want 12, 4, 10, 2", regular, thematic, len(u.Members), len(u.MassOrgs))
			}
			lines := problemLines(res)
			if len(lines) == 0 || lines[0] != tt.note || !ds.Problems[0].Lead {
				t.Errorf("first problem = %q, want the lead note %q", lines, tt.note)
			}
			for _, p := range ds.Problems {
				if p.Severity == criteria.SeverityError {
					t.Errorf("error: %v", p)
				}
			}
		})
	}
}

// A chi bộ's three files name it three ways — the block; only "Chi bộ:
// …" (whose type comes from the other files); a title "… CỦA CHI BỘ …" —
// and are one unit.
func TestOwnerFolderOfThreeFilesIsOneUnit(t *testing.T) {
	res, err := Read([]string{filepath.Join("..", "testdata", "owner", "ba-tep")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ds := res.Dataset
	if len(ds.Units) != 1 {
		t.Fatalf("units = %v, want one", codes(ds))
	}
	u := ds.Units[0]
	if u.Code != "CB-VAN-PHONG-SO" || u.Type != criteria.CellSubordinate || u.Parent != "ĐẢNG BỘ SỞ TƯ PHÁP" {
		t.Errorf("unit = %s %s %q", u.Code, u.Type, u.Parent)
	}
	if len(u.Meetings) != 16 || len(u.Members) != 10 || len(u.MassOrgs) != 2 || u.HasErrors {
		t.Errorf("%d meetings, %d members, %d mass orgs, errors %v; want 16, 10, 2, none", len(u.Meetings), len(u.Members), len(u.MassOrgs), u.HasErrors)
	}
	for _, s := range []criteria.Sheet{criteria.SheetMeetings, criteria.SheetMembers, criteria.SheetMassOrgs} {
		if !u.Sheets.Has(s) {
			t.Errorf("sheet %v not present for the merged unit", s)
		}
	}
	want := []string{
		`note 1-sinh-hoat.xlsx › Sinh hoạt!A2: Sổ không có sheet "Đơn vị": đơn vị của sổ là "CHI BỘ VĂN PHÒNG SỞ" (chi bộ trực thuộc, dưới "ĐẢNG BỘ SỞ TƯ PHÁP" ở ô A1), lấy từ khối tên cấp ủy ở đầu sheet; mã "CB-VAN-PHONG-SO" tạo từ tên. Nếu sai, hãy sửa phần đầu sheet hoặc thêm sheet "Đơn vị"`,
		`note 2-dang-vien.xlsx › Đảng viên!A2: Sổ không có sheet "Đơn vị": đơn vị của sổ là "Chi bộ Văn phòng Sở" (chi bộ trực thuộc, như ở 1-sinh-hoat.xlsx › Sinh hoạt!A2), lấy từ dòng "Chi bộ: …"; mã "CB-VAN-PHONG-SO" tạo từ tên. Nếu sai, hãy sửa phần đầu sheet hoặc thêm sheet "Đơn vị"`,
		`note 3-doan-the.xlsx › Đoàn thể!A2: Sổ không có sheet "Đơn vị": đơn vị của sổ là "CHI BỘ VĂN PHÒNG SỞ" (chi bộ trực thuộc, dưới "ĐẢNG BỘ SỞ TƯ PHÁP" ở ô A1), lấy từ khối tên cấp ủy ở đầu sheet; mã "CB-VAN-PHONG-SO" tạo từ tên. Nếu sai, hãy sửa phần đầu sheet hoặc thêm sheet "Đơn vị"`,
		`note 1-sinh-hoat.xlsx › Sinh hoạt!A1: Đảng bộ cơ sở cấp trên "ĐẢNG BỘ SỞ TƯ PHÁP" không có trong các sổ đang đọc; chi bộ được đánh giá riêng`,
		`note 2-dang-vien.xlsx › Đảng viên!A2: Đơn vị "CB-VAN-PHONG-SO" (Chi bộ Văn phòng Sở) khai báo giống ở 1-sinh-hoat.xlsx › Sinh hoạt!A2: hai sổ được đọc là một đơn vị`,
		`note 3-doan-the.xlsx › Đoàn thể!A2: Đơn vị "CB-VAN-PHONG-SO" (CHI BỘ VĂN PHÒNG SỞ) khai báo giống ở 1-sinh-hoat.xlsx › Sinh hoạt!A2: hai sổ được đọc là một đơn vị`,
	}
	got := problemStrings(ds)
	got = slices.DeleteFunc(got, func(s string) bool { return strings.Contains(s, "Tự đánh giá") })
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// What the recogniser must refuse: each is the error of an unreadable
// workbook, saying what to write where, never a guess.
func TestOwnerLookAlikesRefused(t *testing.T) {
	sign := []any{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", nil, "T/M CHI BỘ", "BÍ THƯ CHI BỘ",
		"BẢNG ĐIỂM ĐÁNH GIÁ, PHÂN LOẠI ĐẢNG BỘ, CHI BỘ", "CHI BỘ ……………", "Chi bộ: ………", "ĐẢNG CỘNG SẢN VIỆT NAM"}
	tests := []struct {
		name   string
		sheets []sheet
		want   []string
	}{
		{"two units in one file", []sheet{
			headed("Sinh hoạt", []any{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ VĂN PHÒNG SỞ"}, meetingTable...),
			headed("Đảng viên", []any{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ PHÒNG HÀNH CHÍNH"}, memberTable...)},
			[]string{`phần đầu các sheet ghi hai đơn vị khác nhau: "CHI BỘ VĂN PHÒNG SỞ" (x.xlsx › Sinh hoạt!A2) và "CHI BỘ PHÒNG HÀNH CHÍNH" (x.xlsx › Đảng viên!A2)`, `thêm sheet "Đơn vị"`}},
		{"a phường: level not told", []sheet{
			headed("Sinh hoạt", []any{"ĐẢNG BỘ PHƯỜNG AN PHÚ", "CHI BỘ KHU PHỐ 3"}, meetingTable...)},
			[]string{`không biết "CHI BỘ KHU PHỐ 3" (x.xlsx › Sinh hoạt!A2) là chi bộ cơ sở hay chi bộ trực thuộc: ô A1 "ĐẢNG BỘ PHƯỜNG AN PHÚ" không cho biết`, ownerFix}},
		{"a chi bộ with nothing above", []sheet{
			headed("Sinh hoạt", []any{"BẢNG TỔNG HỢP SINH HOẠT NĂM 2024", "Chi bộ: Văn phòng Sở"}, meetingTable...)},
			[]string{`không biết "Chi bộ Văn phòng Sở" (x.xlsx › Sinh hoạt!A2) là chi bộ cơ sở hay chi bộ trực thuộc: không có cấp ủy cấp trên ghi ngay trên ô A2`, ownerFix}},
		{"words and committee disagree", []sheet{
			headed("Sinh hoạt", []any{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ CƠ SỞ VĂN PHÒNG"}, meetingTable...)},
			[]string{`ô A2 ghi "CHI BỘ CƠ SỞ VĂN PHÒNG" nhưng ở dưới "ĐẢNG BỘ SỞ TƯ PHÁP" (ô A1), một đảng bộ cơ sở`}},
		{"two levels on two sheets", []sheet{
			headed("Sinh hoạt", []any{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ VĂN PHÒNG"}, meetingTable...),
			headed("Đảng viên", []any{"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ VĂN PHÒNG"}, memberTable...)},
			[]string{`ghi đơn vị "CHI BỘ VĂN PHÒNG" ở hai cấp khác nhau: chi bộ trực thuộc (dưới "ĐẢNG BỘ SỞ TƯ PHÁP" ở ô A1, x.xlsx › Sinh hoạt!A2) và chi bộ cơ sở (dưới "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" ở ô A1, x.xlsx › Đảng viên!A2)`}},
		{"two codes", []sheet{
			headed("Sinh hoạt", []any{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ VĂN PHÒNG", "Mã đơn vị: CB01"}, meetingTable...),
			headed("Đảng viên", []any{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ VĂN PHÒNG", "Mã đơn vị: CB02"}, memberTable...)},
			[]string{`hai mã đơn vị khác nhau: "CB01" (x.xlsx › Sinh hoạt!A3) và "CB02" (x.xlsx › Đảng viên!A3)`}},
		{"signing lines and the state motto are no unit", []sheet{headed("Sinh hoạt", sign, meetingTable...)},
			[]string{"không biết sổ này của đơn vị nào: " + ownerFix}},
		{"an upper committee's own paper", []sheet{headed("Sinh hoạt", []any{"TỈNH ỦY NAM ĐỊNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"}, meetingTable...)},
			[]string{"không biết sổ này của đơn vị nào"}},
		{"a title about the chi bộ names none", []sheet{headed("Sinh hoạt", []any{"NGHỊ QUYẾT CỦA CHI BỘ VỀ CÔNG TÁC NĂM 2024", "SỔ CỦA CHI BỘ NĂM 2024"}, meetingTable...)},
			[]string{"không biết sổ này của đơn vị nào"}},
		{"a phường's đảng bộ alone: level not told", []sheet{headed("Họp cấp ủy", []any{"ĐẢNG BỘ PHƯỜNG AN PHÚ"},
			[]any{"STT", "Ngày", "Loại"}, []any{1, "10/01/2024", "Ban chấp hành"})},
			[]string{`không biết "ĐẢNG BỘ PHƯỜNG AN PHÚ" (x.xlsx › Họp cấp ủy!A1) là đảng bộ cơ sở hay cấp trên cơ sở`}},
		{"a table of units is not a header block", []sheet{{"Sinh hoạt", [][]any{{"Chi bộ", "Ngày", "Loại", "Điểm"}, {"CHI BỘ VĂN PHÒNG", "10/01/2024", "Thường kỳ", 90}}}},
			[]string{"không biết sổ này của đơn vị nào"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeBook(t, t.TempDir(), "x.xlsx", tt.sheets...)
			_, err := Read([]string{path}, Options{})
			var fe *fileError
			if !errors.As(err, &fe) {
				t.Fatalf("Read = %v, want a refusal", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nlacks\n%s", err, w)
				}
			}
		})
	}
}

// Label lines and a file name are evidence too; a Đơn vị sheet decides.
func TestOwnerOtherEvidence(t *testing.T) {
	dir := t.TempDir()
	labels := writeBook(t, dir, "a.xlsx", headed("Đảng viên", []any{"DANH SÁCH ĐẢNG VIÊN NĂM 2024", "Đảng bộ: Sở Tài chính", "Chi bộ: Phòng Ngân sách"}, memberTable...))
	u := readOne(t, labels, Options{Year: 2024}).Dataset.Units[0]
	if u.Name != "Chi bộ Phòng Ngân sách" || u.Type != criteria.CellSubordinate || u.Parent != "Đảng bộ Sở Tài chính" || u.Code != "CB-PHONG-NGAN-SACH" {
		t.Errorf("from labels: %s %q %s %q", u.Code, u.Name, u.Type, u.Parent)
	}

	byName := writeBook(t, dir, "Chi bộ cơ sở Trường Tiểu học A 2024.xlsx", sheet{"Đảng viên", memberTable})
	res := readOne(t, byName, Options{Year: 2024})
	u = res.Dataset.Units[0]
	if u.Name != "Chi bộ cơ sở Trường Tiểu học A" || u.Type != criteria.CellGrassroots {
		t.Errorf("from the file name: %s %q %s", u.Code, u.Name, u.Type)
	}
	if p := res.Dataset.Problems[0]; !p.Lead || !strings.Contains(p.Message, "lấy từ tên tệp") {
		t.Errorf("note = %v", p)
	}
	vague := writeBook(t, dir, "chi-bo-ke-toan.xlsx", sheet{"Đảng viên", memberTable})
	if _, err := Read([]string{vague}, Options{}); err == nil || !strings.Contains(err.Error(), `không biết "chi bo ke toan" (tên tệp "chi-bo-ke-toan.xlsx") là chi bộ cơ sở hay chi bộ trực thuộc`) {
		t.Errorf("a file name without the type: %v", err)
	}

	// A đảng bộ cơ sở under the Đảng ủy Khối.
	committee := writeBook(t, dir, "d.xlsx", headed("Họp cấp ủy", []any{"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY SỞ TƯ PHÁP"},
		[]any{"STT", "Ngày", "Loại"}, []any{1, "10/01/2024", "Ban chấp hành"}))
	res = readOne(t, committee, Options{})
	if u := res.Dataset.Units[0]; u.Code != "DB-SO-TU-PHAP" || u.Type != criteria.Committee || len(u.CommitteeMeetings) != 1 {
		t.Errorf("a đảng bộ cơ sở: %s %q %s, %d committee meetings", u.Code, u.Name, u.Type, len(u.CommitteeMeetings))
	}

	// The Đơn vị sheet decides: the header block is not read.
	decided := writeBook(t, dir, "c.xlsx", unitsSheet([]any{"CB09", "Chi bộ X", "Chi bộ cơ sở"}),
		headed("Sinh hoạt", []any{"ĐẢNG BỘ PHƯỜNG AN PHÚ", "CHI BỘ KHÁC"}, meetingTable...))
	res = readOne(t, decided, Options{})
	if got := codes(res.Dataset); !slices.Equal(got, []string{"CB09"}) || len(res.Dataset.Units[0].Meetings) != 2 {
		t.Errorf("units = %v", got)
	}
	for _, p := range res.Dataset.Problems {
		if p.Lead {
			t.Errorf("lead problem with a Đơn vị sheet: %v", p)
		}
	}
}

// The score-sheet workbook and the sổ declare CB01 alike: one unit, its
// meetings from one and its members from the other. A workbook without a
// Đơn vị sheet naming the unit takes its code and type.
func TestSameUnitInTwoWorkbooksMerged(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "a-phieu.xlsx", unitsSheet([]any{"CB01", "Chi bộ Văn phòng Sở", "Chi bộ cơ sở"}),
		sheet{"Sinh hoạt", meetingTable})
	writeBook(t, dir, "b-so.xlsx", unitsSheet([]any{"cb01", "CHI BỘ VĂN PHÒNG SỞ", "Chi bộ cơ sở"}),
		sheet{"Đảng viên", memberTable})
	writeBook(t, dir, "c-doan-the.xlsx", headed("Đoàn thể", []any{"Chi bộ: Văn phòng Sở"},
		[]any{"STT", "Tổ chức", "Xếp loại"}, []any{1, "Công đoàn", "HTTNV"}))
	res, err := Read([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ds := res.Dataset
	if got := codes(ds); !slices.Equal(got, []string{"CB01"}) {
		t.Fatalf("units = %v", got)
	}
	u := ds.Units[0]
	if len(u.Meetings) != 2 || len(u.Members) != 3 || len(u.MassOrgs) != 1 || u.HasErrors {
		t.Errorf("%d meetings, %d members, %d mass orgs, errors %v", len(u.Meetings), len(u.Members), len(u.MassOrgs), u.HasErrors)
	}
	want := []string{
		`note c-doan-the.xlsx › Đoàn thể!A1: Sổ không có sheet "Đơn vị": đơn vị của sổ là "Chi bộ Văn phòng Sở" (chi bộ cơ sở, như khai báo ở a-phieu.xlsx › Đơn vị!A2), lấy từ dòng "Chi bộ: …"; mã "CB01" như ở a-phieu.xlsx › Đơn vị!A2. Nếu sai, hãy sửa phần đầu sheet hoặc thêm sheet "Đơn vị"`,
		`note b-so.xlsx › Đơn vị!A2: Đơn vị "cb01" (CHI BỘ VĂN PHÒNG SỞ) khai báo giống ở a-phieu.xlsx › Đơn vị!A2: hai sổ được đọc là một đơn vị`,
		`note c-doan-the.xlsx › Đoàn thể!A1: Đơn vị "CB01" (Chi bộ Văn phòng Sở) khai báo giống ở a-phieu.xlsx › Đơn vị!A2: hai sổ được đọc là một đơn vị`,
	}
	got := slices.DeleteFunc(problemStrings(ds), func(s string) bool { return strings.Contains(s, "Tự đánh giá") })
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Declarations of one code that differ stay errors naming both cells.
func TestSameCodeConflictingDeclarations(t *testing.T) {
	tests := []struct {
		name string
		a, b []sheet
		want []string
		code string // of every error
	}{
		{"type", []sheet{unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"})},
			[]sheet{unitsSheet([]any{"DB01", "Đảng bộ B", "Đảng bộ cơ sở"}, []any{"CB01", "Chi bộ A", "Chi bộ trực thuộc", "DB01"})},
			[]string{`error a.xlsx › Đơn vị!A2: Mã đơn vị "CB01" được khai báo lại ở b.xlsx › Đơn vị!A3; mỗi mã chỉ được khai báo một lần`,
				`error b.xlsx › Đơn vị!A3: Mã đơn vị "CB01" đã được khai báo ở a.xlsx › Đơn vị!A2; mỗi mã chỉ được khai báo một lần`}, "unit.duplicate"},
		{"parent", []sheet{unitsSheet([]any{"DB01", "Đảng bộ A", "Đảng bộ cơ sở"}, []any{"CB01", "Chi bộ A", "Chi bộ trực thuộc", "DB01"})},
			[]sheet{unitsSheet([]any{"DB02", "Đảng bộ B", "Đảng bộ cơ sở"}, []any{"CB01", "Chi bộ A", "Chi bộ trực thuộc", "DB02"})},
			[]string{`error a.xlsx › Đơn vị!A3: Mã đơn vị "CB01" được khai báo lại ở b.xlsx › Đơn vị!A3`, `error b.xlsx › Đơn vị!A3: Mã đơn vị "CB01" đã được khai báo ở a.xlsx › Đơn vị!A3`}, "unit.duplicate"},
		{"a copied workbook", []sheet{unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}), sheet{"Sinh hoạt", meetingTable}},
			[]sheet{unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}), sheet{"Sinh hoạt", meetingTable}},
			[]string{`error a.xlsx › Đơn vị!A2: Mã đơn vị "CB01" được khai báo lại ở b.xlsx › Đơn vị!A2; mỗi mã chỉ được khai báo một lần: cả hai sổ đều có sheet "Sinh hoạt" nên không gộp được (sổ chép hai lần?)`}, "unit.duplicate"},
		{"a header block naming another unit under the code", []sheet{unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"})},
			[]sheet{headed("Đảng viên", []any{"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ B", "Mã đơn vị: CB01"}, memberTable...)},
			[]string{`error b.xlsx › Đảng viên!A3: Mã đơn vị "CB01" đã được khai báo ở a.xlsx › Đơn vị!A2; mỗi mã chỉ được khai báo một lần: tên khác nhau ("Chi bộ A" và "CHI BỘ B")`}, "unit.duplicate"},
		{"a rating", []sheet{{"Đơn vị", [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại", "Xếp loại"}, {"CB01", "Chi bộ A", "Chi bộ cơ sở", "HTTNV"}}}},
			[]sheet{{"Đơn vị", [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại", "Xếp loại"}, {"CB01", "Chi bộ A", "Chi bộ cơ sở", "HTXSNV"}}}},
			[]string{`error b.xlsx › Đơn vị!A2: Đơn vị "CB01" khai báo ở đây và ở a.xlsx › Đơn vị!A2 khác nhau: Xếp loại HTTNV và HTXSNV`}, "unit.conflict"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeBook(t, dir, "a.xlsx", tt.a...)
			writeBook(t, dir, "b.xlsx", tt.b...)
			res, err := Read([]string{dir}, Options{Year: 2024})
			if err != nil {
				t.Fatal(err)
			}
			registered(t, res.Dataset.Problems)
			for _, p := range res.Dataset.Problems {
				if p.Severity == criteria.SeverityError && p.Code != tt.code {
					t.Errorf("%s, want %s", p.Code, tt.code)
				}
			}
			got := strings.Join(problemStrings(res.Dataset), "\n")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems\n%s\nlack\n%s", got, w)
				}
			}
			for _, u := range res.Dataset.Units {
				if u.Code == "CB01" && !u.HasErrors {
					t.Errorf("CB01 has no data error")
				}
			}
		})
	}
}

// The same file reached twice — a folder and a file in it, a link — is
// read once, with a note.
func TestSameFileReadOnce(t *testing.T) {
	dir := t.TempDir()
	path := writeBook(t, dir, "so.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}), sheet{"Sinh hoạt", meetingTable})
	if err := os.Symlink(path, filepath.Join(dir, "lien-ket.xlsx")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	res, err := Read([]string{dir, path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || len(res.Dataset.Units) != 1 || res.Dataset.Units[0].HasErrors || len(res.Dataset.Units[0].Meetings) != 2 {
		t.Fatalf("read %d files, units %v", len(res.Files), codes(res.Dataset))
	}
	want := []string{
		`note lien-ket.xlsx: Cùng một tệp với "so.xlsx" (được chỉ đến hai lần, hoặc qua liên kết); chỉ đọc một lần`,
		`note so.xlsx: Cùng một tệp với "` + path + `" (được chỉ đến hai lần, hoặc qua liên kết); chỉ đọc một lần`,
	}
	got := slices.DeleteFunc(problemStrings(res.Dataset), func(s string) bool { return strings.Contains(s, "Tự đánh giá") })
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCodeFromName(t *testing.T) {
	for in, want := range map[string]string{
		"CHI BỘ VĂN PHÒNG SỞ":      "CB-VAN-PHONG-SO",
		"Chi bộ Văn phòng Sở":      "CB-VAN-PHONG-SO",
		"ĐẢNG ỦY SỞ TƯ PHÁP":       "DB-SO-TU-PHAP",
		"Chi bộ Khu phố 3, Đợt II": "CB-KHU-PHO-3-DOT-II",
	} {
		if got := codeFromName(in); got != want {
			t.Errorf("codeFromName(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzOwnerLines: any header cell is read as a unit's line, a title or
// nothing, without a panic, and a name taken is never blank.
func FuzzOwnerLines(f *testing.F) {
	for _, s := range []string{"CHI BỘ VĂN PHÒNG SỞ", "Chi bộ: ………", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "TỈNH ỦY NAM ĐỊNH",
		"BẢNG TỔNG HỢP CỦA CHI BỘ VĂN PHÒNG NĂM 2024", "CỦA CHI BỘ  \u0301 X", "Chi bộ cơ sở Trường A 2024.xlsx", "ĐẢNG ỦY"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = clean(s)
		if l, ok := parseHeadLine(s); ok && blankName(l.text) {
			t.Errorf("parseHeadLine(%q) took a blank name", s)
		}
		if name, ok := titleName(s); ok && blankName(name) {
			t.Errorf("titleName(%q) = %q", s, name)
		}
		if m, ok := fileNameMention(s); ok && blankName(m.name) {
			t.Errorf("fileNameMention(%q) = %q", s, m.name)
		}
		_ = codeFromName(s)
	})
}
