package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitFileName(t *testing.T) {
	used := map[string]bool{}
	for _, c := range []struct{ code, name, want string }{
		{"CB01", "Chi bộ Sở Tư pháp", "CB01 Chi bộ Sở Tư pháp.xlsx"},
		{"cb01", "CHI BỘ SỞ TƯ PHÁP", "cb01 CHI BỘ SỞ TƯ PHÁP (2).xlsx"}, // same name to Windows
		{"CB02", `Chi bộ "A/B": C\D <E>|F?*`, "CB02 Chi bộ -A-B-- C-D -E--F--.xlsx"},
		{"CB03", "Tổ 1.\t", "CB03 Tổ 1.xlsx"},
		{"CON", "", "_CON.xlsx"},
		{"nul.", "", "_nul.xlsx"},
		{"CB04", "Chi bộ\x1b[2J\nmới", "CB04 Chi bộ-[2J mới.xlsx"},
		{"", "", "don-vi.xlsx"},
	} {
		if got := SplitFileName(c.code, c.name, used); got != c.want {
			t.Errorf("SplitFileName(%q, %q) = %q, want %q", c.code, c.name, got, c.want)
		}
	}
	long := SplitFileName("CB05", strings.Repeat("Chi bộ rất dài ", 20), used)
	if utf8.RuneCountInString(long) > maxFileName || !strings.HasSuffix(long, ".xlsx") || strings.Contains(long, " .xlsx") {
		t.Errorf("long name %q", long)
	}
	// Decomposed input (NFD) gives the NFC name.
	if got := SplitFileName("CB06", "Chi bo\u0302\u0323", used); got != "CB06 Chi bộ.xlsx" {
		t.Errorf("NFD name: %q", got)
	}
}
