package workbook

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/bontot/bontot/criteria"
)

// definedUnit is a unit read from a row of Đơn vị, with where its code sits
// so that a duplicate can name both places.
type definedUnit struct {
	unit     *criteria.Unit
	codeCell string
	parent   string // Trực thuộc as written
	parentAt string
}

// readUnit reads a row of Đơn vị. A row without a usable code, name or type
// defines no unit (its rows elsewhere are left out, the error says why); a
// row with a bad optional cell still defines its unit, marked HasErrors, so
// that the rest of its data is still checked.
func (fd *fileData) readUnit(c *rowCtx) {
	code, name := c.get(kCode), c.get(kName)
	if code == "" {
		c.missing(kCode)
	}
	if name == "" {
		c.missing(kName)
	}
	var typ criteria.UnitType
	if v := c.get(kType); v == "" {
		c.missing(kType)
	} else {
		var f fault
		typ, f = parseUnitType(v)
		c.check(kType, f)
	}
	broken := c.pr.failed
	u := &criteria.Unit{Code: code, Name: name, Type: typ, Source: c.pr.src}
	u.Cluster = c.get(kCluster)
	u.Pilot = c.yesNo(kPilot)
	u.Standing = c.yesNo(kStanding)
	u.Rating = c.ratingOrPoints()
	if v := c.get(kTarget); v != "" {
		n, f := parseCount(c.header(kTarget), v)
		c.check(kTarget, f)
		u.AdmissionTarget, u.HasTarget = n, f.ok()
	}
	if v := c.get(kAdmitted); v != "" {
		n, f := parseCount(c.header(kAdmitted), v)
		c.check(kAdmitted, f)
		u.Admitted, u.HasAdmitted = n, f.ok()
	}
	if v := c.get(kDiscipline); v != "" {
		text, f := parseOrgDiscipline(c.header(kDiscipline), v)
		c.check(kDiscipline, f)
		u.Discipline = text
	}
	for i := range c.pr.problems {
		c.pr.problems[i].Unit = code
	}
	fd.problems = append(fd.problems, c.pr.problems...)
	c.pr.problems = nil
	if broken {
		if code != "" {
			fd.brokenCodes = append(fd.brokenCodes, matchKey(code))
		}
		fd.brokenUnitRows++
		c.pr.failed = false
		return
	}
	if c.pr.failed {
		markError(u, criteria.SheetUnits)
	}
	c.pr.failed = false
	d := &definedUnit{unit: u, codeCell: c.ref(kCode)}
	if typ == criteria.CellSubordinate {
		d.parent, d.parentAt = c.get(kParent), c.ref(kParent)
	}
	fd.units = append(fd.units, d)
}

// meetingRules are the settings a meeting row is read under, made once per
// Read from Options.
type meetingRules struct {
	groups  []criteria.ScoreGroup
	headers headerTable          // Sinh hoạt's header table under groups
	keep    bool                 // keep group scores in Meeting.Groups
	gap     float64              // upper_score_gap; 0: no warning
	hd12    bool                 // groups are the five of Hướng dẫn 12 (the headers are headerIndex's)
	th      *criteria.Thresholds // the criteria in force: the bands a written Xếp loại is compared with
}

func newMeetingRules(opts Options) *meetingRules {
	th := opts.criteria()
	r := &meetingRules{groups: th.ScoreGroups, keep: len(th.FullMarksGroups) > 0, gap: th.UpperScoreGap, th: th}
	if len(r.groups) == 0 {
		r.groups = criteria.HD12ScoreGroups()
	}
	if isHD12(r.groups) {
		r.headers, r.hd12 = headerIndex[criteria.SheetMeetings], true
	} else {
		r.headers = meetingHeaders(r.groups)
	}
	return r
}

// isHD12 reports whether groups are the five of Hướng dẫn 12 as hd17-2023
// declares them (maxima aside, which the rows are checked against).
func isHD12(groups []criteria.ScoreGroup) bool {
	d := criteria.HD12ScoreGroups()
	if len(groups) != len(d) {
		return false
	}
	for i := range d {
		if groups[i].Name != d[i].Name || !slices.Equal(groups[i].Spellings, d[i].Spellings) {
			return false
		}
	}
	return true
}

