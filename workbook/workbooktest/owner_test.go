package workbooktest

import (
	"io"
	"testing"
)

// TestOwnerIsCommitted: the workbooks without a Đơn vị sheet in testdata
// are what the generator writes (go test ./workbook/workbooktest -run Owner
// -update).
func TestOwnerIsCommitted(t *testing.T) {
	for name, o := range OwnerFiles {
		committed(t, "owner/"+name, func(w io.Writer) error { return WriteOwnerBook(w, o) })
	}
}
