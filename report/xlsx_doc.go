package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// The summary and commendation sheets are the document an office prints,
// signs and files: they follow the layout of party documents of Hướng dẫn
// 36-HD/VPTW — the issuing committee on the left and "ĐẢNG CỘNG SẢN VIỆT
// NAM" on the right, the number under the committee, place and date under
// the party's name, a centred title, and at the end the recipients on the
// left and the signature on the right. What the criteria file or the flags
// do not say is left as a dotted blank to fill in by hand.

// blank is the dotted blank of a field left to fill in by hand.
const blank = "……………………"

// shortBlank fills a day, month or place.
const shortBlank = "……"

// or is s, or the dotted blank when s is empty.
func or(s, dflt string) string {
	if strings.TrimSpace(s) == "" {
		return dflt
	}
	return nfc.String(s)
}

// placeDate is the "Hà Nội, ngày 05 tháng 02 năm 2025" line: a day below
// 10 and the months January and February take a leading zero, as official
// documents write them so that nothing can be added in front.
func placeDate(place string, d time.Time) string {
	if d.IsZero() {
		return fmt.Sprintf("%s, ngày %s tháng %s năm %s", or(place, "…………"), shortBlank, shortBlank, shortBlank)
	}
	day := fmt.Sprint(d.Day())
	if d.Day() < 10 {
		day = "0" + day
	}
	month := fmt.Sprint(int(d.Month()))
	if d.Month() < 3 {
		month = "0" + month
	}
	return fmt.Sprintf("%s, ngày %s tháng %s năm %d", or(place, "…………"), day, month, d.Year())
}

// docLayout places a document sheet's two blocks on its columns: the
// heading and the recipients in columns 1…left, the party's name, the date
// and the signature in columns right…n (1-based, inclusive).
type docLayout struct {
	n, left, right int
}

// newDocLayout gives the left block about two fifths of the width and the
// right block about half, whatever the columns.
func newDocLayout(cols []column) docLayout {
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	d := docLayout{n: len(cols), left: 1, right: len(cols)}
	sum := 0.0
	for i, c := range cols {
		sum += c.width
		if sum >= 0.38*total {
			d.left = i + 1
			break
		}
	}
	sum = 0
	for i := len(cols) - 1; i >= 0; i-- {
		sum += cols[i].width
		d.right = i + 1
		if sum >= 0.45*total {
			break
		}
	}
	if d.right <= d.left {
		d.right = min(d.left+1, d.n)
	}
	return d
}

// heading writes the heading block, the title, the subject line and the
// notes under it (subtitles after the first, in italics) from row 1; it
// returns the next free row. number is the "Số …" line, empty for none.
// A report sent to one unit is a báo cáo like any other (Hướng dẫn
// 36-HD/VPTW addresses a tờ trình or a công văn, not a báo cáo): the unit
// is named in the subject and under Nơi nhận.
func (x *xlsxWriter) heading(w *docStream, d docLayout, number, title string, subtitles ...string) (int, error) {
	st, doc := x.st, x.doc
	lines := []struct {
		left, right           string
		leftStyle, rightStyle int
	}{
		{or(doc.UpperCommittee, blank), "ĐẢNG CỘNG SẢN VIỆT NAM", st.docPlain, st.docParty},
		{or(doc.Committee, blank), "", st.docBold, st.docPlain},
		{"*", placeDate(doc.Place, doc.Date), st.docPlain, st.docItalic},
		{number, "", st.docPlain, st.docPlain},
	}
	for i, l := range lines {
		if err := w.text(i+1, 1, d.left, l.left, l.leftStyle); err != nil {
			return 0, err
		}
		if err := w.text(i+1, d.right, d.n, l.right, l.rightStyle); err != nil {
			return 0, err
		}
	}
	row := len(lines) + 2
	if err := w.text(row, 1, d.n, title, st.docTitle); err != nil {
		return 0, err
	}
	row++
	for i, s := range subtitles {
		style := st.docSubtitle
		if i > 0 {
			// Notes under the subject line (the day counted to, the rules,
			// the report a list goes with) read as notes, not as a second
			// title.
			style = st.docNote
		}
		if err := w.text(row, 1, d.n, s, style); err != nil {
			return 0, err
		}
		row++
	}
	return row + 1, nil
}

// reportNumber is the report's "Số 125-BC/ĐU" line: Hướng dẫn 36-HD/VPTW
// writes "Số" and the number without a colon.
func (x *xlsxWriter) reportNumber() string {
	return "Số " + or(x.doc.Number, blank)
}

