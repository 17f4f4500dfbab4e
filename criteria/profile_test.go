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
