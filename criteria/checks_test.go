package criteria

import (
	"testing"
)

type checkCase struct {
	name   string
	mutate func(ds *Dataset)
	th     func(th *Thresholds)
	code   string
	id     string
	want   Status
	value  *float64 // nil: not asserted
	msg    []string // substrings of the message
}

func runCheckCases(t *testing.T, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ds := bloc()
			if tc.mutate != nil {
				tc.mutate(ds)
			}
			th := Default()
			if tc.th != nil {
				tc.th(&th)
			}
			rep := Evaluate(ds, th, Options{})
			c := expect(t, rep, tc.code, tc.id, tc.want)
			if tc.value != nil {
				if c.Value == nil || *c.Value != *tc.value {
					t.Errorf("value %v, want %v", c.Value, *tc.value)
				}
			}
			if !hasAll(c.Message, tc.msg...) {
				t.Errorf("message %q lacks %q", c.Message, tc.msg)
			}
		})
	}
}

func withoutSheet(code string, s Sheet) func(*Dataset) {
	return func(ds *Dataset) {
		u := find(ds, code)
		u.Sheets &^= 1 << s
	}
}

func TestCriteria528(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "key at tốt", code: "CS01", id: "tc1.key_criteria", want: Met, value: ptr(1), msg: []string{"2/2 tiêu chí nhóm trọng tâm"}},
		{name: "key at trung bình", code: "CS01", id: "tc1.key_criteria", want: NotMet,
			mutate: func(ds *Dataset) { find(ds, "CS01").Criteria[0].Level = LevelAverage },
			msg:    []string{"1/2", "Kết quả xây dựng Đảng (Trung bình, Tiêu chí dòng"}},
		{name: "key score 70 is tốt", code: "CS01", id: "tc1.key_criteria", want: Met,
			mutate: func(ds *Dataset) {
				c := &find(ds, "CS01").Criteria[0]
				c.Level, c.Score, c.HasScore = LevelNone, 70, true
			}},
		{name: "key score 69.9 is below tốt", code: "CS01", id: "tc1.key_criteria", want: NotMet,
			mutate: func(ds *Dataset) {
				c := &find(ds, "CS01").Criteria[0]
				c.Level, c.Score, c.HasScore = LevelNone, 69.9, true
			}, msg: []string{"69,9 điểm, mức Trung bình"}},
		{name: "key level blank", code: "CS01", id: "tc1.key_criteria", want: MissingData,
			mutate: func(ds *Dataset) { find(ds, "CS01").Criteria[0].Level = LevelNone }, msg: []string{"chưa ghi mức"}},
		{name: "no key rows", code: "CS01", id: "tc1.key_criteria", want: MissingData,
			mutate: func(ds *Dataset) { u := find(ds, "CS01"); u.Criteria = u.Criteria[2:] }},
		{name: "sheet absent", code: "CS01", id: "tc1.key_criteria", want: MissingData,
			mutate: withoutSheet("CS01", SheetCriteria), msg: []string{"không có trang \"Tiêu chí\""}},
		{name: "no rows", code: "DB01", id: "tc1.key_criteria", want: MissingData,
			mutate: func(ds *Dataset) { find(ds, "DB01").Criteria = nil }},
		{name: "other at trung bình", code: "DB01", id: "tc1.other_criteria", want: Met},
		{name: "other at kém", code: "DB01", id: "tc1.other_criteria", want: NotMet,
			mutate: func(ds *Dataset) { find(ds, "DB01").Criteria[2].Level = LevelWeak }},
		{name: "other score 50", code: "CS01", id: "tc1.other_criteria", want: Met,
			mutate: func(ds *Dataset) {
				c := &find(ds, "CS01").Criteria[2]
				c.Level, c.Score, c.HasScore = LevelNone, 50, true
			}},
		{name: "other score 49.9", code: "CS01", id: "tc1.other_criteria", want: NotMet,
			mutate: func(ds *Dataset) {
				c := &find(ds, "CS01").Criteria[2]
				c.Level, c.Score, c.HasScore = LevelNone, 49.9, true
			}},
		{name: "other sheet absent", code: "CS01", id: "tc1.other_criteria", want: MissingData,
			mutate: withoutSheet("CS01", SheetCriteria)},
	})
}

