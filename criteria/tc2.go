package criteria

import (
	"fmt"
	"strings"
	"time"
)

// tc2Checks are the measured checks of TC2, in the guidance's order: each
// record holds the check's rule, its judge and the criteria-file keys it
// reads.
var tc2Checks = []CheckDef{
	// II.2, "Đối với chi bộ".
	{ID: "tc2.regular_count", Criterion: "tc2", Scope: ScopeCell, Sheet: SheetMeetings, Title: "Số buổi sinh hoạt thường kỳ", AsOf: true,
		Keys: []string{"regular_meetings"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Tổ chức ít nhất %d buổi sinh hoạt chi bộ thường kỳ trong năm", th.RegularMeetings)
		},
		judge: (*evaluator).regularCount},
	// The full-marks gate and the groups' maxima decide which meetings
	// are Tốt, so the check reads them too.
	{ID: "tc2.regular_good", Criterion: "tc2", Scope: ScopeCell, Sheet: SheetMeetings, Title: "Buổi sinh hoạt thường kỳ đạt Tốt", AsOf: true, Share: true,
		Keys: []string{"regular_good_share", "meeting_good", "full_marks_groups", "score_groups"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s số buổi sinh hoạt thường kỳ đã tổ chức đạt chất lượng %s", capitalize(atLeast(th.RegularGoodShare)), th.MeetingBand(QualityGood).Phrase())
		},
		judge: (*evaluator).regularGood},
	{ID: "tc2.regular_no_weak", Criterion: "tc2", Scope: ScopeCell, Sheet: SheetMeetings, Title: "Không có buổi sinh hoạt Kém",
		Keys: []string{"meeting_average"},
		Rule: func(th Thresholds) string {
			return "Không có buổi sinh hoạt thường kỳ nào xếp loại " + th.MeetingBand(QualityWeak).Phrase()
		},
		judge: (*evaluator).regularNoWeak},
	{ID: "tc2.thematic_count", Criterion: "tc2", Scope: ScopeCell, Sheet: SheetMeetings, Title: "Số buổi sinh hoạt chuyên đề", AsOf: true,
		Keys: []string{"thematic_meetings"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Tổ chức ít nhất %d buổi sinh hoạt chuyên đề trong năm", th.ThematicMeetings)
		},
		judge: (*evaluator).thematicCount},
	// Chỉ thị 50-CT/TW: the 2025 profile's rule; hd17-2023 only warns
	// (warnQuarters).
	{ID: "tc2.thematic_quarterly", Criterion: "tc2", Scope: ScopeCell, Sheet: SheetMeetings, Title: "Sinh hoạt chuyên đề mỗi quý", AsOf: true,
		Keys:  []string{"thematic_quarterly"},
		Rule:  fixed("Mỗi quý của năm đánh giá có ít nhất một buổi sinh hoạt chuyên đề (Chỉ thị 50-CT/TW)"),
		On:    func(th Thresholds) bool { return th.ThematicQuarterly },
		judge: (*evaluator).thematicQuarterly},
	// II.2, "Đối với đảng bộ cơ sở".
	{ID: "tc2.committee_meetings", Criterion: "tc2", Scope: ScopeCommittee, Sheet: SheetCommittee, Title: "Họp ban chấp hành đảng bộ", AsOf: true,
		Keys: []string{"committee_meetings"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Ban chấp hành đảng bộ (đảng ủy) họp ít nhất %d lần trong năm", th.CommitteeMeetings)
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.committeeCount(v, ExecutiveBoard) }},
	{ID: "tc2.standing_meetings", Criterion: "tc2", Scope: ScopeCommittee, Sheet: SheetCommittee, Title: "Họp ban thường vụ đảng ủy", AsOf: true,
		Keys: []string{"standing_meetings"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Ban thường vụ đảng ủy họp ít nhất %d lần trong năm; không áp dụng cho đảng bộ không có ban thường vụ", th.StandingMeetings)
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.committeeCount(v, StandingBoard) }},
	{ID: "tc2.assembly", Criterion: "tc2", Scope: ScopeCommittee, Sheet: SheetCommittee, Title: "Hội nghị, đại hội toàn đảng bộ", AsOf: true,
		Keys: []string{"assemblies"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Tổ chức ít nhất %d hội nghị hoặc đại hội toàn đảng bộ trong năm", th.Assemblies)
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.committeeCount(v, Assembly) }},
}

