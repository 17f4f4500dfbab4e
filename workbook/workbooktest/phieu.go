package workbooktest

import (
	"fmt"
	"io"
	"time"

	"github.com/bontot/bontot/internal/xlsxout"
	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
)

// ScoreSheetOptions describes a chi bộ's workbook of per-meeting score sheets
// (the HD 12 score sheet): a Đơn vị sheet with the one chi bộ, then one sheet
// per meeting in the provincial form — "T1" … "T12" for the regular meetings
// and "Chuyên đề quý I" … "Chuyên đề quý IV" for the thematic ones.
type ScoreSheetOptions struct {
	// Filled writes the scores; false is the blank form a secretary is
	// handed at the start of the year (dates and totals empty).
	Filled bool
	// Upper fills the column "Cấp ủy viên cấp trên chấm" too; without it
	// the column is left out of the form.
	Upper bool
	// BadTotal names a sheet whose Tổng cộng row is 2 points off the sum
	// of its groups.
	BadTotal string
	// UnknownDate adds a filled sheet "Sinh hoạt bổ sung" whose header
	// block gives no date and whose name is no month.
	UnknownDate bool
	// Published2025 writes the published eight-group sheet of the 2025
	// profile (criteria.Sheet2025ScoreGroups: 5/5/10/30/10/5/30/5) in place
	// of the common form, its group rows in capitals as the printed sheet
	// has them.
	Published2025 bool
	// Layout writes one of the published layouts of FORMS.md (LayoutHD12,
	// LayoutAnPhu, LayoutSummary, LayoutBonTot) instead; "" is the
	// provincial form above.
	Layout string
	// NoUnitsSheet leaves the Đơn vị sheet out of a Layout workbook, as
	// offices keep it: the unit is named only in the header block.
	NoUnitsSheet bool
	// Committee and Unit, when set, replace the committee block of the
	// eight-group layout (LayoutAnPhu): the upper committee and the chi bộ
	// as the sheet's top-left cells name them.
	Committee, Unit string
}

// formGroup is a group of the common form: attendance worth 10, as the HD 12
// score sheet has it (FORMS item 1), then preparation, organisation,
// principles and results, sub-criteria under the second and third.
type formGroup struct {
	numeral, text string
	scale         float64
	subs          []formSub
}

type formSub struct {
	text  string
	scale float64
}

var commonForm = []formGroup{
	{"I", "TỶ LỆ ĐẢNG VIÊN DỰ SINH HOẠT (trừ đảng viên được miễn sinh hoạt, vắng mặt có lý do)", 10, nil},
	{"II", "CÔNG TÁC CHUẨN BỊ SINH HOẠT", 15, []formSub{
		{"Chi ủy họp, thống nhất nội dung, chuẩn bị báo cáo, dự thảo nghị quyết", 10},
		{"Thông báo thời gian, địa điểm, nội dung cho đảng viên", 5}}},
	{"III", "TỔ CHỨC SINH HOẠT", 40, []formSub{
		{"Thực hiện đúng quy trình, đủ nội dung sinh hoạt", 15},
		{"Đảng viên phát biểu, thảo luận, đóng góp ý kiến", 15},
		{"Thời gian sinh hoạt đủ theo quy định", 10}}},
	{"IV", "THỰC HIỆN NGUYÊN TẮC TỔ CHỨC SINH HOẠT ĐẢNG", 15, nil},
	{"V", "KẾT QUẢ SINH HOẠT", 20, nil},
}

