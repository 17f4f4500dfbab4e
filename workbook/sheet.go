package workbook

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
	"github.com/xuri/excelize/v2"
)

// rowDate is the date of a row, as far as the row itself knows it.
type rowDate struct {
	set       bool      // the row is dated
	t         time.Time // the date; for a month without a year, day 1 of year 1
	monthOnly bool      // only a month was given
	noYear    bool      // a month without a year: the evaluation year supplies it
}

func (d rowDate) year() int { return d.t.Year() }

// pendingRow is a data row read from a sheet, waiting for the merge of all
// files to resolve its unit and the evaluation year.
type pendingRow struct {
	sheet    criteria.Sheet
	src      criteria.Source
	unit     string // unit code (or name) as written; "" when not given
	unitCol  int    // column of Mã đơn vị, for unitCell; -1 when absent
	date     rowDate
	failed   bool // some cell had an error: the row is left out, its unit HasErrors
	blank    bool // nothing recorded (a template row left empty): not counted
	problems []criteria.Problem
	hasRec   bool // the reader made a record of the row (rowCtx.rec)
	// add puts the record into its unit, for a row kept for finish: the
	// rows that go straight to their unit do without this closure.
	add func(u *criteria.Unit, date time.Time)
}

// unitCell is the A1 reference of the row's Mã đơn vị cell, "" without
// one; made only for a problem, since a province has a million rows.
func (pr *pendingRow) unitCell() string {
	if pr.unitCol < 0 {
		return ""
	}
	name, err := excelize.CoordinatesToCellName(pr.unitCol+1, pr.src.Row)
	if err != nil {
		return ""
	}
	return name
}

// rowCtx reads the cells of one data row and collects its problems.
type rowCtx struct {
	fd    *fileData
	sheet string
	row   int
	cells []string
	cols  *columns
	pr    *pendingRow
	rec   record // what the sheet's reader made of the row, when pr.hasRec
}

func (c *rowCtx) get(k colKey) string {
	i := c.cols.pos[k]
	if i < 0 || i >= len(c.cells) {
		return ""
	}
	return c.cells[i] // cleaned when the row was taken in
}

// has reports whether the sheet has the column.
func (c *rowCtx) has(k colKey) bool { return c.cols.pos[k] >= 0 }

// ref is the A1 reference of a column's cell in this row; the first cell
// of the row when the column is absent.
func (c *rowCtx) ref(k colKey) string {
	i := max(c.cols.pos[k], 0)
	name, err := excelize.CoordinatesToCellName(i+1, c.row)
	if err != nil {
		return ""
	}
	return name
}

// report places f at the column's cell of this row; an error leaves the
// row out.
func (c *rowCtx) report(k colKey, f fault) { c.reportAt(c.ref(k), f) }

// reportAt places f at the cell ref of this row.
func (c *rowCtx) reportAt(ref string, f fault) {
	c.pr.problems = append(c.pr.problems, f.at(criteria.Problem{File: c.fd.base, Sheet: c.sheet, Cell: ref}))
	if f.t.Severity == criteria.SeverityError {
		c.pr.failed = true
	}
}

// check reports f at the column's cell when there is one.
func (c *rowCtx) check(k colKey, f fault) {
	if !f.ok() {
		c.report(k, f)
	}
}

// header is the column's header as the sheet writes it, for messages; the
// schema's header when the sheet lacks the column.
func (c *rowCtx) header(k colKey) string { return c.cols.head[k] }

func (c *rowCtx) missing(k colKey) {
	c.report(k, faultOf(criteria.CellMissing, c.header(k), "ô này bắt buộc phải có"))
}

// rating reads an optional rating column.
func (c *rowCtx) rating(k colKey) criteria.Rating {
	v := c.get(k)
	if v == "" {
		return criteria.RatingNone
	}
	r, f := parseRating(v)
	c.check(k, f)
	return r
}

