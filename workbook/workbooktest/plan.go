package workbooktest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
)

// Unit types as the Loại column of Đơn vị writes them.
var (
	typeCell   = schema.UnitTypes[0] // Chi bộ cơ sở
	typeSub    = schema.UnitTypes[1] // Chi bộ trực thuộc
	typeParent = schema.UnitTypes[2] // Đảng bộ cơ sở
)

// Ratings, abbreviated as member lists usually write them.
const (
	rXS = "HTXSNV"
	rT  = "HTTNV"
	rHT = "HTNV"
	rK  = "KHTNV"
)

// fullRating spells a rating code out, as the Đơn vị sheet writes it.
func fullRating(code string) string {
	for i, c := range schema.RatingCodes {
		if c == code {
			return schema.Ratings[i]
		}
	}
	return code
}

// caseRow is one row of Đơn thư vụ việc.
type caseRow struct {
	day      date
	kind     string // a schema.CaseKinds value
	resolved string // Có / Đã / Chưa
}

// unitPlan holds the knobs that decide every row of one unit. The example
// sets them by hand so that each unit shows something; the large scales
// draw them at random. Rows are drawn from a generator seeded by the unit's
// index and the sheet, so each sheet can be written on its own.
type unitPlan struct {
	index                    int
	code, name, typ          string
	parent, cluster          string
	pilot, standing          bool
	rating                   string // own annual rating, a code (HTXSNV…) or ""
	target, admitted         int    // target < 0: no admission target
	ratingFull               bool   // write the rating in full in Đơn vị
	itemsText, itemsAbsent   bool   // Tự đánh giá: item text instead of ID; no rows at all
	missingItems, failedItem []string

	// Chi bộ: members and their ratings. Members not counted in exempt,
	// khtnv, excellent or fair are rated HTTNV.
	members, exempt            int
	khtnv, excellent, fair     int
	noFeedback, negResidence   int
	blankResidence, violations int
	regularGood, weakRegular   int // of the 12 monthly regular meetings
	extraRegular               int // a month with a second regular meeting; 0 none
	thematicMonths             []int
	lowAttendMonth             int  // a regular meeting with low attendance; 0 none
	lowAttendAlso              int  // a second one (Config.Trouble); 0 none
	groupScores                bool // five group scores instead of a total
	bothScores                 bool // total and group scores

	// Đảng bộ cơ sở: committee meetings.
	bchMeetings, btvMeetings, assemblies int

	staff, staffFair, staffFail int
	massOrgs, massFail          int
	criteriaScore               bool
	weakKey, weakOther          bool
	cases                       []caseRow

	// history: the unit's earlier years, for the Lịch sử sheet of the
	// books that have one (historySheetPlan).
	history []pastYear
}

// pastYear is one row of Lịch sử: a year, the unit's rating that year (a
// code) and Bốn tốt as written ("" blank).
type pastYear struct {
	year             int
	rating, fourGood string
}

func (p *unitPlan) isCell() bool { return p.typ != typeParent }

// rng returns the generator of one sheet of one unit.
func (p *unitPlan) rng(seed uint64, sheet criteria.Sheet) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(p.index)<<8|uint64(sheet)+1))
}

func workday(y int, m time.Month, d int) date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	switch t.Weekday() {
	case time.Saturday:
		t = t.AddDate(0, 0, 2)
	case time.Sunday:
		t = t.AddDate(0, 0, 1)
	}
	return date{t.Year(), t.Month(), t.Day()}
}

func yesNo(b bool) any {
	if b {
		return "Có"
	}
	return nil
}

func orNil(n int, ok bool) any {
	if !ok {
		return nil
	}
	return n
}

// The sheets, their layout and the rows each unit contributes.

func unitsSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetUnits), stt: true,
		headers: headers(criteria.SheetUnits, "code", "name", "type", "parent", "cluster", "pilot", "standing", "rating", "target", "admitted"),
		widths:  []float64{11, 48, 18, 11, 8, 10, 12, 30, 10, 10}}
}

