package criteria

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The 2026 review (SPEC §6): who is rated on the review date (Quy định
// 366-QĐ/TW art. 5, Hướng dẫn 43-HD/BTCTW), the HTXSNV share of Quy định
// 366-QĐ/TW art. 11 over members and organisations, and ratings the rules
// rule out.

func date2026(month, d int) time.Time {
	return time.Date(2026, time.Month(month), d, 0, 0, 0, 0, time.UTC)
}

// newcomer is a member admitted on admitted, rated r.
func newcomer(name string, r Rating, admitted time.Time) Member {
	m := member(name, r)
	m.AdmittedOn = DayOf(admitted)
	return m
}

// warningsWith are the problems of rep of type typ (any type when nil)
// whose message names sub, a member say.
func warningsWith(rep *Report, typ *ProblemType, sub string) []Problem {
	var out []Problem
	for _, p := range rep.Problems {
		if (typ == nil || p.Code == typ.Code) && strings.Contains(p.Message, sub) {
			out = append(out, p)
		}
	}
	return out
}

// TestReviewDateBoundary: under 2025, a member admitted 6/6/2026 has six
// months on the review of 06/12/2026 and is rated; one admitted 7/6/2026
// is not reviewed, and the HTTNV written for them is ignored with one
// warning naming the member, the row, the rating and where the review
// date came from. hd17-2023 keeps its cutoff at the end of the year and
// counts a rating written for a new member, whatever Options.ReviewDate.
func TestReviewDateBoundary(t *testing.T) {
	review := Options{ReviewDate: date2026(12, 6), ReviewDateWhy: "theo --review-date"}
	build := func(admitted time.Time) *Dataset {
		u := cell("CS01")
		u.Members = append(u.Members, newcomer("Hoàng Văn Mới", KHTNV, admitted))
		ds := dataset(u)
		ds.Year = 2026
		return ds
	}
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		// Six months exactly: rated, so the KHTNV counts and fails the floor.
		rep := Evaluate(build(date2026(6, 6)), th, review)
		expect(t, rep, "CS01", "tc1.members_floor", NotMet)
		if w := warningsWith(rep, MemberNewRated, ""); len(w) != 0 {
			t.Errorf("six months: %v", w)
		}
		// One day less.
		rep = Evaluate(build(date2026(6, 7)), th, review)
		if !th.NewMembersNotRated {
			// hd17-2023: the cutoff is 1/7, the rating written counts.
			expect(t, rep, "CS01", "tc1.members_floor", NotMet)
			if w := warningsWith(rep, nil, "Hoàng Văn Mới"); len(w) != 0 {
				t.Errorf("hd17-2023 warns: %v", w)
			}
			return
		}
		c := expect(t, rep, "CS01", "tc1.members_floor", Met)
		if !hasAll(c.Message, "4/4 (100%)", "không tính 1 đảng viên mới kết nạp chưa đủ 6 tháng đến ngày kiểm điểm 06/12/2026 (theo --review-date), không xếp loại: Hoàng Văn Mới (Đảng viên dòng", "kết nạp 07/06/2026)") {
			t.Errorf("one day less: %q", c.Message)
		}
		w := warningsWith(rep, MemberNewRated, "Hoàng Văn Mới")
		if len(w) != 1 || w[0].Severity != SeverityWarning || w[0].Unit != "CS01" || w[0].Sheet != "Đảng viên" ||
			!hasAll(w[0].Message, "Đảng viên Hoàng Văn Mới (Đảng viên dòng", "kết nạp 07/06/2026, chưa đủ 6 tháng đến ngày kiểm điểm 06/12/2026 (theo --review-date)", "xếp loại KHTNV đã ghi không được tính") {
			t.Errorf("warning: %+v", w)
		}
		// The run date, as the command passes it.
		rep = Evaluate(build(date2026(6, 7)), th, Options{ReviewDate: date2026(12, 6), ReviewDateWhy: "ngày chạy"})
		if !strings.Contains(result(t, rep, "CS01").Check("tc1.members_floor").Message, "06/12/2026 (ngày chạy)") {
			t.Errorf("run date: %q", result(t, rep, "CS01").Check("tc1.members_floor").Message)
		}
	})
}

