package report

import (
	"bytes"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// TestStatusVocabulary: every status has its word, marks and colours in
// the one table the renderers ask, and every verdict a bar in the chart.
func TestStatusVocabulary(t *testing.T) {
	all := []criteria.Status{criteria.Met, criteria.NotMet, criteria.MissingData, criteria.NotApplicable,
		criteria.Reachable, criteria.NotAssessed, criteria.DataError}
	if len(statusLooks) != len(all) {
		t.Errorf("%d statuses have a look, want %d", len(statusLooks), len(all))
	}
	for _, s := range all {
		l := statusLooks[s]
		if l.short == "" || l.mark == "" || l.ascii == "" || len(l.fill) != 6 || len(l.font) != 6 {
			t.Errorf("%s: incomplete look %+v", s, l)
		}
		if l.ascii[0] >= 0x80 {
			t.Errorf("%s: ASCII mark %q", s, l.ascii)
		}
	}
	for _, v := range verdictOrder {
		if len(statusLooks[v].bar) != 6 {
			t.Errorf("verdict %s has no bar colour", v)
		}
	}
	for _, s := range []criteria.Severity{criteria.SeverityError, criteria.SeverityWarning, criteria.SeverityNote} {
		if l := severityLooks[s]; l.label == "" || len(l.fill) != 6 || len(l.font) != 6 {
			t.Errorf("%s: incomplete look %+v", s, l)
		}
	}
	if shortLabel("x") != "x" || severityLabel("y") != "y" {
		t.Error("an unknown status or severity is not shown by its code")
	}
	want := [2]string{
		"Viết tắt: K.đạt = Không đạt; Thiếu = Thiếu dữ liệu; Còn KN = Còn khả năng;",
		"Lỗi DL = Lỗi dữ liệu; Điểm = điểm bình quân sinh hoạt thường kỳ.",
	}
	if got := shortLegend(); got != want {
		t.Errorf("legend %q, want %q", got, want)
	}
}

// TestStatusPaint: on a terminal a status word takes its colour and a
// not-applicable one stays plain; an error's severity is red, a warning's
// plain; the marks fall back to ASCII.
func TestStatusPaint(t *testing.T) {
	var b bytes.Buffer
	tw := &textWriter{w: &b, color: true}
	for _, c := range []struct{ got, want string }{
		{tw.status(criteria.Met, "Đạt"), "\x1b[32mĐạt\x1b[0m"},
		{tw.status(criteria.DataError, "Lỗi dữ liệu"), "\x1b[1;35mLỗi dữ liệu\x1b[0m"},
		{tw.status(criteria.NotAssessed, "x"), "\x1b[33mx\x1b[0m"},
		{tw.status(criteria.NotApplicable, "Không áp dụng"), "Không áp dụng"},
		{tw.severity(criteria.SeverityError), "\x1b[31mLỗi\x1b[0m"},
		{tw.severity(criteria.SeverityWarning), "Cảnh báo"},
		{tw.symbol(criteria.NotMet), "✗"},
		{tw.symbol("x"), "·"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
	tw.ascii = true
	if tw.symbol(criteria.Met) != "v" || tw.symbol(criteria.Reachable) != "~" || tw.symbol("x") != "." {
		t.Error("ASCII marks")
	}
}
