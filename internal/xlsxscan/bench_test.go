package xlsxscan

import (
	"os"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Benchmarks read every cell of every sheet of a generated workbook:
//
//	go run ./tools/gen -scale bloc -o /tmp/bloc.xlsx
//	XLSXSCAN_BENCH=/tmp/bloc.xlsx go test ./internal/xlsxscan -run '^$' -bench . -benchmem
//
// Without XLSXSCAN_BENCH they are skipped.
func benchFile(b *testing.B) string {
	p := os.Getenv("XLSXSCAN_BENCH")
	if p == "" {
		b.Skip("set XLSXSCAN_BENCH to a generated workbook")
	}
	if _, err := os.Stat(p); err != nil {
		b.Skip(err)
	}
	return p
}

func BenchmarkScan(b *testing.B) {
	p := benchFile(b)
	for b.Loop() {
		bk, err := Open(p)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, s := range bk.SheetNames() {
			if err := bk.Rows(s, func(_ int, cells []string) error { n += len(cells); return nil }); err != nil {
				b.Fatal(err)
			}
		}
		bk.Close()
	}
}

func BenchmarkExcelizeRows(b *testing.B) {
	p := benchFile(b)
	for b.Loop() {
		f, err := excelize.OpenFile(p, excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, s := range f.GetSheetList() {
			rs, err := f.Rows(s)
			if err != nil {
				b.Fatal(err)
			}
			for rs.Next() {
				cells, _ := rs.Columns()
				n += len(cells)
			}
			rs.Close()
		}
		f.Close()
	}
}

// TestGeneratedFile compares on the workbook XLSXSCAN_BENCH names, if any:
// the bloc and province scales of tools/gen, checked by hand.
func TestGeneratedFile(t *testing.T) {
	p := os.Getenv("XLSXSCAN_BENCH")
	if p == "" {
		t.Skip("set XLSXSCAN_BENCH to a generated workbook")
	}
	ps := watchScans(t)
	var st diffStats
	compareFile(t, p, &st)
	ps.allFast(t, p)
	if st.fallback != 0 {
		t.Errorf("%d sheets fell back", st.fallback)
	}
	t.Logf("%d sheets identical", st.same)
}
