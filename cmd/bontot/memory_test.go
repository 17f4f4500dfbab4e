package main

import (
	"math"
	"testing"
)

// The soft limit follows the input past 32 MiB of workbooks and never
// falls under memoryLimit or overflows.
func TestInputLimit(t *testing.T) {
	for _, c := range []struct {
		bytes, want int64
	}{
		{0, memoryLimit},
		{12 << 20, memoryLimit}, // a province: 12 MB
		{32 << 20, memoryLimit},
		{32<<20 + 1, memoryLimit + inputLimitFactor},
		{92 << 20, 92 << 20 * inputLimitFactor}, // the largest scale
		{math.MaxInt64, math.MaxInt64 / inputLimitFactor * inputLimitFactor},
	} {
		if got := inputLimit(c.bytes); got != c.want {
			t.Errorf("inputLimit(%d) = %d, want %d", c.bytes, got, c.want)
		}
	}
}
