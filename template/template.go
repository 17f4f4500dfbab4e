// Package template writes the empty input workbook of SPEC §3 that the
// bloc's organisation committee sends to every unit: a Hướng dẫn sheet that
// explains each sheet, column and threshold in Vietnamese, then one sheet per
// entry of schema.Sheets with styled, frozen headers, dropdown lists for
// every closed set of values and number/date validation, so that what a
// secretary types is what the reader accepts.
package template

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/xlsxout"
	"github.com/bontot/bontot/workbook/schema"
)

// GuideSheet is the name of the explanatory first sheet. The reader ignores
// it: it is not one of schema.Sheets.
const GuideSheet = schema.GuideSheet

// FirstDataRow and LastDataRow bound the rows that carry dropdowns and
// validation: a bloc of 800 units records some 13,000 meetings and 12,500
// members a year, so 20,000 rows hold its largest sheet. A validation is
// one range per column, so the rows cost the file nothing.
const (
	FirstDataRow = 2
	LastDataRow  = 20000
)

// Options say what kind of template to write.
type Options struct {
	// Unit, Name and Type describe the one unit of a single-unit template
	// (SPEC §3 single-unit form). With Unit empty the template is a bloc
	// template: an empty Đơn vị sheet and a Mã đơn vị column everywhere.
	Unit, Name string
	Type       criteria.UnitType
	// Parent is, for a chi bộ trực thuộc, the code of its đảng bộ cơ sở,
	// written in Trực thuộc; the reader requires it for that type.
	Parent string
	// Upper is the upper committee as the score-sheet form's header names
	// it ("Đảng bộ Sở Tư pháp"); empty leaves dots to fill by hand.
	Upper string
	// Year, when not zero, titles the guide and bounds the date validation.
	Year int
	// Thresholds are the ones the guide sheet states; the zero value means
	// criteria.Default().
	Thresholds criteria.Thresholds
	// FileName is the workbook's own file name, which the guide's commands
	// name; "" for an example name and a line saying to replace it.
	FileName string
	// Program is bontot as typed on the system the workbook is made on
	// (.\bontot.exe in PowerShell); "" for "bontot".
	Program string
}

// YearProperty is the custom document property that records the year a
// template was made for: the reader evaluates a workbook with no dated row
// yet for that year, not the current one (workbook reads it by this name;
// the packages do not import each other). Excel and LibreOffice keep
// custom properties when the workbook is saved again.
const YearProperty = "bontot-year"

// markYear records opts.Year in the workbook (YearProperty).
func (b *builder) markYear() {
	if b.opts.Year == 0 || b.err != nil {
		return
	}
	b.do(b.f.SetCustomProps(excelize.CustomProperty{Name: YearProperty, Value: int32(b.opts.Year)}))
}

// Single reports whether opts ask for a single-unit template.
func (o Options) Single() bool { return o.Unit != "" }

func (o Options) check() error {
	if o.Year != 0 && (o.Year < 2000 || o.Year > 2100) {
		return fmt.Errorf("năm %d không hợp lệ", o.Year)
	}
	if o.Unit == "" {
		if o.Name != "" || o.Type != "" || o.Parent != "" {
			return errors.New("tên, loại và đơn vị cấp trên chỉ dùng cùng mã đơn vị")
		}
		return nil
	}
	if (o.Type == criteria.CellSubordinate) != (o.Parent != "") {
		return errors.New("mã đảng bộ cơ sở cấp trên cần có với chi bộ trực thuộc, và chỉ với loại này")
	}
	if strings.TrimSpace(o.Unit) != o.Unit || strings.TrimSpace(o.Name) == "" {
		return errors.New("sổ mẫu một đơn vị cần mã đơn vị (không có khoảng trắng ở đầu, cuối) và tên đơn vị")
	}
	switch o.Type {
	case criteria.CellGrassroots, criteria.CellSubordinate, criteria.Committee:
	default:
		return fmt.Errorf("loại đơn vị %q không hợp lệ: chọn chi_bo_co_so, chi_bo_truc_thuoc hoặc dang_bo_co_so", o.Type)
	}
	return nil
}