// ratingOrPoints reads a row's rating given as Xếp loại, as Điểm xếp loại
// (0–100, turned into a level by the workbook's bands), or both (SPEC §6,
// "ratings may be given as 0–100 points"). When both are given and disagree,
// the written rating decides and the disagreement is a warning naming both
// cells: the rating is what the committee decided, and Quy định 366-QĐ/TW
// attaches conditions beyond the points (the HTXSNV share, discipline) that
// can set it below the points' band. Saying so beats either silent choice.
func (c *rowCtx) ratingOrPoints() criteria.Rating {
	if g := c.cols.marks; g != nil && g.key == kRating {
		if v := c.marked(g); v != "" {
			r, _ := parseRating(v)
			return r
		}
		if c.pr.failed {
			return criteria.RatingNone
		}
	}
	r := c.rating(kRating)
	v := c.get(kPoints)
	if v == "" {
		return r
	}
	p, f := parseScore(c.header(kPoints), v)
	if !f.ok() {
		c.check(kPoints, f)
		return r
	}
	byPoints := c.fd.bands.Rating(p)
	if c.get(kRating) == "" {
		return byPoints
	}
	if r != criteria.RatingNone && r != byPoints {
		b := c.fd.bands
		c.report(kRating, faultOf(criteria.RatingPointsMismatch,
			"Xếp loại", quote(c.get(kRating)), c.ref(kRating), "", c.header(kPoints), criteria.FormatNumber(p), c.ref(kPoints),
			fmt.Sprintf(", theo ngưỡng %s/%s/%s là %s", criteria.FormatNumber(b[0]), criteria.FormatNumber(b[1]), criteria.FormatNumber(b[2]), byPoints.Code()),
			" ("+r.Code()+"), kiểm tra lại một trong hai ô"))
	}
	return r
}

func (c *rowCtx) yesNo(k colKey) bool {
	v := c.get(k)
	if v == "" {
		return false
	}
	b, f := parseYesNo(c.header(k), v)
	c.check(k, f)
	return b
}

// exempt reads the Miễn sinh hoạt cell: yes/no, or "Đình chỉ" ("Đình chỉ
// sinh hoạt đảng"), which some lists write there for a member suspended
// from party activity: not exempt, but suspended (SPEC §6).
func (c *rowCtx) exempt() (exempt, suspended bool) {
	v := c.get(kExempt)
	if v == "" {
		return false, false
	}
	if isSuspension(v) {
		return false, true
	}
	return c.yesNo(kExempt), false
}

// date reads a date column into the row's date.
func (c *rowCtx) date(k colKey) {
	v := c.get(k)
	if v == "" {
		return
	}
	t, f := parseDate(v, c.fd.date1904)
	if !f.ok() {
		c.check(k, f)
		return
	}
	c.pr.date = rowDate{set: true, t: t}
}

// month reads a Tháng cell into the row's date, dated on day 1.
func (c *rowCtx) month(k colKey) {
	v := c.get(k)
	m, f := parseMonth(v, c.fd.date1904)
	if !f.ok() {
		c.check(k, f)
		return
	}
	y := m.year
	if y == 0 {
		y = 1
	}
	c.pr.date = rowDate{set: true, monthOnly: true, noYear: m.year == 0,
		t: time.Date(y, time.Month(m.month), 1, 0, 0, 0, 0, time.UTC)}
}

// errStop ends the walk of a sheet early; it never leaves the package.
var errStop = errors.New("stop")

var (
	totalWords   = map[string]bool{"cong": true, "tong cong": true, "tong": true, "tong so": true, "cong chung": true}
	sectionLabel = regexp.MustCompile(`^(?:[ivxlc]+|[a-z])\.?$`)
)

// mayBeTotal rules out at a glance what cannot be a total word: the first
// cell of nearly every row is a code, a number or a date, with digits.
func mayBeTotal(v string) bool {
	if len(v) > 32 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] >= '0' && v[i] <= '9' {
			return false
		}
	}
	return true
}

