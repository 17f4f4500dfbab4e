package criteria

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func profileTh(t *testing.T, name string) Thresholds {
	t.Helper()
	th, err := ProfileThresholds(name)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// TestProfileSwitchesOfItems4And6: hd17-2023 has neither rule, 2025 has
// both; the share is 20% in both, so a file that turns the check on in
// hd17-2023 gets the same cap.
func TestProfileSwitchesOfItems4And6(t *testing.T) {
	for _, c := range []struct {
		name             string
		quarterly, quota bool
	}{{ProfileHD17, false, false}, {Profile2025, true, true}} {
		th := profileTh(t, c.name)
		if th.ThematicQuarterly != c.quarterly || th.QuotaHTXSNV != c.quota || th.HTXSNVShare != 0.2 {
			t.Errorf("%s: thematic_quarterly %v, quota_htxsnv %v, htxsnv_share %v", c.name, th.ThematicQuarterly, th.QuotaHTXSNV, th.HTXSNVShare)
		}
	}
}

// cellThematic is CS01 with its regular meetings and thematic meetings in
// the months given only.
func cellThematic(months ...int) *Dataset {
	u := cell("CS01")
	u.Meetings = slices.DeleteFunc(u.Meetings, func(m Meeting) bool { return m.Kind == Thematic })
	for _, m := range months {
		u.Meetings = append(u.Meetings, thematic(m, 20))
	}
	return dataset(u)
}

func quarterWarnings(rep *Report) []string {
	var out []string
	for _, p := range rep.Problems {
		if p.Code == ScheduleNoThematic.Code {
			out = append(out, p.Message)
		}
	}
	return out
}

// TestThematicQuarterlyBoundary: one thematic meeting in a quarter passes
// it, none fails it, even when the year still has four (2025); under
// hd17-2023 the same chi bộ is dat with today's warning and no such check.
func TestThematicQuarterlyBoundary(t *testing.T) {
	th := profileTh(t, Profile2025)

	one := Evaluate(cellThematic(2, 5, 8, 11), th, Options{})
	c := expect(t, one, "CS01", "tc2.thematic_quarterly", Met)
	if c.Message != "Cả 4 quý đều có sinh hoạt chuyên đề" || *c.Value != 4 || *c.Threshold != 4 {
		t.Errorf("one a quarter: %q, value %v", c.Message, *c.Value)
	}

	// Four in the year, none in the second quarter.
	none := cellThematic(1, 2, 8, 11)
	rep := Evaluate(none, th, Options{})
	c = expect(t, rep, "CS01", "tc2.thematic_quarterly", NotMet)
	if want := "3/4 quý có sinh hoạt chuyên đề; quý II/2024 không có buổi sinh hoạt chuyên đề nào (mỗi quý ít nhất một buổi)"; c.Message != want {
		t.Errorf("message %q, want %q", c.Message, want)
	}
	expect(t, rep, "CS01", "tc2.thematic_count", Met)
	if r := result(t, rep, "CS01"); r.Verdict != NotMet || r.Criterion("tc2").Verdict != NotMet {
		t.Errorf("2025: verdict %s, tc2 %s; want khong_dat", r.Verdict, r.Criterion("tc2").Verdict)
	}
	if w := quarterWarnings(rep); len(w) != 0 {
		t.Errorf("2025: the check is said again as a warning: %q", w)
	}

	// Two quarters without: both named.
	rep = Evaluate(cellThematic(1, 2, 3, 11), th, Options{})
	c = expect(t, rep, "CS01", "tc2.thematic_quarterly", NotMet)
	if !strings.Contains(c.Message, "quý II/2024, quý III/2024 không có buổi sinh hoạt chuyên đề nào") {
		t.Errorf("two quarters: %q", c.Message)
	}

	// hd17-2023: no check, the verdict stands, the warning names the quarter.
	rep = Evaluate(cellThematic(1, 2, 8, 11), Default(), Options{})
	r := result(t, rep, "CS01")
	if r.Check("tc2.thematic_quarterly") != nil || r.Verdict != Met {
		t.Errorf("hd17-2023: check listed %v, verdict %s", r.Check("tc2.thematic_quarterly") != nil, r.Verdict)
	}
	if w := quarterWarnings(rep); len(w) != 1 || !strings.Contains(w[0], "quý II/2024 (mỗi quý ít nhất một buổi)") {
		t.Errorf("hd17-2023 warnings %q", w)
	}

	// A criteria file that sets the check aside gets the warning back.
	skip := th
	skip.SkipChecks = []string{"tc2.thematic_quarterly"}
	rep = Evaluate(cellThematic(1, 2, 8, 11), skip, Options{})
	expect(t, rep, "CS01", "tc2.thematic_quarterly", NotApplicable)
	if w := quarterWarnings(rep); len(w) != 1 {
		t.Errorf("skipped check: warnings %q", w)
	}

	// A đảng bộ cơ sở holds no chi bộ meetings: not listed for it.
	rep = Evaluate(bloc(), th, Options{})
	if result(t, rep, "DB01").Check("tc2.thematic_quarterly") != nil {
		t.Error("tc2.thematic_quarterly listed for a đảng bộ cơ sở")
	}
	expect(t, rep, "CB01", "tc2.thematic_quarterly", Met)
}

// TestThematicQuarterlyAsOf: a quarter not over yet can still hold its
// meeting (con_kha_nang); one that is over without one is khong_dat; a
// quarter is over from its last day on, as for the warning.
func TestThematicQuarterlyAsOf(t *testing.T) {
	th := profileTh(t, Profile2025)
	for _, tt := range []struct {
		name   string
		months []int
		asOf   time.Time
		want   Status
		msg    string
	}{
		{"mid-August, third and fourth quarters ahead", []int{2, 5}, day(8, 15), Reachable,
			"2/4 quý có sinh hoạt chuyên đề; quý III/2024, quý IV/2024 chưa có sinh hoạt chuyên đề: cần ít nhất một buổi trong mỗi quý đó"},
		{"mid-August, the second quarter missed", []int{2, 7}, day(8, 15), NotMet,
			"quý II/2024 không có buổi sinh hoạt chuyên đề nào (mỗi quý ít nhất một buổi); quý IV/2024 chưa có"},
		{"29 June, the second quarter still open", []int{2}, day(6, 29), Reachable, "quý II/2024, quý III/2024, quý IV/2024 chưa có"},
		{"30 June, the second quarter over", []int{2}, day(6, 30), NotMet, "quý II/2024 không có"},
		{"a meeting after the self-check date does not count yet", []int{2, 5, 9}, day(8, 15), Reachable, "quý III/2024, quý IV/2024 chưa có"},
		{"December, every quarter held", []int{1, 4, 7, 10}, day(12, 1), Met, "Cả 4 quý"},
		{"before the year", nil, time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC), Reachable, "0/4 quý"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep := Evaluate(cellThematic(tt.months...), th, Options{AsOf: tt.asOf})
			c := expect(t, rep, "CS01", "tc2.thematic_quarterly", tt.want)
			if !strings.Contains(c.Message, tt.msg) {
				t.Errorf("message %q lacks %q", c.Message, tt.msg)
			}
			// hd17-2023 has no such check, under --as-of too.
			if result(t, Evaluate(cellThematic(tt.months...), Default(), Options{AsOf: tt.asOf}), "CS01").Check("tc2.thematic_quarterly") != nil {
				t.Error("hd17-2023 lists tc2.thematic_quarterly")
			}
		})
	}
}