// groupHeader is the header of the i-th group's column as the sheet
// writes it, or the group's declared name when the sheet lacks it.
func (c *rowCtx) groupHeader(i int) string {
	if c.has(groupKey(i)) {
		return c.header(groupKey(i))
	}
	return c.fd.meet.groups[i].Name
}

// readMeeting reads a row of Sinh hoạt.
func (fd *fileData) readMeeting(c *rowCtx) {
	rules := fd.meet
	n := len(rules.groups)
	m := criteria.Meeting{Source: c.pr.src}
	switch {
	case c.get(kDate) != "":
		v := c.get(kDate)
		t, f := parseDate(v, fd.date1904)
		if f.ok() {
			c.pr.date = rowDate{set: true, t: t}
			break
		}
		// A month typed in the date column ("3/2024") is still a month.
		if mo, mf := parseMonth(v, fd.date1904); mf.ok() && mo.year != 0 {
			c.pr.date = rowDate{set: true, monthOnly: true,
				t: time.Date(mo.year, time.Month(mo.month), 1, 0, 0, 0, 0, time.UTC)}
			break
		}
		c.check(kDate, f)
	case c.get(kMonth) != "":
		c.month(kMonth)
	default:
		key := kDate
		if !c.has(key) {
			key = kMonth
		}
		c.report(key, faultOf(criteria.CellMissing, "ngày sinh hoạt", "cần ngày dd/mm/yyyy hoặc tháng"))
	}
	if v := c.get(kKind); v == "" {
		c.missing(kKind)
	} else {
		k, f := parseMeetingKind(v)
		c.check(kKind, f)
		m.Kind = k
	}
	if v := c.get(kScore); v != "" {
		s, f := parseScore(c.header(kScore), v)
		c.check(kScore, f)
		m.Score, m.HasScore = s, f.ok()
	}
	var groups [criteria.MaxScoreGroups]float64
	given, groupsOK := 0, true
	for g := range n {
		key := groupKey(g)
		v := c.get(key)
		if v == "" {
			continue
		}
		given++
		x, ok := parseNumber(v)
		max := rules.groups[g].Max
		switch {
		case !ok:
			c.check(key, faultOf(criteria.ValueNotNumber, c.header(key), quote(v), "số"))
			groupsOK = false
		case x < 0 || (max > 0 && x > max):
			c.check(key, faultOf(criteria.ScoreOutOfRange, c.header(key), criteria.FormatNumber(x), criteria.FormatNumber(max)))
			groupsOK = false
		default:
			groups[g] = x
		}
	}
	switch {
	case given > 0 && given < n:
		var missing []string
		for g := range n {
			if c.get(groupKey(g)) == "" {
				missing = append(missing, quote(c.groupHeader(g)))
			}
		}
		c.report(kG1, faultOf(criteria.ScoreIncomplete, "Điểm nhóm", "đủ: thiếu "+strings.Join(missing, ", "), fmt.Sprintf("đủ %d nhóm hoặc bỏ trống cả %d và ghi Điểm", n, n)))
	case given == n && groupsOK:
		sum := 0.0
		for _, g := range groups[:n] {
			sum += g
		}
		sum = math.Round(sum*1000) / 1000
		switch {
		case m.HasScore && math.Abs(sum-m.Score) > 0.001:
			c.report(kScore, faultOf(criteria.ScoreTotalMismatch, c.header(kScore), criteria.FormatNumber(m.Score), fmt.Sprintf("điểm %d nhóm", n), criteria.FormatNumber(sum), "; hai số phải bằng nhau"))
		case sum > 100:
			c.report(kG1, faultOf(criteria.ScoreOutOfRange, fmt.Sprintf("Tổng điểm %d nhóm", n), criteria.FormatNumber(sum), "100"))
		default:
			m.Score, m.HasScore = sum, true
			if rules.keep {
				m.Groups = make([]criteria.GroupScore, n)
				for g := range n {
					m.Groups[g] = criteria.GroupScore{Name: rules.groups[g].Name, Label: "nhóm " + rules.groups[g].Name, Score: groups[g], Max: rules.groups[g].Max}
				}
			}
		}
	}
	if v := c.get(kUpper); v != "" {
		// The upper committee's score decides (Hướng dẫn 12-HD/BTCTW: the
		// cấp ủy viên cấp trên who attends scores the meeting too).
		up, f := parseScore(c.header(kUpper), v)
		c.check(kUpper, f)
		if f.ok() {
			if m.HasScore && rules.gap > 0 && math.Abs(up-m.Score) > rules.gap+0.001 {
				c.report(kUpper, upperGap(c.header(kUpper), up, m.Score, rules.gap))
			}
			m.Score, m.HasScore, m.UpperScore = up, true, true
		}
	}
	if !m.HasScore && !c.pr.failed {
		key := kScore
		if !c.has(key) {
			key = kG1
		}
		c.report(key, faultOf(criteria.MeetingUnscored))
	}
	m.Present = int32(fd.count(c, kPresent))
	m.Total = int32(fd.count(c, kTotal))
	if m.Total > 0 && m.Present > m.Total {
		c.report(kPresent, faultOf(criteria.MeetingAttendance, m.Present, m.Total))
	}
	m.MonthOnly = c.pr.date.monthOnly
	c.rec.meeting, c.pr.hasRec = m, true
}

