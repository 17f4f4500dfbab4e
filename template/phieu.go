package template

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/xlsxout"
	"github.com/bontot/bontot/workbook/schema"
)

// Score-sheet form (FORMS, the HD 12 score sheet): the provincial "bảng điểm đánh giá
// chất lượng sinh hoạt chi bộ" a chi bộ fills after each meeting, one
// sheet per month ("T1" … "T12") and one per quarter's thematic meeting
// ("Chuyên đề quý I" … "IV"), in the shape the score-sheet reader reads:
// a header block, then TT | Tiêu chí đánh giá | Thang điểm | Chi ủy, Bí
// thư chi bộ chấm | Cấp ủy viên cấp trên chấm with one row per declared
// score group, a Tổng cộng row whose formulas add the groups up, and the
// Xếp loại line.

// Rows of a score sheet, 1-based as Excel counts them.
const (
	formHeaderRow = 9                 // the table's header
	formFirstRow  = formHeaderRow + 1 // the first group
)

// quarterNumerals name the quarters as the forms do.
var quarterNumerals = [4]string{"I", "II", "III", "IV"}

// romanNumeral is n (1–20) in Roman numerals, as the groups are numbered.
func romanNumeral(n int) string {
	vals := []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, x := range vals {
		for n >= x.v {
			b.WriteString(x.s)
			n -= x.v
		}
	}
	return b.String()
}

// ScoreSheetNames are the sheets of the score-sheet form, in order.
func ScoreSheetNames() []string {
	var out []string
	for m := 1; m <= 12; m++ {
		out = append(out, fmt.Sprintf("T%d", m))
	}
	for _, q := range quarterNumerals {
		out = append(out, "Chuyên đề quý "+q)
	}
	return out
}

// WriteScoreForms writes the score-sheet form of one chi bộ to w: its Đơn
// vị row, then the sixteen score sheets with the groups of the criteria in
// force (opts.Thresholds.ScoreGroups), their maxima, formulas that add
// the groups up and the header block filled in with opts.Upper, the unit
// and the year. Only a chi bộ holds the meetings a score sheet records.
func WriteScoreForms(w io.Writer, opts Options) error {
	if err := opts.check(); err != nil {
		return err
	}
	if !opts.Single() || !opts.Type.IsCell() {
		return errors.New("phiếu chấm điểm sinh hoạt dành cho một chi bộ: cần mã, tên đơn vị và loại chi_bo_co_so hoặc chi_bo_truc_thuoc")
	}
	if opts.Year == 0 {
		return errors.New("phiếu chấm điểm cần năm")
	}
	if reflect.ValueOf(opts.Thresholds).IsZero() {
		opts.Thresholds = criteria.Default()
	}
	groups := opts.Thresholds.ScoreGroups
	if len(groups) == 0 {
		groups = criteria.HD12ScoreGroups()
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{f: f, opts: opts}
	b.makeStyles()
	// The Đơn vị sheet names the chi bộ the sheets belong to; its columns
	// are those of a unit's own form.
	units := *schema.ByID(criteria.SheetUnits)
	b.do(f.SetSheetName(f.GetSheetName(0), units.Name))
	cols := opts.Columns(units)
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		cell := col + "1"
		b.do(f.SetCellStr(units.Name, cell, c.Header))
		b.do(f.SetCellStyle(units.Name, cell, cell, b.header))
		b.do(f.SetColWidth(units.Name, col, col, columnWidth(c)))
	}
	b.unitRow(cols)
	b.printSetup(units.Name, "landscape")
	fs := b.formStyles()
	for i, name := range ScoreSheetNames() {
		b.scoreSheet(fs, name, i, groups)
	}
	for _, sheet := range f.GetSheetList() {
		b.setDimension(sheet)
	}
	b.markYear()
	if b.err != nil {
		return fmt.Errorf("không tạo được phiếu chấm điểm: %w", b.err)
	}
	f.SetActiveSheet(1)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("không ghi được phiếu chấm điểm: %w", err)
	}
	return nil
}

// formStyleIDs are the styles of a score sheet.
type formStyleIDs struct {
	committee, party, title, subtitle, head, group, centre, score, total, totalScore, label, rating, sign int
}

