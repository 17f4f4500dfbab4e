package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// TableOptions controls the terminal report.
type TableOptions struct {
	// Unit, when set, shows every check of that one unit instead of the
	// ranked summary: the view of a cell secretary checking their own cell.
	Unit string
	// Color adds ANSI colours. The caller decides: only on a terminal and
	// never with NO_COLOR.
	Color bool
	// Width is the width of the terminal in columns. Below MinWidth (and
	// when zero) the report is laid out for MinWidth; beyond MaxWidth for
	// MaxWidth, since evidence wrapped wider than that is hard to read.
	Width int
	// All prints the details of every unit not "dat"; by default they
	// stop after MaxDetailUnits units, with a line saying how many were
	// left out and how to see them.
	All bool
	// Summary prints the tables, counts and the commendation list alone,
	// without any unit's details.
	Summary bool
	// ASCII writes the marks of statuses in ASCII ("v", "x") for a console
	// whose font has no ✓ or ✗ (a legacy Windows code page).
	ASCII bool
	// FullNames keeps every unit name whole in the ranked tables: output
	// to a file or a pipe is read by a program or searched, where a name
	// cut to the terminal's width is a name lost. A terminal cuts them.
	FullNames bool
	// Window is the window of a workbook dropped on bontot.exe, whose
	// reader types no command line: every hint that would add or remove a
	// flag points to the Excel report written beside the workbook instead.
	Window bool
}

// Bounds of the width the report is laid out for.
const (
	MinWidth = 80
	MaxWidth = 200
)

// MaxDetailUnits is how many units not "dat" the summary details by
// default: a province has thousands, whose details run past a console's
// scroll-back; --all prints them all, --unit one.
const MaxDetailUnits = 10

// layoutWidth is the width the report is laid out for, given the
// terminal's.
func layoutWidth(w int) int { return min(max(w, MinWidth), MaxWidth) }