// upperGap is the warning of a meeting whose upper committee's score is
// more than gap points from the chi bộ's own.
func upperGap(header string, upper, own, gap float64) fault {
	return faultOf(criteria.ScoreUpperGap,
		header, criteria.FormatNumber(upper), criteria.FormatNumber(math.Abs(upper-own)), criteria.FormatNumber(own), criteria.FormatNumber(gap))
}

func (fd *fileData) count(c *rowCtx, key colKey) int {
	v := c.get(key)
	if v == "" {
		return 0
	}
	n, f := parseCount(c.header(key), v)
	c.check(key, f)
	return n
}

// readCommittee reads a row of Họp cấp ủy.
func (fd *fileData) readCommittee(c *rowCtx) {
	cm := criteria.CommitteeMeeting{Source: c.pr.src}
	if c.get(kDate) == "" {
		c.missing(kDate)
	}
	c.date(kDate)
	if v := c.get(kKind); v == "" {
		c.missing(kKind)
	} else {
		k, f := parseCommitteeKind(v)
		c.check(kKind, f)
		cm.Kind = k
	}
	c.rec.committee, c.pr.hasRec = cm, true
}

// readMember reads a row of Đảng viên. A blank rating is kept: the
// criteria report the member by name as missing data.
func (fd *fileData) readMember(c *rowCtx) {
	m := criteria.Member{Source: c.pr.src, Name: c.get(kName), ID: c.get(kID)}
	if m.Name == "" {
		c.missing(kName)
	}
	m.Exempt, m.Suspended = c.exempt()
	if c.yesNo(kSuspended) {
		m.Suspended = true
	}
	if v := c.get(kAdmittedOn); v != "" {
		// Not c.date: the admission date does not date the row, which
		// would leave out a member admitted in an earlier year.
		t, f := parseDate(v, fd.date1904)
		c.check(kAdmittedOn, f)
		m.AdmittedOn = criteria.DayOf(t)
	}
	m.Rating = c.ratingOrPoints()
	fd.noteReason(c, &m)
	if v := c.get(kViolation); v != "" {
		yes, text, f := parseViolation(c.header(kViolation), v)
		c.check(kViolation, f)
		m.Violation, m.ViolationText = yes, text
	}
	if v := c.get(kDiscipline); v != "" {
		d, f := parseDiscipline(c.header(kDiscipline), v)
		c.check(kDiscipline, f)
		if d != criteria.DisciplineNone {
			m.Discipline, m.DisciplineText = d, v
		}
	}
	m.CommitteeMember = c.yesNo(kCommitteeMember)
	if v := c.get(kResidence); v != "" {
		r, f := parseResidence(v)
		c.check(kResidence, f)
		m.Residence = r
	}
	c.rec.member, c.pr.hasRec = m, true
}

// readStaff reads a row of Cán bộ.
func (fd *fileData) readStaff(c *rowCtx) {
	p := criteria.Person{Source: c.pr.src, Name: c.get(kName)}
	if p.Name == "" {
		c.missing(kName)
	}
	p.Rating = c.ratingOrPoints()
	c.rec.staff, c.pr.hasRec = p, true
}

