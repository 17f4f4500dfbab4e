package workbooktest

import (
	"fmt"
	"io"
	"time"

	"github.com/bontot/bontot/internal/xlsxout"
	"github.com/xuri/excelize/v2"
)

// Published layouts of score sheets (/work/shared/FORMS.md items
// 1, 2, 3 and 10), written as offices lay them out: a header block with
// the national or party heading and a signing line above the meeting
// line, groups numbered as each form numbers them, a year's summary with a
// two-row header, and a chi bộ bốn tốt self-scoring table that is no
// meeting at all. Each is a pure function of its options.

// Layouts of ScoreSheetOptions.Layout.
const (
	// LayoutHD12 is the Hướng dẫn 12 per-meeting form (FORMS item 1):
	// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", the title "BẢNG ĐIỂM ĐÁNH GIÁ,
	// PHÂN LOẠI ĐẢNG BỘ, CHI BỘ", a citation "Kèm theo Hướng dẫn số
	// 12-HD/BTCTW ngày 18/10/2017" and a signing line dated in the next
	// month, both above "Kỳ sinh hoạt tháng 3 năm 2024 (ngày 05/03/2024)";
	// groups I–V (10/20/35/20/15) with sub-criteria 1, 2, 3.
	LayoutHD12 = "hd12"
	// LayoutAnPhu is the eight-group sheet after Hướng dẫn 42 (FORMS item
	// 2) for 2025: groups 1–8 with sub-items 1.1, 2.1…, "Điểm tối đa",
	// sheets "Tháng 1" … "Tháng 12", the thematic meeting of each quarter
	// held with the regular one of its last month ("thường kỳ tháng 3 …,
	// kết hợp sinh hoạt chuyên đề quý I").
	LayoutAnPhu = "an-phu"
	// LayoutSummary is a province's yearly summary of meeting scores
	// (FORMS item 3): one sheet, a row per meeting, "Điểm chấm theo nội
	// dung" merged over four "… (N điểm)" columns, a Cộng line, the chi
	// bộ's rating of the year and the signatures.
	LayoutSummary = "tong-hop"
	// LayoutBonTot is a chi bộ's yearly "chi bộ bốn tốt" self-scoring
	// table on 100 points (FORMS item 10): groups I–IV, a scale, the chi
	// bộ's and the đảng ủy's scores — and no meeting.
	LayoutBonTot = "bon-tot"
)

// officeStyles are the few styles an office form uses.
type officeStyles struct{ head, cell, bold, title, italic int }

func newOfficeStyles(f *excelize.File) (officeStyles, error) {
	border := xlsxout.ThinBorder(xlsxout.Black)
	var st officeStyles
	var err error
	for _, s := range []struct {
		id *int
		st *excelize.Style
	}{
		{&st.head, &excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman"}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.cell, &excelize.Style{Font: &excelize.Font{Family: "Times New Roman"}, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.bold, &excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman"}, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 13, Family: "Times New Roman"}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
		{&st.italic, &excelize.Style{Font: &excelize.Font{Italic: true, Family: "Times New Roman"}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
	} {
		if *s.id, err = f.NewStyle(s.st); err != nil {
			return st, err
		}
	}
	return st, nil
}

// sheetWriter writes cells of one sheet by 1-based row and column,
// keeping the first error.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

func (w *sheetWriter) ref(row, col int) string {
	r, _ := excelize.CoordinatesToCellName(col, row)
	return r
}

func (w *sheetWriter) put(row, col int, v any, style int) {
	if w.err != nil || v == nil {
		return
	}
	ref := w.ref(row, col)
	if w.err = w.f.SetCellValue(w.sheet, ref, v); w.err == nil && style > 0 {
		w.err = w.f.SetCellStyle(w.sheet, ref, ref, style)
	}
}

func (w *sheetWriter) merge(r1, c1, r2, c2 int) {
	if w.err == nil {
		w.err = w.f.MergeCell(w.sheet, w.ref(r1, c1), w.ref(r2, c2))
	}
}

func (w *sheetWriter) box(r1, c1, r2, c2, style int) {
	if w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, w.ref(r1, c1), w.ref(r2, c2), style)
	}
}