// Sheets returns the input sheets the template writes: all of them in a
// bloc template; in a chi bộ's own form not Họp cấp ủy, which only a đảng
// bộ cơ sở keeps (its checks are the đảng bộ's alone); the optional Lịch
// sử only for rules that read it, so that nobody fills in a sheet the
// rules in force pass over.
func (o Options) Sheets() []schema.Sheet {
	var out []schema.Sheet
	for _, sh := range schema.Sheets {
		if o.Single() && o.Type.IsCell() && sh.ID == criteria.SheetCommittee {
			continue
		}
		// Lịch sử only where the rules read it (Hướng dẫn 06-HD/TW).
		if sh.ID == criteria.SheetHistory && !o.Thresholds.HistoryStreaks {
			continue
		}
		out = append(out, sh)
	}
	return out
}

// Columns returns the columns the template writes on sheet. A bloc
// template has them all but the read-only ones. A single-unit form leaves out Mã đơn vị outside
// Đơn vị (SPEC §3: a single-unit workbook may), and on Đơn vị the columns
// that do not concern its unit type: "Có ban thường vụ" outside a đảng bộ
// cơ sở, "Trực thuộc" outside a chi bộ trực thuộc.
func (o Options) Columns(sheet schema.Sheet) []schema.Column {
	cols := make([]schema.Column, 0, len(sheet.Columns))
	for _, c := range sheet.Columns {
		switch {
		case c.ReadOnly:
			continue // read as offices write it, not offered
		case !o.Single():
		case sheet.ID != criteria.SheetUnits && c.Key == schema.KeyUnit:
			continue
		case sheet.ID == criteria.SheetUnits && c.Key == "standing" && o.Type != criteria.Committee:
			continue
		case sheet.ID == criteria.SheetUnits && c.Key == "parent" && o.Type != criteria.CellSubordinate:
			continue
		}
		cols = append(cols, c)
	}
	return cols
}

// Write writes the template workbook to w.
func Write(w io.Writer, opts Options) error {
	if err := opts.check(); err != nil {
		return err
	}
	if reflect.ValueOf(opts.Thresholds).IsZero() {
		opts.Thresholds = criteria.Default()
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{f: f, opts: opts}
	b.makeStyles()
	b.guide()
	for _, sh := range opts.Sheets() {
		b.dataSheet(sh)
	}
	for _, sheet := range f.GetSheetList() {
		b.setDimension(sheet)
	}
	b.markYear()
	if b.err != nil {
		return fmt.Errorf("không tạo được sổ mẫu: %w", b.err)
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("không ghi được sổ mẫu: %w", err)
	}
	return nil
}

// builder keeps the first excelize error, so that the long sequence of
// cell and style calls reads as a description of the workbook rather than
// as error plumbing; nothing is written once an error occurred.
type builder struct {
	f    *excelize.File
	opts Options
	err  error

	header, headerRequired, date, text, wrap, fixed, input                  int
	title, subtitle, section, label, body, bodyBold, sheetNameCell, command int
}

func (b *builder) do(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *builder) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.do(err)
	return id
}

// Colours: blue-grey for ordinary headers, orange for required ones (the
// guide explains the difference), grey for cells the template pre-fills.
const (
	colourHeader   = "DDEBF7"
	colourRequired = "FCE4D6"
	colourFixed    = "F2F2F2"
)

func (b *builder) makeStyles() {
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	b.header = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: xlsxout.SolidFill(colourHeader), Border: xlsxout.ThinBorder(xlsxout.Black), Alignment: centre})
	b.headerRequired = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: xlsxout.SolidFill(colourRequired), Border: xlsxout.ThinBorder(xlsxout.Black), Alignment: centre})
	dateFmt := "dd/mm/yyyy"
	b.date = b.style(&excelize.Style{CustomNumFmt: &dateFmt})
	// Codes typed as text keep their leading zeros ("01" is not 1).
	b.text = b.style(&excelize.Style{NumFmt: 49})
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	b.wrap = b.style(&excelize.Style{Alignment: top})
	b.fixed = b.style(&excelize.Style{Fill: xlsxout.SolidFill(colourFixed), Border: xlsxout.ThinBorder(xlsxout.Black), Alignment: top})
	// Bordered empty cells beside a pre-filled item show where to answer.
	b.input = b.style(&excelize.Style{Border: xlsxout.ThinBorder(xlsxout.Black), Alignment: top})

	b.title = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 15}})
	b.subtitle = b.style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 11}})
	// Section titles are not wrapped: they run on from A across the empty,
	// filled B cell.
	b.section = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Fill: xlsxout.SolidFill(colourHeader), Alignment: &excelize.Alignment{Vertical: "center"}})
	b.command = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Consolas", Color: "1F4E79"}, Alignment: top})
	b.label = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	b.body = b.style(&excelize.Style{Alignment: top})
	b.bodyBold = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	b.sheetNameCell = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F4E79"}, Alignment: top})
}

