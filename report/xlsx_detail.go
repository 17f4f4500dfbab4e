package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// maxSheetRows is Excel's limit of rows in a sheet (1,048,576). A detail
// sheet that would pass it continues on "Chi tiết (2)" and so on; tests
// lower it to see that happen without a million rows.
var maxSheetRows = excelize.TotalRows

// notMet says whether a check belongs on Chi tiết, the sheet of what a
// unit still has to act on: not met, missing data, still reachable, or a
// self-assessment item not recorded. Met and not applicable go to Chi tiết
// đã đạt.
func notMet(s criteria.Status) bool {
	return s != criteria.Met && s != criteria.NotApplicable
}

// detailColumns are the columns of Chi tiết and of Chi tiết đã đạt: the
// unit's code stands on every row, so that a filter on any column still
// says whose each row is (an AutoFilter needs the unit column).
var detailColumns = []column{
	{"Mã", 11}, {"Tiêu chí", 7}, {"Nội dung", 42}, {"Giá trị", 9}, {"Ngưỡng", 9},
	{"Trạng thái", 14}, {"Minh chứng", 70},
}

// spanColumns is a group row's merged range, as one column for sizing its
// height: all but the first column of cols.
func spanColumns(cols []column) []column {
	w := 0.0
	for _, c := range cols[1:] {
		w += c.width
	}
	return []column{cols[0], {"", w}}
}

// detail prepares the sheets of the checks of every unit whose status keep
// accepts, grouped per unit in report order: a row naming the unit and its
// verdict, then one row per check; past Excel's row limit they continue on
// a new sheet, header repeated. It returns the sheets and the function
// that lays their rows out (heights and page breaks). Preparing touches
// the workbook and must run alone; the layout touches nothing but the
// sheets' own fields and may run beside another sheet's; the breaks go
// into the workbook at Flush, and the rows themselves are written by
// rowWriter as the package is saved (xlsx_sheet.go).
func (x *xlsxWriter) detail(base string, keep func(criteria.Status) bool) (*detailSheets, func() error, error) {
	rows := 0
	for i := range x.r.Units {
		if n := countChecks(&x.r.Units[i], keep); n > 0 {
			rows += 1 + n
		}
	}
	// The checks met print compact: each unit's rows are an outline
	// group under its group row, collapsed, so that printing the whole
	// workbook prints one line per unit, not dozens of pages of checks met;
	// the outline's buttons, or a filter, show them.
	d := &detailSheets{x: x, base: base, cols: detailColumns, keep: keep, total: rows, collapsed: base == SheetPassed}
	if err := d.open(); err != nil {
		return nil, nil, err
	}
	return d, d.layout, nil
}

// detailSheets is a table of checks over one sheet, or several when its
// rows pass maxSheetRows: base, "base (2)"…, each with its header row,
// widths, frozen pane, filter and print layout. total is the number of
// rows below the header, known in advance because the layout must precede
// the rows; every sheet is opened at once.
type detailSheets struct {
	x     *xlsxWriter
	base  string
	cols  []column
	keep  func(criteria.Status) bool
	total int

	// collapsed: the check rows are an outline level under their group
	// row, hidden until expanded.
	collapsed bool

	pagers []*groupPager // one per sheet
	// heights are the heights of the rows below the headers, in order
	// over all the sheets, as layout found them.
	heights []float64
}

// sheetName is the n-th sheet of the table.
func (d *detailSheets) sheetName(n int) string {
	if n == 0 {
		return d.base
	}
	return fmt.Sprintf("%s (%d)", d.base, n+1)
}

// perSheet is how many rows below its header a sheet holds.
func perSheet() int { return maxSheetRows - 1 }

// open creates every sheet of the table, in order.
func (d *detailSheets) open() error {
	x := d.x
	per := perSheet()
	sheets := max((d.total+per-1)/per, 1)
	for n := range sheets {
		name := d.sheetName(n)
		if err := x.newSheet(name); err != nil {
			return err
		}
		rows := min(max(d.total-n*per, 1), per)
		if err := x.setupSheet(name, d.cols, 1, rows+1, d.total > 0); err != nil {
			return err
		}
		if err := x.ownColumns(name, d.cols); err != nil {
			return err
		}
		if err := x.f.SetPanes(name, frozen(1)); err != nil {
			return err
		}
		d.pagers = append(d.pagers, newGroupPager(pageCapacity(printScale(d.cols)), headerHeight(d.cols)))
		x.own[name] = &ownSheet{rows: func(rw rowSink) error { return d.write(n, rw) }}
	}
	return nil
}

// detailLine is one row of a detail table: a unit's group row (check nil)
// or one of its checks.
type detailLine struct {
	ur    *criteria.UnitResult
	crit  string // the criterion's ID
	check *criteria.CheckResult
}

