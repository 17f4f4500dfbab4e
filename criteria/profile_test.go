package criteria

import (
	"reflect"
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
}

// TestUnknownProfileRefused: a profile name that does not exist is one
// sentence listing the known ones (from a file: package criteriafile).
func TestUnknownProfileRefused(t *testing.T) {
	_, err := ProfileThresholds("2024")
	want := `không có bộ quy tắc "2024"; các bộ quy tắc có: hd17-2023, 2025`
	if err == nil || err.Error() != want {
		t.Errorf("flag: got %v, want %q", err, want)
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
