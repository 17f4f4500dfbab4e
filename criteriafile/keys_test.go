package criteriafile

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// TestRuleKeys: a rule's wording changes only with the keys its record
// names. Each key of a criteria file is set to another value in turn, over
// both profiles; a rule that then reads differently must list the key.
func TestRuleKeys(t *testing.T) {
	for _, profile := range criteria.ProfileNames() {
		base, err := criteria.ProfileThresholds(profile)
		if err != nil {
			t.Fatal(err)
		}
		variant := map[string]string{
			"key_criteria_level": "xuat_sac", "other_criteria_level": "tot",
			"criteria_excellent": "95", "criteria_good": "75", "criteria_average": "55",
			"members_floor_share": "0.9", "members_good_share": "0.6", "new_member_months": "3",
			"rating_bands": "[95, 75, 55]", "discipline_ceiling": "HTNV", "violation_ceiling": "HTNV",
			"suborgs_floor_share": "0.9", "suborgs_good_share": "0.6",
			"staff_floor_share": "0.9", "staff_good_share": "0.6", "mass_orgs_floor": "HTTNV",
			"mass_org_ratings": "{}", "regular_meetings": "10", "regular_good_share": "0.8",
			"thematic_meetings": "3", "committee_meetings": "10", "standing_meetings": "10", "assemblies": "2",
			"meeting_good": "85", "meeting_fair": "65", "meeting_average": "45",
			"score_groups":      `[{name: "A", max: 50}, {name: "B", max: 50}]`,
			"full_marks_groups": `["` + base.ScoreGroups[0].Name + `"]`,
			"upper_score_gap":   "7", "attendance_warn": "0.8", "skip_checks": `["tc1.admission"]`,
			"pilot_large_suborgs": "8", "pilot_large_count": "3", "pilot_small_count": "2",
			"pilot_cluster_committees": "3", "pilot_cluster_cells": "2",
			"htxsnv_share": "0.25", "htxsnv_base": "httnv_or_above", "history_streak_years": "3",
		}
		if base.HTXSNVBase != criteria.BaseHTTNV {
			variant["htxsnv_base"] = "httnv"
		}
		for _, s := range Settings(base) {
			switch s.Value {
			case "true":
				variant[s.Key] = "false"
			case "false":
				variant[s.Key] = "true"
			}
			if _, ok := variant[s.Key]; !ok && s.Key != "profile" {
				t.Errorf("no other value to try for key %s", s.Key)
			}
		}
		for key, value := range variant {
			th, err := ParseThresholdsOver([]byte(key+": "+value+"\n"), "t.yaml", profile)
			if err != nil {
				t.Fatalf("%s: %v", profile, err)
			}
			for _, list := range [][]criteria.CheckDef{criteria.Checks, criteria.ImplementationChecks} {
				for _, d := range list {
					if d.Rule(th) != d.Rule(base) && !slices.Contains(d.Keys, key) {
						t.Errorf("%s: the rule of %s reads key %s, which its record does not list", profile, d.ID, key)
					}
				}
			}
		}
	}
}

// TestCriteriaFileOverridesItsProfile: a file naming a profile starts from
// that profile and its keys win over it, wherever the profile key stands.
func TestCriteriaFileOverridesItsProfile(t *testing.T) {
	for _, doc := range []string{
		"profile: 2025\nregular_good_share: 0.8\n",
		"regular_good_share: 0.8\nprofile: \"2025\"\n",
	} {
		got, err := ParseThresholds([]byte(doc), "x.yaml")
		if err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		want, _ := criteria.ProfileThresholds(criteria.Profile2025)
		want.RegularGoodShare = 0.8
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %+v\nwant %+v", doc, got, want)
		}
	}
	// A profile given by the caller (--profile) is the base of a file that
	// names none.
	got, err := ParseThresholdsOver([]byte("thematic_meetings: 6\n"), "x.yaml", criteria.Profile2025)
	if err != nil || got.Profile != criteria.Profile2025 || got.ThematicMeetings != 6 {
		t.Errorf("file over --profile 2025: profile %q, thematic %d, %v", got.Profile, got.ThematicMeetings, err)
	}
}

