package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook"
	"github.com/bontot/bontot/workbook/workbooktest"
)

// TestUnitReportsAsOnlyUnit: the index --split narrows the report with
// gives every unit the very report onlyUnit gives it — its problems, those
// of the units whose errors it carries and those of no unit, in report
// order, and its own implementation checks — on a generated bloc and on a
// report whose problems and codes overlap on purpose.
func TestUnitReportsAsOnlyUnit(t *testing.T) {
	path, err := workbooktest.CachedFile(workbooktest.ScaleBloc, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := workbook.Read([]string{path}, workbook.Options{})
	if err != nil {
		t.Fatal(err)
	}
	bloc := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	if len(bloc.Problems) == 0 || len(bloc.Implementation) == 0 {
		t.Fatalf("the bloc has %d problems, %d implementation checks", len(bloc.Problems), len(bloc.Implementation))
	}
	unit := func(code string, errorsIn ...string) criteria.UnitResult {
		return criteria.UnitResult{Unit: &criteria.Unit{Code: code}, ErrorsIn: errorsIn}
	}
	small := &criteria.Report{
		Units: []criteria.UnitResult{unit("A", "A-1", "A-2", "A-1"), unit("A-1"), unit("B"), unit("A-2"), unit("")},
		Problems: []criteria.Problem{
			{Unit: "A-1", Message: "1"}, {Message: "2"}, {Unit: "B", Message: "3"}, {Unit: "A", Message: "4"},
			{Unit: "A-2", Message: "5"}, {Unit: "C", Message: "6"}, {Message: "7"},
		},
		Implementation: []criteria.ImplementationResult{{Unit: "A"}, {Cluster: "Cụm 1"}, {Unit: "B"}, {Unit: "A"}},
	}
	for name, rep := range map[string]*criteria.Report{"bloc": bloc, "small": small} {
		u := newUnitReports(rep)
		for i, ur := range rep.Units {
			if got, want := u.report(i), onlyUnit(rep, ur.Unit.Code); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, unit %q: %d units, %d problems, %d checks; onlyUnit: %d, %d, %d", name, ur.Unit.Code,
					len(got.Units), len(got.Problems), len(got.Implementation), len(want.Units), len(want.Problems), len(want.Implementation))
			}
		}
	}
}

// TestExcelReportsSameBytes: the same workbook makes the same bytes, in
// the report of a generated bloc (the sheets bontot writes itself, the
// streamed ones, the charts) and in every unit's report of --split: the
// parts go into the package in one order whatever order excelize hands
// them over in.
func TestExcelReportsSameBytes(t *testing.T) {
	path, err := workbooktest.CachedFile(workbooktest.ScaleBloc, 1)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var reports [2][]byte
	for i := range reports {
		out := filepath.Join(dir, fmt.Sprintf("bloc-%d.xlsx", i))
		if _, stderr, code := runCmd(t, "evaluate", path, "-o", out); code != exitOK && code != exitDataErrors {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if reports[i], err = os.ReadFile(out); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(reports[0], reports[1]) {
		t.Error("two runs on the bloc wrote different Excel reports")
	}
	example := filepath.Join("..", "..", "testdata", "khoi-2024.xlsx")
	var splits [2]map[string][]byte
	for i := range splits {
		out := filepath.Join(dir, fmt.Sprintf("split-%d", i))
		if _, stderr, code := runCmd(t, "evaluate", example, "--split", out); code != exitOK && code != exitDataErrors {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		entries, err := os.ReadDir(out)
		if err != nil {
			t.Fatal(err)
		}
		splits[i] = map[string][]byte{}
		for _, e := range entries {
			if splits[i][e.Name()], err = os.ReadFile(filepath.Join(out, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(splits[0]) < 5 || !maps.EqualFunc(splits[0], splits[1], bytes.Equal) {
		t.Errorf("two --split runs wrote different reports (%d and %d files)", len(splits[0]), len(splits[1]))
	}
}
