package workbooktest

import (
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/bontot/bontot/workbook/schema"
)

// Config sets the size of a generated workbook. The scales are Configs;
// tests use tiny ones.
type Config struct {
	Grassroots int    // đảng bộ cơ sở
	SubCells   [2]int // chi bộ trực thuộc per đảng bộ cơ sở: min, max
	Cells      int    // chi bộ cơ sở
	Members    [2]int // members per chi bộ: min, max (at most 99)
	Thematic   [2]int // thematic meetings per chi bộ a year: min, max (at most 12)
	PerCluster int    // đảng bộ cơ sở per cluster (cụm); 0 for no clusters
	// Prefix goes before every unit code, so that several generated blocs
	// can be evaluated together as one folder without duplicate codes.
	Prefix string
	// Trouble multiplies the chance of every flaw a unit is drawn with (a
	// self-assessment left out, a quarter without a thematic meeting, a
	// weak regular meeting…), and above 1 adds a second poorly attended
	// meeting now and then; 0 or 1 is the usual share, the same bytes as
	// before it existed. ScaleProvinceProblems is the province at 16.
	Trouble float64
}

// ConfigFor returns the configuration of a random scale (bloc, province,
// max); the example has none.
func ConfigFor(s Scale) Config {
	switch s {
	case ScaleProvince:
		return Config{Grassroots: 440, SubCells: [2]int{3, 27}, Cells: 1100, Members: [2]int{8, 24}, Thematic: [2]int{4, 6}, PerCluster: 8}
	case ScaleProvinceProblems:
		c := ConfigFor(ScaleProvince)
		c.Trouble = 16
		return c
	case ScaleMax:
		return Config{Grassroots: 3240, SubCells: [2]int{3, 27}, Cells: 10800, Members: [2]int{8, 25}, Thematic: [2]int{4, 5}, PerCluster: 8}
	}
	return Config{Grassroots: 45, SubCells: [2]int{3, 27}, Cells: 122, Members: [2]int{8, 24}, Thematic: [2]int{4, 5}, PerCluster: 8}
}