// each calls fn with every row of the table in order, until it returns false.
func (d *detailSheets) each(fn func(detailLine) bool) {
	for i := range d.x.r.Units {
		ur := &d.x.r.Units[i]
		if countChecks(ur, d.keep) == 0 {
			continue
		}
		if !fn(detailLine{ur: ur}) {
			return
		}
		for _, c := range ur.Criteria {
			for k := range c.Checks {
				if d.keep(c.Checks[k].Status) && !fn(detailLine{ur: ur, crit: c.ID, check: &c.Checks[k]}) {
					return
				}
			}
		}
	}
}

// groupTitle is a group row's text: the unit's name, verdict and rank.
func (d *detailSheets) groupTitle(ur *criteria.UnitResult, count map[criteria.UnitType]int) string {
	u := ur.Unit
	return fmt.Sprintf("%s — kết quả: %s · hạng %d/%d %s", nfc.String(u.Name), ur.Verdict.Label(), ur.Rank, count[u.Type], lowerFirst(u.Type.Label()))
}

// layout finds the height of every row (tall enough for its wrapped
// text, one line at least: LibreOffice sizes a row without a height from
// its font, a little lower than the sheet's default, and its pages would
// then drift from the pager's) and follows the pages of every sheet.
func (d *detailSheets) layout() error {
	count := d.x.typeCount()
	d.heights = make([]float64, 0, d.total)
	texts := make([]any, len(d.cols))
	per := perSheet()
	d.each(func(l detailLine) bool {
		var h float64
		if l.check == nil {
			u := l.ur.Unit
			h = rowHeight(spanColumns(d.cols), []any{u.Code, d.groupTitle(l.ur, count)}, 1.1)
		} else {
			texts[0], texts[2], texts[6] = l.ur.Unit.Code, checkTitle(l.check.ID), nfc.String(l.check.Message)
			h = rowHeight(d.cols, texts, 1)
		}
		h = max(h, defaultRowHeight)
		k := len(d.heights)
		d.heights = append(d.heights, h)
		if !d.collapsed || l.check == nil {
			d.pagers[k/per].add(k%per+2, h, l.check == nil)
		}
		return true
	})
	return nil
}

// Flush puts each sheet's page breaks, which keep each group row with its
// first check, into the workbook. It runs alone, after layout.
func (d *detailSheets) Flush() error {
	for i, p := range d.pagers {
		for _, b := range p.breaks() {
			if err := d.x.f.InsertPageBreak(d.sheetName(i), breakCell(b)); err != nil {
				return err
			}
		}
	}
	return nil
}

// write writes the rows of the n-th sheet: its header, then its share of
// the table.
func (d *detailSheets) write(n int, rw rowSink) error {
	x, st := d.x, d.x.st
	x.ownHeader(rw, d.cols)
	if d.total == 0 {
		empty := "Không có nội dung nào chưa đạt."
		if d.base == SheetPassed {
			empty = "Không có nội dung nào đã đạt."
		}
		rw.start(2, defaultRowHeight, 0, false)
		rw.text(1, 0, empty)
		return nil
	}
	if len(d.heights) != d.total {
		return fmt.Errorf("report: %s written before its layout", d.base)
	}
	count := x.typeCount()
	per := perSheet()
	first, last := n*per, min((n+1)*per, d.total)
	k := 0
	d.each(func(l detailLine) bool {
		if k >= last {
			return false
		}
		if k < first {
			k++
			return true
		}
		row := k - first + 2
		h := d.heights[k]
		k++
		code := l.ur.Unit.Code
		if l.check == nil {
			rw.start(row, h, 0, false)
			rw.textOnce(1, st.group, code)
			rw.text(2, st.group, d.groupTitle(l.ur, count))
			for c := 3; c <= len(d.cols); c++ {
				rw.blank(c, st.group)
			}
			rw.merge(2, len(d.cols))
			return true
		}
		ch := l.check
		if d.collapsed {
			rw.start(row, h, 1, true)
		} else {
			rw.start(row, h, 0, false)
		}
		v, t := numberOrNil(ch.Value), numberOrNil(ch.Threshold)
		rw.textOnce(1, st.text, code)
		rw.integer(2, st.criterion, criterionNumber(l.crit))
		rw.textOnce(3, st.text, checkTitle(ch.ID))
		rw.value(4, st.valueStyle(ch.ID, v), v)
		rw.value(5, st.valueStyle(ch.ID, t), t)
		rw.textOnce(6, st.statusStyle(ch.Status), ch.Status.Label())
		rw.text(7, st.text, nfc.String(ch.Message))
		return true
	})
	return nil
}

func countChecks(ur *criteria.UnitResult, keep func(criteria.Status) bool) int {
	n := 0
	for _, c := range ur.Criteria {
		for _, ch := range c.Checks {
			if keep(ch.Status) {
				n++
			}
		}
	}
	return n
}

// criterionNumber is the n of criterion "tcn", shown as "TCn" by the
// criterion style; 0 for an ID of another shape.
func criterionNumber(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "tc"))
	return n
}
