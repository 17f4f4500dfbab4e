package gen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateOffices = flag.Bool("update-offices", false, "rewrite testdata/offices/*.xlsx")

// TestOfficesAreCommitted: the office-list workbooks in testdata are what
// the generator writes (go test ./internal/gen -run Offices -update-offices,
// or go run ./tools/gen -office NAME -o testdata/offices/NAME).
func TestOfficesAreCommitted(t *testing.T) {
	for _, name := range OfficeNames() {
		var b, again bytes.Buffer
		if err := WriteOffice(&b, name); err != nil {
			t.Fatal(err)
		}
		if err := WriteOffice(&again, name); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
			t.Fatalf("%s: not the same bytes twice (%v)", name, err)
		}
		path := filepath.Join("..", "..", "testdata", "offices", name)
		if *updateOffices {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		committed, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(committed, b.Bytes()) {
			t.Errorf("testdata/offices/%s is stale: go test ./internal/gen -run Offices -update-offices (%v)", name, err)
		}
	}
}

// TestSentFolderIsCommitted: testdata/offices/chi-bo-gui is what the
// generator writes (go test ./internal/gen -run SentFolder -update-offices).
func TestSentFolderIsCommitted(t *testing.T) {
	for name, write := range SentFolder {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "testdata", "offices", "chi-bo-gui", name)
		if *updateOffices {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		committed, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(committed, b.Bytes()) {
			t.Errorf("testdata/offices/chi-bo-gui/%s is stale: go test ./internal/gen -run SentFolder -update-offices (%v)", name, err)
		}
	}
}