// skipRow reports whether a data row is not data: blank (an STT number
// alone counts as blank: templates number empty rows in advance), a total
// row ("Cộng", "Tổng cộng"), or a section heading ("I. Chi bộ cơ sở" —
// a roman numeral or letter in STT and one label beside it). The cells
// have been taken in through clean, and cols resolved.
func skipRow(cells []string, cols *columns) bool {
	filled, first := 0, ""
	sttLabel := false
	for i, v := range cells {
		if v == "" {
			continue
		}
		if first == "" {
			first = v
			if mayBeTotal(v) && totalWords[strings.Trim(matchKey(v), " :.")] {
				return true
			}
		}
		if i < len(cols.sttAt) && cols.sttAt[i] {
			// The STT of a data row is a number, which no label is.
			if !allDigits(v) && sectionLabel.MatchString(matchKey(v)) {
				sttLabel = true
			}
			continue
		}
		filled++
		switch {
		case filled == 1 && mayBeTotal(v) && totalWords[strings.Trim(matchKey(v), " :.")]:
			return true
		case filled == 2:
			return false // data: most rows end here, after two cells
		}
	}
	return filled == 0 || (sttLabel && filled == 1)
}

// The lines that end a table or are no row of it (SPEC §4 "Office
// layouts"): the count
// line "Tổng số: 7 đảng viên" (a total with its number, which skipRow's
// bare "Cộng" does not cover), and the signature block, "T/M CHI BỘ",
// "BÍ THƯ", "Người lập biểu", a signing line "…, ngày … tháng … năm …"
// (signedOnLine: the whole date, which ends a table; the score-sheet
// reader's signingLine only tells a signing date from a meeting date),
// after which come only names and titles, never rows.
var (
	countLine    = regexp.MustCompile(`^(?:(?:tong so|tong cong|cong so)[ :]|cong\s*:|cong \d)`)
	signedOnLine = regexp.MustCompile(`(?:^|, )ngay [^ ]+ thang [^ ]+ nam [^ ]+$`)
	signingTitle = []string{"t/m ", "t/m.", "tm.", "tm ", "thay mặt ", "k/t ", "kt.", "kt "}
	signerTitles = []string{"bí thư", "phó bí thư", "người lập biểu", "người lập bảng", "người lập", "người tổng hợp",
		"xác nhận của cấp ủy cấp trên", "xác nhận của cấp trên", "nơi nhận", "thủ trưởng cơ quan", "thủ trưởng đơn vị", "chủ tịch"}
)

// firstFilled is the first cell of a row outside the STT columns, its
// index and how many such cells are filled.
func firstFilled(cells []string, cols *columns) (first string, at, filled int) {
	at = -1
	for i, v := range cells {
		if v == "" || (i < len(cols.sttAt) && cols.sttAt[i]) {
			continue
		}
		if filled == 0 {
			first, at = v, i
		}
		filled++
	}
	return first, at, filled
}

// isCountLine reports a count or total line: "Tổng số: 13 đảng viên",
// "Cộng" beside numbers. Every other cell of it is a number; a data row
// whose first cell only begins so (a criterion "Tổng số đảng viên kết
// nạp…" beside its group and level) is not one.
func isCountLine(cells []string, cols *columns) bool {
	first, at, filled := firstFilled(cells, cols)
	// Tổng, Cộng: a first letter looked at before any key is made, on
	// every row of a million.
	if filled == 0 || !mayBeCount(first) || !countLine.MatchString(strings.Trim(matchKey(first), " .")) {
		return false
	}
	for i, v := range cells {
		if v == "" || i == at || (i < len(cols.sttAt) && cols.sttAt[i]) {
			continue
		}
		if _, ok := parseNumber(v); !ok {
			return false
		}
	}
	return true
}

// Signature titles are also written without diacritics ("BI THU").
func init() {
	for _, w := range signerTitles {
		if k := foldKey(w); k != w {
			signerTitles = append(signerTitles, k)
		}
	}
	for _, p := range signingTitle {
		if k := foldKey(p) + " "; strings.HasSuffix(p, " ") && k != p {
			signingTitle = append(signingTitle, k)
		}
	}
}