// attachedTo is the note under a list's subject line naming the report it
// goes with. The list is not the report: it has no number of its own that
// bontot could know, and never carries the report's.
func (x *xlsxWriter) attachedTo() string {
	s := "(Kèm theo Báo cáo số " + or(x.doc.Number, blank)
	if !x.doc.Date.IsZero() {
		s += " ngày " + x.doc.Date.Format("02/01/2006")
	}
	return s + ")"
}

// reportTitle is the report's subject line: the year, and the date of a
// self-check.
func (x *xlsxWriter) reportTitle() string {
	s := fmt.Sprintf("Kết quả đánh giá chi bộ, đảng bộ cơ sở “bốn tốt” năm %d", x.r.Year)
	if x.to != nil {
		s = fmt.Sprintf("Kết quả đánh giá “bốn tốt” năm %d của %s", x.r.Year, nfc.String(x.to.Name))
	}
	switch {
	case x.r.AsOfToday:
		s += fmt.Sprintf(" (tính đến ngày %s)", x.r.AsOf.Format("02/01/2006"))
	case !x.r.AsOf.IsZero():
		s += fmt.Sprintf(" (tự kiểm tra đến ngày %s)", x.r.AsOf.Format("02/01/2006"))
	}
	return s
}

// signature writes, from row on, the recipients on the left and the
// signature block on the right; it returns the last row used.
func (x *xlsxWriter) signature(w *docStream, d docLayout, row int) (int, error) {
	st, doc := x.st, x.doc
	recipients := []string{}
	if x.to != nil {
		recipients = append(recipients, nfc.String(x.to.Name)+" (để thực hiện)")
	}
	for _, r := range doc.Recipients {
		recipients = append(recipients, nfc.String(r))
	}
	if len(doc.Recipients) == 0 {
		if x.to == nil {
			recipients = append(recipients, blank)
		}
		recipients = append(recipients, blank, "Lưu Văn phòng")
	}
	left := []string{"Nơi nhận:"}
	for i, r := range recipients {
		end := ","
		if i == len(recipients)-1 {
			end = "."
		}
		left = append(left, "- "+strings.TrimRight(r, ",.;")+end)
	}
	onBehalf := or(doc.OnBehalf, "T/M "+blank)
	right := []struct {
		text  string
		style int
	}{
		{strings.ToUpper(onBehalf), st.docBold},
		{strings.ToUpper(or(doc.SignerTitle, blank)), st.docBold},
		{"", st.docPlain}, {"", st.docPlain}, {"", st.docPlain}, {"", st.docPlain},
		{or(doc.Signer, blank), st.docBold},
	}
	// The block stays whole and with the line above it (row-2; row-1 is
	// the blank between): it never starts a page alone, and the authority
	// line never stays on the page before the signer's name.
	w.keep(row - 2)
	w.keep(row - 1)
	last := row
	for i := 0; i < max(len(left), len(right)); i++ {
		r := row + i
		if i < max(len(left), len(right))-1 {
			w.keep(r)
		}
		if i < len(left) {
			style := st.docLeft
			if i == 0 {
				style = st.docRecipientsHead
			}
			if err := w.text(r, 1, d.left, left[i], style); err != nil {
				return 0, err
			}
		}
		if i < len(right) {
			if err := w.text(r, d.right, d.n, right[i].text, right[i].style); err != nil {
				return 0, err
			}
		}
		last = r
	}
	return last, nil
}

// summaryColumns fit the printable width of an A4 landscape page at scale
// 100 (see xlsx_page.go), so that the document prints at its sizes.
var summaryColumns = []column{
	{"Hạng", 6}, {"Mã", 8}, {"Tên đơn vị", 21}, {"Trực thuộc", 6}, {"Cụm", 6},
	{"Làm điểm", 5}, {"Xếp loại", 8}, {"TC1", 10}, {"TC2", 10}, {"TC3", 10}, {"TC4", 10},
	{"Kết quả", 10}, {"Điểm SH bình quân", 8}, {"Đề xuất khen thưởng", 7},
}

// romans numbers the sections of Tổng hợp.
var romans = []string{"I", "II", "III", "IV", "V", "VI"}

