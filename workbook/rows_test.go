package workbook

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// TestScannerAndExcelizeReadAlike reads the same workbooks through the fast
// scanner and through excelize alone: the model and the problems must be
// identical, so the fast path can never change a verdict.
func TestScannerAndExcelizeReadAlike(t *testing.T) {
	paths := []string{messyBook(t, t.TempDir())}
	examples, _ := filepath.Glob("../testdata/*.xlsx")
	paths = append(paths, examples...)
	opts := Options{}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			fast, err := Read([]string{p}, opts)
			if err != nil {
				t.Fatal(err)
			}
			useScanner = false
			defer func() { useScanner = true }()
			slow, err := Read([]string{p}, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Fatalf("the scanner and excelize read %s differently", p)
			}
			if len(fast.Dataset.Units) == 0 {
				t.Fatal("nothing read")
			}
		})
	}
}

// Progress hears of every sheet but Đơn vị (read before the count is
// known), one at a time, ending at the total.
func TestProgressCountsSheets(t *testing.T) {
	var calls [][2]int
	// A copy, not the same path twice: the same file is read once (SPEC §4,
	// "One unit, several workbooks").
	data, err := os.ReadFile("../testdata/khoi-2024.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "ban-sao.xlsx")
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Read([]string{"../testdata/khoi-2024.xlsx", other}, Options{
		Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := 2 * (len(criteria.AllSheets()) - 2) // no Lịch sử in the example
	if len(calls) != want {
		t.Fatalf("%d progress calls, want %d: %v", len(calls), want, calls)
	}
	for i, c := range calls {
		if c != [2]int{i + 1, want} {
			t.Fatalf("call %d = %v, want [%d %d]", i, c, i+1, want)
		}
	}
}