func (p *unitPlan) unitRow(emit func([]any) error) error {
	rating := any(nil)
	if p.rating != "" {
		rating = p.rating
		if p.ratingFull {
			rating = fullRating(p.rating)
		}
	}
	parent, cluster := any(nil), any(nil)
	if p.parent != "" {
		parent = p.parent
	}
	if p.cluster != "" {
		cluster = p.cluster
	}
	standing := any(nil)
	if p.typ == typeParent {
		standing = "Không"
		if p.standing {
			standing = "Có"
		}
	}
	return emit([]any{p.code, p.name, p.typ, parent, cluster, yesNo(p.pilot), standing, rating,
		orNil(p.target, p.target >= 0), orNil(p.admitted, p.target >= 0)})
}

func meetingsSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetMeetings),
		headers: headers(criteria.SheetMeetings, "unit", "date", "kind", "score", "g1", "g2", "g3", "g4", "g5", "present", "total", "note"),
		widths:  []float64{11, 12, 11, 8, 12, 10, 10, 10, 10, 9, 12, 50}}
}

// meetingRows writes a chi bộ's year of meetings: one regular meeting a
// month (plus extraRegular) and the thematic ones, in date order.
func (p *unitPlan) meetingRows(seed uint64, emit func([]any) error) error {
	if !p.isCell() {
		return nil
	}
	r := p.rng(seed, criteria.SheetMeetings)
	// Which regular meetings score tốt, kém or khá.
	quality := make([]byte, 12) // 'g' tốt, 'w' kém, 'f' khá
	for i := range quality {
		quality[i] = 'f'
	}
	perm := r.Perm(12)
	for i, m := range perm {
		switch {
		case i < p.regularGood:
			quality[m] = 'g'
		case i < p.regularGood+p.weakRegular:
			quality[m] = 'w'
		}
	}
	total := p.members - p.exempt
	day := 3 + r.IntN(6) // the cell's usual meeting day
	tday := 18 + r.IntN(6)
	topic := r.IntN(len(thematicTopics))
	tmonths := map[int]int{}
	for _, m := range p.thematicMonths {
		tmonths[m]++
	}
	for m := 1; m <= 12; m++ {
		meet := func(d date, kind string, q byte, note string, low bool) error {
			var score float64
			switch q {
			case 'g':
				score = float64(90 + r.IntN(9))
			case 'w':
				score = float64(40 + r.IntN(9))
			default:
				score = float64(72 + r.IntN(17))
			}
			if r.IntN(5) == 0 && score < 98 && q != 'w' {
				score += 0.5
			}
			present := total
			if low {
				present = total * 7 / 10
			} else if maxAbs := (total*15 - 1) / 100; maxAbs > 0 {
				// present/total stays above 85%.
				present -= r.IntN(maxAbs + 1)
			}
			row := []any{p.code, d, kind, score, nil, nil, nil, nil, nil, present, total, nil}
			if p.groupScores || p.bothScores {
				g := splitScore(r, score)
				for i := range g {
					row[4+i] = g[i]
				}
				if !p.bothScores {
					row[3] = nil
				}
			}
			if note != "" {
				row[11] = note
			}
			return emit(row)
		}
		if err := meet(workday(Year, time.Month(m), day), schema.MeetingKinds[0], quality[m-1], "", m == p.lowAttendMonth || m == p.lowAttendAlso); err != nil {
			return err
		}
		if m == p.extraRegular {
			if err := meet(workday(Year, time.Month(m), day+14), schema.MeetingKinds[0], 'g', "Sinh hoạt bổ sung triển khai nghị quyết của cấp trên", false); err != nil {
				return err
			}
		}
		for k := 0; k < tmonths[m]; k++ {
			note := thematicTopics[topic%len(thematicTopics)]
			topic++
			if err := meet(workday(Year, time.Month(m), tday+2*k), schema.MeetingKinds[1], 'g', note, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// splitScore splits a total (0–100) into five group scores of at most 20
// that add up to it exactly.
func splitScore(r *rand.Rand, total float64) [5]float64 {
	g := [5]float64{20, 20, 20, 20, 20}
	deficit := 100 - total
	for deficit > 0 {
		i := r.IntN(5)
		step := 1.0
		if deficit < 1 {
			step = deficit
		}
		if g[i] >= step {
			g[i] -= step
			deficit -= step
		}
	}
	return g
}

func committeeSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetCommittee),
		headers: headers(criteria.SheetCommittee, "unit", "date", "kind"), widths: []float64{11, 12, 18}}
}

// committeeRows writes a đảng bộ's committee meetings: ban chấp hành late
// in the month, ban thường vụ early in the month, and its conferences.
func (p *unitPlan) committeeRows(seed uint64, emit func([]any) error) error {
	if p.typ != typeParent {
		return nil
	}
	r := p.rng(seed, criteria.SheetCommittee)
	bday, sday := 24+r.IntN(4), 8+r.IntN(5)
	// held reports whether the n-th body meets in month m: monthly, the
	// missing months (n < 12) in the summer, extra meetings (n > 12) early
	// in the year.
	held := func(m, n int) int {
		switch {
		case n <= 0:
			return 0
		case n < 12 && m >= 7 && m < 7+12-n:
			return 0
		case n > 12 && m <= n-12:
			return 2
		}
		return 1
	}
	for m := 1; m <= 12; m++ {
		mon := time.Month(m)
		var month [][]any
		for k := 0; k < held(m, p.btvMeetings); k++ {
			month = append(month, []any{p.code, workday(Year, mon, sday+14*k), schema.CommitteeKinds[1]})
		}
		if (m == 7 && p.assemblies > 0) || (m == 12 && p.assemblies > 1) {
			month = append(month, []any{p.code, workday(Year, mon, 16), schema.CommitteeKinds[2]})
		}
		for k := 0; k < held(m, p.bchMeetings); k++ {
			month = append(month, []any{p.code, workday(Year, mon, bday-12*k), schema.CommitteeKinds[0]})
		}
		slices.SortStableFunc(month, func(a, b []any) int { return a[1].(date).serial() - b[1].(date).serial() })
		for _, row := range month {
			if err := emit(row); err != nil {
				return err
			}
		}
	}
	return nil
}

func membersSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetMembers), stt: true,
		title:   fmt.Sprintf("DANH SÁCH ĐẢNG VIÊN NĂM %d", Year),
		headers: headers(criteria.SheetMembers, "unit", "name", "id", "exempt", "rating", "violation", "residence"),
		widths:  []float64{11, 28, 13, 10, 11, 9, 18}}
}

