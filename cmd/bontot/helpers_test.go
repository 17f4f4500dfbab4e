package main

import (
	"bytes"
	"strings"
	"testing"
)

// runCmd runs the command line in process, as main would, with captured
// non-terminal streams (as a script sees it), and returns what it wrote
// and its exit code.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}
