package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// jsonRules is the "rules" object of the JSON report.
type jsonRules struct {
	Profile      *string `json:"profile"`
	CriteriaFile *string `json:"criteria_file"`
	SHA256       *string `json:"sha256"`
}

// evaluateJSON runs evaluate on the example with --format json and args,
// and decodes the rules and the threshold of every check by unit and ID.
func evaluateJSON(t *testing.T, args ...string) (jsonRules, map[string]*float64) {
	t.Helper()
	out, stderr, code := runCmd(t, append([]string{"evaluate", example, "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc struct {
		Rules *jsonRules `json:"rules"`
		Units []struct {
			Code     string `json:"code"`
			Criteria []struct {
				Checks []struct {
					ID        string   `json:"id"`
					Threshold *float64 `json:"threshold"`
				} `json:"checks"`
			} `json:"criteria"`
		} `json:"units"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Rules == nil {
		t.Fatal(`no "rules" in the JSON report`)
	}
	th := map[string]*float64{}
	for _, u := range doc.Units {
		for _, c := range u.Criteria {
			for _, ch := range c.Checks {
				th[u.Code+" "+ch.ID] = ch.Threshold
			}
		}
	}
	return *doc.Rules, th
}

func deref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

// TestEvaluateProfileFlag: --profile chooses the profile, and the JSON
// says so; without a criteria file its name and hash are null.
func TestEvaluateProfileFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "hd17-2023"},
		{[]string{"--profile", "hd17-2023"}, "hd17-2023"},
		{[]string{"--profile", "2025"}, "2025"},
	} {
		rules, _ := evaluateJSON(t, c.args...)
		if deref(rules.Profile) != c.want || rules.CriteriaFile != nil || rules.SHA256 != nil {
			t.Errorf("%v: rules {%s %s %s}, want {%s <null> <null>}", c.args,
				deref(rules.Profile), deref(rules.CriteriaFile), deref(rules.SHA256), c.want)
		}
	}
}

// TestEvaluateExplicitHD17MatchesGolden: naming the default profile changes
// nothing: every verdict, status and rank is that of the golden report.
func TestEvaluateExplicitHD17MatchesGolden(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "evaluate.json"))
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "evaluate", example, "--format", "json", "--profile", "hd17-2023")
	// The same results; only what chose the rules differs.
	out = strings.Replace(out, `"chosen_by": "flag"`, `"chosen_by": "year"`, 1)
	if code != 0 || out != string(want) {
		t.Errorf("--profile hd17-2023 differs from evaluate.json (exit %d)", code)
	}
}

// TestEvaluateProfileFromCriteriaFile: a criteria file naming a profile
// selects it, its keys override the profile, and the JSON names the file
// and the SHA-256 of its bytes.
func TestEvaluateProfileFromCriteriaFile(t *testing.T) {
	data := []byte("# tiêu chí của đảng ủy\nprofile: 2025\nregular_good_share: 0.6\n")
	path := filepath.Join(t.TempDir(), "tieu-chi-dang-uy.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	rules, th := evaluateJSON(t, "--criteria", path)
	if deref(rules.Profile) != "2025" || deref(rules.CriteriaFile) != "tieu-chi-dang-uy.yaml" || deref(rules.SHA256) != hex.EncodeToString(sum[:]) {
		t.Errorf("rules {%s %s %s}, want {2025 tieu-chi-dang-uy.yaml %x}", deref(rules.Profile), deref(rules.CriteriaFile), deref(rules.SHA256), sum)
	}
	if v := th["CB02 tc2.regular_good"]; v == nil || *v != 0.6 {
		t.Errorf("tc2.regular_good threshold %v, want the file's 0.6", v)
	}
	if v := th["CB02 tc1.members_good"]; v == nil || *v != 0.5 {
		t.Errorf("tc1.members_good threshold %v, want the profile's 0.5", v)
	}
	// The same file under the same --profile is accepted; under another
	// it is refused.
	if rules, _ := evaluateJSON(t, "--criteria", path, "--profile", "2025"); deref(rules.Profile) != "2025" {
		t.Errorf("--profile 2025 with a 2025 file: profile %s", deref(rules.Profile))
	}
	_, stderr, code := runCmd(t, "evaluate", example, "--criteria", path, "--profile", "hd17-2023")
	if code != exitFailure || !strings.Contains(stderr, `tieu-chi-dang-uy.yaml dòng 2: tệp tiêu chí dùng bộ quy tắc "2025" nhưng --profile là "hd17-2023"`) {
		t.Errorf("conflicting profiles: exit %d, stderr %q", code, stderr)
	}
}

// TestUnknownProfileRefusedByCommands: evaluate, criteria and template
// refuse an unknown profile with one sentence listing the known ones.
func TestUnknownProfileRefusedByCommands(t *testing.T) {
	want := "bontot: không có bộ quy tắc \"2024\"; các bộ quy tắc có: hd17-2023, 2025\n"
	out := filepath.Join(t.TempDir(), "mau.xlsx")
	for _, args := range [][]string{
		{"evaluate", example, "--profile", "2024"},
		{"criteria", "--profile", "2024"},
		{"template", "-o", out, "--profile", "2024"},
	} {
		stdout, stderr, code := runCmd(t, args...)
		if code != exitFailure || stderr != want || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", args[0], code, stdout, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("template written under an unknown profile")
	}
}

// TestCriteriaProfileExportRoundTrip: bontot criteria --profile 2025
// --export writes a file that loads back to the 2025 thresholds, and the
// listing names the profile.
func TestCriteriaProfileExportRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tieu-chi-2025.yaml")
	if _, stderr, code := runCmd(t, "criteria", "--profile", "2025", "--export", path); code != exitOK {
		t.Fatalf("export: exit %d, %q", code, stderr)
	}
	got, rules, err := loadThresholds(path, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := criteria.ProfileThresholds(criteria.Profile2025)
	if !reflect.DeepEqual(got, want) || rules.Profile != "2025" {
		t.Errorf("exported 2025 file loads as profile %q:\n got %+v\nwant %+v", rules.Profile, got, want)
	}
	out, _, code := runCmd(t, "criteria", "--criteria", path)
	if code != exitOK || !strings.Contains(out, "Bộ quy tắc: 2025 — ") {
		t.Errorf("listing of the exported file does not name profile 2025 (exit %d):\n%.300s", code, out)
	}
	// Without a flag the listing is of the rules in force this year
	// (2026 by the tests' clock), and says so.
	out, _, _ = runCmd(t, "criteria")
	if !strings.Contains(out, "Bộ quy tắc: 2025 — ") || !strings.Contains(out, "Ngưỡng đang áp dụng: mặc định của năm 2026") {
		t.Errorf("default listing does not name the 2025 rules of the year 2026:\n%.300s", out)
	}
	out, _, _ = runCmd(t, "criteria", "--profile", "hd17-2023")
	if !strings.Contains(out, "Bộ quy tắc: hd17-2023 — Hướng dẫn 17-HD/ĐUK (2023)") {
		t.Errorf("--profile hd17-2023 listing does not name hd17-2023:\n%.300s", out)
	}
}

// TestEvaluate2025QuarterlyAndQuota: on the example, the 2025 profile
// fails CB05, which has no thematic meeting in the third quarter (a
// warning only under hd17-2023), and reports the HTXSNV share of every
// unit beside the verdicts; hd17-2023 reports neither.
func TestEvaluate2025QuarterlyAndQuota(t *testing.T) {
	// The JSON report as the 2025 example test reads it.
	type report = example2025Doc
	decode := func(profile string) (report, string) {
		out, stderr, code := runCmd(t, "evaluate", example, "--format", "json", "--profile", profile)
		if code != 0 {
			t.Fatalf("%s: exit %d, %q", profile, code, stderr)
		}
		var r report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r, out
	}
	hd17, raw := decode("hd17-2023")
	if strings.Contains(raw, "tc2.thematic_quarterly") || strings.Contains(raw, "quota.htxsnv") {
		t.Error("hd17-2023 reports a 2025 rule")
	}
	warned := false
	for _, p := range hd17.Problems {
		warned = warned || (deref(p.Unit) == "CB05" && p.Code == "schedule.no_thematic" && strings.Contains(p.Message, "quý III/2024"))
	}
	if !warned {
		t.Error("hd17-2023: no quarterly warning for CB05")
	}

	r, _ := decode("2025")
	quarterly := map[string]string{}
	for _, u := range r.Units {
		for _, c := range u.Criteria {
			for _, ch := range c.Checks {
				if ch.ID == "tc2.thematic_quarterly" {
					quarterly[u.Code] = ch.Status + ": " + ch.Message
				}
			}
		}
		if u.Code == "CB05" && u.Verdict != "khong_dat" {
			t.Errorf("2025: CB05 %s, want khong_dat", u.Verdict)
		}
	}
	if got := quarterly["CB05"]; !strings.HasPrefix(got, "khong_dat: ") || !strings.Contains(got, "quý III/2024 không có buổi sinh hoạt chuyên đề nào") {
		t.Errorf("2025: CB05 tc2.thematic_quarterly %q", got)
	}
	if got := quarterly["CB01"]; got != "dat: Cả 4 quý đều có sinh hoạt chuyên đề" {
		t.Errorf("2025: CB01 tc2.thematic_quarterly %q", got)
	}
	quota := map[string]string{}
	for _, im := range r.Implementation {
		if im.ID == "quota.htxsnv" {
			quota[deref(im.Unit)] = im.Status + ": " + im.Message
		}
	}
	for code, want := range map[string]string{
		// Of those rated exactly HTTNV (Quy định 366-QĐ/TW art. 11).
		"CB03": "khong_dat: 2 HTXSNV / 7 đảng viên xếp loại HTTNV = 28,6%, vượt 20%",
		"DB01": "dat: Toàn đảng bộ (cùng 7 chi bộ trực thuộc): 10 HTXSNV / 55",
	} {
		if !strings.HasPrefix(quota[code], want) {
			t.Errorf("2025: %s quota.htxsnv %q, want %q…", code, quota[code], want)
		}
	}
	// Every unit but the chi bộ trực thuộc, whose đảng bộ judges them.
	subordinate := 0
	for _, u := range r.Units {
		if u.Type == "chi_bo_truc_thuoc" {
			subordinate++
			if _, ok := quota[u.Code]; ok {
				t.Errorf("2025: quota.htxsnv for chi bộ trực thuộc %s", u.Code)
			}
		}
	}
	if len(quota) != len(r.Units)-subordinate {
		t.Errorf("2025: quota.htxsnv for %d units of %d", len(quota), len(r.Units)-subordinate)
	}
}
