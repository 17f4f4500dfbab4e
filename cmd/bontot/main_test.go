package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// childEnv makes the test binary run as bontot itself (TestMain), for the
// tests that need a real process: signals.
const childEnv = "BONTOT_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		testHookWriting = announceWriting
		os.Exit(runMain())
	}
	os.Exit(m.Run())
}

// announceWriting tells the parent test, on stderr, that the output's
// temporary file exists and how many excelize temporary files exist in
// the temp folder, then waits for the signal the parent sends.
func announceWriting(ctx context.Context) {
	spilled, _ := filepath.Glob(filepath.Join(os.TempDir(), "excelize-*"))
	fmt.Fprintf(os.Stderr, "WRITING excelize=%d\n", len(spilled))
	select {
	case <-ctx.Done():
	case <-time.After(time.Minute):
	}
}