// TestReviewDateYearEnd: without Options.ReviewDate the review is on 31/12
// of the evaluation year: admitted 1/7 is rated, 2/7 not, in both
// profiles; 2025 leaves out the rating written, hd17-2023 only a blank.
func TestReviewDateYearEnd(t *testing.T) {
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		for _, c := range []struct {
			admitted time.Time
			rated    bool
		}{{day(7, 1), true}, {day(7, 2), false}} {
			ds := dataset(cell("CS01"))
			find(ds, "CS01").Members = append(find(ds, "CS01").Members, newcomer("Hoàng Văn Mới", KHTNV, c.admitted))
			rep := Evaluate(ds, th, Options{})
			want := NotMet
			if !c.rated && th.NewMembersNotRated {
				want = Met
			}
			m := expect(t, rep, "CS01", "tc1.members_floor", want)
			if want == Met && !strings.Contains(m.Message, "đến ngày kiểm điểm 31/12/2024 (cuối năm đánh giá)") {
				t.Errorf("%s: %q", date(c.admitted), m.Message)
			}
		}
	})
}

// TestNewMemberRatedTurnsVerdict: one member of
// under six months rated HTTNV lifts a chi bộ from 2/5 good members (40 %,
// failing) to 3/6 (50 %). hd17-2023 counts the rating; 2025 does not, and
// warns once.
func TestNewMemberRatedTurnsVerdict(t *testing.T) {
	build := func() *Dataset {
		u := cell("CS01")
		u.Members = []Member{
			member("An", HTXSNV), member("Bình", HTTNV), member("Cường", HTNV),
			member("Dung", HTNV), member("Em", HTNV),
			newcomer("Mới", HTTNV, day(9, 1)),
		}
		return dataset(u)
	}
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		rep := Evaluate(build(), th, Options{})
		if th.NewMembersNotRated {
			expect(t, rep, "CS01", "tc1.members_good", NotMet)
			if r := result(t, rep, "CS01"); r.Verdict != NotMet || r.Commendation {
				t.Errorf("verdict %s, commendation %v", r.Verdict, r.Commendation)
			}
			if w := warningsWith(rep, MemberNewRated, "Mới ("); len(w) != 1 {
				t.Errorf("warnings %v", w)
			}
		} else {
			expect(t, rep, "CS01", "tc1.members_good", Met)
			if r := result(t, rep, "CS01"); r.Verdict != Met || !r.Commendation {
				t.Errorf("hd17-2023: verdict %s, commendation %v", r.Verdict, r.Commendation)
			}
		}
	})
}

// TestNewMemberOutOfResidence: under 2025 a new member is out of
// tc4.residence too (a blank feedback is not missing) and is warned about
// once, even in a đảng bộ that pools the chi bộ's members; hd17-2023
// still asks for their feedback.
func TestNewMemberOutOfResidence(t *testing.T) {
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		ds := bloc()
		m := newcomer("Hoàng Văn Mới", HTTNV, day(10, 1))
		m.Residence = ResidenceBlank
		find(ds, "CB01").Members = append(find(ds, "CB01").Members, m)
		rep := Evaluate(ds, th, Options{})
		if !th.NewMembersNotRated {
			expect(t, rep, "CB01", "tc4.residence", MissingData)
			expect(t, rep, "DB01", "tc4.residence", MissingData)
			return
		}
		c := expect(t, rep, "CB01", "tc4.residence", Met)
		if !strings.Contains(c.Message, "không tính 1 đảng viên mới kết nạp chưa đủ 6 tháng đến ngày kiểm điểm 31/12/2024 (cuối năm đánh giá), không xếp loại: Hoàng Văn Mới (Đảng viên dòng") {
			t.Errorf("residence: %q", c.Message)
		}
		c = expect(t, rep, "DB01", "tc4.residence", Met)
		if !strings.Contains(c.Message, "Hoàng Văn Mới (CB01, Đảng viên dòng") {
			t.Errorf("đảng bộ residence: %q", c.Message)
		}
		if w := warningsWith(rep, MemberNewRated, "Hoàng Văn Mới"); len(w) != 1 || w[0].Unit != "CB01" {
			t.Errorf("warnings: %+v", w)
		}
	})
}

