package criteria

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Who is rated (issue 11, item 2). These rules act in every profile, and
// only where the workbook has the columns they read: Đình chỉ sinh hoạt
// and Ngày kết nạp.

// newMemberCutoff is the latest admission date of a member who has served
// NewMemberMonths by the end of the evaluation year; ok is false when the
// rule is off. The year ends at the end of 31 December, so with six months
// a member admitted on 1 July has exactly six months and is rated, and one
// admitted on 2 July has fewer and may be left unrated. --as-of does not
// move it: ratings are given at the year-end review, which the self-check
// looks ahead to, and the Đảng viên sheet holds no dated rows to cut.
func (e *evaluator) newMemberCutoff() (cutoff time.Time, ok bool) {
	if e.th.NewMemberMonths <= 0 || e.year == 0 {
		return time.Time{}, false
	}
	// Day 1 of a month, so that month arithmetic never overflows a day.
	return time.Date(e.year+1, time.Month(1-e.th.NewMemberMonths), 1, 0, 0, 0, 0, time.UTC), true
}

// isNewUnrated reports whether m is a member admitted fewer than
// NewMemberMonths before the end of the year whose rating is blank: left
// out of the rating checks, and named, rather than missing data. A new
// member who was rated counts with that rating.
func (e *evaluator) isNewUnrated(m *Member) bool {
	if m.Rating != RatingNone || m.AdmittedOn.IsZero() || m.OutOfRating() {
		return false
	}
	cutoff, ok := e.newMemberCutoff()
	return ok && m.AdmittedOn.Time().After(cutoff)
}

// leftOut counts the members the rating checks leave out, by reason, and
// names the new members among them.
type leftOut struct {
	exempt, suspended int
	fresh             nameList
}

func (l *leftOut) total() int { return l.exempt + l.suspended + l.fresh.len() }

// add counts m when it is left out and reports whether it was; name
// formats the member's name for the evidence, called only when shown.
func (l *leftOut) add(e *evaluator, m *Member, name func() string) bool {
	switch {
	case m.Exempt:
		l.exempt++
	case m.Suspended:
		l.suspended++
	case e.isNewUnrated(m):
		if l.fresh.want() {
			// "Tên (Đảng viên dòng 7, kết nạp 02/07/2024)".
			l.fresh.add(strings.TrimSuffix(name(), ")") + ", kết nạp " + date(m.AdmittedOn.Time()) + ")")
		}
	default:
		return false
	}
	return true
}

// note is "; không tính …" for the message of a check, "" when no one is
// left out. The words for exempt members are those of hd17-2023.
func (l *leftOut) note(e *evaluator) string {
	var parts []string
	if l.exempt > 0 {
		parts = append(parts, fmt.Sprintf("%d đảng viên miễn công tác và sinh hoạt đảng", l.exempt))
	}
	if l.suspended > 0 {
		parts = append(parts, fmt.Sprintf("%d đảng viên bị đình chỉ sinh hoạt đảng", l.suspended))
	}
	if n := l.fresh.len(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d đảng viên mới kết nạp chưa đủ %s tháng, chưa xếp loại: %s",
			n, strconv.Itoa(e.th.NewMemberMonths), l.fresh.list("người")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; không tính " + strings.Join(parts, "; ")
}