// sectionTitle is the heading of a unit type's section in Tổng hợp.
func sectionTitle(i int, t criteria.UnitType) string {
	name := strings.ToUpper(t.Label())
	if t == criteria.CellSubordinate {
		name = "CHI BỘ TRỰC THUỘC ĐẢNG BỘ CƠ SỞ"
	}
	return romans[i%len(romans)] + ". " + name
}

// typeCounts are the figures of a count line.
type typeCounts struct{ total, met int }

// summary writes Tổng hợp as a document: heading, title, one section per
// unit type (its heading, its units in rank order, a count line), a count
// line over all types, then recipients and signature. The column header
// row stands once above the sections and repeats on every printed page.
func (x *xlsxWriter) summary() (*excelize.StreamWriter, func() error, error) {
	return x.streamDoc(SheetSummary, summaryColumns, x.writeSummary)
}

// writeSummary writes the rows of Tổng hợp; it returns the header row and
// the last row.
func (x *xlsxWriter) writeSummary(w *docStream) (int, int, error) {
	st, cols := x.st, summaryColumns
	d := newDocLayout(cols)
	// Under the title, what the whole report rests on (SPEC §6): up to
	// which day it counts when the year had not ended, and the rules.
	subtitles := []string{x.reportTitle()}
	if x.r.AsOfToday {
		subtitles = append(subtitles, asOfLine(x.r))
	}
	if l := rulesLine(x.r); l != "" {
		subtitles = append(subtitles, l)
	}
	row, err := x.heading(w, d, x.reportNumber(), "BÁO CÁO", subtitles...)
	if err != nil {
		return 0, 0, err
	}
	// The report's text comes before its tables: what an office would
	// otherwise write elsewhere.
	for _, p := range x.body() {
		if err := w.text(row, 1, d.n, p.text, st.docBody); err != nil {
			return 0, 0, err
		}
		row++
	}
	header := row
	if err := w.header(x.st, cols, header); err != nil {
		return 0, 0, err
	}
	w.keep(header) // with the first section and its first unit
	row++
	var all typeCounts
	section := 0
	for i := 0; i < len(x.r.Units); {
		t := x.r.Units[i].Unit.Type
		j := i
		for j < len(x.r.Units) && x.r.Units[j].Unit.Type == t {
			j++
		}
		if err := w.text(row, 1, len(cols), sectionTitle(section, t), st.section); err != nil {
			return 0, 0, err
		}
		if err := w.height(row, 18); err != nil {
			return 0, 0, err
		}
		w.keep(row)
		row++
		section++
		var c typeCounts
		for k := i; k < j; k++ {
			ur := &x.r.Units[k]
			if err := x.summaryRow(w, row, ur); err != nil {
				return 0, 0, err
			}
			if k == i || k == j-1 {
				// The first unit with its section's heading, the last
				// with its count line.
				w.keep(row)
			}
			row++
			c.total++
			if ur.Verdict == criteria.Met {
				c.met++
			}
		}
		if x.to == nil { // a report sent to one unit counts nothing
			if err := x.countLine(w, row, "Cộng "+lowerFirst(t.Label()), c); err != nil {
				return 0, 0, err
			}
			if j == len(x.r.Units) {
				w.keep(row) // the last with Tổng cộng
			}
			row++
		}
		all.total += c.total
		all.met += c.met
		i = j
	}
	if section == 0 {
		if err := w.text(row, 1, len(cols), "Không có đơn vị nào được đánh giá.", st.text); err != nil {
			return 0, 0, err
		}
		row++
	} else if section > 1 && x.to == nil {
		if err := x.countLine(w, row, "Tổng cộng", all); err != nil {
			return 0, 0, err
		}
		row++
	}
	last, err := x.signature(w, d, row+1)
	return header, last, err
}

// summaryRow writes one unit's row of Tổng hợp.
func (x *xlsxWriter) summaryRow(w *docStream, row int, ur *criteria.UnitResult) error {
	st, u := x.st, ur.Unit
	values := []any{ur.Rank, u.Code, nfc.String(u.Name), nilIfEmpty(u.Parent), nilIfEmpty(nfc.String(u.Cluster)),
		yesMark(u.Pilot), nilIfEmpty(u.Rating.Code())}
	styleIDs := []int{st.center, st.text, st.text, st.text, st.text, st.center, st.center}
	for c := range 4 {
		if c < len(ur.Criteria) {
			values = append(values, ur.Criteria[c].Verdict.Label())
			styleIDs = append(styleIDs, st.statusStyle(ur.Criteria[c].Verdict))
		} else {
			values = append(values, nil)
			styleIDs = append(styleIDs, st.text)
		}
	}
	values = append(values, ur.Verdict.Label())
	styleIDs = append(styleIDs, st.statusStyle(ur.Verdict))
	if ur.HasMeanScore {
		values = append(values, ur.MeanScore)
	} else {
		values = append(values, nil)
	}
	values = append(values, yesMark(ur.Commendation))
	styleIDs = append(styleIDs, st.score, st.center)
	return w.values(summaryColumns, row, values, styleIDs)
}

