//go:build unix

package workbook

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO is refused at once, never opened: opening one waits for a writer
// that never comes. Given alone it is the error; met in a folder beside a
// workbook it is an error problem and the workbook is read.
func TestFIFOInputIsRefusedNotWaitedOn(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "b.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	writeBook(t, dir, "a.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}))
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, err := Read([]string{fifo}, Options{})
		if err == nil || !strings.Contains(err.Error(), "không phải tệp thường") {
			t.Errorf("FIFO alone: error = %v", err)
		}
		res, err := Read([]string{dir}, Options{Year: 2024})
		if err != nil {
			t.Errorf("folder with a FIFO: %v", err)
			return
		}
		got := problemPlaces(t, res.Dataset)
		if len(res.Dataset.Units) != 1 || len(got) != 1 || got[0] != "b.xlsx: file.not_regular" {
			t.Errorf("folder with a FIFO: %d units, problems %q", len(res.Dataset.Units), got)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO hangs")
	}
}
