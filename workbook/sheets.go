package workbook

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
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
	code, name := c.get("code"), c.get("name")
	if code == "" {
		c.missing("code")
	}
	if name == "" {
		c.missing("name")
	}
	var typ criteria.UnitType
	if v := c.get("type"); v == "" {
		c.missing("type")
	} else {
		var msg string
		typ, msg = parseUnitType(v)
		c.check("type", msg)
	}
	broken := c.pr.failed
	u := &criteria.Unit{Code: code, Name: name, Type: typ, Source: c.pr.src}
	u.Cluster = c.get("cluster")
	u.Pilot = c.yesNo("pilot")
	u.Standing = c.yesNo("standing")
	u.Rating = c.rating("rating")
	if v := c.get("target"); v != "" {
		n, msg := parseCount(c.header("target"), v)
		c.check("target", msg)
		u.AdmissionTarget, u.HasTarget = n, msg == ""
	}
	if v := c.get("admitted"); v != "" {
		n, msg := parseCount(c.header("admitted"), v)
		c.check("admitted", msg)
		u.Admitted, u.HasAdmitted = n, msg == ""
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
	u.HasErrors = c.pr.failed
	c.pr.failed = false
	d := &definedUnit{unit: u, codeCell: c.ref("code")}
	if typ == criteria.CellSubordinate {
		d.parent, d.parentAt = c.get("parent"), c.ref("parent")
	}
	fd.units = append(fd.units, d)
}

// groupKeys are the schema keys of the five group scores.
var groupKeys = [criteria.NumScoreGroups]string{"g1", "g2", "g3", "g4", "g5"}

// readMeeting reads a row of Sinh hoạt.
func (fd *fileData) readMeeting(c *rowCtx, groupMax [criteria.NumScoreGroups]float64) {
	m := criteria.Meeting{Source: c.pr.src}
	switch {
	case c.get(schema.KeyDate) != "":
		v := c.get(schema.KeyDate)
		if _, msg := parseDate(v, fd.date1904); msg != "" {
			// A month typed in the date column ("3/2024") is still a month.
			if mo, mmsg := parseMonth(v, fd.date1904); mmsg == "" && mo.year != 0 {
				c.pr.date = rowDate{set: true, monthOnly: true,
					t: time.Date(mo.year, time.Month(mo.month), 1, 0, 0, 0, 0, time.UTC)}
				break
			}
		}
		c.date(schema.KeyDate)
	case c.get("month") != "":
		c.month("month")
	default:
		key := schema.KeyDate
		if !c.cols.has(key) {
			key = "month"
		}
		c.report(criteria.SeverityError, key, "Thiếu ngày sinh hoạt; cần ngày dd/mm/yyyy hoặc tháng")
	}
	if v := c.get("kind"); v == "" {
		c.missing("kind")
	} else {
		k, msg := parseMeetingKind(v)
		c.check("kind", msg)
		m.Kind = k
	}
	if v := c.get("score"); v != "" {
		s, msg := parseScore(c.header("score"), v)
		c.check("score", msg)
		m.Score, m.HasScore = s, msg == ""
	}
	var groups [criteria.NumScoreGroups]float64
	given, groupsOK := 0, true
	for g, key := range groupKeys {
		v := c.get(key)
		if v == "" {
			continue
		}
		given++
		n, ok := parseNumber(v)
		switch {
		case !ok:
			c.check(key, c.header(key)+" "+quote(v)+" không phải là số")
			groupsOK = false
		case n < 0 || (groupMax[g] > 0 && n > groupMax[g]):
			c.check(key, fmt.Sprintf("%s %s ngoài khoảng 0–%s", c.header(key), formatNumber(n), formatNumber(groupMax[g])))
			groupsOK = false
		default:
			groups[g] = n
		}
	}
	switch {
	case given > 0 && given < criteria.NumScoreGroups:
		var missing []string
		for _, key := range groupKeys {
			if c.get(key) == "" {
				missing = append(missing, quote(c.header(key)))
			}
		}
		c.report(criteria.SeverityError, "g1", "Điểm nhóm chưa đủ: thiếu "+strings.Join(missing, ", ")+"; cần đủ 5 nhóm hoặc bỏ trống cả 5 và ghi Điểm")
	case given == criteria.NumScoreGroups && groupsOK:
		sum := 0.0
		for _, g := range groups {
			sum += g
		}
		sum = math.Round(sum*1000) / 1000
		switch {
		case m.HasScore && math.Abs(sum-m.Score) > 0.001:
			c.report(criteria.SeverityError, "score", fmt.Sprintf("%s %s không khớp tổng điểm 5 nhóm %s; hai số phải bằng nhau", c.header("score"), formatNumber(m.Score), formatNumber(sum)))
		case sum > 100:
			c.report(criteria.SeverityError, "g1", fmt.Sprintf("Tổng điểm 5 nhóm %s ngoài khoảng 0–100", formatNumber(sum)))
		default:
			m.Score, m.HasScore = sum, true
		}
	}
	if !m.HasScore && !c.pr.failed {
		key := "score"
		if !c.cols.has(key) {
			key = "g1"
		}
		c.report(criteria.SeverityWarning, key, "Buổi sinh hoạt chưa có điểm; chưa tính được chất lượng buổi này")
	}
	m.Present = int32(fd.count(c, "present"))
	m.Total = int32(fd.count(c, "total"))
	if m.Total > 0 && m.Present > m.Total {
		c.report(criteria.SeverityError, "present", fmt.Sprintf("Có mặt %d nhiều hơn Tổng số đảng viên %d", m.Present, m.Total))
	}
	monthOnly := c.pr.date.monthOnly
	c.pr.add = func(u *criteria.Unit, date time.Time) {
		m.Date, m.MonthOnly = date, monthOnly
		u.Meetings = append(u.Meetings, m)
	}
}

