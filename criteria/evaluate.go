package criteria

import (
	"fmt"
)

// evaluateUnit runs every check and item that applies to u and combines
// them into criterion and unit verdicts (SPEC §2, "Verdicts").
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
			if d.Criterion != crit || !d.AppliesTo(u.Type) || !d.Enabled(e.th) {
				continue
			}
			var c CheckResult
			if e.th.Skipped(d.ID) {
				c = CheckResult{Status: NotApplicable, Message: "Không áp dụng: tệp tiêu chí bỏ qua kiểm tra này"}
			} else {
				c = d.judge(e, v)
			}
			if c.Status == Met || c.Status == NotApplicable {
				// A met check's lists (the meetings not scored Tốt of a
				// share that is still reached) mark nothing to fix.
				c.Cites = nil
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
		if p.HasErrors && ((p == u && p.errorsReachVerdict()) || (p != u && p.errorsReachCommittee())) {
			r.ErrorsIn = append(r.ErrorsIn, p.Code)
		}
	}
	if len(r.ErrorsIn) > 0 {
		r.Verdict = DataError
	}
	// Guidance III.1 and Hướng dẫn 06-HD/TW: see commendation.go.
	r.Commendation, r.CommendationLevel = e.commendation(u, r.Verdict)
	r.History = e.history(u, r.Verdict)

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
