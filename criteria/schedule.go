package criteria

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Evaluate judges every unit of ds against th: the checks and items of
// SPEC §2, criterion and unit verdicts, commendation, the implementation
// checks of section III, the ranking, and the warnings about meetings. It
// does no I/O and returns the same report for the same input.
func Evaluate(ds *Dataset, th Thresholds, opts Options) *Report {
	e := newEvaluator(ds, th, opts)
	rep := &Report{
		Year:       e.year,
		AsOf:       opts.AsOf,
		Thresholds: th,
		Rules:      Rules{Profile: th.Profile},
		Units:      make([]UnitResult, 0, len(ds.Units)),
	}
	// needers counts, in each view, the evaluations still to come that
	// read a unit's rows: those whose pool holds it, its own and its đảng
	// bộ's (SPEC §2). The last one to finish drops the rows.
	if opts.ReleaseRows {
		for _, u := range ds.Units {
			for _, p := range e.pool(u) {
				e.views[p].needers.Add(1)
			}
		}
	}
	// Units are independent but for the rows a đảng bộ pools from its chi
	// bộ, which are only read: every core takes the next few units as it
	// becomes free (a đảng bộ pooling hundreds of rows costs many chi bộ),
	// each with scratch space of its own, and results and warnings are kept
	// in unit order, so the report is that of one core.
	n := len(ds.Units)
	rep.Units = rep.Units[:n]
	warns := make([][]Problem, n)
	// quota.htxsnv counts members, whose rows ReleaseRows drops: it is
	// judged beside each unit's evaluation and reported with section III.
	var quotas []ImplementationResult
	if th.QuotaHTXSNV {
		quotas = make([]ImplementationResult, n)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		ev := *e
		ev.decided, ev.warnings = make([]*SelfItem, len(Items)), nil
		wg.Go(func() {
			for {
				lo := int(next.Add(evalChunk)) - evalChunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+evalChunk, n); i++ {
					u := ds.Units[i]
					rep.Units[i] = ev.evaluateUnit(u)
					if quotas != nil {
						quotas[i], _ = ev.quotaHTXSNV(u)
					}
					before := len(ev.warnings)
					ev.warn(u)
					warns[i] = ev.warnings[before:]
					if !opts.ReleaseRows {
						continue
					}
					for _, p := range ev.pool(u) {
						ev.done(p)
					}
				}
			}
		})
	}
	wg.Wait()
	for _, ws := range warns {
		e.warnings = append(e.warnings, ws...)
	}
	rank(rep.Units)
	rep.Implementation = e.implementation(ds.Units, quotas)
	rep.Problems = make([]Problem, 0, len(ds.Problems)+len(e.warnings))
	rep.Problems = append(rep.Problems, ds.Problems...)
	rep.Problems = append(rep.Problems, e.warnings...)
	return rep
}

// evaluator carries what every check needs: thresholds, the self-check
// date, the chi bộ trực thuộc of each đảng bộ, and each unit's rows
// narrowed to the dates that count.
type evaluator struct {
	th       Thresholds
	opts     Options
	strict   bool
	year     int
	asOf     bool
	children map[string][]*Unit
	views    map[*Unit]*view
	warnings []Problem
	// itemIndex is each item's position in Items; decided is scratch space
	// for items, the row that decides each item of the unit at hand.
	itemIndex map[string]int
	decided   []*SelfItem
}

// view is a unit's dated rows up to the self-check date (all of them
// without --as-of): "only data dated up to DATE counts" (SPEC §2). The
// figures below them are taken once, when the view is made: the checks
// and warnings each ask for them, and a province has 100 000 meetings.
type view struct {
	u         *Unit
	meetings  []Meeting
	committee []CommitteeMeeting
	cases     []Case
	// pool is the unit itself and, for a đảng bộ cơ sở, its chi bộ trực
	// thuộc: the units whose rows TC3 and TC4 count (SPEC §2).
	pool []*Unit

	nRegular       int     // regular meetings, any year
	regularByMonth [13]int // regular meetings of the evaluation year, by month
	nThematic      int     // thematic meetings, any year
	thematicQ      [5]bool // a thematic meeting in quarter q, any year
	thematicQYear  [5]bool // the same, in the evaluation year

	needers atomic.Int32 // see Evaluate
}