func expectOrgQuota(t *testing.T, rep *Report, code string, want Status, msg string) *ImplementationResult {
	t.Helper()
	for i := range rep.Implementation {
		im := &rep.Implementation[i]
		if im.ID != "quota.htxsnv_orgs" || im.Unit != code {
			continue
		}
		if im.Status != want || !strings.Contains(im.Message, msg) {
			t.Errorf("quota.htxsnv_orgs %q: %s %q, want %s with %q", code, im.Status, im.Message, want, msg)
		} else {
			record("quota.htxsnv_orgs", want)
		}
		return im
	}
	t.Fatalf("no quota.htxsnv_orgs for %q", code)
	return nil
}

// TestQuotaHTXSNVExactBase: 2025 takes the share of those rated exactly
// HTTNV (Quy định 366-QĐ/TW art. 11), the floor of the product: 2 HTXSNV
// beside 10 HTTNV passes, beside 9 or 8 it is over (max 1); at 25 % 2
// beside 8 passes. Blanks leave it open only while they could change it.
func TestQuotaHTXSNVExactBase(t *testing.T) {
	th := profileTh(t, Profile2025)
	if th.HTXSNVBase != BaseHTTNV || profileTh(t, ProfileHD17).HTXSNVBase != BaseHTTNVOrAbove {
		t.Fatalf("bases: %q %q", th.HTXSNVBase, profileTh(t, ProfileHD17).HTXSNVBase)
	}
	run := func(th Thresholds, htxsnv, httnv int, more ...Member) *Report {
		return Evaluate(dataset(cellMembers("CS01", htxsnv, httnv, more...)), th, Options{})
	}
	expectQuota(t, run(th, 2, 10), "CS01", Met, "2 HTXSNV / 10 đảng viên xếp loại HTTNV = 20%, không quá 20%")
	expectQuota(t, run(th, 2, 9), "CS01", NotMet, "2 HTXSNV / 9 đảng viên xếp loại HTTNV = 22,2%, vượt 20% (tối đa 1 HTXSNV)")
	expectQuota(t, run(th, 2, 8), "CS01", NotMet, "vượt 20% (tối đa 1 HTXSNV)")
	expectQuota(t, run(th, 1, 8), "CS01", Met, "1 HTXSNV / 8")
	quarter := th
	quarter.HTXSNVShare = 0.25
	expectQuota(t, run(quarter, 2, 8), "CS01", Met, "= 25%, không quá 25%")
	// The other reading, from the criteria file: 2 of 10 passes.
	above := th
	above.HTXSNVBase = BaseHTTNVOrAbove
	expectQuota(t, run(above, 2, 8), "CS01", Met, "2 HTXSNV / 10 đảng viên xếp loại từ HTTNV trở lên")

	// Blanks: one could be HTTNV (cap 1 of 6) or HTXSNV (2 against 1 of 5).
	blank := member("Vũ Văn Trống", RatingNone)
	if im := quota(t, run(th, 1, 5, blank), "CS01"); im.Status != MissingData || !strings.Contains(im.Message, "1 đảng viên chưa được xếp loại: Vũ Văn Trống") {
		t.Errorf("a blank that decides: %+v", *im)
	}
	expectQuota(t, run(th, 1, 10, blank), "CS01", Met, "1 HTXSNV / 10") // even as HTXSNV: 2 of 10
	expectQuota(t, run(th, 2, 8, blank), "CS01", NotMet, "kể cả khi 1 đảng viên chưa xếp loại đều đạt HTTNV")

	// The rule's wording follows the thresholds.
	d, _ := CheckDefByID("quota.htxsnv")
	if r := d.Rule(th); !strings.Contains(r, "không quá 20% số đảng viên xếp loại HTTNV (HTXSNV không tính vào số này)") {
		t.Errorf("rule: %q", r)
	}
	if r := d.Rule(above); !strings.Contains(r, "xếp loại từ HTTNV trở lên (HTXSNV tính trong số này)") {
		t.Errorf("rule, other base: %q", r)
	}
}

