// Package xlsxout holds what bontot knows about writing xlsx with
// excelize, shared by the report, the template and the annotated copies:
// borders that openpyxl accepts, A4 page setup, the used range excelize
// leaves out, row heights for wrapped text, Excel's date serials and the
// autoFilter range excelize writes in the wrong form.
//
// It imports nothing of the project, so every package that writes a
// workbook can use it.
package xlsxout

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Black is the colour of ordinary borders.
const Black = "000000"

// Borders is a border of the given excelize style (1 thin, 2 medium, 3
// dashed, 4 dotted, 5 thick, 8 medium dashed) on all four sides. The colour
// is always written: excelize writes a border without one as rgb="FF",
// which openpyxl refuses to open ("Colors must be aRGB hex values").
func Borders(style int, color string) []excelize.Border {
	bs := make([]excelize.Border, 0, 4)
	for _, side := range []string{"left", "right", "top", "bottom"} {
		bs = append(bs, excelize.Border{Type: side, Color: color, Style: style})
	}
	return bs
}

// ThinBorder is a thin border of the given colour on all four sides.
func ThinBorder(color string) []excelize.Border { return Borders(1, color) }

// SolidFill fills a cell with one RGB colour ("DDEBF7").
func SolidFill(rgb string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}
}

// PaperA4 is the paper size code of A4 in SpreadsheetML (ECMA-376
// §18.3.1.63, paperSize): Vietnamese offices print on A4, and a sheet
// without it prints on Letter.
const PaperA4 = 9

// A4 fits a sheet to the width of an A4 page in the given orientation
// ("portrait" or "landscape") and to pagesHigh pages in height, 0 for as
// many as it takes.
func A4(f *excelize.File, sheet, orientation string, pagesHigh int) error {
	fit, one, a4 := true, 1, PaperA4
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &pagesHigh,
	})
}

// SetDimension records A1 to the cell at column cols, row rows as the
// sheet's used range. excelize leaves <dimension ref="A1"> (on a streamed
// sheet too), and readers that trust it (openpyxl read-only, some BI
// imports) then see only the first cell of the sheet (excelize issue
// #1463). A count below 1 counts as 1.
func SetDimension(f *excelize.File, sheet string, cols, rows int) error {
	last, err := excelize.CoordinatesToCellName(max(cols, 1), max(rows, 1))
	if err != nil {
		return err
	}
	return f.SetSheetDimension(sheet, "A1:"+last)
}

// SetUsedDimension is SetDimension over the cells a sheet kept in memory
// holds: its last row with a value and its widest row.
func SetUsedDimension(f *excelize.File, sheet string) error {
	rows, err := f.GetRows(sheet)
	if err != nil {
		return err
	}
	cols := 1
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	return SetDimension(f, sheet, cols, len(rows))
}

// Lines is the number of lines text takes in a cell that holds perLine
// characters a line: each line break starts a line, and an empty line
// counts as one. It counts characters, not words, which is close enough
// to size a row.
func Lines(text string, perLine int) int {
	perLine = max(perLine, 1)
	n := 0
	for {
		para, rest, more := strings.Cut(text, "\n")
		n += max((utf8.RuneCountInString(para)+perLine-1)/perLine, 1)
		if !more {
			return n
		}
		text = rest
	}
}

// RowHeight is the height in points of a row whose longest wrapped cell
// holds text in a column of the given width (in widths of "0" of Calibri
// 11, about 1.1 letters each): 15 points a line and a little room. Rows
// are given explicit heights because neither Excel nor LibreOffice grows
// a wrapped row to fit its text when it opens a file.
func RowHeight(text string, width float64) float64 {
	return float64(Lines(text, int(width*1.1)))*15 + 3
}

// excelEpoch is the day before Excel's day 1, 1900-01-01, less the 29
// February 1900 Excel counts although it never was (a bug kept from Lotus
// 1-2-3): from 1900-03-01 on, a serial is the days since this date.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// DateSerial is the serial number Excel stores for the day of t in the 1900
// date system, whatever t's time zone: 1900-01-01 is 1, 1900-03-01 is 61
// (serial 60 is the 29 February 1900 Excel counts). Days before 1900 have
// no serial; they come out as 0 or less.
func DateSerial(t time.Time) int {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	n := int(day.Sub(excelEpoch).Hours() / 24)
	if n < 61 {
		n-- // before the day that never was
	}
	return n
}
