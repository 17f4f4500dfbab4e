// Command bontot evaluates the "chi bộ bốn tốt" / "đảng bộ cơ sở bốn tốt"
// model from the Excel workbooks party cells keep.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/metrics"
	"syscall"
)

// memoryLimit is the soft limit on the Go heap unless GOMEMLIMIT says
// otherwise. Without it the collector lets the heap grow to twice what is
// live, which on the largest workbooks (a million meetings) doubles the
// memory an office PC must spare; near the limit it collects more often
// instead. It is soft: a larger input still runs, only slower.
const memoryLimit = 512 << 20

// gcPercent is the collector's GOGC unless the environment sets one. A run
// allocates most of its heap once (the workbook's rows) and keeps it until
// evaluation, so the default of 100 collected over and over a heap that
// was still live: a tenth of a province run's CPU, and the part of a
// folder run that did not spread over the cores. At 300 a province peaks
// at about 150 MB instead of 130 MB; memoryLimit still caps the largest.
// Rendering is the other way round: most of what it allocates is garbage at
// once, so once the evaluation is done the default comes back (renderGC).
const gcPercent = 300

// memoryTuned records that main set memoryLimit: tests running the
// command in-process leave the limit alone.
var memoryTuned bool

// gcTuned records that main set gcPercent, which renderGC then undoes; a
// GOGC from the environment is left alone throughout.
var gcTuned bool

// renderGC restores the collector's default pace before the report is
// rendered: at 300 a province's terminal table let the heap grow to four
// times the report, over 200 MB.
func renderGC() {
	if gcTuned {
		debug.SetGCPercent(100)
	}
}

// xlsxGCPercent is the collector's pace while the Excel report is written
// (xlsxGC). Most of what writing allocates is garbage at once while the
// report it reads from stays live; at 60 the heap stays near the live one
// for a few more collections, which cost little now that the large sheets
// are written by bontot's own row writer (a few allocations a row, not a
// few a cell).
const xlsxGCPercent = 60

// xlsxHeadroom is room above the live heap for the soft limit while the
// Excel report is written: the workbook excelize builds, the layout of the
// detail sheets, the deflated parts held until the package is put
// together, and the garbage between two collections. Writing a province
// report adds 15–20 MB to the heap live when it starts, and at
// xlsxGCPercent the collector's goal stays under the limit.
const xlsxHeadroom = 64 << 20

// xlsxGC sets the collector's pace and limit for writing the Excel report,
// unless GOGC or GOMEMLIMIT came from the environment. The limit is sized
// to the heap live when the writing starts, plus xlsxHeadroom, not fixed:
// a fixed 170 MiB under a report whose live heap reached 171 MB (a
// province with 30,000 problems) made the collector run back to back, 45 %
// of the CPU; and at the largest scale the report alone is near 512 MB.
func xlsxGC() {
	if gcTuned {
		debug.SetGCPercent(xlsxGCPercent)
	}
	if !memoryTuned {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return // an unknown runtime: memoryLimit stays
	}
	debug.SetMemoryLimit(xlsxLimit(int64(sample[0].Value.Uint64())))
}

// xlsxLimit is the soft limit while the Excel report is written over a
// live heap of live bytes (see xlsxGC).
func xlsxLimit(live int64) int64 { return live + xlsxHeadroom }

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
		memoryTuned = true
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
		gcTuned = true
	}
	os.Exit(runMain())
}

// runMain runs the command line with a context that Ctrl+C, SIGTERM or
// SIGHUP (the terminal or SSH session closed) cancels, so that an
// interrupted run removes its temporary files (its own and excelize's) on
// the way out instead of dying with them on disk.
// A second signal is not caught: it ends the process at once, as users
// expect of a second Ctrl+C.
func runMain() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	args := os.Args[1:]
	// Only a console of its own (Windows, started from Explorer) can mean
	// a double-click or a drop; elsewhere the command line is as typed.
	if ownConsole() {
		if how := launchKind(args, true, pathExists, commandNames()); how != launchCLI {
			return runExplorer(ctx, how, args, systemStreams())
		}
	}
	return runContext(ctx, args, systemStreams())
}
