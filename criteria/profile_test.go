package criteria

import (
	"reflect"
	"strings"
	"testing"
)

// TestDefaultProfileIsHD17: without a profile named anywhere, the rules are
// those of Hướng dẫn 17-HD/ĐUK as written, so no result changes for a user
// who did not ask for the 2025 rules (SPEC §6).
func TestDefaultProfileIsHD17(t *testing.T) {
	none, err := ProfileThresholds("")
	if err != nil {
		t.Fatal(err)
	}
	hd17, err := ProfileThresholds(ProfileHD17)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(none, Default()) || !reflect.DeepEqual(hd17, Default()) {
		t.Errorf("default profile:\n \"\"        %+v\n hd17-2023 %+v\n Default   %+v", none, hd17, Default())
	}
	if none.Profile != ProfileHD17 {
		t.Errorf("Profile %q, want %q", none.Profile, ProfileHD17)
	}
	file, err := ParseThresholds([]byte("regular_meetings: 10\n"), "x.yaml")
	if err != nil || file.Profile != ProfileHD17 {
		t.Errorf("a file naming no profile: profile %q, %v", file.Profile, err)
	}
}

// TestUnknownProfileRefused: a profile name that does not exist is one
// sentence listing the known ones, from a flag or from a file.
func TestUnknownProfileRefused(t *testing.T) {
	_, err := ProfileThresholds("2024")
	want := `không có bộ quy tắc "2024"; các bộ quy tắc có: hd17-2023, 2025`
	if err == nil || err.Error() != want {
		t.Errorf("flag: got %v, want %q", err, want)
	}
	_, err = ParseThresholds([]byte("strict: true\nprofile: hd17\n"), "tieu-chi.yaml")
	want = `tieu-chi.yaml dòng 2: khóa "profile" phải là tên một bộ quy tắc: hd17-2023, 2025, gặp "hd17"`
	if err == nil || err.Error() != want {
		t.Errorf("file: got %v, want %q", err, want)
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
		want, _ := ProfileThresholds(Profile2025)
		want.RegularGoodShare = 0.8
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %+v\nwant %+v", doc, got, want)
		}
	}
	// A profile given by the caller (--profile) is the base of a file that
	// names none.
	got, err := ParseThresholdsOver([]byte("thematic_meetings: 6\n"), "x.yaml", Profile2025)
	if err != nil || got.Profile != Profile2025 || got.ThematicMeetings != 6 {
		t.Errorf("file over --profile 2025: profile %q, thematic %d, %v", got.Profile, got.ThematicMeetings, err)
	}
}

// TestCriteriaFileProfileMustMatchFlag: a file written for one profile read
// under another is refused, not silently decided one way.
func TestCriteriaFileProfileMustMatchFlag(t *testing.T) {
	_, err := ParseThresholdsOver([]byte("# 2025\nprofile: 2025\n"), "tieu-chi.yaml", ProfileHD17)
	if err == nil || !strings.Contains(err.Error(), `tieu-chi.yaml dòng 2: tệp tiêu chí dùng bộ quy tắc "2025" nhưng --profile là "hd17-2023"`) {
		t.Errorf("conflict: %v", err)
	}
	if th, err := ParseThresholdsOver([]byte("profile: 2025\n"), "x.yaml", Profile2025); err != nil || th.Profile != Profile2025 {
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
	for _, name := range ProfileNames() {
		th, err := ProfileThresholds(name)
		if err != nil {
			t.Fatal(err)
		}
		data := th.MarshalYAMLWithComments()
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

// TestEvaluateNamesItsProfile: a report says which profile made it.
func TestEvaluateNamesItsProfile(t *testing.T) {
	for _, name := range ProfileNames() {
		th, _ := ProfileThresholds(name)
		rep := Evaluate(bloc(), th, Options{})
		if rep.Rules.Profile != name {
			t.Errorf("Rules.Profile %q, want %q", rep.Rules.Profile, name)
		}
	}
}

// TestProfileForYear: the 2025 rules are in force from the evaluation
// year 2025 on (SPEC §6, "Default profile by year").
func TestProfileForYear(t *testing.T) {
	for year, want := range map[int]string{2023: ProfileHD17, 2024: ProfileHD17, 2025: Profile2025, 2026: Profile2025, 2030: Profile2025} {
		if got := ProfileForYear(year); got != want {
			t.Errorf("ProfileForYear(%d) = %q, want %q", year, got, want)
		}
	}
}

// TestRulesLine: the first line of a report names the rules and what
// chose them.
func TestRulesLine(t *testing.T) {
	for _, c := range []struct {
		r    Rules
		want string
	}{
		{Rules{Profile: Profile2025, ChosenBy: ChosenByYear}, "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo năm đánh giá 2026"},
		{Rules{Profile: ProfileHD17, ChosenBy: ChosenByFlag}, "Quy tắc hd17-2023 — HD 17-HD/ĐUK, QĐ 124, HD 12 — theo --profile hd17-2023"},
		{Rules{Profile: Profile2025, ChosenBy: ChosenByCriteriaFile, CriteriaFile: "tc.yaml"}, "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo tệp tiêu chí tc.yaml"},
		{Rules{Profile: Profile2025, ChosenBy: ChosenByYear, CriteriaFile: "tc.yaml"}, "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo năm đánh giá 2026; tệp tiêu chí tc.yaml"},
		{Rules{}, ""},
	} {
		if got := c.r.Line(2026); got != c.want {
			t.Errorf("%+v: %q, want %q", c.r, got, c.want)
		}
	}
}