// mayBeCount is a cheap look at the text as written: a count line begins
// with Tổng or Cộng; unit codes ("CB01") and names do not.
func mayBeCount(v string) bool {
	for _, p := range [...]string{"tổng", "cộng", "tong", "cong"} {
		if len(v) >= len(p) && strings.EqualFold(v[:len(p)], p) {
			return true
		}
	}
	return false
}

// isSignature reports a cell of the signature block: "T/M CHI BỘ", "BÍ
// THƯ", "Người lập biểu", "Nam Định, ngày 20 tháng 12 năm 2025". It is
// asked of the short rows of every sheet, names mostly, so the written
// text is compared as it is (cells are NFC already), without making a
// key of each name.
func isSignature(v string) bool {
	if len(v) > 120 {
		return false
	}
	for _, p := range signingTitle {
		if len(v) >= len(p) && strings.EqualFold(v[:len(p)], p) {
			return true
		}
	}
	t := v
	for len(t) > 0 && (t[len(t)-1] == ' ' || t[len(t)-1] == '.' || t[len(t)-1] == ':') {
		t = t[:len(t)-1]
	}
	if len(t) <= 40 {
		for _, w := range signerTitles {
			// Upper and lower case of Vietnamese letters are as long in
			// UTF-8: a length apart is no match, at no cost.
			if len(t) == len(w) && strings.EqualFold(t, w) {
				return true
			}
		}
	}
	if strings.Contains(v, "ngày") || strings.Contains(v, "Ngày") || strings.Contains(v, "NGÀY") {
		return signedOnLine.MatchString(strings.Trim(matchKey(v), " ."))
	}
	return false
}