func (fd *fileData) count(c *rowCtx, key string) int {
	v := c.get(key)
	if v == "" {
		return 0
	}
	n, msg := parseCount(c.header(key), v)
	c.check(key, msg)
	return n
}

// readCommittee reads a row of Họp cấp ủy.
func (fd *fileData) readCommittee(c *rowCtx) {
	cm := criteria.CommitteeMeeting{Source: c.pr.src}
	if c.get(schema.KeyDate) == "" {
		c.missing(schema.KeyDate)
	}
	c.date(schema.KeyDate)
	if v := c.get("kind"); v == "" {
		c.missing("kind")
	} else {
		k, msg := parseCommitteeKind(v)
		c.check("kind", msg)
		cm.Kind = k
	}
	c.pr.add = func(u *criteria.Unit, date time.Time) {
		cm.Date = date
		u.CommitteeMeetings = append(u.CommitteeMeetings, cm)
	}
}

// readMember reads a row of Đảng viên. A blank rating is kept: the
// criteria report the member by name as missing data.
func (fd *fileData) readMember(c *rowCtx) {
	m := criteria.Member{Source: c.pr.src, Name: c.get("name"), ID: c.get("id")}
	if m.Name == "" {
		c.missing("name")
	}
	m.Exempt = c.yesNo("exempt")
	m.Rating = c.rating("rating")
	m.Violation = c.yesNo("violation")
	if v := c.get("residence"); v != "" {
		r, msg := parseResidence(v)
		c.check("residence", msg)
		m.Residence = r
	}
	c.pr.add = func(u *criteria.Unit, _ time.Time) { u.Members = append(u.Members, m) }
}

// readStaff reads a row of Cán bộ.
func (fd *fileData) readStaff(c *rowCtx) {
	p := criteria.Person{Source: c.pr.src, Name: c.get("name")}
	if p.Name == "" {
		c.missing("name")
	}
	p.Rating = c.rating("rating")
	c.pr.add = func(u *criteria.Unit, _ time.Time) { u.Staff = append(u.Staff, p) }
}

// readMassOrg reads a row of Đoàn thể.
func (fd *fileData) readMassOrg(c *rowCtx) {
	o := criteria.MassOrg{Source: c.pr.src, Name: c.get("org")}
	if o.Name == "" {
		c.missing("org")
	}
	o.Rating = c.rating("rating")
	c.pr.add = func(u *criteria.Unit, _ time.Time) { u.MassOrgs = append(u.MassOrgs, o) }
}

// readCriterion reads a row of Tiêu chí: a level, or a 0–100 score that
// the evaluation turns into a level. When both are given the level wins.
func (fd *fileData) readCriterion(c *rowCtx) {
	k := criteria.Criterion528{Source: c.pr.src, Name: c.get("criterion")}
	if k.Name == "" {
		c.missing("criterion")
	}
	if v := c.get("group"); v == "" {
		c.missing("group")
	} else {
		g, msg := parseGroup(v)
		c.check("group", msg)
		k.Key = g
	}
	switch lv, sc := c.get("level"), c.get("score"); {
	case lv != "":
		l, msg := parseLevel(lv)
		c.check("level", msg)
		k.Level = l
	case sc != "":
		s, msg := parseScore(c.header("score"), sc)
		c.check("score", msg)
		k.Score, k.HasScore = s, true
	default:
		key := "level"
		if !c.cols.has(key) {
			key = "score"
		}
		c.report(criteria.SeverityError, key, "Thiếu mức đạt của tiêu chí; cần Mức (Xuất sắc, Tốt, Trung bình, Kém) hoặc Điểm 0–100")
	}
	c.pr.add = func(u *criteria.Unit, _ time.Time) { u.Criteria = append(u.Criteria, k) }
}

// readCase reads a row of Đơn thư vụ việc. Its date is optional; a blank
// Đã giải quyết means not resolved.
func (fd *fileData) readCase(c *rowCtx) {
	cs := criteria.Case{Source: c.pr.src}
	c.date(schema.KeyDate)
	if v := c.get("kind"); v == "" {
		c.missing("kind")
	} else {
		k, msg := parseCaseKind(v)
		c.check("kind", msg)
		cs.Kind = k
	}
	cs.Resolved = c.yesNo("resolved")
	c.pr.add = func(u *criteria.Unit, date time.Time) {
		cs.Date = date
		u.Cases = append(u.Cases, cs)
	}
}

// readSelfItem reads a row of Tự đánh giá. A row whose Kết quả is blank is
// an item not yet assessed (the template lists every item in advance): it
// is not recorded, and the evaluation reports it as "chưa tự đánh giá".
func (fd *fileData) readSelfItem(c *rowCtx) {
	res := c.get("result")
	if res == "" {
		c.pr.blank = true
		return
	}
	it := criteria.SelfItem{Source: c.pr.src, Note: c.get("note")}
	if v := c.get("item"); v == "" {
		c.missing("item")
	} else {
		id, msg := parseItem(v)
		c.check("item", msg)
		it.ItemID = id
	}
	met, msg := parseResult(res)
	c.check("result", msg)
	it.Met = met
	c.pr.add = func(u *criteria.Unit, _ time.Time) { u.SelfAssessment = append(u.SelfAssessment, it) }
}
