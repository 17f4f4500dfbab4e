package report

import (
	"strings"
	"unicode/utf8"
)

// Cell text is whatever someone typed or pasted into a workbook, and a
// terminal obeys the control characters in it: "\x1b[2J" in a unit name
// clears the screen, "\x1b]0;…\a" retitles the window, backspaces and
// carriage returns overwrite what came before. Text bound for a terminal
// (the table, validate, error messages on stderr) therefore goes through
// SafeText, and text bound for CSV through dropControls. JSON is left
// faithful, byte for byte what encoding/json writes: it escapes every C0
// control, and a script decodes the exact text.

// SafeText returns s with every control character made visible and
// harmless, one rune for one so that widths measured before still hold:
// tab, line feed, vertical tab, form feed and carriage return become a space
// (a line break typed inside a cell must not break the table's rows); the
// other C0 controls become their Unicode control pictures (ESC → "␛",
// BEL → "␇", NUL → "␀"), DEL becomes "␡", and the C1 controls (U+0080–
// U+009F, among them the one-character CSI U+009B) and bytes that are not
// UTF-8 become "�". Text without any is returned as it is, without copying.
func SafeText(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s { // an invalid byte comes out as utf8.RuneError, i.e. "�"
		switch {
		case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r <= 0x9f:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dropControls removes from s the control characters SafeText makes
// visible, for CSV, where a spreadsheet would show no control picture.
// Tab, line feed and carriage return stay: inside a quoted CSV field they
// are what the workbook's cell held, and a spreadsheet shows them as such
// (neutralise still guards a leading one). Invalid UTF-8 becomes "�".
func dropControls(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clean reports whether s is valid UTF-8 without C0, DEL or C1 controls:
// the common case, checked without decoding runes (a C1 control is 0xC2
// followed by 0x80–0x9F in UTF-8).
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || (c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0) {
			return false
		}
	}
	return utf8.ValidString(s)
}
