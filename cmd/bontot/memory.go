package main

// How the collector is paced through a run: one place for the memory
// settings of every phase (reading and evaluating, rendering, writing the
// Excel report, writing annotated copies), each kept unless GOGC or
// GOMEMLIMIT comes from the environment.

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
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

// inputLimitFactor and inputLimitFloor size the soft limit to the
// input once it is known: a workbook's rows take some five times its
// zipped size once read (the largest generated workbook: 92 MB zipped,
// some 450 MB live after reading). A fixed limit is wrong at both ends.
// At the largest scale, a million rows a sheet, the fixed memoryLimit
// bound under the live heap itself and the collector ran back to back:
// per row, 1.5× the province's CPU for JSON, 1.7× for CSV, 2.4× for the
// terminal report; at sixteen times the input each stays within a tenth
// of the province's per-row cost, the heap at about 1 GB. At province
// scale 512 MiB let the heap reach 210 MiB where 190 MiB cost no more
// CPU. The floor keeps room for what does not grow with the zipped size
// (a folder of 400 one-unit workbooks, 7 MB, peaks at 126 MiB).
const (
	inputLimitFactor = 16
	inputLimitFloor  = 160 << 20
)

// sizeMemory sets the soft limit for inputs of bytes in all (as stored on
// disk), unless GOMEMLIMIT came from the environment.
func sizeMemory(bytes int64) {
	if memoryTuned {
		debug.SetMemoryLimit(inputLimit(bytes))
	}
}

// inputLimit is the soft limit for inputs of bytes in all.
func inputLimit(bytes int64) int64 {
	return max(inputLimitFloor, min(bytes, math.MaxInt64/inputLimitFactor)*inputLimitFactor)
}

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

// tuneMemory sets memoryLimit and gcPercent for the run, unless the
// environment sets GOMEMLIMIT or GOGC; tests running the command
// in-process never call it.
func tuneMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
		memoryTuned = true
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
		gcTuned = true
	}
}

// annotateGC lifts the soft heap limit main sets (memoryLimit) while the
// copies are written, unless GOMEMLIMIT came from the environment, and
// returns what puts it back; the pace is the default 100 (unless GOGC is
// set), as excelize's allocations are mostly garbage at once. excelize
// holds a whole workbook in memory: under a 512 MiB limit the collector
// ran without end on a province's single workbook (70 s of CPU instead of
// 25), and at GOGC=300 that workbook peaked at 2.3 GB.
func annotateGC() (restore func()) {
	gc := -1
	if gcTuned {
		gc = debug.SetGCPercent(100)
	}
	limit := int64(-1)
	if memoryTuned {
		limit = debug.SetMemoryLimit(math.MaxInt64)
	}
	return func() {
		if gc >= 0 {
			debug.SetGCPercent(gc)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
