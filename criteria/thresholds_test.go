package criteria

import (
	"strings"
	"testing"
)

// TestThresholdsChangeVerdict: raising the share of good meetings from 75%
// to 80%, as a criteria file may, changes a verdict.
func TestThresholdsChangeVerdict(t *testing.T) {
	ds := cellWith(12, 9, 2, 5, 8, 11)
	rep := Evaluate(ds, Default(), Options{})
	expect(t, rep, "CS01", "tc2.regular_good", Met)
	if v := rep.Units[0].Verdict; v != Met {
		t.Fatalf("default verdict %s", v)
	}
	th := Default()
	th.RegularGoodShare = 0.8
	rep = Evaluate(ds, th, Options{})
	c := expect(t, rep, "CS01", "tc2.regular_good", NotMet)
	if !strings.Contains(c.Message, "cần ít nhất 80% (10/12)") {
		t.Errorf("message %q", c.Message)
	}
	if v := rep.Units[0].Verdict; v != NotMet {
		t.Errorf("verdict with 80%%: %s, want khong_dat", v)
	}
	if rep.Thresholds.RegularGoodShare != 0.8 {
		t.Error("report does not carry the thresholds in force")
	}
}

func TestRulesShowThresholds(t *testing.T) {
	th := Default()
	th.RegularGoodShare = 0.8
	d, _ := CheckDefByID("tc2.regular_good")
	if r := d.Rule(th); !strings.Contains(r, "80%") || !strings.Contains(r, "90 điểm") {
		t.Errorf("rule %q", r)
	}
}
