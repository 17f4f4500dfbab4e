package criteria

import (
	"slices"
	"testing"
)

// TestDescribeProfiles: the rules of each profile worded once — the checks
// it includes with their rules, and the scales — as `bontot criteria`, the
// template and the report show them.
func TestDescribeProfiles(t *testing.T) {
	for _, c := range []struct {
		profile        string
		checks, impl   []string
		goodRule, weak string
	}{
		{ProfileHD17, nil, []string{"pilot.suborgs", "pilot.cluster"},
			"Ít nhất 75% số buổi sinh hoạt thường kỳ đã tổ chức đạt chất lượng Tốt (từ 90 điểm trở lên)",
			"Không có buổi sinh hoạt thường kỳ nào xếp loại Kém (dưới 50 điểm)"},
		{Profile2025, []string{"tc2.thematic_quarterly"}, []string{"pilot.suborgs", "pilot.cluster", "quota.htxsnv", "quota.htxsnv_orgs"},
			"Ít nhất 75% số buổi sinh hoạt thường kỳ đã tổ chức đạt chất lượng Tốt (từ 90 điểm trở lên)",
			"Không có buổi sinh hoạt thường kỳ nào xếp loại Kém (dưới 50 điểm)"},
	} {
		th, err := ProfileThresholds(c.profile)
		if err != nil {
			t.Fatal(err)
		}
		d := Describe(th)
		var ids []string
		for _, dc := range d.Checks {
			ids = append(ids, dc.ID)
			if dc.Text != dc.Rule(th) || dc.Skipped {
				t.Errorf("%s: %s worded %q, skipped %v", c.profile, dc.ID, dc.Text, dc.Skipped)
			}
			switch dc.ID {
			case "tc2.regular_good":
				if dc.Text != c.goodRule {
					t.Errorf("%s: %s", c.profile, dc.Text)
				}
			case "tc2.regular_no_weak":
				if dc.Text != c.weak {
					t.Errorf("%s: %s", c.profile, dc.Text)
				}
			}
		}
		// Every measured check of SPEC §2, and those the profile adds.
		if len(ids) != 23-1+len(c.checks) {
			t.Errorf("%s: %d checks: %v", c.profile, len(ids), ids)
		}
		for _, id := range c.checks {
			if !slices.Contains(ids, id) {
				t.Errorf("%s: %s not described", c.profile, id)
			}
		}
		var impl []string
		for _, dc := range d.Implementation {
			impl = append(impl, dc.ID)
		}
		if !slices.Equal(impl, c.impl) {
			t.Errorf("%s: implementation checks %v, want %v", c.profile, impl, c.impl)
		}
		for _, w := range []struct{ got, want string }{
			{d.MeetingScale(), "Tốt từ 90 điểm, Khá từ 70, Trung bình từ 50, Kém dưới 50"},
			{d.MeetingRanges(), "Tốt ≥ 90, Khá 70 đến dưới 90, Trung bình 50 đến dưới 70, Kém dưới 50"},
			{d.LevelScale(), "Xuất sắc từ 90, Tốt từ 70, Trung bình từ 50, Kém dưới 50"},
			{d.LevelRanges(), "xuất sắc ≥ 90, tốt ≥ 70, trung bình ≥ 50, dưới 50 là kém"},
			{d.RatingScale(), "HTXSNV từ 90, HTTNV từ 70, HTNV từ 50, KHTNV dưới 50"},
			{d.MeetingBands[0].Legend(), "Tốt (từ 90)"},
			{d.MeetingBands[1].Legend(), "Khá (70–<90)"},
			{d.MeetingBands[2].Legend(), "Trung bình (50–<70)"},
			{d.MeetingBands[3].Legend(), "Kém (dưới 50)"},
			{th.MeetingBand(QualityGood).Short(), "Tốt (≥ 90 điểm)"},
			{th.MeetingBand(QualityFair).Phrase(), "Khá (từ 70 đến dưới 90 điểm)"},
			{th.MeetingBand(QualityWeak).Short(), "Kém (dưới 50 điểm)"},
		} {
			if w.got != w.want {
				t.Errorf("%s: %q, want %q", c.profile, w.got, w.want)
			}
		}
	}
}

// TestDescribeFile: a criteria file's numbers show in every wording, a
// skipped check says so, and the bands cover the scale as MeetingQuality
// places a score.
func TestDescribeFile(t *testing.T) {
	th := Default()
	th.MeetingGood, th.MeetingFair, th.MeetingAverage = 89.5, 69.75, 49.5
	th.SkipChecks = []string{"tc2.regular_no_weak"}
	d := Describe(th)
	for _, w := range []struct{ got, want string }{
		{d.MeetingScale(), "Tốt từ 89,5 điểm, Khá từ 69,75, Trung bình từ 49,5, Kém dưới 49,5"},
		{d.MeetingRanges(), "Tốt ≥ 89,5, Khá 69,75 đến dưới 89,5, Trung bình 49,5 đến dưới 69,75, Kém dưới 49,5"},
		// A chart's category keeps one decimal, as the report always did.
		{d.MeetingBands[1].Legend(), "Khá (69,8–<89,5)"},
		{th.MeetingBand(QualityGood).Phrase(), "Tốt (từ 89,5 điểm trở lên)"},
	} {
		if w.got != w.want {
			t.Errorf("%q, want %q", w.got, w.want)
		}
	}
	for _, dc := range d.Checks {
		if dc.Skipped != (dc.ID == "tc2.regular_no_weak") {
			t.Errorf("%s skipped: %v", dc.ID, dc.Skipped)
		}
	}
	for s := 0.0; s <= 100; s += 0.25 {
		var in []Quality
		for _, b := range d.MeetingBands {
			if s >= b.From && s < b.Below {
				in = append(in, b.Quality)
			}
		}
		if len(in) != 1 || in[0] != th.MeetingQuality(s) {
			t.Errorf("score %v is in bands %v, MeetingQuality says %v", s, in, th.MeetingQuality(s))
		}
	}
	if MeetingBandNames() != "Tốt, Khá, Trung bình hoặc Kém" {
		t.Errorf("band names %q", MeetingBandNames())
	}
}