func (b *builder) formStyles() formStyleIDs {
	times := "Times New Roman"
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Vertical: "center", WrapText: true}
	return formStyleIDs{
		committee: b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		party:     b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true, Underline: "single"}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		title:     b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 14, Bold: true}, Alignment: centre}),
		subtitle:  b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Italic: true}, Alignment: centre}),
		head:      b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true}, Border: xlsxout.ThinBorder(xlsxout.Black), Fill: xlsxout.SolidFill(colourHeader), Alignment: centre}),
		group:     b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true}, Border: xlsxout.ThinBorder(xlsxout.Black), Alignment: left}),
		centre:    b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true}, Border: xlsxout.ThinBorder(xlsxout.Black), Alignment: centre}),
		score:     b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12}, Border: xlsxout.ThinBorder(xlsxout.Black), Alignment: centre}),
		total:     b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true}, Border: xlsxout.ThinBorder(xlsxout.Black), Fill: xlsxout.SolidFill(colourFixed), Alignment: centre}),
		totalScore: b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true}, Border: xlsxout.ThinBorder(xlsxout.Black), Fill: xlsxout.SolidFill(colourFixed),
			Alignment: centre}),
		label:  b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "right"}}),
		rating: b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		sign:   b.style(&excelize.Style{Font: &excelize.Font{Family: times, Size: 12, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}),
	}
}

// dots stands for what the form leaves to be written by hand.
const dots = "……………………"

