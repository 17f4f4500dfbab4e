package workbooktest

import (
	"fmt"
	"io"
	"sort"

	"github.com/bontot/bontot/internal/xlsxout"
	"github.com/xuri/excelize/v2"
)

// Office lists (SPEC §4 "Office layouts"): the year-end lists a chi bộ
// keeps as the published forms lay them out (FORMS.md items 4, 5 and 9), not as
// bontot's template does — a committee block and a title above a header
// merged over two rows, a row of column numbers, a count line and the
// signature block — each under the sheet name an office gives it. The
// workbooks still carry a Đơn vị sheet: that a workbook names its unit in
// its header block alone is tested apart (OwnerBook, SPEC §4 "Whose
// workbook").

// OfficeYear is the year of the office lists.
const OfficeYear = 2025

// OfficeFiles are the office-list workbooks of testdata/offices and the
// sheet each holds.
var OfficeFiles = map[string]func() officeSheet{
	"ds-dang-vien-2025.xlsx":   memberListSheet,
	"doan-the-2025.xlsx":       massOrgSheet,
	"diem-dang-vien-2025.xlsx": pointListSheet,
}

// OfficeNames lists OfficeFiles' names in order.
func OfficeNames() []string {
	var names []string
	for n := range OfficeFiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// officeSheet is one sheet as an office lays it out: rows from A1 and the
// ranges merged.
type officeSheet struct {
	name   string
	rows   [][]any
	merges []string // "A4:A5"
	head   [2]int   // the 1-based header rows, styled
}

// WriteOffice writes the office-list workbook named name (a key of
// OfficeFiles); the output is a pure function of the name.
func WriteOffice(w io.Writer, name string) error { return writeOffice(w, name, false) }

// SentFolder is testdata/offices/chi-bo-gui: the three files one chi bộ
// sends up at the year's end, as it keeps them — the year's score sheets
// on the eight-group form, the member list and the mass organisations in
// their own words — none with a Đơn vị sheet, each naming the chi bộ in
// its committee block ("ĐẢNG BỘ SỞ TƯ PHÁP" over "CHI BỘ VĂN PHÒNG SỞ":
// a chi bộ trực thuộc). Evaluated together they are one unit.
var SentFolder = map[string]func(io.Writer) error{
	"phieu-sinh-hoat-2025.xlsx": func(w io.Writer) error {
		return WriteScoreSheets(w, ScoreSheetOptions{Layout: LayoutAnPhu, NoUnitsSheet: true,
			Committee: "ĐẢNG BỘ SỞ TƯ PHÁP", Unit: "CHI BỘ VĂN PHÒNG SỞ"})
	},
	"ds-dang-vien-2025.xlsx": func(w io.Writer) error { return writeOffice(w, "ds-dang-vien-2025.xlsx", true) },
	"doan-the-2025.xlsx":     func(w io.Writer) error { return writeOffice(w, "doan-the-2025.xlsx", true) },
}

// writeOffice is WriteOffice, without the Đơn vị sheet when noUnits.
func writeOffice(w io.Writer, name string, noUnits bool) error {
	mk, ok := OfficeFiles[name]
	if !ok {
		return fmt.Errorf("no office list %q", name)
	}
	s := mk()
	f := excelize.NewFile()
	defer f.Close()
	f.SetDocProps(&excelize.DocProperties{Creator: "bontot", Title: s.name,
		Created: "2025-12-20T08:00:00Z", Modified: "2025-12-20T08:00:00Z", Language: "vi-VN"})
	if noUnits {
		if err := f.SetSheetName("Sheet1", s.name); err != nil {
			return err
		}
	} else {
		if err := f.SetSheetName("Sheet1", "Đơn vị"); err != nil {
			return err
		}
		units := [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại"}, {"CB01", "Chi bộ Văn phòng Sở Tư pháp", "Chi bộ cơ sở"}}
		if err := setRows(f, "Đơn vị", units); err != nil {
			return err
		}
		if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
	}
	if err := setRows(f, s.name, s.rows); err != nil {
		return err
	}
	for _, m := range s.merges {
		var a, b string
		for i := range m {
			if m[i] == ':' {
				a, b = m[:i], m[i+1:]
			}
		}
		if err := f.MergeCell(s.name, a, b); err != nil {
			return err
		}
	}
	border := xlsxout.ThinBorder(xlsxout.Black)
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(s.rows[s.head[0]-1]))
	if err := f.SetCellStyle(s.name, fmt.Sprintf("A%d", s.head[0]), fmt.Sprintf("%s%d", last, s.head[1]), head); err != nil {
		return err
	}
	_ = f.SetColWidth(s.name, "B", "B", 24)
	_ = f.SetColWidth(s.name, "C", last, 16)
	_, err = f.WriteTo(w)
	return err
}

func setRows(f *excelize.File, sheet string, rows [][]any) error {
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sheet, ref, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// signature is the block under a list: the signing line, the committee
// on the left and the one who drew the list up on the right, and names.
func signature(left, right int) [][]any {
	row := func(l, r any) []any {
		out := make([]any, right+1)
		out[left], out[right] = l, r
		return out
	}
	return [][]any{
		{},
		row(nil, fmt.Sprintf("Nam Định, ngày 20 tháng 12 năm %d", OfficeYear)),
		row("T/M CHI BỘ", "NGƯỜI LẬP BIỂU"),
		row("BÍ THƯ", nil),
		{},
		row("Nguyễn Văn An", "Bùi Thị Lan"),
	}
}

// committeeBlock is the header block of the lists.
func committeeBlock(right int) [][]any {
	a := make([]any, right+1)
	a[0], a[right] = "ĐẢNG BỘ SỞ TƯ PHÁP", "ĐẢNG CỘNG SẢN VIỆT NAM"
	b := make([]any, right+1)
	b[0] = "CHI BỘ VĂN PHÒNG SỞ"
	return [][]any{a, b, {}}
}

// memberListSheet is the year-end member list of Quy định 366-QĐ/TW and
// Hướng dẫn 43-HD/BTCTW (FORMS item 4), named as an office names it:
// "Kết quả đánh giá, xếp loại" merged over the three steps, the decided
// one the rating. Ten members rated — HTXSNV 2, HTTNV 6, HTNV 1, KHTNV 1
// (Lê Văn Cường: HTTNV by himself, HTNV proposed, KHTNV decided) — and
// three not rated, the reason in Ghi chú.
func memberListSheet() officeSheet {
	rows := committeeBlock(6)
	rows = append(rows,
		[]any{fmt.Sprintf("DANH SÁCH KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM %d", OfficeYear)},
		[]any{},
		[]any{"STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Kết quả đánh giá, xếp loại", nil, nil, "Ghi chú"},
		[]any{nil, nil, nil, "Tự đánh giá, xếp loại", "Chi bộ đề xuất", "Cấp ủy có thẩm quyền quyết định"},
		[]any{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"},
	)
	members := [][]any{
		{"Nguyễn Văn An", "Bí thư chi bộ, Chánh Văn phòng", "HTXSNV", "HTXSNV", "HTXSNV"},
		{"Trần Thị Bình", "Phó Chánh Văn phòng", "HTXSNV", "HTTNV", "HTTNV"},
		{"Lê Văn Cường", "Chuyên viên", "HTTNV", "HTNV", "KHTNV"},
		{"Phạm Thị Dung", "Chuyên viên", "HTTNV", "HTTNV", "HTTNV"},
		{"Hoàng Văn Em", "Chuyên viên", "HTTNV", "HTTNV", "HTTNV"},
		{"Vũ Thị Giang", "Kế toán", "HTTNV", "HTTNV", "HTTNV"},
		{"Đặng Văn Hải", "Chuyên viên", "HTXSNV", "HTTNV", "HTTNV"},
		{"Bùi Thị Lan", "Văn thư", "HTTNV", "HTNV", "HTNV"},
		{"Đỗ Văn Minh", "Lái xe", "HTTNV", "HTTNV", "HTTNV"},
		{"Ngô Thị Ngọc", "Phó Bí thư chi bộ", "HTXSNV", "HTXSNV", "HTXSNV"},
		{"Dương Văn Phúc", "Nguyên Chánh Văn phòng", nil, nil, nil, "Miễn công tác và sinh hoạt đảng"},
		{"Lý Thị Quỳnh", "Chuyên viên", nil, nil, nil, "Mới kết nạp, chưa đủ 6 tháng"},
		{"Trịnh Văn Sơn", "Chuyên viên", nil, nil, nil, "Đình chỉ sinh hoạt đảng"},
	}
	for i, m := range members {
		rows = append(rows, append([]any{i + 1}, m...))
	}
	rows = append(rows, []any{fmt.Sprintf("Tổng số: %d đảng viên (xếp loại 10, không xếp loại 3)", len(members))})
	rows = append(rows, signature(1, 5)...)
	return officeSheet{name: "Xếp loại ĐV " + fmt.Sprint(OfficeYear), rows: rows, head: [2]int{6, 7},
		merges: []string{"A4:G4", "A6:A7", "B6:B7", "C6:C7", "D6:F6", "G6:G7"}}
}

// massOrgSheet is the mass organisations rated in their own words (FORMS
// item 9): Công đoàn "vững mạnh xuất sắc", Chi đoàn "vững mạnh", Cựu
// chiến binh "khá", Phụ nữ "vững mạnh"; by the default mass_org_ratings
// HTXSNV, HTTNV, HTNV, HTTNV.
func massOrgSheet() officeSheet {
	rows := committeeBlock(5)
	rows = append(rows,
		[]any{fmt.Sprintf("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC ĐOÀN THỂ CHÍNH TRỊ - XÃ HỘI NĂM %d", OfficeYear)},
		[]any{},
		[]any{"STT", "Tên tổ chức", "Số đoàn viên, hội viên", "Kết quả xếp loại", nil, "Ghi chú"},
		[]any{nil, nil, nil, "Tự đánh giá, xếp loại", "Cấp trên trực tiếp xếp loại"},
		[]any{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)"},
		[]any{1, "Công đoàn cơ sở Sở Tư pháp", 45, "Vững mạnh xuất sắc", "Vững mạnh xuất sắc"},
		[]any{2, "Chi đoàn Thanh niên Sở Tư pháp", 18, "Vững mạnh xuất sắc", "Vững mạnh"},
		[]any{3, "Chi hội Cựu chiến binh", 9, "Vững mạnh", "Khá", "Sinh hoạt chưa đều"},
		[]any{4, "Chi hội Phụ nữ", 21, "Vững mạnh", "Vững mạnh"},
		[]any{"Cộng: 4 tổ chức"},
	)
	rows = append(rows, signature(1, 4)...)
	return officeSheet{name: "Đoàn thể " + fmt.Sprint(OfficeYear), rows: rows, head: [2]int{6, 7},
		merges: []string{"A4:F4", "A6:A7", "B6:B7", "C6:C7", "D6:E6", "F6:F7"}}
}

// pointListSheet is the chi bộ's point list (FORMS item 5, Quy định
// 366-QĐ/TW Phụ lục 5): "Điểm đánh giá" merged over the 30-point, the
// 70-point and the total column, Xếp loại as decided. Trần Thị Bình's 91
// points are rated HTTNV, within the 20 % share of HTXSNV: the written
// rating decides, with a warning. HTXSNV 2, HTTNV 6, HTNV 2.
func pointListSheet() officeSheet {
	rows := committeeBlock(6)
	rows = append(rows,
		[]any{fmt.Sprintf("BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM %d", OfficeYear)},
		[]any{},
		[]any{"STT", "Họ và tên", "Điểm đánh giá", nil, nil, "Xếp loại", "Ghi chú"},
		[]any{nil, nil, "Nhóm tiêu chí chung (30 điểm)", "Nhóm tiêu chí kết quả thực hiện nhiệm vụ (70 điểm)", "Tổng điểm"},
		[]any{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"},
	)
	members := []struct {
		name     string
		p30, p70 int
		rating   string
		note     string
	}{
		{"Nguyễn Văn An", 28, 66, "HTXSNV", ""},
		{"Trần Thị Bình", 27, 64, "HTTNV", "Đủ điểm HTXSNV, xếp HTTNV do vượt tỷ lệ 20%"},
		{"Lê Văn Cường", 25, 55, "HTTNV", ""},
		{"Phạm Thị Dung", 24, 52, "HTTNV", ""},
		{"Hoàng Văn Em", 26, 58, "HTTNV", ""},
		{"Vũ Thị Giang", 22, 50, "HTTNV", ""},
		{"Đặng Văn Hải", 20, 45, "HTNV", ""},
		{"Bùi Thị Lan", 21, 52, "HTTNV", ""},
		{"Đỗ Văn Minh", 18, 40, "HTNV", ""},
		{"Ngô Thị Ngọc", 29, 63, "HTXSNV", ""},
	}
	for i, m := range members {
		row := []any{i + 1, m.name, m.p30, m.p70, m.p30 + m.p70, m.rating}
		if m.note != "" {
			row = append(row, m.note)
		}
		rows = append(rows, row)
	}
	rows = append(rows, []any{fmt.Sprintf("Tổng số: %d đảng viên", len(members))})
	rows = append(rows, signature(1, 5)...)
	return officeSheet{name: "Chấm điểm đảng viên", rows: rows, head: [2]int{6, 7},
		merges: []string{"A4:G4", "A6:A7", "B6:B7", "C6:E6", "F6:F7", "G6:G7"}}
}