// members builds n members rated r.
func members(prefix string, n int, r Rating) []Member {
	out := make([]Member, n)
	for i := range out {
		out[i] = member(prefix+string(rune('A'+i)), r)
	}
	return out
}

func cellMembers(code string, htxsnv, httnv int, more ...Member) *Unit {
	u := cell(code)
	u.Members = append(append(members("X", htxsnv, HTXSNV), members("T", httnv, HTTNV)...), more...)
	return u
}

func quota(t *testing.T, rep *Report, code string) *ImplementationResult {
	t.Helper()
	for i := range rep.Implementation {
		if im := &rep.Implementation[i]; im.ID == "quota.htxsnv" && im.Unit == code {
			return im
		}
	}
	t.Fatalf("no quota.htxsnv for %s", code)
	return nil
}

func expectQuota(t *testing.T, rep *Report, code string, want Status, msg string) {
	t.Helper()
	im := quota(t, rep, code)
	if im.Status != want {
		t.Errorf("%s: quota.htxsnv %s, want %s: %s", code, im.Status, want, im.Message)
		return
	}
	if !strings.Contains(im.Message, msg) {
		t.Errorf("%s: message %q lacks %q", code, im.Message, msg)
	}
	record("quota.htxsnv", want)
}

// TestQuotaHTXSNVBoundary: under the reading "HTTNV or above"
// (htxsnv_base: httnv_or_above), 20% of the members rated HTTNV or above
// passes, one HTXSNV more fails; the share is the criteria file's;
// hd17-2023 has no such check; it never changes a verdict.
// TestQuotaHTXSNVExactBase covers the 2025 default base.
func TestQuotaHTXSNVBoundary(t *testing.T) {
	th := profileTh(t, Profile2025)
	th.HTXSNVBase = BaseHTTNVOrAbove
	ok := Evaluate(dataset(cellMembers("CS01", 3, 12, member("Hà Văn Hòa", HTNV))), th, Options{})
	expectQuota(t, ok, "CS01", Met, "3 HTXSNV / 15 đảng viên xếp loại từ HTTNV trở lên = 20%, không quá 20%")
	over := Evaluate(dataset(cellMembers("CS01", 4, 11)), th, Options{})
	expectQuota(t, over, "CS01", NotMet, "4 HTXSNV / 15 đảng viên xếp loại từ HTTNV trở lên = 26,7%, vượt 20% (tối đa 3 HTXSNV); xếp loại HTXSNV: XA (Đảng viên dòng")
	if r := result(t, over, "CS01"); r.Verdict != Met {
		t.Errorf("quota.htxsnv changed the verdict: %s", r.Verdict)
	}

	// The reading chosen: HTXSNV counts among those rated HTTNV or above,
	// so one HTXSNV among five good members is 20%.
	expectQuota(t, Evaluate(dataset(cellMembers("CS01", 1, 4)), th, Options{}), "CS01", Met, "1 HTXSNV / 5")

	// Three HTXSNV of twelve good members, at 20% and where the committee
	// allows 25%.
	ds := func() *Dataset { return dataset(cellMembers("CS01", 3, 9)) }
	expectQuota(t, Evaluate(ds(), th, Options{}), "CS01", NotMet, "3 HTXSNV / 12 đảng viên xếp loại từ HTTNV trở lên = 25%, vượt 20% (tối đa 2 HTXSNV)")
	quarter := th
	quarter.HTXSNVShare = 0.25
	expectQuota(t, Evaluate(ds(), quarter, Options{}), "CS01", Met, "= 25%, không quá 25%")

	// Exempt members are out; blank ratings leave it open only when they
	// could decide it.
	exempt := member("Đỗ Văn Miễn", HTXSNV)
	exempt.Exempt = true
	expectQuota(t, Evaluate(dataset(cellMembers("CS01", 1, 4, exempt)), th, Options{}), "CS01", Met,
		"1 HTXSNV / 5 đảng viên xếp loại từ HTTNV trở lên = 20%, không quá 20%; không tính 1 đảng viên miễn công tác và sinh hoạt đảng")
	blank := member("Vũ Văn Trống", RatingNone)
	expectQuota(t, Evaluate(dataset(cellMembers("CS01", 1, 9, blank)), th, Options{}), "CS01", Met, "1 HTXSNV / 10")
	open := Evaluate(dataset(cellMembers("CS01", 2, 8, blank)), th, Options{})
	if im := quota(t, open, "CS01"); im.Status != MissingData || !strings.Contains(im.Message, "1 đảng viên chưa được xếp loại: Vũ Văn Trống") {
		t.Errorf("a blank that decides: %+v", *im)
	}
	expectQuota(t, Evaluate(dataset(cellMembers("CS01", 3, 7, blank)), th, Options{}), "CS01", NotMet,
		"kể cả khi 1 đảng viên chưa xếp loại đều đạt HTTNV")

	// hd17-2023: no quota.htxsnv at all, the pilot checks as before.
	rep := Evaluate(dataset(cellMembers("CS01", 4, 11)), Default(), Options{})
	if i := slices.IndexFunc(rep.Implementation, func(r ImplementationResult) bool { return r.ID == "quota.htxsnv" }); i >= 0 {
		t.Errorf("hd17-2023 reports %+v", rep.Implementation[i])
	}
	on := Default()
	on.QuotaHTXSNV = true
	expectQuota(t, Evaluate(dataset(cellMembers("CS01", 4, 11)), on, Options{}), "CS01", NotMet, "vượt 20%")
}

