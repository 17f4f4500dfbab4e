package criteria

import (
	"slices"
	"strings"
	"testing"
)

// TestCheckRecords: every check is one whole record — a unique ID under
// its criterion, a title, a sheet, a rule and (for a measured check) a
// judge. That the keys it names are keys of a criteria file is a test of
// package criteriafile.
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
