package gen

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// committed checks that testdata/rel (slash-separated) holds what write
// makes, and that write makes the same bytes twice; with update it
// rewrites the file instead. how is the command that rewrites it, for the
// message of a stale file. Every generated test workbook is kept so:
// generated, never edited by hand.
func committed(t *testing.T, rel string, write func(io.Writer) error, update bool, how string) {
	t.Helper()
	var b, again bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	if err := write(&again); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Fatalf("%s: not the same bytes twice (%v)", rel, err)
	}
	path := filepath.Join("..", "..", "testdata", filepath.FromSlash(rel))
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, b.Bytes()) {
		t.Errorf("testdata/%s is stale: %s (%v)", rel, how, err)
	}
}
