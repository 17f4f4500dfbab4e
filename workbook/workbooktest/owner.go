package workbooktest

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// OwnerBook describes a workbook kept by one chi bộ with no Đơn vị sheet
// (SPEC §4 "Whose workbook"): every sheet opens with the header block of the
// published forms, and the reader must take the unit from there. The tables
// are in the layout of SPEC §3 (column names as the reader reads them today),
// under the header block and a title.
type OwnerBook struct {
	// Block is the committee block at the top left, one line a row from
	// A1, the issuing unit last ("ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ VĂN PHÒNG
	// SỞ"); a "*" is written under it. Empty: no block.
	Block []string
	// Label is a line "Chi bộ: …" under the title, "" for none.
	Label string
	// Title replaces each sheet's title when set ("%s" is the sheet's
	// subject, e.g. "DANH SÁCH ĐẢNG VIÊN"); the default names no unit.
	Title string
	// Sheets are the tables written, each on its own sheet, in order:
	// "Sinh hoạt", "Đảng viên", "Đoàn thể".
	Sheets []string
	// Units, when set, are the rows of a Đơn vị sheet written first (Mã
	// đơn vị, Tên đơn vị, Loại): the sổ kept beside the score sheets.
	Units [][]string
}

// ownerScores is what the Sinh hoạt sheet of an OwnerBook holds: twelve
// regular meetings of Year (scores below, 9 of them at least 90) and four
// thematic ones in March, June, September and December.
var ownerScores = [12]float64{92, 95, 88, 91, 93, 90, 85, 94, 96, 91, 80, 97}

// ownerMembers are the Đảng viên rows: 10 members, 2 HTXSNV, 6 HTTNV, 2
// HTNV, every one with a good word from where they live.
var ownerMembers = [][2]string{
	{"Nguyễn Văn An", "HTXSNV"}, {"Trần Thị Bình", "HTTNV"}, {"Lê Văn Cường", "HTTNV"},
	{"Phạm Thị Dung", "HTTNV"}, {"Hoàng Văn Em", "HTNV"}, {"Vũ Thị Giang", "HTTNV"},
	{"Đặng Văn Hải", "HTTNV"}, {"Bùi Thị Hoa", "HTXSNV"}, {"Đỗ Văn Khánh", "HTTNV"},
	{"Ngô Thị Lan", "HTNV"},
}

// ownerMassOrgs are the Đoàn thể rows.
var ownerMassOrgs = [][2]string{{"Công đoàn Văn phòng", "HTTNV"}, {"Chi đoàn Thanh niên", "HTXSNV"}}

// WriteOwnerBook writes o; the output is a pure function of o.
func WriteOwnerBook(w io.Writer, o OwnerBook) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetDocProps(&excelize.DocProperties{Creator: "bontot", Title: "Sổ của một chi bộ",
		Created: "2024-12-20T08:00:00Z", Modified: "2024-12-20T08:00:00Z", Language: "vi-VN"})
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd/mm/yyyy")})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return err
	}
	sheets := o.Sheets
	if len(o.Units) > 0 {
		sheets = append([]string{"Đơn vị"}, sheets...)
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh); err != nil {
			return err
		}
		if sh == "Đơn vị" {
			for r, row := range append([][]string{{"Mã đơn vị", "Tên đơn vị", "Loại"}}, o.Units...) {
				ref, _ := excelize.CoordinatesToCellName(1, r+1)
				if err := f.SetSheetRow(sh, ref, &row); err != nil {
					return err
				}
			}
			continue
		}
		if err := writeOwnerSheet(f, o, sh, dateStyle, bold); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func ptr[T any](v T) *T { return &v }