// width is a column width that fits text in Calibri 11 (bold headers run a
// little wider than the average Vietnamese letter).
func width(s string) float64 {
	return float64(utf8.RuneCountInString(s))*1.1 + 3
}

// columnWidth fits the header and the longest dropdown value; columns that
// hold names or free text get more room.
func columnWidth(c schema.Column) float64 {
	w := width(c.Header)
	for _, v := range c.Values {
		w = max(w, width(v)+2) // the dropdown arrow takes room
	}
	switch c.Key {
	case schema.KeyItemText:
		return 80
	case "note":
		w = max(w, 40)
	case "criterion":
		// The 528 criteria a unit's form lists fit on one line each.
		w = max(w, 60)
	case "name", "org":
		w = max(w, 30)
	case schema.KeyDate, "admitted_on":
		w = max(w, 13)
	}
	return max(w, 10)
}

func (b *builder) dataSheet(sh schema.Sheet) {
	if b.err != nil {
		return
	}
	f := b.f
	name := sh.Name
	_, err := f.NewSheet(name)
	b.do(err)
	cols := b.opts.Columns(sh)
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.do(f.SetColWidth(name, col, col, columnWidth(c)))
		switch {
		case c.Key == schema.KeyDate || c.Key == "admitted_on":
			b.do(f.SetColStyle(name, col, b.date))
		case c.Key == schema.KeyUnit || c.Key == "code" || c.Key == "parent" || c.Key == "id":
			b.do(f.SetColStyle(name, col, b.text))
		case c.Key == schema.KeyItemText || c.Key == "note":
			b.do(f.SetColStyle(name, col, b.wrap))
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		b.do(f.SetCellStr(name, cell, c.Header))
		st := b.header
		if c.Required {
			st = b.headerRequired
		}
		b.do(f.SetCellStyle(name, cell, cell, st))
		for _, dv := range b.validations(c, col) {
			b.do(f.AddDataValidation(name, dv))
		}
	}
	b.do(f.SetRowHeight(name, 1, 32))
	b.do(f.SetPanes(name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}))
	b.printSetup(name, "landscape")

	switch sh.ID {
	case criteria.SheetUnits:
		if b.opts.Single() {
			b.unitRow(cols)
		}
	case criteria.SheetSelfAssessment:
		b.itemRows(name, cols)
	case criteria.SheetCriteria:
		if b.opts.Single() {
			b.criteriaRows(name, cols)
		}
	}
}

// criteriaRows pre-fills a unit's own form with the criteria of Quy định
// 528-QĐ/TU and their groups; the secretary writes Mức or Điểm beside
// each. A row left without either reads as a criterion not yet graded,
// which keeps TC1 at "thiếu dữ liệu" until it is.
func (b *builder) criteriaRows(sheet string, cols []schema.Column) {
	nameWidth := 0.0
	for _, c := range cols {
		if c.Key == "criterion" {
			nameWidth = columnWidth(c)
		}
	}
	row := FirstDataRow
	for g, names := range [][]string{criteria.Criteria528Key, criteria.Criteria528Other} {
		for _, n := range names {
			for i, c := range cols {
				cell, _ := excelize.CoordinatesToCellName(i+1, row)
				switch c.Key {
				case "criterion":
					b.do(b.f.SetCellStr(sheet, cell, n))
					b.do(b.f.SetCellStyle(sheet, cell, cell, b.fixed))
				case "group":
					b.do(b.f.SetCellStr(sheet, cell, schema.CriteriaGroups[g]))
					b.do(b.f.SetCellStyle(sheet, cell, cell, b.fixed))
				default:
					b.do(b.f.SetCellStyle(sheet, cell, cell, b.input))
				}
			}
			b.do(b.f.SetRowHeight(sheet, row, xlsxout.RowHeight(n, nameWidth)))
			row++
		}
	}
}

// setDimension records the used range, which excelize leaves out.
func (b *builder) setDimension(sheet string) {
	if b.err != nil {
		return
	}
	b.do(xlsxout.SetUsedDimension(b.f, sheet))
}

// printSetup fits the sheet to the width of an A4 page: a secretary prints
// the guide and the sheets to file them with the year's records.
func (b *builder) printSetup(sheet, orientation string) {
	b.do(xlsxout.A4(b.f, sheet, orientation, 0))
}

