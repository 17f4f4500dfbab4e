package criteria

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// maxListed is how many names an evidence sentence lists before it says
// "và N … khác": enough to act on, short enough to read in a table cell.
const maxListed = 5

// eps absorbs binary floating-point error in share arithmetic, so that
// 0.75 × 12 is 9 and 0.8 × 12 needs 10, never 9.6000000001 rounded to 11.
const eps = 1e-9

// needed is the least whole number of items that makes up share of n:
// ⌈share·n⌉, computed with eps so exact products stay exact.
func needed(share float64, n int) int {
	return int(math.Ceil(share*float64(n) - eps))
}

// meets reports whether k of n reaches share ("at least", SPEC §3).
func meets(k, n int, share float64) bool { return k >= needed(share, n) }

// The number formatter of every text bontot writes for people — the
// checks' messages and rules, the report, the template, `bontot criteria`
// — is decimal, behind the four names below, with a decimal comma. JSON,
// CSV and criteria files write numbers for programs instead: a dot and
// every digit (strconv).
//
// Two roundings were in use before the formatter was one, and each output
// keeps its own, so that no report, message or golden file moves: a
// number (a mean score, a band's bound) is rounded as strconv rounds the
// binary value, an exact tie to even (91,25 is 91,2); a share written as
// a percentage is rounded half away from zero from share×10^(digits+2), as
// a secretary rounds by hand (1/16 is 6,3%).

// FormatNumber renders a number with every digit it has: decimal comma,
// no trailing zeros ("89,5", "90").
func FormatNumber(v float64) string { return decimal(v, 0, -1, false) }

// FormatDecimal renders v rounded to at most digits decimals, without
// trailing zeros ("91,2", "90").
func FormatDecimal(v float64, digits int) string { return decimal(v, 0, digits, false) }

// FormatFixed renders v with exactly digits decimals ("93,0"), so that
// the commas of a column stand in line.
func FormatFixed(v float64, digits int) string { return decimal(v, 0, digits, true) }

// FormatPercent renders a share as a percentage with at most digits
// decimals ("75%", "33,3%"): one decimal in the checks' messages, two in
// the template's guide.
func FormatPercent(share float64, digits int) string { return decimal(share, 2, digits, false) + "%" }

// decimal renders v×10^shift with at most digits decimals (digits < 0:
// every digit, only without a shift) and a decimal comma; fixed keeps the
// trailing zeros of an unshifted value.
// A shifted value (a share as a percentage) is rounded half away from
// zero, the shift folded into the one multiplication that rounds, so that
// it is rounded from share×1000 as the checks always did, never from
// share×100×10, whose last bit may differ; any other value is rounded by
// strconv.
func decimal(v float64, shift, digits int, fixed bool) string {
	prec := digits
	if shift != 0 {
		v = math.Round(v*math.Pow10(shift+digits)) / math.Pow10(digits)
		prec = -1 // already at digits decimals: no second rounding
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if !fixed && prec > 0 && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", ",", 1)
}

func num(v float64) string     { return FormatNumber(v) }
func pct(share float64) string { return FormatPercent(share, 1) }

// atLeast is "100%" for a share of one and "ít nhất 75%" otherwise, the
// way the guidance words it.
func atLeast(share float64) string {
	if share >= 1 {
		return "100%"
	}
	return "ít nhất " + pct(share)
}

// ratio renders "k/n (p%)".
func ratio(k, n int) string {
	s := strconv.Itoa(k) + "/" + strconv.Itoa(n)
	if n == 0 {
		return s
	}
	return s + " (" + pct(float64(k)/float64(n)) + ")"
}

// date renders dd/mm/yyyy, the form the workbooks use.
func date(t time.Time) string { return t.Format("02/01/2006") }

// meetingDate renders a meeting's date, or "tháng 3/2024" for a row that
// gave only the month.
func meetingDate(m *Meeting) string {
	if m.MonthOnly {
		return monthName(m.Date.Year(), int(m.Date.Month()))
	}
	return date(m.Date)
}

// monthName is "tháng 3/2024".
func monthName(year, month int) string {
	return "tháng " + strconv.Itoa(month) + "/" + strconv.Itoa(year)
}

// quarterName is "quý II/2024".
func quarterName(year, q int) string {
	return fmt.Sprintf("quý %s/%d", [...]string{"I", "II", "III", "IV"}[q-1], year)
}

// listNames joins the first maxListed entries and says how many more there
// are: "A, B, C, D, E và 3 người khác". noun names the rest ("người",
// "buổi", "vụ việc").
func listNames(names []string, noun string) string {
	if len(names) <= maxListed {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:maxListed], ", ") + fmt.Sprintf(" và %d %s khác", len(names)-maxListed, noun)
}