// TestQuotaHTXSNVSubordinateEntries: a chi bộ trực thuộc's own members get
// an entry only under quota_htxsnv_subordinate; the đảng bộ's pooled one
// and each chi bộ cơ sở's stay.
func TestQuotaHTXSNVSubordinateEntries(t *testing.T) {
	th := profileTh(t, Profile2025)
	ids := func(rep *Report) []string {
		var out []string
		for _, im := range rep.Implementation {
			if im.ID == "quota.htxsnv" {
				out = append(out, im.Unit)
			}
		}
		return out
	}
	if got := ids(Evaluate(bloc(), th, Options{})); !slices.Equal(got, []string{"CS01", "DB01"}) {
		t.Errorf("default: %q", got)
	}
	th.QuotaHTXSNVSubordinate = true
	if got := ids(Evaluate(bloc(), th, Options{})); !slices.Equal(got, []string{"CB01", "CB02", "CS01", "DB01"}) {
		t.Errorf("with the option: %q", got)
	}
}

// TestQuotaHTXSNVOrgs: the share applies to organisations — a đảng bộ's
// chi bộ trực thuộc, and the chi bộ cơ sở and đảng bộ cơ sở evaluated
// together. 4 chi bộ HTXSNV beside 1 HTTNV is over, and the đảng ủy's
// commendation list carries the result; 1 beside 5 is not.
func TestQuotaHTXSNVOrgs(t *testing.T) {
	th := profileTh(t, Profile2025)
	build := func(top, good int, rest ...Rating) *Dataset {
		ds := dataset(committee("DB01"))
		n := 0
		add := func(r Rating) {
			n++
			u := sub("CB0"+string(rune('0'+n)), "DB01")
			u.Rating = r
			ds.Units = append(ds.Units, u)
		}
		for range top {
			add(HTXSNV)
		}
		for range good {
			add(HTTNV)
		}
		for _, r := range rest {
			add(r)
		}
		return ds
	}
	over := Evaluate(build(4, 1), th, Options{})
	im := expectOrgQuota(t, over, "DB01", NotMet, "Chi bộ trực thuộc của DB01: 4 HTXSNV / 1 chi bộ trực thuộc xếp loại HTTNV = 400%, vượt 20% (tối đa 0 HTXSNV); xếp loại HTXSNV: CB01 (Chi bộ CB01), CB02")
	groups := over.GrassrootsCommendations()
	if len(groups) != 1 || len(groups[0].Units) != 4 || groups[0].Quota == nil || groups[0].Quota.Message != im.Message {
		t.Errorf("commendation groups: %+v", groups)
	}
	if r := result(t, over, "DB01"); r.Verdict != Met {
		t.Errorf("quota.htxsnv_orgs changed a verdict: %s", r.Verdict)
	}
	ok := Evaluate(build(1, 5), th, Options{})
	expectOrgQuota(t, ok, "DB01", Met, "1 HTXSNV / 5 chi bộ trực thuộc xếp loại HTTNV = 20%, không quá 20%")
	if g := ok.GrassrootsCommendations(); len(g) != 1 || g[0].Quota != nil {
		t.Errorf("within the quota: %+v", g)
	}
	// A blank chi bộ rating that could tip it: open; one that could not: met.
	expectOrgQuota(t, Evaluate(build(1, 4, RatingNone), th, Options{}), "DB01", MissingData, "1 chi bộ trực thuộc chưa được xếp loại: CB06")
	expectOrgQuota(t, Evaluate(build(1, 10, RatingNone), th, Options{}), "DB01", Met, "1 HTXSNV / 10")
	// A đảng bộ without chi bộ trực thuộc read.
	expectOrgQuota(t, Evaluate(dataset(committee("DB01"), cell("CS01")), th, Options{}), "DB01", MissingData, "Không có chi bộ trực thuộc")

	// The units evaluated together: DB01 and CS01, both HTXSNV, 0 HTTNV.
	rep := Evaluate(bloc(), th, Options{})
	whole := expectOrgQuota(t, rep, "", NotMet, "Các chi bộ cơ sở, đảng bộ cơ sở được đánh giá (2 đơn vị): 2 HTXSNV / 0 tổ chức cơ sở đảng xếp loại HTTNV, vượt 20% (tối đa 0 HTXSNV)")
	if whole.Cluster != "" || whole.Who() != "Toàn bộ đơn vị được đánh giá" || rep.UpperQuota() != whole {
		t.Errorf("whole entry: %+v, %q", *whole, whole.Who())
	}
	// Five HTTNV beside one HTXSNV.
	ds := bloc()
	for _, c := range []string{"CS02", "CS03", "CS04", "CS05", "CS06"} {
		u := cell(c)
		u.Rating = HTTNV
		ds.Units = append(ds.Units, u)
	}
	find(ds, "DB01").Rating = HTTNV
	rep = Evaluate(ds, th, Options{})
	expectOrgQuota(t, rep, "", Met, "(7 đơn vị): 1 HTXSNV / 6 tổ chức cơ sở đảng xếp loại HTTNV")
	if rep.UpperQuota() != nil {
		t.Errorf("UpperQuota %+v", rep.UpperQuota())
	}
	// One chi bộ's own workbook is no set to take a share of.
	for _, im := range Evaluate(dataset(cell("CS01")), th, Options{}).Implementation {
		if im.ID == "quota.htxsnv_orgs" {
			t.Errorf("single unit: %+v", im)
		}
	}
	// hd17-2023: none at all, unless the criteria file turns it on.
	for _, im := range Evaluate(build(4, 1), Default(), Options{}).Implementation {
		if im.ID == "quota.htxsnv_orgs" {
			t.Errorf("hd17-2023: %+v", im)
		}
	}
	on := Default()
	on.QuotaHTXSNVOrgs = true
	// Under the hd17-2023 base, 4 HTXSNV of 5 at or above HTTNV.
	expectOrgQuota(t, Evaluate(build(4, 1), on, Options{}), "DB01", NotMet, "4 HTXSNV / 5 chi bộ trực thuộc xếp loại từ HTTNV trở lên = 80%")
}

