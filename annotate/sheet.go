package annotate

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/xlsxout"
)

// sheetStyles are the styles of Góp ý.
type sheetStyles struct {
	title, note, quiet, unit, crit, head, text, link int
	level                                            [len(looks)]int
}

func newSheetStyles(f *excelize.File) (sheetStyles, error) {
	var s sheetStyles
	thin := xlsxout.ThinBorder("BFBFBF")
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	defs := []struct {
		id *int
		st excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.note, excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.quiet, excelize.Style{Font: &excelize.Font{Italic: true}}},
		{&s.unit, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Fill: xlsxout.SolidFill("D9D9D9"),
			Border: []excelize.Border{{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}}},
		{&s.crit, excelize.Style{Font: &excelize.Font{Bold: true, Italic: true}}},
		{&s.head, excelize.Style{Font: &excelize.Font{Bold: true}, Border: xlsxout.ThinBorder("808080"), Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}},
		{&s.text, excelize.Style{Border: thin, Alignment: wrap}},
		{&s.link, excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Border: thin, Alignment: wrap}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.st)
		if err != nil {
			return s, err
		}
		*d.id = id
	}
	for lv, lk := range looks {
		id, err := f.NewStyle(&excelize.Style{Fill: xlsxout.SolidFill(lk.fill),
			Border: xlsxout.Borders(lk.border, lk.color), Font: &excelize.Font{Bold: true}, Alignment: wrap})
		if err != nil {
			return s, err
		}
		s.level[lv] = id
	}
	return s, nil
}

// colWidths are Góp ý's column widths, in characters: narrow enough that
// a landscape A4 page holds them at a legible size.
var colWidths = []float64{13, 30, 58, 32, 20}

// fitHeight sets the row's height to what its wrapped texts need: neither
// Excel nor LibreOffice grows a row written without a height when the file
// is opened, so long evidence would otherwise overlap the next row.
func (w *sheetWriter) fitHeight(texts ...string) {
	lines := 1
	for i, t := range texts {
		lines = max(lines, xlsxout.Lines(t, int(colWidths[i]*1.1)-2))
	}
	if w.err == nil && lines > 1 {
		w.err = w.f.SetRowHeight(w.name, w.row, float64(15*lines+2))
	}
}

// sheetWriter appends the rows of Góp ý.
type sheetWriter struct {
	f     *excelize.File
	name  string
	row   int
	st    sheetStyles
	err   error
	links int
}

func (w *sheetWriter) cell(col int, v any, style int) {
	if w.err != nil {
		return
	}
	c, _ := excelize.CoordinatesToCellName(col, w.row)
	if v != nil {
		w.err = w.f.SetCellValue(w.name, c, v)
	}
	if w.err == nil && style != 0 {
		w.err = w.f.SetCellStyle(w.name, c, c, style)
	}
}

// line writes one cell spanning A:E: merged for the wrapped notes at the
// top, only styled across for the unit and criterion lines, whose text
// overflows into the empty cells. A merge per line would make every later
// cell write check them all: quadratic on a province's thousands of units.
func (w *sheetWriter) line(text string, style int) {
	w.row++
	w.cell(1, text, style)
	if style != w.st.note && style != w.st.title {
		if w.err == nil {
			e, _ := excelize.CoordinatesToCellName(5, w.row)
			a, _ := excelize.CoordinatesToCellName(1, w.row)
			w.err = w.f.SetCellStyle(w.name, a, e, style)
		}
		return
	}
	if w.err == nil {
		a, _ := excelize.CoordinatesToCellName(1, w.row)
		e, _ := excelize.CoordinatesToCellName(5, w.row)
		w.err = w.f.MergeCell(w.name, a, e)
		if w.err == nil && style != 0 {
			w.err = w.f.SetCellStyle(w.name, a, e, style)
		}
	}
	// A merged line does not grow with its text in Excel: give it the
	// height its wrapped text needs at the sheet's total width.
	if n := len([]rune(text))/165 + 1; n > 1 && w.err == nil {
		w.err = w.f.SetRowHeight(w.name, w.row, float64(15*n))
	}
}