func setMembers(code string, ms ...Member) func(*Dataset) {
	return func(ds *Dataset) { find(ds, code).Members = ms }
}

func exempt(m Member) Member { m.Exempt = true; m.Rating = RatingNone; return m }

func TestMembers(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "all at least HTNV", code: "CS01", id: "tc1.members_floor", want: Met, value: ptr(1), msg: []string{"4/4 (100%) đảng viên xếp loại từ HTNV"}},
		{name: "one KHTNV", code: "CS01", id: "tc1.members_floor", want: NotMet,
			mutate: func(ds *Dataset) { find(ds, "CS01").Members[3].Rating = KHTNV },
			msg:    []string{"1 đảng viên xếp loại dưới HTNV: Phạm Thị Dung (KHTNV, Đảng viên dòng"}},
		{name: "exempt member out of denominator", code: "CS01", id: "tc1.members_floor", want: Met,
			mutate: func(ds *Dataset) {
				u := find(ds, "CS01")
				u.Members = append(u.Members, exempt(member("Hoàng Văn Em", KHTNV)))
			}, msg: []string{"4/4", "không tính 1 đảng viên miễn"}},
		{name: "blank rating", code: "CS01", id: "tc1.members_floor", want: MissingData,
			mutate: func(ds *Dataset) { find(ds, "CS01").Members[3].Rating = RatingNone },
			msg:    []string{"chưa được xếp loại: Phạm Thị Dung"}},
		{name: "blank rating but a KHTNV settles it", code: "CS01", id: "tc1.members_floor", want: NotMet,
			mutate: func(ds *Dataset) {
				u := find(ds, "CS01")
				u.Members[3].Rating = RatingNone
				u.Members[2].Rating = KHTNV
			}},
		{name: "sheet absent", code: "CS01", id: "tc1.members_floor", want: MissingData, mutate: withoutSheet("CS01", SheetMembers)},
		{name: "no rows", code: "CS01", id: "tc1.members_floor", want: MissingData, mutate: setMembers("CS01")},
		{name: "all exempt", code: "CS01", id: "tc1.members_good", want: MissingData,
			mutate: setMembers("CS01", exempt(member("A", HTNV)))},
		{name: "exactly 50% HTTNV", code: "CS01", id: "tc1.members_good", want: Met, value: ptr(0.5),
			mutate: setMembers("CS01", member("A", HTTNV), member("B", HTXSNV), member("C", HTNV), member("D", HTNV))},
		{name: "below 50% HTTNV", code: "CS01", id: "tc1.members_good", want: NotMet, value: ptr(0.25),
			mutate: setMembers("CS01", member("A", HTTNV), member("B", HTNV), member("C", HTNV), member("D", HTNV)),
			msg:    []string{"1/4 (25%)", "cần ít nhất 50%"}},
		{name: "exempt out of HTTNV denominator", code: "CS01", id: "tc1.members_good", want: Met,
			mutate: setMembers("CS01", member("A", HTTNV), member("B", HTTNV), member("C", HTNV), member("D", HTNV), exempt(member("E", 0)))},
		{name: "blank could still reach 50%", code: "CS01", id: "tc1.members_good", want: MissingData,
			mutate: setMembers("CS01", member("A", HTTNV), member("B", HTNV), member("C", HTNV), member("D", 0))},
		{name: "blank cannot reach 50%", code: "CS01", id: "tc1.members_good", want: NotMet,
			mutate: setMembers("CS01", member("A", HTNV), member("B", HTNV), member("C", HTNV), member("D", 0))},
		{name: "sub cell lists members", code: "CB01", id: "tc1.members_good", want: Met},
	})
}

