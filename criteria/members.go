package criteria

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Who is rated (SPEC §6). These rules act in every profile, and
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

// reviewDate is the day of the annual review the new-member rule of the
// 2025 profile counts to, and the words that say where it came from:
// Options.ReviewDate, else 31/12 of the evaluation year.
func (e *evaluator) reviewDate() (time.Time, string) {
	if !e.opts.ReviewDate.IsZero() {
		why := e.opts.ReviewDateWhy
		if why == "" {
			why = "ngày kiểm điểm"
		}
		d := e.opts.ReviewDate
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), why
	}
	return time.Date(e.year, 12, 31, 0, 0, 0, 0, time.UTC), "cuối năm đánh giá"
}

// reviewCutoff is the latest admission date of a member who has served
// NewMemberMonths on the review date, under NewMembersNotRated: the same
// day NewMemberMonths earlier, a day the month lacks rolling into the next
// one, as Go's dates do. With six months, the review on 06/12/2026 rates a
// member admitted on 6/6/2026 and not one admitted on 7/6; the review on
// 31/12 reaches back to "31/6", that is 1/7: admitted 1/7 is rated, 2/7
// is not, as hd17-2023 has it (newMemberCutoff).
func (e *evaluator) reviewCutoff() (cutoff time.Time, ok bool) {
	if e.th.NewMemberMonths <= 0 || (e.year == 0 && e.opts.ReviewDate.IsZero()) {
		return time.Time{}, false
	}
	d, _ := e.reviewDate()
	return d.AddDate(0, -e.th.NewMemberMonths, 0), true
}

// isNew reports whether m was admitted too recently to be reviewed: after
// the cutoff of the rules in force. Exempt and suspended members are left
// out for that reason, not this one.
func (e *evaluator) isNew(m *Member) bool {
	if m.AdmittedOn.IsZero() && m.NewByNote && !m.OutOfRating() && m.Rating == RatingNone {
		return true
	}
	if m.AdmittedOn.IsZero() || m.OutOfRating() {
		return false
	}
	var cutoff time.Time
	var ok bool
	if e.th.NewMembersNotRated {
		cutoff, ok = e.reviewCutoff()
	} else {
		cutoff, ok = e.newMemberCutoff()
	}
	return ok && m.AdmittedOn.Time().After(cutoff)
}

// isNewUnrated reports whether m is a new member the rating checks leave
// out, and name, rather than count: under NewMembersNotRated (2025) every
// member admitted too recently, whatever was written in Xếp loại (Quy
// định 366-QĐ/TW art. 5: they are not reviewed, so a rating written for
// them is ignored, with a warning: warnNewRated); otherwise (hd17-2023)
// only one whose rating is blank — a new member who was rated counts
// with that rating.
func (e *evaluator) isNewUnrated(m *Member) bool {
	if !e.th.NewMembersNotRated && m.Rating != RatingNone {
		return false
	}
	return e.isNew(m)
}

// newNote is how the messages name the new members left out: "mới kết
// nạp chưa đủ 6 tháng, chưa xếp loại" (hd17-2023) or, under
// NewMembersNotRated, "… đến ngày kiểm điểm 31/12/2026 (cuối năm đánh
// giá), không xếp loại".
func (e *evaluator) newNote() string {
	months := strconv.Itoa(e.th.NewMemberMonths)
	if !e.th.NewMembersNotRated {
		return "mới kết nạp chưa đủ " + months + " tháng, chưa xếp loại"
	}
	d, why := e.reviewDate()
	return "mới kết nạp chưa đủ " + months + " tháng đến ngày kiểm điểm " + date(d) + " (" + why + "), không xếp loại"
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
			l.fresh.add(strings.TrimSuffix(name(), ")") + admittedWhen(m) + ")")
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
		parts = append(parts, fmt.Sprintf("%d đảng viên %s: %s", n, e.newNote(), l.fresh.list("người")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; không tính " + strings.Join(parts, "; ")
}

// admittedWhen is ", kết nạp 02/07/2024" for a list of new members, or
// ", mới kết nạp theo Ghi chú" when the list gives no date but says so.
func admittedWhen(m *Member) string {
	if m.AdmittedOn.IsZero() {
		return ", mới kết nạp theo Ghi chú"
	}
	return ", kết nạp " + date(m.AdmittedOn.Time())
}
