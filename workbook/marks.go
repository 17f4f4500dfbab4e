package workbook

import (
	"strings"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

// Levels marked by a cross (SPEC §4 "Office layouts"). Forms such as Mẫu 04-HD
// KĐ.ĐG lay the levels out as columns, "Xuất sắc | Tốt | Trung bình |
// Kém" or "HTXSNV | HTTNV | HTNV | KHTNV", under a merged "Xếp loại" or
// "Cấp độ thực hiện", and mark the level reached with an "x": the column
// marked is the level. No mark is a blank level; two marks, or text that
// is no mark, is an error naming the cells, never a pick.

// markGroup is a run of columns each headed by one level of the column
// they stand for.
type markGroup struct {
	key    colKey   // kRating or kLevel
	cols   []int    // the columns, left to right
	values []string // the canonical value each column names
}

// markHeadValue is the value a header names when it is exactly one level
// of the sheet's rated column: a rating (full or code) on a rating sheet,
// a level of Tiêu chí; "" otherwise.
func markHeadValue(sheet criteria.Sheet, head string) (colKey, string) {
	k := strings.Trim(headText(head).bare, " .:")
	if k == "" {
		return 0, ""
	}
	switch {
	case sheet == criteria.SheetCriteria:
		if l, ok := levelNames.get(k); ok {
			return kLevel, l.Label()
		}
	case hasRating(sheet):
		if _, ok := ratingNames[k]; !ok && !isRatingCode(k) {
			return 0, ""
		}
		if r, f := parseRating(head); f.ok() {
			return kRating, r.Code()
		}
	}
	return 0, ""
}

func isRatingCode(k string) bool {
	switch strings.ReplaceAll(k, " ", "") {
	case "htxsnv", "httnv", "htnv", "khtnv":
		return true
	}
	return false
}

// findMarks finds the columns of a candidate header that name the levels
// of one column, two at least and each another level; nil when none.
func findMarks(sheet criteria.Sheet, texts [][]string) *markGroup {
	var g markGroup
	seen := map[string]bool{}
	for c, cands := range texts {
		if len(cands) == 0 {
			continue
		}
		key, v := markHeadValue(sheet, cands[0])
		if v == "" {
			continue
		}
		if seen[v] || (len(g.cols) > 0 && key != g.key) {
			return nil // a level twice: not a row of levels
		}
		seen[v] = true
		g.key = key
		g.cols = append(g.cols, c)
		g.values = append(g.values, v)
	}
	if len(g.cols) < 2 {
		return nil
	}
	return &g
}

// isMark reports a cell that marks its column: a cross or a tick.
func isMark(v string) bool {
	switch matchKey(v) {
	case "x", "✓", "✔", "v", "☑", "⊠", "+":
		return true
	}
	return false
}

// marked is the level a row marks, "" for none; two marks or a text
// that is no mark are an error at the cell.
func (c *rowCtx) marked(g *markGroup) string {
	got := -1
	for i, col := range g.cols {
		if col >= len(c.cells) || c.cells[col] == "" {
			continue
		}
		v := c.cells[col]
		ref, _ := excelize.CoordinatesToCellName(col+1, c.row)
		if !isMark(v) {
			c.reportAt(ref, faultOf(criteria.ValueMarks, "Ô đánh dấu mức "+quote(g.values[i])+" ghi "+quote(v), "đúng một mức"))
			return ""
		}
		if got >= 0 {
			first, _ := excelize.CoordinatesToCellName(g.cols[got]+1, c.row)
			c.reportAt(ref, faultOf(criteria.ValueMarks, "Đánh dấu cả hai mức "+quote(g.values[got])+" (ô "+first+") và "+quote(g.values[i])+" (ô "+ref+")", "một mức"))
			return ""
		}
		got = i
	}
	if got < 0 {
		return ""
	}
	return g.values[got]
}