// scoredName is "15/03/2024 (85 điểm, Sinh hoạt dòng 5)", or "… (85 điểm
// cấp trên chấm, …)" when the upper committee's score decided.
func scoredName(m *Meeting) string {
	if !m.HasScore {
		return meetingDate(m) + " (" + m.Source.String() + ")"
	}
	s := meetingDate(m) + " (" + num(m.Score) + " điểm, "
	if m.UpperScore {
		s = meetingDate(m) + " (" + num(m.Score) + " điểm cấp trên chấm, "
	}
	if lost := lostGroups(m); lost != "" {
		s += lost + "; "
	}
	return s + m.Source.String() + ")"
}

// quality is the band of a meeting under the thresholds, QualityNone when
// unscored: Meeting.Quality without copying the meeting and thresholds.
func (e *evaluator) quality(m *Meeting) Quality {
	return e.th.meetingQuality(m)
}

// missingMonths lists the months up to last with no regular meeting.
func (e *evaluator) missingMonths(v *view, last int) []string {
	var out []string
	for m := 1; m <= last; m++ {
		if v.regularByMonth[m] == 0 {
			out = append(out, monthName(e.year, m))
		}
	}
	return out
}

// regularCount checks "sinh hoạt chi bộ thường kỳ đủ 12 buổi/năm"
// (guidance II.2, "Đối với chi bộ").
func (e *evaluator) regularCount(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	need := e.th.RegularMeetings
	h := v.nRegular
	f := e.futureRegular(v)
	c := CheckResult{Value: ptr(float64(h)), Threshold: ptr(float64(need))}
	switch {
	case h >= need:
		c.Status = Met
		c.Message = fmt.Sprintf("%d buổi sinh hoạt thường kỳ, cần ít nhất %d", h, need)
	case h+f < need:
		c.Status = NotMet
		c.Fix = fmt.Sprintf("cần thêm %d buổi sinh hoạt thường kỳ (mỗi tháng một buổi)", need-h)
		if f == 0 {
			c.Message = fmt.Sprintf("%d buổi sinh hoạt thường kỳ, cần ít nhất %d", h, need)
		} else {
			c.Message = fmt.Sprintf("Đã có %d buổi sinh hoạt thường kỳ; %d tháng còn lại (mỗi tháng một buổi) không đủ để đạt %d", h, f, need)
		}
		if missing := e.missingMonths(v, 12-f); len(missing) > 0 {
			c.Message += "; không có buổi nào trong " + listNames(missing, "tháng")
		}
	default:
		c.Status = Reachable
		c.Message = fmt.Sprintf("Đã có %d buổi sinh hoạt thường kỳ; cần thêm %d buổi trong %d tháng còn lại (mỗi tháng một buổi)", h, need-h, f)
	}
	return c
}

// regularGood checks "có 75% trở lên số buổi sinh hoạt đạt chất lượng
// Tốt" (guidance II.2). With n meetings in the year it needs ⌈share·n⌉
// good ones. Under --as-of the year ends with n = held + one per remaining
// month: the best case is every remaining meeting Tốt, the worst none, and
// holding fewer meetings never helps a share that the remaining meetings
// could only raise. Unscored meetings are resolved the same way.
func (e *evaluator) regularGood(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	share := e.th.RegularGoodShare
	h := v.nRegular
	f := e.futureRegular(v)
	var good int
	var notGood, unscored nameList
	for i := range v.meetings {
		m := &v.meetings[i]
		if m.Kind != Regular {
			continue
		}
		switch e.quality(m) {
		case QualityNone:
			unscored.at(m.Source, "score", "chưa có điểm")
			if unscored.want() {
				unscored.add(scoredName(m))
			}
		case QualityGood:
			good++
		default:
			notGood.at(m.Source, "score", "chưa đạt Tốt")
			if notGood.want() {
				notGood.add(scoredName(m))
			}
		}
	}
	n := h + f
	c := CheckResult{Threshold: ptr(share)}
	if h > 0 {
		c.Value = ptr(float64(good) / float64(h))
	}
	if n == 0 {
		c.Status = NotMet
		c.Message = "Không có buổi sinh hoạt thường kỳ nào"
		return c
	}
	need := needed(share, n)
	head := fmt.Sprintf("%d/%d buổi thường kỳ đạt Tốt", good, h)
	if h > 0 {
		head += fmt.Sprintf(" (%s)", pct(float64(good)/float64(h)))
	}
	tail := ""
	if notGood.len() > 0 {
		tail = "; chưa đạt: " + notGood.list("buổi")
	}
	switch {
	case good >= need:
		c.Status = Met
		if f == 0 {
			c.Message = fmt.Sprintf("%s, cần ít nhất %s%s", head, pct(share), tail)
		} else {
			c.Message = fmt.Sprintf("%s; dù %d buổi còn lại thế nào vẫn đạt ít nhất %d/%d (%s)%s", head, f, good, n, pct(share), tail)
		}
	case good+unscored.len()+f < need:
		c.Status = NotMet
		if f == 0 {
			c.Message = fmt.Sprintf("%s, cần ít nhất %s (%d/%d)%s", head, pct(share), need, n, tail)
		} else {
			c.Message = fmt.Sprintf("%s; cần %d/%d buổi đạt Tốt (%s) nhưng chỉ còn %d buổi: không thể đạt%s", head, need, n, pct(share), f, tail)
		}
		c.Fix = fmt.Sprintf("cần thêm %d buổi đạt Tốt (%d/%d)", need-good, need, n)
		c.Cites = citesOf(&notGood, &unscored)
	case unscored.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%s; %d buổi chưa có điểm: %s", head, unscored.len(), unscored.list("buổi"))
		c.Fix = "ghi điểm chấm của buổi sinh hoạt"
		c.Cites = citesOf(&unscored)
	default:
		c.Status = Reachable
		c.Message = fmt.Sprintf("%s; cần thêm %d buổi đạt Tốt trong %d buổi còn lại (để đạt %d/%d = %s)%s", head, need-good, f, need, n, pct(share), tail)
		c.Fix = fmt.Sprintf("cần thêm %d buổi đạt Tốt trong %d buổi còn lại", need-good, f)
		c.Cites = citesOf(&notGood, &unscored)
	}
	return c
}

