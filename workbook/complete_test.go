package workbook

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/workbooktest"
)

// readBoth reads paths with the scan stopped at the first complete header
// and the headers found kept for the next file with the same rows, and
// with the whole window read and every header weighed anew
// (stopAtComplete and memoHeaders off, the reader before both), and
// returns both results, or both errors' texts.
func readBoth(t *testing.T, paths []string, opts Options) (fast, full any) {
	t.Helper()
	defer func(v, m bool) { stopAtComplete, memoHeaders = v, m }(stopAtComplete, memoHeaders)
	read := func() any {
		res, err := Read(paths, opts)
		if err != nil {
			return err.Error()
		}
		return res
	}
	stopAtComplete, memoHeaders = true, true
	fast = read()
	stopAtComplete, memoHeaders = false, false
	full = read()
	return fast, full
}

// The oracle of the stop at the first complete header: every
// workbook the project keeps — the examples, the office layouts, the
// workbooks without a Đơn vị sheet, the score sheets — and a generated
// folder of one-unit workbooks with the same data in one workbook read
// the same, datasets, notes and errors alike, whether the scan stops at
// the first complete header or reads the whole window and weighs every
// candidate, and whether headers found in earlier files are reused or
// weighed again, under both rule sets (the 2025 one makes Sinh hoạt weigh
// the other published score sheets).
func TestCompleteHeaderOracle(t *testing.T) {
	root := filepath.Join("..", "testdata")
	var inputs [][]string
	for _, p := range []string{"khoi-2024.xlsx", "khoi-2024-quy-tac-2025.xlsx", "offices", "owner", "owner/ba-tep", "offices/chi-bo-gui"} {
		inputs = append(inputs, []string{filepath.Join(root, p)})
	}
	for _, dir := range []string{"offices", "owner", "phieu"} {
		names, err := filepath.Glob(filepath.Join(root, dir, "*.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			inputs = append(inputs, []string{n})
		}
	}
	tmp := t.TempDir()
	cfg := workbooktest.Config{Grassroots: 4, SubCells: [2]int{2, 4}, Cells: 8, Members: [2]int{8, 12}, Thematic: [2]int{4, 5}, PerCluster: 2}
	if _, _, err := workbooktest.WriteFolder(cfg, 3, func(name string) (io.WriteCloser, error) {
		return os.Create(filepath.Join(tmp, name))
	}); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(t.TempDir(), "one.xlsx")
	f, err := os.Create(one)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := workbooktest.WriteConfig(f, cfg, 3); err != nil {
		t.Fatal(err)
	}
	f.Close()
	inputs = append(inputs, []string{tmp}, []string{one})

	th25, err := criteria.ProfileThresholds(criteria.Profile2025)
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	defer func() {
		if read < len(inputs) {
			t.Errorf("%d reads gave units, want at least %d: the oracle compares errors, not data", read, len(inputs))
		}
	}()
	for _, opts := range []Options{{Today: date(2026, 12, 6)}, {Year: 2025, Criteria: &th25}} {
		for _, in := range inputs {
			fast, full := readBoth(t, in, opts)
			if res, ok := fast.(*Result); ok && len(res.Dataset.Units) > 0 {
				read++
			}
			if !reflect.DeepEqual(fast, full) {
				t.Errorf("%s (%d groups): the read stopped at the first complete header differs from the whole window's", strings.Join(in, " "), len(opts.criteria().ScoreGroups))
			}
		}
	}
}

// The look-alike the stop decides: a complete header, data
// rows, then a row naming more columns than the header. The whole window
// took the later row for the header and left the rows above it unread;
// stopped at the first complete header, those rows are the data and the
// later row is read as a row of them, as the user wrote it.
func TestCompleteHeaderThenWiderRow(t *testing.T) {
	rows := [][]any{
		{"Mã đơn vị", "Tên đơn vị", "Loại"},
		{"CB01", "Chi bộ Một", "Chi bộ cơ sở"},
		{"CB02", "Chi bộ Hai", "Chi bộ cơ sở"},
		{"Mã đơn vị", "Tên đơn vị", "Loại", "Cụm", "Xếp loại"},
		{"CB03", "Chi bộ Ba", "Chi bộ cơ sở", "Cụm 1", "Hoàn thành tốt nhiệm vụ"},
	}
	path := writeBook(t, t.TempDir(), "hai-dong-tieu-de.xlsx", sheet{"Đơn vị", rows})
	res, err := Read([]string{path}, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, u := range res.Dataset.Units {
		codes = append(codes, u.Code)
	}
	if !strings.Contains(strings.Join(codes, " "), "CB01 CB02") {
		t.Errorf("units = %v, want CB01 and CB02 read under the first complete header", codes)
	}
}
