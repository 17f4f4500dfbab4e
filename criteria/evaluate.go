package criteria

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
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
	rep.Implementation = e.implementation(ds.Units)
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

func dayKey(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }

// counts reports whether a row dated t is taken into account. An undated
// row (a case with no date) always counts: it happened in the year.
func (e *evaluator) counts(t time.Time) bool {
	return !e.asOf || t.IsZero() || dayKey(t) <= dayKey(e.opts.AsOf)
}

// yearOver reports whether nothing more can happen in the evaluation year:
// always without --as-of, and from 31/12 on with it.
func (e *evaluator) yearOver() bool {
	return !e.asOf || dayKey(e.opts.AsOf) >= e.year*10000+1231
}

// futureRegular is how many regular meetings the rest of the year can
// still hold: one per month after the self-check date's month, plus that
// month itself if it has none yet (SPEC §2, "Self-check"). It is zero
// without --as-of.
func (e *evaluator) futureRegular(v *view) int {
	if !e.asOf {
		return 0
	}
	switch {
	case e.opts.AsOf.Year() > e.year:
		return 0
	case e.opts.AsOf.Year() < e.year:
		return 12
	}
	month := e.opts.AsOf.Month()
	f := 12 - int(month)
	if v.regularByMonth[month] == 0 {
		f++
	}
	return f
}

// deadline is "31/12/2024", the date a self-check counts towards.
func (e *evaluator) deadline() string { return "31/12/" + strconv.Itoa(e.year) }

func regularIn(ms []Meeting, year int, month time.Month) []Meeting {
	var out []Meeting
	for _, m := range ms {
		if m.Kind == Regular && m.Date.Year() == year && m.Date.Month() == month {
			out = append(out, m)
		}
	}
	return out
}

// pool is the unit itself and, for a đảng bộ cơ sở, its chi bộ trực
// thuộc: the units whose rows TC3 and TC4 count (SPEC §2).
func (e *evaluator) pool(u *Unit) []*Unit { return e.views[u].pool }

func (e *evaluator) evaluateUnit(u *Unit) UnitResult {
	v := e.views[u]
	r := UnitResult{Unit: u, Criteria: make([]CriterionResult, 0, len(criterionIDs))}
	// One array holds the unit's checks and items; each criterion takes
	// its part of it.
	all := make([]CheckResult, 0, len(Checks)+len(Items))
	e.decide(u)
	for _, crit := range criterionIDs {
		cr := CriterionResult{ID: crit}
		start := len(all)
		for i := range Checks {
			d := &Checks[i]
			if d.Criterion != crit || !d.AppliesTo(u.Type) {
				continue
			}
			var c CheckResult
			if e.th.Skipped(d.ID) {
				c = CheckResult{Status: NotApplicable, Message: "Không áp dụng: tệp tiêu chí bỏ qua kiểm tra này"}
			} else {
				c = checkFuncs[d.ID](e, v)
			}
			c.ID = d.ID
			all = append(all, c)
		}
		all = e.items(all, crit)
		cr.Checks = all[start:len(all):len(all)]
		cr.Verdict = e.criterionVerdict(cr.Checks)
		r.Criteria = append(r.Criteria, cr)
	}

	var verdicts statusSet
	applicable, met := 0, 0
	for _, cr := range r.Criteria {
		verdicts.add(cr.Verdict)
		if cr.Verdict == Met {
			r.CriteriaMet++
		}
		for _, c := range cr.Checks {
			if c.Item || c.Status == NotApplicable {
				continue
			}
			applicable++
			if c.Status == Met {
				met++
			}
		}
	}
	if applicable > 0 {
		r.MeasuredMet = float64(met) / float64(applicable)
	}
	r.Verdict = verdicts.combine()
	for _, p := range v.pool {
		if p.HasErrors && (p == u || p.errorsReachCommittee()) {
			r.ErrorsIn = append(r.ErrorsIn, p.Code)
		}
	}
	if len(r.ErrorsIn) > 0 {
		r.Verdict = DataError
	}
	// Guidance III.1, second bullet: giấy khen for the outstanding
	// grassroots organisations rated HTXSNV; chi bộ trực thuộc are
	// recognised by their đảng ủy instead (III.4.1).
	r.Commendation = r.Verdict == Met && u.Type != CellSubordinate && u.Rating == HTXSNV

	var sum float64
	var n int
	for _, p := range v.pool {
		if u.Type == Committee && p == u {
			continue // a đảng bộ's mean pools its chi bộ's meetings (SPEC §3)
		}
		ms := e.views[p].meetings
		for i := range ms {
			if m := &ms[i]; m.Kind == Regular && m.HasScore {
				sum += m.Score
				n++
			}
		}
	}
	if n > 0 {
		r.MeanScore, r.HasMeanScore = sum/float64(n), true
	}
	return r
}

