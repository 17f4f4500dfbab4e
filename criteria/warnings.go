package criteria

import (
	"fmt"
	"strings"
	"time"
)

// warn adds the warnings of SPEC §2 for one unit to e.warnings: a month
// with no regular meeting or with two, a quarter with no thematic meeting
// (unless tc2.thematic_quarterly judges the quarters), a meeting whose
// attendance is warned of (Thresholds.AttendanceWarned), and the qualitative items not
// yet recorded. Warnings never change a verdict.
func (e *evaluator) warn(u *Unit) {
	v := e.views[u]
	if u.Sheets.Has(SheetMeetings) {
		if u.Type.IsCell() {
			e.warnMonths(v)
			if !e.th.QuartersJudged() {
				e.warnQuarters(v)
			}
		}
		e.warnAttendance(v)
	}
	e.warnItems(u)
	e.warnNewRated(u)
	e.warnDiscipline(u)
	e.warnUnitRating(u)
	e.warnAdmittedLater(u)
	e.warnCommitteeMeetings(u)
}

// warnDiscipline: a member disciplined in the year and rated above
// DisciplineCeiling (HTNV in hd17-2023, KHTNV in 2025), or who violated
// the prohibitions and is rated above ViolationCeiling (2025: KHTNV; off
// in hd17-2023), is a warning naming the member, the row and the rating
// (Quy định 366-QĐ/TW art. 11 rates both KHTNV). The rating stands, as the
// committee wrote it, but one of the cells is likely wrong. A new member
// whose rating is ignored (warnNewRated) is not warned twice. Each unit
// warns about its own rows only, so each member once.
func (e *evaluator) warnDiscipline(u *Unit) {
	dc, vc := e.th.DisciplineCeiling, e.th.ViolationCeiling
	if dc == RatingNone && vc == RatingNone {
		return
	}
	for i := range u.Members {
		m := &u.Members[i]
		if m.Rating == RatingNone || e.isNewUnrated(m) {
			continue
		}
		switch {
		case dc != RatingNone && m.Discipline != DisciplineNone && m.Rating > dc:
			e.add(u, m.Source.File(), m.Source.Sheet(), MemberRatingTooHigh,
				m.Name, m.Source, "bị kỷ luật "+strings.ToLower(m.Discipline.Label())+" trong năm", m.Rating.Code(), dc.Code(),
				"bị kỷ luật", "Kỷ luật")
		case vc != RatingNone && m.Violation && m.Rating > vc:
			e.add(u, m.Source.File(), m.Source.Sheet(), MemberRatingTooHigh,
				m.Name, m.Source, "vi phạm quy định những điều đảng viên không được làm"+violationText(m), m.Rating.Code(), vc.Code(),
				"vi phạm (Quy định 366-QĐ/TW, Điều 11)", "Vi phạm")
		}
	}
}

// warnUnitRating: a unit rated HTXSNV although, in the year, it was
// itself disciplined, a chi bộ trực thuộc of it was, or a member of its
// committee was (Quy định 366-QĐ/TW, Điều 11: such an organisation is not
// rated HTXSNV) is a warning naming what the data shows. Only where the
// data shows it: the Kỷ luật column of Đơn vị, and Cấp ủy viên beside
// Kỷ luật on the unit's own Đảng viên rows. The rating stands, as the
// committee wrote it.
func (e *evaluator) warnUnitRating(u *Unit) {
	if u.Rating != HTXSNV {
		return
	}
	var why []string
	if u.Discipline != "" {
		why = append(why, fmt.Sprintf("đơn vị bị kỷ luật %s (%s)", strings.ToLower(u.Discipline), u.Source))
	}
	for _, c := range e.children[u.Code] {
		if c.Discipline != "" {
			why = append(why, fmt.Sprintf("chi bộ trực thuộc %s bị kỷ luật %s (%s)", c.Code, strings.ToLower(c.Discipline), c.Source))
		}
	}
	for i := range u.Members {
		if m := &u.Members[i]; m.CommitteeMember && m.Discipline != DisciplineNone {
			why = append(why, fmt.Sprintf("cấp ủy viên %s bị kỷ luật %s (%s)", m.Name, strings.ToLower(m.Discipline.Label()), m.Source))
		}
	}
	if len(why) == 0 {
		return
	}
	e.add(u, u.Source.File(), u.Source.Sheet(), UnitRatingDiscipline, u.Code, u.Source, strings.Join(why, "; "))
}

// warnNewRated: under NewMembersNotRated (2025), a member admitted too
// recently to be reviewed who nevertheless has a rating is a warning
// naming the member, the row and the rating that is ignored (Quy định
// 366-QĐ/TW art. 5; Hướng dẫn 43-HD/BTCTW): counted, one such HTTNV could
// turn a failing chi bộ into a commended one. Each unit warns about its
// own rows only, so each member once.
func (e *evaluator) warnNewRated(u *Unit) {
	if !e.th.NewMembersNotRated {
		return
	}
	for i := range u.Members {
		m := &u.Members[i]
		if m.Rating == RatingNone || !e.isNew(m) {
			continue
		}
		d, why := e.reviewDate()
		e.add(u, m.Source.File(), m.Source.Sheet(), MemberNewRated,
			m.Name, m.Source, date(m.AdmittedOn.Time()), e.th.NewMemberMonths, date(d), why, m.Rating.Code())
	}
}

