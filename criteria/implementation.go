package criteria

import (
	"fmt"
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
