package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// TestCriteriaListsEverything: bontot criteria lists every check of the
// profile with its threshold and every item, and no check the profile
// leaves out (hd17-2023 lists exactly the checks it always had).
func TestCriteriaListsEverything(t *testing.T) {
	for _, name := range criteria.ProfileNames() {
		th, _ := criteria.ProfileThresholds(name)
		out, errOut, code := runCmd(t, "criteria", "--profile", name)
		if code != exitOK || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", name, code, errOut)
		}
		for _, d := range append(append([]criteria.CheckDef{}, criteria.Checks...), criteria.ImplementationChecks...) {
			listed := strings.Contains(out, d.ID+"  "+d.Title) && strings.Contains(out, d.Rule(th))
			if listed != d.Enabled(th) {
				t.Errorf("%s: check %s listed %v, in the profile %v", name, d.ID, listed, d.Enabled(th))
			}
		}
		for _, it := range criteria.Items {
			if !strings.Contains(out, it.ID+"  "+it.Text) {
				t.Errorf("%s: item %s missing", name, it.ID)
			}
		}
		if !strings.Contains(out, "Ít nhất 75% số buổi") {
			t.Errorf("%s: default share not shown", name)
		}
	}
	// The 2025 rules are off in hd17-2023 and on in 2025.
	hd17, _, _ := runCmd(t, "criteria", "--profile", "hd17-2023")
	p2025, _, _ := runCmd(t, "criteria", "--profile", "2025")
	for _, id := range []string{"tc2.thematic_quarterly", "quota.htxsnv", "quota.htxsnv_orgs"} {
		if strings.Contains(hd17, id) || !strings.Contains(p2025, id) {
			t.Errorf("%s: in hd17-2023 %v, in 2025 %v", id, strings.Contains(hd17, id), strings.Contains(p2025, id))
		}
	}
	if !strings.Contains(p2025, "không quá 20% số đảng viên xếp loại HTTNV (HTXSNV không tính vào số này)") {
		t.Error("2025: the HTXSNV share is not shown")
	}
}

func TestCriteriaExportAndLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tieu-chi.yaml")
	if _, errOut, code := runCmd(t, "criteria", "--export", path); code != exitOK || !strings.Contains(errOut, "Đã ghi tệp tiêu chí") {
		t.Fatalf("export: exit %d, %q", code, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	th, _, err := loadThresholds(path, "", 0)
	if err != nil {
		t.Fatalf("exported file does not load: %v", err)
	}
	if th.RegularGoodShare != 0.75 {
		t.Errorf("share %v", th.RegularGoodShare)
	}
	// A second export refuses to overwrite without --force.
	if _, errOut, code := runCmd(t, "criteria", "--export", path); code != exitFailure || !strings.Contains(errOut, "--force") {
		t.Errorf("overwrite: exit %d, %q", code, errOut)
	}
	edited := strings.Replace(string(data), "regular_good_share: 0.75", "regular_good_share: 0.8", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "criteria", "--criteria", path)
	if code != exitOK || !strings.Contains(out, "Ít nhất 80% số buổi") || !strings.Contains(out, "theo tệp "+path) {
		t.Errorf("edited file not in force: exit %d\n%s", code, out)
	}
}

func TestCriteriaBadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tieu-chi.yaml")
	if err := os.WriteFile(path, []byte("strict: false\nregular_good_share: abc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCmd(t, "criteria", "--criteria", path)
	want := `bontot: tieu-chi.yaml dòng 2: khóa "regular_good_share" phải là số từ 0 đến 1, gặp "abc"`
	if code != exitFailure || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runCmd(t, "criteria", "--criteria", filepath.Join(dir, "khong-co.yaml"))
	if code != exitFailure || !strings.Contains(errOut, "không có tệp tiêu chí") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
	if _, _, code := runCmd(t, "criteria", "thua"); code != exitFailure {
		t.Errorf("extra argument: exit %d", code)
	}
	if th, _, err := loadThresholds("", "", 0); err != nil || th.RegularMeetings != 12 {
		t.Errorf("no file: %v", err)
	}
}

// `bontot criteria --criteria FILE` checks the report section as well.
func TestCriteriaChecksReportSection(t *testing.T) {
	crit := filepath.Join(t.TempDir(), "tieu-chi.yaml")
	if err := os.WriteFile(crit, []byte("regular_meetings: 12\nreport:\n  date: 31/02/2024\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCmd(t, "criteria", "--criteria", crit)
	if code != 1 || !strings.Contains(stderr, "tieu-chi.yaml dòng 3: khóa report.date phải là một ngày") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
