package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// TestCriteriaListsEverything: bontot criteria lists every check with its
// threshold and every item (issue 3, "Must show").
func TestCriteriaListsEverything(t *testing.T) {
	out, errOut, code := runCmd(t, "criteria")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, d := range append(append([]criteria.CheckDef{}, criteria.Checks...), criteria.ImplementationChecks...) {
		if !strings.Contains(out, d.ID+"  "+d.Title) || !strings.Contains(out, d.Rule(criteria.Default())) {
			t.Errorf("check %s missing from the listing", d.ID)
		}
	}
	for _, it := range criteria.Items {
		if !strings.Contains(out, it.ID+"  "+it.Text) {
			t.Errorf("item %s missing", it.ID)
		}
	}
	if !strings.Contains(out, "Ít nhất 75% số buổi") {
		t.Error("default share not shown")
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
	th, _, err := loadThresholds(path, "")
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
	if th, _, err := loadThresholds("", ""); err != nil || th.RegularMeetings != 12 {
		t.Errorf("no file: %v", err)
	}
}