// readMassOrg reads a row of Đoàn thể.
func (fd *fileData) readMassOrg(c *rowCtx) {
	o := criteria.MassOrg{Source: c.pr.src, Name: c.get(kOrg)}
	if o.Name == "" {
		c.missing(kOrg)
	}
	o.Rating = c.massOrgRating()
	c.rec.massOrg, c.pr.hasRec = o, true
}

// readCriterion reads a row of Tiêu chí: a level, or a 0–100 score that
// the evaluation turns into a level. When both are given the level wins;
// when neither, the criterion is not graded yet.
func (fd *fileData) readCriterion(c *rowCtx) {
	k := criteria.Criterion528{Source: c.pr.src, Name: c.get(kCriterion)}
	if k.Name == "" {
		c.missing(kCriterion)
	}
	if v := c.get(kGroup); v == "" {
		c.missing(kGroup)
	} else {
		g, f := parseGroup(v)
		c.check(kGroup, f)
		k.Key = g
	}
	lv, sc := c.get(kLevel), c.get(kScore)
	if g := c.cols.marks; g != nil && g.key == kLevel {
		lv = c.marked(g)
	}
	switch {
	case lv != "":
		l, f := parseLevel(lv)
		c.check(kLevel, f)
		k.Level = l
	case sc != "":
		s, f := parseScore(c.header(kScore), sc)
		c.check(kScore, f)
		k.Score, k.HasScore = s, true
	default:
		// A criterion not graded yet: the template lists them in a unit's
		// own form in advance, as it lists the self-assessment items. It is
		// kept, level none, and the TC1 check names it as "chưa ghi mức
		// hoặc điểm", which keeps the unit at thiếu dữ liệu until graded.
	}
	c.rec.criterion, c.pr.hasRec = k, true
}

// readCase reads a row of Đơn thư vụ việc. Its date is optional; a blank
// Đã giải quyết means not resolved.
func (fd *fileData) readCase(c *rowCtx) {
	cs := criteria.Case{Source: c.pr.src}
	c.date(kDate)
	if v := c.get(kKind); v == "" {
		c.missing(kKind)
	} else {
		k, f := parseCaseKind(v)
		c.check(kKind, f)
		cs.Kind = k
	}
	cs.Resolved = c.yesNo(kResolved)
	c.rec.kase, c.pr.hasRec = cs, true
}

// readSelfItem reads a row of Tự đánh giá. A row whose Kết quả is blank is
// an item not yet assessed (the template lists every item in advance): it
// is not recorded, and the evaluation reports it as "chưa tự đánh giá".
func (fd *fileData) readSelfItem(c *rowCtx) {
	res := c.get(kResult)
	if res == "" {
		c.pr.blank = true
		return
	}
	it := criteria.SelfItem{Source: c.pr.src, Note: c.get(kNote)}
	if v := c.get(kItem); v == "" {
		c.missing(kItem)
	} else {
		id, f := parseItem(v)
		c.check(kItem, f)
		it.ItemID = id
	}
	met, f := parseResult(res)
	c.check(kResult, f)
	it.Met = met
	c.rec.selfItem, c.pr.hasRec = it, true
}

// record is the typed result of one row, whichever sheet it is from. The
// row's context holds one, overwritten by each row, so that a row going
// straight to its unit costs no allocation of its own.
type record struct {
	meeting   criteria.Meeting
	committee criteria.CommitteeMeeting
	member    criteria.Member
	staff     criteria.Person
	massOrg   criteria.MassOrg
	criterion criteria.Criterion528
	kase      criteria.Case
	selfItem  criteria.SelfItem
	history   criteria.PastYear
}

// run gathers the records of consecutive rows of one unit, as sheets list
// them, and hands them to the unit in one exact-size slice when the unit
// changes: appending row by row would grow each unit's slices step by step,
// copying them as often, for compact to copy them again.
type run struct {
	u         *criteria.Unit // nil: nothing gathered
	meetings  []criteria.Meeting
	committee []criteria.CommitteeMeeting
	members   []criteria.Member
	staff     []criteria.Person
	massOrgs  []criteria.MassOrg
	criteria  []criteria.Criterion528
	cases     []criteria.Case
	selfItems []criteria.SelfItem
	history   []criteria.PastYear
}