func newEvaluator(ds *Dataset, th Thresholds, opts Options) *evaluator {
	e := &evaluator{
		th:       th,
		opts:     opts,
		strict:   opts.Strict || th.Strict,
		year:     ds.Year,
		asOf:     !opts.AsOf.IsZero(),
		children: map[string][]*Unit{},
		views:    make(map[*Unit]*view, len(ds.Units)),

		itemIndex: make(map[string]int, len(Items)),
		decided:   make([]*SelfItem, len(Items)),
	}
	for i, it := range Items {
		if _, dup := e.itemIndex[it.ID]; !dup {
			e.itemIndex[it.ID] = i
		}
	}
	if e.year == 0 && e.asOf {
		e.year = opts.AsOf.Year()
	}
	views := make([]view, len(ds.Units))
	// One backing array for the one-unit pools of every chi bộ.
	self := make([]*Unit, len(ds.Units))
	for i, u := range ds.Units {
		if u.Parent != "" {
			e.children[u.Parent] = append(e.children[u.Parent], u)
		}
		v := &views[i]
		v.u = u
		self[i] = u
		v.pool = self[i : i+1 : i+1]
		e.views[u] = v
	}
	// Narrowing and counting each unit's rows reads every meeting of the
	// dataset: on every core, a share of the units each.
	var wg sync.WaitGroup
	workers := max(1, runtime.GOMAXPROCS(0))
	for w := range workers {
		wg.Go(func() {
			for i := w * len(views) / workers; i < (w+1)*len(views)/workers; i++ {
				e.count(&views[i])
			}
		})
	}
	wg.Wait()
	for i := range views {
		if u := views[i].u; u.Type == Committee {
			views[i].pool = append([]*Unit{u}, e.children[u.Code]...)
		}
	}
	return e
}

// count narrows v's rows to the dates that count and tallies its meetings.
func (e *evaluator) count(v *view) {
	u := v.u
	v.meetings = keep(u.Meetings, func(m *Meeting) bool { return e.counts(m.Date) })
	v.committee = keep(u.CommitteeMeetings, func(m *CommitteeMeeting) bool { return e.counts(m.Date) })
	v.cases = keep(u.Cases, func(c *Case) bool { return e.counts(c.Date) })
	for j := range v.meetings {
		m := &v.meetings[j]
		year, month, _ := m.Date.Date()
		q := (int(month)-1)/3 + 1
		switch m.Kind {
		case Regular:
			v.nRegular++
			if year == e.year {
				v.regularByMonth[month]++
			}
		case Thematic:
			v.nThematic++
			v.thematicQ[q] = true
			if year == e.year {
				v.thematicQYear[q] = true
			}
		}
	}
}

// evalChunk is how many units a core takes at a time in Evaluate: few
// enough that the cores finish together, enough that taking them is cheap.
const evalChunk = 16

// done records that one evaluation needing u's rows is over, and drops the
// rows when it was the last (Options.ReleaseRows). No evaluation reads
// them after that, so no other core is touching them.
func (e *evaluator) done(u *Unit) {
	v := e.views[u]
	if v.needers.Add(-1) > 0 {
		return
	}
	u.Meetings, u.CommitteeMeetings, u.Members, u.Staff = nil, nil, nil, nil
	u.MassOrgs, u.Criteria, u.Cases, u.SelfAssessment = nil, nil, nil, nil
	v.meetings, v.committee, v.cases = nil, nil, nil
}

// keep returns the rows of rs that ok accepts, in order. When it accepts
// them all, as it does without --as-of, it returns rs itself: the rows are
// never modified, so the view may share them with the unit.
func keep[T any](rs []T, ok func(*T) bool) []T {
	for i := range rs {
		if ok(&rs[i]) {
			continue
		}
		out := append(make([]T, 0, len(rs)-1), rs[:i]...)
		for j := i + 1; j < len(rs); j++ {
			if ok(&rs[j]) {
				out = append(out, rs[j])
			}
		}
		return out
	}
	return rs
}

// pool is the unit itself and, for a đảng bộ cơ sở, its chi bộ trực
// thuộc: the units whose rows TC3 and TC4 count (SPEC §2).
func (e *evaluator) pool(u *Unit) []*Unit { return e.views[u].pool }
