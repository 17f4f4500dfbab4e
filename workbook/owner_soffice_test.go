package workbook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/internal/lotest"
)

// The workbooks without a Đơn vị sheet read the same after LibreOffice
// has opened and saved them (it rewrites every part: shared strings,
// styles, merged cells): the same unit, taken from the same cell, and the
// same rows. Skipped where LibreOffice is not installed.
func TestOwnerBooksReadAlikeAfterLibreOffice(t *testing.T) {
	src := filepath.Join("..", "testdata", "owner")
	out := t.TempDir()
	sets := [][]string{{"truc-thuoc.xlsx"}, {"co-so.xlsx"},
		{filepath.Join("ba-tep", "1-sinh-hoat.xlsx"), filepath.Join("ba-tep", "2-dang-vien.xlsx"), filepath.Join("ba-tep", "3-doan-the.xlsx")}}
	// One run for every file (their names differ): LibreOffice starts once.
	var all []string
	for _, set := range sets {
		for _, f := range set {
			all = append(all, filepath.Join(src, f))
		}
	}
	lotest.Convert(t, out, "xlsx", all...)
	for _, set := range sets {
		var before, after []string
		for _, f := range set {
			before = append(before, filepath.Join(src, f))
			after = append(after, filepath.Join(out, filepath.Base(f)))
			a, errA := os.ReadFile(before[len(before)-1])
			b, errB := os.ReadFile(after[len(after)-1])
			if errA != nil || errB != nil || bytes.Equal(a, b) {
				t.Fatalf("%s: LibreOffice wrote nothing new (%v, %v)", f, errA, errB)
			}
		}
		want, got := ownerSummary(t, before), ownerSummary(t, after)
		if !slices.Equal(got, want) {
			t.Errorf("%s after LibreOffice:\n%s\nwant:\n%s", set[0], strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// ownerSummary is what a read of paths says of its units and problems.
func ownerSummary(t *testing.T, paths []string) []string {
	t.Helper()
	res, err := Read(paths, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, u := range res.Dataset.Units {
		out = append(out, fmt.Sprintf("%s %q %s parent %q: %d meetings, %d members, %d mass orgs, errors %v",
			u.Code, u.Name, u.Type, u.Parent, len(u.Meetings), len(u.Members), len(u.MassOrgs), u.HasErrors))
		for _, m := range u.Meetings {
			out = append(out, fmt.Sprintf("  %s %v %v", m.Date.Format("02/01/2006"), m.Kind, m.Score))
		}
	}
	for _, p := range res.Dataset.Problems {
		out = append(out, p.String())
	}
	return out
}
