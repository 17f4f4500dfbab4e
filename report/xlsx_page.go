package report

import (
	"fmt"
	"math"
	"unicode"
)

// The printed page. Every sheet prints on A4 landscape at a fixed scale
// that bontot chooses, never "fit to width": with fit-to-width the program
// that prints picks the scale, so the titles of the document shrink below
// the sizes of Hướng dẫn 36-HD/VPTW and bontot cannot know where a page
// ends. With the scale fixed and every row's height written, bontot lays
// the pages out itself and puts a manual page break wherever a heading or
// the signature would otherwise be cut from what it belongs to.

// Margins in inches, Hướng dẫn 36-HD/VPTW §III.1 (A4 pages): left 30–35 mm
// (the binding edge), right 15–20 mm, top and bottom 20–25 mm.
const (
	marginLeft   = 30.0 / 25.4
	marginRight  = 15.0 / 25.4
	marginTop    = 22.0 / 25.4
	marginBottom = 22.0 / 25.4
	// The page number sits in the top margin, above the text.
	marginHeader = 10.0 / 25.4
	marginFooter = 10.0 / 25.4
)

// A4 landscape in points.
const (
	pageWidthPt  = 297 / 25.4 * 72
	pageHeightPt = 210 / 25.4 * 72
)

// printWidth and printHeight are the printable area in points.
const (
	printWidth  = pageWidthPt - (marginLeft+marginRight)*72
	printHeight = pageHeightPt - (marginTop+marginBottom)*72
)

// defaultRowHeight is the height bontot writes on every row it does not
// size otherwise (one line of 11-point Times New Roman with its spacing),
// and the sheet's default for rows it leaves out: LibreOffice sizes a row
// without a height from its fonts, Excel from the default font, and a
// layout computed from heights holds only when both read the same ones.
const defaultRowHeight = 15.0

// pageFill is the share of a page's height bontot fills before breaking
// where it breaks every page itself: a little room for the rounding of row
// heights by the printing program.
const pageFill = 0.97

// maxRowBreaks is Excel's limit of manual page breaks in a sheet (1,026);
// past it Excel reports the file damaged. A province's detail sheets may
// want more: the rows past the limit break where the program puts them.
const maxRowBreaks = 1026

// columnPoints is the printed width of a column of width w (in widths of
// the digit "0" of the default font, 7 pixels for 11-point Times New
// Roman, plus 5 pixels of padding), in points.
func columnPoints(w float64) float64 {
	return math.Floor(w*7+5) * 0.75
}

// tablePoints is the printed width of cols at scale 100.
func tablePoints(cols []column) float64 {
	total := 0.0
	for _, c := range cols {
		total += columnPoints(c.width)
	}
	return total
}

// printScale is the scale, in percent, at which cols fit the printable
// width: 100 when they fit, as the document sheets are sized to; else a
// little below the exact fit, because at a reduced scale LibreOffice
// rounds each column on its own (it moved a column that fitted by 4
// points onto a page of its own).
func printScale(cols []column) int {
	w := tablePoints(cols)
	if w <= printWidth {
		return 100
	}
	return int(math.Floor(printWidth * 0.97 / w * 100))
}

// pageCapacity is the height of rows that fits on one page at scale, in
// the sheet's points.
func pageCapacity(scale int) float64 {
	return printHeight * 100 / float64(scale)
}

// layout returns the rows (1-based) before which a page must break, as
// the printing program lays rows out — rows go on a page while they fit,
// the print-title row repeats at the top of every later page — but
// earlier where a row must stay with the next: heights[r] is row r's
// height, keep[r] says row r stays on the page of row r+1, titleRow is the
// row repeated on later pages (0: none). Every page gets its break, filled
// to pageFill of capacity, so the layout does not depend on the program's
// own; past Excel's maxRowBreaks pages (a province's Tổng hợp at the
// largest scale), only the breaks the keeps need are given, counted as
// the program counts (see groupPager), the last ones first.
func layout(heights []float64, keep []bool, titleRow int, capacity float64) []int {
	breaks := paginate(heights, keep, titleRow, capacity*pageFill, capacity*pageFill, true)
	if len(breaks) <= maxRowBreaks {
		return breaks
	}
	breaks = paginate(heights, keep, titleRow, capacity, capacity*(1-tolerance), false)
	return breaks[max(len(breaks)-maxRowBreaks, 0):]
}

