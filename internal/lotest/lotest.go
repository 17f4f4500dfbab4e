// Package lotest runs workbooks through LibreOffice for the tests that
// check a layout reads the same once another program has opened and saved
// it (STYLE: "the published layouts it reads are generated test
// workbooks, round-tripped through LibreOffice"). It imports nothing of
// the project.
package lotest

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Convert converts each of srcs to format ("xlsx", "pdf", or a filter
// such as "xlsx:Calc MS Excel 2007 XML") into the folder dir, in one run
// of LibreOffice with a profile of its own (no clash with a LibreOffice
// the user has open), and returns the converted files' paths in the order
// of srcs. The test is skipped where soffice is not installed, and under
// -short: a round trip takes seconds. Sources in one call must have
// distinct base names.
func Convert(t testing.TB, dir, format string, srcs ...string) []string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("LibreOffice round trip skipped under -short")
	}
	profile := t.TempDir()
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to", format, "--outdir", dir}, srcs...)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	ext := format
	for i := range ext {
		if ext[i] == ':' {
			ext = ext[:i]
			break
		}
	}
	out := make([]string, len(srcs))
	for i, src := range srcs {
		base := filepath.Base(src)
		out[i] = filepath.Join(dir, base[:len(base)-len(filepath.Ext(base))]+"."+ext)
	}
	return out
}
