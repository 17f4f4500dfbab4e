package criteria

import (
	"cmp"
	"fmt"
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

// implementation runs the checks of section III, beside the verdicts:
// pilot.suborgs for each đảng bộ cơ sở in code order, then pilot.cluster
// for each cluster in natural order.
func (e *evaluator) implementation(units []*Unit) []ImplementationResult {
	out := []ImplementationResult{}
	committees := make([]*Unit, 0)
	clusters := map[string][]*Unit{}
	for _, u := range units {
		if u.Type == Committee {
			committees = append(committees, u)
		}
		if u.Cluster != "" {
			clusters[u.Cluster] = append(clusters[u.Cluster], u)
		}
	}
	slices.SortStableFunc(committees, func(a, b *Unit) int { return naturalCompare(a.Code, b.Code) })
	for _, u := range committees {
		out = append(out, e.pilotSuborgs(u))
	}
	names := make([]string, 0, len(clusters))
	for name := range clusters {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := naturalCompare(a, b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	for _, name := range names {
		out = append(out, e.pilotCluster(name, clusters[name]))
	}
	return out
}

func codes(us []*Unit) string {
	cs := make([]string, len(us))
	for i, u := range us {
		cs[i] = u.Code
	}
	return listNames(cs, "đơn vị")
}

// pilotSuborgs: "những đảng bộ có từ 07 chi bộ trở lên lựa chọn ít nhất 02
// chi bộ trực thuộc, đảng bộ có dưới 07 chi bộ lựa chọn 01 chi bộ trực
// thuộc để tập trung làm điểm" (guidance III.4.1). "01" is read as "at
// least 1": a small đảng bộ with two pilots has done more, not less.
func (e *evaluator) pilotSuborgs(u *Unit) ImplementationResult {
	r := ImplementationResult{ID: "pilot.suborgs", Unit: u.Code}
	kids := e.children[u.Code]
	if len(kids) == 0 {
		r.Status = MissingData
		r.Message = fmt.Sprintf("Không có chi bộ trực thuộc nào ghi \"%s\" ở cột Trực thuộc", u.Code)
		return r
	}
	var pilots []*Unit
	for _, k := range kids {
		if k.Pilot {
			pilots = append(pilots, k)
		}
	}
	need := e.th.PilotSmallCount
	if len(kids) >= e.th.PilotLargeSuborgs {
		need = e.th.PilotLargeCount
	}
	r.Message = fmt.Sprintf("%d chi bộ trực thuộc, %d chi bộ làm điểm", len(kids), len(pilots))
	if len(pilots) > 0 {
		r.Message += " (" + codes(pilots) + ")"
	}
	r.Message += fmt.Sprintf("; cần ít nhất %d", need)
	r.Status = Met
	if len(pilots) < need {
		r.Status = NotMet
	}
	return r
}

// pilotCluster: "chọn mỗi cụm 02 đảng bộ cơ sở và 01 chi bộ cơ sở làm
// điểm" (guidance III.1): exactly so many (SPEC §3).
func (e *evaluator) pilotCluster(name string, us []*Unit) ImplementationResult {
	r := ImplementationResult{ID: "pilot.cluster", Cluster: name}
	var dbs, cbs []*Unit
	for _, u := range us {
		if !u.Pilot {
			continue
		}
		switch u.Type {
		case Committee:
			dbs = append(dbs, u)
		case CellGrassroots:
			cbs = append(cbs, u)
		}
	}
	part := func(n int, label string, pilots []*Unit, want int) string {
		s := fmt.Sprintf("%d %s làm điểm", n, label)
		if n > 0 {
			s += " (" + codes(pilots) + ")"
		}
		return s + fmt.Sprintf(", cần đúng %d", want)
	}
	r.Message = fmt.Sprintf("%s: %s; %s", name,
		part(len(dbs), "đảng bộ cơ sở", dbs, e.th.PilotClusterCommittees),
		part(len(cbs), "chi bộ cơ sở", cbs, e.th.PilotClusterCells))
	r.Status = Met
	if len(dbs) != e.th.PilotClusterCommittees || len(cbs) != e.th.PilotClusterCells {
		r.Status = NotMet
	}
	return r
}
