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
// says whose each row is (issue 19: an AutoFilter needs the unit column).
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
// accepts and returns the function that writes their rows, grouped per
// unit in report order: a row naming the unit and its verdict, then one row
// per check. The rows stream (a province holds a quarter of a million
// checks) and continue on a new sheet, header repeated, at Excel's row
// limit. Preparing touches the workbook and must run alone; the writing
// touches only its own streams and may run beside another sheet's.
func (x *xlsxWriter) detail(base string, keep func(criteria.Status) bool) (*sheetStream, func() error, error) {
	rows := 0
	for i := range x.r.Units {
		if n := countChecks(&x.r.Units[i], keep); n > 0 {
			rows += 1 + n
		}
	}
	cols := detailColumns
	// The checks met print compact: each unit's rows are an outline
	// group under its group row, collapsed, so that printing the whole
	// workbook prints one line per unit, not dozens of pages of checks met;
	// the outline's buttons, or a filter, show them.
	s := &sheetStream{x: x, base: base, cols: cols, total: rows, collapsed: base == SheetPassed}
	if err := s.open(); err != nil {
		return nil, nil, err
	}
	return s, func() error { return x.detailRows(s, keep) }, nil
}

// detailRow is one row of a detail sheet, made ready by the producer of
// detailRows for the goroutine that streams it.
type detailRow struct {
	group       bool // a unit's group row: code and title
	code, title string
	cells       [7]excelize.Cell // a check's row, len(cols) of them used
	height      float64
}

// detailBatch is how many rows go from the producer to the writer at once;
// tests lower it to cross batches on a small report.
var detailBatch = 512

// detailRows writes the rows of a detail sheet (see detail). Making a row
// (its texts, number formats, height) and streaming it are split over two
// goroutines, batch by batch: the stream of the checks met is the longest
// task of a province report, and excelize's SetRow is most of it.
func (x *xlsxWriter) detailRows(s *sheetStream, keep func(criteria.Status) bool) error {
	if s.total == 0 {
		empty := "Không có nội dung nào chưa đạt."
		if s.base == SheetPassed {
			empty = "Không có nội dung nào đã đạt."
		}
		return s.put([]any{excelize.Cell{Value: empty}}, 0, false)
	}
	// Four batches circulate: the producer fills one while the writer
	// streams another, and neither runs more than a few ahead.
	full := make(chan []detailRow, 2)
	free := make(chan []detailRow, 4)
	for range 4 {
		free <- make([]detailRow, 0, detailBatch)
	}
	stop := make(chan struct{})
	go x.produceRows(s, keep, full, free, stop)
	n := len(s.cols)
	cells := make([]any, n)
	var werr error
	for batch := range full {
		for i := range batch {
			if werr != nil {
				break
			}
			r := &batch[i]
			if r.group {
				werr = s.group(r.code, r.title)
				continue
			}
			for j := range n {
				cells[j] = &r.cells[j]
			}
			werr = s.put(cells, r.height, false)
		}
		if werr != nil {
			close(stop) // the producer ends; full is drained below
			for range full {
			}
			return werr
		}
		free <- batch[:0]
	}
	return nil
}