// signatureAt is the column of the cell that opens the signature block
// when the row does, -1 otherwise: every cell of the row (three at most)
// is one of the block's. A member row naming a function ("Bí thư") beside
// a rating is no signature.
func signatureAt(cells []string, cols *columns) int {
	_, at, filled := firstFilled(cells, cols)
	if filled == 0 || filled > 3 {
		return -1
	}
	for i, v := range cells {
		if v == "" || (i < len(cols.sttAt) && cols.sttAt[i]) {
			continue
		}
		if !isSignature(v) {
			return -1
		}
	}
	return at
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sheetSpec ties a schema sheet to the function that reads its rows.
type sheetSpec struct {
	schema *schema.Sheet
	read   func(c *rowCtx)
}

// readSheet walks one sheet: finds its header, checks the required columns
// and hands every data row to spec.read. It returns the number of data rows
// and whether the sheet was read; a sheet missing a required column is
// reported and not read (fd.failedSheets), an empty one is only warned about.
func (fd *fileData) readSheet(name string, spec sheetSpec, singleUnit bool) (int, bool, error) {
	var (
		buf   [][]string
		cols  *columns
		rows  int
		state = 0 // 0 looking for the header, 1 right after it, 2 in the data, 3 past the signature block
		fail  bool
		// The signature block that ended the table, and the rows below it.
		endRow, endCol, endRows int
		endText                 string
	)
	begin := func(found *columns) bool {
		switch {
		case found != nil:
			cols = found
		case spec.schema.ID == criteria.SheetMeetings:
			cols = fd.meetingHeader(name, buf)
		default:
			cols = findHeader(spec.schema.ID, buf)
		}
		if f := fd.missingColumns(spec.schema, cols, singleUnit); !f.ok() {
			fd.problems = append(fd.problems, f.at(criteria.Problem{File: fd.base, Sheet: name}))
			fail = true
			fd.failedSheets = fd.failedSheets.With(spec.schema.ID)
			return false
		}
		if cols == nil {
			// Unreachable while every sheet has a required column; kept so
			// that a schema change cannot turn into a nil dereference.
			cols = &columns{index: map[string]int{}, text: map[string]string{}, stt: map[int]bool{}}
		}
		if !cols.ratingErr.ok() {
			fd.problems = append(fd.problems, cols.ratingErr.at(criteria.Problem{File: fd.base, Sheet: name}))
			fail = true
			fd.failedSheets = fd.failedSheets.With(spec.schema.ID)
			return false
		}
		if !cols.ratingNote.ok() {
			fd.problems = append(fd.problems, cols.ratingNote.at(criteria.Problem{File: fd.base, Sheet: name}))
		}
		cols.resolve()
		fd.noteIgnored(name, cols)
		state = 1
		return true
	}
	idx, first := headerIndex[spec.schema.ID], -1
	if spec.schema.ID == criteria.SheetMeetings {
		idx = fd.meet.headers
	}
	defer fd.run.flush() // the last unit's records, whichever way the walk ends
	pr, c := new(pendingRow), new(rowCtx)
	ref := &criteria.SheetRef{File: fd.base, Sheet: name} // shared by the sheet's rows
	data := func(r int, cells []string) {
		if state == 3 {
			if !blankRow(cells) {
				endRows++
			}
			return
		}
		if state == 1 {
			state = 2
			if isNumberingRow(cells) {
				return
			}
		}
		if skipRow(cells, cols) || isCountLine(cells, cols) {
			return
		}
		if c := signatureAt(cells, cols); c >= 0 {
			state, endRow, endCol, endText, endRows = 3, r, c, cells[c], 1
			return
		}
		// One row and context for the whole sheet: place copies the few
		// rows it must keep, the rest cost nothing to let go.
		*pr = pendingRow{sheet: spec.schema.ID, src: criteria.Source{Ref: ref, Row: r}, unitCol: -1}
		// Field by field: the record is left as the last row left it, for
		// the reader overwrites it whole and pr.hasRec says if it did.
		c.fd, c.sheet, c.row, c.cells, c.cols, c.pr = fd, name, r, cells, cols, pr
		if c.has(kUnit) {
			pr.unit, pr.unitCol = c.get(kUnit), cols.pos[kUnit]
		}
		spec.read(c)
		if !pr.blank {
			rows++
		}
		fd.place(pr, &c.rec)
	}
	err := fd.book.sheetRows(name, func(r int, cells []string) error {
		if state == 0 {
			buf = append(buf, slices.Clone(cells)) // sheetRows reuses cells
			// The header is looked for headerScanRows rows past the first
			// row that may be one, however many title lines come first.
			n := len(buf)
			if first < 0 && (mayBeHeader(idx, cells) || (n >= 2 && mayBeHeader(idx, joinRows(buf[n-2], cells)))) {
				first = n - 1
			}
			var found *columns
			if stopAtComplete && first >= 0 && n >= first+2 && n <= first+completeTries+1 {
				found = fd.completeHeader(name, spec, idx, buf, singleUnit)
			}
			if found == nil && (n < headerScanRows || (first < 0 && !dataLike(cells)) || (first >= 0 && n < first+headerScanRows)) {
				return nil
			}
			if !begin(found) {
				return errStop
			}
			for i := cols.headerEnd; i < len(buf); i++ {
				data(i+1, buf[i])
			}
			buf = nil
			return nil
		}
		data(r, cells)
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	if err != nil {
		return rows, false, err
	}
	defer func() {
		if endRow > 0 {
			cell, _ := excelize.CoordinatesToCellName(endCol+1, endRow)
			fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name, Cell: cell}.Of(criteria.SheetSignatureEnd, cell, quote(endText), endRows))
		}
	}()
	if state == 0 && !fail {
		if allBlank(buf) {
			// An empty sheet records nothing: it is read as absent, not as
			// "none", and that is said rather than guessed.
			fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name}.Of(criteria.SheetEmpty))
			return 0, false, nil
		}
		if !begin(nil) {
			return 0, false, nil
		}
		for i := cols.headerEnd; i < len(buf); i++ {
			data(i+1, buf[i])
		}
	}
	return rows, !fail, nil
}

// completeTries is how many rows past the first that may be a header a
// complete header is looked for before the whole window is read.
const completeTries = 3

