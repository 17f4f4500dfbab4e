package criteria

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Of places nothing itself: it keeps where the problem is and gives it
// its type's code, severity and lead, and the template's sentence.
func TestProblemOf(t *testing.T) {
	p := Problem{File: "khoi.xlsx", Sheet: "Sinh hoạt", Cell: "D17", Unit: "CB03", Severity: SeverityNote}.Of(ScoreOutOfRange, "Điểm", "105", "100")
	want := Problem{Code: "score.out_of_range", Severity: SeverityError, File: "khoi.xlsx", Sheet: "Sinh hoạt", Cell: "D17", Unit: "CB03",
		Message: "Điểm 105 ngoài khoảng 0–100"}
	if p != want {
		t.Errorf("Of = %+v\nwant %+v", p, want)
	}
	if l := (Problem{}).Of(YearMismatch, "Năm đánh giá 2023", "nhưng", 3, 4, " thuộc năm 2024 và bị bỏ qua", "hãy chạy với --year 2024"); !l.Lead || l.Message !=
		"Năm đánh giá 2023 nhưng 3/4 dòng có ngày của Sinh hoạt và Họp cấp ủy thuộc năm 2024 và bị bỏ qua; hãy chạy với --year 2024" {
		t.Errorf("lead problem %+v", l)
	}
	// A template without arguments is the sentence as it stands.
	if m := SheetEmpty.Message(); m != SheetEmpty.Template || strings.Contains(m, "%") {
		t.Errorf("SheetEmpty message %q", m)
	}
}

// Every problem type is built somewhere: a type no reader or check uses
// is a code the README promises and no run can give. The registry's
// variables are found in problems.go, their uses in every other source
// file of the module.
func TestEveryProblemTypeIsBuilt(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "problems.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, v := range vs.Values {
				if c, ok := v.(*ast.CallExpr); ok {
					if fn, ok := c.Fun.(*ast.Ident); ok && fn.Name == "problemType" {
						declared[vs.Names[i].Name] = false
					}
				}
			}
		}
	}
	if len(declared) != len(ProblemTypes()) {
		t.Fatalf("%d problem type variables in problems.go, %d types registered", len(declared), len(ProblemTypes()))
	}
	root := ".."
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || filepath.Base(path) == "problems.go" && filepath.Base(filepath.Dir(path)) == "criteria" {
			return nil
		}
		src, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		inCriteria := src.Name.Name == "criteria"
		ast.Inspect(src, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "criteria" {
					if _, ok := declared[n.Sel.Name]; ok {
						declared[n.Sel.Name] = true
					}
				}
			case *ast.Ident:
				if _, ok := declared[n.Name]; ok && inCriteria {
					declared[n.Name] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, used := range declared {
		if !used {
			t.Errorf("problem type %s is never built", name)
		}
	}
}

// The evaluation's warnings carry the codes of their types.
func TestWarningsHaveCodes(t *testing.T) {
	ds := bloc()
	u := find(ds, "CB01")
	u.SelfAssessment = nil                                   // self_assessment.missing
	u.Meetings = append(u.Meetings[:3:3], u.Meetings[4:]...) // a month without a regular meeting
	rep := Evaluate(ds, Default(), Options{})
	seen := map[string]bool{}
	for _, p := range rep.Problems {
		pt, ok := ProblemTypeOf(p.Code)
		if !ok || pt.Severity != p.Severity {
			t.Errorf("warning of code %q (%s): %s", p.Code, p.Severity, p)
		}
		seen[p.Code] = true
	}
	for _, c := range []string{"self_assessment.missing", "schedule.month_missing"} {
		if !seen[c] {
			t.Errorf("no %s among %v", c, rep.Problems)
		}
	}
}
