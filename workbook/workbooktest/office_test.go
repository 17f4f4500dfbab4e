package workbooktest

import (
	"io"
	"testing"
)

// TestOfficesAreCommitted: the office-list workbooks in testdata are what
// the generator writes (go test ./workbook/workbooktest -run Offices -update,
// or go run ./tools/gen -office NAME -o testdata/offices/NAME).
func TestOfficesAreCommitted(t *testing.T) {
	for _, name := range OfficeNames() {
		committed(t, "offices/"+name, func(w io.Writer) error { return WriteOffice(w, name) })
	}
}

// TestSentFolderIsCommitted: testdata/offices/chi-bo-gui is what the
// generator writes (go test ./workbook/workbooktest -run SentFolder -update).
func TestSentFolderIsCommitted(t *testing.T) {
	for name, write := range SentFolder {
		committed(t, "offices/chi-bo-gui/"+name, write)
	}
}