// stopAtComplete: the scan stops at the first complete header. Off, the
// whole window is read, as the scan once did: the oracle of the stop
// (TestCompleteHeaderOracle).
var stopAtComplete = true

// completeHeader is the header of the rows read so far when it is
// complete, nil otherwise: the scan for a header stops at the first
// complete one instead of reading headerScanRows rows past it
// and trying each of them, single and double. Complete is: every required
// column named, every text of the header bound to a column of its own
// (nothing unknown, nothing twice), and the row under it read, so that a
// two-row header starting on the header's last row has been weighed. A
// later row could only win by naming more columns than a header that
// already names every one of its cells and every required column, which
// a data row does not; a header short of that is looked for over the
// whole window, as before.
func (fd *fileData) completeHeader(name string, spec sheetSpec, idx headerTable, buf [][]string, singleUnit bool) *columns {
	var (
		cols  *columns
		rules *meetingRules
		note  fault
	)
	if spec.schema.ID == criteria.SheetMeetings {
		// As meetingHeader picks it, the other score sheets weighed.
		cols, rules, note = fd.pickMeetingHeader(buf)
	} else {
		cols = findHeaderIn(spec.schema.ID, idx, buf)
	}
	if cols == nil || len(buf) <= cols.headerEnd || len(cols.ignored) > 0 || !cols.ratingErr.ok() {
		return nil
	}
	if spec.schema.ID == criteria.SheetMeetings {
		meet := fd.meet
		if rules != nil {
			meet = rules
		}
		if boundGroups(cols) != len(meet.groups) {
			return nil
		}
		// missingColumns reads the groups of the rules the sheet is read by.
		saved := fd.meet
		fd.meet = meet
		miss := fd.missingColumns(spec.schema, cols, singleUnit)
		fd.meet = saved
		if !miss.ok() {
			return nil
		}
		fd.useMeetingRules(name, rules, note)
		return cols
	}
	if !fd.missingColumns(spec.schema, cols, singleUnit).ok() {
		return nil
	}
	return cols
}

// dataLike reports a row of three cells or more: a row of data, or a
// header, never a title line. Past headerScanRows rows with no header
// yet, such a row means the header will not come: what is above it is
// all there is to look at, and a sheet of a million rows is not held in
// memory waiting for one.
func dataLike(cells []string) bool {
	n := 0
	for _, v := range cells {
		if clean(v) != "" {
			if n++; n >= 3 {
				return true
			}
		}
	}
	return false
}

func blankRow(cells []string) bool {
	for _, v := range cells {
		if v != "" {
			return false
		}
	}
	return true
}

func allBlank(rows [][]string) bool {
	for _, r := range rows {
		for _, v := range r {
			if clean(v) != "" {
				return false
			}
		}
	}
	return true
}

// knownSheet is a published score sheet a Sinh hoạt sheet may be kept to
// whatever the criteria in force declare.
type knownSheet struct {
	what   string // "5 nhóm của Hướng dẫn 12-HD/BTCTW (mỗi nhóm tối đa 20 điểm)"
	groups func() []criteria.ScoreGroup
}

// knownSheets are the score sheets bontot knows: the five groups of Hướng
// dẫn 12-HD/BTCTW (hd17-2023) and the published eight-group sheet the 2025
// profile ships.
var knownSheets = []knownSheet{
	{"5 nhóm của Hướng dẫn 12-HD/BTCTW (mỗi nhóm tối đa 20 điểm)", criteria.HD12ScoreGroups},
	{"8 nhóm của phiếu điểm năm 2025 (bộ quy tắc 2025: %s)", criteria.Sheet2025ScoreGroups},
}

