package workbook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

// sheet is a fixture sheet: its name and rows from A1 down; nil cells and
// short rows leave cells empty.
type sheet struct {
	name string
	rows [][]any
}

// writeBook writes a fixture workbook into dir and returns its path.
func writeBook(t *testing.T, dir, name string, sheets ...sheet) string {
	t.Helper()
	return writeBookOpts(t, dir, name, nil, sheets...)
}

func writeBookOpts(t *testing.T, dir, name string, setup func(f *excelize.File), sheets ...sheet) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if setup != nil {
		setup(f)
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// unitsSheet is a plain Đơn vị sheet with the given rows under its header.
func unitsSheet(rows ...[]any) sheet {
	return sheet{"Đơn vị", append([][]any{{"Mã đơn vị", "Tên đơn vị", "Loại", "Trực thuộc"}}, rows...)}
}

// readOne reads a single workbook and fails the test on a fatal error, or
// on a problem whose code the registry does not know.
func readOne(t *testing.T, path string, opts Options) *Result {
	t.Helper()
	res, err := Read([]string{path}, opts)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	registered(t, res.Dataset.Problems)
	return res
}

// registered fails the test for a problem without a code of the
// registry, or of another severity than its type's.
func registered(t *testing.T, probs []criteria.Problem) {
	t.Helper()
	for _, p := range probs {
		if pt, ok := criteria.ProblemTypeOf(p.Code); !ok || pt.Severity != p.Severity {
			t.Errorf("problem of code %q (%s), not a registered type: %s", p.Code, p.Severity, p)
		}
	}
}

// problemCodes renders problems as "Sheet!Cell code", for tests that
// assert what was found and where, not its wording.
func problemCodes(t *testing.T, res *Result) []string {
	t.Helper()
	registered(t, res.Dataset.Problems)
	var out []string
	for _, p := range res.Dataset.Problems {
		out = append(out, p.Sheet+"!"+p.Cell+" "+p.Code)
	}
	return out
}

// problemsAt renders problems as "Sheet!Cell severity: message" for compact
// comparison.
func problemLines(res *Result) []string {
	var out []string
	for _, p := range res.Dataset.Problems {
		out = append(out, p.Sheet+"!"+p.Cell+" "+string(p.Severity)+": "+p.Message)
	}
	return out
}

// fuzzRows reads a fuzzer's text as a sheet: lines are rows, tabs part
// cells, each cell cleaned as the reader cleans it.
func fuzzRows(text string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(text, "\n") {
		var cells []string
		for _, c := range strings.Split(line, "\t") {
			cells = append(cells, clean(c))
		}
		rows = append(rows, cells)
	}
	return rows
}

// fuzzFile is the one-unit workbook a fuzzed score sheet or summary is
// read into, under th.
func fuzzFile(th *criteria.Thresholds) *fileData {
	return &fileData{base: "f.xlsx", single: true, votes: map[int]int{}, meet: newMeetingRules(Options{Criteria: th})}
}