// Table writes the terminal report: per unit type a ranked summary table
// and its counts, the units proposed for commendation, then the failing and
// missing checks of the first MaxDetailUnits units that are not "dat" (all
// with opts.All, none with opts.Summary) with their evidence, the
// implementation checks, a summary of data problems and a final line
// counting units per verdict. With opts.Unit it writes every check of that
// unit instead, under a "Chưa đạt:" line; an unknown code is an error.
func Table(w io.Writer, r *criteria.Report, opts TableOptions) error {
	// Lines go out through a buffer: written one by one to a terminal or
	// pipe, the details of a bloc would cost a system call each.
	bw := bufio.NewWriterSize(w, 64<<10)
	t := &textWriter{w: bw, color: opts.Color, width: layoutWidth(opts.Width), ascii: opts.ASCII, window: opts.Window}
	err := t.report(r, opts)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

func (t *textWriter) report(r *criteria.Report, opts TableOptions) error {
	if opts.Unit != "" {
		ur := findUnit(r, opts.Unit)
		if ur == nil {
			return fmt.Errorf("không có đơn vị mã %q trong báo cáo", opts.Unit)
		}
		t.unitView(r, ur)
		return t.err
	}
	t.heading(r)
	t.lead(r.Problems)
	widths := summaryWidths(r, t.width, opts.FullNames)
	for _, typ := range criteria.UnitTypes {
		units := unitsOfType(r, typ)
		if len(units) == 0 {
			continue
		}
		t.line("")
		t.line(t.bold(fmt.Sprintf("%s (%d đơn vị)", strings.ToUpper(typ.Label()), len(units))))
		if err := summaryTable(t, units, widths); err != nil {
			return err
		}
		t.line(typeCountLine(units))
	}
	if len(r.Units) == 0 {
		t.line("")
		t.line("Không có đơn vị nào để đánh giá.")
	} else {
		t.line("")
		for _, l := range shortLegend() {
			t.line(l)
		}
		t.commendations(r)
		t.commendations2025(r)
		t.watch(r, opts.All)
	}
	if opts.Summary {
		if n := notMetCount(r); n > 0 {
			t.line("")
			if t.window {
				t.paragraph("", fmt.Sprintf("Chi tiết %d đơn vị chưa đạt: sheet “%s” của báo cáo Excel.", n, SheetDetail))
			} else {
				t.paragraph("", fmt.Sprintf("Không in chi tiết %d đơn vị chưa đạt (--summary): bỏ --summary để xem, --all để xem tất cả, --unit MÃ để xem một đơn vị.", n))
			}
		}
		t.problemCounts(r.Problems)
	} else {
		limit := MaxDetailUnits
		if opts.All {
			limit = -1
		}
		t.details(r, limit)
		t.implementation(r.Implementation, "", !opts.All)
		t.problems(r.Problems, "", true)
	}
	t.line("")
	t.line(countsLine(r))
	return t.err
}

// typeCountLine is the count line under the table of one unit type:
// "Tổng số 6 · đạt "bốn tốt" 2 · tỷ lệ 33,3%".
func typeCountLine(units []*criteria.UnitResult) string {
	met, reachable := 0, 0
	for _, ur := range units {
		switch ur.Verdict {
		case criteria.Met:
			met++
		case criteria.Reachable:
			reachable++
		}
	}
	s := fmt.Sprintf("Tổng số %d · đạt \"bốn tốt\" %d · tỷ lệ %s%%", len(units), met, criteria.FormatDecimal(100*float64(met)/float64(len(units)), 1))
	if reachable > 0 {
		s += fmt.Sprintf(" · còn khả năng đạt %d", reachable)
	}
	return s
}

// notMetCount is the number of units whose verdict is not "dat".
func notMetCount(r *criteria.Report) int {
	n := 0
	for _, ur := range r.Units {
		if ur.Verdict != criteria.Met {
			n++
		}
	}
	return n
}

// commendations lists the units proposed for a certificate of merit
// (đạt "bốn tốt" and rated HTXSNV; chi bộ trực thuộc are recognised by
// their đảng ủy), or says that there is none and why.
func (t *textWriter) commendations(r *criteria.Report) {
	var units []*criteria.UnitResult
	for _, typ := range criteria.UnitTypes {
		for _, ur := range unitsOfType(r, typ) {
			if ur.UpperCommendation() {
				units = append(units, ur)
			}
		}
	}
	t.line("")
	if len(units) == 0 {
		// Two lines: on one, 81 columns, an 80-column console wrapped it
		// in the middle of "HTXSNV".
		t.line(t.bold("ĐỀ XUẤT TẶNG GIẤY KHEN") + ": không có đơn vị nào.")
		t.paragraph("  ", "Cần đạt \"bốn tốt\" và xếp loại HTXSNV.")
		return
	}
	t.line(t.bold(fmt.Sprintf("ĐỀ XUẤT TẶNG GIẤY KHEN (%d đơn vị)", len(units))))
	n := unitTypeCount(r)
	for i, ur := range units {
		num := fmt.Sprintf("%3d. ", i+1)
		s := cellText(ur.Unit.Code) + " · " + cellText(ur.Unit.Name) + " — " + lowerFirst(ur.Unit.Type.Label()) +
			rankText(", hạng ", ur, n) + ", đạt \"bốn tốt\", xếp loại HTXSNV"
		if ur.HasMeanScore {
			s += ", điểm " + criteria.FormatDecimal(ur.MeanScore, 1)
		}
		t.hanging(num, strings.Repeat(" ", utf8.RuneCountInString(num)), s)
	}
	// Quy định 366-QĐ/TW art. 11: the list takes every unit dat and
	// HTXSNV; when more are rated HTXSNV than the share allows, it says so
	// beside the list rather than silently listing them all.
	if q := r.UpperQuota(); q != nil {
		t.paragraph("  ", quotaNote(q))
	}
}

// quotaNote is the line a commendation list carries when the
// quota.htxsnv_orgs result behind it is not dat.
func quotaNote(q *criteria.ImplementationResult) string {
	if q.Status == criteria.MissingData {
		return "Lưu ý — chưa đủ xếp loại để biết số đơn vị HTXSNV có vượt tỷ lệ (Quy định 366-QĐ/TW, Điều 11) hay không: " + q.Message
	}
	return "Lưu ý — số đơn vị xếp loại HTXSNV vượt tỷ lệ (Quy định 366-QĐ/TW, Điều 11), cần xem lại xếp loại trước khi đề nghị: " + q.Message
}

// rulesLine is the line that says which rules made r and why (SPEC §6),
// "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo năm đánh giá 2026.",
// or "" when r names no profile.
func rulesLine(r *criteria.Report) string {
	l := r.Rules.Line(r.Year)
	if l == "" {
		return ""
	}
	return l + "."
}

// UnfinishedYearLine says that the year is judged as of today because it
// has not ended (SPEC §6, "An unfinished year"): "Năm 2026 chưa kết thúc:
// tính đến ngày 06/12/2026; thêm --as-of 31/12/2026 để đánh giá như cả
// năm".
func UnfinishedYearLine(year int, today time.Time) string {
	return fmt.Sprintf("Năm %d chưa kết thúc: tính đến ngày %s; thêm --as-of 31/12/%d để đánh giá như cả năm",
		year, today.Format("02/01/2006"), year)
}

// asOfLine is the line that says up to which day data counted: the
// unfinished year's, or a self-check's; "" for the whole year.
func asOfLine(r *criteria.Report) string {
	switch {
	case r.AsOf.IsZero():
		return ""
	case r.AsOfToday:
		return UnfinishedYearLine(r.Year, r.AsOf) + "."
	}
	return fmt.Sprintf("Tự kiểm tra giữa năm: dữ liệu tính đến ngày %s.", r.AsOf.Format("02/01/2006"))
}

// windowAsOfLine is asOfLine, but in the window of a dropped workbook
// (window true), where no flag can be added, it says what the verdicts
// of an unfinished year mean instead of how to judge the whole year.
func windowAsOfLine(r *criteria.Report, window bool) string {
	if window && r.AsOfToday && !r.AsOf.IsZero() {
		return fmt.Sprintf("Năm %d chưa kết thúc: tính đến ngày %s; tiêu chí còn đạt được trong phần còn lại của năm ghi “Còn khả năng”.",
			r.Year, r.AsOf.Format("02/01/2006"))
	}
	return asOfLine(r)
}

// textWriter writes lines, keeping the first error so that rendering code
// stays linear.
type textWriter struct {
	w      io.Writer
	color  bool
	width  int  // columns the lines fit in
	ascii  bool // marks in ASCII
	window bool // TableOptions.Window
	err    error
}

func (t *textWriter) line(s string) {
	if t.err != nil {
		return
	}
	s = nfc.String(s)
	if !t.color {
		// Every piece of cell text was made safe where it entered the line;
		// without colour the whole line can be checked again, cheaply.
		s = SafeText(s)
	}
	if _, t.err = io.WriteString(t.w, s); t.err == nil {
		_, t.err = io.WriteString(t.w, "\n")
	}
}

// paragraph writes s wrapped to the line width under the given indent.
func (t *textWriter) paragraph(indent, s string) { t.hanging(indent, indent, s) }

// hanging writes s wrapped, the first line after first and the others after
// rest (both of the same width).
func (t *textWriter) hanging(first, rest, s string) {
	for i, l := range wrap(cellText(s), t.width-utf8.RuneCountInString(rest)) {
		if i == 0 {
			t.line(first + l)
		} else {
			t.line(rest + l)
		}
	}
}

func (t *textWriter) paint(code, s string) string {
	if !t.color || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (t *textWriter) bold(s string) string { return t.paint("1", s) }

// status colours a status word in the colour of its status (statusLooks).
func (t *textWriter) status(s criteria.Status, text string) string {
	if c := statusLooks[s].ansi; c != "" {
		return t.paint(c, text)
	}
	return text
}

// severity is the name of a problem severity in its colour (severityLooks).
func (t *textWriter) severity(s criteria.Severity) string {
	if c := severityLooks[s].ansi; c != "" {
		return t.paint(c, severityLabel(s))
	}
	return severityLabel(s)
}

func (t *textWriter) heading(r *criteria.Report) {
	title := fmt.Sprintf("ĐÁNH GIÁ CHI BỘ, ĐẢNG BỘ CƠ SỞ \"BỐN TỐT\" NĂM %d", r.Year)
	t.line(t.bold(title))
	// What the whole report rests on comes first: up to which day it
	// counts, and which rules judge it.
	if l := windowAsOfLine(r, t.window); l != "" {
		t.paragraph("", l)
	}
	if l := rulesLine(r); l != "" {
		t.paragraph("", l)
	}
}

// summaryHeader are the columns of the ranked tables.
var summaryHeader = []string{"#", "Mã", "Tên đơn vị", "TC1", "TC2", "TC3", "TC4", "Kết quả", "Điểm"}

// summaryRow is the cells of a unit's row in the ranked table, before
// padding and colour.
func summaryRow(ur *criteria.UnitResult) []string {
	// A fresh slice per row: tablewriter keeps the rows it is given.
	row := make([]string, 0, len(summaryHeader))
	row = append(row, fmt.Sprint(ur.Rank), truncate(cellText(ur.Unit.Code), maxCodeWidth), cellText(ur.Unit.Name))
	for i := range 4 {
		if i < len(ur.Criteria) {
			row = append(row, shortLabel(ur.Criteria[i].Verdict))
		} else {
			row = append(row, "")
		}
	}
	row = append(row, shortLabel(ur.Verdict))
	if ur.HasMeanScore {
		// Always one decimal, so that 93,0 stands beside 93,1 with its
		// comma in line, not "93" pushed to the right.
		row = append(row, criteria.FormatFixed(ur.MeanScore, 1))
	} else {
		row = append(row, "–")
	}
	return row
}

// summaryWidths are the widths of the ranked tables' columns, over every
// unit of r: the tables of the three unit types then share their column
// positions. The name gets what is left of the layout width, at least 12
// columns, and all of its length when full (output to a file or a pipe,
// where a cut name is a lost one).
// maxCodeWidth bounds the code column: a code is what --unit is given,
// so it is cut only past the length of the longest code made from a
// name ("CB-VAN-PHONG-SO"), not at the 12 columns a short code needs.
const maxCodeWidth = 20

func summaryWidths(r *criteria.Report, width int, full bool) []int {
	w := make([]int, len(summaryHeader))
	for col, h := range summaryHeader {
		w[col] = utf8.RuneCountInString(h)
	}
	for i := range r.Units {
		for col, c := range summaryRow(&r.Units[i]) {
			w[col] = max(w[col], utf8.RuneCountInString(c))
		}
	}
	// Each cell is padded by one space on either side, without rules.
	others := 2 * len(summaryHeader)
	for col := range w {
		if col != 2 {
			others += w[col]
		}
	}
	if !full {
		w[2] = min(w[2], max(12, width-others))
	}
	return w
}

// summaryTable renders the ranked table of one unit type, its columns as
// wide as summaryWidths gives them: the name cut with "…" beyond its
// width.
func summaryTable(t *textWriter, units []*criteria.UnitResult, widths []int) error {
	header := slices.Clone(summaryHeader)
	rightAligned := map[int]bool{0: true, 8: true}
	pad := func(s string, col, n int) string {
		fill := strings.Repeat(" ", max(0, widths[col]-n))
		if rightAligned[col] {
			return fill + s
		}
		return s + fill
	}
	for col := range header {
		header[col] = pad(header[col], col, utf8.RuneCountInString(header[col]))
	}
	rows := make([][]string, 0, len(units))
	for _, ur := range units {
		rows = append(rows, summaryRow(ur))
	}
	for i, row := range rows {
		row[2] = truncate(row[2], widths[2])
		for col := range row {
			n := utf8.RuneCountInString(row[col])
			// Colour after measuring: escape sequences take no columns.
			if col >= 3 && col <= 7 {
				var st criteria.Status
				if col == 7 {
					st = units[i].Verdict
				} else if col-3 < len(units[i].Criteria) {
					st = units[i].Criteria[col-3].Verdict
				}
				row[col] = t.status(st, row[col])
			}
			row[col] = pad(row[col], col, n)
		}
	}

	var buf bytes.Buffer
	table := tablewriter.NewTable(&buf,
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.On},
			},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithAlignment(tw.Alignment{
			tw.AlignRight, tw.AlignLeft, tw.AlignLeft,
			tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft,
			tw.AlignLeft, tw.AlignRight,
		}),
	)
	table.Header(header)
	for _, row := range rows {
		if err := table.Append(row); err != nil {
			return err
		}
	}
	if err := table.Render(); err != nil {
		return err
	}
	// The right padding of the last column leaves trailing spaces.
	for _, l := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
		t.line(strings.TrimRight(l, " "))
	}
	return t.err
}