// meetingHeader finds the header of Sinh hoạt under the declared score
// groups. A sheet kept to another published score sheet than the one the
// criteria declare (a 2024 workbook with the five groups of Hướng dẫn 12
// evaluated under the 2025 profile, or a 2025 eight-group sheet under
// hd17-2023) names every group of that sheet in its headers, and the sheet
// gives their maxima: it is read by them, and a note says so, rather than
// every row being refused for lacking groups it was never meant to have.
// The total decides a meeting's band either way.
func (fd *fileData) meetingHeader(sheet string, buf [][]string) *columns {
	cols, rules, note := fd.pickMeetingHeader(buf)
	fd.useMeetingRules(sheet, rules, note)
	return cols
}

// useMeetingRules applies what pickMeetingHeader found: the score sheet
// the sheet is kept to, when not the declared one, and the note saying so.
func (fd *fileData) useMeetingRules(sheet string, rules *meetingRules, note fault) {
	if rules == nil {
		return
	}
	fd.meet = rules // fd is this sheet's own (forSheet)
	fd.problems = append(fd.problems, note.at(criteria.Problem{File: fd.base, Sheet: sheet}))
}

// pickMeetingHeader is meetingHeader without its effects: the header, and
// when the sheet is kept to another published score sheet, its rules and
// the note to give.
func (fd *fileData) pickMeetingHeader(buf [][]string) (*columns, *meetingRules, fault) {
	cols := findHeaderIn(criteria.SheetMeetings, fd.meet.headers, buf)
	if boundGroups(cols) == len(fd.meet.groups) {
		return cols, nil, fault{}
	}
	for _, k := range knownSheets {
		groups := k.groups()
		if sameGroups(groups, fd.meet.groups) {
			continue
		}
		rules := *fd.meet
		rules.groups, rules.hd12 = groups, isHD12(groups)
		if rules.hd12 {
			rules.headers = headerIndex[criteria.SheetMeetings]
		} else {
			rules.headers = meetingHeaders(groups)
		}
		other := findHeaderIn(criteria.SheetMeetings, rules.headers, buf)
		if other == nil || boundGroups(other) != len(groups) || (cols != nil && len(other.index) < len(cols.index)) {
			continue
		}
		what := k.what
		if strings.Contains(what, "%s") {
			what = fmt.Sprintf(what, declaredGroups(groups))
		}
		declared := fd.meet.groups
		return other, &rules, faultOf(criteria.ScoresheetOtherGroups, what, len(declared), declaredGroups(declared))
	}
	return cols, nil, fault{}
}

// sameGroups reports whether a and b name the same groups with the same
// maxima.
func sameGroups(a, b []criteria.ScoreGroup) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Max != b[i].Max {
			return false
		}
	}
	return true
}

// boundGroups counts the group-score columns a header binds.
func boundGroups(cols *columns) int {
	if cols == nil {
		return 0
	}
	n := 0
	for i := range criteria.MaxScoreGroups {
		if cols.has(groupKeyName(i)) {
			n++
		}
	}
	return n
}

// declaredGroups is "Công tác chuẩn bị 10; Tổ chức sinh hoạt chi bộ 30; …":
// semicolons, since a published group's name holds a comma ("Chấp hành
// thời gian, thời lượng").
func declaredGroups(gs []criteria.ScoreGroup) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.Name + " " + criteria.FormatNumber(g.Max)
	}
	return strings.Join(parts, "; ")
}