// TestCriteriaFileProfileMustMatchFlag: a file written for one profile read
// under another is refused, not silently decided one way.
func TestCriteriaFileProfileMustMatchFlag(t *testing.T) {
	_, err := ParseThresholdsOver([]byte("# 2025\nprofile: 2025\n"), "tieu-chi.yaml", criteria.ProfileHD17)
	if err == nil || !strings.Contains(err.Error(), `tieu-chi.yaml dòng 2: tệp tiêu chí dùng bộ quy tắc "2025" nhưng --profile là "hd17-2023"`) {
		t.Errorf("conflict: %v", err)
	}
	if th, err := ParseThresholdsOver([]byte("profile: 2025\n"), "x.yaml", criteria.Profile2025); err != nil || th.Profile != criteria.Profile2025 {
		t.Errorf("agreeing: %q, %v", th.Profile, err)
	}
	if _, err := ParseThresholdsOver(nil, "x.yaml", "2030"); err == nil {
		t.Error("an unknown --profile with an empty file was accepted")
	}
}

// TestProfileExportRoundTrip: every profile, exported with its name, reads
// back to the same thresholds; the comments give the profile's values as
// defaults.
func TestProfileExportRoundTrip(t *testing.T) {
	for _, name := range criteria.ProfileNames() {
		th, err := criteria.ProfileThresholds(name)
		if err != nil {
			t.Fatal(err)
		}
		data := Marshal(th)
		if !strings.Contains(string(data), "\nprofile: "+name+"\n") {
			t.Errorf("%s: profile not written:\n%s", name, data)
		}
		got, err := ParseThresholds(data, "x.yaml")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, th) {
			t.Errorf("%s round trip:\n got %+v\nwant %+v", name, got, th)
		}
	}
}

