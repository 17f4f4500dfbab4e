package criteria

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestFormat: one formatter for every number written for people, with a
// decimal comma, each output keeping the rounding it always had.
func TestFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{FormatNumber(89.5), "89,5"},
		{FormatNumber(90), "90"},
		{FormatNumber(1.0 / 3), "0,3333333333333333"},
		{FormatDecimal(89.96, 1), "90"},
		{FormatDecimal(85, 1), "85"},
		{FormatDecimal(85.34, 1), "85,3"},
		// A number's exact binary tie goes to even, as strconv rounds and
		// the report's mean scores always read (golden table: 91,2).
		{FormatDecimal(91.25, 1), "91,2"},
		{FormatFixed(93, 1), "93,0"},
		{FormatFixed(91.25, 1), "91,2"},
		{FormatFixed(100*5.0/10, 1), "50,0"},
		// A share goes half away from zero, as the checks' messages
		// always read.
		{FormatPercent(0.75, 1), "75%"},
		{FormatPercent(1.0/3, 1), "33,3%"},
		{FormatPercent(1.0/16, 1), "6,3%"},
		{FormatPercent(5.0/6, 2), "83,33%"},
		{FormatPercent(0.875, 2), "87,5%"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestPercentAsBefore: every share k/n of a unit's rows reads as the
// checks' messages always wrote it (one decimal from share×1000) and as
// the template's guide did (two decimals from share×10000): sharing the
// formatter moved no message.
func TestPercentAsBefore(t *testing.T) {
	for n := 1; n <= 400; n++ {
		for k := 0; k <= n; k++ {
			s := float64(k) / float64(n)
			if got, old := FormatPercent(s, 1), FormatNumber(math.Round(s*1000)/10)+"%"; got != old {
				t.Fatalf("%d/%d: %s, the checks wrote %s", k, n, got, old)
			}
			if got, old := FormatPercent(s, 2), FormatNumber(math.Round(s*10000)/100)+"%"; got != old {
				t.Fatalf("%d/%d: %s, the guide wrote %s", k, n, got, old)
			}
		}
	}
}

// TestDecimalAsBefore: mean scores and the report's shares of units read
// as the report's own formatter wrote them (strconv, trailing zeros
// dropped, or kept in the table's score column).
func TestDecimalAsBefore(t *testing.T) {
	old := func(v float64, prec int) string {
		s := strconv.FormatFloat(v, 'f', prec, 64)
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return strings.Replace(s, ".", ",", 1)
	}
	for i := 0; i <= 100000; i++ {
		v := float64(i) / 1000 * 1.25 // scores 0–125 in steps that make ties
		if got, want := FormatDecimal(v, 1), old(v, 1); got != want {
			t.Fatalf("%v: %s, the report wrote %s", v, got, want)
		}
		if got, want := FormatFixed(v, 1), strings.Replace(fmt.Sprintf("%.1f", v), ".", ",", 1); got != want {
			t.Fatalf("%v: %s, the report wrote %s", v, got, want)
		}
	}
}