// paginate lays the rows out on pages of capacity; a row that stays with
// the row before fits only within sure (a row may not fit where the
// program's rounding differs). With all, it returns every page's break;
// else only those before a chain of kept rows.
func paginate(heights []float64, keep []bool, titleRow int, capacity, sure float64, all bool) []int {
	var breaks []int
	used, start := 0.0, 1 // the current page's height and first row
	repeat := 0.0
	kept := func(r int) bool { return r >= 1 && r < len(keep) && keep[r] }
	for r := 1; r < len(heights); r++ {
		h := heights[r]
		limit := capacity
		if kept(r - 1) {
			limit = sure
		}
		if used+h <= limit || r == start {
			used += h
			continue
		}
		// Row r does not fit: the page ends before it, or before the
		// chain of rows that must stay with it, unless the chain began
		// the page (then it is longer than a page and breaks anyway).
		b := r
		for b-1 >= start && kept(b-1) {
			b--
		}
		if b == start {
			b = r // the chain fills the page
		}
		if all || b < r {
			breaks = append(breaks, b)
		}
		if titleRow > 0 && b > titleRow {
			repeat = heights[titleRow]
		}
		start = b
		used = repeat
		for k := b; k <= r; k++ {
			used += heights[k]
		}
	}
	return breaks
}

// groupPager follows a streamed detail sheet page by page and breaks
// before a unit's group row that would otherwise end a page. It lays the
// pages out twice as the rows come: every page with its own break, filled
// to pageFill (all), which the printing program then follows exactly; and
// with only the breaks before group rows, counting pages as the program
// does (needed), for a sheet of more pages than Excel's maxRowBreaks
// allows. Counting is never exact (LibreOffice fitted a row more than the
// count on some pages of a bloc), so needed also breaks where a group row
// falls within tolerance of a page's end.
type groupPager struct {
	all, needed pageCount
}

// pageCount is one way of laying the pages out.
type pageCount struct {
	capacity, title float64
	exact           bool    // every page gets its break
	used            float64 // of the current page, the previous row included
	prev            float64 // height of the previous row
	prevGroup       bool    // the previous row is a group row
	prevStarts      bool    // the previous row starts a page
	prevNear        bool    // ... though it might have ended the page before
	breaks          []int
}

// tolerance is the share of a page within which the pager does not trust
// its count to say whether a row still fits.
const tolerance = 0.04

func newGroupPager(capacity, title float64) *groupPager {
	return &groupPager{
		all:    pageCount{capacity: capacity * pageFill, title: title, used: title, exact: true},
		needed: pageCount{capacity: capacity, title: title, used: title},
	}
}

// add places row (1-based) of height h, a group row or not.
func (g *groupPager) add(row int, h float64, group bool) {
	g.all.add(row, h, group)
	g.needed.add(row, h, group)
}

// breaks are the rows before which the sheet breaks its pages.
func (g *groupPager) breaks() []int {
	if len(g.all.breaks) <= maxRowBreaks {
		return g.all.breaks
	}
	return g.needed.breaks[:min(len(g.needed.breaks), maxRowBreaks)]
}

func (p *pageCount) add(row int, h float64, group bool) {
	margin := 0.0
	if !p.exact {
		margin = p.capacity * tolerance
	}
	empty := p.used == p.title
	near := p.prevNear
	p.prevNear = false
	switch {
	case p.prevGroup && p.prevStarts && near:
		// The group row began this page, but the program may have put it
		// at the end of the one before: it is told to begin this one.
		p.breaks = append(p.breaks, row-1)
		p.used += h
		p.prevStarts = false
	case p.prevGroup && !p.prevStarts && p.used+h > p.capacity-margin:
		// The group row would end the page, or might: it starts the next.
		p.breaks = append(p.breaks, row-1)
		p.used = p.title + p.prev + h
		p.prevStarts = false
	case p.used+h <= p.capacity || empty:
		p.prevStarts = empty
		p.used += h
	default:
		if p.exact {
			p.breaks = append(p.breaks, row)
		}
		p.prevNear = p.used+h <= p.capacity+margin
		p.used = p.title + h
		p.prevStarts = true
	}
	p.prevGroup = group
	p.prev = h
}

// textHeight is the height a merged cell of width points needs for s in a
// font of size points, wrapped at word boundaries: capitals and bold take
// more room than the 11-point letters rowHeight counts.
func textHeight(s string, width, size float64, bold bool) float64 {
	// A letter of Times New Roman is 0.42 of its size wide on average in
	// Vietnamese text, a capital or a bold one more (LibreOffice's PDF
	// fits about 0.35: the margin keeps a line from being cut short).
	letter := 0.42 * size
	if bold {
		letter *= 1.1
	}
	if upper(s) {
		letter *= 1.3
	}
	per := width / letter
	lines := wrapCount(s, max(int(per)-1, 1))
	return math.Ceil(float64(lines)*size*1.3 + 3)
}

// upper reports whether s has letters and all of them are capitals.
func upper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// breakCell is the cell a manual page break before row is given at.
func breakCell(row int) string { return fmt.Sprintf("A%d", row) }

// docFont is the size in points and the weight of a document style.
type docFont struct {
	size float64
	bold bool
}