// combine is the verdict rule of SPEC §2 for a criterion or a unit: any
// khong_dat fails; otherwise any con_kha_nang keeps it open; otherwise any
// missing data leaves it thieu_du_lieu; otherwise dat.
func combine(statuses []Status) Status {
	var set statusSet
	for _, s := range statuses {
		set.add(s)
	}
	return set.combine()
}

// criterionIDs are the four criteria in order.
var criterionIDs = [...]string{"tc1", "tc2", "tc3", "tc4"}

// statusSet records which of the statuses that decide combine were seen.
type statusSet struct{ notMet, reachable, missing bool }

func (set *statusSet) add(s Status) {
	switch s {
	case NotMet:
		set.notMet = true
	case Reachable:
		set.reachable = true
	case MissingData:
		set.missing = true
	}
}

// combine is the rule of combine over the statuses added.
func (set *statusSet) combine() Status {
	switch {
	case set.notMet:
		return NotMet
	case set.reachable:
		return Reachable
	case set.missing:
		return MissingData
	}
	return Met
}

// criterionVerdict combines a criterion's checks and items; an unrecorded
// item counts as missing data only in strict mode (SPEC §2, "Qualitative
// items").
func (e *evaluator) criterionVerdict(checks []CheckResult) Status {
	var set statusSet
	for i := range checks {
		s := checks[i].Status
		if s == NotAssessed {
			if !e.strict {
				continue
			}
			s = MissingData
		}
		set.add(s)
	}
	return set.combine()
}

// items judges the qualitative items of one criterion from the Tự đánh giá
// sheet. A "Không đạt" row wins over a "Đạt" row for the same item: the
// unit said, somewhere, that it fell short. The results are appended to
// out, from e.decided as decide left it for the unit.
func (e *evaluator) items(out []CheckResult, crit string) []CheckResult {
	for _, it := range Items {
		if it.Criterion != crit {
			continue
		}
		c := CheckResult{ID: it.ID, Item: true, Status: NotAssessed, Message: "Chưa tự đánh giá"}
		if decided := e.decided[e.itemIndex[it.ID]]; decided != nil {
			// One allocation for the message: a province has 12 per unit.
			var buf [128]byte
			b := append(buf[:0], "Đạt"...)
			c.Status = Met
			if !decided.Met {
				b = append(buf[:0], "Không đạt"...)
				c.Status = NotMet
			}
			if decided.Note != "" {
				b = append(append(b, " — "...), decided.Note...)
			}
			b = append(decided.Source.AppendTo(append(b, " ("...)), ')')
			c.Message = string(b)
		}
		out = append(out, c)
	}
	return out
}

// decide finds, for each item, the Tự đánh giá row of u that decides it,
// in one pass over the rows: the last one, except that a "Đạt" row never
// overrides a "Không đạt" one.
func (e *evaluator) decide(u *Unit) {
	clear(e.decided)
	for i := range u.SelfAssessment {
		s := &u.SelfAssessment[i]
		k, ok := e.itemIndex[s.ItemID]
		if !ok {
			continue
		}
		if d := e.decided[k]; d != nil && !d.Met && s.Met {
			continue
		}
		e.decided[k] = s
	}
}

// missingSheet is the result of a check whose sheet is not in the
// workbook: not recorded is not "none" (SPEC §3, "Precise readings").
func missingSheet(s Sheet, who string) CheckResult {
	msg := fmt.Sprintf("Sổ không có trang \"%s\": chưa ghi nhận thì chưa thể coi là không có", s)
	if who != "" {
		msg = fmt.Sprintf("Sổ của %s không có trang \"%s\": chưa ghi nhận thì chưa thể coi là không có", who, s)
	}
	return CheckResult{Status: MissingData, Message: msg}
}

func notApplicable(msg string) CheckResult {
	return CheckResult{Status: NotApplicable, Message: msg}
}

// checkFuncs maps each check ID of Checks to the function that judges it.
var checkFuncs map[string]func(*evaluator, *view) CheckResult

func init() {
	checkFuncs = map[string]func(*evaluator, *view) CheckResult{
		"tc1.key_criteria":       func(e *evaluator, v *view) CheckResult { return e.criteria528(v, true) },
		"tc1.other_criteria":     func(e *evaluator, v *view) CheckResult { return e.criteria528(v, false) },
		"tc1.members_floor":      func(e *evaluator, v *view) CheckResult { return e.members(v, HTNV, e.th.MembersFloorShare) },
		"tc1.members_good":       func(e *evaluator, v *view) CheckResult { return e.members(v, HTTNV, e.th.MembersGoodShare) },
		"tc1.suborgs_floor":      func(e *evaluator, v *view) CheckResult { return e.suborgs(v, HTNV, e.th.SuborgsFloorShare) },
		"tc1.suborgs_good":       func(e *evaluator, v *view) CheckResult { return e.suborgs(v, HTTNV, e.th.SuborgsGoodShare) },
		"tc1.staff_floor":        func(e *evaluator, v *view) CheckResult { return e.staff(v, HTNV, e.th.StaffFloorShare) },
		"tc1.staff_good":         func(e *evaluator, v *view) CheckResult { return e.staff(v, HTTNV, e.th.StaffGoodShare) },
		"tc1.mass_orgs":          (*evaluator).massOrgs,
		"tc1.admission":          (*evaluator).admission,
		"tc1.cases_pending":      (*evaluator).casesPending,
		"tc2.regular_count":      (*evaluator).regularCount,
		"tc2.regular_good":       (*evaluator).regularGood,
		"tc2.regular_no_weak":    (*evaluator).regularNoWeak,
		"tc2.thematic_count":     (*evaluator).thematicCount,
		"tc2.committee_meetings": func(e *evaluator, v *view) CheckResult { return e.committeeCount(v, ExecutiveBoard) },
		"tc2.standing_meetings":  func(e *evaluator, v *view) CheckResult { return e.committeeCount(v, StandingBoard) },
		"tc2.assembly":           func(e *evaluator, v *view) CheckResult { return e.committeeCount(v, Assembly) },
		"tc3.no_complaints":      (*evaluator).noComplaints,
		"tc3.issues_resolved":    (*evaluator).issuesResolved,
		"tc4.no_violations":      (*evaluator).noViolations,
		"tc4.residence":          (*evaluator).residence,
	}
}