// TestScoreGroupsFile: a criteria file declares the groups, the gate by a
// spelling (stored as the group's name) and the gap; the old key
// group_max still sets the maxima of the groups in force.
func TestScoreGroupsFile(t *testing.T) {
	th, err := ParseThresholds([]byte(`
score_groups:
  - name: Tham gia
    max: 10
    spellings: [Tỷ lệ tham gia]
  - {name: Chuẩn bị, max: 15}
  - {name: Tổ chức sinh hoạt, max: 40}
  - {name: Nguyên tắc, max: 15, spellings: ["Thực hiện nguyên tắc"]}
  - {name: Kết quả, max: 20}
full_marks_groups: [thuc hien nguyen tac]
upper_score_gap: 5
`), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(th.ScoreGroups) != 5 || th.ScoreGroups[2].Max != 40 || th.ScoreGroups[0].Spellings[0] != "Tỷ lệ tham gia" ||
		len(th.FullMarksGroups) != 1 || th.FullMarksGroups[0] != "Nguyên tắc" || th.UpperScoreGap != 5 {
		t.Errorf("%+v", th)
	}
	th, err = ParseThresholds([]byte("profile: \"2025\"\ngroup_max: [10, 10, 10, 20, 10, 10, 20, 10]\n"), "t.yaml")
	if err != nil || th.ScoreGroups[3].Max != 20 || th.ScoreGroups[3].Name != "Tổ chức sinh hoạt chi bộ" {
		t.Errorf("group_max over 2025: %v %+v", err, th.ScoreGroups)
	}
	if _, err := ParseThresholds([]byte("profile: \"2025\"\ngroup_max: [20, 20, 20, 20, 20]\n"), "t.yaml"); err == nil ||
		!strings.Contains(err.Error(), `khóa "group_max" phải là danh sách 8 số dương`) {
		t.Errorf("five maxima for eight groups: %v", err)
	}
}

// TestCheckKeysAreFileKeys: the keys a check's record names are keys of
// a criteria file, each once.
func TestCheckKeysAreFileKeys(t *testing.T) {
	for _, list := range [][]criteria.CheckDef{criteria.Checks, criteria.ImplementationChecks} {
		for _, d := range list {
			for i, k := range d.Keys {
				if paramByKey(k) == nil || slices.Contains(d.Keys[:i], k) {
					t.Errorf("%s: key %q is not a criteria-file key, or is listed twice", d.ID, k)
				}
			}
		}
	}
}

// TestFileNamingNoProfileIsHD17: a criteria file that names no profile
// overrides the rules of Hướng dẫn 17-HD/ĐUK as written (SPEC §6).
func TestFileNamingNoProfileIsHD17(t *testing.T) {
	file, err := ParseThresholds([]byte("regular_meetings: 10\n"), "x.yaml")
	if err != nil || file.Profile != criteria.ProfileHD17 {
		t.Errorf("a file naming no profile: profile %q, %v", file.Profile, err)
	}
}

// TestUnknownProfileInFileRefused: a profile name that does not exist is
// one sentence naming the line and listing the known ones.
func TestUnknownProfileInFileRefused(t *testing.T) {
	_, err := ParseThresholds([]byte("strict: true\nprofile: hd17\n"), "tieu-chi.yaml")
	want := `tieu-chi.yaml dòng 2: khóa "profile" phải là tên một bộ quy tắc: hd17-2023, 2025, gặp "hd17"`
	if err == nil || err.Error() != want {
		t.Errorf("file: got %v, want %q", err, want)
	}
}

// TestFileTurnsOnItems4And6: a file over hd17-2023 turns both rules on
// with a share of its own; a share written as a percentage is refused
// with the decimal it meant.
func TestFileTurnsOnItems4And6(t *testing.T) {
	th, err := ParseThresholds([]byte("quota_htxsnv: true\nhtxsnv_share: 0.25\nthematic_quarterly: true\n"), "x.yaml")
	if err != nil || th.Profile != criteria.ProfileHD17 || !th.QuotaHTXSNV || th.HTXSNVShare != 0.25 || !th.ThematicQuarterly {
		t.Errorf("file over hd17-2023: %+v, %v", th, err)
	}
	_, err = ParseThresholds([]byte("htxsnv_share: 25\n"), "x.yaml")
	if err == nil || !strings.Contains(err.Error(), `x.yaml dòng 1: khóa "htxsnv_share" phải là số từ 0 đến 1 (25% viết là 0.25)`) {
		t.Errorf("share as a percentage: %v", err)
	}
}

// TestFileSetsItem7: a file over 2025 sets the streak and the second
// commendation list; one year is no streak.
func TestFileSetsItem7(t *testing.T) {
	th, err := ParseThresholds([]byte("profile: \"2025\"\nhistory_streak_years: 4\ncommendation_subordinate: false\n"), "x.yaml")
	if err != nil || th.HistoryStreakYears != 4 || th.CommendationSubordinate || !th.HistoryStreaks {
		t.Errorf("file over 2025: %+v, %v", th, err)
	}
	if _, err := ParseThresholds([]byte("history_streak_years: 1\n"), "x.yaml"); err == nil ||
		!strings.Contains(err.Error(), `khóa "history_streak_years" phải là số nguyên từ 2 đến 100`) {
		t.Errorf("one year is no streak: %v", err)
	}
}

// TestReviewAndQuotaKeys: the keys of the review date and the HTXSNV
// quotas are read, refused when wrong, and written back.
func TestReviewAndQuotaKeys(t *testing.T) {
	th, err := ParseThresholds([]byte("profile: \"2025\"\nhtxsnv_base: httnv_or_above\nquota_htxsnv_orgs: false\nquota_htxsnv_subordinate: true\n"), "x.yaml")
	if err != nil || th.HTXSNVBase != criteria.BaseHTTNVOrAbove || th.QuotaHTXSNVOrgs || !th.QuotaHTXSNVSubordinate {
		t.Fatalf("%+v, %v", th, err)
	}
	back, err := ParseThresholds(Marshal(th), "x.yaml")
	if err != nil || back.HTXSNVBase != th.HTXSNVBase || back.QuotaHTXSNVOrgs || !back.QuotaHTXSNVSubordinate {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	if _, err := ParseThresholds([]byte("htxsnv_base: httnv_only\n"), "x.yaml"); err == nil || !strings.Contains(err.Error(), `x.yaml dòng 1: khóa "htxsnv_base" phải là httnv hoặc httnv_or_above`) {
		t.Errorf("bad base: %v", err)
	}
	for _, key := range []string{"new_members_not_rated", "violation_ceiling", "htxsnv_base", "quota_htxsnv_subordinate", "quota_htxsnv_orgs"} {
		if !slices.Contains(ThresholdKeys(), key) {
			t.Errorf("no key %s", key)
		}
	}
}

// TestRatingSettingsInCriteriaFile: rating_bands, discipline_ceiling and
// new_member_months are read, checked and written back.
func TestRatingSettingsInCriteriaFile(t *testing.T) {
	th, err := ParseThresholds([]byte("rating_bands: [95, 80, 60]\ndiscipline_ceiling: HTTNV\nnew_member_months: 3\n"), "x.yaml")
	if err != nil || th.RatingBands != (criteria.RatingBands{95, 80, 60}) || th.DisciplineCeiling != criteria.HTTNV || th.NewMemberMonths != 3 {
		t.Fatalf("%+v, %v", th, err)
	}
	back, err := ParseThresholds(Marshal(th), "x.yaml")
	if err != nil || back.RatingBands != th.RatingBands || back.DisciplineCeiling != criteria.HTTNV || back.NewMemberMonths != 3 {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	for _, bad := range []string{"rating_bands: [70, 90, 50]\n", "rating_bands: [90, 70]\n", "rating_bands: [90, 70, -1]\n", "discipline_ceiling: Tốt lắm\n"} {
		if _, err := ParseThresholds([]byte(bad), "x.yaml"); err == nil || !strings.Contains(err.Error(), "x.yaml dòng 1") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	// violation_ceiling takes a rating or khong; new_members_not_rated a
	// boolean; both round-trip.
	th, err = ParseThresholds([]byte("profile: \"2025\"\nviolation_ceiling: khong\nnew_members_not_rated: false\n"), "x.yaml")
	if err != nil || th.ViolationCeiling != criteria.RatingNone || th.NewMembersNotRated {
		t.Fatalf("%+v, %v", th, err)
	}
	if back, err := ParseThresholds(Marshal(th), "x.yaml"); err != nil || back.ViolationCeiling != criteria.RatingNone || back.NewMembersNotRated {
		t.Errorf("round trip: %v, %v", back.ViolationCeiling, err)
	}
	th, err = ParseThresholds([]byte("violation_ceiling: HTNV\n"), "x.yaml")
	if err != nil || th.ViolationCeiling != criteria.HTNV {
		t.Errorf("violation_ceiling HTNV: %v, %v", th.ViolationCeiling, err)
	}
	if _, err := ParseThresholds([]byte("violation_ceiling: Tốt lắm\n"), "x.yaml"); err == nil || !strings.Contains(err.Error(), "hoặc khong") {
		t.Errorf("bad violation_ceiling: %v", err)
	}
}

// TestKeyComments: the export's comments on the band keys.
func TestKeyComments(t *testing.T) {
	// As the files committees keep were written.
	for _, c := range []struct{ got, want string }{
		{bandKeyComment(criteria.QualityGood), "Buổi sinh hoạt từ số điểm này trở lên xếp loại Tốt (thang 100 điểm)"},
		{bandKeyComment(criteria.QualityFair), "Từ số điểm này đến dưới mức Tốt là Khá"},
		{bandKeyComment(criteria.QualityAverage), "Từ số điểm này đến dưới mức Khá là Trung bình; thấp hơn là Kém"},
		{levelKeyComment(criteria.LevelExcellent), "Điểm tiêu chí (0–100) từ mức này trở lên là Xuất sắc (Quy định 366-QĐ/TW)"},
		{levelKeyComment(criteria.LevelGood), "Điểm tiêu chí từ mức này trở lên là Tốt"},
		{levelKeyComment(criteria.LevelAverage), "Điểm tiêu chí từ mức này trở lên là Trung bình; thấp hơn là Kém"},
	} {
		if c.got != c.want {
			t.Errorf("comment %q, want %q", c.got, c.want)
		}
	}
}