func writeOwnerSheet(f *excelize.File, o OwnerBook, sh string, dateStyle, bold int) error {
	set := func(ref string, v any) error { return f.SetCellValue(sh, ref, v) }
	for i, line := range o.Block {
		ref := fmt.Sprintf("A%d", i+1)
		if err := set(ref, line); err != nil {
			return err
		}
		_ = f.SetCellStyle(sh, ref, ref, bold)
	}
	r := 1
	if len(o.Block) > 0 {
		_ = set(fmt.Sprintf("A%d", len(o.Block)+1), "*")
		// The right-hand side of the published forms: not a unit.
		_ = set("D1", "ĐẢNG CỘNG SẢN VIỆT NAM")
		_ = set("D2", fmt.Sprintf("Nam Định, ngày 20 tháng 12 năm %d", Year))
		r = len(o.Block) + 3
	}
	subject := map[string]string{"Sinh hoạt": "SỔ THEO DÕI SINH HOẠT CHI BỘ", "Đảng viên": "DANH SÁCH ĐẢNG VIÊN", "Đoàn thể": "DANH SÁCH ĐOÀN THỂ"}[sh]
	title := fmt.Sprintf("%s NĂM %d", subject, Year)
	if o.Title != "" {
		title = fmt.Sprintf(o.Title, subject)
	}
	_ = set(fmt.Sprintf("A%d", r), title)
	_ = f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r), bold)
	r++
	if o.Label != "" {
		_ = set(fmt.Sprintf("A%d", r), o.Label)
		r++
	}
	r++
	row := func(vals ...any) error {
		ref, _ := excelize.CoordinatesToCellName(1, r)
		r++
		return f.SetSheetRow(sh, ref, &vals)
	}
	switch sh {
	case "Sinh hoạt":
		if err := row("STT", "Ngày", "Loại", "Điểm"); err != nil {
			return err
		}
		n := 0
		for m := 1; m <= 12; m++ {
			n++
			d := time.Date(Year, time.Month(m), 10, 0, 0, 0, 0, time.UTC)
			_ = row(n, d, "Thường kỳ", ownerScores[m-1])
			_ = f.SetCellStyle(sh, fmt.Sprintf("B%d", r-1), fmt.Sprintf("B%d", r-1), dateStyle)
			if m%3 == 0 {
				n++
				d := time.Date(Year, time.Month(m), 20, 0, 0, 0, 0, time.UTC)
				_ = row(n, d, "Chuyên đề", 90)
				_ = f.SetCellStyle(sh, fmt.Sprintf("B%d", r-1), fmt.Sprintf("B%d", r-1), dateStyle)
			}
		}
	case "Đảng viên":
		if err := row("STT", "Họ và tên", "Xếp loại", "Nhận xét nơi cư trú"); err != nil {
			return err
		}
		for i, m := range ownerMembers {
			_ = row(i+1, m[0], m[1], "Tốt")
		}
	case "Đoàn thể":
		if err := row("STT", "Tổ chức", "Xếp loại"); err != nil {
			return err
		}
		for i, m := range ownerMassOrgs {
			_ = row(i+1, m[0], m[1])
		}
	default:
		return fmt.Errorf("gen: no table %q", sh)
	}
	_ = f.SetColWidth(sh, "A", "A", 28)
	_ = f.SetColWidth(sh, "B", "D", 20)
	return nil
}

// OwnerFiles are the workbooks of testdata/owner and how each is made
// (go test ./workbook/workbooktest -run Owner -update writes them).
var OwnerFiles = map[string]OwnerBook{
	// A chi bộ trực thuộc: "ĐẢNG BỘ SỞ …" over "CHI BỘ …".
	"truc-thuoc.xlsx": {Block: []string{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ VĂN PHÒNG SỞ"}, Sheets: []string{"Sinh hoạt", "Đảng viên", "Đoàn thể"}},
	// A chi bộ cơ sở directly under the Đảng ủy Khối.
	"co-so.xlsx": {Block: []string{"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ SỞ NỘI VỤ"}, Sheets: []string{"Sinh hoạt", "Đảng viên", "Đoàn thể"}},
	// Three files of one chi bộ, as it sends them, naming it three ways:
	// the committee block; only a "Chi bộ: …" line (the type comes from
	// the other files); a title "… CỦA CHI BỘ …" under the block.
	"ba-tep/1-sinh-hoat.xlsx": {Block: []string{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ VĂN PHÒNG SỞ"}, Sheets: []string{"Sinh hoạt"}},
	"ba-tep/2-dang-vien.xlsx": {Label: "Chi bộ: Văn phòng Sở", Sheets: []string{"Đảng viên"}},
	// The sổ a secretary keeps beside the score-sheet workbook
	// (testdata/phieu/phieu-cham.xlsx), declaring its CB01 alike.
	"so-cb01.xlsx": {Units: [][]string{{"CB01", "Chi bộ Văn phòng Sở", "Chi bộ cơ sở"}}, Block: []string{"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ VĂN PHÒNG SỞ"},
		Sheets: []string{"Đảng viên", "Đoàn thể"}},
	"ba-tep/3-doan-the.xlsx": {Block: []string{"ĐẢNG BỘ SỞ TƯ PHÁP", "CHI BỘ VĂN PHÒNG SỞ"}, Title: "%s CỦA CHI BỘ VĂN PHÒNG SỞ NĂM 2024", Sheets: []string{"Đoàn thể"}},
}