// unitRow pre-fills the one unit of a single-unit template.
func (b *builder) unitRow(cols []schema.Column) {
	name := criteria.SheetUnits.String()
	for i, c := range cols {
		var v string
		switch c.Key {
		case "code":
			v = b.opts.Unit
		case "name":
			v = b.opts.Name
		case "type":
			v = b.opts.Type.Label()
		case "parent":
			v = b.opts.Parent
		default:
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		b.do(b.f.SetCellStr(name, cell, v))
	}
}

// itemRows lists every qualitative item: its ID in Mục, which is what the
// reader matches, and its text beside it for the secretary.
func (b *builder) itemRows(sheet string, cols []schema.Column) {
	textWidth := columnWidth(schema.Column{Key: schema.KeyItemText})
	for r, it := range criteria.Items {
		row := FirstDataRow + r
		for i, c := range cols {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			switch c.Key {
			case "item":
				b.do(b.f.SetCellStr(sheet, cell, it.ID))
				b.do(b.f.SetCellStyle(sheet, cell, cell, b.fixed))
			case schema.KeyItemText:
				b.do(b.f.SetCellStr(sheet, cell, it.Text))
				b.do(b.f.SetCellStyle(sheet, cell, cell, b.fixed))
			default:
				b.do(b.f.SetCellStyle(sheet, cell, cell, b.input))
			}
		}
		b.do(b.f.SetRowHeight(sheet, row, xlsxout.RowHeight(it.Text, textWidth)))
	}
}

// validations returns the data validations of one column over the data
// rows. Lists warn rather than stop, because the reader also accepts
// abbreviations and unaccented forms ("HTXSNV", "x", "dat") that a strict
// list would refuse; numbers stop, because a score outside its range is
// always an error.
func (b *builder) validations(c schema.Column, col string) []*excelize.DataValidation {
	sqref := fmt.Sprintf("%s%d:%s%d", col, FirstDataRow, col, LastDataRow)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	th := b.opts.Thresholds
	switch {
	case len(c.Values) > 0:
		b.do(dv.SetDropList(c.Values))
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Giá trị ngoài danh sách",
			clip("Nên chọn một giá trị trong danh sách: "+strings.Join(c.Values, "; ")+". Chọn Yes/Có để giữ giá trị đã gõ.", 255))
	case c.Key == "score" || c.Key == schema.KeyUpper || c.Key == "points":
		b.do(dv.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Điểm không hợp lệ", "Điểm phải là số từ 0 đến 100.")
	case len(c.Key) == 2 && c.Key[0] == 'g' && c.Key[1] >= '1' && int(c.Key[1]-'1') < len(th.ScoreGroups):
		g := int(c.Key[1] - '1')
		maxScore := th.ScoreGroups[g].Max
		b.do(dv.SetRange(0, maxScore, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Điểm nhóm không hợp lệ",
			fmt.Sprintf("Điểm nhóm %q phải là số từ 0 đến %s.", c.Header, num(maxScore)))
	case c.Key == schema.KeyDate:
		from, to := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC)
		msg := "Ngày phải có dạng dd/mm/yyyy, ví dụ 15/03/2024."
		if y := b.opts.Year; y != 0 {
			from, to = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
			msg = fmt.Sprintf("Ngày phải có dạng dd/mm/yyyy và thuộc năm %d, ví dụ 15/03/%d.", y, y)
		}
		b.do(dv.SetRange(xlsxout.DateSerial(from), xlsxout.DateSerial(to), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
		// A warning, not a stop: the reader also accepts dd/mm/yyyy typed as
		// text, which a spreadsheet set to another locale does not take for a date.
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Ngày không hợp lệ", msg)
	case c.Key == "month":
		b.do(dv.SetRange(1, 12, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Tháng không hợp lệ", "Tháng là số từ 1 đến 12 (có thể ghi 3/2024 hoặc Tháng 3).")
	case c.Key == "present" || c.Key == "total" || c.Key == "target" || c.Key == "admitted":
		b.do(dv.SetRange(0, 100000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Số không hợp lệ", "Ô này là một số nguyên không âm.")
	default:
		return nil
	}
	dv.SetInput(clip(c.Header, 32), clip(c.Help, 255))
	return []*excelize.DataValidation{dv}
}

// clip shortens s to n characters: Excel refuses validation titles over 32
// and messages over 255 characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