// TestViolationCeiling: under 2025 a member who violated the prohibitions
// and is rated above KHTNV is a warning naming member, row and rating;
// rated KHTNV, none. hd17-2023 never warns about a violation. A member
// both disciplined and in violation is warned about once.
func TestViolationCeiling(t *testing.T) {
	build := func(r Rating, disciplined bool) *Dataset {
		u := cell("CS01")
		m := member("Bùi Văn Phạm", r)
		m.Violation, m.ViolationText = true, "Đánh bạc"
		if disciplined {
			m.Discipline, m.DisciplineText = Reprimand, "Khiển trách"
		}
		u.Members = append(u.Members, m)
		return dataset(u)
	}
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		w := warningsWith(Evaluate(build(HTNV, false), th, Options{}), MemberRatingTooHigh, "Bùi Văn Phạm")
		if th.ViolationCeiling == RatingNone {
			if len(w) != 0 {
				t.Errorf("hd17-2023 warns: %v", w)
			}
		} else if len(w) != 1 || w[0].Severity != SeverityWarning || w[0].Unit != "CS01" ||
			!hasAll(w[0].Message, "Đảng viên Bùi Văn Phạm (Đảng viên dòng", `vi phạm quy định những điều đảng viên không được làm: "Đánh bạc" nhưng xếp loại HTNV, cao hơn mức tối đa KHTNV`) {
			t.Errorf("rated HTNV: %+v", w)
		}
		if w := warningsWith(Evaluate(build(KHTNV, false), th, Options{}), nil, "Bùi Văn Phạm"); len(w) != 0 {
			t.Errorf("rated KHTNV: %v", w)
		}
		w = warningsWith(Evaluate(build(HTTNV, true), th, Options{}), MemberRatingTooHigh, "Bùi Văn Phạm")
		if len(w) != 1 || !strings.Contains(w[0].Message, "bị kỷ luật khiển trách") {
			t.Errorf("disciplined and in violation: %v", w)
		}
	})
}