// ---- TC1 ----

// criteria528 checks the 528-QĐ/TU criteria of one group (guidance II.1,
// sixth bullet, first "+"). The unit's own rows only: a đảng bộ's TC1
// criteria are its own (SPEC §3).
func (e *evaluator) criteria528(v *view, key bool) CheckResult {
	u := v.u
	if !u.Sheets.Has(SheetCriteria) {
		return missingSheet(SheetCriteria, "")
	}
	floor, group := e.th.OtherCriteriaLevel, "còn lại"
	if key {
		floor, group = e.th.KeyCriteriaLevel, "trọng tâm"
	}
	if len(u.Criteria) == 0 {
		return CheckResult{Status: MissingData, Message: "Trang \"Tiêu chí\" không có dòng nào của đơn vị"}
	}
	var n, ok int
	var below, blank nameList
	for i := range u.Criteria {
		c := &u.Criteria[i]
		if c.Key != key {
			continue
		}
		n++
		lv := c.LevelUnder(e.th)
		switch {
		case lv == LevelNone:
			if blank.want() {
				blank.add(c.Name + " (" + c.Source.String() + ")")
			}
		case lv < floor:
			if below.want() {
				what := lv.Label()
				if c.Level == LevelNone {
					what = num(c.Score) + " điểm, mức " + lv.Label()
				}
				below.add(c.Name + " (" + what + ", " + c.Source.String() + ")")
			}
		default:
			ok++
		}
	}
	if n == 0 {
		return CheckResult{Status: MissingData, Message: fmt.Sprintf("Trang \"Tiêu chí\" không có tiêu chí nhóm %s nào của đơn vị", group)}
	}
	c := CheckResult{Value: ptr(float64(ok) / float64(n)), Threshold: ptr(1)}
	head := fmt.Sprintf("%d/%d tiêu chí nhóm %s đạt mức %s trở lên", ok, n, group, floor.Label())
	switch {
	case below.len() > 0:
		c.Status = NotMet
		c.Message = fmt.Sprintf("%s; dưới mức %s: %s", head, floor.Label(), below.list("tiêu chí"))
	case blank.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%s; chưa ghi mức hoặc điểm: %s", head, blank.list("tiêu chí"))
	default:
		c.Status = Met
		c.Message = head
	}
	return c
}

// rated is one rated person or organisation, for the share-of-ratings
// checks.
type rated struct {
	skip   bool // out of the population (an exempt member)
	name   string
	code   string // the unit code of a chi bộ trực thuộc; "" for a row
	src    Source // the row, when code is ""
	rating Rating
}

// where is "Đảng viên dòng 7" or a unit code, written only for the names
// an evidence sentence shows.
func (p *rated) where() string {
	if p.code != "" {
		return p.code
	}
	return p.src.String()
}

// judgeRatings applies "at least share of pop rated floor or better"
// (guidance II.1, sixth bullet, second and third "+"). A blank rating is
// missing data unless the check fails even if every blank were good:
// a result the data already settles is not left open.
//
// of reads each row of rows as a rated entry, so that no copy of the
// population is made.
func judgeRatings[T any](rows []T, of func(*T) rated, floor Rating, share float64, noun, extra string) CheckResult {
	var n, ok int
	var below, blank nameList
	for i := range rows {
		p := of(&rows[i])
		if p.skip {
			continue
		}
		n++
		switch {
		case p.rating == RatingNone:
			if blank.want() {
				blank.add(p.name + " (" + p.where() + ")")
			}
		case p.rating < floor:
			if below.want() {
				below.add(p.name + " (" + p.rating.Code() + ", " + p.where() + ")")
			}
		default:
			ok++
		}
	}
	c := CheckResult{Value: ptr(float64(ok) / float64(n)), Threshold: ptr(share)}
	head := ratio(ok, n) + " " + noun + " xếp loại từ " + floor.Code() + " trở lên, cần " + atLeast(share)
	switch {
	case !meets(ok+blank.len(), n, share):
		c.Status = NotMet
		c.Message = fmt.Sprintf("%s; %d %s xếp loại dưới %s: %s", head, below.len(), noun, floor.Code(), below.list("người"))
	case blank.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%s; %d %s chưa được xếp loại: %s", head, blank.len(), noun, blank.list("người"))
	default:
		c.Status = Met
		c.Message = head
	}
	c.Message += extra
	return c
}

