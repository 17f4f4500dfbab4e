package workbook

import (
	"github.com/xuri/excelize/v2"
)

// sheetRows calls visit with every row of the sheet, in order, numbered from
// 1 as Excel numbers them; rows absent from the file (gaps) come as empty
// rows. cells is indexed from column A, "" for an empty cell, and holds raw
// values: shared strings resolved, numbers and dates as Excel stores them.
// A non-nil error from visit stops the walk and is returned.
//
// This is the package's only access to cell data, so that the row source
// can be replaced (a faster XML scanner) without touching the readers.
func sheetRows(f *excelize.File, path, sheet string, visit func(row int, cells []string) error) error {
	_ = path // the fast scanner reopens the archive by path; excelize does not need it
	rows, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns()
		if err != nil {
			return err
		}
		if err := visit(n, cells); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return err
	}
	return rows.Close()
}