// produceRows makes the rows of a detail sheet in batches, taking empty
// batches from free and sending filled ones on full, which it closes at
// the end or when stop closes.
func (x *xlsxWriter) produceRows(s *sheetStream, keep func(criteria.Status) bool, full, free chan []detailRow, stop chan struct{}) {
	defer close(full)
	st := x.st
	count := x.typeCount()
	texts := make([]any, len(s.cols))
	var batch []detailRow
	select {
	case batch = <-free:
	case <-stop:
		return
	}
	next := func() *detailRow {
		if len(batch) == cap(batch) {
			select {
			case full <- batch:
			case <-stop:
				return nil
			}
			select {
			case batch = <-free:
			case <-stop:
				return nil
			}
		}
		batch = batch[:len(batch)+1]
		r := &batch[len(batch)-1]
		*r = detailRow{}
		return r
	}
	for i := range x.r.Units {
		ur := &x.r.Units[i]
		if countChecks(ur, keep) == 0 {
			continue
		}
		u := ur.Unit
		// The code boxed once for the unit's rows, not once a row: a
		// province has a quarter of a million checks met.
		var code any = u.Code
		r := next()
		if r == nil {
			return
		}
		r.group, r.code = true, u.Code
		r.title = fmt.Sprintf("%s — kết quả: %s · hạng %d/%d %s", nfc.String(u.Name), ur.Verdict.Label(), ur.Rank, count[u.Type], lowerFirst(u.Type.Label()))
		for _, c := range ur.Criteria {
			crit := criterionNumber(c.ID)
			for _, ch := range c.Checks {
				if !keep(ch.Status) {
					continue
				}
				r := next()
				if r == nil {
					return
				}
				v, t := numberOrNil(ch.Value), numberOrNil(ch.Threshold)
				title, msg := checkTitle(ch.ID), nfc.String(ch.Message)
				r.cells[0] = excelize.Cell{StyleID: st.text, Value: code}
				r.cells[1] = excelize.Cell{StyleID: st.criterion, Value: crit}
				r.cells[2] = excelize.Cell{StyleID: st.text, Value: title}
				r.cells[3] = excelize.Cell{StyleID: st.valueStyle(ch.ID, v), Value: v}
				r.cells[4] = excelize.Cell{StyleID: st.valueStyle(ch.ID, t), Value: t}
				r.cells[5] = excelize.Cell{StyleID: st.statusStyle(ch.Status), Value: ch.Status.Label()}
				r.cells[6] = excelize.Cell{StyleID: st.text, Value: msg}
				texts[0], texts[2], texts[6] = code, title, msg
				r.height = rowHeight(s.cols, texts, 1)
			}
		}
	}
	if len(batch) > 0 {
		select {
		case full <- batch:
		case <-stop:
		}
	}
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

// sheetStream writes a table through excelize's StreamWriter onto one
// sheet, or several when its rows pass maxSheetRows: base, "base (2)"…,
// each with its header row, widths, frozen pane, filter and print layout.
// total is the number of rows below the header, known in advance because
// the layout must precede the stream; every sheet is opened at once, so
// that writing the rows touches nothing of the workbook but its streams.
type sheetStream struct {
	x     *xlsxWriter
	base  string
	cols  []column
	total int

	// collapsed: the check rows are an outline level under their group
	// row, hidden until expanded.
	collapsed bool

	sws    []*excelize.StreamWriter // one per sheet
	pagers []*groupPager            // one per sheet
	cur    int                      // index of the sheet being written
	row    int                      // the last row written on it
}

// sheetName is the n-th sheet of a stream.
func (s *sheetStream) sheetName(n int) string {
	if n == 0 {
		return s.base
	}
	return fmt.Sprintf("%s (%d)", s.base, n+1)
}

// open creates every sheet of the stream, in order.
func (s *sheetStream) open() error {
	x := s.x
	per := maxSheetRows - 1
	sheets := max((s.total+per-1)/per, 1)
	for n := range sheets {
		name := s.sheetName(n)
		if err := x.newSheet(name); err != nil {
			return err
		}
		rows := min(max(s.total-n*per, 1), per)
		if err := x.setupSheet(name, s.cols, 1, rows+1, s.total > 0); err != nil {
			return err
		}
		sw, err := x.f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		for i, c := range s.cols {
			if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(frozen(1)); err != nil {
			return err
		}
		header := make([]any, len(s.cols))
		for i, c := range s.cols {
			header[i] = excelize.Cell{StyleID: x.st.header, Value: c.title}
		}
		h := headerHeight(s.cols)
		if err := sw.SetRow("A1", header, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
		s.sws = append(s.sws, sw)
		s.pagers = append(s.pagers, newGroupPager(pageCapacity(printScale(s.cols)), h))
	}
	s.row = 1
	return nil
}

// put writes one row of cells, a group row or a check's, moving to the
// next sheet when one is full; the page layout rests on its height.
func (s *sheetStream) put(cells []any, height float64, group bool) error {
	if s.row >= maxSheetRows {
		s.cur++
		s.row = 1
	}
	s.row++
	// Every row carries its height, one line too: LibreOffice sizes a
	// row without one from its font, a little lower than the sheet's
	// default, and its pages would then drift from the pager's.
	opts := excelize.RowOpts{Height: max(height, defaultRowHeight)}
	if s.collapsed && !group {
		opts.OutlineLevel, opts.Hidden = 1, true
	} else {
		s.pagers[s.cur].add(s.row, opts.Height, group)
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	return s.sws[s.cur].SetRow(cell, cells, opts)
}

// group writes a unit's group row: its code, then its name and verdict
// merged over the other columns.
func (s *sheetStream) group(code, title string) error {
	st := s.x.st
	cells := make([]any, len(s.cols))
	cells[0] = excelize.Cell{StyleID: st.group, Value: code}
	cells[1] = excelize.Cell{StyleID: st.group, Value: title}
	for i := 2; i < len(cells); i++ {
		cells[i] = excelize.Cell{StyleID: st.group}
	}
	if err := s.put(cells, rowHeight(spanColumns(s.cols), []any{code, title}, 1.1), true); err != nil {
		return err
	}
	from, _ := excelize.CoordinatesToCellName(2, s.row)
	to, _ := excelize.CoordinatesToCellName(len(s.cols), s.row)
	return s.sws[s.cur].MergeCell(from, to)
}

// Flush ends every sheet of the stream, with the page breaks that keep
// each group row with its first check. It runs alone, after every row is
// written: the breaks go into the workbook.
func (s *sheetStream) Flush() error {
	for i, sw := range s.sws {
		for _, b := range s.pagers[i].breaks() {
			if err := s.x.f.InsertPageBreak(s.sheetName(i), breakCell(b)); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// criterionNumber is the n of criterion "tcn", shown as "TCn" by the
// criterion style; 0 for an ID of another shape.
func criterionNumber(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "tc"))
	return n
}
