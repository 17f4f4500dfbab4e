package workbook

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bontot/bontot/criteria"
)

// TestScoreLayoutsThroughLibreOffice: the published score-sheet layouts
// generated in testdata/phieu, opened and saved again by LibreOffice
// (soffice --headless --convert-to xlsx), read the same: the same
// meetings, dates, kinds and scores, and the same problems. Skipped where
// LibreOffice is not installed, and under -short.
func TestScoreLayoutsThroughLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("LibreOffice round trip skipped under -short")
	}
	th25, err := criteria.ProfileThresholds(criteria.Profile2025)
	if err != nil {
		t.Fatal(err)
	}
	files := []struct {
		name string
		opts Options
	}{
		{"phieu-hd12.xlsx", Options{}},
		{"phieu-8-nhom.xlsx", Options{Year: 2025, Criteria: &th25}},
		{"tong-hop-2024.xlsx", Options{}},
		{"bon-tot-2024.xlsx", Options{Year: 2024}},
		{"phieu-cham.xlsx", Options{}},
	}
	dir := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", filepath.Join(dir, "out")}
	for _, f := range files {
		args = append(args, phieu(f.name))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, f := range files {
		converted := filepath.Join(dir, "out", f.name)
		if _, err := os.Stat(converted); err != nil {
			t.Errorf("%s: not converted: %v", f.name, err)
			continue
		}
		before, after := readOne(t, phieu(f.name), f.opts), readOne(t, converted, f.opts)
		if a, b := facts(before), facts(after); !slices.Equal(a, b) {
			t.Errorf("%s read differently after LibreOffice:\nbefore\n%s\nafter\n%s", f.name, strings.Join(a, "\n"), strings.Join(b, "\n"))
		}
	}
}

// facts are what a read gives, as lines: each unit's meetings (sheet,
// kind, date, score, groups) and the problems.
func facts(res *Result) []string {
	var out []string
	for _, u := range res.Dataset.Units {
		out = append(out, u.Code)
		out = append(out, meetingSummary(u)...)
		for _, m := range u.Meetings {
			for _, g := range m.Groups {
				out = append(out, "  "+g.Label+" "+formatNumber(g.Score)+"/"+formatNumber(g.Max))
			}
		}
	}
	return append(out, problemLines(res)...)
}
