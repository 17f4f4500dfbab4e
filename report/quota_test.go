package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
)

// TestTableSummaryCountsMetQuota: the summary of a bloc lists the units
// over the HTXSNV share and counts the others in one line; a unit's own
// view gives its result in full.
func TestTableSummaryCountsMetQuota(t *testing.T) {
	r := fixture()
	r.Implementation = append(r.Implementation,
		criteria.ImplementationResult{ID: "quota.htxsnv", Unit: "CB03", Status: criteria.NotMet, Message: "3 HTXSNV / 12 đảng viên xếp loại từ HTTNV trở lên = 25%, vượt 20%"},
		criteria.ImplementationResult{ID: "quota.htxsnv", Unit: "CB04", Status: criteria.Met, Message: "1 HTXSNV / 8 đảng viên xếp loại từ HTTNV trở lên = 12,5%, không quá 20%"},
		criteria.ImplementationResult{ID: "quota.htxsnv", Unit: "DB01", Status: criteria.Met, Message: "Toàn đảng bộ: 2 HTXSNV / 10"},
	)
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	if !strings.Contains(out, "3 HTXSNV / 12 đảng viên") || strings.Contains(out, "1 HTXSNV / 8") || strings.Contains(out, "2 HTXSNV / 10") {
		t.Errorf("summary lists the wrong quota results:\n%s", out)
	}
	// The count line wraps like any other within 80 columns.
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "✓ Đạt · Tỷ lệ đảng viên xếp loại HTXSNV · 2 đơn vị (xem từng đơn vị bằng --unit MÃ)") {
		t.Errorf("summary does not count the units within the share:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(l); n > MinWidth {
			t.Errorf("line of %d columns: %q", n, l)
		}
	}
	unit := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{Unit: "CB04"}) }))
	if !strings.Contains(unit, "1 HTXSNV / 8 đảng viên xếp loại từ HTTNV trở lên = 12,5%, không quá 20%") {
		t.Errorf("unit view lacks its quota result:\n%s", unit)
	}
}