// details lists, for every unit not "dat", the checks that keep it from
// being "dat", with their evidence sentences; limit units at most (all
// when negative), then a line counting the others.
func (t *textWriter) details(r *criteria.Report, limit int) {
	first := true
	shown, left := 0, 0
	n := unitTypeCount(r)
	for i := range r.Units {
		ur := &r.Units[i]
		if ur.Verdict == criteria.Met {
			continue
		}
		if limit >= 0 && shown >= limit {
			left++
			continue
		}
		shown++
		if first {
			t.line("")
			t.line(t.bold("CÁC ĐƠN VỊ CHƯA ĐẠT \"BỐN TỐT\""))
			first = false
		}
		t.line("")
		suffix := ""
		if rank := rankText("hạng ", ur, n); rank != "" {
			suffix = " (" + rank + ")"
		}
		t.unitHeading(ur, suffix)
		if ur.Verdict == criteria.DataError {
			for _, text := range unitErrors(r, ur) {
				t.hanging("  "+t.status(criteria.DataError, "!")+" ", "    ", text)
			}
		}
		for _, c := range ur.Criteria {
			var failed []criteria.CheckResult
			for _, ch := range c.Checks {
				if failing(ch, r.Thresholds.Strict) {
					failed = append(failed, ch)
				}
			}
			if len(failed) == 0 {
				continue
			}
			t.criterionLine(c)
			for _, ch := range failed {
				t.checkLines(ch)
			}
		}
	}
	if left > 0 {
		t.line("")
		t.paragraph("", fmt.Sprintf("… và %d đơn vị chưa đạt khác không in chi tiết ở đây (đã in %d đơn vị đầu). Xem tất cả: thêm --all; xem một đơn vị: --unit MÃ; báo cáo Excel (--format xlsx) có đủ chi tiết.", left, shown))
	}
}

