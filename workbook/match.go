package workbook

import (
	"encoding/binary"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
	"github.com/bontot/bontot/workbook/schema"
)

// matchKey is the form in which headers, sheet names and closed-set values
// are compared (SPEC §3): NFC, lower case, no diacritics (the combining
// marks NFD exposes are dropped), đ as d, single spaces. "Đơn vị", "don vi"
// and a decomposed "Đơn vị" pasted from a PDF all give "don vi". Only
// whitespace is collapsed; punctuation is kept because it can carry meaning
// ("3/2024").
func matchKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		// Most cells (numbers, codes, dates) take this path; it is the hot
		// one, and most of them are already a key.
		if isASCIIKey(s) {
			return s
		}
		return asciiKey(s)
	}
	if k, ok := formKeys[s]; ok {
		return k // a closed-set value as the template's dropdown writes it
	}
	if k, ok := keyCache.Load(s); ok {
		return k.(string)
	}
	k := foldKey(s)
	// Closed-set values, headers and item texts repeat on every row; names
	// do not, so the cache stops growing at a bound instead of holding a
	// province's worth of names.
	if keyCacheSize.Add(1) <= keyCacheMax {
		keyCache.Store(s, k)
	}
	return k
}

// formKeys holds the key of every closed-set value in its canonical form
// (schema), read-only once built: most cells of those columns, looked up
// without the concurrent cache's cost.
var formKeys = func() map[string]string {
	m := map[string]string{}
	for _, set := range [][]string{schema.UnitTypes, schema.MeetingKinds, schema.CommitteeKinds, schema.Ratings,
		schema.RatingCodes, schema.Levels, schema.CriteriaGroups, schema.CaseKinds, schema.Results, schema.YesNo, schema.Residence} {
		for _, v := range set {
			m[v] = foldKey(v)
		}
	}
	return m
}()

var (
	keyCache     sync.Map // cell text → matching key
	keyCacheSize atomic.Int64
)

const keyCacheMax = 1 << 15

// foldKey is matchKey's slow path for text with non-ASCII letters.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u2007' || r == '\u202f':
			r = ' ' // non-breaking spaces copied from Word count as spaces
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(strings.Join(strings.Fields(b.String()), " "))
}

// asciiKey is the key of ASCII text that is not one already: lower case,
// white space collapsed, in one allocation (codes such as "CB01" come here
// for every row that names its unit).
func asciiKey(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = len(b) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b)
}