// add records a warning about u. A warning names the sheet its rows are
// in; with no sheet given it names the unit's workbook only — never a
// sheet by the schema's name, which the workbook may not have (a
// workbook of score sheets T1…T12 has no Sinh hoạt).
func (e *evaluator) add(u *Unit, file, sheet string, t *ProblemType, args ...any) {
	if file == "" {
		file = u.Source.File()
	}
	e.warnings = append(e.warnings, Problem{File: file, Sheet: sheet, Unit: u.Code}.Of(t, args...))
}

// meetingsSheet is the sheet the unit's meetings are in, for a warning
// about them all (a month without a meeting): the sheet when they are all
// in one, "" when they come from several — a warning about the year is
// not about sheet T1 of twelve score sheets — or there are none.
func meetingsSheet(v *view) (file, sheet string) {
	for i, m := range v.u.Meetings {
		if i == 0 {
			file, sheet = m.Source.File(), m.Source.Sheet()
			continue
		}
		if m.Source.File() != file {
			return "", ""
		}
		if m.Source.Sheet() != sheet {
			sheet = ""
		}
	}
	return file, sheet
}

// selfSheet is the sheet of the unit's Tự đánh giá rows, as the workbook
// names it, or the Tự đánh giá sheet of its workbook when no row of it is
// the unit's; "" when the workbook has none.
func selfSheet(u *Unit) (file, sheet string) {
	for _, it := range u.SelfAssessment {
		if it.Source.Sheet() != "" {
			return it.Source.File(), it.Source.Sheet()
		}
	}
	if u.SelfSheet != nil {
		return u.SelfSheet.File, u.SelfSheet.Sheet
	}
	return "", ""
}

// elapsedMonths is the last month of the year that is over by the
// self-check date: 12 without --as-of. The self-check date's own month is
// not over: its meeting may still come.
func (e *evaluator) elapsedMonths() int {
	if !e.asOf {
		return 12
	}
	switch {
	case e.opts.AsOf.Year() > e.year:
		return 12
	case e.opts.AsOf.Year() < e.year:
		return 0
	}
	return int(e.opts.AsOf.Month()) - 1
}

// warnMonths: the Party Charter has chi bộ meet monthly, so a month with no
// regular meeting, or with two, deserves a look (SPEC §2).
func (e *evaluator) warnMonths(v *view) {
	file, sheet := meetingsSheet(v)
	if missing := e.missingMonths(v, e.elapsedMonths()); len(missing) > 0 {
		e.add(v.u, file, sheet, ScheduleMonthMissing, v.u.Code, strings.Join(missing, ", "))
	}
	for m := 1; m <= 12; m++ {
		if v.regularByMonth[m] < 2 {
			continue
		}
		ms := regularIn(v.meetings, e.year, time.Month(m))
		names := make([]string, len(ms))
		for i := range ms {
			names[i] = scoredName(&ms[i])
		}
		e.add(v.u, file, sheet, ScheduleMonthTwice, v.u.Code, len(ms), monthName(e.year, m), listNames(names, "buổi"))
	}
}

// warnQuarters: at least one thematic meeting a quarter (SPEC §2), checked
// for the quarters over by the self-check date.
func (e *evaluator) warnQuarters(v *view) {
	file, sheet := meetingsSheet(v)
	var missing []string
	for q := 1; q <= 4; q++ {
		if !e.quarterOver(q) {
			break
		}
		if !v.thematicQYear[q] {
			missing = append(missing, quarterName(e.year, q))
		}
	}
	if len(missing) > 0 {
		e.add(v.u, file, sheet, ScheduleNoThematic, v.u.Code, strings.Join(missing, ", "))
	}
}

func (e *evaluator) quartersWithoutThematic(v *view) []string {
	var out []string
	for q := 1; q <= 4; q++ {
		if !v.thematicQ[q] {
			out = append(out, quarterName(e.year, q))
		}
	}
	return out
}

