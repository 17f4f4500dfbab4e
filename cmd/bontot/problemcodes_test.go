package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/golden"
	"github.com/bontot/bontot/workbook/workbooktest"
)

// problemCodesTable is the README's table of problem codes, made from the
// registry: a row per code with its severity, title and action.
func problemCodesTable() string {
	var b strings.Builder
	b.WriteString("| mã | mức | nghĩa | cần làm |\n|---|---|---|---|\n")
	for _, t := range criteria.ProblemTypes() {
		fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s |\n", t.Code, t.Severity,
			strings.ReplaceAll(t.Title, "|", `\|`), strings.ReplaceAll(t.Action, "|", `\|`))
	}
	return b.String()
}

const (
	codesBegin = "<!-- problem-codes:begin -->\n"
	codesEnd   = "<!-- problem-codes:end -->"
)

// TestREADMEProblemCodes: the README lists every problem code, as the
// registry has it (code, severity, title, action) and nothing else; with
// -update the table is rewritten from the registry.
func TestREADMEProblemCodes(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, codesBegin), strings.Index(readme, codesEnd)
	if i < 0 || j < i {
		t.Fatalf("README lacks the markers %q … %q of the problem codes table", codesBegin, codesEnd)
	}
	want := problemCodesTable()
	if got := readme[i+len(codesBegin) : j]; got != want {
		if *golden.Update {
			if err := os.WriteFile(path, []byte(readme[:i+len(codesBegin)]+want+readme[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("the README's table of problem codes is not the registry's; run go test ./cmd/bontot -run TestREADMEProblemCodes -update and review the diff")
	}
	for _, pt := range criteria.ProblemTypes() {
		if !strings.Contains(readme, "| `"+pt.Code+"` |") {
			t.Errorf("README does not list %s", pt.Code)
		}
	}
}

// codeShape is a code as SPEC-level identifiers are written: an area and
// a finding, lower-case ASCII.
var codeShape = regexp.MustCompile(`^[a-z_]+\.[a-z0-9_]+$`)

// TestProblemTypes: every record of the registry is whole — a code of the
// right shape, short enough for the report's Mã column (24 wide, 26
// characters a line), a severity, a Vietnamese title and action in NFC,
// a template.
func TestProblemTypes(t *testing.T) {
	types := criteria.ProblemTypes()
	if len(types) == 0 {
		t.Fatal("no problem types registered")
	}
	seen := map[string]bool{}
	for _, pt := range types {
		if !codeShape.MatchString(pt.Code) || len(pt.Code) > 26 {
			t.Errorf("code %q: want area.finding in lower-case ASCII, at most 26 characters", pt.Code)
		}
		if seen[pt.Code] {
			t.Errorf("code %q registered twice", pt.Code)
		}
		seen[pt.Code] = true
		switch pt.Severity {
		case criteria.SeverityError, criteria.SeverityWarning, criteria.SeverityNote:
		default:
			t.Errorf("%s: severity %q", pt.Code, pt.Severity)
		}
		for what, s := range map[string]string{"title": pt.Title, "action": pt.Action, "template": pt.Template} {
			if strings.TrimSpace(s) == "" || !norm.NFC.IsNormalString(s) {
				t.Errorf("%s: %s %q empty or not NFC", pt.Code, what, s)
			}
		}
		if got, ok := criteria.ProblemTypeOf(pt.Code); !ok || got != pt {
			t.Errorf("ProblemTypeOf(%q) = %v, %v", pt.Code, got, ok)
		}
	}
	if _, ok := criteria.ProblemTypeOf("no.such_code"); ok {
		t.Error("ProblemTypeOf finds a code never registered")
	}
}

// jsonProblems is what the tests read of the problems of a JSON report
// (evaluate and validate alike).
type jsonProblems struct {
	Problems []struct {
		Code     *string `json:"code"`
		Severity string  `json:"severity"`
		Message  string  `json:"message"`
	} `json:"problems"`
}

// checkCodes fails when a problem of a JSON report has no code, a code
// the registry does not know, a severity other than its type's, or a
// message its template left arguments missing in; it returns the codes.
func checkCodes(t *testing.T, what, out string) []string {
	t.Helper()
	var doc jsonProblems
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	var codes []string
	for _, p := range doc.Problems {
		if p.Code == nil {
			t.Errorf("%s: problem without a code key: %q", what, p.Message)
			continue
		}
		pt, ok := criteria.ProblemTypeOf(*p.Code)
		switch {
		case !ok:
			t.Errorf("%s: code %q not registered: %q", what, *p.Code, p.Message)
		case string(pt.Severity) != p.Severity:
			t.Errorf("%s: %s of severity %s, its type's is %s", what, *p.Code, p.Severity, pt.Severity)
		}
		if strings.Contains(p.Message, "%!") {
			t.Errorf("%s: %s: the template's arguments do not fit: %q", what, *p.Code, p.Message)
		}
		codes = append(codes, *p.Code)
	}
	return codes
}

// TestEveryProblemHasACode runs every workbook under testdata — each
// alone, each folder at once, the whole of testdata as one folder — and a
// generated bloc full of flaws through evaluate and validate, and checks
// every problem of the JSON for a code of the registry. It also checks
// that the runs meet a fair share of the codes, so that it keeps testing
// something.
func TestEveryProblemHasACode(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	var books []string
	dirs := []string{root}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != root:
			dirs = append(dirs, path)
		case strings.HasSuffix(path, ".xlsx"):
			books = append(books, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(books) < 10 {
		t.Fatalf("only %d workbooks under testdata", len(books))
	}
	// The bloc scale with many flaws, and the same bloc in a workbook per
	// unit (the folder a Ban Tổ chức receives).
	tmp := t.TempDir()
	cfg := workbooktest.ConfigFor(workbooktest.ScaleBloc)
	cfg.Trouble, cfg.Grassroots, cfg.Cells = 16, 6, 20
	f, err := os.Create(filepath.Join(tmp, "khoi-loi.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := workbooktest.WriteConfig(f, cfg, 7); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	books = append(books, f.Name())
	units := filepath.Join(tmp, "don-vi")
	if err := os.Mkdir(units, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := workbooktest.WriteFolder(cfg, 7, func(name string) (io.WriteCloser, error) {
		return os.Create(filepath.Join(units, name))
	}); err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, units)

	seen := map[string]bool{}
	run := func(args ...string) {
		out, errOut, code := runCmd(t, args...)
		if code == exitFailure {
			return // refused whole: an error sentence, no report
		}
		for _, c := range checkCodes(t, strings.Join(args, " ")+" ("+errOut+")", out) {
			seen[c] = true
		}
	}
	for _, p := range append(books, dirs...) {
		run("evaluate", p, "--format", "json")
		run("validate", p, "--format", "json")
	}
	run("evaluate", filepath.Join(root, "khoi-2024-quy-tac-2025.xlsx"), "--profile", "2025", "--format", "json")
	run("evaluate", filepath.Join(root, "khoi-2024.xlsx"), "--as-of", "30/09/2024", "--strict", "--format", "json")
	run("evaluate", filepath.Join(root, "khoi-2024.xlsx"), "--year", "2023", "--format", "json")
	var got []string
	for c := range seen {
		got = append(got, c)
	}
	slices.Sort(got)
	t.Logf("%d codes met: %s", len(got), strings.Join(got, " "))
	if len(got) < 15 {
		t.Errorf("only %d codes met; the workbooks under testdata should show more", len(got))
	}
}