// add gathers the record of a row of sheet for unit u, dated date.
func (b *run) add(u *criteria.Unit, sheet criteria.Sheet, r *record, date time.Time) {
	if u != b.u {
		b.flush()
		b.u = u
	}
	switch sheet {
	case criteria.SheetMeetings:
		m := r.meeting
		m.Date = date
		b.meetings = append(b.meetings, m)
	case criteria.SheetCommittee:
		cm := r.committee
		cm.Date = date
		b.committee = append(b.committee, cm)
	case criteria.SheetMembers:
		b.members = append(b.members, r.member)
	case criteria.SheetStaff:
		b.staff = append(b.staff, r.staff)
	case criteria.SheetMassOrgs:
		b.massOrgs = append(b.massOrgs, r.massOrg)
	case criteria.SheetCriteria:
		b.criteria = append(b.criteria, r.criterion)
	case criteria.SheetCases:
		cs := r.kase
		cs.Date = date
		b.cases = append(b.cases, cs)
	case criteria.SheetSelfAssessment:
		b.selfItems = append(b.selfItems, r.selfItem)
	case criteria.SheetHistory:
		b.history = append(b.history, r.history)
	}
}

// flush appends the gathered records to their unit, after any it has, and
// keeps the buffers for the next unit. It touches only the unit's slices
// that receive records: the unit's other sheets are read at the same time.
func (b *run) flush() {
	u := b.u
	if u == nil {
		return
	}
	appendRun(&u.Meetings, &b.meetings)
	appendRun(&u.CommitteeMeetings, &b.committee)
	appendRun(&u.Members, &b.members)
	appendRun(&u.Staff, &b.staff)
	appendRun(&u.MassOrgs, &b.massOrgs)
	appendRun(&u.Criteria, &b.criteria)
	appendRun(&u.Cases, &b.cases)
	appendRun(&u.SelfAssessment, &b.selfItems)
	appendRun(&u.History, &b.history)
	b.u = nil
}

// appendRun appends the records of *buf to *dst, in a copy of their own
// when *dst is empty, and empties *buf for reuse; with *buf empty it
// touches neither.
func appendRun[T any](dst, buf *[]T) {
	if len(*buf) == 0 {
		return
	}
	if len(*dst) == 0 {
		*dst = make([]T, len(*buf)) // exact: nothing for compact to trim
		copy(*dst, *buf)
	} else {
		*dst = append(*dst, *buf...)
	}
	clear(*buf) // let go of what the records point to
	*buf = (*buf)[:0]
}

// adder is addTo for a row kept for finish, holding a copy of only the
// sheet's own record (the context's is overwritten by the next row).
func (r *record) adder(sheet criteria.Sheet) func(u *criteria.Unit, date time.Time) {
	switch sheet {
	case criteria.SheetMeetings:
		m := r.meeting
		return func(u *criteria.Unit, date time.Time) {
			m.Date = date
			u.Meetings = append(u.Meetings, m)
		}
	case criteria.SheetCommittee:
		cm := r.committee
		return func(u *criteria.Unit, date time.Time) {
			cm.Date = date
			u.CommitteeMeetings = append(u.CommitteeMeetings, cm)
		}
	case criteria.SheetMembers:
		m := r.member
		return func(u *criteria.Unit, _ time.Time) { u.Members = append(u.Members, m) }
	case criteria.SheetStaff:
		p := r.staff
		return func(u *criteria.Unit, _ time.Time) { u.Staff = append(u.Staff, p) }
	case criteria.SheetMassOrgs:
		o := r.massOrg
		return func(u *criteria.Unit, _ time.Time) { u.MassOrgs = append(u.MassOrgs, o) }
	case criteria.SheetCriteria:
		k := r.criterion
		return func(u *criteria.Unit, _ time.Time) { u.Criteria = append(u.Criteria, k) }
	case criteria.SheetCases:
		cs := r.kase
		return func(u *criteria.Unit, date time.Time) {
			cs.Date = date
			u.Cases = append(u.Cases, cs)
		}
	case criteria.SheetSelfAssessment:
		it := r.selfItem
		return func(u *criteria.Unit, _ time.Time) { u.SelfAssessment = append(u.SelfAssessment, it) }
	case criteria.SheetHistory:
		py := r.history
		return func(u *criteria.Unit, _ time.Time) { u.History = append(u.History, py) }
	}
	return nil
}

