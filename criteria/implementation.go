package criteria

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// ImplementationChecks are the checks of section III, reported beside the
// verdicts and not part of them. They have no judge in the record: each
// is judged over a set of units (a đảng bộ's chi bộ, a cluster, every unit
// evaluated) by implementation, in the order it documents.
var ImplementationChecks = []CheckDef{
	// III.4.1.
	{ID: "pilot.suborgs", Scope: ScopeCommittee, Sheet: SheetUnits, Title: "Chi bộ trực thuộc làm điểm",
		Keys: []string{"pilot_large_suborgs", "pilot_large_count", "pilot_small_count"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Đảng bộ cơ sở có từ %d chi bộ trực thuộc trở lên chọn ít nhất %d chi bộ làm điểm; đảng bộ có ít hơn chọn ít nhất %d",
				th.PilotLargeSuborgs, th.PilotLargeCount, th.PilotSmallCount)
		}},
	// III.1, first bullet.
	{ID: "pilot.cluster", Scope: ScopeAll, Sheet: SheetUnits, Title: "Đơn vị làm điểm của cụm",
		Keys: []string{"pilot_cluster_committees", "pilot_cluster_cells"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Mỗi cụm có đúng %d đảng bộ cơ sở và %d chi bộ cơ sở làm điểm", th.PilotClusterCommittees, th.PilotClusterCells)
		}},
	// The cap on HTXSNV of the 2025 profile (SPEC §6); see quotaHTXSNV.
	// One result per unit evaluated: a bloc's summary counts the met ones.
	{ID: "quota.htxsnv", Scope: ScopeAll, Sheet: SheetMembers, Title: "Tỷ lệ đảng viên xếp loại HTXSNV", EachUnit: true,
		Keys: []string{"quota_htxsnv", "htxsnv_share", "htxsnv_base", "quota_htxsnv_subordinate", "new_member_months", "new_members_not_rated"},
		Rule: func(th Thresholds) string {
			where := "mỗi chi bộ cơ sở và toàn đảng bộ cơ sở (tính đảng viên của cả đảng bộ)"
			if th.QuotaHTXSNVSubordinate {
				where = "mỗi chi bộ, kể cả chi bộ trực thuộc, và toàn đảng bộ cơ sở (tính đảng viên của cả đảng bộ)"
			}
			return fmt.Sprintf("Số đảng viên xếp loại HTXSNV không quá %s số đảng viên %s%s (Quy định 366-QĐ/TW, Điều 11), ở %s; không tính đảng viên miễn công tác và sinh hoạt đảng, bị đình chỉ sinh hoạt hoặc mới kết nạp chưa xếp loại",
				pct(th.HTXSNVShare), th.HTXSNVBase.Label(), baseNote(th.HTXSNVBase), where)
		},
		On: func(th Thresholds) bool { return th.QuotaHTXSNV }},
	// The same cap over organisations (Quy định 366-QĐ/TW art. 11);
	// see quotaHTXSNVOrgs.
	{ID: quotaOrgsID, Scope: ScopeAll, Sheet: SheetUnits, Title: "Tỷ lệ tổ chức đảng xếp loại HTXSNV",
		Keys: []string{"quota_htxsnv_orgs", "htxsnv_share", "htxsnv_base"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Số tổ chức đảng xếp loại HTXSNV không quá %s số tổ chức %s%s (Quy định 366-QĐ/TW, Điều 11): các chi bộ trực thuộc của mỗi đảng bộ cơ sở, và các chi bộ cơ sở, đảng bộ cơ sở được đánh giá cùng nhau",
				pct(th.HTXSNVShare), th.HTXSNVBase.Label(), baseNote(th.HTXSNVBase))
		},
		On: func(th Thresholds) bool { return th.QuotaHTXSNVOrgs }},
}

// quotaOrgsID is the ID of the cap on HTXSNV organisations, whose results
// the commendation lists read (commendation.go).
const quotaOrgsID = "quota.htxsnv_orgs"

