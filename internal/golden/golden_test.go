package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	want := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	got := "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n"
	d := Diff(want, got)
	for _, line := range []string{"-e\n", "+E\n", "+k\n", " d\n", " f\n"} {
		if !strings.Contains(d, line) {
			t.Errorf("diff lacks %q:\n%s", line, d)
		}
	}
	if strings.Contains(d, " a\n") {
		t.Errorf("diff shows a line four lines away from any change:\n%s", d)
	}
	if Diff(want, want) != "" {
		t.Errorf("diff of equal texts: %q", Diff(want, want))
	}
	if d := Diff("x", "x\n"); !strings.Contains(d, "no newline at end") {
		t.Errorf("a missing last newline is not shown:\n%s", d)
	}
}

func TestDiffBounded(t *testing.T) {
	var a, b strings.Builder
	for i := range 1000 {
		a.WriteString("same\n")
		b.WriteString("other " + string(rune('a'+i%26)) + "\n")
	}
	d := Diff(a.String(), b.String())
	if n := strings.Count(d, "\n"); n > maxDiffLines+1 {
		t.Errorf("diff of %d lines printed", n)
	}
	if !strings.Contains(d, "more lines of diff") {
		t.Error("a cut diff does not say so")
	}
}

// TestCheckFails runs Text against a file that differs, in a test of its
// own, and looks at what it reported.
func TestCheckFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.txt")
	if err := os.WriteFile(path, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{TB: t}
	Text(rec, path, []byte("one\nthree\n"))
	if !rec.failed || !strings.Contains(rec.msg, "-two") || !strings.Contains(rec.msg, "+three") {
		t.Errorf("Text reported %q (failed %v)", rec.msg, rec.failed)
	}
	rec = &recorder{TB: t}
	Text(rec, path, []byte("one\ntwo\n"))
	if rec.failed {
		t.Errorf("Text failed on equal content: %q", rec.msg)
	}
	rec = &recorder{TB: t}
	Binary(rec, path, []byte("one\ntwX\n"))
	if !rec.failed || !strings.Contains(rec.msg, "byte 6") {
		t.Errorf("Binary reported %q", rec.msg)
	}
}

// recorder is a testing.TB that keeps an Errorf instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = fmt.Sprintf(format, args...)
}