// countLine writes "Cộng …: tổng số N | đạt “bốn tốt” M | tỷ lệ P%" as
// labels and numbers, so that the counts stay numbers a person can add up.
func (x *xlsxWriter) countLine(w *docStream, row int, label string, c typeCounts) error {
	st := x.st
	var share any
	if c.total > 0 {
		share = float64(c.met) / float64(c.total)
	}
	// Columns: A–C label, D–E "Tổng số", F the count, G–H "Đạt “bốn
	// tốt”", I the count, J "Tỷ lệ", K the share, L–N empty.
	parts := []struct {
		c1, c2 int
		value  any
		style  int
	}{
		{1, 3, label, st.count}, {4, 5, "Tổng số", st.count}, {6, 6, c.total, st.countInt},
		{7, 8, "Đạt “bốn tốt”", st.count}, {9, 9, c.met, st.countInt},
		{10, 10, "Tỷ lệ", st.count}, {11, 11, share, st.countPct}, {12, 14, nil, st.count},
	}
	for _, p := range parts {
		if err := w.span(row, p.c1, p.c2, p.value, p.style); err != nil {
			return err
		}
	}
	return nil
}

// commendationList is one titled list of the commendation sheet. The
// sheet prints every list commendationLists returns, one after the other,
// each with its title, who qualifies, its table and its count; a second
// kind of commendation is one more entry there.
type commendationList struct {
	Title   string // "Danh sách đề nghị tặng giấy khen"
	Basis   string // who qualifies, one sentence
	Units   []*criteria.UnitResult
	Grounds func(*criteria.UnitResult) string // why this unit, one line
	Empty   string                            // said when Units is empty
}

// commendationLists are the lists of Đề xuất khen thưởng, in order; in a
// report addressed to one unit, only the lists it is on.
func (x *xlsxWriter) commendationLists() []commendationList {
	lists := x.allCommendationLists()
	if x.to == nil {
		return lists
	}
	var own []commendationList
	for _, l := range lists {
		if len(l.Units) > 0 {
			own = append(own, l)
		}
	}
	return own
}

// allCommendationLists are every list the rules in force make.
func (x *xlsxWriter) allCommendationLists() []commendationList {
	var units []*criteria.UnitResult
	for i := range x.r.Units {
		if x.r.Units[i].UpperCommendation() {
			units = append(units, &x.r.Units[i])
		}
	}
	count := x.typeCount()
	basis := fmt.Sprintf("Chi bộ cơ sở, đảng bộ cơ sở đạt “bốn tốt” năm %d và được xếp loại “Hoàn thành xuất sắc nhiệm vụ” (Hướng dẫn 17-HD/ĐUK).", x.r.Year)
	if q := x.r.UpperQuota(); q != nil {
		basis += " " + nfc.String(quotaNote(q)) // Quy định 366-QĐ/TW art. 11: never silently
	}
	return append([]commendationList{{
		Title: "Danh sách đề nghị tặng giấy khen",
		Basis: basis,
		Units: units,
		Grounds: func(ur *criteria.UnitResult) string {
			return fmt.Sprintf("Đạt “bốn tốt” năm %d (%d/4 tiêu chí đạt); tự xếp loại %s; hạng %d/%d %s",
				x.r.Year, ur.CriteriaMet, ur.Unit.Rating.Code(), ur.Rank, count[ur.Unit.Type], lowerFirst(ur.Unit.Type.Label()))
		},
		Empty: "Không có đơn vị nào đủ điều kiện đề nghị tặng giấy khen.",
	}}, x.lists2025()...)
}

// commendationColumns fit the page at scale 100, as summaryColumns.
var commendationColumns = []column{
	{"STT", 5}, {"Mã", 9}, {"Tên đơn vị", 28}, {"Loại", 13}, {"Xếp loại", 9}, {"Căn cứ đề nghị", 60},
}