// unitErrors are the data errors that make ur "loi_du_lieu", each
// prefixed with the code of the chi bộ it comes from when that is not ur.
func unitErrors(r *criteria.Report, ur *criteria.UnitResult) []string {
	var out []string
	from := errorUnits(ur)
	for _, p := range r.Problems {
		if from[p.Unit] && p.Severity == criteria.SeverityError {
			text := p.String()
			if p.Unit != ur.Unit.Code {
				text = p.Unit + ": " + text // a chi bộ's error reaching its đảng bộ
			}
			out = append(out, text)
		}
	}
	return out
}

// errorUnits are the codes whose problems concern ur: its own and those of
// the chi bộ trực thuộc whose data errors make a đảng bộ loi_du_lieu.
func errorUnits(ur *criteria.UnitResult) map[string]bool {
	codes := map[string]bool{ur.Unit.Code: true}
	for _, c := range ur.ErrorsIn {
		codes[c] = true
	}
	return codes
}

// failing reports whether a check keeps its criterion from "dat". An item
// not self-assessed counts only under --strict (SPEC §2).
func failing(ch criteria.CheckResult, strict bool) bool {
	switch ch.Status {
	case criteria.NotMet, criteria.MissingData, criteria.Reachable:
		return true
	case criteria.NotAssessed:
		return strict
	}
	return false
}