// memberRows writes a chi bộ's members. The counts of the plan are exact;
// who gets which rating is drawn.
func (p *unitPlan) memberRows(seed uint64, emit func([]any) error) error {
	if !p.isCell() {
		return nil
	}
	r := p.rng(seed, criteria.SheetMembers)
	type member struct {
		exempt, viol      bool
		rating, residence string
	}
	ms := make([]member, p.members)
	i := 0
	take := func(n int, f func(*member)) {
		for ; n > 0 && i < len(ms); n-- {
			f(&ms[i])
			i++
		}
	}
	for j := range ms {
		ms[j].rating = rT
	}
	take(p.exempt, func(m *member) { m.exempt, m.rating = true, "" })
	take(p.khtnv, func(m *member) { m.rating = rK })
	take(p.excellent, func(m *member) { m.rating = rXS })
	take(p.fair, func(m *member) { m.rating = rHT })
	// Residence feedback over the rated members, in a separate shuffle.
	rated := r.Perm(p.members)
	i = 0
	var pick []int
	for _, j := range rated {
		if !ms[j].exempt {
			pick = append(pick, j)
		}
	}
	for k, j := range pick {
		switch {
		case k < p.noFeedback:
			ms[j].residence = "Không lấy ý kiến"
		case k < p.noFeedback+p.negResidence:
			ms[j].residence = "Chưa tốt"
		case k < p.noFeedback+p.negResidence+p.blankResidence:
			ms[j].residence = ""
		case k < p.noFeedback+p.negResidence+p.blankResidence+p.violations:
			ms[j].viol, ms[j].residence = true, "Tốt"
		default:
			ms[j].residence = [...]string{"Tốt", "Tốt", "Tốt", "Khá", "Hoàn thành"}[r.IntN(5)]
		}
	}
	order := r.Perm(p.members)
	base := 25000000 + p.index*100
	for k, j := range order {
		m := ms[j]
		row := []any{p.code, personName(r), fmt.Sprintf("%08d", base+k), yesNo(m.exempt), nil, nil, nil}
		if m.rating != "" {
			row[4] = m.rating
		}
		if m.viol {
			row[5] = "Có"
		}
		if m.residence != "" {
			row[6] = m.residence
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

func staffSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetStaff), stt: true,
		title:   fmt.Sprintf("DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM %d", Year),
		headers: headers(criteria.SheetStaff, "unit", "name", "rating"), widths: []float64{11, 28, 30}}
}