// regularNoWeak checks "không có buổi sinh hoạt chất lượng Kém" (guidance
// II.2), on the meetings held so far.
func (e *evaluator) regularNoWeak(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	var weak, unscored nameList
	scored := 0
	for i := range v.meetings {
		m := &v.meetings[i]
		if m.Kind != Regular {
			continue
		}
		switch e.quality(m) {
		case QualityNone:
			unscored.at(m.Source, "score", "chưa có điểm")
			if unscored.want() {
				unscored.add(scoredName(m))
			}
		case QualityWeak:
			weak.at(m.Source, "score", "xếp loại Kém")
			if weak.want() {
				weak.add(scoredName(m))
			}
			scored++
		default:
			scored++
		}
	}
	c := CheckResult{Value: ptr(float64(weak.len())), Threshold: ptr(0)}
	switch {
	case weak.len() > 0:
		c.Status = NotMet
		c.Message = fmt.Sprintf("%d buổi thường kỳ xếp loại %s: %s", weak.len(), e.th.MeetingBand(QualityWeak).Phrase(), weak.list("buổi"))
		c.Fix = "không để buổi sinh hoạt thường kỳ nào xếp loại Kém"
		c.Cites = citesOf(&weak, &unscored)
	case unscored.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%d buổi thường kỳ chưa có điểm: %s", unscored.len(), unscored.list("buổi"))
		c.Fix = "ghi điểm chấm của buổi sinh hoạt"
		c.Cites = citesOf(&unscored)
	default:
		c.Status = Met
		c.Message = fmt.Sprintf("Không có buổi thường kỳ nào xếp loại Kém (%d buổi đã chấm điểm)", scored)
	}
	return c
}

// countCheck judges "at least need in the year" for meetings the rest of
// the year may hold in any number: open until 31/12 under --as-of.
func (e *evaluator) countCheck(have, need int, noun string) CheckResult {
	c := CheckResult{Value: ptr(float64(have)), Threshold: ptr(float64(need))}
	switch {
	case have >= need:
		c.Status = Met
		c.Message = fmt.Sprintf("%d %s, cần ít nhất %d", have, noun, need)
	case e.yearOver():
		c.Status = NotMet
		c.Message = fmt.Sprintf("%d %s, cần ít nhất %d", have, noun, need)
		c.Fix = fmt.Sprintf("cần thêm %d %s", need-have, noun)
	default:
		c.Status = Reachable
		c.Message = fmt.Sprintf("Đã có %d %s; cần thêm %d trước %s", have, noun, need-have, e.deadline())
	}
	return c
}

