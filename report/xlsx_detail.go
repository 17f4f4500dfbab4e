package report

import (
	"fmt"

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

var detailColumns = []column{
	{"Mã", 11}, {"Tiêu chí", 7}, {"Nội dung", 42}, {"Giá trị", 9}, {"Ngưỡng", 9},
	{"Trạng thái", 14}, {"Minh chứng", 70},
}

// groupColumns is the merged B…G range of a unit's group row, as one
// column for sizing its height.
var groupColumns = func() []column {
	w := 0.0
	for _, c := range detailColumns[1:] {
		w += c.width
	}
	return []column{detailColumns[0], {"", w}}
}()

// detail writes the checks of every unit whose status keep accepts, grouped
// per unit in report order: a row naming the unit and its verdict, then
// one row per check. It streams (a province holds a quarter of a million
// checks) and continues on a new sheet, header repeated, at Excel's row
// limit.
func (x *xlsxWriter) detail(base string, keep func(criteria.Status) bool) error {
	rows := 0
	for i := range x.r.Units {
		if n := countChecks(&x.r.Units[i], keep); n > 0 {
			rows += 1 + n
		}
	}
	empty := "Không có nội dung nào chưa đạt."
	if base == SheetPassed {
		empty = "Không có nội dung nào đã đạt."
	}
	s := &sheetStream{x: x, base: base, cols: detailColumns, total: rows}
	if err := s.open(); err != nil {
		return err
	}
	if rows == 0 {
		if err := s.put([]any{excelize.Cell{Value: empty}}, 0); err != nil {
			return err
		}
		return s.close()
	}
	st := x.st
	count := x.typeCount()
	for i := range x.r.Units {
		ur := &x.r.Units[i]
		if countChecks(ur, keep) == 0 {
			continue
		}
		u := ur.Unit
		title := fmt.Sprintf("%s — kết quả: %s · hạng %d/%d %s", nfc.String(u.Name), ur.Verdict.Label(), ur.Rank, count[u.Type], lowerFirst(u.Type.Label()))
		if err := s.group(u.Code, title); err != nil {
			return err
		}
		for _, c := range ur.Criteria {
			crit := criterionLabel(c.ID)
			for _, ch := range c.Checks {
				if !keep(ch.Status) {
					continue
				}
				v, t := numberOrNil(ch.Value), numberOrNil(ch.Threshold)
				title, msg := checkTitle(ch.ID), nfc.String(ch.Message)
				cells := []any{
					excelize.Cell{StyleID: st.text, Value: u.Code},
					excelize.Cell{StyleID: st.center, Value: crit},
					excelize.Cell{StyleID: st.text, Value: title},
					excelize.Cell{StyleID: st.valueStyle(ch.ID, v), Value: v},
					excelize.Cell{StyleID: st.valueStyle(ch.ID, t), Value: t},
					excelize.Cell{StyleID: st.statusStyle(ch.Status), Value: ch.Status.Label()},
					excelize.Cell{StyleID: st.text, Value: msg},
				}
				texts := []any{u.Code, nil, title, nil, nil, nil, msg}
				if err := s.put(cells, rowHeight(detailColumns, texts, 1)); err != nil {
					return err
				}
			}
		}
	}
	return s.close()
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
// the layout must precede the stream.
type sheetStream struct {
	x     *xlsxWriter
	base  string
	cols  []column
	total int

	sheet   int // index of the current sheet: 0 for base
	written int // rows written below the headers, over every sheet
	row     int // the last row written on the current sheet
	sw      *excelize.StreamWriter
}

// sheetName is the name of the n-th sheet of a stream.
func (s *sheetStream) sheetName(n int) string {
	if n == 0 {
		return s.base
	}
	return fmt.Sprintf("%s (%d)", s.base, n+1)
}

// open starts the current sheet.
func (s *sheetStream) open() error {
	x, name := s.x, s.sheetName(s.sheet)
	if err := x.newSheet(name); err != nil {
		return err
	}
	per := maxSheetRows - 1
	rows := min(max(s.total-s.sheet*per, 1), per)
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
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: headerHeight(s.cols)}); err != nil {
		return err
	}
	s.sw, s.row = sw, 1
	return nil
}

// next moves to a new sheet when the current one is full.
func (s *sheetStream) next() error {
	if s.row < maxSheetRows {
		return nil
	}
	if err := s.sw.Flush(); err != nil {
		return err
	}
	s.sheet++
	return s.open()
}

// put writes one row of cells.
func (s *sheetStream) put(cells []any, height float64) error {
	if err := s.next(); err != nil {
		return err
	}
	s.row++
	s.written++
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	return s.sw.SetRow(cell, cells, excelize.RowOpts{Height: height})
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
	if err := s.put(cells, rowHeight(groupColumns, []any{code, title}, 1.1)); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(s.cols))
	return s.sw.MergeCell(fmt.Sprintf("B%d", s.row), fmt.Sprintf("%s%d", last, s.row))
}

func (s *sheetStream) close() error { return s.sw.Flush() }
