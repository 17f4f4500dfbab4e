package criteria

import (
	"slices"
	"strings"
	"testing"
)

// TestCheckRecords: every check is one whole record — a unique ID under
// its criterion, a title, a sheet, a rule and (for a measured check) a
// judge — and the keys it names are keys of a criteria file.
func TestCheckRecords(t *testing.T) {
	seen := map[string]bool{}
	for _, list := range [][]CheckDef{Checks, ImplementationChecks} {
		for _, d := range list {
			if seen[d.ID] {
				t.Errorf("ID %s is used twice", d.ID)
			}
			seen[d.ID] = true
			if d.Title == "" || d.Rule == nil || d.Rule(Default()) == "" {
				t.Errorf("%s: no title or rule", d.ID)
			}
			measured := d.Criterion != ""
			if measured && (d.judge == nil || !strings.HasPrefix(d.ID, d.Criterion+".")) {
				t.Errorf("%s: a measured check without a judge, or outside its criterion %q", d.ID, d.Criterion)
			}
			if !measured && d.judge != nil {
				t.Errorf("%s: an implementation check is judged by implementation, not by a judge of one unit", d.ID)
			}
			if d.EachUnit != (d.ID == "quota.htxsnv") {
				t.Errorf("%s: EachUnit %v; only quota.htxsnv gives a result per unit evaluated", d.ID, d.EachUnit)
			}
			if d.Sheet < 0 || d.Sheet >= numSheets {
				t.Errorf("%s: sheet %d", d.ID, d.Sheet)
			}
			for i, k := range d.Keys {
				if paramByKey(k) == nil || slices.Contains(d.Keys[:i], k) {
					t.Errorf("%s: key %q is not a criteria-file key, or is listed twice", d.ID, k)
				}
			}
		}
	}
	if len(seen) != 23+4 {
		t.Errorf("%d checks, want the 23 measured checks of SPEC §2 and the 4 of section III", len(seen))
	}
}

// TestShareChecks: the checks shown as percentages are the ratings, the
// 528 criteria, the good regular meetings and residence feedback — the
// list the report kept before the records said it.
func TestShareChecks(t *testing.T) {
	want := []string{
		"tc1.key_criteria", "tc1.other_criteria",
		"tc1.members_floor", "tc1.members_good",
		"tc1.suborgs_floor", "tc1.suborgs_good",
		"tc1.staff_floor", "tc1.staff_good",
		"tc1.mass_orgs", "tc2.regular_good", "tc4.residence",
	}
	var got []string
	for _, list := range [][]CheckDef{Checks, ImplementationChecks} {
		for _, d := range list {
			if d.Share {
				got = append(got, d.ID)
			}
			if CheckShare(d.ID) != d.Share {
				t.Errorf("CheckShare(%s) = %v, the record says %v", d.ID, !d.Share, d.Share)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("share checks %v, want %v", got, want)
	}
	if CheckShare("tc2.q1") || CheckShare("x.y") {
		t.Error("an item or an unknown ID is a share")
	}
}

// TestRuleKeys: a rule's wording changes only with the keys its record
// names. Each key of a criteria file is set to another value in turn, over
// both profiles; a rule that then reads differently must list the key.
func TestRuleKeys(t *testing.T) {
	for _, profile := range ProfileNames() {
		base, err := ProfileThresholds(profile)
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
		if base.HTXSNVBase != BaseHTTNV {
			variant["htxsnv_base"] = "httnv"
		}
		for _, s := range base.Settings() {
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
			for _, list := range [][]CheckDef{Checks, ImplementationChecks} {
				for _, d := range list {
					if d.Rule(th) != d.Rule(base) && !slices.Contains(d.Keys, key) {
						t.Errorf("%s: the rule of %s reads key %s, which its record does not list", profile, d.ID, key)
					}
				}
			}
		}
	}
}