// published2025Form is the published eight-group score sheet after Hướng
// dẫn 42-HD/BTCTW, as it is printed: numbered I–VIII, names in capitals,
// no sub-criteria.
var published2025Form = []formGroup{
	{"I", "CHẤP HÀNH THỜI GIAN, THỜI LƯỢNG", 5, nil},
	{"II", "TỈ LỆ ĐẢNG VIÊN DỰ SINH HOẠT", 5, nil},
	{"III", "CÔNG TÁC CHUẨN BỊ", 10, nil},
	{"IV", "TỔ CHỨC SINH HOẠT CHI BỘ", 30, nil},
	{"V", "CÔNG TÁC ĐIỀU HÀNH CỦA BÍ THƯ", 10, nil},
	{"VI", "THỰC HIỆN NGUYÊN TẮC TỔ CHỨC, SINH HOẠT ĐẢNG", 5, nil},
	{"VII", "KẾT QUẢ LÃNH ĐẠO THỰC HIỆN KẾT LUẬN, NGHỊ QUYẾT", 30, nil},
	{"VIII", "KẾT THÚC SINH HOẠT CHI BỘ", 5, nil},
}

// form is the sheet o writes.
func (o ScoreSheetOptions) form() []formGroup {
	if o.Published2025 {
		return published2025Form
	}
	return commonForm
}

// published2025Scores is the chi bộ's score of each meeting on the
// published sheet: full marks but for a few, March khá (preparation 6/10,
// organisation 22/30: 88 points), July 95 (results 25/30).
func published2025Scores(sheet int) meetingScores {
	s := meetingScores{{5}, {5}, {10}, {30}, {10}, {5}, {30}, {5}}
	switch sheet {
	case 3:
		s[2], s[3] = []float64{6}, []float64{22}
	case 7:
		s[6] = []float64{25}
	}
	return s
}

// meetingScores is what one scorer gives each group (and sub-criterion)
// of a sheet: indexed as commonForm, subs after their group.
type meetingScores [][]float64

// formScores is the chi bộ's score of each meeting: full marks but for a
// few points, and a weak organisation in March (the evidence names it).
func formScores(sheet int) meetingScores {
	s := meetingScores{{10}, {10, 5}, {14, 14, 10}, {15}, {18}}
	switch sheet {
	case 3: // tháng 3: nhóm III 30/40, 88 điểm, Khá
		s[2] = []float64{10, 11, 9}
	case 7:
		s[1] = []float64{8, 5}
		s[4] = []float64{16}
	case 14: // Chuyên đề quý II
		s[4] = []float64{15}
	}
	return s
}

// upperScores is the upper committee's: a point less on results in most
// months, and 12 points below the chi bộ's own score in May.
func upperScores(sheet int) meetingScores {
	s := formScores(sheet)
	switch sheet {
	case 5:
		s[2] = []float64{8, 8, 8}
	default:
		if s[4][0] > 0 {
			s[4] = []float64{s[4][0] - 1}
		}
	}
	return s
}

func (s meetingScores) group(g int) float64 {
	sum := 0.0
	for _, v := range s[g] {
		sum += v
	}
	return sum
}

func (s meetingScores) total() float64 {
	sum := 0.0
	for g := range s {
		sum += s.group(g)
	}
	return sum
}

// band is the written Xếp loại of a total, in the guidance's bands.
func band(total float64) string { return guidanceBands.MeetingQuality(total).Label() }

var guidanceBands = criteria.Default()

// scoreSheetPlan is one sheet of the workbook.
type scoreSheetPlan struct {
	name     string
	index    int // 1–12 regular months, 13–16 the quarters' thematic meetings
	thematic bool
	date     time.Time
	noDate   bool
}

func scoreSheetPlans(o ScoreSheetOptions) []scoreSheetPlan {
	var ps []scoreSheetPlan
	for m := 1; m <= 12; m++ {
		d := workday(Year, time.Month(m), 12)
		ps = append(ps, scoreSheetPlan{name: fmt.Sprintf("T%d", m), index: m, date: d.time()})
	}
	for q := 1; q <= 4; q++ {
		d := workday(Year, time.Month(3*q-1), 20)
		ps = append(ps, scoreSheetPlan{name: "Chuyên đề quý " + [...]string{"I", "II", "III", "IV"}[q-1], index: 12 + q, thematic: true, date: d.time()})
	}
	if o.UnknownDate {
		ps = append(ps, scoreSheetPlan{name: "Sinh hoạt bổ sung", index: 17, noDate: true})
	}
	return ps
}

