// Package golden compares what a test produced with a file kept under
// testdata/, prints the difference when they differ, and rewrites the
// file under the one -update flag every package's tests share
// (`go test ./... -update`), as golang.org/x/tools' tests do. It imports
// nothing of the project: every package's tests may use it.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update rewrites the golden files instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite the golden files under testdata/ instead of comparing with them")

// Text compares got with the text file at path (relative to the test's
// package), printing a line diff when they differ, or rewrites it under
// -update.
func Text(t testing.TB, path string, got []byte) {
	t.Helper()
	want, ok := check(t, path, got)
	if !ok {
		t.Errorf("%s differs from what the test produced (go test -update rewrites it; review git diff):\n%s", path, Diff(string(want), string(got)))
	}
}

// Binary compares got with the binary file at path (a workbook), saying
// where they first differ, or rewrites it under -update.
func Binary(t testing.TB, path string, got []byte) {
	t.Helper()
	want, ok := check(t, path, got)
	if !ok {
		i := 0
		for i < len(want) && i < len(got) && want[i] == got[i] {
			i++
		}
		t.Errorf("%s is stale: %d bytes kept, %d produced, first difference at byte %d (go test -update rewrites it)", path, len(want), len(got), i)
	}
}

// check rewrites path under -update (ok), else reads it and reports
// whether it holds got; a missing file fails the test at once.
func check(t testing.TB, path string, got []byte) (want []byte, ok bool) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return got, true
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	return want, bytes.Equal(want, got)
}

// contextLines is how many unchanged lines stand around each change.
const contextLines = 3

// maxDiffLines bounds a printed diff: past it the rest is counted, not
// shown.
const maxDiffLines = 120

// Diff is a line diff of want and got in the unified style: "-" lines
// only in want, "+" lines only in got, a few unchanged lines around each
// change, "@@ line N" where each group starts in want.
func Diff(want, got string) string {
	a, b := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	ops := lineOps(a, b)
	var out strings.Builder
	shown, hidden := 0, 0
	emit := func(s string) {
		if shown < maxDiffLines {
			out.WriteString(s)
			if !strings.HasSuffix(s, "\n") {
				out.WriteString("⏎ (no newline at end)\n")
			}
			shown++
		} else {
			hidden++
		}
	}
	last := -1 // index in ops of the last op printed
	for i, op := range ops {
		if op.kind == ' ' {
			continue
		}
		from := max(i-contextLines, last+1)
		if from > last+1 || last < 0 {
			emit(fmt.Sprintf("@@ line %d\n", ops[from].line+1))
		}
		for j := from; j <= i; j++ {
			emit(string(ops[j].kind) + ops[j].text)
		}
		last = i
		// The context after a change, unless another change comes first.
		for j := i + 1; j < len(ops) && j <= i+contextLines && ops[j].kind == ' '; j++ {
			if next := nextChange(ops, j); next >= 0 && next-j <= contextLines {
				break
			}
			emit(" " + ops[j].text)
			last = j
		}
	}
	if hidden > 0 {
		fmt.Fprintf(&out, "… and %d more lines of diff\n", hidden)
	}
	return out.String()
}

type lineOp struct {
	kind byte // ' ', '-', '+'
	text string
	line int // in want (for '+', where it would stand)
}

func nextChange(ops []lineOp, from int) int {
	for j := from; j < len(ops); j++ {
		if ops[j].kind != ' ' {
			return j
		}
	}
	return -1
}

// lineOps aligns a and b on a longest common subsequence of lines, after
// the common head and tail are set aside (goldens differ in a few lines).
func lineOps(a, b []string) []lineOp {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ma, mb := a[head:len(a)-tail], b[head:len(b)-tail]
	// lcs[i][j]: the common subsequence length of ma[i:] and mb[j:].
	lcs := make([][]int32, len(ma)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(mb)+1)
	}
	for i := len(ma) - 1; i >= 0; i-- {
		for j := len(mb) - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []lineOp
	for i := range head {
		ops = append(ops, lineOp{' ', a[i], i})
	}
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			ops = append(ops, lineOp{' ', ma[i], head + i})
			i++
			j++
		case i < len(ma) && (j == len(mb) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, lineOp{'-', ma[i], head + i})
			i++
		default:
			ops = append(ops, lineOp{'+', mb[j], head + i})
			j++
		}
	}
	for k := len(a) - tail; k < len(a); k++ {
		ops = append(ops, lineOp{' ', a[k], k})
	}
	// A trailing empty piece of SplitAfter is no line.
	for len(ops) > 0 && ops[len(ops)-1].text == "" {
		ops = ops[:len(ops)-1]
	}
	return ops
}
