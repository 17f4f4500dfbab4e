// Package report renders an evaluated criteria.Report: a ranked table for the
// terminal, a styled Excel workbook for printing and filing, and JSON and CSV
// for scripts (SPEC §5). It only turns results into bytes: it reads no
// workbook and judges nothing, so every number it shows comes from the
// criteria package.
package report

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
)

// checkTitle is the Vietnamese title of a check, self-assessment item or
// implementation check, from the criteria package's catalogue.
func checkTitle(id string) string { return criteria.CheckTitle(id) }

// criterionLabel is "TC1".
func criterionLabel(id string) string { return strings.ToUpper(id) }

// machineNumber formats a number for CSV: shortest exact form, dot decimal.
func machineNumber(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// truncate shortens s to at most width runes, ending in "…" when cut.
// Vietnamese in NFC has one display column per rune.
func truncate(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	if width <= 1 {
		return "…"
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:width-1]), " ") + "…"
}

// wrap breaks s into lines of at most width runes at spaces; a word longer
// than width is cut so that nothing runs past the margin.
func wrap(s string, width int) []string {
	if width < 10 {
		width = 10
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		var line []rune
		for _, word := range strings.Fields(para) {
			w := []rune(word)
			for len(w) > width {
				if len(line) > 0 {
					lines = append(lines, string(line))
					line = nil
				}
				lines = append(lines, string(w[:width]))
				w = w[width:]
			}
			switch {
			case len(line) == 0:
				line = w
			case len(line)+1+len(w) <= width:
				line = append(append(line, ' '), w...)
			default:
				lines = append(lines, string(line))
				line = w
			}
		}
		if len(line) > 0 || len(lines) == 0 {
			lines = append(lines, string(line))
		}
	}
	return lines
}

// wrapCount is len(wrap(s, width)) without building the lines: the Excel
// report sizes a province's quarter of a million detail rows by it.
func wrapCount(s string, width int) int {
	if width < 10 {
		width = 10
	}
	lines := 0
	for para := range strings.SplitSeq(s, "\n") {
		line := 0 // runes in the line being filled
		for word := range strings.FieldsSeq(para) {
			w := utf8.RuneCountInString(word)
			for w > width {
				if line > 0 {
					lines++
					line = 0
				}
				lines++
				w -= width
			}
			switch {
			case line == 0:
				line = w
			case line+1+w <= width:
				line += 1 + w
			default:
				lines++
				line = w
			}
		}
		if line > 0 || lines == 0 {
			lines++
		}
	}
	return lines
}

// unitTypeCount counts the units of each type, for "hạng 2/5".
func unitTypeCount(r *criteria.Report) map[criteria.UnitType]int {
	n := map[criteria.UnitType]int{}
	for _, u := range r.Units {
		n[u.Unit.Type]++
	}
	return n
}

// finite copies a number, mapping NaN and ±Inf (which JSON and spreadsheets
// cannot hold) to nil, shown as an empty cell or null rather than failing
// the whole report.
func finite(v *float64) *float64 {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return nil
	}
	c := *v
	return &c
}
