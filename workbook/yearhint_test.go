package workbook

import (
	"os"
	"path/filepath"
	"testing"
)

func TestYearInName(t *testing.T) {
	cases := []struct {
		name string
		want int
	}{
		{"khoi-2024.xlsx", 2024},
		{"Sổ theo dõi năm 2025.xlsx", 2025},
		{"2024/chi-bo-a.xlsx", 2024},
		{"2024/chi-bo-a-2024.xlsx", 2024},
		{"bao-cao-2025-ve-2024.xlsx", 0}, // two years: no guess
		{"2024-2025.xlsx", 0},
		{"so-12024.xlsx", 0},    // five digits are not a year
		{"chi-bo-1850.xlsx", 0}, // nor a number out of range
		{"phong-2101.xlsx", 0},  // a room
		{"so.2026.xlsx", 2026},  // the extension is not part of it
		{"so-theo-doi.xlsx", 0},
	}
	for _, c := range cases {
		got, ok := yearInName(filepath.FromSlash(c.name))
		if got != c.want || ok != (c.want != 0) {
			t.Errorf("yearInName(%q) = %d, %v; want %d", c.name, got, ok, c.want)
		}
	}
}

// YearHint takes the year most workbooks of a folder point to; the
// example says 2024 by the date it was saved.
func TestYearHintVotes(t *testing.T) {
	data, err := os.ReadFile("../testdata/khoi-2024.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	hint := func(names ...string) (int, bool) {
		t.Helper()
		dir := t.TempDir()
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		in, err := Expand([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		var bs Books
		defer bs.Close()
		return bs.YearHint(in, "")
	}
	if y, ok := hint("a.xlsx", "b.xlsx", "c-2025.xlsx"); y != 2024 || !ok {
		t.Errorf("two saved in 2024, one named 2025: %d, %v; want 2024", y, ok)
	}
	if y, ok := hint("a.xlsx", "c-2025.xlsx"); y != 2025 || !ok {
		t.Errorf("a tie: %d, %v; want the later year, 2025", y, ok)
	}
	if y, ok := hint("a-2026.xlsx", "b-2026.xlsx", "c.xlsx"); y != 2026 || !ok {
		t.Errorf("two named 2026: %d, %v; want 2026", y, ok)
	}
	if y, ok := (&Books{}).YearHint(&Inputs{}, ""); ok {
		t.Errorf("no workbook: %d, %v; want no hint", y, ok)
	}
}