// The reasons a year-end list gives in Ghi chú for a member it does not rate
// (Quy định 366-QĐ/TW art. 5; SPEC §4 "Office layouts"), in matching-key
// form.
var (
	exemptNote    = []string{"mien cong tac", "mien sinh hoat", "mien sh"}
	suspendedNote = []string{"dinh chi sinh hoat", "dinh chi sh", "bi dinh chi"}
	newNote       = []string{"moi ket nap", "chua du 6 thang", "chua du sau thang", "chua du 06 thang"}
)

// noteReason reads the Ghi chú of a member row as the column its reason
// stands for: "Miễn công tác và sinh hoạt đảng" as Miễn sinh hoạt, "Đình
// chỉ sinh hoạt" as Đình chỉ sinh hoạt, "Mới kết nạp, chưa đủ 6 tháng" as
// a new member (a Ngày kết nạp, when given, decides). Any other note is
// only a note. A reason beside a rating, or two reasons, is not read
// either way: it is an error saying what to change.
func (fd *fileData) noteReason(c *rowCtx, m *criteria.Member) {
	v := c.get(kNote)
	if v == "" {
		return
	}
	k := matchKey(v)
	var reasons []string
	exempt, suspended, fresh := containsAny(k, exemptNote), containsAny(k, suspendedNote), containsAny(k, newNote)
	if exempt {
		reasons = append(reasons, "miễn công tác và sinh hoạt đảng")
	}
	if suspended {
		reasons = append(reasons, "đình chỉ sinh hoạt đảng")
	}
	if fresh {
		reasons = append(reasons, "mới kết nạp")
	}
	switch {
	case len(reasons) == 0:
		return
	case len(reasons) > 1:
		c.check(kNote, faultOf(criteria.MemberNoteReasons, c.header(kNote), quote(v), strings.Join(reasons, " và ")))
		return
	case (exempt || suspended) && m.Rating != criteria.RatingNone:
		c.check(kNote, faultOf(criteria.MemberNoteRated, c.header(kNote), quote(v), c.ref(kRating), quote(c.get(kRating))))
		return
	case fresh && (m.Rating != criteria.RatingNone || !m.AdmittedOn.IsZero()):
		return // rated, or dated: the rating and the date speak for themselves
	}
	m.Exempt = m.Exempt || exempt
	m.Suspended = m.Suspended || suspended
	m.NewByNote = fresh
	c.report(kNote, faultOf(criteria.MemberNoteRead, c.header(kNote), quote(v), reasons[0]))
}

// massOrgRating reads a mass organisation's rating: a party rating as on any
// list, or a word of the organisation's own vocabulary ("Vững mạnh", "Khá")
// through the criteria's mass_org_ratings table, with a note saying what it
// was read as (SPEC §4 "Office layouts"). A word in neither is the error of
// an unknown rating, which says where the table is.
func (c *rowCtx) massOrgRating() criteria.Rating {
	v := c.get(kRating)
	if v == "" {
		return c.ratingOrPoints()
	}
	if _, f := parseRating(v); f.ok() {
		return c.ratingOrPoints()
	}
	var words []criteria.MassOrgWord
	if c.fd.meet != nil && c.fd.meet.th != nil {
		words = c.fd.meet.th.MassOrgWords
	}
	r, ok := criteria.MassOrgRating(words, v)
	if !ok {
		c.check(kRating, faultOf(criteria.ValueInvalid, "Xếp loại", quote(v),
			valueHint(v, ratingAccepted, ratingHints)+"; nếu đây là cách xếp loại riêng của đoàn thể, thêm từ này vào bảng mass_org_ratings của tệp tiêu chí (--criteria)"))
		return criteria.RatingNone
	}
	c.report(kRating, faultOf(criteria.RatingMassOrgWord, c.header(kRating), quote(v), r.Code()))
	if p := c.get(kPoints); p != "" {
		if s, f := parseScore(c.header(kPoints), p); f.ok() && c.fd.bands.Rating(s) != r {
			c.report(kRating, faultOf(criteria.RatingPointsMismatch,
				c.header(kRating), quote(v), c.ref(kRating), ", đọc là "+r.Code(), c.header(kPoints), criteria.FormatNumber(s), c.ref(kPoints), "", ""))
		}
	}
	return r
}