// unitsSheet writes the Đơn vị sheet naming the one chi bộ.
func unitsSheet(f *excelize.File, code, name string) error {
	w := &sheetWriter{f: f, sheet: "Đơn vị"}
	for c, v := range []string{"Mã đơn vị", "Tên đơn vị", "Loại"} {
		w.put(1, c+1, v, 0)
	}
	for c, v := range []string{code, name, "Chi bộ cơ sở"} {
		w.put(2, c+1, v, 0)
	}
	if w.err == nil {
		w.err = f.SetColWidth("Đơn vị", "A", "C", 24)
	}
	return w.err
}

// officeBook starts a workbook: the Đơn vị sheet where o asks for one,
// else the first sheet renamed first.
// heading writes the block the published forms open with: the committee
// above the unit at the left (columns 1 to leftEnd), the party's name
// above the place and day of signing at the right (rightStart to last),
// and the form's title across on row 4, each merged over its columns.
func (w *sheetWriter) heading(st officeStyles, committee, unit, signed, title string, leftEnd, rightStart, last int) {
	w.put(1, 1, committee, 0)
	w.merge(1, 1, 1, leftEnd)
	w.put(2, 1, unit, st.title)
	w.merge(2, 1, 2, leftEnd)
	w.put(1, rightStart, "ĐẢNG CỘNG SẢN VIỆT NAM", st.title)
	w.merge(1, rightStart, 1, last)
	w.put(2, rightStart, signed, st.italic)
	w.merge(2, rightStart, 2, last)
	w.put(4, 1, title, st.title)
	w.merge(4, 1, 4, last)
}

// scoreFoot writes the foot of a filled score sheet: the total row boxed
// over columns 1 to last (the scale, the chi bộ's and the upper
// committee's totals), the rating line two rows under it and the two
// signature blocks.
func (w *sheetWriter) scoreFoot(st officeStyles, r, last int, total float64, rating string) {
	w.box(r, 1, r, last, st.bold)
	w.put(r, 2, "Tổng cộng", st.bold)
	w.put(r, 3, 100, st.bold)
	w.put(r, 4, total, st.bold)
	w.put(r, 5, total, st.bold)
	w.put(r+2, 2, rating, 0)
	w.put(r+4, 2, "CẤP ỦY VIÊN CẤP TRÊN", st.title)
	w.put(r+4, 4, "T/M CHI ỦY", st.title)
	w.put(r+5, 4, "BÍ THƯ", st.title)
}

func officeBook(o ScoreSheetOptions, title, code, unit, first string) (*excelize.File, officeStyles, error) {
	f := excelize.NewFile()
	f.SetDocProps(&excelize.DocProperties{Creator: "bontot", Title: title,
		Created: "2024-12-20T08:00:00Z", Modified: "2024-12-20T08:00:00Z", Language: "vi-VN"})
	st, err := newOfficeStyles(f)
	if err != nil {
		return f, st, err
	}
	if o.NoUnitsSheet {
		return f, st, f.SetSheetName("Sheet1", first)
	}
	if err := f.SetSheetName("Sheet1", "Đơn vị"); err != nil {
		return f, st, err
	}
	if err := unitsSheet(f, code, unit); err != nil {
		return f, st, err
	}
	_, err = f.NewSheet(first)
	return f, st, err
}

