package workbook

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
)

// FuzzCellParsers feeds any cell text to every cell parser: none may panic,
// and what they accept must be in range. The seed corpus is in
// testdata/fuzz/FuzzCellParsers.
func FuzzCellParsers(f *testing.F) {
	for _, s := range []string{"8,5", "45306", "15/01/2024", "Tháng 3", "3/2024", "HTXSNV", "Có", "✓", "Không lấy ý kiến", "tc1.q1", "Khiển trách (QĐ 12)", "Đình chỉ sinh hoạt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, msg := parseScore("Điểm", s); msg.ok() && (v < 0 || v > 100) {
			t.Errorf("parseScore(%q) = %v accepted", s, v)
		}
		if n, msg := parseCount("Có mặt", s); msg.ok() && n < 0 {
			t.Errorf("parseCount(%q) = %d accepted", s, n)
		}
		for _, d1904 := range []bool{false, true} {
			if d, msg := parseDate(s, d1904); msg.ok() && (d.Year() < minYear || d.Year() > maxYear) {
				t.Errorf("parseDate(%q) = %v accepted", s, d)
			}
			if m, msg := parseMonth(s, d1904); msg.ok() && (m.month < 1 || m.month > 12 || (m.year != 0 && (m.year < minYear || m.year > maxYear))) {
				t.Errorf("parseMonth(%q) = %+v accepted", s, m)
			}
		}
		if r, msg := parseRating(s); msg.ok() != (r != criteria.RatingNone) {
			t.Errorf("parseRating(%q) = %v, %q", s, r, msg)
		}
		if l, msg := parseLevel(s); msg.ok() != (l != criteria.LevelNone) {
			t.Errorf("parseLevel(%q) = %v, %q", s, l, msg)
		}
		yes, yesMsg := parseYesNo("Có", s)
		// Vi phạm reads what a yes/no cell reads the same way (but "Đang
		// giải quyết", no "no" there), and never both refuses a cell and
		// finds a violation in it.
		v, ev, msg := parseViolation("Vi phạm", s)
		dealing := inProgress[strings.TrimRight(matchKey(s), " .!")]
		if yesMsg.ok() && !dealing && (v != yes || ev != "" || !msg.ok()) {
			t.Errorf("parseViolation(%q) = %v, %q, %q; parseYesNo gives %v", s, v, ev, msg, yes)
		}
		if !msg.ok() && (v || ev != "") {
			t.Errorf("parseViolation(%q) = %v, %q with error %q", s, v, ev, msg)
		}
		if v && ev != "" && ev != s {
			t.Errorf("parseViolation(%q): evidence %q is not the cell", s, ev)
		}
		// Kỷ luật: one of the four measures or an error, never both.
		if d, msg := parseDiscipline("Kỷ luật", s); !msg.ok() && d != criteria.DisciplineNone {
			t.Errorf("parseDiscipline(%q) = %v with error %q", s, d, msg)
		}
		if isSuspension(s) && yesMsg.ok() {
			t.Errorf("%q is both a yes/no and a suspension", s)
		}
		_ = roleOf([]string{s})
		_, _ = parseResidence(s)
		_, _ = parseUnitType(s)
		_, _ = parseMeetingKind(s)
		_, _ = parseCommitteeKind(s)
		_, _ = parseGroup(s)
		_, _ = parseCaseKind(s)
		_, _ = parseResult(s)
		if y, msg := parseYear("Năm", s); msg.ok() && (y < minYear || y > maxYear) {
			t.Errorf("parseYear(%q) = %d accepted", s, y)
		}
		if four, msg := parseFourGood("Bốn tốt", s); yesMsg.ok() && (!msg.ok() || four != yes) {
			t.Errorf("parseFourGood(%q) = %v, %q; parseYesNo gives %v", s, four, msg, yes)
		}
		if id, msg := parseItem(s); msg.ok() && !strings.HasPrefix(id, "tc") {
			t.Errorf("parseItem(%q) = %q", s, id)
		}
	})
}

// FuzzMatchKey checks the matching key on any text: it is stable (a key
// is its own key), has no upper-case letters, no diacritics and no runs
// of spaces. The seed corpus is in testdata/fuzz/FuzzMatchKey.
func FuzzMatchKey(f *testing.F) {
	for _, s := range []string{"Mã đơn vị", "MÃ  ĐƠN VỊ", "Ma\u0303 đơn vi\u0323", "Đảng\u00a0ủy", "İstanbul", "",
		"K1-CB0001", " A  b\tC\r\n", "HTXS NV."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		k := matchKey(s)
		ascii := true
		for i := 0; i < len(s); i++ {
			ascii = ascii && s[i] < utf8.RuneSelf
		}
		if want := strings.Join(strings.Fields(strings.ToLower(s)), " "); ascii && k != want {
			t.Errorf("matchKey(%q) = %q, want %q (lower case, single spaces)", s, k, want)
		}
		if again := matchKey(k); again != k {
			t.Errorf("matchKey not stable: %q → %q → %q", s, k, again)
		}
		if strings.Contains(k, "  ") || strings.TrimSpace(k) != k {
			t.Errorf("matchKey(%q) = %q keeps extra spaces", s, k)
		}
		for _, r := range k {
			if r == 'đ' || unicode.Is(unicode.Mn, r) {
				t.Errorf("matchKey(%q) = %q keeps %q", s, k, r)
			}
		}
		_, _ = matchHeader(criteria.SheetMeetings, s)
		_, _ = closest(s, []string{"Hoàn thành tốt nhiệm vụ", "Có"})
	})
}
