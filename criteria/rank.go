package criteria

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// verdictOrder is the ranking order of SPEC §2, "Ranking".
var verdictOrder = map[Status]int{Met: 0, Reachable: 1, MissingData: 2, NotMet: 3, DataError: 4}

// rank sorts results into UnitTypes order and, within each type, by the
// keys of SPEC §2: verdict, criteria met, share of measured checks met,
// mean regular-meeting score (units without one last), unit code. Name and
// source break the remaining ties (a code defined twice), so the order is
// total whatever order the workbooks were read in.
func rank(rs []UnitResult) {
	typeOrder := map[UnitType]int{}
	for i, t := range UnitTypes {
		typeOrder[t] = i
	}
	// Sort positions, not the results themselves: a result is a dozen words
	// that a stable sort of a province would move millions of times. The
	// position as last key makes the unstable sort stable.
	// The numbers that decide nearly every comparison are copied into the
	// key, so that the sort reads them in place rather than through r.
	type key struct {
		typ, verdict int
		score        rankScore
		r            *UnitResult
		pos          int
	}
	keys := make([]key, len(rs))
	for i := range rs {
		r := &rs[i]
		keys[i] = key{typeOrder[r.Unit.Type], verdictOrder[r.Verdict], r.score(), r, i}
	}
	slices.SortFunc(keys, func(x, y key) int {
		if c := cmp.Compare(x.typ, y.typ); c != 0 {
			return c
		}
		if c := cmp.Compare(x.verdict, y.verdict); c != 0 {
			return c
		}
		if c := x.score.compare(y.score); c != 0 {
			return c
		}
		if c := compareTie(x.r, y.r); c != 0 {
			return c
		}
		return cmp.Compare(x.pos, y.pos)
	})
	sorted := make([]UnitResult, len(rs))
	for i, k := range keys {
		sorted[i] = *k.r
	}
	copy(rs, sorted)
	var prev UnitType
	n := 0
	for i := range rs {
		if i == 0 || rs[i].Unit.Type != prev {
			prev, n = rs[i].Unit.Type, 0
		}
		n++
		rs[i].Rank = n
	}
}

// rankScore is what ranks results of the same type and verdict before
// their codes: criteria met, share of measured checks met, and the mean
// regular-meeting score (units without one after those with one).
type rankScore struct {
	met       int
	measured  float64
	noMean    bool
	meanScore float64
}

func (r *UnitResult) score() rankScore {
	return rankScore{r.CriteriaMet, r.MeasuredMet, !r.HasMeanScore, r.MeanScore}
}

// compare orders the better score first.
func (a rankScore) compare(b rankScore) int {
	if c := cmp.Compare(b.met, a.met); c != 0 {
		return c
	}
	if c := cmp.Compare(b.measured, a.measured); c != 0 {
		return c
	}
	if a.noMean != b.noMean {
		if a.noMean {
			return 1
		}
		return -1
	}
	return cmp.Compare(b.meanScore, a.meanScore)
}

// compareRanked orders two results of the same type and verdict by the
// remaining keys of rank.
func compareRanked(a, b *UnitResult) int {
	if c := a.score().compare(b.score()); c != 0 {
		return c
	}
	return compareTie(a, b)
}

// compareTie orders results whose scores are equal: by code, naturally,
// then by what tells two definitions of one code apart.
func compareTie(a, b *UnitResult) int {
	if c := naturalCompare(a.Unit.Code, b.Unit.Code); c != 0 {
		return c
	}
	if c := strings.Compare(a.Unit.Code, b.Unit.Code); c != 0 {
		return c
	}
	if c := strings.Compare(a.Unit.Name, b.Unit.Name); c != 0 {
		return c
	}
	if c := strings.Compare(a.Unit.Source.File(), b.Unit.Source.File()); c != 0 {
		return c
	}
	return cmp.Compare(a.Unit.Source.Row, b.Unit.Source.Row)
}

// naturalCompare orders codes and cluster names as people do: "CB2"
// before "CB10", "Cụm 2" before "Cụm 10".
//
// It walks the strings rune by rune without converting them: it runs for
// every comparison of a sort. Invalid UTF-8 reads as U+FFFD, one rune a
// byte, as a []rune conversion would have it.
func naturalCompare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, wa := utf8.DecodeRuneInString(a[i:])
		cb, wb := utf8.DecodeRuneInString(b[j:])
		if unicode.IsDigit(ca) && unicode.IsDigit(cb) {
			si, sj := i, j
			i = digitsEnd(a, i)
			j = digitsEnd(b, j)
			na := strings.TrimLeft(a[si:i], "0")
			nb := strings.TrimLeft(b[sj:j], "0")
			if c := cmp.Compare(len(na), len(nb)); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			continue
		}
		if c := cmp.Compare(ca, cb); c != 0 {
			return c
		}
		i += wa
		j += wb
	}
	return cmp.Compare(utf8.RuneCountInString(a[i:]), utf8.RuneCountInString(b[j:]))
}

// digitsEnd is the index just past the run of digits starting at i.
func digitsEnd(s string, i int) int {
	for i < len(s) {
		c, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsDigit(c) {
			break
		}
		i += w
	}
	return i
}

// NaturalCompare is the order of codes and cluster names that ranking
// uses ("Cụm 2" before "Cụm 10"), for renderers that list clusters.
func NaturalCompare(a, b string) int { return naturalCompare(a, b) }
