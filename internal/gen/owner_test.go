package gen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateOwner = flag.Bool("update-owner", false, "rewrite testdata/owner/**.xlsx")

// TestOwnerIsCommitted: the workbooks without a Đơn vị sheet in testdata
// are what the generator writes (go test ./internal/gen -run Owner
// -update-owner).
func TestOwnerIsCommitted(t *testing.T) {
	for name, o := range OwnerFiles {
		var b bytes.Buffer
		if err := WriteOwnerBook(&b, o); err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		if err := WriteOwnerBook(&again, o); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
			t.Fatalf("%s: not the same bytes twice (%v)", name, err)
		}
		path := filepath.Join("..", "..", "testdata", "owner", filepath.FromSlash(name))
		if *updateOwner {
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
			t.Errorf("testdata/owner/%s is stale: go test ./internal/gen -run Owner -update-owner (%v)", name, err)
		}
	}
}
