package criteria

import (
	"strings"
	"testing"
	"time"
)

// bothProfiles runs f under hd17-2023 and 2025: the rules SPEC §6 sets
// "in every profile" (who is rated, ratings as points) act in both.
func bothProfiles(t *testing.T, f func(t *testing.T, th Thresholds)) {
	for _, name := range []string{ProfileHD17, Profile2025} {
		t.Run(name, func(t *testing.T) { f(t, profileTh(t, name)) })
	}
}

// cellWithNewcomer is CS01 plus a member with a blank rating admitted on
// admitted (zero: no Ngày kết nạp).
func cellWithNewcomer(admitted time.Time) *Dataset {
	u := cell("CS01")
	m := member("Hoàng Văn Mới", RatingNone)
	m.AdmittedOn = DayOf(admitted)
	u.Members = append(u.Members, m)
	return dataset(u)
}

// TestNewMemberBoundary: a member admitted on 1 July has exactly six
// months at the end of the year and must be rated; one admitted on 2 July
// has one day less and may be left blank: out of the denominators and
// named, in both profiles.
func TestNewMemberBoundary(t *testing.T) {
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		rep := Evaluate(cellWithNewcomer(day(7, 1)), th, Options{})
		for _, id := range []string{"tc1.members_floor", "tc1.members_good"} {
			c := expect(t, rep, "CS01", id, MissingData)
			if !strings.Contains(c.Message, "1 đảng viên chưa được xếp loại: Hoàng Văn Mới") {
				t.Errorf("exactly 6 months, %s: %q", id, c.Message)
			}
		}

		rep = Evaluate(cellWithNewcomer(day(7, 2)), th, Options{})
		for _, id := range []string{"tc1.members_floor", "tc1.members_good"} {
			c := expect(t, rep, "CS01", id, Met)
			words := "không tính 1 đảng viên mới kết nạp chưa đủ 6 tháng, chưa xếp loại: Hoàng Văn Mới (Đảng viên dòng"
			if th.NewMembersNotRated {
				words = "không tính 1 đảng viên mới kết nạp chưa đủ 6 tháng đến ngày kiểm điểm 31/12/2024 (cuối năm đánh giá), không xếp loại: Hoàng Văn Mới (Đảng viên dòng"
			}
			if !hasAll(c.Message, "/4 (", words, ", kết nạp 02/07/2024)") {
				t.Errorf("one day less, %s: %q", id, c.Message)
			}
		}
		if r := result(t, rep, "CS01"); r.Verdict != Met {
			t.Errorf("new member left blank: verdict %s", r.Verdict)
		}
		if th.QuotaHTXSNV {
			// Decided by the rated members alone, not left open.
			if im := quota(t, rep, "CS01"); im.Status != NotMet || strings.Contains(im.Message, "chưa được xếp loại") || !strings.Contains(im.Message, "mới kết nạp") {
				t.Errorf("quota.htxsnv with a new member: %s %s", im.Status, im.Message)
			}
		}

		// No admission date: a blank rating is missing data, as before.
		expect(t, Evaluate(cellWithNewcomer(time.Time{}), th, Options{}), "CS01", "tc1.members_floor", MissingData)

		// hd17-2023: a new member who was rated counts with that rating.
		// 2025: not reviewed, the rating is ignored (newRatedIgnored).
		ds := cellWithNewcomer(day(11, 1))
		find(ds, "CS01").Members[4].Rating = KHTNV
		if th.NewMembersNotRated {
			expect(t, Evaluate(ds, th, Options{}), "CS01", "tc1.members_floor", Met)
		} else {
			expect(t, Evaluate(ds, th, Options{}), "CS01", "tc1.members_floor", NotMet)
		}

		// --as-of does not move the cutoff: it is the end of the year.
		rep = Evaluate(cellWithNewcomer(day(7, 2)), th, Options{AsOf: day(3, 31)})
		expect(t, rep, "CS01", "tc1.members_floor", Met)
		rep = Evaluate(cellWithNewcomer(day(7, 1)), th, Options{AsOf: day(3, 31)})
		expect(t, rep, "CS01", "tc1.members_floor", MissingData)

		// new_member_months: 3 moves the cutoff to 1 October; 0 turns it off.
		th3 := th
		th3.NewMemberMonths = 3
		expect(t, Evaluate(cellWithNewcomer(day(10, 1)), th3, Options{}), "CS01", "tc1.members_floor", MissingData)
		expect(t, Evaluate(cellWithNewcomer(day(10, 2)), th3, Options{}), "CS01", "tc1.members_floor", Met)
		th0 := th
		th0.NewMemberMonths = 0
		expect(t, Evaluate(cellWithNewcomer(day(12, 20)), th0, Options{}), "CS01", "tc1.members_floor", MissingData)
	})
}

// TestSuspendedMemberLeftOut: a suspended member (Đình chỉ sinh hoạt) is
// out of every denominator, as an exempt one: a KHTNV or blank rating of
// theirs fails nothing; a violation of theirs still counts.
func TestSuspendedMemberLeftOut(t *testing.T) {
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		for _, r := range []Rating{RatingNone, KHTNV} {
			u := cell("CS01")
			m := member("Đỗ Văn Đình", r)
			m.Suspended = true
			m.Residence = ResidenceBlank
			u.Members = append(u.Members, m)
			rep := Evaluate(dataset(u), th, Options{})
			c := expect(t, rep, "CS01", "tc1.members_floor", Met)
			if !hasAll(c.Message, "4/4 (100%)", "không tính 1 đảng viên bị đình chỉ sinh hoạt đảng") {
				t.Errorf("rating %q: %q", r.Code(), c.Message)
			}
			c = expect(t, rep, "CS01", "tc4.residence", Met)
			if !strings.Contains(c.Message, "không tính 1 đảng viên miễn sinh hoạt, bị đình chỉ sinh hoạt hoặc không lấy ý kiến nhận xét") {
				t.Errorf("residence: %q", c.Message)
			}
			if th.QuotaHTXSNV {
				if im := quota(t, rep, "CS01"); im.Status != NotMet || !strings.Contains(im.Message, "không tính 1 đảng viên bị đình chỉ sinh hoạt đảng") {
					t.Errorf("quota: %s %q", im.Status, im.Message)
				}
			}
		}
		// The same member not suspended fails the floor.
		u := cell("CS01")
		u.Members = append(u.Members, member("Đỗ Văn Đình", KHTNV))
		expect(t, Evaluate(dataset(u), th, Options{}), "CS01", "tc1.members_floor", NotMet)

		u = cell("CS01")
		m := member("Đỗ Văn Đình", RatingNone)
		m.Suspended, m.Violation = true, true
		u.Members = append(u.Members, m)
		expect(t, Evaluate(dataset(u), th, Options{}), "CS01", "tc4.no_violations", NotMet)
	})
}

// TestDayRoundTrip: a Day keeps its calendar date, before and after 1970,
// and the zero Day is the zero time.
func TestDayRoundTrip(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		if got := DayOf(d).Time(); !got.Equal(d) || DayOf(d).IsZero() {
			t.Errorf("%v → %v", d, got)
		}
	}
	if DayOf(time.Time{}) != 0 || !Day(0).Time().IsZero() {
		t.Error("zero Day is not the zero time")
	}
	if DayOf(time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC)) != DayOf(time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC))+1 {
		t.Error("consecutive dates are not consecutive days")
	}
}
