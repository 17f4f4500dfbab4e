package workbook

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/bontot/bontot/criteria"
)

// readHistory reads a row of Lịch sử: one earlier year of a unit. Whether
// the year comes before the evaluation year, and whether it is given
// twice, is judged by checkHistory once the year is known.
func (fd *fileData) readHistory(c *rowCtx) {
	py := criteria.PastYear{Source: c.pr.src, Cell: c.ref(kYear)}
	if v := c.get(kYear); v == "" {
		c.missing(kYear)
	} else {
		y, f := parseYear(c.header(kYear), v)
		c.check(kYear, f)
		py.Year = y
	}
	if c.get(kRating) == "" {
		c.missing(kRating)
	} else {
		py.Rating = c.rating(kRating)
	}
	if v := c.get(kFourGood); v != "" {
		yes, f := parseFourGood(c.header(kFourGood), v)
		c.check(kFourGood, f)
		py.FourGood, py.HasFourGood = yes, f.ok()
	}
	c.rec.history, c.pr.hasRec = py, true
}

// parseYear reads a Năm cell: 2023, "2023", "Năm 2023".
func parseYear(what, s string) (int, fault) {
	k := strings.TrimSpace(strings.TrimPrefix(matchKey(s), "nam"))
	v, ok := parseNumber(k)
	if !ok || v != math.Trunc(v) || v < minYear || v > maxYear {
		return 0, faultOf(criteria.ValueNotNumber, what, quote(s), fmt.Sprintf("một năm; cần năm từ %d đến %d, ví dụ 2023", minYear, maxYear))
	}
	return int(v), fault{}
}

// fourGoodValues are the values a Bốn tốt cell accepts, for messages.
var fourGoodValues = []string{"Có", "Không", "Đạt", "Không đạt"}

// parseFourGood reads a Bốn tốt cell: a yes/no value, or Đạt / Không đạt
// as the year's decision writes it.
func parseFourGood(what, s string) (bool, fault) {
	if yes, f := parseYesNo(what, s); f.ok() {
		return yes, fault{}
	}
	if r, ok := resultNames.get(strings.TrimSuffix(s, ".")); ok {
		return r, fault{}
	}
	return false, unknownValue(what, s, fourGoodValues)
}

// checkHistory judges u's Lịch sử rows against the evaluation year: a row
// of that year or later is not an earlier year (a warning; the year's own
// result is the evaluation's), and a year given twice is kept once when
// both rows agree (a warning) and dropped when they disagree (an error:
// which of the two is right cannot be guessed, so the year counts for no
// streak). It removes those rows from u.History and sorts the rest by year.
func checkHistory(u *criteria.Unit, year int) []criteria.Problem {
	if len(u.History) == 0 {
		return nil
	}
	var probs []criteria.Problem
	problem := func(py *criteria.PastYear, t *criteria.ProblemType, args ...any) {
		probs = append(probs, criteria.Problem{File: py.Source.File(), Sheet: py.Source.Sheet(), Cell: py.Cell, Unit: u.Code}.Of(t, args...))
	}
	slices.SortStableFunc(u.History, func(a, b criteria.PastYear) int { return a.Year - b.Year })
	kept := u.History[:0:0]
	for i := 0; i < len(u.History); {
		j := i + 1
		for j < len(u.History) && u.History[j].Year == u.History[i].Year {
			j++
		}
		first := &u.History[i]
		switch {
		case first.Year >= year:
			for k := i; k < j; k++ {
				py := &u.History[k]
				if py.Year == year {
					problem(py, criteria.HistoryNotPast, year, "là năm đánh giá: kết quả năm này lấy từ sheet Đơn vị và các sheet khác", "dòng này của Lịch sử")
				} else {
					problem(py, criteria.HistoryNotPast, py.Year, fmt.Sprintf("sau năm đánh giá %d", year), "Lịch sử chỉ tính các năm trước, dòng này")
				}
			}
		default:
			agree := true
			for k := i + 1; k < j; k++ {
				py := &u.History[k]
				if py.Rating != first.Rating || py.HasFourGood != first.HasFourGood || py.FourGood != first.FourGood {
					agree = false
				}
			}
			if agree {
				kept = append(kept, *first)
			}
			for k := i + 1; k < j; k++ {
				py := &u.History[k]
				if agree {
					problem(py, criteria.HistoryRepeated, py.Year, u.Code, rowPlace(first, py))
					continue
				}
				problem(py, criteria.HistoryConflict, py.Year, u.Code, rowPlace(first, py), pastResult(first), pastResult(py), py.Year)
			}
			if !agree {
				markError(u, criteria.SheetHistory)
			}
		}
		i = j
	}
	u.History = kept
	return probs
}

// rowPlace names where row a is, for a message about row b: the row, and
// the file when they differ.
func rowPlace(a, b *criteria.PastYear) string {
	s := a.Source.String()
	if a.Source.File() != b.Source.File() {
		s = a.Source.File() + " › " + s
	}
	return s
}

// pastResult is "HTXSNV, bốn tốt: Có" for messages.
func pastResult(py *criteria.PastYear) string {
	four := "để trống"
	if py.HasFourGood {
		four = map[bool]string{true: "Có", false: "Không"}[py.FourGood]
	}
	return py.Rating.Code() + ", bốn tốt: " + four
}