func (p *unitPlan) staffRows(seed uint64, emit func([]any) error) error {
	r := p.rng(seed, criteria.SheetStaff)
	for k := 0; k < p.staff; k++ {
		rating := schema.Ratings[1]
		switch {
		case k < p.staffFail:
			rating = schema.Ratings[3]
		case k < p.staffFail+p.staffFair:
			rating = schema.Ratings[2]
		case r.IntN(6) == 0:
			rating = schema.Ratings[0]
		}
		if err := emit([]any{p.code, personName(r), rating}); err != nil {
			return err
		}
	}
	return nil
}

func massOrgsSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetMassOrgs),
		headers: headers(criteria.SheetMassOrgs, "unit", "org", "rating"), widths: []float64{11, 24, 30}}
}

func (p *unitPlan) massOrgRows(seed uint64, emit func([]any) error) error {
	r := p.rng(seed, criteria.SheetMassOrgs)
	for k := 0; k < p.massOrgs && k < len(massOrgNames); k++ {
		rating := []string{rXS, rT, rT}[r.IntN(3)]
		if k < p.massFail {
			rating = rK
		}
		if err := emit([]any{p.code, massOrgNames[k], rating}); err != nil {
			return err
		}
	}
	return nil
}

func criteriaSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetCriteria),
		headers: headers(criteria.SheetCriteria, "unit", "criterion", "group", "level", "score"),
		widths:  []float64{11, 60, 12, 12, 8}}
}

// criteriaRows writes the 528-QĐ/TU criteria, as levels or as scores.
func (p *unitPlan) criteriaRows(seed uint64, emit func([]any) error) error {
	r := p.rng(seed, criteria.SheetCriteria)
	row := func(name, group string, key, weak bool) error {
		var level string
		var score int
		switch {
		case weak:
			level, score = schema.Levels[3], 40+r.IntN(9)
		case key:
			level, score = schema.Levels[r.IntN(2)], 75+r.IntN(22)
		default:
			level, score = schema.Levels[r.IntN(3)], 55+r.IntN(41)
			if r.IntN(3) > 0 && level == schema.Levels[2] {
				level = schema.Levels[1]
			}
		}
		if p.criteriaScore {
			return emit([]any{p.code, name, group, nil, score})
		}
		return emit([]any{p.code, name, group, level, nil})
	}
	for k, n := range criteriaKey {
		if err := row(n, schema.CriteriaGroups[0], true, p.weakKey && k == 1); err != nil {
			return err
		}
	}
	for k, n := range criteriaOther {
		if err := row(n, schema.CriteriaGroups[1], false, p.weakOther && k == 2); err != nil {
			return err
		}
	}
	return nil
}

func casesSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetCases),
		headers: headers(criteria.SheetCases, "unit", "date", "kind", "resolved"), widths: []float64{11, 12, 16, 14}}
}

func (p *unitPlan) caseRows(_ uint64, emit func([]any) error) error {
	for _, c := range p.cases {
		if err := emit([]any{p.code, c.day, c.kind, c.resolved}); err != nil {
			return err
		}
	}
	return nil
}

func itemsSpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetSelfAssessment),
		headers: headers(criteria.SheetSelfAssessment, "unit", "item", "result", "note"), widths: []float64{11, 40, 10, 40}}
}

