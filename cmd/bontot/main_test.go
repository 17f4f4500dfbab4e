package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
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

// writesSeen counts the files announceWriting let through.
var writesSeen int

// announceWriting tells the parent test, on stderr, that the output's
// temporary file exists and how many excelize temporary files exist in
// the temp folder, then waits for the signal the parent sends.
func announceWriting(ctx context.Context) {
	// BONTOT_TEST_SKIP_WRITES=N lets the first N files be written whole,
	// for a test that interrupts a run of several files part way.
	if n, _ := strconv.Atoi(os.Getenv("BONTOT_TEST_SKIP_WRITES")); writesSeen < n {
		writesSeen++
		return
	}
	spilled, _ := filepath.Glob(filepath.Join(os.TempDir(), "excelize-*"))
	fmt.Fprintf(os.Stderr, "WRITING excelize=%d\n", len(spilled))
	select {
	case <-ctx.Done():
	case <-time.After(time.Minute):
	}
}