// unitHeading writes "CODE · Name — Verdict suffix", cutting the name so the
// line fits the terminal.
func (t *textWriter) unitHeading(ur *criteria.UnitResult, suffix string) {
	code, verdict := cellText(ur.Unit.Code), ur.Verdict.Label()
	room := t.width - utf8.RuneCountInString(code+" ·  — "+verdict+suffix)
	name := truncate(cellText(ur.Unit.Name), max(room, 12))
	t.line(t.bold(code+" · "+name) + " — " + t.status(ur.Verdict, verdict) + suffix)
}

func (t *textWriter) criterionLine(c criteria.CriterionResult) {
	t.line("  " + t.bold(criterionLabel(c.ID)) + " " + criteria.CriterionNames[c.ID] +
		" — " + t.status(c.Verdict, c.Verdict.Label()))
}

// checkLines writes "✗ Không đạt · title [id]" and the evidence under it.
func (t *textWriter) checkLines(ch criteria.CheckResult) {
	// A check keeps its ID, the key of its setting in the criteria file;
	// a self-assessment item is known to the secretary by its text alone.
	title := checkTitle(ch.ID) + " [" + ch.ID + "]"
	if ch.Item {
		title = "Tự đánh giá: " + checkTitle(ch.ID)
	}
	t.statusLine("    ", "      ", ch.Status, title)
	if ch.Message != "" {
		t.paragraph("      ", ch.Message)
	}
}