// members checks the ratings of a chi bộ's own members, the exempt left
// out of the denominator (SPEC §2).
func (e *evaluator) members(v *view, floor Rating, share float64) CheckResult {
	u := v.u
	if !u.Sheets.Has(SheetMembers) {
		return missingSheet(SheetMembers, "")
	}
	if len(u.Members) == 0 {
		return CheckResult{Status: MissingData, Message: "Trang \"Đảng viên\" không có dòng nào của đơn vị"}
	}
	exempt := 0
	for i := range u.Members {
		if u.Members[i].Exempt {
			exempt++
		}
	}
	extra := ""
	if exempt > 0 {
		extra = fmt.Sprintf("; không tính %d đảng viên miễn công tác và sinh hoạt đảng", exempt)
	}
	if exempt == len(u.Members) {
		return CheckResult{Status: MissingData, Message: "Không có đảng viên nào được xếp loại" + extra}
	}
	return judgeRatings(u.Members, func(m *Member) rated {
		return rated{skip: m.Exempt, name: m.Name, src: m.Source, rating: m.Rating}
	}, floor, share, "đảng viên", extra)
}

// suborgs checks the ratings of a đảng bộ's chi bộ trực thuộc, read from
// their own row in Đơn vị.
func (e *evaluator) suborgs(v *view, floor Rating, share float64) CheckResult {
	kids := e.children[v.u.Code]
	if len(kids) == 0 {
		return CheckResult{Status: MissingData, Message: fmt.Sprintf("Không có chi bộ trực thuộc nào ghi \"%s\" ở cột Trực thuộc", v.u.Code)}
	}
	return judgeRatings(kids, func(k **Unit) rated {
		return rated{name: (*k).Name, code: (*k).Code, rating: (*k).Rating}
	}, floor, share, "chi bộ trực thuộc", "")
}

// staff checks the ratings of cán bộ, công chức, viên chức where the
// workbook lists them; an absent sheet or no rows means the unit records
// none (SPEC §3) unless the criteria file requires the list.
func (e *evaluator) staff(v *view, floor Rating, share float64) CheckResult {
	u := v.u
	if len(u.Staff) == 0 {
		if e.th.RequireStaff {
			if !u.Sheets.Has(SheetStaff) {
				return missingSheet(SheetStaff, "")
			}
			return CheckResult{Status: MissingData, Message: "Tệp tiêu chí yêu cầu danh sách cán bộ, công chức, viên chức nhưng trang \"Cán bộ\" không có dòng nào của đơn vị"}
		}
		if !u.Sheets.Has(SheetStaff) {
			return notApplicable("Sổ không có trang \"Cán bộ\": đơn vị không có danh sách cán bộ, công chức, viên chức")
		}
		return notApplicable("Trang \"Cán bộ\" không có dòng nào của đơn vị")
	}
	return judgeRatings(u.Staff, func(p *Person) rated {
		return rated{name: p.Name, src: p.Source, rating: p.Rating}
	}, floor, share, "cán bộ, công chức, viên chức", "")
}

// massOrgs checks the socio-political organisations (guidance II.1, sixth
// bullet, third "+").
func (e *evaluator) massOrgs(v *view) CheckResult {
	u := v.u
	if !u.Sheets.Has(SheetMassOrgs) {
		return missingSheet(SheetMassOrgs, "")
	}
	if len(u.MassOrgs) == 0 {
		if e.th.RequireMassOrgs {
			return CheckResult{Status: MissingData, Message: "Tệp tiêu chí yêu cầu danh sách tổ chức chính trị - xã hội nhưng trang \"Đoàn thể\" không có dòng nào của đơn vị"}
		}
		return notApplicable("Trang \"Đoàn thể\" không có dòng nào của đơn vị: đơn vị không ghi tổ chức chính trị - xã hội nào")
	}
	return judgeRatings(u.MassOrgs, func(o *MassOrg) rated {
		return rated{name: o.Name, src: o.Source, rating: o.Rating}
	}, e.th.MassOrgsFloor, 1, "tổ chức chính trị - xã hội", "")
}

