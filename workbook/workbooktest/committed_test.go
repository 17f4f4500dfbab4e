package workbooktest

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/bontot/bontot/internal/golden"
)

// committed checks that testdata/rel (slash-separated) holds what write
// makes, and that write makes the same bytes twice; under -update it
// rewrites the file instead. Every generated test workbook is kept so:
// generated, never edited by hand.
func committed(t *testing.T, rel string, write func(io.Writer) error) {
	t.Helper()
	var b, again bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	if err := write(&again); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Fatalf("%s: not the same bytes twice (%v)", rel, err)
	}
	golden.Binary(t, filepath.Join("..", "..", "testdata", filepath.FromSlash(rel)), b.Bytes())
}
