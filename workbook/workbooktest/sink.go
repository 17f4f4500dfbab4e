package workbooktest

import (
	"fmt"
	"io"
	"time"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/xlsxout"
	"github.com/bontot/bontot/workbook/schema"
	"github.com/xuri/excelize/v2"
)

// date is a calendar day, written as an Excel date (a serial number with a
// date number format).
type date struct {
	y int
	m time.Month
	d int
}

func (d date) time() time.Time { return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC) }

// serial is the day's Excel serial number in the 1900 date system.
func (d date) serial() int { return xlsxout.DateSerial(d.time()) }

// sheetSpec describes one output sheet. Rows hold, per header, a string, an
// int, a float64, a date or nil (blank).
type sheetSpec struct {
	name    string
	title   string // a title row above the header, as office sheets have; "" for none
	stt     bool   // a leading STT (row number) column, numbered by the sink
	headers []string
	widths  []float64 // column widths (without STT); 0 or missing for default
	// headerHeight is the height of the header row in points, for headers
	// that wrap onto several lines (LibreOffice does not grow the row to
	// fit them); 0 leaves the default height. Only the excelize sink of the
	// examples honours it.
	headerHeight float64
}

// cols is the number of columns written, STT included.
func (s *sheetSpec) cols() int {
	if s.stt {
		return len(s.headers) + 1
	}
	return len(s.headers)
}

// headerRow is the 1-based row of the header.
func (s *sheetSpec) headerRow() int {
	if s.title != "" {
		return 3
	}
	return 1
}

// sink receives a workbook sheet by sheet, row by row.
type sink interface {
	// sheet starts a sheet that will hold nrows data rows.
	sheet(spec sheetSpec, nrows int) error
	row(vals []any) error
	close() error
}

// header returns the canonical header of a column of an input sheet, so
// that the generator writes exactly what the template and reader expect.
func header(sheet criteria.Sheet, key string) string {
	s := schema.ByID(sheet)
	for _, c := range s.Columns {
		if c.Key == key {
			return c.Header
		}
	}
	panic(fmt.Sprintf("gen: sheet %v has no column %q", sheet, key))
}

func headers(sheet criteria.Sheet, keys ...string) []string {
	h := make([]string, len(keys))
	for i, k := range keys {
		h[i] = header(sheet, k)
	}
	return h
}

func sheetName(sheet criteria.Sheet) string { return schema.ByID(sheet).Name }

// excelizeSink writes a small workbook with excelize's ordinary API.
type excelizeSink struct {
	w         io.Writer
	f         *excelize.File
	spec      sheetSpec
	r, n      int // current row (1-based) and rows written in this sheet
	first     bool
	dateStyle int
	headStyle int
	titStyle  int
}

func newExcelizeSink(w io.Writer) (*excelizeSink, error) {
	f := excelize.NewFile()
	f.SetDocProps(&excelize.DocProperties{Creator: "bontot", Title: "Sổ theo dõi chi bộ bốn tốt",
		Created: "2024-12-20T08:00:00Z", Modified: "2024-12-20T08:00:00Z", Language: "vi-VN"})
	numFmt := "dd/mm/yyyy"
	ds, err := f.NewStyle(&excelize.Style{CustomNumFmt: &numFmt})
	if err != nil {
		return nil, err
	}
	border := xlsxout.ThinBorder(xlsxout.Black)
	hs, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return nil, err
	}
	ts, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return nil, err
	}
	return &excelizeSink{w: w, f: f, first: true, dateStyle: ds, headStyle: hs, titStyle: ts}, nil
}

func (s *excelizeSink) sheet(spec sheetSpec, _ int) error {
	f := s.f
	if s.first {
		if err := f.SetSheetName("Sheet1", spec.name); err != nil {
			return err
		}
		s.first = false
	} else if _, err := f.NewSheet(spec.name); err != nil {
		return err
	}
	s.spec, s.n = spec, 0
	name := spec.name
	hr := spec.headerRow()
	last, _ := excelize.ColumnNumberToName(spec.cols())
	if spec.title != "" {
		if err := f.SetCellStr(name, "A1", spec.title); err != nil {
			return err
		}
		if err := f.MergeCell(name, "A1", fmt.Sprintf("%s1", last)); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, "A1", "A1", s.titStyle); err != nil {
			return err
		}
	}
	var hdr []any
	col := 1
	if spec.stt {
		hdr = append(hdr, "STT")
		if err := f.SetColWidth(name, "A", "A", 5); err != nil {
			return err
		}
		col = 2
	}
	for i, h := range spec.headers {
		hdr = append(hdr, h)
		width := 14.0
		if i < len(spec.widths) && spec.widths[i] > 0 {
			width = spec.widths[i]
		}
		c, _ := excelize.ColumnNumberToName(col + i)
		if err := f.SetColWidth(name, c, c, width); err != nil {
			return err
		}
	}
	cell := fmt.Sprintf("A%d", hr)
	if err := f.SetSheetRow(name, cell, &hdr); err != nil {
		return err
	}
	if err := f.SetCellStyle(name, cell, fmt.Sprintf("%s%d", last, hr), s.headStyle); err != nil {
		return err
	}
	if spec.headerHeight > 0 {
		if err := f.SetRowHeight(name, hr, spec.headerHeight); err != nil {
			return err
		}
	}
	s.r = hr + 1
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: hr, TopLeftCell: fmt.Sprintf("A%d", hr+1), ActivePane: "bottomLeft"})
}

func (s *excelizeSink) row(vals []any) error {
	s.n++
	col := 1
	if s.spec.stt {
		if err := s.f.SetCellInt(s.spec.name, fmt.Sprintf("A%d", s.r), int64(s.n)); err != nil {
			return err
		}
		col = 2
	}
	for i, v := range vals {
		if v == nil {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(col+i, s.r)
		var err error
		switch v := v.(type) {
		case date:
			if err = s.f.SetCellInt(s.spec.name, ref, int64(v.serial())); err == nil {
				err = s.f.SetCellStyle(s.spec.name, ref, ref, s.dateStyle)
			}
		case string:
			err = s.f.SetCellStr(s.spec.name, ref, v)
		default:
			err = s.f.SetCellValue(s.spec.name, ref, v)
		}
		if err != nil {
			return err
		}
	}
	s.r++
	return nil
}

func (s *excelizeSink) close() error {
	if _, err := s.f.WriteTo(s.w); err != nil {
		s.f.Close()
		return err
	}
	return s.f.Close()
}
