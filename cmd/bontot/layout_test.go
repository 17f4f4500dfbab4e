package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/bontot/bontot/"

// packageImports maps every package of the repository (its folder,
// slash-separated) to what its non-test files import.
func packageImports(t *testing.T) map[string][]string {
	t.Helper()
	root := filepath.Join("..", "..")
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != root && (strings.HasPrefix(n, ".") || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := filepath.ToSlash(rel)
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(out[pkg], path) {
				out[pkg] = append(out[pkg], path)
			}
		}
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestHouseLayout holds the layout the README's contributor part draws:
// the ground floor (internal/) imports nothing of the project above it,
// the core (criteria/) imports no package of the project and no file
// format, the reader (workbook/) no renderer, and the renderers no reader,
// so that data flows one way: read → evaluate → render.
func TestHouseLayout(t *testing.T) {
	imports := packageImports(t)
	if len(imports) < 10 {
		t.Fatalf("only %d packages found", len(imports))
	}
	for pkg, imps := range imports {
		for _, imp := range imps {
			own, ok := strings.CutPrefix(imp, module)
			switch {
			case strings.HasPrefix(pkg, "internal/") && ok && !strings.HasPrefix(own, "internal/"):
				t.Errorf("%s (ground floor) imports %s", pkg, own)
			case pkg == "criteria" && ok:
				t.Errorf("criteria (the core) imports %s", own)
			case pkg == "criteria" && (strings.Contains(imp, "yaml") || strings.Contains(imp, "excelize") || strings.HasPrefix(imp, "encoding/")):
				t.Errorf("criteria (the core) imports the file format %s", imp)
			case (pkg == "workbook" || strings.HasPrefix(pkg, "workbook/")) && ok &&
				(own == "report" || own == "template" || own == "annotate" || strings.HasPrefix(own, "cmd/")):
				t.Errorf("%s (the reader) imports %s", pkg, own)
			case pkg == "report" && ok && (own == "workbook" || own == "template" || own == "annotate"):
				t.Errorf("report imports %s: renderers take the evaluation, not the workbooks", own)
			case pkg != "tools/gen" && !strings.HasSuffix(pkg, "workbooktest") && own == "workbook/workbooktest":
				t.Errorf("%s imports the test-workbook maker", pkg)
			}
		}
	}
	// A rule that names a folder that is gone holds nothing.
	for _, want := range []string{"internal/xlsxscan", "criteria", "workbook", "report", "template", "workbook/workbooktest"} {
		if _, ok := imports[want]; !ok {
			t.Errorf("no package %s: update TestHouseLayout with the layout", want)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", "go.mod")); err != nil {
		t.Fatal(err)
	}
}