// link writes a hyperlink to a cell of the copy in column col.
func (w *sheetWriter) link(col int, sheet, cell string) {
	w.cell(col, sheet+"!"+cell, w.st.link)
	if w.err != nil {
		return
	}
	c, _ := excelize.CoordinatesToCellName(col, w.row)
	target := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + cell
	w.err = w.f.SetCellHyperLink(w.name, c, target, "Location", excelize.HyperlinkOpts{Tooltip: ptr("Đến ô " + sheet + "!" + cell)})
	w.links++
}

func ptr[T any](v T) *T { return &v }

// writeSheet adds Góp ý: the evaluation's rules and date, a legend, then
// per unit its result and its findings per criterion, each with a link to
// its cell or the place it belongs.
func (a *Annotator) writeSheet(f *excelize.File, name string, b Book, p *bookPlan) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	w := &sheetWriter{f: f, name: name, st: st}
	for col, width := range colWidths {
		c, _ := excelize.ColumnNumberToName(col + 1)
		if err := f.SetColWidth(name, c, c, width); err != nil {
			return err
		}
	}
	rep := a.rep
	asOf := !rep.AsOf.IsZero()
	title := "GÓP Ý VỀ SỔ " + b.Name
	if asOf {
		title = "VIỆC CẦN LÀM TRƯỚC 31/12/" + fmt.Sprint(rep.Year) + " — SỔ " + b.Name
	}
	w.line(title, st.title)
	head := fmt.Sprintf("Đánh giá \"bốn tốt\" năm %d", rep.Year)
	if rl := rep.Rules.Line(rep.Year); rl != "" {
		head += "; " + rl
	}
	w.line(head, st.note)
	switch {
	case asOf && rep.AsOfToday:
		w.line(fmt.Sprintf("Năm %d chưa kết thúc: đánh giá tính đến hôm nay %s. Các dòng \"%s\" là việc đơn vị còn phải làm trước 31/12/%d; các dòng \"%s\" là điều không còn kịp sửa trong năm.",
			rep.Year, rep.AsOf.Format("02/01/2006"), LevelToDo.Label(), rep.Year, LevelNotMet.Label()), st.note)
	case asOf:
		w.line(fmt.Sprintf("Tự kiểm tra tính đến ngày %s (--as-of): các dòng \"%s\" là việc đơn vị còn phải làm trước 31/12/%d; các dòng \"%s\" là điều không còn kịp sửa trong năm.",
			rep.AsOf.Format("02/01/2006"), LevelToDo.Label(), rep.Year, LevelNotMet.Label()), st.note)
	default:
		w.line(fmt.Sprintf("Đánh giá cả năm %d.", rep.Year), st.note)
	}
	w.line("Lập ngày "+a.Today.Format("02/01/2006")+" bằng bontot. Sổ gốc không bị sửa: bản này chỉ tô màu, thêm ghi chú (comment) vào các ô có vấn đề và thêm trang này. Bấm vào ô ở cột cuối để đến ô trong sổ; di chuột vào ô tô màu để đọc ghi chú.", st.note)
	w.row++
	for lv := len(looks) - 1; lv >= 0; lv-- {
		w.cell(len(looks)-lv, Level(lv).Label(), st.level[lv])
	}
	w.row++

	known := map[string]bool{}
	for _, ur := range p.units {
		known[ur.Unit.Code] = true
		a.writeUnit(w, ur, p.findings[ur.Unit.Code])
	}
	for _, code := range sortedCodes(p.findings, known) {
		w.row++
		w.line("Đơn vị "+code, st.unit)
		writeFindings(w, p.findings[code])
	}
	if fds := p.findings[""]; len(fds) > 0 {
		w.row++
		w.line("Cả sổ", st.unit)
		writeFindings(w, fds)
	}
	if len(p.units) == 0 && len(p.findings) == 0 {
		w.row++
		w.line("Sổ này không có đơn vị nào được đánh giá và không có góp ý.", st.quiet)
	}
	if w.err != nil {
		return w.err
	}
	// A4, as every page bontot prints: without a size the sheet printed on
	// the program's default, Letter in many installs.
	if err := xlsxout.A4(f, name, "landscape", 0); err != nil {
		return err
	}
	return f.SetSheetProps(name, &excelize.SheetPropsOptions{TabColorRGB: ptr("C00000")})
}

