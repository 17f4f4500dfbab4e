package criteria

import (
	"strings"
	"testing"
	"time"
)

// cellWith is CS01 with regular meetings in months 1..held (scores: the
// first good ones 95, the rest 80) and thematic meetings in the months
// given.
func cellWith(held, good int, thematicMonths ...int) *Dataset {
	u := cell("CS01")
	u.Meetings = nil
	for m := 1; m <= held; m++ {
		score := 80.0
		if m <= good {
			score = 95
		}
		u.Meetings = append(u.Meetings, regular(m, 10, score))
	}
	for _, m := range thematicMonths {
		u.Meetings = append(u.Meetings, thematic(m, 20))
	}
	return dataset(u)
}

func TestAsOf(t *testing.T) {
	tests := []struct {
		name     string
		ds       *Dataset
		asOf     time.Time
		id       string
		want     Status
		msg      string
		thematic bool
	}{
		{name: "January, nothing yet", ds: cellWith(0, 0), asOf: day(1, 5), id: "tc2.regular_count", want: Reachable,
			msg: "cần thêm 12 buổi trong 12 tháng còn lại"},
		{name: "January, nothing yet: share", ds: cellWith(0, 0), asOf: day(1, 5), id: "tc2.regular_good", want: Reachable,
			msg: "cần thêm 9 buổi đạt Tốt trong 12 buổi còn lại"},
		{name: "January, meeting held", ds: cellWith(1, 1), asOf: day(1, 31), id: "tc2.regular_good", want: Reachable,
			msg: "1/1 buổi thường kỳ đạt Tốt (100%); cần thêm 8 buổi đạt Tốt trong 11 buổi còn lại"},
		{name: "June, 3/6 good: every remaining meeting must be Tốt", ds: cellWith(6, 3), asOf: day(6, 30), id: "tc2.regular_good", want: Reachable,
			msg: "cần thêm 6 buổi đạt Tốt trong 6 buổi còn lại"},
		{name: "June, 2/6 good: out of reach", ds: cellWith(6, 2), asOf: day(6, 30), id: "tc2.regular_good", want: NotMet,
			msg: "cần 9/12 buổi đạt Tốt (75%) nhưng chỉ còn 6 buổi"},
		{name: "September, 6/9 good", ds: cellWith(9, 6), asOf: day(9, 30), id: "tc2.regular_good", want: Reachable,
			msg: "cần thêm 3 buổi đạt Tốt trong 3 buổi còn lại"},
		{name: "30 November, 8/11 good, December to come", ds: cellWith(11, 8), asOf: day(11, 30), id: "tc2.regular_good", want: Reachable,
			msg: "cần thêm 1 buổi đạt Tốt trong 1 buổi còn lại"},
		{name: "30 November, 7/11 good", ds: cellWith(11, 7), asOf: day(11, 30), id: "tc2.regular_good", want: NotMet},
		{name: "30 November, 9/11 good: met whatever December brings", ds: cellWith(11, 9), asOf: day(11, 30), id: "tc2.regular_good", want: Met,
			msg: "dù 1 buổi còn lại thế nào"},
		{name: "30 November, 11 held", ds: cellWith(11, 11), asOf: day(11, 30), id: "tc2.regular_count", want: Reachable,
			msg: "cần thêm 1 buổi trong 1 tháng còn lại"},
		{name: "30 November, 10 held: November can still come", ds: cellWith(10, 10), asOf: day(11, 30), id: "tc2.regular_count", want: Reachable,
			msg: "cần thêm 2 buổi trong 2 tháng còn lại"},
		{name: "1 December, 10 held: November was missed", ds: cellWith(10, 10), asOf: day(12, 1), id: "tc2.regular_count", want: NotMet,
			msg: "tháng 11/2024"},
		{name: "31 December, 12 held, 9 good", ds: cellWith(12, 9), asOf: day(12, 31), id: "tc2.regular_good", want: Met},
		{name: "31 December, 12 held", ds: cellWith(12, 9), asOf: day(12, 31), id: "tc2.regular_count", want: Met},
		{name: "30 November, 3 thematic", ds: cellWith(11, 11, 2, 5, 8), asOf: day(11, 30), id: "tc2.thematic_count", want: Reachable,
			msg: "cần thêm 1 trước 31/12/2024"},
		{name: "31 December, 3 thematic", ds: cellWith(12, 12, 2, 5, 8), asOf: day(12, 31), id: "tc2.thematic_count", want: NotMet},
		{name: "June, 4 thematic", ds: cellWith(6, 6, 1, 2, 3, 4), asOf: day(6, 15), id: "tc2.thematic_count", want: Met},
		{name: "after the year, as at year end", ds: cellWith(11, 11), asOf: time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC), id: "tc2.regular_count", want: NotMet},
		{name: "before the year, everything ahead", ds: cellWith(0, 0), asOf: time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC), id: "tc2.regular_count", want: Reachable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Evaluate(tt.ds, Default(), Options{AsOf: tt.asOf})
			c := expect(t, rep, "CS01", tt.id, tt.want)
			if !strings.Contains(c.Message, tt.msg) {
				t.Errorf("message %q lacks %q", c.Message, tt.msg)
			}
		})
	}
}