// admission compares new members with the year's target (guidance II.1,
// second bullet). Judged on the figure given, also under --as-of: the
// Đơn vị sheet holds no dates to project from.
func (e *evaluator) admission(v *view) CheckResult {
	u := v.u
	if !u.HasTarget || u.AdmissionTarget <= 0 {
		return notApplicable("Không có chỉ tiêu kết nạp đảng viên")
	}
	if !u.HasAdmitted {
		return CheckResult{Status: MissingData, Threshold: ptr(float64(u.AdmissionTarget)),
			Message: fmt.Sprintf("Chỉ tiêu kết nạp %d đảng viên nhưng cột \"Đã kết nạp\" để trống (%s)", u.AdmissionTarget, u.Source)}
	}
	c := CheckResult{Value: ptr(float64(u.Admitted)), Threshold: ptr(float64(u.AdmissionTarget))}
	c.Message = fmt.Sprintf("Đã kết nạp %d/%d đảng viên theo chỉ tiêu (%s)", u.Admitted, u.AdmissionTarget, u.Source)
	c.Status = Met
	if u.Admitted < u.AdmissionTarget {
		c.Status = NotMet
		c.Message += fmt.Sprintf("; còn thiếu %d", u.AdmissionTarget-u.Admitted)
	}
	return c
}

// caseName is "Khiếu nại 15/03/2024 (Đơn thư vụ việc dòng 5)", with the
// unit code when the case comes from a chi bộ trực thuộc.
func caseName(c *Case, owner *Unit, self *Unit) string {
	s := c.Kind.Label()
	if !c.Date.IsZero() {
		s += " " + date(c.Date)
	}
	if owner != self {
		return s + " (" + owner.Code + ", " + c.Source.String() + ")"
	}
	return s + " (" + c.Source.String() + ")"
}

// casesPending counts every unresolved row of Đơn thư vụ việc, of any kind
// (SPEC §3), of the unit itself: guidance II.1, third bullet, "không để
// vụ việc tồn đọng".
func (e *evaluator) casesPending(v *view) CheckResult {
	u := v.u
	if !u.Sheets.Has(SheetCases) {
		return missingSheet(SheetCases, "")
	}
	var open nameList
	for i := range v.cases {
		if !v.cases[i].Resolved && open.want() {
			open.add(caseName(&v.cases[i], u, u))
		}
	}
	c := CheckResult{Value: ptr(float64(open.len())), Threshold: ptr(0)}
	if open.len() > 0 {
		c.Status = NotMet
		c.Message = fmt.Sprintf("%d đơn thư, vụ việc chưa giải quyết: %s", open.len(), open.list("vụ việc"))
		return c
	}
	c.Status = Met
	if len(v.cases) == 0 {
		c.Message = "Không có đơn thư, vụ việc nào"
	} else {
		c.Message = fmt.Sprintf("Cả %d đơn thư, vụ việc đều đã giải quyết", len(v.cases))
	}
	return c
}

// ---- TC2 ----

// scoredName is "15/03/2024 (85 điểm, Sinh hoạt dòng 5)".
func scoredName(m *Meeting) string {
	if !m.HasScore {
		return meetingDate(m) + " (" + m.Source.String() + ")"
	}
	return meetingDate(m) + " (" + num(m.Score) + " điểm, " + m.Source.String() + ")"
}

// quality is the band of a meeting under the thresholds, QualityNone when
// unscored: Meeting.Quality without copying the meeting and thresholds.
func (e *evaluator) quality(m *Meeting) Quality {
	if !m.HasScore {
		return QualityNone
	}
	return e.th.MeetingQuality(m.Score)
}

// missingMonths lists the months up to last with no regular meeting.
func (e *evaluator) missingMonths(v *view, last int) []string {
	var out []string
	for m := 1; m <= last; m++ {
		if v.regularByMonth[m] == 0 {
			out = append(out, monthName(e.year, m))
		}
	}
	return out
}

// regularCount checks "sinh hoạt chi bộ thường kỳ đủ 12 buổi/năm"
// (guidance II.2, "Đối với chi bộ").
func (e *evaluator) regularCount(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	need := e.th.RegularMeetings
	h := v.nRegular
	f := e.futureRegular(v)
	c := CheckResult{Value: ptr(float64(h)), Threshold: ptr(float64(need))}
	switch {
	case h >= need:
		c.Status = Met
		c.Message = fmt.Sprintf("%d buổi sinh hoạt thường kỳ, cần ít nhất %d", h, need)
	case h+f < need:
		c.Status = NotMet
		if f == 0 {
			c.Message = fmt.Sprintf("%d buổi sinh hoạt thường kỳ, cần ít nhất %d", h, need)
		} else {
			c.Message = fmt.Sprintf("Đã có %d buổi sinh hoạt thường kỳ; %d tháng còn lại (mỗi tháng một buổi) không đủ để đạt %d", h, f, need)
		}
		if missing := e.missingMonths(v, 12-f); len(missing) > 0 {
			c.Message += "; không có buổi nào trong " + listNames(missing, "tháng")
		}
	default:
		c.Status = Reachable
		c.Message = fmt.Sprintf("Đã có %d buổi sinh hoạt thường kỳ; cần thêm %d buổi trong %d tháng còn lại (mỗi tháng một buổi)", h, need-h, f)
	}
	return c
}