// warnAttendance: Hướng dẫn 12-HD/BTCTW asks for attendance above 85%; a
// meeting at or below it is flagged, whatever its score. Under
// AttendanceWarnBelow (the 2025 profile: the published score sheet gives
// full marks from 90%) only a meeting below the level is.
func (e *evaluator) warnAttendance(v *view) {
	for i := range v.meetings {
		m := &v.meetings[i]
		if m.Total <= 0 {
			continue
		}
		share := float64(m.Present) / float64(m.Total)
		if !e.th.AttendanceWarned(share) {
			continue
		}
		kind := "thường kỳ"
		if m.Kind == Thematic {
			kind = "chuyên đề"
		}
		why := fmt.Sprintf("không quá %s (Hướng dẫn 12-HD/BTCTW yêu cầu cao hơn)", pct(e.th.AttendanceWarn))
		if e.th.AttendanceWarnBelow {
			why = fmt.Sprintf("dưới %s (mức cảnh báo của tiêu chí đang áp dụng)", pct(e.th.AttendanceWarn))
			if e.th.AttendanceWarn == attendanceFullMarks2025 {
				why = fmt.Sprintf("dưới %s (phiếu chấm điểm sinh hoạt chi bộ cho đủ điểm tỉ lệ đảng viên dự sinh hoạt từ %s)",
					pct(e.th.AttendanceWarn), pct(e.th.AttendanceWarn))
			}
		}
		e.add(v.u, m.Source.File(), m.Source.Sheet(), MeetingLowAttendance,
			kind, meetingDate(m), v.u.Code, m.Source, m.Present, m.Total, pct(share), why)
	}
}

// attendanceFullMarks2025 is the attendance that earns group II of the
// published 2025 score sheet its full marks, the 2025 profile's warning level.
const attendanceFullMarks2025 = 0.90

// AttendanceWarned reports whether a meeting with this share of members
// present (Có mặt / Tổng số) is warned of: at or below AttendanceWarn, or
// only below it under AttendanceWarnBelow. Shares within rounding of the
// level count as at it (9/10 is 90%).
func (t Thresholds) AttendanceWarned(share float64) bool {
	if t.AttendanceWarnBelow {
		return share < t.AttendanceWarn-eps
	}
	return share <= t.AttendanceWarn+eps
}

// AttendanceWarnText is the warned attendance in words, for the criteria
// summary and the template's guide: "từ 85% trở xuống", or "dưới 90%"
// under AttendanceWarnBelow.
func (t Thresholds) AttendanceWarnText() string {
	if t.AttendanceWarnBelow {
		return "dưới " + pct(t.AttendanceWarn)
	}
	return "từ " + pct(t.AttendanceWarn) + " trở xuống"
}

// itemList joins item names with semicolons, since their texts hold
// commas, and cuts the list as listNames does.
func itemList(names []string) string {
	if len(names) <= maxListed {
		return strings.Join(names, "; ")
	}
	return strings.Join(names[:maxListed], "; ") + fmt.Sprintf(" và %d mục khác", len(names)-maxListed)
}

// warnItems: an item not recorded is a warning, not a failure (SPEC §2),
// one per unit so a bloc without the sheet is not drowned in them.
func (e *evaluator) warnItems(u *Unit) {
	var missing []string
	for _, it := range Items {
		done := false
		for i := range u.SelfAssessment {
			if u.SelfAssessment[i].ItemID == it.ID {
				done = true
				break
			}
		}
		if !done {
			// Named by criterion and text, as the secretary reads them in
			// the Tự đánh giá sheet: an ID such as tc4.q3 says nothing.
			missing = append(missing, strings.ToUpper(it.Criterion)+" “"+it.Text+"”")
		}
	}
	if len(missing) == 0 {
		return
	}
	which := fmt.Sprintf("%d/%d mục: %s", len(missing), len(Items), itemList(missing))
	if len(missing) == len(Items) {
		// Twelve item texts would fill a screen to say one thing.
		which = fmt.Sprintf("mục nào (0/%d mục)", len(Items))
	}
	strict := ""
	if e.strict {
		strict = " (chế độ nghiêm ngặt: tiêu chí có mục chưa tự đánh giá là thiếu dữ liệu)"
	}
	file, sheet := selfSheet(u)
	e.add(u, file, sheet, SelfAssessmentMissing, u.Code, which, strict)
}

// warnAdmittedLater: a Ngày kết nạp after the evaluation year cannot be
// right for a member reviewed in that year; read as is, the member would
// pass as a new member and be left out of every share without a word.
// The date is named, for the secretary to correct.
func (e *evaluator) warnAdmittedLater(u *Unit) {
	if e.year == 0 {
		return
	}
	for i := range u.Members {
		m := &u.Members[i]
		if m.AdmittedOn.IsZero() || m.AdmittedOn.Time().Year() <= e.year {
			continue
		}
		e.add(u, m.Source.File(), m.Source.Sheet(), MemberAdmittedLater, m.Name, m.Source, date(m.AdmittedOn.Time()), e.year)
	}
}

// warnCommitteeMeetings: a đảng bộ cơ sở holds no chi bộ meeting of its
// own (its sessions are the Họp cấp ủy rows); Sinh hoạt rows naming it
// count for none of its checks, and are said rather than dropped.
func (e *evaluator) warnCommitteeMeetings(u *Unit) {
	if u.Type != Committee || len(u.Meetings) == 0 {
		return
	}
	m := &u.Meetings[0]
	e.add(u, m.Source.File(), m.Source.Sheet(), MeetingOfCommittee, len(u.Meetings), u.Code, m.Source)
}