func TestSuborgs(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "two HTTNV", code: "DB01", id: "tc1.suborgs_floor", want: Met},
		{name: "one KHTNV", code: "DB01", id: "tc1.suborgs_floor", want: NotMet,
			mutate: func(ds *Dataset) { find(ds, "CB02").Rating = KHTNV }, msg: []string{"Chi bộ CB02 (KHTNV, CB02)"}},
		{name: "no subordinate cells", code: "DB01", id: "tc1.suborgs_floor", want: MissingData,
			mutate: func(ds *Dataset) { ds.Units = []*Unit{find(ds, "DB01")} }},
		{name: "blank rating", code: "DB01", id: "tc1.suborgs_floor", want: MissingData,
			mutate: func(ds *Dataset) { find(ds, "CB02").Rating = RatingNone }},
		{name: "exactly half HTTNV", code: "DB01", id: "tc1.suborgs_good", want: Met,
			mutate: func(ds *Dataset) { find(ds, "CB02").Rating = HTNV }},
		{name: "none HTTNV", code: "DB01", id: "tc1.suborgs_good", want: NotMet,
			mutate: func(ds *Dataset) { find(ds, "CB01").Rating = HTNV; find(ds, "CB02").Rating = HTNV }},
	})
}

func staffRows(rs ...Rating) func(*Dataset) {
	return func(ds *Dataset) {
		u := find(ds, "CS01")
		for i, r := range rs {
			u.Staff = append(u.Staff, Person{Name: string(rune('A' + i)), Rating: r, Source: src("Cán bộ")})
		}
	}
}

func TestStaff(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "no rows", code: "CS01", id: "tc1.staff_floor", want: NotApplicable},
		{name: "no sheet", code: "CS01", id: "tc1.staff_good", want: NotApplicable, mutate: withoutSheet("CS01", SheetStaff)},
		{name: "required, no rows", code: "CS01", id: "tc1.staff_floor", want: MissingData, th: func(th *Thresholds) { th.RequireStaff = true }},
		{name: "required, no sheet", code: "CS01", id: "tc1.staff_floor", want: MissingData,
			th: func(th *Thresholds) { th.RequireStaff = true }, mutate: withoutSheet("CS01", SheetStaff)},
		{name: "all HTNV", code: "CS01", id: "tc1.staff_floor", want: Met, mutate: staffRows(HTNV, HTTNV)},
		{name: "one KHTNV", code: "CS01", id: "tc1.staff_floor", want: NotMet, mutate: staffRows(HTNV, KHTNV)},
		{name: "half HTTNV", code: "CS01", id: "tc1.staff_good", want: Met, mutate: staffRows(HTNV, HTTNV)},
		{name: "under half HTTNV", code: "CS01", id: "tc1.staff_good", want: NotMet, mutate: staffRows(HTNV, HTNV, HTTNV)},
		{name: "committee may list staff", code: "DB01", id: "tc1.staff_good", want: NotApplicable},
	})
}

func TestMassOrgs(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "HTTNV", code: "CS01", id: "tc1.mass_orgs", want: Met},
		{name: "HTNV is enough", code: "CS01", id: "tc1.mass_orgs", want: Met,
			mutate: func(ds *Dataset) { find(ds, "CS01").MassOrgs[0].Rating = HTNV }},
		{name: "KHTNV", code: "CS01", id: "tc1.mass_orgs", want: NotMet,
			mutate: func(ds *Dataset) { find(ds, "CS01").MassOrgs[0].Rating = KHTNV }, msg: []string{"Công đoàn (KHTNV, Đoàn thể dòng"}},
		{name: "blank", code: "CS01", id: "tc1.mass_orgs", want: MissingData,
			mutate: func(ds *Dataset) { find(ds, "CS01").MassOrgs[0].Rating = RatingNone }},
		{name: "no rows", code: "CS01", id: "tc1.mass_orgs", want: NotApplicable,
			mutate: func(ds *Dataset) { find(ds, "CS01").MassOrgs = nil }},
		{name: "no rows but required", code: "CS01", id: "tc1.mass_orgs", want: MissingData,
			mutate: func(ds *Dataset) { find(ds, "CS01").MassOrgs = nil }, th: func(th *Thresholds) { th.RequireMassOrgs = true }},
		{name: "sheet absent", code: "CS01", id: "tc1.mass_orgs", want: MissingData, mutate: withoutSheet("CS01", SheetMassOrgs)},
	})
}