// writeUnit writes a unit's result, then its findings by criterion.
func (a *Annotator) writeUnit(w *sheetWriter, ur *criteria.UnitResult, fds []*finding) {
	u := ur.Unit
	w.row++
	res := fmt.Sprintf("%s · %s (%s) — Kết quả: %s", u.Code, u.Name, u.Type.Label(), ur.Verdict.Label())
	if ur.Rank > 0 {
		res += fmt.Sprintf(" · xếp hạng %d trong các %s", ur.Rank, strings.ToLower(u.Type.Label()))
	}
	res += fmt.Sprintf(" · đạt %d/4 tiêu chí", ur.CriteriaMet)
	w.line(res, w.st.unit)
	if len(fds) == 0 {
		w.line("Không có góp ý: mọi tiêu chí con đều đạt hoặc không áp dụng.", w.st.quiet)
		return
	}
	verdict := map[string]criteria.Status{}
	for _, cr := range ur.Criteria {
		verdict[cr.ID] = cr.Verdict
	}
	for _, crit := range []string{"tc1", "tc2", "tc3", "tc4", ""} {
		var these []*finding
		for _, fd := range fds {
			if fd.crit == crit {
				these = append(these, fd)
			}
		}
		if len(these) == 0 {
			continue
		}
		if crit == "" {
			w.line("Dữ liệu của đơn vị", w.st.crit)
		} else {
			w.line(fmt.Sprintf("%s — %s: %s", strings.ToUpper(crit), criteria.CriterionNames[crit], verdict[crit].Label()), w.st.crit)
		}
		writeFindings(w, these)
	}
}

// writeFindings writes the header and one row per finding, with a row per
// further cell when it rests on several.
func writeFindings(w *sheetWriter, fds []*finding) {
	w.row++
	for i, h := range []string{"Mức độ", "Nội dung kiểm tra", "Minh chứng", "Cần làm", "Ô trong sổ"} {
		w.cell(i+1, h, w.st.head)
	}
	for _, fd := range fds {
		w.row++
		w.cell(1, fd.level.Label(), w.st.level[fd.level])
		title := fd.title
		if fd.check != "" {
			title += " (" + fd.check + ")"
		}
		w.cell(2, title, w.st.text)
		msg := fd.message
		if len(fd.elsewhere) > 0 {
			msg += "\nỞ sổ khác: " + strings.Join(fd.elsewhere, "; ")
		}
		w.cell(3, msg, w.st.text)
		w.cell(4, fd.fix, w.st.text)
		w.fitHeight(fd.level.Label(), title, msg, fd.fix)
		switch len(fd.cells) {
		case 0:
			where := fd.where
			if where == "" {
				where = "xem sổ khác"
			}
			w.cell(5, "Không có ô riêng: thuộc "+where, w.st.text)
			w.fitHeight(fd.level.Label(), title, msg, fd.fix, "Không có ô riêng: thuộc "+where)
		case 1:
			w.link(5, fd.cells[0].sheet, fd.cells[0].cell)
		default:
			w.cell(5, fmt.Sprintf("%d ô, liệt kê bên dưới", len(fd.cells)), w.st.text)
			for i, r := range fd.cells {
				if i == maxListedCells {
					w.row++
					w.cell(3, fmt.Sprintf("… và %d ô khác, cũng được tô màu và ghi chú", len(fd.cells)-i), w.st.text)
					break
				}
				w.row++
				w.cell(1, nil, w.st.text)
				w.cell(2, nil, w.st.text)
				note := sourceText(r)
				if r.note != "" {
					note += ": " + r.note
				}
				w.cell(3, note, w.st.text)
				w.cell(4, nil, w.st.text)
				w.link(5, r.sheet, r.cell)
			}
		}
	}
}