// regularGood checks "có 75% trở lên số buổi sinh hoạt đạt chất lượng
// Tốt" (guidance II.2). With n meetings in the year it needs ⌈share·n⌉
// good ones. Under --as-of the year ends with n = held + one per remaining
// month: the best case is every remaining meeting Tốt, the worst none, and
// holding fewer meetings never helps a share that the remaining meetings
// could only raise. Unscored meetings are resolved the same way.
func (e *evaluator) regularGood(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	share := e.th.RegularGoodShare
	h := v.nRegular
	f := e.futureRegular(v)
	var good int
	var notGood, unscored nameList
	for i := range v.meetings {
		m := &v.meetings[i]
		if m.Kind != Regular {
			continue
		}
		switch e.quality(m) {
		case QualityNone:
			if unscored.want() {
				unscored.add(scoredName(m))
			}
		case QualityGood:
			good++
		default:
			if notGood.want() {
				notGood.add(scoredName(m))
			}
		}
	}
	n := h + f
	c := CheckResult{Threshold: ptr(share)}
	if h > 0 {
		c.Value = ptr(float64(good) / float64(h))
	}
	if n == 0 {
		c.Status = NotMet
		c.Message = "Không có buổi sinh hoạt thường kỳ nào"
		return c
	}
	need := needed(share, n)
	head := fmt.Sprintf("%d/%d buổi thường kỳ đạt Tốt", good, h)
	if h > 0 {
		head += fmt.Sprintf(" (%s)", pct(float64(good)/float64(h)))
	}
	tail := ""
	if notGood.len() > 0 {
		tail = "; chưa đạt: " + notGood.list("buổi")
	}
	switch {
	case good >= need:
		c.Status = Met
		if f == 0 {
			c.Message = fmt.Sprintf("%s, cần ít nhất %s%s", head, pct(share), tail)
		} else {
			c.Message = fmt.Sprintf("%s; dù %d buổi còn lại thế nào vẫn đạt ít nhất %d/%d (%s)%s", head, f, good, n, pct(share), tail)
		}
	case good+unscored.len()+f < need:
		c.Status = NotMet
		if f == 0 {
			c.Message = fmt.Sprintf("%s, cần ít nhất %s (%d/%d)%s", head, pct(share), need, n, tail)
		} else {
			c.Message = fmt.Sprintf("%s; cần %d/%d buổi đạt Tốt (%s) nhưng chỉ còn %d buổi: không thể đạt%s", head, need, n, pct(share), f, tail)
		}
	case unscored.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%s; %d buổi chưa có điểm: %s", head, unscored.len(), unscored.list("buổi"))
	default:
		c.Status = Reachable
		c.Message = fmt.Sprintf("%s; cần thêm %d buổi đạt Tốt trong %d buổi còn lại (để đạt %d/%d = %s)%s", head, need-good, f, need, n, pct(share), tail)
	}
	return c
}

// regularNoWeak checks "không có buổi sinh hoạt chất lượng Kém" (guidance
// II.2), on the meetings held so far.
func (e *evaluator) regularNoWeak(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	var weak, unscored nameList
	scored := 0
	for i := range v.meetings {
		m := &v.meetings[i]
		if m.Kind != Regular {
			continue
		}
		switch e.quality(m) {
		case QualityNone:
			if unscored.want() {
				unscored.add(scoredName(m))
			}
		case QualityWeak:
			if weak.want() {
				weak.add(scoredName(m))
			}
			scored++
		default:
			scored++
		}
	}
	c := CheckResult{Value: ptr(float64(weak.len())), Threshold: ptr(0)}
	switch {
	case weak.len() > 0:
		c.Status = NotMet
		c.Message = fmt.Sprintf("%d buổi thường kỳ xếp loại Kém (dưới %s điểm): %s", weak.len(), num(e.th.MeetingAverage), weak.list("buổi"))
	case unscored.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%d buổi thường kỳ chưa có điểm: %s", unscored.len(), unscored.list("buổi"))
	default:
		c.Status = Met
		c.Message = fmt.Sprintf("Không có buổi thường kỳ nào xếp loại Kém (%d buổi đã chấm điểm)", scored)
	}
	return c
}

// countCheck judges "at least need in the year" for meetings the rest of
// the year may hold in any number: open until 31/12 under --as-of.
func (e *evaluator) countCheck(have, need int, noun string) CheckResult {
	c := CheckResult{Value: ptr(float64(have)), Threshold: ptr(float64(need))}
	switch {
	case have >= need:
		c.Status = Met
		c.Message = fmt.Sprintf("%d %s, cần ít nhất %d", have, noun, need)
	case e.yearOver():
		c.Status = NotMet
		c.Message = fmt.Sprintf("%d %s, cần ít nhất %d", have, noun, need)
	default:
		c.Status = Reachable
		c.Message = fmt.Sprintf("Đã có %d %s; cần thêm %d trước %s", have, noun, need-have, e.deadline())
	}
	return c
}