func target(code string, target, admitted int, hasAdmitted bool) func(*Dataset) {
	return func(ds *Dataset) {
		u := find(ds, code)
		u.HasTarget, u.AdmissionTarget = true, target
		u.HasAdmitted, u.Admitted = hasAdmitted, admitted
	}
}

func TestAdmission(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "no target", code: "CS01", id: "tc1.admission", want: NotApplicable},
		{name: "target zero", code: "CS01", id: "tc1.admission", want: NotApplicable, mutate: target("CS01", 0, 0, true)},
		{name: "target met", code: "CS01", id: "tc1.admission", want: Met, mutate: target("CS01", 2, 2, true), value: ptr(2)},
		{name: "target missed", code: "DB01", id: "tc1.admission", want: NotMet, mutate: target("DB01", 2, 1, true), msg: []string{"1/2", "còn thiếu 1"}},
		{name: "admitted blank", code: "CS01", id: "tc1.admission", want: MissingData, mutate: target("CS01", 2, 0, false)},
	})
}

func addCase(code string, kind CaseKind, resolved bool) func(*Dataset) {
	return func(ds *Dataset) {
		u := find(ds, code)
		u.Cases = append(u.Cases, Case{Date: day(3, 15), Kind: kind, Resolved: resolved, Source: src("Đơn thư vụ việc")})
	}
}

func both(fs ...func(*Dataset)) func(*Dataset) {
	return func(ds *Dataset) {
		for _, f := range fs {
			f(ds)
		}
	}
}

func TestCases(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "pending: none", code: "CS01", id: "tc1.cases_pending", want: Met, msg: []string{"Không có đơn thư"}},
		{name: "pending: all resolved", code: "CS01", id: "tc1.cases_pending", want: Met, mutate: addCase("CS01", Complaint, true)},
		{name: "pending: unresolved petition", code: "CS01", id: "tc1.cases_pending", want: NotMet, mutate: addCase("CS01", Petition, false),
			msg: []string{"1 đơn thư, vụ việc chưa giải quyết: Đơn thư 15/03/2024 (Đơn thư vụ việc dòng"}},
		{name: "pending: unresolved pressing issue", code: "CS01", id: "tc1.cases_pending", want: NotMet, mutate: addCase("CS01", PressingIssue, false)},
		{name: "pending: sheet absent", code: "CS01", id: "tc1.cases_pending", want: MissingData, mutate: withoutSheet("CS01", SheetCases)},
		{name: "pending: committee counts its own rows only", code: "DB01", id: "tc1.cases_pending", want: Met, mutate: addCase("CB01", Petition, false)},

		{name: "complaints: none", code: "CS01", id: "tc3.no_complaints", want: Met},
		{name: "complaints: resolved still counts", code: "CS01", id: "tc3.no_complaints", want: NotMet, mutate: addCase("CS01", Denunciation, true)},
		{name: "complaints: pressing issue is not a complaint", code: "CS01", id: "tc3.no_complaints", want: Met, mutate: addCase("CS01", PressingIssue, false)},
		{name: "complaints: sheet absent", code: "CS01", id: "tc3.no_complaints", want: MissingData, mutate: withoutSheet("CS01", SheetCases)},
		{name: "complaints: committee counts its cells", code: "DB01", id: "tc3.no_complaints", want: NotMet, mutate: addCase("CB02", Complaint, true),
			msg: []string{"tính cả 2 chi bộ trực thuộc", "Khiếu nại 15/03/2024 (CB02, Đơn thư vụ việc dòng"}},
		{name: "complaints: a cell's sheet absent", code: "DB01", id: "tc3.no_complaints", want: MissingData, mutate: withoutSheet("CB02", SheetCases),
			msg: []string{"Sổ của CB02"}},
		{name: "complaints: found beats missing", code: "DB01", id: "tc3.no_complaints", want: NotMet,
			mutate: both(withoutSheet("CB02", SheetCases), addCase("CB01", Petition, true))},

		{name: "issues: none", code: "CS01", id: "tc3.issues_resolved", want: Met},
		{name: "issues: resolved", code: "CS01", id: "tc3.issues_resolved", want: Met, mutate: addCase("CS01", PressingIssue, true), msg: []string{"Cả 1 vấn đề"}},
		{name: "issues: unresolved", code: "CS01", id: "tc3.issues_resolved", want: NotMet, mutate: addCase("CS01", PressingIssue, false)},
		{name: "issues: unresolved petition is not an issue", code: "CS01", id: "tc3.issues_resolved", want: Met, mutate: addCase("CS01", Petition, false)},
		{name: "issues: committee counts its cells", code: "DB01", id: "tc3.issues_resolved", want: NotMet, mutate: addCase("CB01", PressingIssue, false)},
		{name: "issues: sheet absent", code: "CB01", id: "tc3.issues_resolved", want: MissingData, mutate: withoutSheet("CB01", SheetCases)},
	})
}