// thematicCount checks "sinh hoạt chuyên đề ít nhất 4 buổi/năm" (guidance
// II.2).
func (e *evaluator) thematicCount(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	c := e.countCheck(v.nThematic, e.th.ThematicMeetings, "buổi sinh hoạt chuyên đề")
	if c.Status == NotMet {
		if q := e.quartersWithoutThematic(v); len(q) > 0 {
			c.Message += "; không có buổi nào trong " + strings.Join(q, ", ")
		}
	}
	return c
}

// quarterOver reports whether quarter q of the evaluation year is over by
// the self-check date: always without --as-of, and from the quarter's last
// day on with it. The self-check date's rows are in the data, and thematic
// meetings, unlike regular ones, are not one to a month. warnQuarters
// asks it too; yearOver reads the date the same way.
func (e *evaluator) quarterOver(q int) bool {
	end := time.Date(e.year, time.Month(3*q+1), 0, 0, 0, 0, 0, time.UTC)
	return !e.asOf || dayKey(e.opts.AsOf) >= dayKey(end)
}

// QuartersJudged reports whether tc2.thematic_quarterly judges the
// quarters under t: its rules include it and the criteria file does not
// skip it. Then a quarter without a thematic meeting fails TC2, and
// neither the warning of SPEC §2 nor a text wording the rules says it a
// second time as a reminder.
func (t Thresholds) QuartersJudged() bool {
	return t.ThematicQuarterly && !t.Skipped("tc2.thematic_quarterly")
}

// thematicQuarterly checks "ít nhất mỗi quý một lần" for thematic meetings
// (Chỉ thị 50-CT/TW), on the meetings dated in the evaluation year. Under
// --as-of a quarter without one is khong_dat once it is over and
// con_kha_nang before: any number of thematic meetings may still come.
func (e *evaluator) thematicQuarterly(v *view) CheckResult {
	if !v.u.Sheets.Has(SheetMeetings) {
		return missingSheet(SheetMeetings, "")
	}
	held := 0
	var missed, open []string
	for q := 1; q <= 4; q++ {
		switch {
		case v.thematicQYear[q]:
			held++
		case e.quarterOver(q):
			missed = append(missed, quarterName(e.year, q))
		default:
			open = append(open, quarterName(e.year, q))
		}
	}
	c := CheckResult{Value: ptr(float64(held)), Threshold: ptr(4)}
	head := fmt.Sprintf("%d/4 quý có sinh hoạt chuyên đề", held)
	switch {
	case len(missed) > 0:
		c.Status = NotMet
		c.Message = fmt.Sprintf("%s; %s không có buổi sinh hoạt chuyên đề nào (mỗi quý ít nhất một buổi)", head, strings.Join(missed, ", "))
		if len(open) > 0 {
			c.Message += fmt.Sprintf("; %s chưa có", strings.Join(open, ", "))
		}
	case len(open) > 0:
		c.Status = Reachable
		c.Message = fmt.Sprintf("%s; %s chưa có sinh hoạt chuyên đề: cần ít nhất một buổi trong mỗi quý đó", head, strings.Join(open, ", "))
	default:
		c.Status = Met
		c.Message = "Cả 4 quý đều có sinh hoạt chuyên đề"
	}
	return c
}

// committeeCount checks the meetings of a đảng bộ's own bodies (guidance
// II.2, "Đối với đảng bộ cơ sở": the Party Charter and working rules).
// A Đại hội counts as a conference of the whole đảng bộ.
func (e *evaluator) committeeCount(v *view, kind CommitteeKind) CheckResult {
	u := v.u
	n := 0
	for _, m := range v.committee {
		if m.Kind == kind || (kind == Assembly && m.Kind == Congress) {
			n++
		}
	}
	if kind == StandingBoard && !u.Standing {
		msg := "Đảng bộ không có ban thường vụ"
		if n > 0 {
			msg += fmt.Sprintf(" (cột \"Có ban thường vụ\" để trống, nhưng trang \"Họp cấp ủy\" có %d buổi họp ban thường vụ)", n)
		}
		return notApplicable(msg)
	}
	if !u.Sheets.Has(SheetCommittee) {
		return missingSheet(SheetCommittee, "")
	}
	switch kind {
	case ExecutiveBoard:
		return e.countCheck(n, e.th.CommitteeMeetings, "kỳ họp ban chấp hành đảng bộ")
	case StandingBoard:
		return e.countCheck(n, e.th.StandingMeetings, "kỳ họp ban thường vụ đảng ủy")
	}
	return e.countCheck(n, e.th.Assemblies, "hội nghị, đại hội toàn đảng bộ")
}