// WriteScoreSheets writes the workbook of one chi bộ, CB01 "Chi bộ Văn
// phòng Sở", keeping its meetings in the provincial score-sheet form.
// The output is a pure function of o. The regular sheets write the
// meeting as "ngày dd/mm/yyyy" under a one-row table header; the thematic
// ones as "ngày … tháng … năm …" under a header merged over two rows.
func WriteScoreSheets(w io.Writer, o ScoreSheetOptions) error {
	if o.Layout != "" {
		return writeOfficeLayout(w, o)
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetDocProps(&excelize.DocProperties{Creator: "bontot", Title: "Phiếu chấm điểm sinh hoạt chi bộ",
		Created: "2024-12-20T08:00:00Z", Modified: "2024-12-20T08:00:00Z", Language: "vi-VN"})
	border := xlsxout.ThinBorder(xlsxout.Black)
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	cell, err := f.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", "Đơn vị"); err != nil {
		return err
	}
	for r, row := range [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại"}, {"CB01", "Chi bộ Văn phòng Sở", "Chi bộ cơ sở"}} {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Đơn vị", ref, v); err != nil {
				return err
			}
		}
	}
	_ = f.SetColWidth("Đơn vị", "A", "C", 22)

	for _, p := range scoreSheetPlans(o) {
		if err := writeScoreSheet(f, o, p, head, cell, bold, title); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func writeScoreSheet(f *excelize.File, o ScoreSheetOptions, p scoreSheetPlan, head, cell, bold, title int) error {
	sh := p.name
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	set := func(ref string, v any) error { return f.SetCellValue(sh, ref, v) }
	last := "D"
	if o.Upper {
		last = "E"
	}
	meeting := fmt.Sprintf("Kỳ sinh hoạt thường kỳ tháng %d năm %d", p.date.Month(), Year)
	when := ""
	switch {
	case p.noDate:
		meeting, when = "Sinh hoạt bổ sung triển khai nghị quyết của cấp trên", ""
	case p.thematic:
		meeting = fmt.Sprintf("Sinh hoạt chuyên đề %s năm %d", sh[len("Chuyên đề "):], Year)
		when = fmt.Sprintf("ngày %d tháng %d năm %d", p.date.Day(), p.date.Month(), Year)
	default:
		when = "ngày " + p.date.Format("02/01/2006")
	}
	if !o.Filled && !p.noDate {
		when = "ngày …/…/" + fmt.Sprint(Year) // the blank form: the day is written in by hand
		if p.thematic {
			when = fmt.Sprintf("ngày … tháng … năm %d", Year)
		}
	}
	for _, c := range []struct {
		ref string
		v   any
	}{
		{"A1", "ĐẢNG BỘ SỞ TƯ PHÁP"}, {"C1", "ĐẢNG CỘNG SẢN VIỆT NAM"},
		{"A2", "CHI BỘ VĂN PHÒNG SỞ"}, {"A3", "Mã đơn vị: CB01"},
		{"A5", "BẢNG ĐIỂM ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ"},
		{"A6", meeting},
	} {
		if err := set(c.ref, c.v); err != nil {
			return err
		}
	}
	if when != "" {
		if err := set("A7", when); err != nil {
			return err
		}
	}
	for _, rng := range [][2]string{{"A5", last + "5"}, {"A6", last + "6"}, {"A7", last + "7"}} {
		if err := f.MergeCell(sh, rng[0], rng[1]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A5", last+"7", title); err != nil {
		return err
	}
	r := 9
	heads := []string{"TT", "Tiêu chí đánh giá", "Thang điểm", "Chi ủy, Bí thư chi bộ chấm"}
	if o.Upper {
		heads = append(heads, "Cấp ủy viên cấp trên chấm")
	}
	if p.thematic {
		// Two rows: "Điểm" merged over the three score columns.
		for i, h := range []string{"TT", "Tiêu chí đánh giá", "Điểm"} {
			ref, _ := excelize.CoordinatesToCellName(i+1, r)
			if err := set(ref, h); err != nil {
				return err
			}
		}
		_ = f.MergeCell(sh, "A9", "A10")
		_ = f.MergeCell(sh, "B9", "B10")
		_ = f.MergeCell(sh, "C9", last+"9")
		for i, h := range heads[2:] {
			ref, _ := excelize.CoordinatesToCellName(i+3, r+1)
			if err := set(ref, h); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sh, "A9", last+"10", head); err != nil {
			return err
		}
		_ = f.SetRowHeight(sh, r+1, 45)
		r += 2
	} else {
		for i, h := range heads {
			ref, _ := excelize.CoordinatesToCellName(i+1, r)
			if err := set(ref, h); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sh, "A9", last+"9", head); err != nil {
			return err
		}
		_ = f.SetRowHeight(sh, r, 45) // "Chi ủy, Bí thư chi bộ chấm" on three lines
		r++
	}
	own, up := formScores(p.index), upperScores(p.index)
	if o.Published2025 {
		// The upper committee, where asked, takes a point off results.
		own, up = published2025Scores(p.index), published2025Scores(p.index)
		up[6] = []float64{up[6][0] - 1}
	}
	put := func(row, col int, v any) error {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		return set(ref, v)
	}
	first := r
	for g, fg := range o.form() {
		if err := put(r, 1, fg.numeral); err != nil {
			return err
		}
		_ = put(r, 2, fg.text)
		_ = put(r, 3, fg.scale)
		if o.Filled && len(fg.subs) == 0 {
			_ = put(r, 4, own.group(g))
			if o.Upper {
				_ = put(r, 5, up.group(g))
			}
		}
		_ = f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r), bold)
		if len([]rune(fg.text)) > 45 {
			_ = f.SetRowHeight(sh, r, 30) // the wrapped text shows whole
		}
		r++
		for i, sub := range fg.subs {
			_ = put(r, 1, i+1)
			_ = put(r, 2, sub.text)
			_ = put(r, 3, sub.scale)
			if len([]rune(sub.text)) > 45 {
				_ = f.SetRowHeight(sh, r, 30)
			}
			if o.Filled {
				_ = put(r, 4, own[g][i])
				if o.Upper {
					_ = put(r, 5, up[g][i])
				}
			}
			r++
		}
	}
	_ = put(r, 2, "Tổng cộng")
	_ = put(r, 3, 100)
	if o.Filled {
		tot := own.total()
		if p.name == o.BadTotal {
			tot += 2
		}
		_ = put(r, 4, tot)
		if o.Upper {
			_ = put(r, 5, up.total())
		}
	}
	if err := f.SetCellStyle(sh, fmt.Sprintf("A%d", first), fmt.Sprintf("%s%d", last, r), cell); err != nil {
		return err
	}
	_ = f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r), bold)
	r += 2
	rating := "Xếp loại: ……………"
	if o.Filled {
		decided := own.total()
		if o.Upper {
			decided = up.total()
		}
		rating = "Xếp loại: " + band(decided)
	}
	_ = put(r, 2, rating)
	r += 2
	_ = put(r, 2, "CẤP ỦY VIÊN CẤP TRÊN")
	_ = put(r, 4, "T/M CHI ỦY")
	_ = put(r+1, 4, "BÍ THƯ")
	_ = f.SetColWidth(sh, "A", "A", 6)
	_ = f.SetColWidth(sh, "B", "B", 46)
	_ = f.SetColWidth(sh, "C", last, 12)
	// One page wide, as the form is printed and signed.
	one, zero, fit := 1, 0, true
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sh, &excelize.PageLayoutOptions{FitToWidth: &one, FitToHeight: &zero})
}
