package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// Without a terminal the width comes from $COLUMNS; nonsense there is
// ignored (the report then takes 80 columns).
func TestTerminalWidthFromColumns(t *testing.T) {
	for _, c := range []struct {
		columns string
		want    int
	}{{"", 0}, {"160", 160}, {" 120 ", 120}, {"abc", 0}, {"-5", 0}, {"0", 0}} {
		env := func(k string) string {
			if k == "COLUMNS" {
				return c.columns
			}
			return ""
		}
		if got := terminalWidth(os.Stdout, false, env); got != c.want {
			t.Errorf("COLUMNS=%q: width %d, want %d", c.columns, got, c.want)
		}
	}
}

func TestPhaseLine(t *testing.T) {
	if got := phaseLine("Đang ghi báo cáo", 3200*time.Millisecond); got != "Đang ghi báo cáo… 3 giây" {
		t.Errorf("phaseLine = %q", got)
	}
}

// Progress goes to stderr on a terminal only: a script's stderr stays
// empty on success.
func TestNoProgressWithoutTerminal(t *testing.T) {
	_, stderr, code := runCmd(t, "evaluate", example, "--format", "json", "-o", t.TempDir()+"/r.json")
	if code != 0 || stderr != "" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestEvaluateAllSummary(t *testing.T) {
	full, _, _ := runCmd(t, "evaluate", example)
	all, _, _ := runCmd(t, "evaluate", example, "--all")
	summary, _, code := runCmd(t, "evaluate", example, "--summary")
	if code != 0 {
		t.Fatalf("--summary: exit %d", code)
	}
	// The example has 10 units not dat: the default shows them all.
	if full != all {
		t.Error("--all differs from the default on a bloc within the default's limit")
	}
	if strings.Contains(summary, "CÁC ĐƠN VỊ CHƯA ĐẠT") || !strings.Contains(summary, "Không in chi tiết 10 đơn vị chưa đạt") {
		t.Errorf("--summary:\n%s", summary)
	}
	for _, args := range [][]string{
		{"--all", "--summary"},
		{"--all", "--format", "json"},
		{"--summary", "--unit", "CB01"},
	} {
		_, stderr, code := runCmd(t, append([]string{"evaluate", example}, args...)...)
		if code != exitFailure || !strings.Contains(stderr, "--") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