func TestMeetingChecks(t *testing.T) {
	setScores := func(code string, scores ...float64) func(*Dataset) {
		return func(ds *Dataset) {
			u := find(ds, code)
			i := 0
			for j := range u.Meetings {
				if u.Meetings[j].Kind == Regular && i < len(scores) {
					u.Meetings[j].Score = scores[i]
					i++
				}
			}
		}
	}
	dropRegular := func(code string, month int) func(*Dataset) {
		return func(ds *Dataset) {
			u := find(ds, code)
			var kept []Meeting
			for _, m := range u.Meetings {
				if m.Kind == Regular && int(m.Date.Month()) == month {
					continue
				}
				kept = append(kept, m)
			}
			u.Meetings = kept
		}
	}
	dropThematic := func(code string) func(*Dataset) {
		return func(ds *Dataset) {
			u := find(ds, code)
			for i, m := range u.Meetings {
				if m.Kind == Thematic {
					u.Meetings = append(u.Meetings[:i], u.Meetings[i+1:]...)
					return
				}
			}
		}
	}
	runCheckCases(t, []checkCase{
		{name: "12 regular", code: "CS01", id: "tc2.regular_count", want: Met, value: ptr(12)},
		{name: "11 regular", code: "CS01", id: "tc2.regular_count", want: NotMet, value: ptr(11), mutate: dropRegular("CS01", 5),
			msg: []string{"11 buổi", "cần ít nhất 12", "tháng 5/2024"}},
		{name: "count: sheet absent", code: "CS01", id: "tc2.regular_count", want: MissingData, mutate: withoutSheet("CS01", SheetMeetings)},
		{name: "count: present, no rows", code: "CS01", id: "tc2.regular_count", want: NotMet, mutate: func(ds *Dataset) { find(ds, "CS01").Meetings = nil }},

		{name: "9/12 good", code: "CS01", id: "tc2.regular_good", want: Met, value: ptr(0.75),
			mutate: setScores("CS01", 85, 80, 89.5)},
		{name: "8/12 good", code: "CS01", id: "tc2.regular_good", want: NotMet,
			mutate: setScores("CS01", 85, 80, 89.5, 70),
			msg:    []string{"8/12 buổi thường kỳ đạt Tốt", "chưa đạt: 10/01/2024 (85 điểm, Sinh hoạt dòng", "10/03/2024 (89,5 điểm"}},
		{name: "90 points is tốt", code: "CS01", id: "tc2.regular_good", want: Met,
			mutate: setScores("CS01", 85, 80, 90, 90)},
		{name: "89.5 points is not tốt", code: "CS01", id: "tc2.regular_good", want: NotMet,
			mutate: setScores("CS01", 85, 80, 89.5, 89.5)},
		{name: "share of meetings held, not of 12", code: "CS01", id: "tc2.regular_good", want: Met,
			mutate: both(dropRegular("CS01", 1), dropRegular("CS01", 2), dropRegular("CS01", 3), dropRegular("CS01", 4))},
		{name: "good: no meeting", code: "CS01", id: "tc2.regular_good", want: NotMet, mutate: func(ds *Dataset) { find(ds, "CS01").Meetings = nil }},
		{name: "good: unscored leaves it open", code: "CS01", id: "tc2.regular_good", want: MissingData,
			mutate: both(setScores("CS01", 80, 80, 80), func(ds *Dataset) { find(ds, "CS01").Meetings[5].HasScore = false }),
			msg:    []string{"chưa có điểm: 10/06/2024"}},
		{name: "good: unscored cannot save it", code: "CS01", id: "tc2.regular_good", want: NotMet,
			mutate: both(setScores("CS01", 80, 80, 80, 80), func(ds *Dataset) { find(ds, "CS01").Meetings[5].HasScore = false })},
		{name: "good: sheet absent", code: "CS01", id: "tc2.regular_good", want: MissingData, mutate: withoutSheet("CS01", SheetMeetings)},

		{name: "50 points is not kém", code: "CS01", id: "tc2.regular_no_weak", want: Met, mutate: setScores("CS01", 50)},
		{name: "49.9 points is kém", code: "CS01", id: "tc2.regular_no_weak", want: NotMet, mutate: setScores("CS01", 49.9),
			msg: []string{"1 buổi thường kỳ xếp loại Kém (dưới 50 điểm): 10/01/2024 (49,9 điểm"}},
		{name: "weak thematic does not count", code: "CS01", id: "tc2.regular_no_weak", want: Met,
			mutate: func(ds *Dataset) { find(ds, "CS01").Meetings[12].Score = 10 }},
		{name: "no weak: unscored", code: "CS01", id: "tc2.regular_no_weak", want: MissingData,
			mutate: func(ds *Dataset) { find(ds, "CS01").Meetings[0].HasScore = false }},
		{name: "no weak: sheet absent", code: "CS01", id: "tc2.regular_no_weak", want: MissingData, mutate: withoutSheet("CS01", SheetMeetings)},

		{name: "4 thematic", code: "CS01", id: "tc2.thematic_count", want: Met, value: ptr(4)},
		{name: "3 thematic", code: "CS01", id: "tc2.thematic_count", want: NotMet, value: ptr(3), mutate: dropThematic("CS01"),
			msg: []string{"3 buổi sinh hoạt chuyên đề, cần ít nhất 4", "quý I/2024"}},
		{name: "thematic: sheet absent", code: "CS01", id: "tc2.thematic_count", want: MissingData, mutate: withoutSheet("CS01", SheetMeetings)},
		{name: "thematic: threshold 3", code: "CS01", id: "tc2.thematic_count", want: Met, mutate: dropThematic("CS01"), th: func(th *Thresholds) { th.ThematicMeetings = 3 }},
	})
}