// commendation writes Đề xuất khen thưởng as a document: heading, title,
// every list of commendationLists, recipients and signature.
func (x *xlsxWriter) commendation() (*excelize.StreamWriter, func() error, error) {
	if err := x.newSheet(SheetCommendation); err != nil {
		return nil, nil, err
	}
	return x.streamDoc(SheetCommendation, commendationColumns, x.writeCommendation)
}

// writeCommendation writes the rows of Đề xuất khen thưởng; it returns the
// header row and the last row.
func (x *xlsxWriter) writeCommendation(w *docStream) (int, int, error) {
	st, cols := x.st, commendationColumns
	d := newDocLayout(cols)
	row, err := x.heading(w, d, "", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
		fmt.Sprintf("Tổ chức đảng đạt “bốn tốt” năm %d", x.r.Year), x.attachedTo())
	if err != nil {
		return 0, 0, err
	}
	header := 0
	lists := x.commendationLists()
	for n, l := range lists {
		if err := w.text(row, 1, len(cols), fmt.Sprintf("%d. %s", n+1, l.Title), st.listTitle); err != nil {
			return 0, 0, err
		}
		// The list's title, who qualifies and the table's header stay
		// with its first row.
		w.keep(row)
		row++
		if err := w.text(row, 1, len(cols), l.Basis, st.docLeft); err != nil {
			return 0, 0, err
		}
		w.keep(row)
		row++
		if header == 0 && len(lists) == 1 {
			// One list: its header repeats on every page. Several: each
			// has its own, and a repeated one would stand above the next
			// list's title.
			header = row
		}
		if err := w.header(x.st, cols, row); err != nil {
			return 0, 0, err
		}
		w.keep(row)
		row++
		if len(l.Units) == 0 {
			if err := w.text(row, 1, len(cols), l.Empty, st.text); err != nil {
				return 0, 0, err
			}
			row++
		}
		for i, ur := range l.Units {
			values := []any{i + 1, ur.Unit.Code, nfc.String(ur.Unit.Name), ur.Unit.Type.Label(),
				nilIfEmpty(ur.Unit.Rating.Code()), l.Grounds(ur)}
			styleIDs := []int{st.center, st.text, st.text, st.text, st.center, st.text}
			if err := w.values(cols, row, values, styleIDs); err != nil {
				return 0, 0, err
			}
			if i == len(l.Units)-1 {
				w.keep(row) // with the count line
			}
			row++
		}
		if err := w.text(row, 1, 3, "Tổng số", st.count); err != nil {
			return 0, 0, err
		}
		// The count stays a number; its format writes the unit.
		if err := w.span(row, 4, len(cols), len(l.Units), st.countText); err != nil {
			return 0, 0, err
		}
		row += 2
	}
	last, err := x.signature(w, d, row)
	return header, last, err
}

// docStream writes a document sheet row by row through the StreamWriter,
// which a province's Tổng hợp needs (thousands of rows, kept out of
// memory); cells of a row may be set in any order, rows in increasing
// order. Without a StreamWriter it is a dry run that only finds the rows,
// their heights and which must stay with the next, because the sheet's
// layout (its used range, print titles, page breaks) must be set before
// the stream starts. Every row is written with its height, which the page
// layout is computed from.
type docStream struct {
	sw    *excelize.StreamWriter // nil for a dry run
	cols  []column
	fonts map[int]docFont // the document styles, for sizing wrapped text
	row   int             // the row being filled
	cells []any
	h     float64
	last  int // the last row written

	// Kept by the dry run: heights[r] and keep[r] of every row r up to
	// last (row 0 unused).
	heights []float64
	keeps   []bool
}

// keep says that row stays on the page of the row after it.
func (w *docStream) keep(row int) {
	if w.sw != nil || row < 1 {
		return
	}
	for len(w.keeps) <= row {
		w.keeps = append(w.keeps, false)
	}
	w.keeps[row] = true
}

// at moves to row, writing the row being filled.
func (w *docStream) at(row int) error {
	if row == w.row {
		return nil
	}
	if row < w.row {
		return fmt.Errorf("report: row %d written after row %d", row, w.row)
	}
	if err := w.flush(); err != nil {
		return err
	}
	w.row = row
	return nil
}

