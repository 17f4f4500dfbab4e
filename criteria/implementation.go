package criteria

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// ImplementationChecks are the checks of section III, reported beside the
// verdicts and not part of them.
var ImplementationChecks = []CheckDef{
	// III.4.1.
	{ID: "pilot.suborgs", Scope: ScopeCommittee, Title: "Chi bộ trực thuộc làm điểm",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Đảng bộ cơ sở có từ %d chi bộ trực thuộc trở lên chọn ít nhất %d chi bộ làm điểm; đảng bộ có ít hơn chọn ít nhất %d",
				th.PilotLargeSuborgs, th.PilotLargeCount, th.PilotSmallCount)
		}},
	// III.1, first bullet.
	{ID: "pilot.cluster", Scope: ScopeAll, Title: "Đơn vị làm điểm của cụm",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Mỗi cụm có đúng %d đảng bộ cơ sở và %d chi bộ cơ sở làm điểm", th.PilotClusterCommittees, th.PilotClusterCells)
		}},
	// The cap on HTXSNV of the 2025 profile (SPEC §6); see quotaHTXSNV.
	{ID: "quota.htxsnv", Scope: ScopeAll, Title: "Tỷ lệ đảng viên xếp loại HTXSNV",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Số đảng viên xếp loại HTXSNV không quá %s số đảng viên xếp loại từ HTTNV trở lên (không tính đảng viên miễn công tác và sinh hoạt đảng); đảng bộ cơ sở tính trên đảng viên của cả đảng bộ", pct(th.HTXSNVShare))
		},
		On: func(th Thresholds) bool { return th.QuotaHTXSNV }},
}

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
			out = append(out, quotas[i])
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

// quotaHTXSNV checks the cap on excellent ratings: "số lượng đảng viên được
// xếp loại 'Hoàn thành xuất sắc nhiệm vụ' không vượt quá 20% số đảng viên
// được xếp loại 'Hoàn thành tốt nhiệm vụ' trong từng tổ chức cơ sở đảng"
// (Hướng dẫn 21-HD/BTCTW; kept by the 2025 rules, SPEC §6), the share
// being HTXSNVShare.
//
// "Those rated HTTNV" is read as the members rated HTTNV or above, HTXSNV
// included: HTXSNV is picked from among the members who earn HTTNV (its
// conditions contain every condition of HTTNV), so the cap is a share of
// that pool before the best are picked. Read as "rated exactly HTTNV", the
// cap would shrink with every member promoted, and a chi bộ of five good
// members could not name one HTXSNV (1/4 = 25%). "Not more than" lets 20%
// exactly pass.
//
// "Trong từng tổ chức cơ sở đảng": a chi bộ counts its own members; a đảng
// bộ cơ sở counts every member of its pool, its own rows and those of its
// chi bộ trực thuộc, each of which also gets a result of its own. Exempt
// and suspended members are rated by no one and left out, and so are new
// members not yet rated (members.go). A blank rating leaves the
// result open only when the data does not settle it: the check fails even
// if every blank were HTTNV, and passes even if every blank were HTXSNV.
func (e *evaluator) quotaHTXSNV(u *Unit) ImplementationResult {
	r := ImplementationResult{ID: "quota.htxsnv", Unit: u.Code}
	if u.Type != Committee && !u.Sheets.Has(SheetMembers) {
		r.Status, r.Message = MissingData, missingSheet(SheetMembers, "").Message
		return r
	}
	var rows, top, good int
	var out leftOut
	var tops, blank nameList
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
			switch {
			case out.add(e, m, name):
			case m.Rating == RatingNone:
				if blank.want() {
					blank.add(name())
				}
			case m.Rating == HTXSNV:
				top++
				good++
				if tops.want() {
					tops.add(name())
				}
			case m.Rating == HTTNV:
				good++
			}
		}
	}
	prefix, extra := "", ""
	if u.Type == Committee {
		prefix = fmt.Sprintf("Toàn đảng bộ (cùng %d chi bộ trực thuộc): ", len(e.children[u.Code]))
	}
	extra = out.note(e)
	switch {
	case rows == 0 && u.Type == Committee:
		r.Status, r.Message = MissingData, "Trang \"Đảng viên\" không có dòng nào của đảng bộ và các chi bộ trực thuộc"
		return r
	case rows == 0:
		r.Status, r.Message = MissingData, "Trang \"Đảng viên\" không có dòng nào của đơn vị"
		return r
	case rows == out.total():
		r.Status, r.Message = MissingData, prefix+"Không có đảng viên nào được xếp loại"+extra
		return r
	}
	share := e.th.HTXSNVShare
	// atMost is ⌊share·n⌋ with eps, so that 20% of 15 is 3, not 2.
	atMost := func(n int) int { return int(math.Floor(share*float64(n) + eps)) }
	b := blank.len()
	head := fmt.Sprintf("%d HTXSNV / %d đảng viên xếp loại từ HTTNV trở lên", top, good)
	if good > 0 {
		head += " = " + pct(float64(top)/float64(good))
	}
	switch {
	case top > atMost(good+b):
		r.Status = NotMet
		r.Message = fmt.Sprintf("%s, vượt %s (tối đa %d HTXSNV)", head, pct(share), atMost(good+b))
		if b > 0 {
			r.Message += fmt.Sprintf(" kể cả khi %d đảng viên chưa xếp loại đều đạt HTTNV", b)
		}
		r.Message += "; xếp loại HTXSNV: " + tops.list("người")
	case top+b > atMost(good+b):
		r.Status = MissingData
		r.Message = fmt.Sprintf("%s, cần không quá %s; %d đảng viên chưa được xếp loại: %s", head, pct(share), b, blank.list("người"))
	default:
		r.Status = Met
		r.Message = fmt.Sprintf("%s, không quá %s", head, pct(share))
	}
	r.Message = prefix + r.Message + extra
	return r
}