func TestCommitteeMeetings(t *testing.T) {
	drop := func(kind CommitteeKind, n int) func(*Dataset) {
		return func(ds *Dataset) {
			u := find(ds, "DB01")
			var kept []CommitteeMeeting
			for _, m := range u.CommitteeMeetings {
				if m.Kind == kind && n > 0 {
					n--
					continue
				}
				kept = append(kept, m)
			}
			u.CommitteeMeetings = kept
		}
	}
	runCheckCases(t, []checkCase{
		{name: "12 executive", code: "DB01", id: "tc2.committee_meetings", want: Met, value: ptr(12)},
		{name: "11 executive", code: "DB01", id: "tc2.committee_meetings", want: NotMet, value: ptr(11), mutate: drop(ExecutiveBoard, 1),
			msg: []string{"11 kỳ họp ban chấp hành đảng bộ, cần ít nhất 12"}},
		{name: "executive: sheet absent", code: "DB01", id: "tc2.committee_meetings", want: MissingData, mutate: withoutSheet("DB01", SheetCommittee)},
		{name: "12 standing", code: "DB01", id: "tc2.standing_meetings", want: Met},
		{name: "11 standing", code: "DB01", id: "tc2.standing_meetings", want: NotMet, mutate: drop(StandingBoard, 1)},
		{name: "no standing board", code: "DB01", id: "tc2.standing_meetings", want: NotApplicable,
			mutate: func(ds *Dataset) { find(ds, "DB01").Standing = false }, msg: []string{"không có ban thường vụ", "có 12 buổi họp"}},
		{name: "one assembly", code: "DB01", id: "tc2.assembly", want: Met},
		{name: "a congress counts", code: "DB01", id: "tc2.assembly", want: Met,
			mutate: both(drop(Assembly, 1), func(ds *Dataset) {
				u := find(ds, "DB01")
				u.CommitteeMeetings = append(u.CommitteeMeetings, CommitteeMeeting{Date: day(6, 1), Kind: Congress})
			})},
		{name: "no assembly", code: "DB01", id: "tc2.assembly", want: NotMet, mutate: drop(Assembly, 1)},
		{name: "assembly: sheet absent", code: "DB01", id: "tc2.assembly", want: MissingData, mutate: withoutSheet("DB01", SheetCommittee)},
	})
}

