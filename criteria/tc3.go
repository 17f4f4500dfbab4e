package criteria

import (
	"fmt"
)

// tc3Checks are the measured checks of TC3, in the guidance's order: each
// record holds the check's rule and its judge. Neither reads a
// criteria-file key: "không có" has no number to make concrete.
var tc3Checks = []CheckDef{
	// II.3, third bullet.
	{ID: "tc3.no_complaints", Criterion: "tc3", Scope: ScopeAll, Sheet: SheetCases, Title: "Không có đơn thư, khiếu nại, tố cáo",
		Rule:  fixed("Không có đơn thư, khiếu nại, tố cáo trong năm (đảng bộ cơ sở tính cả các chi bộ trực thuộc)"),
		judge: (*evaluator).noComplaints},
	{ID: "tc3.issues_resolved", Criterion: "tc3", Scope: ScopeAll, Sheet: SheetCases, Title: "Giải quyết vấn đề nổi cộm",
		Rule:  fixed("Mọi vấn đề nổi cộm phát sinh đều được giải quyết kịp thời (đảng bộ cơ sở tính cả các chi bộ trực thuộc)"),
		judge: (*evaluator).issuesResolved},
}

// poolCases gathers the cases of the unit and, for a đảng bộ, of its chi
// bộ trực thuộc; missing names the units whose workbook lacks the sheet.
func (e *evaluator) poolCases(v *view, keep func(*Case) bool, field, note string) (names nameList, total int, missing []string) {
	for _, p := range v.pool {
		if !p.Sheets.Has(SheetCases) {
			missing = append(missing, p.Code)
			continue
		}
		cases := e.views[p].cases
		for i := range cases {
			if keep(&cases[i]) {
				total++
				names.at(cases[i].Source, field, note)
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
	names, n, missing := e.poolCases(v, func(c *Case) bool { return c.Kind != PressingIssue }, "kind", "đơn thư, khiếu nại, tố cáo trong năm")
	if n > 0 {
		return CheckResult{Status: NotMet, Value: ptr(float64(n)), Threshold: ptr(0),
			Message: fmt.Sprintf("%d đơn thư, khiếu nại, tố cáo%s: %s", n, e.scopeNote(v), names.list("vụ việc")),
			Cites:   citesOf(&names)}
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
	names, n, missing := e.poolCases(v, func(c *Case) bool { return c.Kind == PressingIssue && !c.Resolved }, "resolved", "vấn đề nổi cộm chưa giải quyết")
	if n > 0 {
		c := CheckResult{Status: NotMet, Value: ptr(float64(n)), Threshold: ptr(0),
			Message: fmt.Sprintf("%d vấn đề nổi cộm chưa giải quyết%s: %s", n, e.scopeNote(v), names.list("vấn đề")),
			Fix:     "giải quyết dứt điểm rồi ghi \"Có\" ở cột Đã giải quyết", Cites: citesOf(&names)}
		if !e.yearOver() {
			// An issue open mid-year may still be settled in the year.
			c.Status = Reachable
			c.Message += "; cần giải quyết trước " + e.deadline()
		}
		return c
	}
	if len(missing) > 0 {
		return e.casesMissing(v, missing)
	}
	_, all, _ := e.poolCases(v, func(c *Case) bool { return c.Kind == PressingIssue }, "", "")
	msg := "Không có vấn đề nổi cộm nào" + e.scopeNote(v)
	if all > 0 {
		msg = fmt.Sprintf("Cả %d vấn đề nổi cộm đều đã giải quyết%s", all, e.scopeNote(v))
	}
	return CheckResult{Status: Met, Value: ptr(0), Threshold: ptr(0), Message: msg}
}
