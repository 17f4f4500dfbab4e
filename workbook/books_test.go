package workbook

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// TestBooksKeptForSecondRead: a read under other rules through the same
// Books opens no file again — the files are gone by then — and reads
// exactly what a read of its own reads, for a workbook with a Đơn vị
// sheet and for a folder of the office forms without one.
func TestBooksKeptForSecondRead(t *testing.T) {
	dir := t.TempDir()
	var inputs []string
	for _, src := range []string{"../testdata/khoi-2024.xlsx", "../testdata/offices/chi-bo-gui"} {
		dst := filepath.Join(dir, filepath.Base(src))
		copyTree(t, src, dst)
		inputs = append(inputs, dst)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			hd17 := criteria.Default()
			r2025, err := criteria.ProfileThresholds("2025")
			if err != nil {
				t.Fatal(err)
			}
			want, err := Read([]string{in}, Options{Criteria: &r2025})
			if err != nil {
				t.Fatal(err)
			}
			books := new(Books)
			defer books.Close()
			if _, err := Read([]string{in}, Options{Criteria: &hd17, Books: books}); err != nil {
				t.Fatal(err)
			}
			inputs, err := Expand([]string{in})
			if err != nil {
				t.Fatal(err)
			}
			hidden := in + ".gone"
			if err := os.Rename(in, hidden); err != nil {
				t.Fatal(err)
			}
			defer os.Rename(hidden, in)
			got, err := ReadInputs(inputs, Options{Criteria: &r2025, Books: books})
			if err != nil {
				t.Fatalf("second read opened a file again: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("second read through Books differs from a read of its own")
			}
		})
	}
}

// copyTree copies a file, or a folder's files, to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	st, err := os.Stat(src)
	if err != nil {
		t.Fatal(err)
	}
	if !st.IsDir() {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		copyTree(t, filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()))
	}
}