// flush writes the row being filled, if it has anything.
func (w *docStream) flush() error {
	if w.row == 0 || (len(w.cells) == 0 && w.h == 0) {
		return nil
	}
	w.last = w.row
	h := max(w.h, defaultRowHeight)
	var err error
	if w.sw != nil {
		err = w.sw.SetRow(fmt.Sprintf("A%d", w.row), w.cells, excelize.RowOpts{Height: h})
	} else {
		for len(w.heights) <= w.row {
			w.heights = append(w.heights, defaultRowHeight) // rows left out
		}
		w.heights[w.row] = h
	}
	w.cells, w.h = nil, 0
	return err
}

// span sets columns c1…c2 of row to one style, value in the first,
// merged when they are more than one. A text in a document style makes
// the row tall enough for it, wrapped over the merged width.
func (w *docStream) span(row, c1, c2 int, value any, style int) error {
	if err := w.at(row); err != nil {
		return err
	}
	for len(w.cells) < c2 {
		w.cells = append(w.cells, nil)
	}
	w.cells[c1-1] = excelize.Cell{StyleID: style, Value: value}
	for c := c1 + 1; c <= c2; c++ {
		w.cells[c-1] = excelize.Cell{StyleID: style}
	}
	if f, ok := w.fonts[style]; ok {
		if s, ok := value.(string); ok && c2 <= len(w.cols) {
			width := 0.0
			for c := c1; c <= c2; c++ {
				width += columnPoints(w.cols[c-1].width)
			}
			w.h = max(w.h, textHeight(s, width, f.size, f.bold))
		}
	}
	if c2 > c1 && w.sw != nil {
		from, _ := excelize.CoordinatesToCellName(c1, row)
		to, _ := excelize.CoordinatesToCellName(c2, row)
		return w.sw.MergeCell(from, to)
	}
	return nil
}

// text is span with a text, left out when empty.
func (w *docStream) text(row, c1, c2 int, text string, style int) error {
	var v any
	if text != "" {
		v = text
	}
	return w.span(row, c1, c2, v, style)
}

// height sets the height of row in points, at least.
func (w *docStream) height(row int, h float64) error {
	if err := w.at(row); err != nil {
		return err
	}
	w.h = max(w.h, h)
	return nil
}

// header writes the column titles of a table at row.
func (w *docStream) header(st *styles, cols []column, row int) error {
	for i, c := range cols {
		if err := w.span(row, i+1, i+1, c.title, st.header); err != nil {
			return err
		}
	}
	return w.height(row, headerHeight(cols))
}

// values writes one row of values with one style per cell, tall enough
// for its wrapped text (see rowHeight); a nil value leaves the cell empty
// but styled, so borders stay continuous.
func (w *docStream) values(cols []column, row int, values []any, styleIDs []int) error {
	if err := w.at(row); err != nil {
		return err
	}
	if w.sw != nil {
		for i, v := range values {
			if err := w.span(row, i+1, i+1, v, styleIDs[i]); err != nil {
				return err
			}
		}
	}
	return w.height(row, max(rowHeight(cols, values, 1), defaultRowHeight))
}

// streamDoc prepares a document sheet: a dry run of write finds its rows,
// then the layout is set — widths, print layout, the header row repeated
// on every page, the page breaks that keep headings and the signature with
// what they belong to, the page number from page 2 at the top centre
// (Hướng dẫn 36-HD/VPTW) and no footer. It returns the stream and the
// function that writes the rows into it, which touches nothing else of the
// workbook and may run beside another sheet's.
func (x *xlsxWriter) streamDoc(sheet string, cols []column, write func(*docStream) (int, int, error)) (*excelize.StreamWriter, func() error, error) {
	dry := &docStream{cols: cols, fonts: x.st.docFont}
	header, _, err := write(dry)
	if err != nil {
		return nil, nil, err
	}
	if err := dry.flush(); err != nil {
		return nil, nil, err
	}
	if err := x.setupSheet(sheet, cols, header, dry.last, false); err != nil {
		return nil, nil, err
	}
	if err := x.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		DifferentFirst: true,
		OddHeader:      `&C&"` + fontName + `,Regular"&14&P`,
	}); err != nil {
		return nil, nil, err
	}
	for _, b := range layout(dry.heights, dry.keeps, header, pageCapacity(printScale(cols))) {
		if err := x.f.InsertPageBreak(sheet, breakCell(b)); err != nil {
			return nil, nil, err
		}
	}
	sw, err := x.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, nil, err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, nil, err
		}
	}
	return sw, func() error {
		w := &docStream{sw: sw, cols: cols, fonts: x.st.docFont}
		if _, _, err := write(w); err != nil {
			return err
		}
		return w.flush()
	}, nil
}