func TestMembersTC4(t *testing.T) {
	violate := func(code string, i int) func(*Dataset) {
		return func(ds *Dataset) { find(ds, code).Members[i].Violation = true }
	}
	residence := func(code string, i int, r Residence) func(*Dataset) {
		return func(ds *Dataset) { find(ds, code).Members[i].Residence = r }
	}
	runCheckCases(t, []checkCase{
		{name: "no violation", code: "CS01", id: "tc4.no_violations", want: Met},
		{name: "a violation", code: "CS01", id: "tc4.no_violations", want: NotMet, mutate: violate("CS01", 1),
			msg: []string{"1 đảng viên vi phạm những điều đảng viên không được làm: Trần Thị Bình (Đảng viên dòng"}},
		{name: "an exempt member's violation counts", code: "CS01", id: "tc4.no_violations", want: NotMet,
			mutate: func(ds *Dataset) {
				u := find(ds, "CS01")
				m := exempt(member("Hoàng Văn Em", 0))
				m.Violation = true
				u.Members = append(u.Members, m)
			}},
		{name: "committee counts its cells' members", code: "DB01", id: "tc4.no_violations", want: NotMet, mutate: violate("CB02", 0),
			msg: []string{"Nguyễn Văn An (CB02, Đảng viên dòng"}},
		{name: "violations: sheet absent", code: "CS01", id: "tc4.no_violations", want: MissingData, mutate: withoutSheet("CS01", SheetMembers)},
		{name: "violations: no rows", code: "CS01", id: "tc4.no_violations", want: MissingData, mutate: setMembers("CS01")},
		{name: "violations: committee's own workbook without the sheet", code: "DB01", id: "tc4.no_violations", want: Met,
			mutate: withoutSheet("DB01", SheetMembers), msg: []string{"8 đảng viên"}},
		{name: "violations: a cell of the committee has no rows", code: "DB01", id: "tc4.no_violations", want: MissingData, mutate: setMembers("CB01"),
			msg: []string{"CB01"}},

		{name: "all positive", code: "CS01", id: "tc4.residence", want: Met, value: ptr(1)},
		{name: "a negative feedback", code: "CS01", id: "tc4.residence", want: NotMet, mutate: residence("CS01", 2, ResidenceNegative),
			msg: []string{"Lê Văn Cường"}},
		{name: "a blank feedback", code: "CS01", id: "tc4.residence", want: MissingData, mutate: residence("CS01", 2, ResidenceBlank),
			msg: []string{"chưa có nhận xét: Lê Văn Cường"}},
		{name: "no yearly feedback taken", code: "CS01", id: "tc4.residence", want: Met, mutate: residence("CS01", 2, ResidenceNotTaken),
			msg: []string{"3/3 (100%)", "không tính 1 đảng viên"}},
		{name: "exempt with blank feedback", code: "CS01", id: "tc4.residence", want: Met,
			mutate: func(ds *Dataset) {
				u := find(ds, "CS01")
				m := exempt(member("Hoàng Văn Em", 0))
				m.Residence = ResidenceBlank
				u.Members = append(u.Members, m)
			}},
		{name: "committee counts its cells' members", code: "DB01", id: "tc4.residence", want: NotMet, mutate: residence("CB01", 0, ResidenceNegative)},
		{name: "residence: sheet absent", code: "CB01", id: "tc4.residence", want: MissingData, mutate: withoutSheet("CB01", SheetMembers)},
	})
}

