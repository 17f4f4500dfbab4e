package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// runCmd runs the command line in process, as main would, with captured
// non-terminal streams (as a script sees it), and returns what it wrote
// and its exit code.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, streams{In: strings.NewReader(""), Out: &out, Err: &errb, Now: fixedNow})
	return out.String(), errb.String(), code
}

// testToday is the day every in-process run of the tests takes as today:
// in the 2026 review, after the example year 2024 has ended. Fixed, so
// that no test changes its outcome on 1 January.
var testToday = time.Date(2026, 12, 6, 9, 30, 0, 0, time.UTC)

func fixedNow() time.Time { return testToday }

// setSheet writes rows from A1 on sheet of f, adding the sheet when the
// workbook has none of that name.
func setSheet(t *testing.T, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	if i, err := f.GetSheetIndex(sheet); err != nil || i < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
}