func between(r *rand.Rand, lim [2]int) int {
	if lim[1] <= lim[0] {
		return lim[0]
	}
	return lim[0] + r.IntN(lim[1]-lim[0]+1)
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// flaw draws whether a unit has a flaw of usual chance p, raised by trouble.
func flaw(r *rand.Rand, p, trouble float64) bool {
	return chance(r, p*max(trouble, 1))
}

// flawShare raises a threshold out of 100 (of a switch over flaws whose
// thresholds add up) by trouble, at most fourfold so that they stay under 100.
func flawShare(x int, trouble float64) int {
	return int(float64(x) * min(max(trouble, 1), 4))
}

// drawRating draws a unit's own annual rating.
func drawRating(r *rand.Rand) string {
	switch x := r.IntN(100); {
	case x < 20:
		return rXS
	case x < 75:
		return rT
	case x < 97:
		return rHT
	default:
		return rK
	}
}

// numbered gives the i-th name of a list, numbered once the list runs out.
func numbered(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return fmt.Sprintf("%s số %d", list[i%len(list)], i/len(list)+1)
}

// synthPlans draws the units of a random workbook. Most units do well; a
// few fail one check or another, in about the proportions a real bloc shows.
func synthPlans(cfg Config, seed uint64) []*unitPlan {
	r := rand.New(rand.NewPCG(seed, 0x6e6e))
	t := cfg.Trouble
	var ps []*unitPlan
	add := func(p *unitPlan) *unitPlan {
		p.index = len(ps) + 1
		ps = append(ps, p)
		return p
	}
	common := func(p *unitPlan) {
		p.rating = drawRating(r)
		p.ratingFull = chance(r, 0.5)
		p.target = -1
		if p.typ != typeSub && chance(r, 0.4) {
			p.target = 1 + r.IntN(4)
			p.admitted = max(0, p.target-1+r.IntN(3))
		}
		p.criteriaScore = chance(r, 0.4)
		p.weakKey = flaw(r, 0.03, t)
		p.weakOther = flaw(r, 0.04, t)
		if chance(r, 0.08) {
			kind := schema.CaseKinds[r.IntN(len(schema.CaseKinds))]
			res := []string{"Có", "Đã", "Có", "Chưa"}[r.IntN(4)]
			p.cases = []caseRow{{workday(Year, time.Month(1+r.IntN(12)), 1+r.IntN(28)), kind, res}}
		}
		switch x := r.IntN(100); {
		case x < flawShare(2, t):
			p.itemsAbsent = true
		case x < flawShare(7, t):
			p.itemsText = true
		case x < flawShare(17, t):
			p.missingItems = []string{"tc4.q3", "tc4.q4"}[:1+r.IntN(2)]
		case x < flawShare(20, t):
			p.failedItem = []string{"tc1.q3"}
		}
	}
	cell := func(p *unitPlan) {
		common(p)
		n := min(99, between(r, cfg.Members))
		p.members = n
		if chance(r, 0.1) {
			p.exempt = 1
		}
		rated := n - p.exempt
		p.excellent = r.IntN(rated/5 + 1)
		p.fair = r.IntN(rated/4 + 1)
		if flaw(r, 0.03, t) {
			p.khtnv = 1
		}
		p.noFeedback = r.IntN(3)
		if flaw(r, 0.02, t) {
			p.negResidence = 1
		}
		if flaw(r, 0.01, t) {
			p.blankResidence = 1
		}
		if flaw(r, 0.02, t) {
			p.violations = 1
		}
		p.regularGood = 10 + r.IntN(3)
		if flaw(r, 0.1, t) {
			p.regularGood = 7 + r.IntN(2)
		}
		if flaw(r, 0.03, t) {
			p.weakRegular = 1
		}
		if flaw(r, 0.05, t) {
			p.extraRegular = 1 + r.IntN(12)
		}
		if flaw(r, 0.1, t) {
			p.lowAttendMonth = 1 + r.IntN(12)
		}
		if t > 1 && flaw(r, 0.05, t) { // drawn only then: the usual scales stay as they were
			p.lowAttendAlso = 1 + r.IntN(12)
		}
		switch x := r.IntN(100); {
		case x < 15:
			p.groupScores = true
		case x < 25:
			p.bothScores = true
		}
		// One thematic meeting a quarter, then extras; now and then a
		// quarter goes without.
		k := min(12, between(r, cfg.Thematic))
		for q := 0; q < 4 && len(p.thematicMonths) < k; q++ {
			if flaw(r, 0.05, t) {
				continue
			}
			p.thematicMonths = append(p.thematicMonths, 3*q+1+r.IntN(3))
		}
		for len(p.thematicMonths) < k {
			p.thematicMonths = append(p.thematicMonths, 1+r.IntN(12))
		}
	}
	var clusterParents, clusterCells [][]*unitPlan
	cluster := func(i int) string {
		if cfg.PerCluster <= 0 {
			return ""
		}
		return fmt.Sprintf("Cụm %d", i/cfg.PerCluster+1)
	}
	for g := 0; g < cfg.Grassroots; g++ {
		p := add(&unitPlan{code: fmt.Sprintf("%sDB%04d", cfg.Prefix, g+1), name: "Đảng bộ " + numbered(agencies, g),
			typ: typeParent, cluster: cluster(g)})
		common(p)
		nsub := between(r, cfg.SubCells)
		p.standing = nsub >= 10 && chance(r, 0.7)
		p.bchMeetings = 12
		if flaw(r, 0.05, t) {
			p.bchMeetings = 10 + r.IntN(2)
		}
		if p.standing {
			p.btvMeetings = 12 + r.IntN(4)
		}
		p.assemblies = 1
		if chance(r, 0.1) {
			p.assemblies = 2
		} else if flaw(r, 0.03, t) {
			p.assemblies = 0
		}
		if chance(r, 0.6) {
			p.staff = 20 + r.IntN(100)
			p.staffFair = r.IntN(p.staff/5 + 1)
			if flaw(r, 0.03, t) {
				p.staffFail = 1
			}
		}
		p.massOrgs = 3 + r.IntN(2)
		if flaw(r, 0.02, t) {
			p.massFail = 1
		}
		if p.cluster != "" {
			k := g / cfg.PerCluster
			for len(clusterParents) <= k {
				clusterParents = append(clusterParents, nil)
			}
			clusterParents[k] = append(clusterParents[k], p)
		}
		pilots := 1
		if nsub >= 7 {
			pilots = 2
		}
		if chance(r, 0.05) {
			pilots--
		}
		for j := 0; j < nsub; j++ {
			c := add(&unitPlan{code: fmt.Sprintf("%s-%02d", p.code, j+1), name: "Chi bộ " + numbered(departments, j),
				typ: typeSub, parent: p.code, pilot: j < pilots})
			cell(c)
		}
	}
	nclusters := len(clusterParents)
	for i := 0; i < cfg.Cells; i++ {
		p := add(&unitPlan{code: fmt.Sprintf("%sCB%04d", cfg.Prefix, i+1), name: "Chi bộ " + numbered(agencies, (i+cfg.Grassroots)%(len(agencies)*1000)),
			typ: typeCell})
		if nclusters > 0 && chance(r, 0.6) {
			k := r.IntN(nclusters)
			p.cluster = fmt.Sprintf("Cụm %d", k+1)
			for len(clusterCells) <= k {
				clusterCells = append(clusterCells, nil)
			}
			clusterCells[k] = append(clusterCells[k], p)
		}
		cell(p)
		if chance(r, 0.5) {
			p.staff = 8 + r.IntN(30)
			p.staffFair = r.IntN(p.staff/5 + 1)
		}
		p.massOrgs = 2 + r.IntN(3)
	}
	// Pilots per cluster: two đảng bộ cơ sở and one chi bộ cơ sở, now and
	// then one too few.
	for k, list := range clusterParents {
		n := 2
		if chance(r, 0.1) {
			n = 1
		}
		for i := 0; i < n && i < len(list); i++ {
			list[i].pilot = true
		}
		if k < len(clusterCells) && len(clusterCells[k]) > 0 && chance(r, 0.9) {
			clusterCells[k][0].pilot = true
		}
	}
	return ps
}

// WriteConfig writes a random workbook of the given size with the
// streaming writer and returns the data rows written per sheet.
func WriteConfig(w io.Writer, cfg Config, seed uint64) (Stats, error) {
	return writeBook(newStreamSink(w), synthPlans(cfg, seed), seed)
}
