package xlsxscan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bontot/bontot/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// shapeSources are real sheets for the shape oracle: the example bloc and
// a generated workbook of the benchmark writer.
func shapeSources(t *testing.T) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "generated.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := workbooktest.Config{Grassroots: 2, SubCells: [2]int{2, 3}, Cells: 4, Members: [2]int{8, 12}, Thematic: [2]int{4, 5}, PerCluster: 2}
	if _, err := workbooktest.WriteConfig(out, cfg, 11); err != nil {
		t.Fatal(err)
	}
	out.Close()
	return []string{"../../testdata/khoi-2024.xlsx", path}
}

// readAll reads every sheet of a workbook with one of the three readers:
// the fast path, the lexer alone, excelize.
func readAll(t *testing.T, path, how string) map[string][]row {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	sheets := f.GetSheetList()
	f.Close()
	out := map[string][]row{}
	for _, sh := range sheets {
		var rs []row
		var err error
		switch how {
		case "excelize":
			rs, err = excelizeRows(t, path, sh)
		case "lexer":
			fastPath = false
			rs, err = scanRows(path, sh)
			fastPath = true
		default:
			rs, err = scanRows(path, sh)
		}
		if err != nil {
			t.Fatalf("%s/%s (%s): %v", path, sh, how, err)
		}
		// A trailing run of empty rows is a matter of shape, not of cells.
		for len(rs) > 0 && len(rs[len(rs)-1].cells) == 0 {
			rs = rs[:len(rs)-1]
		}
		out[sh] = rs
	}
	return out
}

func sameBook(t *testing.T, what string, got, want map[string][]row) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d sheets, want %d", what, len(got), len(want))
	}
	for sh, w := range want {
		if g := got[sh]; !sameRows(g, w) {
			t.Errorf("%s/%s: rows differ\n got %s\nwant %s", what, sh, dump(g), dump(w))
		}
	}
}

// TestShapesReadAlike is the oracle that would have caught the row-buffer
// bug: real sheets rewritten into the shapes Excel, LibreOffice, openpyxl
// and the Open XML SDK write give the same cells on the fast path, on the
// lexer alone and in excelize as the sheets as written; and a sheet with
// Excel's blank formatted rows reads as the same sheet with those rows
// deleted.
func TestShapesReadAlike(t *testing.T) {
	dir := t.TempDir()
	for i, src := range shapeSources(t) {
		want := readAll(t, src, "excelize")
		for _, shape := range workbooktest.Shapes() {
			p := filepath.Join(dir, string(shape)+".xlsx")
			if err := workbooktest.Rewrite(src, p, shape); err != nil {
				t.Fatalf("%s: %v", shape, err)
			}
			for _, how := range []string{"fast", "lexer", "excelize"} {
				sameBook(t, filepath.Base(src)+"/"+string(shape)+"/"+how, readAll(t, p, how), want)
			}
		}
		blank, deleted := filepath.Join(dir, "blank.xlsx"), filepath.Join(dir, "deleted.xlsx")
		if err := workbooktest.Rewrite(src, blank, workbooktest.BlankRows); err != nil {
			t.Fatal(err)
		}
		if err := workbooktest.Rewrite(src, deleted, workbooktest.DeletedRows); err != nil {
			t.Fatal(err)
		}
		wantDeleted := readAll(t, deleted, "excelize")
		for _, how := range []string{"fast", "lexer", "excelize"} {
			sameBook(t, filepath.Base(src)+"/blank-rows/"+how, readAll(t, blank, how), wantDeleted)
		}
		_ = i
	}
}
