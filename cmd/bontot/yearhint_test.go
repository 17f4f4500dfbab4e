package main

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook"
	"github.com/bontot/bontot/workbook/workbooktest"
)

// withModified copies the workbook at src to dst with its core
// properties' dcterms:modified set to stamp, or without the core
// properties when stamp is "".
func withModified(t *testing.T, src, dst, stamp string) {
	t.Helper()
	found := false
	err := workbooktest.EditParts(src, dst, func(name string, data []byte) ([]byte, error) {
		if name != "docProps/core.xml" {
			return data, nil
		}
		found = true
		if stamp == "" {
			return nil, workbooktest.DropPart
		}
		re := regexp.MustCompile(`(<dcterms:modified[^>]*>)[^<]*`)
		if !re.Match(data) {
			return nil, errors.New("core properties without dcterms:modified")
		}
		return re.ReplaceAll(data, []byte("${1}"+stamp)), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("%s has no docProps/core.xml", src)
	}
}

// The rules are first guessed from what the workbook says of its year
// (its name, else the year it was saved in), so that a 2024 workbook
// evaluated in the 2026 review is read once under the 2024 rules instead
// of twice; a wrong guess or none still ends under the rules of the rows'
// year, read twice, and the report is the same either way (SPEC §6).
func TestRulesGuessedFromTheWorkbook(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, stamp string // stamp "": no core properties
		profile     string // --profile
		reads       int
	}{
		{"so.xlsx", "2024-12-20T08:00:00Z", "", 1},              // saved in 2024
		{"so-lo.xlsx", "2024-12-20T08:00:00.123456789Z", "", 1}, // LibreOffice's stamp
		{"khoi-2024.xlsx", "2026-11-30T10:00:00Z", "", 1},       // the name wins
		{"so-2026.xlsx", "2024-12-20T08:00:00Z", "", 2},         // a wrong guess
		{"so-resaved.xlsx", "2026-11-30T10:00:00Z", "", 2},      // saved again this year
		{"so-bare.xlsx", "", "", 2},                             // nothing to guess from: this year
		{"bao-cao-2025-ve-2024.xlsx", "", "", 2},                // two years named: no guess
		{"so-flag.xlsx", "", criteria.ProfileHD17, 1},           // the flag decides
	}
	var reports []string
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		withModified(t, example, p, c.stamp)
		in, err := workbook.Expand([]string{p})
		if err != nil {
			t.Fatal(err)
		}
		reads := 0
		res, th, rules, err := readUnderRules("", c.profile, 0, testToday, in, "", func(th criteria.Thresholds, books *workbook.Books) (*workbook.Result, error) {
			reads++
			opts := readOptions(th, "", 0, testToday)
			opts.Books = books
			return workbook.ReadInputs(in, opts)
		})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if reads != c.reads {
			t.Errorf("%s: read %d times, want %d", c.name, reads, c.reads)
		}
		if res.Dataset.Year != 2024 || th.Profile != criteria.ProfileHD17 || rules.Profile != criteria.ProfileHD17 {
			t.Errorf("%s: year %d under %s (%s), want 2024 under %s", c.name, res.Dataset.Year, th.Profile, rules.Profile, criteria.ProfileHD17)
		}
		if c.profile != "" {
			continue
		}
		if rules.ChosenBy != criteria.ChosenByYear {
			t.Errorf("%s: rules chosen by %q, want the year", c.name, rules.ChosenBy)
		}
		out, errOut, code := runCmd(t, "evaluate", p, "--format", "json")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", c.name, code, errOut)
		}
		reports = append(reports, strings.ReplaceAll(out, c.name, "SO.xlsx"))
	}
	for i, r := range reports[1:] {
		if r != reports[0] {
			t.Errorf("%s: report differs from %s's: the guess changed more than the time taken", cases[i+1].name, cases[0].name)
		}
	}
}
