package xlsxscan

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Modified reads when the package says it was saved, as Excel, LibreOffice
// and excelize write it, and says nothing rather than guess at anything
// else.
func TestModified(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, stamp string
		want        time.Time
		ok          bool
	}{
		{"excel", "2024-12-20T08:00:00Z", time.Date(2024, 12, 20, 8, 0, 0, 0, time.UTC), true},
		{"libreoffice", "2025-01-03T14:05:09.123456789Z", time.Date(2025, 1, 3, 14, 5, 9, 123456789, time.UTC), true},
		{"no zone", "2025-01-03T14:05:09.12", time.Date(2025, 1, 3, 14, 5, 9, 120000000, time.UTC), true},
		{"offset", "2026-06-30T23:30:00+07:00", time.Date(2026, 6, 30, 16, 30, 0, 0, time.UTC), true},
		{"date only", "2023-05-02", timeOf(2023, 5, 2), true},
		{"not a date", "hôm qua", time.Time{}, false},
		{"too big", "2024-12-20T08:00:00Z", time.Time{}, false}, // a title past maxCoreProps
	}
	for _, c := range cases {
		p := filepath.Join(dir, c.name+".xlsx")
		f := excelize.NewFile()
		props := &excelize.DocProperties{Modified: c.stamp, Created: "2020-01-01T00:00:00Z"}
		if c.name == "too big" {
			props.Title = strings.Repeat("x", maxCoreProps)
		}
		if err := f.SetDocProps(props); err != nil {
			t.Fatal(err)
		}
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		b, err := Open(p)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := b.Modified()
		b.Close()
		if ok != c.ok || !got.Equal(c.want) {
			t.Errorf("%s: Modified() = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
