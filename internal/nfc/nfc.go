// Package nfc puts text in Unicode NFC, the form bontot keeps every cell and
// writes every report in, with a check of the bytes that settles nearly all
// Vietnamese text without the normaliser: a province is millions of cells
// and evidence sentences, and the normaliser's own check costs more than
// reading them.
package nfc

import (
	"encoding/binary"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String returns s in NFC.
func String(s string) string {
	if Quick(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Quick reports, from the bytes alone, that s is certainly in NFC: every
// character is below U+0300 (ASCII, Latin-1 and Latin Extended letters, all
// precomposed, and no combining mark follows), a precomposed letter of
// Latin Extended Additional (U+1E00–U+1EFF, where Vietnamese letters are),
// or General Punctuation from U+2002 to U+206F (dashes, quotes, "…", "›")
// other than the line and paragraph separators U+2028 and U+2029.
// None of these is changed by NFC or combines with what precedes it. False
// means only "ask the normaliser".
func Quick(s string) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 == 0 {
			i += 8 // eight ASCII bytes at once: most of any text
			continue
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		n := Stable(s, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// Stable returns the length of the character at s[i] when it is one of the
// non-ASCII characters Quick accepts, and 0 for anything else (ASCII
// included), so that a writer scanning s byte by byte for its own reasons
// can check NFC in the same pass. Every character it accepts is valid
// UTF-8, and none is U+2028 or U+2029.
func Stable(s string, i int) int {
	c := s[i]
	switch {
	case c >= 0xC2 && c <= 0xCB && i+1 < len(s) && isCont(s[i+1]): // U+0080–U+02FF
		return 2
	case c == 0xE1 && i+2 < len(s) && s[i+1] >= 0xB8 && s[i+1] <= 0xBB && isCont(s[i+2]): // U+1E00–U+1EFF
		return 3
	case c == 0xE2 && i+2 < len(s) && isCont(s[i+2]) &&
		((s[i+1] == 0x80 && s[i+2] >= 0x82 && s[i+2] != 0xA8 && s[i+2] != 0xA9) || s[i+1] == 0x81 && s[i+2] <= 0xAF): // U+2002–U+206F but U+2028, U+2029
		return 3
	}
	return 0
}

func isCont(b byte) bool { return b&0xC0 == 0x80 }