// implementation runs the checks of section III, beside the verdicts:
// pilot.suborgs for each đảng bộ cơ sở in code order, then pilot.cluster
// for each cluster in natural order, then the quota.htxsnv results of the
// units in code order. quotas holds those, made while each unit's rows were
// still there (Options.ReleaseRows), indexed as units; it is nil when the
// rules do not include the check.
func (e *evaluator) implementation(units []*Unit, quotas []ImplementationResult) []ImplementationResult {
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
	if quotas != nil {
		order := make([]int, len(units))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return naturalCompare(units[a].Code, units[b].Code) })
		for _, i := range order {
			if quotas[i].ID != "" { // "": no entry for this unit
				out = append(out, quotas[i])
			}
		}
	}
	if e.th.QuotaHTXSNVOrgs {
		for _, u := range committees {
			out = append(out, e.quotaSuborgs(u))
		}
		if r, ok := e.quotaEvaluated(units); ok {
			out = append(out, r)
		}
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

// baseNote is what the rule text says of HTXSNV beside the base.
func baseNote(b HTXSNVBase) string {
	if b == BaseHTTNV {
		return " (HTXSNV không tính vào số này)"
	}
	return " (HTXSNV tính trong số này)"
}

// quotaCount counts ratings for the HTXSNV cap: top are HTXSNV, good
// exactly HTTNV, blank not rated yet; tops and blanks name them.
type quotaCount struct {
	top, good   int
	tops, blank nameList
}

func (q *quotaCount) add(r Rating, name func() string) {
	switch r {
	case RatingNone:
		if q.blank.want() {
			q.blank.add(name())
		}
	case HTXSNV:
		q.top++
		if q.tops.want() {
			q.tops.add(name())
		}
	case HTTNV:
		q.good++
	}
}

// judgeQuota applies "HTXSNV ≤ share of the base", the base being those
// rated exactly HTTNV or those rated HTTNV or above (Thresholds.HTXSNVBase);
// the largest number allowed is the floor of the product. noun names what
// is rated ("đảng viên", "chi bộ trực thuộc"); unit is how the list of
// those rated HTXSNV counts them ("người", "đơn vị").
//
// A blank rating leaves the result open only while it could change it:
// the check fails when it fails even if every blank were HTTNV (the
// largest base, the smallest count), and passes when it passes even if
// every blank were HTXSNV (the largest count; under the exact-HTTNV base
// also the smallest base): every other assignment lies between the two.
func (e *evaluator) judgeQuota(q *quotaCount, noun, unit string) (Status, string) {
	share, base := e.th.HTXSNVShare, e.th.HTXSNVBase
	// atMost is ⌊share·n⌋ with eps, so that 20% of 15 is 3, not 2.
	atMost := func(n int) int { return int(math.Floor(share*float64(n) + eps)) }
	of := func(top, good int) int { // the base for these counts
		if base == BaseHTTNV {
			return good
		}
		return top + good
	}
	b := q.blank.len()
	n := of(q.top, q.good)
	head := fmt.Sprintf("%d HTXSNV / %d %s %s", q.top, n, noun, base.Label())
	if n > 0 {
		head += " = " + pct(float64(q.top)/float64(n))
	}
	switch best, worst := atMost(of(q.top, q.good+b)), atMost(of(q.top+b, q.good)); {
	case q.top > best:
		msg := fmt.Sprintf("%s, vượt %s (tối đa %d HTXSNV)", head, pct(share), best)
		if b > 0 {
			msg += fmt.Sprintf(" kể cả khi %d %s chưa xếp loại đều đạt HTTNV", b, noun)
		}
		return NotMet, msg + "; xếp loại HTXSNV: " + q.tops.list(unit)
	case q.top+b > worst:
		return MissingData, fmt.Sprintf("%s, cần không quá %s; %d %s chưa được xếp loại: %s", head, pct(share), b, noun, q.blank.list(unit))
	}
	return Met, fmt.Sprintf("%s, không quá %s", head, pct(share))
}

// quotaHTXSNV checks the cap on excellent ratings of members: "số lượng
// đảng viên được xếp loại 'Hoàn thành xuất sắc nhiệm vụ' không vượt quá
// 20% số đảng viên được xếp loại 'Hoàn thành tốt nhiệm vụ'" (Quy định
// 366-QĐ/TW art. 11, after Hướng dẫn 21-HD/BTCTW), the share being
// HTXSNVShare (25 % where the committee above allows it).
//
// The base is HTXSNVBase. The 2025 profile reads the text as written:
// those rated HTTNV, HTXSNV not among them, so 2 HTXSNV beside 8 HTTNV is
// over (20 % of 8 allows 1). The other reading, HTTNV or above, counts
// HTXSNV in the pool they are picked from (2 of 10 passes); a criteria
// file may choose it (htxsnv_base: httnv_or_above).
//
// "Trong từng tổ chức cơ sở đảng": a chi bộ cơ sở counts its own members;
// a đảng bộ cơ sở counts every member of its pool, its own rows and those
// of its chi bộ trực thuộc. A chi bộ trực thuộc gets an entry of its own
// only under QuotaHTXSNVSubordinate: it is not a tổ chức cơ sở đảng, and
// its đảng bộ's pooled entry judges it. ok is false when u gets no entry.
// Exempt and suspended members are rated by no one and left out, and so
// are new members (members.go).
func (e *evaluator) quotaHTXSNV(u *Unit) (r ImplementationResult, ok bool) {
	if u.Type == CellSubordinate && !e.th.QuotaHTXSNVSubordinate {
		return r, false
	}
	r = ImplementationResult{ID: "quota.htxsnv", Unit: u.Code}
	if u.Type != Committee && !u.Sheets.Has(SheetMembers) {
		r.Status, r.Message = MissingData, missingSheet(SheetMembers, "").Message
		return r, true
	}
	var rows int
	var out leftOut
	var q quotaCount
	for _, p := range e.views[u].pool {
		for i := range p.Members {
			m := &p.Members[i]
			rows++
			name := func() string {
				if p != u {
					return m.Name + " (" + p.Code + ", " + m.Source.String() + ")"
				}
				return m.Name + " (" + m.Source.String() + ")"
			}
			if !out.add(e, m, name) {
				q.add(m.Rating, name)
			}
		}
	}
	prefix := ""
	if u.Type == Committee {
		prefix = fmt.Sprintf("Toàn đảng bộ (cùng %d chi bộ trực thuộc): ", len(e.children[u.Code]))
	}
	extra := out.note(e)
	switch {
	case rows == 0 && u.Type == Committee:
		r.Status, r.Message = MissingData, "Trang \"Đảng viên\" không có dòng nào của đảng bộ và các chi bộ trực thuộc"
		return r, true
	case rows == 0:
		r.Status, r.Message = MissingData, "Trang \"Đảng viên\" không có dòng nào của đơn vị"
		return r, true
	case rows == out.total():
		r.Status, r.Message = MissingData, prefix+"Không có đảng viên nào được xếp loại"+extra
		return r, true
	}
	r.Status, r.Message = e.judgeQuota(&q, "đảng viên", "người")
	r.Message = prefix + r.Message + extra
	return r, true
}

// unitName is "CB01 (Chi bộ Phòng Tổ chức)" for the lists of
// quota.htxsnv_orgs.
func unitName(u *Unit) string {
	if u.Name == "" {
		return u.Code
	}
	return u.Code + " (" + u.Name + ")"
}

// quotaSuborgs is quota.htxsnv_orgs over a đảng bộ cơ sở's chi bộ trực
// thuộc: their own ratings in Đơn vị (Quy định 366-QĐ/TW art. 11 caps
// the organisations rated HTXSNV as it caps the members). Unit is the
// đảng bộ's code. Without it, a đảng bộ with 4 chi bộ HTXSNV and 1 HTTNV
// would put all 4 on its commendation list unchecked; the list now
// carries this result (Report.GrassrootsCommendations).
func (e *evaluator) quotaSuborgs(u *Unit) ImplementationResult {
	r := ImplementationResult{ID: quotaOrgsID, Unit: u.Code}
	kids := e.children[u.Code]
	if len(kids) == 0 {
		r.Status = MissingData
		r.Message = fmt.Sprintf("Không có chi bộ trực thuộc nào ghi \"%s\" ở cột Trực thuộc", u.Code)
		return r
	}
	var q quotaCount
	for _, k := range kids {
		q.add(k.Rating, func() string { return unitName(k) })
	}
	r.Status, r.Message = e.judgeQuota(&q, "chi bộ trực thuộc", "đơn vị")
	r.Message = fmt.Sprintf("Chi bộ trực thuộc của %s: %s", u.Code, r.Message)
	return r
}

// quotaEvaluated is quota.htxsnv_orgs over the grassroots organisations
// evaluated together — the chi bộ cơ sở and đảng bộ cơ sở of the
// evaluation, whose ratings the committee above decides (chi bộ trực
// thuộc are their đảng ủy's, quotaSuborgs). Its Unit and Cluster are "":
// it concerns the evaluation as a whole (ImplementationResult.Who). ok is
// false when the evaluation holds fewer than two of them: a chi bộ's own
// workbook is no set to take a share of.
func (e *evaluator) quotaEvaluated(units []*Unit) (r ImplementationResult, ok bool) {
	var us []*Unit
	for _, u := range units {
		if u.Type == CellGrassroots || u.Type == Committee {
			us = append(us, u)
		}
	}
	if len(us) < 2 {
		return r, false
	}
	slices.SortStableFunc(us, func(a, b *Unit) int { return naturalCompare(a.Code, b.Code) })
	var q quotaCount
	for _, u := range us {
		q.add(u.Rating, func() string { return unitName(u) })
	}
	r = ImplementationResult{ID: quotaOrgsID}
	r.Status, r.Message = e.judgeQuota(&q, "tổ chức cơ sở đảng", "đơn vị")
	r.Message = fmt.Sprintf("Các chi bộ cơ sở, đảng bộ cơ sở được đánh giá (%d đơn vị): %s", len(us), r.Message)
	return r, true
}
