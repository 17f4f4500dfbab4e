// Command bontot evaluates the "chi bộ bốn tốt" / "đảng bộ cơ sở bốn tốt"
// model from the Excel workbooks party cells keep.
package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit on the Go heap unless GOMEMLIMIT says
// otherwise. Without it the collector lets the heap grow to twice what is
// live, which on the largest workbooks (a million meetings) doubles the
// memory an office PC must spare; near the limit it collects more often
// instead. It is soft: a larger input still runs, only slower.
const memoryLimit = 512 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], systemStreams()))
}