// nameList gathers an evidence list as listNames shows it: it counts every
// entry but keeps only the first maxListed names, so that a check over a
// province does not format thousands of names to print five.
type nameList struct {
	names [maxListed]string
	n     int
	// cites are the rows of every entry, not only the shown ones: an
	// annotated copy marks them all. A Source is two words, so
	// even a đảng bộ pooling thousands of members keeps them cheaply.
	cites []Cite
}

// at records the row of the entry just counted, with the column key of the
// cell that decides and a short note (a constant, so that nothing is
// formatted per row).
func (l *nameList) at(src Source, field, note string) {
	l.cites = append(l.cites, Cite{Source: src, Field: field, Note: note})
}

// citesOf joins the rows of lists, in order.
func citesOf(lists ...*nameList) []Cite {
	var out []Cite
	for _, l := range lists {
		out = append(out, l.cites...)
	}
	return out
}

// want counts one more entry and reports whether its name will be shown;
// the caller formats the name and adds it only then.
func (l *nameList) want() bool {
	l.n++
	return l.n <= maxListed
}

// add records the name of the entry just counted by want.
func (l *nameList) add(s string) { l.names[l.n-1] = s }

// len is the number of entries counted.
func (l *nameList) len() int { return l.n }

// list is listNames over every entry counted.
func (l *nameList) list(noun string) string {
	if l.n <= maxListed {
		return strings.Join(l.names[:l.n], ", ")
	}
	return strings.Join(l.names[:], ", ") + " và " + strconv.Itoa(l.n-maxListed) + " " + noun + " khác"
}

// ptr returns a pointer to v, for CheckResult.Value and Threshold.
func ptr(v float64) *float64 { return &v }

// Fold is the matching key of SPEC §3: NFC, lower case, no combining marks,
// đ→d, single spaces. The criteria file matches level, rating and group
// names by it, as the rules match what people wrote.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		out = strings.ToLower(s)
	}
	out = strings.NewReplacer("đ", "d", "_", " ", "-", " ").Replace(out)
	return strings.Join(strings.Fields(out), " ")
}

// violationText is the evidence a member's Vi phạm cell gives, for the
// tc4.no_violations message: ` "Vi phạm Quy định 37-QĐ/TW (điều 2)"`
// after the member's name, or "" when the cell only said yes. A pasted
// paragraph is cut so that one member does not fill the report.
func violationText(m *Member) string {
	if m.ViolationText == "" {
		return ""
	}
	r := []rune(m.ViolationText)
	if len(r) > 120 {
		r = append(r[:117:117], '…')
	}
	return ": \"" + string(r) + "\""
}

// disciplineText is the evidence of a member's Kỷ luật cell, after the
// name and any violation: `: kỷ luật "Khiển trách"`, or "" without one.
func disciplineText(m *Member) string {
	if m.Discipline == DisciplineNone {
		return ""
	}
	text := m.DisciplineText
	if text == "" {
		text = m.Discipline.Label()
	}
	r := []rune(text)
	if len(r) > 120 {
		r = append(r[:117:117], '…')
	}
	sep := ": "
	if m.ViolationText != "" {
		sep = "; "
	}
	return sep + "kỷ luật \"" + string(r) + "\""
}