// writeOfficeLayout writes the layouts of this file.
func writeOfficeLayout(w io.Writer, o ScoreSheetOptions) error {
	var f *excelize.File
	var err error
	switch o.Layout {
	case LayoutHD12:
		f, err = writeHD12(o)
	case LayoutAnPhu:
		f, err = writeAnPhu(o)
	case LayoutSummary:
		f, err = writeSummary(o)
	case LayoutBonTot:
		f, err = writeBonTot(o)
	default:
		return fmt.Errorf("gen: unknown score-sheet layout %q", o.Layout)
	}
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// hd12Groups are the five criteria of Hướng dẫn 12-HD/BTCTW as FORMS item
// 1 assumes them, sub-criteria numbered 1, 2, 3.
var hd12Groups = []formGroup{
	{"I", "TỈ LỆ ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ (Trừ trường hợp được miễn sinh hoạt, vắng mặt có lý do)", 10, nil},
	{"II", "CÔNG TÁC CHUẨN BỊ SINH HOẠT", 20, []formSub{
		{"Chi ủy, bí thư chi bộ chuẩn bị nội dung, dự thảo nghị quyết", 10},
		{"Thông báo thời gian, nội dung sinh hoạt trước cho đảng viên", 10}}},
	{"III", "TỔ CHỨC SINH HOẠT CHI BỘ", 35, []formSub{
		{"Thực hiện đúng quy trình, nội dung sinh hoạt", 15},
		{"Đảng viên tham gia phát biểu, thảo luận", 10},
		{"Thời lượng sinh hoạt đủ theo quy định", 10}}},
	{"IV", "THỰC HIỆN NGUYÊN TẮC TỔ CHỨC SINH HOẠT ĐẢNG", 20, nil},
	{"V", "KẾT QUẢ SINH HOẠT CHI BỘ", 15, nil},
}

// hd12Scores is the chi bộ's own score of sheet i (indexed as
// hd12Groups, subs after their group): 92, but 82 in March.
func hd12Scores(i int) meetingScores {
	s := meetingScores{{10}, {9, 9}, {14, 9, 9}, {18}, {14}}
	if i == 3 {
		s[2] = []float64{10, 7, 5} // 22/35: 82, khá
	}
	return s
}

// HD12Meeting is the date of sheet i (1–12 regular, 13–16 thematic) of
// the Hướng dẫn 12 form, and the signing day: the 5th of the next month.
func HD12Meeting(i int) (meeting, signed time.Time) {
	if i <= 12 {
		meeting = workday(Year, time.Month(i), 5).time()
	} else {
		meeting = workday(Year, time.Month(3*(i-12)-1), 20).time()
	}
	first := time.Date(meeting.Year(), meeting.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	return meeting, first.AddDate(0, 0, 4)
}

func writeHD12(o ScoreSheetOptions) (*excelize.File, error) {
	plans := scoreSheetPlans(ScoreSheetOptions{})
	f, st, err := officeBook(o, "Bảng điểm đánh giá, phân loại đảng bộ, chi bộ", "CB01", "Chi bộ Văn phòng Sở", plans[0].name)
	if err != nil {
		return f, err
	}
	for _, p := range plans {
		if p.index > 1 { // the first exists already
			if _, err := f.NewSheet(p.name); err != nil {
				return f, err
			}
		}
		w := &sheetWriter{f: f, sheet: p.name}
		day, signed := HD12Meeting(p.index)
		w.put(1, 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.title)
		w.merge(1, 3, 1, 5)
		w.put(2, 3, "Độc lập – Tự do – Hạnh phúc", st.title)
		w.merge(2, 3, 2, 5)
		// The signing line above the meeting line, dated in the next month.
		w.put(3, 3, fmt.Sprintf("Hà Nội, ngày %02d tháng %d năm %d", signed.Day(), signed.Month(), signed.Year()), st.italic)
		w.merge(3, 3, 3, 5)
		w.put(5, 1, "BẢNG ĐIỂM ĐÁNH GIÁ, PHÂN LOẠI ĐẢNG BỘ, CHI BỘ", st.title)
		w.merge(5, 1, 5, 5)
		w.put(6, 1, "(Kèm theo Hướng dẫn số 12-HD/BTCTW ngày 18/10/2017 của Ban Tổ chức Trung ương)", st.italic)
		w.merge(6, 1, 6, 5)
		if o.NoUnitsSheet {
			// Kept without a Đơn vị sheet, the form carries the committee
			// block a chi bộ writes at the top left (FORMS item 1 has none
			// printed): the upper committee over the chi bộ, which is what
			// tells a chi bộ cơ sở from a chi bộ trực thuộc.
			w.put(1, 1, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", 0)
			w.put(2, 1, "CHI BỘ VĂN PHÒNG SỞ", st.bold)
			w.put(3, 1, "*", 0)
		}
		w.put(7, 1, "Chi bộ: Văn phòng Sở", 0)
		meeting := fmt.Sprintf("Kỳ sinh hoạt tháng %d năm %d (ngày %s)", day.Month(), Year, day.Format("02/01/2006"))
		if p.thematic {
			meeting = fmt.Sprintf("Kỳ sinh hoạt chuyên đề %s năm %d (ngày %s)", p.name[len("Chuyên đề "):], Year, day.Format("02/01/2006"))
		}
		w.put(8, 1, meeting, 0)
		w.merge(8, 1, 8, 5)
		for c, h := range []string{"TT", "TIÊU CHÍ ĐÁNH GIÁ", "Thang điểm", "Chi ủy, Bí thư chi bộ chấm", "Cấp ủy viên cấp trên chấm"} {
			w.put(10, c+1, h, st.head)
		}
		own := hd12Scores(p.index)
		r := 11
		for g, fg := range hd12Groups {
			w.put(r, 1, fg.numeral, st.bold)
			w.put(r, 2, fg.text, st.bold)
			w.put(r, 3, fg.scale, st.bold)
			if len(fg.subs) == 0 {
				w.put(r, 4, own.group(g), st.bold)
				w.put(r, 5, own.group(g), st.bold)
			} else {
				w.box(r, 4, r, 5, st.bold)
			}
			r++
			for i, sub := range fg.subs {
				w.put(r, 1, i+1, st.cell)
				w.put(r, 2, sub.text, st.cell)
				w.put(r, 3, sub.scale, st.cell)
				w.put(r, 4, own[g][i], st.cell)
				w.put(r, 5, own[g][i], st.cell) // the upper committee agrees
				r++
			}
		}
		w.scoreFoot(st, r, 5, own.total(), "Xếp loại: "+band(own.total()))
		if w.err == nil {
			w.err = setFormWidths(f, p.name, "E")
		}
		if w.err != nil {
			return f, w.err
		}
	}
	return f, nil
}

func setFormWidths(f *excelize.File, sheet, last string) error {
	if err := f.SetColWidth(sheet, "A", "A", 6); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 50); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "C", last, 13)
}

// anPhuGroups are the eight groups of the sheet after Hướng dẫn 42
// (FORMS item 2), numbered 1–8 with sub-items 1.1, 1.2….
var anPhuGroups = []formGroup{
	{"1", "Chấp hành thời gian, thời lượng", 5, []formSub{{"Bắt đầu đúng giờ", 3}, {"Thời lượng sinh hoạt đủ theo quy định", 2}}},
	{"2", "Tỉ lệ đảng viên dự sinh hoạt", 5, []formSub{{"Đảng viên dự từ 90% trở lên", 4}, {"Điểm thưởng: 100% đảng viên dự", 1}}},
	{"3", "Công tác chuẩn bị", 10, []formSub{{"Chi ủy chuẩn bị nội dung, dự thảo nghị quyết", 5}, {"Thông báo cho đảng viên trước 3 ngày", 5}}},
	{"4", "Tổ chức sinh hoạt chi bộ", 30, []formSub{{"Đúng quy trình, đủ nội dung", 10}, {"Đảng viên phát biểu, thảo luận", 10}, {"Nghị quyết ngắn gọn, dễ thực hiện", 10}}},
	{"5", "Công tác điều hành của Bí thư", 10, nil},
	{"6", "Thực hiện nguyên tắc tổ chức, sinh hoạt đảng", 5, nil},
	{"7", "Kết quả lãnh đạo thực hiện kết luận, nghị quyết", 30, []formSub{{"Thực hiện nghị quyết kỳ trước", 15}, {"Thực hiện nhiệm vụ chính trị của đơn vị", 15}}},
	{"8", "Kết thúc sinh hoạt chi bộ", 5, nil},
}

// AnPhuYear is the year of the eight-group workbook: the sheet came in
// with Hướng dẫn 42 (2025).
const AnPhuYear = 2025

// anPhuScores is sheet m's chi bộ score: 92, July 85 (organisation 20).
func anPhuScores(m int) meetingScores {
	s := meetingScores{{3, 2}, {4, 0}, {5, 5}, {9, 9, 9}, {9}, {5}, {14, 13}, {5}}
	if m == 7 {
		s[3] = []float64{7, 7, 6}
	}
	return s
}

// AnPhuMeeting is the day of month m's meeting, and the day its sheet is
// signed (the 10th of the next month).
func AnPhuMeeting(m int) (meeting, signed time.Time) {
	meeting = workday(AnPhuYear, time.Month(m), 5).time()
	return meeting, time.Date(AnPhuYear, time.Month(m)+1, 10, 0, 0, 0, 0, time.UTC)
}

func writeAnPhu(o ScoreSheetOptions) (*excelize.File, error) {
	f, st, err := officeBook(o, "Phiếu đánh giá chất lượng sinh hoạt chi bộ", "KP3", "Chi bộ Khu phố 3", "Tháng 1")
	if err != nil {
		return f, err
	}
	for m := 1; m <= 12; m++ {
		name := fmt.Sprintf("Tháng %d", m)
		if m > 1 {
			if _, err := f.NewSheet(name); err != nil {
				return f, err
			}
		}
		w := &sheetWriter{f: f, sheet: name}
		day, signed := AnPhuMeeting(m)
		committee, unit := "ĐẢNG ỦY PHƯỜNG AN PHÚ", "CHI BỘ KHU PHỐ 3"
		if o.Committee != "" {
			committee, unit = o.Committee, o.Unit
		}
		w.heading(st, committee, unit, fmt.Sprintf("An Phú, ngày %d tháng %d năm %d", signed.Day(), signed.Month(), signed.Year()),
			"PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ", 2, 3, 6)
		meeting := fmt.Sprintf("Kỳ sinh hoạt: thường kỳ tháng %d năm %d", m, AnPhuYear)
		if m%3 == 0 {
			meeting += ", kết hợp sinh hoạt chuyên đề quý " + quarterNumeral(m/3)
		}
		w.put(5, 1, meeting, 0)
		w.merge(5, 1, 5, 6)
		w.put(6, 1, fmt.Sprintf("Thời gian: 14 giờ, ngày %s; đảng viên có mặt: 24/26", day.Format("02/01/2006")), 0)
		w.merge(6, 1, 6, 6)
		for c, h := range []string{"TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm chi bộ tự chấm", "Điểm cấp ủy viên cấp trên chấm", "Ghi chú"} {
			w.put(8, c+1, h, st.head)
		}
		own := anPhuScores(m)
		r := 9
		for g, fg := range anPhuGroups {
			w.box(r, 1, r, 6, st.bold)
			w.put(r, 1, fg.numeral, st.bold)
			w.put(r, 2, fg.text, st.bold)
			w.put(r, 3, fg.scale, st.bold)
			if len(fg.subs) == 0 {
				w.put(r, 4, own.group(g), st.bold)
				w.put(r, 5, own.group(g), st.bold)
			}
			r++
			for i, sub := range fg.subs {
				w.box(r, 1, r, 6, st.cell)
				w.put(r, 1, fmt.Sprintf("%s.%d", fg.numeral, i+1), st.cell)
				w.put(r, 2, sub.text, st.cell)
				w.put(r, 3, sub.scale, st.cell)
				w.put(r, 4, own[g][i], st.cell)
				w.put(r, 5, own[g][i], st.cell)
				if g == 1 && i == 1 {
					w.put(r, 6, "Không đạt: 24/26 đảng viên dự", st.cell)
				}
				r++
			}
		}
		w.scoreFoot(st, r, 6, own.total(), "Xếp loại chất lượng sinh hoạt chi bộ: "+band(own.total()))
		if w.err == nil {
			w.err = setFormWidths(f, name, "F")
		}
		if w.err != nil {
			return f, w.err
		}
	}
	return f, nil
}

func quarterNumeral(q int) string { return [...]string{"I", "II", "III", "IV"}[q-1] }

// summaryContents are the four contents of Phú Thọ's summary (FORMS item
// 3): công tác chuẩn bị 15, tỷ lệ đảng viên tham dự 20, tổ chức sinh
// hoạt 45, kết thúc hội nghị 20.
var summaryContents = []struct {
	name string
	max  float64
}{{"Công tác chuẩn bị", 15}, {"Tỷ lệ đảng viên tham dự", 20}, {"Tổ chức sinh hoạt", 45}, {"Kết thúc hội nghị", 20}}

// SummaryMeeting is one row of the year's summary.
type SummaryMeeting struct {
	Label    string
	Date     time.Time
	Thematic bool
	Scores   [4]float64
}

// Total is the row's Tổng điểm.
func (m SummaryMeeting) Total() float64 {
	return m.Scores[0] + m.Scores[1] + m.Scores[2] + m.Scores[3]
}

// SummaryMeetings are the rows of the summary, in date order: twelve
// regular meetings (94; March 82) and the four quarters' thematic ones
// (on the 20th of the quarter's middle month; quý III 93).
func SummaryMeetings() []SummaryMeeting {
	var out []SummaryMeeting
	for m := 1; m <= 12; m++ {
		s := [4]float64{14, 19, 42, 19}
		if m == 3 {
			s = [4]float64{12, 18, 35, 17}
		}
		out = append(out, SummaryMeeting{Label: fmt.Sprintf("Thường kỳ tháng %d", m), Date: workday(Year, time.Month(m), 8).time(), Scores: s})
		if m%3 == 2 {
			q := (m + 1) / 3
			s := [4]float64{15, 20, 42, 18}
			if q == 3 {
				s = [4]float64{15, 20, 40, 18}
			}
			out = append(out, SummaryMeeting{Label: "Chuyên đề quý " + quarterNumeral(q), Date: workday(Year, time.Month(m), 20).time(), Thematic: true, Scores: s})
		}
	}
	return out
}

func writeSummary(o ScoreSheetOptions) (*excelize.File, error) {
	const name = "Tổng hợp 2024"
	f, st, err := officeBook(o, "Bảng tổng hợp kết quả chấm điểm sinh hoạt chi bộ", "CB01", "Chi bộ Sở Xây dựng", name)
	if err != nil {
		return f, err
	}
	w := &sheetWriter{f: f, sheet: name}
	w.heading(st, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ SỞ XÂY DỰNG", "Phú Thọ, ngày 20 tháng 12 năm 2024",
		"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG SINH HOẠT CHI BỘ", 3, 6, 10)
	w.put(5, 1, "Năm 2024", st.title)
	w.merge(5, 1, 5, 10)
	// Two header rows: STT, Kỳ sinh hoạt, Ngày sinh hoạt, Tổng điểm, Xếp
	// loại and the confirmation merged over both; "Điểm chấm theo nội
	// dung" over the four contents.
	for _, h := range []struct {
		col  int
		text string
	}{{1, "STT"}, {2, "Kỳ sinh hoạt"}, {3, "Ngày sinh hoạt"}, {8, "Tổng điểm"}, {9, "Xếp loại"}, {10, "Cấp ủy viên cấp trên xác nhận"}} {
		w.put(7, h.col, h.text, st.head)
		w.merge(7, h.col, 8, h.col)
	}
	w.put(7, 4, "Điểm chấm theo nội dung", st.head)
	w.merge(7, 4, 7, 7)
	for i, c := range summaryContents {
		w.put(8, 4+i, fmt.Sprintf("%s (%s điểm)", c.name, fmt.Sprint(c.max)), st.head)
	}
	w.box(7, 1, 8, 10, st.head)
	dateStyle, err := f.NewStyle(&excelize.Style{Border: xlsxout.ThinBorder(xlsxout.Black), NumFmt: 14,
		Font: &excelize.Font{Family: "Times New Roman"}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return f, err
	}
	r := 9
	rows := SummaryMeetings()
	for i, m := range rows {
		w.box(r, 1, r, 10, st.cell)
		w.put(r, 1, i+1, st.cell)
		w.put(r, 2, m.Label, st.cell)
		w.put(r, 3, m.Date, dateStyle)
		for j, v := range m.Scores {
			w.put(r, 4+j, v, st.cell)
		}
		w.put(r, 8, m.Total(), st.cell)
		w.put(r, 9, band(m.Total()), st.cell)
		w.put(r, 10, "Đã xác nhận", st.cell)
		r++
	}
	w.box(r, 1, r, 10, st.bold)
	w.put(r, 1, "Cộng", st.bold)
	w.merge(r, 1, r, 2)
	w.put(r, 3, fmt.Sprintf("%d buổi", len(rows)), st.bold)
	r += 2
	w.put(r, 2, "Chi bộ tự xếp loại chất lượng sinh hoạt năm 2024: Tốt", 0)
	w.put(r+2, 8, "T/M CHI BỘ", st.title)
	w.merge(r+2, 8, r+2, 10)
	w.put(r+3, 8, "BÍ THƯ", st.title)
	w.merge(r+3, 8, r+3, 10)
	w.put(r+7, 8, "Nguyễn Văn Hùng", st.title)
	w.merge(r+7, 8, r+7, 10)
	if w.err == nil {
		for _, cw := range []struct {
			from, to string
			w        float64
		}{{"A", "A", 5}, {"B", "B", 24}, {"C", "C", 13}, {"D", "G", 14}, {"H", "I", 10}, {"J", "J", 16}} {
			if err := f.SetColWidth(name, cw.from, cw.to, cw.w); err != nil {
				return f, err
			}
		}
	}
	return f, w.err
}

// bonTotGroups are the four contents of a chi bộ bốn tốt on 100 points
// (FORMS item 10; (3) and (4) assumed 25 each).
var bonTotGroups = []formGroup{
	{"I", "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị", 30, []formSub{{"Hoàn thành chỉ tiêu nghị quyết năm", 20}, {"Lãnh đạo các đoàn thể hoàn thành nhiệm vụ", 10}}},
	{"II", "Chất lượng sinh hoạt tốt", 20, []formSub{{"Duy trì sinh hoạt thường kỳ, chuyên đề", 10}, {"Chất lượng sinh hoạt chi bộ tốt", 10}}},
	{"III", "Đoàn kết, kỷ luật tốt", 25, nil},
	{"IV", "Cán bộ, đảng viên tốt", 25, nil},
}

func writeBonTot(o ScoreSheetOptions) (*excelize.File, error) {
	const name = "Tự chấm 2024"
	f, st, err := officeBook(o, "Bảng tự chấm điểm chi bộ bốn tốt", "CB01", "Chi bộ Ấp 3", name)
	if err != nil {
		return f, err
	}
	w := &sheetWriter{f: f, sheet: name}
	w.heading(st, "ĐẢNG ỦY XÃ PHÚ RIỀNG", "CHI BỘ ẤP 3", "Phú Riềng, ngày 12 tháng 12 năm 2024",
		"BẢNG TỰ CHẤM ĐIỂM XÂY DỰNG “CHI BỘ BỐN TỐT” NĂM 2024", 2, 3, 6)
	w.put(5, 1, "(Theo Kế hoạch số 189-KH/HU ngày 12/12/2023 của Huyện ủy Phú Riềng)", st.italic)
	w.merge(5, 1, 5, 6)
	for c, h := range []string{"TT", "Nội dung", "Điểm chuẩn", "Điểm chi bộ tự chấm", "Điểm đảng ủy chấm", "Ghi chú"} {
		w.put(7, c+1, h, st.head)
	}
	own := meetingScores{{18, 9}, {10, 9}, {23}, {23}} // 92
	upper := meetingScores{{17, 9}, {10, 8}, {23}, {23}}
	r := 8
	for g, fg := range bonTotGroups {
		w.box(r, 1, r, 6, st.bold)
		w.put(r, 1, fg.numeral, st.bold)
		w.put(r, 2, fg.text, st.bold)
		w.put(r, 3, fg.scale, st.bold)
		if len(fg.subs) == 0 {
			w.put(r, 4, own.group(g), st.bold)
			w.put(r, 5, upper.group(g), st.bold)
		}
		r++
		for i, sub := range fg.subs {
			w.box(r, 1, r, 6, st.cell)
			w.put(r, 1, i+1, st.cell)
			w.put(r, 2, sub.text, st.cell)
			w.put(r, 3, sub.scale, st.cell)
			w.put(r, 4, own[g][i], st.cell)
			w.put(r, 5, upper[g][i], st.cell)
			r++
		}
	}
	w.box(r, 1, r, 6, st.bold)
	w.put(r, 2, "Tổng cộng", st.bold)
	w.put(r, 3, 100, st.bold)
	w.put(r, 4, own.total(), st.bold)
	w.put(r, 5, upper.total(), st.bold)
	w.put(r+2, 2, "Chi bộ tự đánh giá: đạt “Chi bộ bốn tốt”", 0)
	w.put(r+4, 4, "T/M CHI BỘ", st.title)
	w.put(r+5, 4, "BÍ THƯ", st.title)
	if w.err == nil {
		w.err = setFormWidths(f, name, "F")
	}
	return f, w.err
}
