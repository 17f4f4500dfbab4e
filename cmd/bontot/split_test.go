package main

import (
	"reflect"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/gen"
	"github.com/bontot/bontot/workbook"
)

// TestUnitReportsAsOnlyUnit: the index --split narrows the report with
// gives every unit the very report onlyUnit gives it — its problems, those
// of the units whose errors it carries and those of no unit, in report
// order, and its own implementation checks — on a generated bloc and on a
// report whose problems and codes overlap on purpose.
func TestUnitReportsAsOnlyUnit(t *testing.T) {
	path, err := gen.CachedFile(gen.ScaleBloc, 1)
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