// statusLine writes "✓ Đạt · text" wrapped, the first line after first
// and the others after rest, colouring only the mark and status word that
// lead it: colour codes inside a wrapped line would be counted as text.
func (t *textWriter) statusLine(first, rest string, st criteria.Status, text string) {
	mark := t.symbol(st) + " " + st.Label()
	for i, l := range wrap(nfc.String(mark+" · "+text), t.width-utf8.RuneCountInString(rest)) {
		if i > 0 {
			t.line(rest + l)
			continue
		}
		if n := utf8.RuneCountInString(mark); utf8.RuneCountInString(l) >= n {
			r := []rune(l)
			l = t.status(st, string(r[:n])) + string(r[n:])
		}
		t.line(first + l)
	}
}

// symbol is the mark of a status (statusLooks), in ASCII when the
// console's font may lack ✓ and ✗.
func (t *textWriter) symbol(s criteria.Status) string {
	l, ok := statusLooks[s]
	switch {
	case !ok && t.ascii:
		return "."
	case !ok:
		return "·"
	case t.ascii:
		return l.ascii
	}
	return l.mark
}

// unitView is the full detail of one unit: its identity, its verdict and
// rank, every check of every criterion, its implementation checks and the
// problems found in its rows.
func (t *textWriter) unitView(r *criteria.Report, ur *criteria.UnitResult) {
	t.heading(r)
	t.lead(r.Problems)
	u := ur.Unit
	t.line("")
	t.line(t.bold(cellText(u.Code) + " · " + cellText(u.Name)))
	// What keeps the unit from "dat" comes first: in the full list below
	// a single failing check may sit fifty lines down.
	t.hanging("Chưa đạt: ", "          ", notMetSummary(r, ur))
	info := []string{"Loại: " + u.Type.Label()}
	if u.Parent != "" {
		parent := u.Parent
		if p := findUnit(r, u.Parent); p != nil {
			parent += " " + p.Unit.Name
		}
		info = append(info, "trực thuộc: "+cellText(parent))
	}
	if u.Cluster != "" {
		info = append(info, "cụm: "+cellText(u.Cluster))
	}
	if u.Pilot {
		info = append(info, "làm điểm")
	}
	if u.Rating != criteria.RatingNone {
		info = append(info, "xếp loại: "+u.Rating.Code())
	}
	t.paragraph("", strings.Join(info, " · "))
	verdict := "Kết quả: " + t.status(ur.Verdict, ur.Verdict.Label())
	if rank := rankText(" · hạng ", ur, unitTypeCount(r)); rank != "" {
		verdict += rank + " " + lowerFirst(u.Type.Label())
	}
	if ur.Commendation {
		verdict += " · " + commendationText(ur)
	}
	t.line(verdict)
	t.unitHistory(ur)
	if ur.HasMeanScore {
		t.line("Điểm bình quân sinh hoạt thường kỳ: " + criteria.FormatDecimal(ur.MeanScore, 1))
	}
	for _, c := range ur.Criteria {
		t.line("")
		t.criterionLine(c)
		for _, ch := range c.Checks {
			t.checkLines(ch)
		}
	}
	// A unit's view is about the unit: the cluster's choice of pilot
	// units is the upper committee's task, and a ✗ for it in a chi bộ's
	// self-check reads as the chi bộ's own failing.
	var impl []criteria.ImplementationResult
	for _, im := range r.Implementation {
		if im.Unit == u.Code {
			impl = append(impl, im)
		}
	}
	t.implementation(impl, u.Code, false)
	var probs []criteria.Problem
	from := errorUnits(ur)
	for _, p := range r.Problems {
		// Problems without a unit (a missing sheet, a bad file) concern the
		// secretary's own workbook too.
		if from[p.Unit] || p.Unit == "" {
			probs = append(probs, p)
		}
	}
	t.problems(probs, u.Code, false)
}