// isASCIIKey reports whether ASCII s is already its own matching key: no
// upper case, no white space but single inner spaces.
func isASCIIKey(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// clean is how every cell value is taken in: NFC and trimmed, so that later
// comparisons and messages see one form of each letter.
func clean(s string) string {
	i := asciiPrefix(s)
	if i == len(s) {
		// ASCII, so NFC already; and when neither end is a space or a
		// control character, trimmed already: most cells, at no cost.
		if s == "" || (s[0] > ' ' && s[len(s)-1] > ' ') {
			return s
		}
		return strings.TrimSpace(s)
	}
	if !nfc.Quick(s[i:]) { // the ASCII prefix is NFC whatever follows it
		s = norm.NFC.String(s)
	}
	return strings.TrimSpace(s)
}

// asciiPrefix is the length of the ASCII bytes s begins with, found eight
// bytes at a time.
func asciiPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// editDistance is the Levenshtein distance between two strings, counted in
// runes, used to suggest the closest accepted value.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// maxSuggestLen is the longest value, in runes, for which a closest
// accepted value is looked for; the longest accepted values (self-assessment
// item texts) are about 220.
const maxSuggestLen = 300

// closest returns the accepted value nearest to got, compared by matching
// key, and whether it is near enough to be worth suggesting. A hint is for
// a spelling slip of one value only: a few letters off, in
// proportion to the length (one up to ten letters, two up to twenty), no
// word of got replaced by another word ("Không rõ" is no slip of "Không
// tốt", "Khá" none of "KHTNV"), and nothing under four letters, which is
// as likely another word as a slip. A value may also be a misspelt short
// form ("Hoàn thàn tốt" for "Hoàn thành tốt nhiệm vụ"), so got is
// compared with the beginning of each accepted value too, at a cost of one
// edit.
func closest(got string, accepted []string) (string, bool) {
	k := matchKey(got)
	n := len([]rune(k))
	if n > maxSuggestLen || n < 4 {
		// A paragraph is no typo of a short value, and the distance is
		// quadratic: a 32 767-character cell must not stall the reader.
		return "", false
	}
	best, bestD, bestForm := "", -1, ""
	for _, a := range accepted {
		ka := matchKey(a)
		d, form := editDistance(k, ka), ka
		if ra := []rune(ka); n < len(ra) {
			if dp := editDistance(k, string(ra[:n])) + 1; dp < d {
				d, form = dp, string(ra[:n])
			}
			// Cut at a word too: "hoan than tot" is three words of
			// "hoan thanh tot nhiem vu", not its first thirteen letters.
			if fw := strings.Fields(ka); len(strings.Fields(k)) < len(fw) {
				p := strings.Join(fw[:len(strings.Fields(k))], " ")
				if dp := editDistance(k, p) + 1; dp < d {
					d, form = dp, p
				}
			}
		}
		if bestD < 0 || d < bestD {
			best, bestD, bestForm = a, d, form
		}
	}
	if bestD < 0 {
		return "", false
	}
	limit := 1
	switch {
	case n > 20:
		limit = max(2, n/6)
	case n > 10:
		limit = 2
	}
	return best, bestD <= limit && wordSlips(k, bestForm)
}

// wordSlips reports whether got, word by word, is form with slips in its
// words rather than other words: where both have as many words, each
// differing word is one letter off (two in a long word). With a word
// more or fewer ("hoanthanh tot"), the distance alone decides.
func wordSlips(got, form string) bool {
	gw, fw := strings.Fields(got), strings.Fields(form)
	if len(gw) != len(fw) {
		return true
	}
	for i := range gw {
		if gw[i] == fw[i] {
			continue
		}
		allowed := 1
		if len([]rune(fw[i])) >= 7 {
			allowed = 2
		}
		if editDistance(gw[i], fw[i]) > allowed || len([]rune(gw[i])) < 3 && len([]rune(fw[i])) < 3 {
			return false
		}
	}
	return true
}

// unknownValue is the fault of a value outside a closed set:
// `Xếp loại "Hoàn thàn tốt" không hợp lệ; có phải "Hoàn thành tốt nhiệm vụ"?`.
func unknownValue(what, got string, accepted []string) fault {
	return faultOf(criteria.ValueInvalid, what, quote(got), acceptedHint(got, accepted))
}

// acceptedHint is what unknownValue says after the value: the closest
// accepted value, or the list of them.
func acceptedHint(got string, accepted []string) string {
	if s, ok := closest(got, accepted); ok {
		return didYouMean(s)
	}
	quoted := make([]string, len(accepted))
	for i, a := range accepted {
		quoted[i] = quote(a)
	}
	return "cần một trong các giá trị: " + strings.Join(quoted, ", ")
}

// didYouMean is the hint of a spelling slip, or of a word whose meaning is
// that value.
func didYouMean(s string) string { return "có phải " + quote(s) + "?" }

// unknownValueHint is unknownValue with what closeness cannot find: hints
// maps the matching key of a word with a known meaning in the set's
// domain — an older rating, a kind once read as another — to what to
// say of it: didYouMean of the value it means, or an explanation.
func unknownValueHint(what, got string, accepted []string, hints map[string]string) fault {
	return faultOf(criteria.ValueInvalid, what, quote(got), valueHint(got, accepted, hints))
}

// valueHint is what unknownValueHint says after the value.
func valueHint(got string, accepted []string, hints map[string]string) string {
	if s, ok := hints[strings.TrimRight(matchKey(got), " .")]; ok {
		return s
	}
	return acceptedHint(got, accepted)
}

// quote wraps a cell value in straight double quotes for messages, shortened
// so that a pasted paragraph does not flood the listing.
func quote(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return "\"" + s + "\""
}
