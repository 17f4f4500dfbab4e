package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bontot/bontot/internal/nfc"
)

// maxFileName bounds a split report's name, in runes, extension included:
// Windows allows 255 UTF-16 units per name but 260 for a whole path in
// many programs, so a short name leaves room for the folder.
const maxFileName = 80

// windowsReserved are the device names Windows refuses as file names,
// with or without an extension.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// SplitFileName is the file name of a unit's own report (evaluate
// --split): "CB01 Chi bộ Sở Tư pháp.xlsx", valid on Windows as well as
// elsewhere — no <>:"/\|?* or control characters, no trailing dot or
// space, no device name (CON, NUL, COM1…), at most maxFileName runes — and
// different, ignoring case as Windows and macOS do, from every name in
// used, which it extends.
func SplitFileName(code, name string, used map[string]bool) string {
	s := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		if strings.ContainsRune(`<>:"/\|?*`, r) || unicode.IsControl(r) || r == utf8.RuneError {
			return '-'
		}
		return r
	}, nfc.String(strings.TrimSpace(code+" "+name)))
	s = strings.Join(strings.Fields(s), " ")
	const ext = ".xlsx"
	base := fitName(s, maxFileName-len(ext))
	if base == "" {
		base = "don-vi"
	}
	stem, _, _ := strings.Cut(base, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(stem))] {
		base = "_" + base
	}
	out := base + ext
	for n := 2; used[strings.ToLower(out)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		out = fitName(base, maxFileName-len(ext)-len(suffix)) + suffix + ext
	}
	used[strings.ToLower(out)] = true
	return out
}

// fitName cuts s to n runes and drops the trailing dots and spaces Windows
// would silently remove (making two names one).
func fitName(s string, n int) string {
	if r := []rune(s); len(r) > n {
		s = string(r[:n])
	}
	return strings.TrimRight(s, ". ")
}