// thematicCount checks "sinh hoạt chuyên đề ít nhất 4 buổi/năm" (guidance
// II.2).
func (e *evaluator) thematicCount(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	c := e.countCheck(v.nThematic, e.th.ThematicMeetings, "buổi sinh hoạt chuyên đề")
	if c.Status == NotMet {
		if q := e.quartersWithoutThematic(v); len(q) > 0 {
			c.Message += "; không có buổi nào trong " + strings.Join(q, ", ")
		}
	}
	return c
}

// committeeCount checks the meetings of a đảng bộ's own bodies (guidance
// II.2, "Đối với đảng bộ cơ sở": the Party Charter and working rules).
// A Đại hội counts as a conference of the whole đảng bộ.
func (e *evaluator) committeeCount(v *view, kind CommitteeKind) CheckResult {
	u := v.u
	n := 0
	for _, m := range v.committee {
		if m.Kind == kind || (kind == Assembly && m.Kind == Congress) {
			n++
		}
	}
	if kind == StandingBoard && !u.Standing {
		msg := "Đảng bộ không có ban thường vụ"
		if n > 0 {
			msg += fmt.Sprintf(" (cột \"Có ban thường vụ\" để trống, nhưng trang \"Họp cấp ủy\" có %d buổi họp ban thường vụ)", n)
		}
		return notApplicable(msg)
	}
	if !u.Sheets.Has(SheetCommittee) {
		return missingSheet(SheetCommittee, "")
	}
	switch kind {
	case ExecutiveBoard:
		return e.countCheck(n, e.th.CommitteeMeetings, "kỳ họp ban chấp hành đảng bộ")
	case StandingBoard:
		return e.countCheck(n, e.th.StandingMeetings, "kỳ họp ban thường vụ đảng ủy")
	}
	return e.countCheck(n, e.th.Assemblies, "hội nghị, đại hội toàn đảng bộ")
}

// ---- TC3 ----

// poolCases gathers the cases of the unit and, for a đảng bộ, of its chi
// bộ trực thuộc; missing names the units whose workbook lacks the sheet.
func (e *evaluator) poolCases(v *view, keep func(*Case) bool) (names nameList, total int, missing []string) {
	for _, p := range v.pool {
		if !p.Sheets.Has(SheetCases) {
			missing = append(missing, p.Code)
			continue
		}
		cases := e.views[p].cases
		for i := range cases {
			if keep(&cases[i]) {
				total++
				if names.want() {
					names.add(caseName(&cases[i], p, v.u))
				}
			}
		}
	}
	return names, total, missing
}

func (e *evaluator) casesMissing(v *view, missing []string) CheckResult {
	if len(missing) == 1 && missing[0] == v.u.Code {
		return missingSheet(SheetCases, "")
	}
	return missingSheet(SheetCases, listNames(missing, "đơn vị"))
}

func (e *evaluator) scopeNote(v *view) string {
	if v.u.Type == Committee {
		return fmt.Sprintf(" (tính cả %d chi bộ trực thuộc)", len(e.children[v.u.Code]))
	}
	return ""
}

// noComplaints checks "không có đơn thư, khiếu nại, tố cáo" (guidance
// II.3, third bullet), resolved or not.
func (e *evaluator) noComplaints(v *view) CheckResult {
	names, n, missing := e.poolCases(v, func(c *Case) bool { return c.Kind != PressingIssue })
	if n > 0 {
		return CheckResult{Status: NotMet, Value: ptr(float64(n)), Threshold: ptr(0),
			Message: fmt.Sprintf("%d đơn thư, khiếu nại, tố cáo%s: %s", n, e.scopeNote(v), names.list("vụ việc"))}
	}
	if len(missing) > 0 {
		return e.casesMissing(v, missing)
	}
	return CheckResult{Status: Met, Value: ptr(0), Threshold: ptr(0),
		Message: "Không có đơn thư, khiếu nại, tố cáo" + e.scopeNote(v)}
}

// issuesResolved checks "phát hiện và giải quyết kịp thời các vấn đề nổi
// cộm" (guidance II.3, third bullet): only the pressing-issue rows.
func (e *evaluator) issuesResolved(v *view) CheckResult {
	names, n, missing := e.poolCases(v, func(c *Case) bool { return c.Kind == PressingIssue && !c.Resolved })
	if n > 0 {
		return CheckResult{Status: NotMet, Value: ptr(float64(n)), Threshold: ptr(0),
			Message: fmt.Sprintf("%d vấn đề nổi cộm chưa giải quyết%s: %s", n, e.scopeNote(v), names.list("vấn đề"))}
	}
	if len(missing) > 0 {
		return e.casesMissing(v, missing)
	}
	_, all, _ := e.poolCases(v, func(c *Case) bool { return c.Kind == PressingIssue })
	msg := "Không có vấn đề nổi cộm nào" + e.scopeNote(v)
	if all > 0 {
		msg = fmt.Sprintf("Cả %d vấn đề nổi cộm đều đã giải quyết%s", all, e.scopeNote(v))
	}
	return CheckResult{Status: Met, Value: ptr(0), Threshold: ptr(0), Message: msg}
}