var itemNotes = []string{"", "", "", "Có minh chứng kèm theo báo cáo tổng kết", "Theo nghị quyết chi bộ", "Đã rút kinh nghiệm tại kỳ sinh hoạt tháng 6"}

func (p *unitPlan) itemRows(seed uint64, emit func([]any) error) error {
	if p.itemsAbsent {
		return nil
	}
	r := p.rng(seed, criteria.SheetSelfAssessment)
	for _, it := range criteria.Items {
		if contains(p.missingItems, it.ID) {
			continue
		}
		item, result, note := it.ID, schema.Results[0], itemNotes[r.IntN(len(itemNotes))]
		if p.itemsText {
			item = it.Text
		}
		if contains(p.failedItem, it.ID) {
			result, note = schema.Results[1], "Còn hạn chế, cần khắc phục trong năm tới"
		}
		row := []any{p.code, item, result, nil}
		if note != "" {
			row[3] = note
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sheetPlan is one output sheet and the rows each unit gives it.
type sheetPlan struct {
	id   criteria.Sheet
	spec sheetSpec
	rows func(p *unitPlan, seed uint64, emit func([]any) error) error
}

var sheetPlans = []sheetPlan{
	{criteria.SheetUnits, unitsSpec(), func(p *unitPlan, _ uint64, emit func([]any) error) error { return p.unitRow(emit) }},
	{criteria.SheetMeetings, meetingsSpec(), (*unitPlan).meetingRows},
	{criteria.SheetCommittee, committeeSpec(), (*unitPlan).committeeRows},
	{criteria.SheetMembers, membersSpec(), (*unitPlan).memberRows},
	{criteria.SheetStaff, staffSpec(), (*unitPlan).staffRows},
	{criteria.SheetMassOrgs, massOrgsSpec(), (*unitPlan).massOrgRows},
	{criteria.SheetCriteria, criteriaSpec(), (*unitPlan).criteriaRows},
	{criteria.SheetCases, casesSpec(), (*unitPlan).caseRows},
	{criteria.SheetSelfAssessment, itemsSpec(), (*unitPlan).itemRows},
}

// historySheetPlan is the optional Lịch sử sheet (profile 2025): only the
// books written for the 2025 rules have it, so that the hd17-2023 books
// stay as they are.
var historySheetPlan = sheetPlan{criteria.SheetHistory, historySpec(), (*unitPlan).historyRows}

func historySpec() sheetSpec {
	return sheetSpec{name: sheetName(criteria.SheetHistory),
		headers: headers(criteria.SheetHistory, "unit", "year", "rating", "fourgood"), widths: []float64{11, 8, 30, 10}}
}

func (p *unitPlan) historyRows(_ uint64, emit func([]any) error) error {
	for _, h := range p.history {
		var four any
		if h.fourGood != "" {
			four = h.fourGood
		}
		if err := emit([]any{p.code, h.year, h.rating, four}); err != nil {
			return err
		}
	}
	return nil
}

// Stats counts the data rows written per sheet, by canonical sheet name.
type Stats map[string]int

// writeBook writes every sheet of the plans to s, counting each sheet's
// rows in a first pass so the sink knows the sheet's size up front.
func writeBook(s sink, plans []*unitPlan, seed uint64) (Stats, error) {
	return writeSheets(s, sheetPlans, plans, seed)
}

// writeSheets is writeBook with the sheets given.
func writeSheets(s sink, sheets []sheetPlan, plans []*unitPlan, seed uint64) (Stats, error) {
	stats := Stats{}
	for _, sp := range sheets {
		n := 0
		count := func([]any) error { n++; return nil }
		for _, p := range plans {
			if err := sp.rows(p, seed, count); err != nil {
				return nil, err
			}
		}
		stats[sp.spec.name] = n
		if err := s.sheet(sp.spec, n); err != nil {
			return nil, err
		}
		for _, p := range plans {
			if err := sp.rows(p, seed, s.row); err != nil {
				return nil, err
			}
		}
	}
	return stats, s.close()
}
