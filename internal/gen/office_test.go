package gen

import (
	"flag"
	"io"
	"testing"
)

var updateOffices = flag.Bool("update-offices", false, "rewrite testdata/offices/*.xlsx")

// TestOfficesAreCommitted: the office-list workbooks in testdata are what
// the generator writes (go test ./internal/gen -run Offices -update-offices,
// or go run ./tools/gen -office NAME -o testdata/offices/NAME).
func TestOfficesAreCommitted(t *testing.T) {
	for _, name := range OfficeNames() {
		committed(t, "offices/"+name, func(w io.Writer) error { return WriteOffice(w, name) }, *updateOffices,
			"go test ./internal/gen -run Offices -update-offices")
	}
}

// TestSentFolderIsCommitted: testdata/offices/chi-bo-gui is what the
// generator writes (go test ./internal/gen -run SentFolder -update-offices).
func TestSentFolderIsCommitted(t *testing.T) {
	for name, write := range SentFolder {
		committed(t, "offices/chi-bo-gui/"+name, write, *updateOffices,
			"go test ./internal/gen -run SentFolder -update-offices")
	}
}