// rankText is prefix and "rank/count" of ur within its type, or "" when
// the unit is the only one of its type: "hạng 1/1" ranks a unit against
// nothing, and a secretary checking a single chi bộ reads it as a result.
func rankText(prefix string, ur *criteria.UnitResult, count map[criteria.UnitType]int) string {
	n := count[ur.Unit.Type]
	if n < 2 {
		return ""
	}
	return fmt.Sprintf("%s%d/%d", prefix, ur.Rank, n)
}

// notMetSummary is the text of the "Chưa đạt:" line of a unit's view: the
// checks that keep it from "dat", by criterion, or a sentence saying there
// is none.
func notMetSummary(r *criteria.Report, ur *criteria.UnitResult) string {
	var parts []string
	if ur.Verdict == criteria.DataError {
		parts = append(parts, fmt.Sprintf("lỗi dữ liệu (%d lỗi, xem cuối trang)", len(unitErrors(r, ur))))
	}
	for _, c := range ur.Criteria {
		for _, ch := range c.Checks {
			if !failing(ch, r.Thresholds.Strict) {
				continue
			}
			title := checkTitle(ch.ID)
			if ch.Item {
				title = "tự đánh giá “" + truncate(title, 60) + "”"
			}
			p := criterionLabel(c.ID) + " " + title
			if ch.Status != criteria.NotMet {
				p += " (" + lowerFirst(ch.Status.Label()) + ")"
			}
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		if ur.Verdict == criteria.Met {
			return "không có; đạt cả bốn tiêu chí."
		}
		return "không có tiêu chí con nào chưa đạt; xem các tiêu chí dưới đây."
	}
	return strings.Join(parts, "; ") + "."
}

// implementation lists the section III checks. The summary of a bloc
// (code "") lists the results of a check with one per unit
// (criteria.CheckDef.EachUnit: quota.htxsnv) that are not dat and counts
// the others: one line per unit would bury the pilot checks; a unit's own
// view and the other formats give each. With fold (the summary without
// --all) a list longer than maxListed keeps only the checks not dat and
// counts the others per check: a province has hundreds of đảng bộ.
func (t *textWriter) implementation(impl []criteria.ImplementationResult, code string, fold bool) {
	if len(impl) == 0 {
		return
	}
	t.line("")
	t.line(t.bold("TỔ CHỨC THỰC HIỆN (chỉ đạo điểm)"))
	fold = fold && code == "" && len(impl) > maxListed
	var foldedIDs []string
	folded := map[string]int{}
	for _, im := range impl {
		if code == "" && im.Status == criteria.Met && (fold || eachUnit(im.ID)) {
			if folded[im.ID] == 0 {
				foldedIDs = append(foldedIDs, im.ID)
			}
			folded[im.ID]++
			continue
		}
		t.statusLine("  ", "      ", im.Status, checkTitle(im.ID)+" · "+cellText(im.Who()))
		if im.Message != "" {
			t.paragraph("      ", im.Message)
		}
	}
	for _, id := range foldedIDs {
		how := "xem từng đơn vị bằng --unit MÃ"
		if !eachUnit(id) {
			how = "xem tất cả bằng --all"
		}
		t.statusLine("  ", "      ", criteria.Met, checkTitle(id)+" · "+fmt.Sprintf("%d đơn vị (%s)", folded[id], how))
	}
}

// eachUnit reports whether an implementation check gives one result per
// unit evaluated.
func eachUnit(id string) bool {
	d, _ := criteria.CheckDefByID(id)
	return d.EachUnit
}

// lead writes, under the heading and before any verdict, the problems that
// change how the whole report reads (criteria.Problem.Lead: the year does
// not match the data). They are listed with the others at the end too.
func (t *textWriter) lead(probs []criteria.Problem) {
	for _, p := range probs {
		if !p.Lead {
			continue
		}
		label := severityLabel(p.Severity) + ": "
		text := p.String()
		if t.window {
			text = WindowText(text)
		}
		t.line("")
		for i, l := range wrap(nfc.String(label+text), t.width-2) {
			if i == 0 {
				t.line(t.paint("1;33", strings.TrimSuffix(label, " ")) + " " + strings.TrimPrefix(l, label))
				continue
			}
			t.line("  " + l)
		}
	}
}

// flagHint is the clause by which the reader's messages tell a person at
// a command line which flag to add: "— hãy chỉ rõ bằng --year", "; hãy
// chạy với --year 2024".
var flagHint = regexp.MustCompile(`\s*(?:—|;|,)\s*hãy (?:chỉ rõ bằng|chạy (?:lại )?với) --[^;]*`)

// WindowText is a message without its flag hint, for the window of a
// dropped workbook: what is left says what was found ("tạm dùng năm
// 2026"), which is what the person at the window can act on.
func WindowText(s string) string { return flagHint.ReplaceAllString(s, "") }

// maxListed bounds the warnings and notes printed in the summary view: a
// whole bloc can raise hundreds (one per poorly attended meeting), and the
// Excel and JSON reports list them all. Errors are always listed.
const maxListed = 20

// problemCountText counts problems per severity: "1 lỗi, 5 cảnh báo".
func problemCountText(probs []criteria.Problem) string {
	count := map[criteria.Severity]int{}
	for _, p := range probs {
		count[p.Severity]++
	}
	var parts []string
	for _, s := range []criteria.Severity{criteria.SeverityError, criteria.SeverityWarning, criteria.SeverityNote} {
		if count[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[s], strings.ToLower(severityLabel(s))))
		}
	}
	return strings.Join(parts, ", ")
}