// TestQuotaHTXSNVOverTheDangBo: a đảng bộ cơ sở counts the members of all
// its chi bộ trực thuộc; each chi bộ is judged on its own members too; the
// results come after the pilot checks, in code order, and are the same
// when rows are released as they are used.
func TestQuotaHTXSNVOverTheDangBo(t *testing.T) {
	th := profileTh(t, Profile2025)
	th.HTXSNVBase = BaseHTTNVOrAbove
	th.QuotaHTXSNVSubordinate = true
	build := func() *Dataset {
		rowCounter = 0 // the same rows, so the same evidence sentences
		cb01 := sub("CB01", "DB01")
		cb01.Members = append(members("X", 1, HTXSNV), members("T", 9, HTTNV)...)
		cb02 := sub("CB02", "DB01")
		cb02.Members = append(members("X", 2, HTXSNV), members("T", 3, HTTNV)...)
		return dataset(cellMembers("CS01", 0, 3), cb02, committee("DB01"), cb01)
	}
	rep := Evaluate(build(), th, Options{})
	expectQuota(t, rep, "DB01", Met, "Toàn đảng bộ (cùng 2 chi bộ trực thuộc): 3 HTXSNV / 15 đảng viên xếp loại từ HTTNV trở lên = 20%, không quá 20%")
	expectQuota(t, rep, "CB01", Met, "1 HTXSNV / 10")
	expectQuota(t, rep, "CB02", NotMet, "2 HTXSNV / 5 đảng viên xếp loại từ HTTNV trở lên = 40%, vượt 20%")
	var order []string
	for _, im := range rep.Implementation {
		order = append(order, im.ID+" "+im.Unit)
	}
	if want := []string{"pilot.suborgs DB01", "quota.htxsnv CB01", "quota.htxsnv CB02", "quota.htxsnv CS01", "quota.htxsnv DB01", "quota.htxsnv_orgs DB01", "quota.htxsnv_orgs "}; !slices.Equal(order, want) {
		t.Errorf("order %q, want %q", order, want)
	}
	// One more HTXSNV in a chi bộ tips the đảng bộ over.
	ds := build()
	find(ds, "CB01").Members[1].Rating = HTXSNV
	expectQuota(t, Evaluate(ds, th, Options{}), "DB01", NotMet, "4 HTXSNV / 15")

	released := Evaluate(build(), th, Options{ReleaseRows: true})
	if !reflect.DeepEqual(released.Implementation, rep.Implementation) {
		t.Errorf("with ReleaseRows:\n got %+v\nwant %+v", released.Implementation, rep.Implementation)
	}

	// No member rows anywhere, or no Đảng viên sheet: missing data.
	empty := dataset(committee("DB01"))
	if im := quota(t, Evaluate(empty, th, Options{}), "DB01"); im.Status != MissingData {
		t.Errorf("đảng bộ without members: %+v", *im)
	}
	noSheet := cell("CS01")
	noSheet.Sheets &^= SheetSet(0).With(SheetMembers)
	if im := quota(t, Evaluate(dataset(noSheet), th, Options{}), "CS01"); im.Status != MissingData || !strings.Contains(im.Message, "Đảng viên") {
		t.Errorf("chi bộ without the sheet: %+v", *im)
	}
}