// TestAsOfCurrentMonth: the self-check date's month holds a meeting of
// its own unless one is already dated up to that day; later rows do not
// count yet.
func TestAsOfCurrentMonth(t *testing.T) {
	for _, tt := range []struct {
		name    string
		juneDay int
		held    float64
		msg     string
	}{
		{"June meeting held before the date", 10, 6, "cần thêm 6 buổi trong 6 tháng còn lại"},
		{"June meeting dated after the date", 25, 5, "cần thêm 7 buổi trong 7 tháng còn lại"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := cellWith(5, 5)
			u := ds.Units[0]
			u.Meetings = append(u.Meetings, regular(6, tt.juneDay, 95))
			u.Cases = []Case{{Date: day(6, 21), Kind: Complaint}} // after the date: not yet
			rep := Evaluate(ds, Default(), Options{AsOf: day(6, 20)})
			c := expect(t, rep, "CS01", "tc2.regular_count", Reachable)
			if *c.Value != tt.held || !strings.Contains(c.Message, tt.msg) {
				t.Errorf("value %v, message %q", *c.Value, c.Message)
			}
			expect(t, rep, "CS01", "tc3.no_complaints", Met)
			r := result(t, rep, "CS01")
			if r.Criterion("tc2").Verdict != Reachable || r.Verdict != Reachable {
				t.Errorf("tc2 %s, unit %s, want con_kha_nang", r.Criterion("tc2").Verdict, r.Verdict)
			}
			// Warnings cover only the months over: none missing before June.
			for _, p := range rep.Problems {
				if p.Code == ScheduleMonthMissing.Code || p.Code == ScheduleNoThematic.Code && strings.Contains(p.Message, "quý III") {
					t.Errorf("warning about the future: %s", p.Message)
				}
			}
		})
	}
}

func TestAsOfCommittee(t *testing.T) {
	ds := bloc()
	rep := Evaluate(ds, Default(), Options{AsOf: day(6, 30)})
	expect(t, rep, "DB01", "tc2.committee_meetings", Reachable)
	expect(t, rep, "DB01", "tc2.standing_meetings", Reachable)
	c := expect(t, rep, "DB01", "tc2.assembly", Reachable)
	if !strings.Contains(c.Message, "Đã có 0 hội nghị, đại hội toàn đảng bộ; cần thêm 1 trước 31/12/2024") {
		t.Errorf("message %q", c.Message)
	}
	if v := result(t, rep, "DB01").Verdict; v != Reachable {
		t.Errorf("verdict %s", v)
	}
	// Ranking: con_kha_nang before khong_dat, whatever the codes.
	ds = dataset(cellWith(6, 6, 1, 4).Units[0], cellWith(6, 6, 1, 4).Units[0])
	ds.Units[0].Code = "CS02"
	ds.Units[1].Members[0].Violation = true
	rep = Evaluate(ds, Default(), Options{AsOf: day(6, 30)})
	if rep.Units[0].Unit.Code != "CS02" || rep.Units[0].Verdict != Reachable || rep.Units[1].Verdict != NotMet {
		t.Errorf("ranking: %s %s, %s %s", rep.Units[0].Unit.Code, rep.Units[0].Verdict, rep.Units[1].Unit.Code, rep.Units[1].Verdict)
	}
}

func TestNeeded(t *testing.T) {
	for _, tt := range []struct {
		share float64
		n     int
		want  int
	}{{0.75, 12, 9}, {0.8, 12, 10}, {0.75, 11, 9}, {0.75, 8, 6}, {0.7, 10, 7}, {0.5, 3, 2}, {1, 7, 7}, {0, 5, 0}, {0.75, 0, 0}} {
		if got := needed(tt.share, tt.n); got != tt.want {
			t.Errorf("needed(%v, %d) = %d, want %d", tt.share, tt.n, got, tt.want)
		}
	}
}

// TestAsOfYearlyTargets: under any as-of date a yearly target that can
// still be met is con_kha_nang (SPEC §6, "An unfinished year"): the
// admission quota, and the cases and pressing issues still open, which
// the year's end judges; from 31/12 on they are judged as at year end.
func TestAsOfYearlyTargets(t *testing.T) {
	for _, tt := range []struct {
		name string
		asOf time.Time
		id   string
		want Status
		msg  string
	}{
		{"June, 1 of 2 admitted", day(6, 30), "tc1.admission", Reachable, "còn thiếu 1 (cần kết nạp thêm trước 31/12/2024)"},
		{"30 December, 1 of 2 admitted", day(12, 30), "tc1.admission", Reachable, "còn thiếu 1"},
		{"31 December, 1 of 2 admitted", day(12, 31), "tc1.admission", NotMet, "còn thiếu 1"},
		{"whole year, 1 of 2 admitted", time.Time{}, "tc1.admission", NotMet, "còn thiếu 1"},
		{"June, a case open", day(6, 30), "tc1.cases_pending", Reachable, "cần giải quyết trước 31/12/2024"},
		{"whole year, a case open", time.Time{}, "tc1.cases_pending", NotMet, "chưa giải quyết"},
		{"June, an issue open", day(6, 30), "tc3.issues_resolved", Reachable, "cần giải quyết trước 31/12/2024"},
		{"31 December, an issue open", day(12, 31), "tc3.issues_resolved", NotMet, "chưa giải quyết"},
		// A complaint once made stays made: no later month undoes it.
		{"June, a complaint", day(6, 30), "tc3.no_complaints", NotMet, "khiếu nại"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := cellWith(6, 6)
			u := ds.Units[0]
			u.HasTarget, u.AdmissionTarget, u.HasAdmitted, u.Admitted = true, 2, true, 1
			u.Cases = []Case{{Date: day(3, 1), Kind: Complaint}, {Date: day(4, 1), Kind: PressingIssue}}
			rep := Evaluate(ds, Default(), Options{AsOf: tt.asOf})
			c := expect(t, rep, "CS01", tt.id, tt.want)
			if !strings.Contains(c.Message, tt.msg) {
				t.Errorf("message %q lacks %q", c.Message, tt.msg)
			}
		})
	}
}