// ---- TC4 ----

func memberName(m *Member, owner, self *Unit) string {
	if owner != self {
		return m.Name + " (" + owner.Code + ", " + m.Source.String() + ")"
	}
	return m.Name + " (" + m.Source.String() + ")"
}

// poolMembers finds the members TC4 counts: a chi bộ's own, or every
// member of a đảng bộ (SPEC §2). It returns the units whose Members are
// counted and how many members they hold, rather than a copy of them all.
// missing names the units with no member list: members are always
// assessed (SPEC §3), so a chi bộ with no rows leaves the check open.
func (e *evaluator) poolMembers(v *view) (owners []*Unit, n int, missing []string) {
	pool := v.pool
	for _, p := range pool {
		if p.Type == Committee && len(pool) > 1 && len(p.Members) == 0 {
			continue // a đảng bộ's members are listed under its chi bộ
		}
		if !p.Sheets.Has(SheetMembers) || (len(p.Members) == 0 && p.Type.IsCell()) {
			missing = append(missing, p.Code)
			continue
		}
		owners = append(owners, p)
		n += len(p.Members)
	}
	if n == 0 && len(missing) == 0 {
		missing = append(missing, v.u.Code)
	}
	return owners, n, missing
}

func (e *evaluator) membersMissing(v *view, missing []string) CheckResult {
	if len(missing) == 1 && missing[0] == v.u.Code {
		if !v.u.Sheets.Has(SheetMembers) {
			return missingSheet(SheetMembers, "")
		}
		return CheckResult{Status: MissingData, Message: "Trang \"Đảng viên\" không có dòng nào của đơn vị"}
	}
	return CheckResult{Status: MissingData,
		Message: "Chưa có danh sách đảng viên (trang \"Đảng viên\") của " + listNames(missing, "đơn vị")}
}

// noViolations checks "không có đảng viên vi phạm quy định những điều đảng
// viên không được làm" (guidance II.4, third bullet). An exempt member who
// violated still counts: exemption removes them from denominators, not
// from discipline.
func (e *evaluator) noViolations(v *view) CheckResult {
	owners, total, missing := e.poolMembers(v)
	var bad nameList
	for _, p := range owners {
		for i := range p.Members {
			if m := &p.Members[i]; m.Violation && bad.want() {
				bad.add(memberName(m, p, v.u) + violationText(m))
			}
		}
	}
	if bad.len() > 0 {
		return CheckResult{Status: NotMet, Value: ptr(float64(bad.len())), Threshold: ptr(0),
			Message: fmt.Sprintf("%d đảng viên vi phạm Quy định 37-QĐ/TW: %s", bad.len(), bad.list("người"))}
	}
	if len(missing) > 0 {
		return e.membersMissing(v, missing)
	}
	return CheckResult{Status: Met, Value: ptr(0), Threshold: ptr(0),
		Message: fmt.Sprintf("Không có đảng viên vi phạm (%d đảng viên)", total)}
}

// residence checks the feedback of the place of residence (guidance II.4,
// fourth bullet, Quy định 213-QĐ/TW); members exempt or for whom no
// yearly feedback is taken (Hướng dẫn 33-HD/BTCTW) are left out.
func (e *evaluator) residence(v *view) CheckResult {
	owners, _, missing := e.poolMembers(v)
	var neg, blank nameList
	n, pos, out := 0, 0, 0
	for _, p := range owners {
		for i := range p.Members {
			m := &p.Members[i]
			if m.Exempt || m.Residence == ResidenceNotTaken {
				out++
				continue
			}
			n++
			switch m.Residence {
			case ResidencePositive:
				pos++
			case ResidenceNegative:
				if neg.want() {
					neg.add(memberName(m, p, v.u))
				}
			default:
				if blank.want() {
					blank.add(memberName(m, p, v.u))
				}
			}
		}
	}
	extra := ""
	if out > 0 {
		extra = fmt.Sprintf("; không tính %d đảng viên miễn sinh hoạt hoặc không lấy ý kiến nhận xét", out)
	}
	c := CheckResult{Threshold: ptr(1)}
	if n > 0 {
		c.Value = ptr(float64(pos) / float64(n))
	}
	head := ratio(pos, n) + " đảng viên có nhận xét tốt của nơi cư trú"
	switch {
	case neg.len() > 0:
		c.Status = NotMet
		c.Message = fmt.Sprintf("%s; %d đảng viên bị nơi cư trú nhận xét chưa tốt: %s%s", head, neg.len(), neg.list("người"), extra)
	case len(missing) > 0:
		return e.membersMissing(v, missing)
	case blank.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%s; %d đảng viên chưa có nhận xét: %s%s", head, blank.len(), blank.list("người"), extra)
	case n == 0:
		c.Status = Met
		c.Message = "Không có đảng viên nào phải lấy ý kiến nhận xét của nơi cư trú" + extra
	default:
		c.Status = Met
		c.Message = head + extra
	}
	return c
}