// TestReview2026Keys: the settings of the 2026 review (SPEC §6) are
// criteria-file keys with
// their defaults in each profile, read, refused when wrong, and written
// back; the rule texts follow them.
func TestReview2026Keys(t *testing.T) {
	hd17, p2025 := profileTh(t, ProfileHD17), profileTh(t, Profile2025)
	if hd17.NewMembersNotRated || hd17.QuotaHTXSNVOrgs || hd17.QuotaHTXSNVSubordinate || hd17.HTXSNVBase != BaseHTTNVOrAbove {
		t.Errorf("hd17-2023: %+v", hd17)
	}
	if !p2025.NewMembersNotRated || !p2025.QuotaHTXSNVOrgs || p2025.QuotaHTXSNVSubordinate || p2025.HTXSNVBase != BaseHTTNV {
		t.Errorf("2025: %+v", p2025)
	}
	d, _ := CheckDefByID("tc4.residence")
	if r := d.Rule(p2025); !strings.Contains(r, "đảng viên kết nạp chưa đủ 6 tháng đến ngày kiểm điểm") || strings.Contains(d.Rule(hd17), "kết nạp") {
		t.Errorf("tc4.residence rule: %q / %q", r, d.Rule(hd17))
	}
}

// TestUnitRatedHTXSNVDespiteDiscipline (QĐ 366 art. 11):
// a unit rated HTXSNV while it, a chi bộ trực thuộc of it, or a member of
// its committee was disciplined in the year is a warning naming what the
// data shows; without such data, or rated lower, there is none.
func TestUnitRatedHTXSNVDespiteDiscipline(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(ds *Dataset)
		want  string // "" for no warning
	}{
		{"nothing disciplined", func(ds *Dataset) {}, ""},
		{"a chi bộ trực thuộc reprimanded", func(ds *Dataset) { find(ds, "CB02").Discipline = "Khiển trách" },
			"DB01 tự xếp loại HTXSNV"},
		{"the unit itself warned", func(ds *Dataset) { find(ds, "CS01").Discipline = "Cảnh cáo" },
			"CS01 tự xếp loại HTXSNV"},
		{"a committee member disciplined", func(ds *Dataset) {
			m := &find(ds, "CS01").Members[0]
			m.CommitteeMember, m.Discipline = true, Reprimand
		}, "cấp ủy viên"},
		{"a member disciplined who is not on the committee", func(ds *Dataset) {
			find(ds, "CS01").Members[0].Discipline = Reprimand
		}, ""},
		{"a chi bộ disciplined under a đảng bộ rated HTTNV", func(ds *Dataset) {
			find(ds, "DB01").Rating = HTTNV
			find(ds, "CB02").Discipline = "Khiển trách"
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds := bloc()
			find(ds, "DB01").Rating, find(ds, "CS01").Rating = HTXSNV, HTXSNV
			c.setup(ds)
			for _, profile := range []string{ProfileHD17, Profile2025} {
				th, _ := ProfileThresholds(profile)
				rep := Evaluate(ds, th, Options{})
				var got []string
				for _, p := range rep.Problems {
					if p.Code == UnitRatingDiscipline.Code {
						got = append(got, p.Message)
					}
				}
				switch {
				case c.want == "" && len(got) > 0:
					t.Errorf("%s: unexpected %q", profile, got)
				case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want) || !strings.Contains(got[0], "Quy định 366-QĐ/TW, Điều 11")):
					t.Errorf("%s: got %q, want one warning with %q", profile, got, c.want)
				}
			}
		})
	}
}
