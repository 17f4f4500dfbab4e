package main

import (
	"math"
	"testing"
)

// The soft limit follows the input past 10 MiB of workbooks and never
// falls under its floor or overflows.
func TestInputLimit(t *testing.T) {
	for _, c := range []struct {
		bytes, want int64
	}{
		{0, inputLimitFloor},
		{1 << 20, inputLimitFloor},  // a bloc
		{7 << 20, inputLimitFloor},  // a folder of 400 one-unit workbooks
		{10 << 20, inputLimitFloor}, // 160 MiB exactly
		{10<<20 + 1, inputLimitFloor + inputLimitFactor},
		{12217588, 12217588 * inputLimitFactor}, // a province with many problems: 186 MiB
		{92 << 20, 92 << 20 * inputLimitFactor}, // the largest scale
		{math.MaxInt64, math.MaxInt64 / inputLimitFactor * inputLimitFactor},
	} {
		if got := inputLimit(c.bytes); got != c.want {
			t.Errorf("inputLimit(%d) = %d, want %d", c.bytes, got, c.want)
		}
	}
}
