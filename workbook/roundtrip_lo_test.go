package workbook

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/lotest"
)

// TestScoreLayoutsThroughLibreOffice: the published score-sheet layouts
// generated in testdata/phieu, opened and saved again by LibreOffice
// (soffice --headless --convert-to xlsx), read the same: the same
// meetings, dates, kinds and scores, and the same problems. Skipped where
// LibreOffice is not installed, and under -short.
func TestScoreLayoutsThroughLibreOffice(t *testing.T) {
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
	var srcs []string
	for _, f := range files {
		srcs = append(srcs, phieu(f.name))
	}
	lotest.Convert(t, filepath.Join(dir, "out"), "xlsx", srcs...)
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
				out = append(out, "  "+g.Label+" "+criteria.FormatNumber(g.Score)+"/"+criteria.FormatNumber(g.Max))
			}
		}
	}
	return append(out, problemLines(res)...)
}