// scoreSheet writes one sheet of the form: the i-th of ScoreSheetNames.
func (b *builder) scoreSheet(fs formStyleIDs, name string, i int, groups []criteria.ScoreGroup) {
	if b.err != nil {
		return
	}
	f, o := b.f, b.opts
	_, err := f.NewSheet(name)
	b.do(err)
	set := func(cell, v string, style int) {
		b.do(f.SetCellStr(name, cell, v))
		b.do(f.SetCellStyle(name, cell, cell, style))
	}
	merge := func(from, to string) { b.do(f.MergeCell(name, from, to)) }
	for col, w := range map[string]float64{"A": 7, "B": 52, "C": 11, "D": 15, "E": 15} {
		b.do(f.SetColWidth(name, col, col, w))
	}

	// Header block: the upper committee and the chi bộ on the left, the
	// party on the right, then the title, the meeting and its date.
	upper := strings.ToUpper(strings.TrimSpace(o.Upper))
	if upper == "" {
		upper = "ĐẢNG ỦY " + dots
	}
	set("A1", upper, fs.committee)
	merge("A1", "B1")
	set("A2", strings.ToUpper(o.Name), fs.party)
	merge("A2", "B2")
	set("A3", "Mã đơn vị: "+o.Unit, fs.committee)
	merge("A3", "B3")
	set("C1", "ĐẢNG CỘNG SẢN VIỆT NAM", fs.party)
	merge("C1", "E1")
	// No signing line here: the day the form is signed (often in the next
	// month) written beside the party heading is a date above the
	// meeting's, which a reader — or a person — can take for it. It
	// stands in the signature block, below the table.
	set("A5", "BẢNG ĐIỂM ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ", fs.title)
	merge("A5", "E5")
	// The meeting line, then the line of its time: what the reader takes
	// the meeting's date from (the day is written over the dots).
	meeting, when := "", ""
	if i < 12 {
		meeting = fmt.Sprintf("Kỳ sinh hoạt thường kỳ tháng %d năm %d", i+1, o.Year)
		when = fmt.Sprintf("Thời gian sinh hoạt: ngày …/%d/%d", i+1, o.Year)
	} else {
		meeting = fmt.Sprintf("Sinh hoạt chuyên đề quý %s năm %d", quarterNumerals[i-12], o.Year)
		when = fmt.Sprintf("Thời gian sinh hoạt: ngày … tháng … năm %d", o.Year)
	}
	set("A6", meeting, fs.subtitle)
	merge("A6", "E6")
	set("A7", when, fs.subtitle)
	merge("A7", "E7")
	b.do(f.SetRowHeight(name, 5, 22))

	// The table.
	for c, h := range []string{"TT", "Tiêu chí đánh giá", "Thang điểm", "Chi ủy, Bí thư chi bộ chấm", "Cấp ủy viên cấp trên chấm"} {
		cell, _ := excelize.CoordinatesToCellName(c+1, formHeaderRow)
		set(cell, h, fs.head)
	}
	b.do(f.SetRowHeight(name, formHeaderRow, 36))
	sum := 0.0
	for g, gr := range groups {
		r := formFirstRow + g
		set(fmt.Sprintf("A%d", r), romanNumeral(g+1), fs.centre)
		set(fmt.Sprintf("B%d", r), gr.Name, fs.group)
		b.do(f.SetCellValue(name, fmt.Sprintf("C%d", r), gr.Max))
		b.do(f.SetCellStyle(name, fmt.Sprintf("C%d", r), fmt.Sprintf("C%d", r), fs.centre))
		b.do(f.SetCellStyle(name, fmt.Sprintf("D%d", r), fmt.Sprintf("E%d", r), fs.score))
		// A group's score stops at its maximum: the reader refuses more.
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("D%d:E%d", r, r)
		b.do(dv.SetRange(0, gr.Max, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Điểm không hợp lệ",
			clip(fmt.Sprintf("Điểm nhóm %s %q là số từ 0 đến %s.", romanNumeral(g+1), gr.Name, num(gr.Max)), 255))
		b.do(f.AddDataValidation(name, dv))
		b.do(f.SetRowHeight(name, r, xlsxout.RowHeight(gr.Name, 52)+4))
		sum += gr.Max
	}
	last := formFirstRow + len(groups) - 1
	total := last + 1
	set(fmt.Sprintf("A%d", total), "", fs.total)
	set(fmt.Sprintf("B%d", total), "Tổng cộng", fs.total)
	b.do(f.SetCellValue(name, fmt.Sprintf("C%d", total), sum))
	b.do(f.SetCellStyle(name, fmt.Sprintf("C%d", total), fmt.Sprintf("C%d", total), fs.totalScore))
	for _, col := range []string{"D", "E"} {
		cell := fmt.Sprintf("%s%d", col, total)
		// Empty while no group is scored: a blank month stays a form not
		// filled in, never a meeting of 0 points.
		b.do(f.SetCellFormula(name, cell, fmt.Sprintf(`IF(COUNT(%s%d:%s%d)=0,"",SUM(%s%d:%s%d))`, col, formFirstRow, col, last, col, formFirstRow, col, last)))
		b.do(f.SetCellStyle(name, cell, cell, fs.totalScore))
	}

	// Xếp loại: the upper committee's score where given, else the chi
	// bộ's, banded as the criteria in force band it.
	th := o.Thresholds
	rate := total + 2
	set(fmt.Sprintf("B%d", rate), "Xếp loại:", fs.label)
	bands := criteria.Describe(th).MeetingBands
	band := func(ref string) string {
		// IF(ref>=90,"Tốt",IF(ref>=70,"Khá",…,"Kém")): the weakest band
		// is what no floor reaches.
		s := `"` + bands[len(bands)-1].Quality.Label() + `"`
		for i := len(bands) - 2; i >= 0; i-- {
			// A formula is written in the file's own notation, a dot
			// before decimals whatever the reader's locale: the comma of
			// "89,5" would split the IF's arguments.
			s = fmt.Sprintf(`IF(%s>=%s,"%s",%s)`, ref, strconv.FormatFloat(bands[i].From, 'f', -1, 64), bands[i].Quality.Label(), s)
		}
		return s
	}
	d, e := fmt.Sprintf("D%d", total), fmt.Sprintf("E%d", total)
	rateCell := fmt.Sprintf("C%d", rate)
	b.do(f.SetCellFormula(name, rateCell, fmt.Sprintf(`IF(%s<>"",%s,IF(%s<>"",%s,""))`, e, band(e), d, band(d))))
	b.do(f.SetCellStyle(name, rateCell, rateCell, fs.rating))

	// The signing line, below the table and without a year: its day is
	// the paper's, never the meeting's.
	set(fmt.Sprintf("D%d", rate+1), dots+", ngày … tháng … năm …", fs.subtitle)
	merge(fmt.Sprintf("D%d", rate+1), fmt.Sprintf("E%d", rate+1))
	sign := rate + 2
	set(fmt.Sprintf("B%d", sign), "CẤP ỦY VIÊN CẤP TRÊN\n(ký, ghi rõ họ tên)", fs.sign)
	set(fmt.Sprintf("D%d", sign), "T/M CHI ỦY\nBÍ THƯ\n(ký, ghi rõ họ tên)", fs.sign)
	merge(fmt.Sprintf("D%d", sign), fmt.Sprintf("E%d", sign))
	b.do(f.SetRowHeight(name, sign, 50))

	b.printSetup(name, "portrait")
}