// missingColumns is the fault naming the required columns the header
// lacks, none when it has them all.
func (fd *fileData) missingColumns(s *schema.Sheet, cols *columns, singleUnit bool) fault {
	var miss, wanted []string // wanted: the missing headers, for a lookalike
	for _, col := range s.Columns {
		need := col.Required
		if col.Key == schema.KeyUnit && !singleUnit {
			// Mã đơn vị may be left out only when the workbook holds one unit.
			need = true
		}
		if !need || (cols != nil && cols.has(col.Key)) {
			continue
		}
		if col.Key == "rating" && cols != nil && cols.has("points") {
			continue // a rating given as points (Điểm xếp loại)
		}
		miss = append(miss, quote(col.Header))
		wanted = append(wanted, col.Header)
	}
	// Columns that may stand in for each other (SPEC §3).
	has := func(k string) bool { return cols != nil && cols.has(k) }
	switch s.ID {
	case criteria.SheetMeetings:
		if !has(schema.KeyDate) && !has("month") {
			miss = append(miss, "\"Ngày\" (hoặc \"Tháng\")")
			wanted = append(wanted, "Ngày", "Tháng")
		}
		if !has("score") && !has(schema.KeyUpper) {
			groups := fd.meet.groups
			var miss1 []string
			for g := range groups {
				if !has(groupKeyName(g)) {
					miss1 = append(miss1, quote(groups[g].Name))
				}
			}
			if len(miss1) == len(groups) {
				miss = append(miss, fmt.Sprintf("\"Điểm\" (hoặc điểm %d nhóm tiêu chí)", len(groups)))
			} else if len(miss1) > 0 {
				miss = append(miss, strings.Join(miss1, ", ")+" (hoặc \"Điểm\")")
			}
		}
	case criteria.SheetCriteria:
		if !has("level") && !has("score") {
			miss = append(miss, "\"Mức\" (hoặc \"Điểm\")")
			wanted = append(wanted, "Mức", "Điểm")
		}
	}
	if len(miss) == 0 {
		return fault{}
	}
	if cols == nil {
		return faultOf(criteria.SheetNoHeader, strings.Join(miss, ", "))
	}
	// A header bontot did not recognise is likely the missing column
	// under another name: naming it says what to rename.
	var unknown []string
	for i, h := range cols.headers {
		if h != "" && cols.unbound[i] {
			col, _ := excelize.ColumnNumberToName(i + 1)
			unknown = append(unknown, quote(h)+" ("+col+")")
		}
	}
	if like := lookalikes(wanted, cols); len(like) > 0 {
		// The header that looked like the missing column says what to
		// rename, rather than a list of every header.
		return faultOf(criteria.SheetMissingColumn, strings.Join(miss, ", "), "; "+strings.Join(like, "; "))
	}
	hint := ""
	if len(unknown) > 0 {
		hint = "; các cột không nhận ra: " + strings.Join(unknown, ", ") + " — nếu một trong số đó là cột còn thiếu, đổi tiêu đề cột cho đúng"
	}
	return faultOf(criteria.SheetMissingColumn, strings.Join(miss, ", "), hint)
}

// lookalikes pairs each missing column with an unrecognised header that
// holds its name as a word ("Phân loại" for Loại, "Mức độ" for Mức,
// "Họ tên đảng viên" for Họ và tên): the column likely written another
// way. Each header is offered once.
func lookalikes(wanted []string, cols *columns) []string {
	var out []string
	used := map[int]bool{}
	for _, w := range wanted {
		wk := strings.Fields(matchKey(w))
		if len(wk) == 0 {
			continue
		}
		for i, h := range cols.headers {
			if h == "" || !cols.unbound[i] || used[i] {
				continue
			}
			hk := " " + punctKey(matchKey(h)) + " "
			if !strings.Contains(hk, " "+wk[0]+" ") || len(wk) > 1 && !strings.Contains(hk, " "+wk[len(wk)-1]+" ") {
				continue
			}
			used[i] = true
			col, _ := excelize.ColumnNumberToName(i + 1)
			out = append(out, fmt.Sprintf("cột %s (%s) có phải là cột %s? Nếu đúng, đổi tiêu đề cột thành %s", quote(h), col, quote(w), quote(w)))
			break
		}
	}
	return out
}

// noteIgnored lists, once per sheet, the header cells bound to no column:
// a misspelt header shows up here instead of silently reading as absent.
func (fd *fileData) noteIgnored(sheet string, cols *columns) {
	var names []string
	for _, i := range cols.ignored {
		if i < 0 || i >= len(cols.headers) || cols.headers[i] == "" {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		names = append(names, quote(cols.headers[i])+" ("+col+")")
	}
	if len(names) == 0 {
		return
	}
	fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: sheet}.Of(criteria.SheetColumnsIgnored, strings.Join(names, ", ")))
}