func TestSkipChecks(t *testing.T) {
	runCheckCases(t, []checkCase{
		{name: "skipped check", code: "CS01", id: "tc2.thematic_count", want: NotApplicable,
			th:     func(th *Thresholds) { th.SkipChecks = []string{"tc2.thematic_count"} },
			mutate: func(ds *Dataset) { find(ds, "CS01").Meetings = nil }, msg: []string{"tệp tiêu chí"}},
	})
}

// TestChecksListedByType protects SPEC §3: a unit lists every check of its
// own type and none of the other type's, in catalog order, with the items;
// and every check of its profile and none other (SPEC §6).
func TestChecksListedByType(t *testing.T) {
	for _, name := range ProfileNames() {
		th, _ := ProfileThresholds(name)
		checksListedByType(t, Evaluate(bloc(), th, Options{}), th)
	}
}

func checksListedByType(t *testing.T, rep *Report, th Thresholds) {
	t.Helper()
	for _, r := range rep.Units {
		var got []string
		for _, cr := range r.Criteria {
			for _, c := range cr.Checks {
				got = append(got, c.ID)
			}
		}
		var want []string
		for _, crit := range []string{"tc1", "tc2", "tc3", "tc4"} {
			for _, d := range Checks {
				if d.Criterion == crit && d.AppliesTo(r.Unit.Type) && d.Enabled(th) {
					want = append(want, d.ID)
				}
			}
			for _, it := range Items {
				if it.Criterion == crit {
					want = append(want, it.ID)
				}
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s %s: checks %v, want %v", th.Profile, r.Unit.Code, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: check %d is %s, want %s", r.Unit.Code, i, got[i], want[i])
			}
		}
		if r.Verdict != Met {
			t.Errorf("%s: baseline verdict %s, want dat", r.Unit.Code, r.Verdict)
			for _, cr := range r.Criteria {
				for _, c := range cr.Checks {
					if c.Status != Met && c.Status != NotApplicable {
						t.Logf("  %s %s %s", c.ID, c.Status, c.Message)
					}
				}
			}
		}
	}
	for _, d := range Checks {
		if d.judge == nil {
			t.Errorf("check %s has no judge", d.ID)
		}
		if CheckTitle(d.ID) == d.ID || d.Rule(Default()) == "" {
			t.Errorf("check %s has no title or rule", d.ID)
		}
	}
	if CheckTitle("tc4.q4") != Items[11].Text || CheckTitle("pilot.cluster") == "pilot.cluster" || CheckTitle("x.y") != "x.y" {
		t.Error("CheckTitle does not cover items, implementation checks and unknown IDs")
	}
}