// problemCounts is the data problems' line of --summary: the counts, and
// how to see them.
func (t *textWriter) problemCounts(probs []criteria.Problem) {
	if len(probs) == 0 {
		return
	}
	t.line("")
	if t.window {
		t.paragraph("", "VẤN ĐỀ DỮ LIỆU: "+problemCountText(probs)+" (xem sheet “"+SheetProblems+"” của báo cáo Excel).")
		return
	}
	t.paragraph("", "VẤN ĐỀ DỮ LIỆU: "+problemCountText(probs)+" (bỏ --summary để xem).")
}

// problems summarises the data problems: counts per severity, every error,
// and the first warnings and notes.
func (t *textWriter) problems(probs []criteria.Problem, _ string, capped bool) {
	if len(probs) == 0 {
		return
	}
	t.line("")
	t.line(t.bold("VẤN ĐỀ DỮ LIỆU") + ": " + problemCountText(probs))
	listed, skipped := 0, 0
	for _, sev := range []criteria.Severity{criteria.SeverityError, criteria.SeverityWarning, criteria.SeverityNote} {
		for _, p := range probs {
			if p.Severity != sev {
				continue
			}
			if capped && sev != criteria.SeverityError && listed >= maxListed {
				skipped++
				continue
			}
			if sev != criteria.SeverityError {
				listed++
			}
			label := t.severity(p.Severity) + ": "
			lines := wrap(cellText(severityLabel(p.Severity)+": "+p.String()), t.width-4)
			for i, l := range lines {
				if i == 0 {
					l = label + strings.TrimPrefix(l, severityLabel(p.Severity)+": ")
					t.line("  " + l)
					continue
				}
				t.line("    " + l)
			}
		}
	}
	if skipped > 0 {
		t.line(fmt.Sprintf("  … và %d cảnh báo, ghi chú khác (xem báo cáo Excel hoặc JSON).", skipped))
	}
}

// cellText is text from a workbook (a name, a message quoting a cell) made
// fit for a terminal: NFC, and no control character left to obey.
func cellText(s string) string { return SafeText(nfc.String(s)) }

// countsLine is the final line: how many units per verdict.
func countsLine(r *criteria.Report) string {
	count := map[criteria.Status]int{}
	for _, ur := range r.Units {
		count[ur.Verdict]++
	}
	var parts []string
	for _, v := range verdictOrder {
		if count[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[v], v.Label()))
		}
	}
	s := fmt.Sprintf("Tổng cộng %d đơn vị", len(r.Units))
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, " · ")
	}
	return s + "."
}

func findUnit(r *criteria.Report, code string) *criteria.UnitResult {
	for i := range r.Units {
		if r.Units[i].Unit.Code == code {
			return &r.Units[i]
		}
	}
	return nil
}

func unitsOfType(r *criteria.Report, typ criteria.UnitType) []*criteria.UnitResult {
	var out []*criteria.UnitResult
	for i := range r.Units {
		if r.Units[i].Unit.Type == typ {
			out = append(out, &r.Units[i])
		}
	}
	return out
}

// lowerFirst lowers the first letter: "Chi bộ cơ sở" → "chi bộ cơ sở".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[n:]
}
