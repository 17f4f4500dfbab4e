package workbook

import (
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
	opts := Options{GroupMax: criteria.Default().GroupMax}
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
