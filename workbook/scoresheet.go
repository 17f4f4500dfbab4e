package workbook

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

// Score sheets (the HD 12 score sheet): the provincial form a chi bộ fills
// after each meeting, one sheet per meeting ("T1" … "T12", "Chuyên đề quý
// I"). Its shape: a header block (the committees, "ĐẢNG CỘNG SẢN VIỆT NAM",
// the title, the meeting and its date), then a table TT | Tiêu chí đánh giá |
// Thang điểm | Chi ủy, Bí thư chi bộ chấm | Cấp ủy viên cấp trên chấm with
// the groups numbered I, II, III…, sub-criteria 1, 2, 3… under each and a
// "Tổng cộng" row, then "Xếp loại: Tốt" and the signatures. A sheet is one
// when its table has a Thang điểm column and at least one "… chấm" column;
// its meeting joins those of Sinh hoạt.
//
// They are read as provinces write them (SPEC §4 "Score sheets"): groups
// numbered 1, 2, 3 too (sub-items 1.1, a, i), maxima in the group's text "(15
// điểm)", the upper committee's "… thẩm định" / "… xác nhận" column; the
// meeting, its date and its kind from the line that names it, never from a
// signing or citation line (header); a regular meeting held with the
// quarter's thematic one as both; a table naming no meeting (a yearly bốn tốt
// self-scoring, a statistics form) as none; and the year's summary, a row per
// meeting (scoresummary.go).

// scoreCols is where the columns of a score sheet's table are, 0-based; -1
// when absent.
type scoreCols struct {
	end                      int // 0-based index of the last header row
	tt, crit, scale, own, up int
	upHead, ownHead          string // the scorer columns' headers as written
}

// Header words of the table, compared as punctKey(matchKey(text)) without
// notes in brackets.
var (
	scaleHeads = map[string]bool{"thang diem": true, "diem chuan": true, "diem toi da": true, "thang diem chuan": true,
		"diem quy dinh": true, "khung diem": true, "diem chuan toi da": true, "so diem toi da": true, "thang diem toi da": true,
		"muc diem toi da": true, "bieu diem": true, "muc diem": true, "diem toi da duoc cham": true}
	// upperWords name the upper committee's step: it scores ("cấp trên
	// chấm", "Đảng ủy chấm") or confirms the chi bộ's scores ("… thẩm
	// định", "… xác nhận").
	upperWords = regexp.MustCompile(`\b(?:cap tren|dang uy|tham dinh|xac nhan)\b`)
	upperStep  = regexp.MustCompile(`\b(?:tham dinh|xac nhan)\b`)
	critHeads  = map[string]bool{"tieu chi danh gia": true, "tieu chi": true, "noi dung": true, "noi dung danh gia": true,
		"noi dung tieu chi": true, "noi dung cham diem": true, "cac tieu chi": true, "noi dung tieu chi danh gia": true, "tieu chi cham diem": true}
	ownFallbackHeads = map[string]bool{"diem dat": true, "diem tu danh gia": true, "tu danh gia": true, "diem chi bo": true}
	scorerWord       = regexp.MustCompile(`(?:^| )cham(?: |$)`)
)

// scoreHeadKey is the form a score sheet's header and label cells are
// compared in.
func scoreHeadKey(text string) string {
	return punctKey(strings.Trim(matchKey(parenthetical.ReplaceAllString(text, " ")), " :*."))
}

// scoreHeaderOf reads texts (one per column) as the table's header; ok
// when it has a Thang điểm column and a scorer column.
func scoreHeaderOf(texts []string, alts ...[]string) (scoreCols, int) {
	h := scoreCols{tt: -1, crit: -1, scale: -1, own: -1, up: -1}
	fallback := -1
	for c, t := range texts {
		if t == "" {
			continue
		}
		k := scoreHeadKey(t)
		if len(alts) > 0 && c < len(alts[0]) && alts[0][c] != "" && !scorerWord.MatchString(k) && !scaleHeads[k] && !sttKeys[k] && !critHeads[k] {
			// "Chi bộ" | "Cấp trên" under a merged "Điểm chấm": the
			// scorer is named by both rows together.
			if ak := scoreHeadKey(alts[0][c]); scorerWord.MatchString(ak) {
				t, k = alts[0][c], ak
			}
		}
		switch {
		case scaleHeads[k] && h.scale < 0:
			h.scale = c
		case sttKeys[k] && h.tt < 0:
			h.tt = c
		case critHeads[k] && h.crit < 0:
			h.crit = c
		case (scorerWord.MatchString(k) || upperStep.MatchString(k)) && upperWords.MatchString(k) && h.up < 0:
			h.up, h.upHead = c, t
		case scorerWord.MatchString(k) && h.own < 0:
			h.own, h.ownHead = c, t
		case ownFallbackHeads[k] && fallback < 0:
			fallback = c
		}
	}
	if h.own < 0 && fallback >= 0 {
		h.own, h.ownHead = fallback, texts[fallback]
	}
	if h.own < 0 && h.up < 0 {
		return h, 0
	}
	n := 1
	if h.scale < 0 {
		// No scale column: the maxima may stand in the groups' text
		// ("(15 điểm)"), but only a header naming its criterion column
		// is a score sheet's then, and it yields to one with a scale.
		if h.crit < 0 || h.tt < 0 {
			return h, 0
		}
		n = 0
	}
	for _, c := range []int{h.tt, h.crit, h.own, h.up} {
		if c >= 0 {
			n++
		}
	}
	return h, n
}

// findScoreHeader finds the table's header among the first rows: one row,
// or two where a merged "Điểm" stands over "Thang điểm | Chi bộ chấm |
// Cấp trên chấm" (the bottom row's text wins, the top's stands where the
// bottom is blank, as a column merged over both rows has it).
func findScoreHeader(rows [][]string) (scoreCols, bool) {
	// The candidate naming the most columns wins; among equals one row
	// before two (a title above a one-row header reads as two rows too),
	// then the earlier.
	var best scoreCols
	bestN, bestDouble := 0, false
	for r := 0; r < len(rows); r++ {
		if single, n := scoreHeaderOf(rows[r]); n > bestN || (n == bestN && n > 0 && bestDouble) {
			single.end = r
			if single.crit < 0 {
				single.crit = firstTextColumn(rows[r], single)
			}
			best, bestN, bestDouble = single, n, false
		}
		if r+1 >= len(rows) {
			continue
		}
		top, bottom := rows[r], rows[r+1]
		texts := make([]string, max(len(top), len(bottom)))
		both := make([]string, len(texts))
		carry := "" // a top cell merged over the columns to its right
		for c := range texts {
			t, b := cellAt(top, c), cellAt(bottom, c)
			switch {
			case t != "":
				carry = t
			case b == "":
				carry = ""
			}
			texts[c] = b
			if b == "" {
				texts[c] = t
			} else if carry != "" {
				both[c] = carry + " " + b
			}
		}
		if double, n := scoreHeaderOf(texts, both); n > bestN {
			double.end = r + 1
			if double.crit < 0 {
				double.crit = firstTextColumn(texts, double)
			}
			best, bestN, bestDouble = double, n, true
		}
	}
	return best, bestN > 0
}

// firstTextColumn is the criterion column of a header that does not name
// it: the first column that is none of the others.
func firstTextColumn(row []string, h scoreCols) int {
	for c := range row {
		if c != h.tt && c != h.scale && c != h.own && c != h.up {
			return c
		}
	}
	return -1
}

// scoreGroup is a Roman-numeral row of the table with its sub-criteria.
type scoreGroup struct {
	numeral string // "II"
	text    string // the criterion cell as written
	row     int    // 0-based
	name    string // the declared group's name, or the text made short
	label   string // "nhóm II Chuẩn bị"
	subs    []int  // rows of its sub-criteria
}

// scoreSheet is what a score sheet holds, before it becomes a meeting.
type scoreSheet struct {
	fd     *fileData
	name   string
	rows   [][]string
	cols   scoreCols
	groups []scoreGroup
	total  int // row of Tổng cộng, -1 without one
	rating int // row of the Xếp loại line, -1 without one
	rateAt int // its column
	rate   string
	probs  []criteria.Problem
	failed bool
	// arabic: the groups are numbered 1, 2, 3; numbering is the row where
	// such a sequence restarts (-1 where it does not), so that groups
	// cannot be told from sub-criteria.
	arabic    bool
	numbering int
}

// scoreSheetRows reads a sheet the schema does not know, all of it: a
// score sheet's table may start below any number of title rows, and a
// sheet is never cut at a fixed row without a word; ok reports whether
// its rows hold a score sheet's table header.
func (fd *fileData) scoreSheetRows(name string) ([][]string, bool, error) {
	var rows [][]string
	err := fd.book.sheetRows(name, func(r int, cells []string) error {
		for len(rows) < r-1 {
			rows = append(rows, nil) // gaps are blank rows
		}
		rows = append(rows, slices.Clone(cells))
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	_, ok := findScoreHeader(rows)
	return rows, ok, nil
}

// readScoreSheet reads a sheet the schema does not know: a score sheet
// becomes a meeting (or a note when the form is still blank); any other
// sheet gets the note that it is not read. It reports whether the sheet
// is a score sheet, and how many meetings it recorded (0 for a blank form).
func (fd *fileData) readScoreSheet(name string) (bool, int, error) {
	rows, ok, err := fd.scoreSheetRows(name)
	if err != nil {
		return false, 0, err
	}
	if h, isSummary := findSummaryHeader(rows); isSummary {
		// The year's meetings, a row each (FORMS item 3).
		n := fd.readSummary(name, rows, h)
		if n > 0 {
			fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name}.Of(criteria.ScoresheetSummary, quote(name), h.end+1, n))
		}
		return true, n, nil
	}
	if !ok {
		if f := statisticsNote(name, rows); !f.ok() {
			fd.problems = append(fd.problems, f.at(criteria.Problem{File: fd.base, Sheet: name}))
			return false, 0, nil
		}
		if f := unknownSheet(name); !f.ok() {
			fd.problems = append(fd.problems, f.at(criteria.Problem{File: fd.base, Sheet: name}))
		}
		return false, 0, nil
	}
	cols, _ := findScoreHeader(rows)
	s := &scoreSheet{fd: fd, name: name, rows: rows, cols: cols, total: -1, rating: -1, numbering: -1}
	s.table()
	if s.numbering >= 0 {
		at := s.cell(s.numbering, max(cols.tt, 0))
		fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name, Cell: at}.Of(criteria.ScoresheetNumbering, quote(name), at))
		return false, 0, nil
	}
	if len(s.groups) == 0 {
		// A Thang điểm column alone does not make a score sheet: a
		// summary of many meetings or units has one too, and its total
		// row is no meeting.
		fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name}.Of(criteria.ScoresheetNoGroups, quote(name)))
		return false, 0, nil
	}
	ok, n := s.read()
	return ok, n, nil
}

// cell is the A1 name of a 0-based cell.
func (s *scoreSheet) cell(row, col int) string {
	name, err := excelize.CoordinatesToCellName(max(col, 0)+1, row+1)
	if err != nil {
		return ""
	}
	return name
}

func (s *scoreSheet) at(row, col int) string {
	if row < 0 || row >= len(s.rows) {
		return ""
	}
	return cellAt(s.rows[row], col)
}

// problem places f at the 0-based cell (row, col) of the sheet, or on
// the sheet as a whole when row is negative.
func (s *scoreSheet) problem(row, col int, f fault) {
	p := criteria.Problem{File: s.fd.base, Sheet: s.name}
	if row >= 0 {
		p.Cell = s.cell(row, col)
	}
	s.probs = append(s.probs, f.at(p))
	if f.t.Severity == criteria.SeverityError {
		s.failed = true
	}
}

var (
	romanNumeral = regexp.MustCompile(`^([ivxl]{1,5})\s*[.):]?$`)
	romanPrefix  = regexp.MustCompile(`^([ivxl]{1,5})\s*[.):]\s+(.+)$`)
	romanLead    = regexp.MustCompile(`^\s*[IVXLivxl]{1,5}\s*[.):]\s+`)
	// upperRoman is a group's numeral as the forms write it, in capitals:
	// "i", "ii", "iii" number sub-items.
	upperRoman = regexp.MustCompile(`^([IVXL]{1,5})\s*[.):]?(?:\s+(.+))?$`)
	// arabicGroup is "1", "1." or "1)" (and "1. Text" with no TT column);
	// "1.1", "a", "a)", "-" number sub-items under it.
	arabicGroup = regexp.MustCompile(`^(\d{1,2})\s*[.):]?(?:\s+(\D.*))?$`)
	// pointsInText is a group's maximum in its text: "(15 điểm)".
	pointsInText = regexp.MustCompile(`\(\s*(\d+(?:[.,]\d+)?)\s*diem\s*\)`)
)

// totalLabels are the labels of the total row.
var totalLabels = map[string]bool{"tong cong": true, "cong": true, "tong diem": true, "tong so diem": true, "tong": true,
	"tong cong diem": true, "tong diem dat": true, "cong diem": true}

// groupNumber reads the number of a group row: its TT cell, or the lead
// of the criterion cell where there is no TT column (or TT is merged over
// it). The text after the number, where the number leads it, is returned
// as the criterion. arabic selects "1, 2, 3" over "I, II, III".
func (s *scoreSheet) groupNumber(r int, arabic bool) (numeral, crit string) {
	c := s.cols
	tt, crit := strings.TrimSpace(s.at(r, c.tt)), s.at(r, c.crit)
	re := upperRoman
	if arabic {
		re = arabicGroup
	}
	if m := re.FindStringSubmatch(tt); m != nil && (m[2] == "" || crit == "") {
		if m[2] != "" {
			crit = m[2] // a TT cell merged over the criterion column
		}
		return m[1], crit
	}
	if c.tt < 0 {
		if m := re.FindStringSubmatch(strings.TrimSpace(crit)); m != nil && m[2] != "" {
			return m[1], m[2] // "I. Tỷ lệ đảng viên…": the numeral leads the text
		}
	}
	return "", crit
}

// table walks the rows under the header: group rows, their sub-criteria,
// the total row, and the Xếp loại line after the table. Groups are
// numbered I, II, III where any row is so numbered (then 1, 2, 3 are
// sub-criteria), else 1, 2, 3 in sequence (sub-items 1.1, a, b, i, ii);
// a sequence that restarts cannot tell groups from sub-criteria and
// gives no group (numbering says so).
func (s *scoreSheet) table() {
	c := s.cols
	start := c.end + 1
	if start < len(s.rows) && isNumberingRow(s.rows[start]) {
		start++
	}
	end := len(s.rows)
	arabic := true
	for r := start; r < len(s.rows); r++ {
		if s.isTotal(r) {
			end = r
			break
		}
		if n, _ := s.groupNumber(r, false); n != "" {
			arabic = false
		}
	}
	s.arabic = arabic
	var cur *scoreGroup
	next := 1
	for r := start; r < len(s.rows); r++ {
		// The Xếp loại line stands below the table: after the total row,
		// or on a row with no Thang điểm where the form has none.
		if s.rating < 0 && (s.total >= 0 || c.scale < 0 || s.at(r, c.scale) == "") {
			s.findRating(r)
		}
		if s.total >= 0 {
			continue // after the table: only the Xếp loại line
		}
		if r == end {
			s.total = r
			continue
		}
		numeral, text := s.groupNumber(r, arabic)
		if numeral != "" && arabic {
			if n, _ := strconv.Atoi(numeral); n != next {
				s.numbering = r
				s.groups = nil
				return
			}
			next++
		}
		if numeral != "" {
			s.groups = append(s.groups, scoreGroup{numeral: numeral, text: text, row: r})
			cur = &s.groups[len(s.groups)-1]
			continue
		}
		if cur != nil && (s.at(r, c.scale) != "" || s.at(r, c.own) != "" || s.at(r, c.up) != "") {
			cur.subs = append(cur.subs, r)
		}
	}
}

// isTotal reports whether row r is the table's total row.
func (s *scoreSheet) isTotal(r int) bool {
	c := s.cols
	tt, crit := s.at(r, c.tt), s.at(r, c.crit)
	tk, ck := scoreHeadKey(tt), scoreHeadKey(crit)
	return (tk != "" && totalLabels[tk]) || (tk == "" && totalLabels[ck]) || (ck != "" && totalLabels[ck] && !romanNumeral.MatchString(tk))
}

// findRating takes the Xếp loại line of row r, if it is one: "Xếp loại:
// Tốt" in one cell, or "Xếp loại:" and the rating in the next.
func (s *scoreSheet) findRating(r int) {
	row := s.rows[r]
	for col := range row {
		text := cellAt(row, col)
		if !strings.HasPrefix(matchKey(text), "xep loai") {
			continue
		}
		s.rating, s.rateAt = r, col
		v := strings.TrimSpace(cellAfterLabel(text))
		if v == "" {
			for next := col + 1; next < len(row); next++ {
				if v = cellAt(row, next); v != "" {
					s.rateAt = next
					break
				}
			}
		}
		s.rate = v
		return
	}
}

// cellAfterLabel is what follows "Xếp loại" in a cell: "Xếp loại: Tốt" →
// "Tốt".
func cellAfterLabel(text string) string {
	if i := strings.IndexAny(text, ":："); i >= 0 {
		return text[i+1:]
	}
	// "Xếp loại Tốt": the label is two words.
	f := strings.Fields(text)
	if len(f) > 2 {
		return strings.Join(f[2:], " ")
	}
	return ""
}

// number reads a score cell: ok false and an error reported when it holds
// something that is not a number; present false when blank.
func (s *scoreSheet) number(row, col int, what string) (v float64, present bool) {
	t := s.at(row, col)
	if t == "" || col < 0 {
		return 0, false
	}
	v, ok := parseNumber(t)
	if !ok {
		s.problem(row, col, faultOf(criteria.ValueNotNumber, what+":", quote(t), "số"))
		return 0, false
	}
	if v < 0 {
		s.problem(row, col, faultOf(criteria.ScoreNegative, what+":", criteria.FormatNumber(v)))
		return 0, false
	}
	return v, true
}

// nameGroups matches each group row to a declared group by its text: the
// text equal to the group's name or a spelling, else beginning with one,
// else containing one; the longest spelling wins among equals, and a
// declared group is taken once. Unmatched groups keep their own text.
func (s *scoreSheet) nameGroups() []string {
	declared := s.fd.meet.groups
	taken := make([]bool, len(declared))
	var unmatched []string
	for i := range s.groups {
		g := &s.groups[i]
		k := scoreHeadKey(g.text)
		best, bestScore, bestLen := -1, 0, 0
		for d, dg := range declared {
			if taken[d] {
				continue
			}
			for _, sp := range append([]string{dg.Name}, dg.Spellings...) {
				sk := scoreHeadKey(sp)
				score := 0
				switch {
				case sk == "":
				case k == sk:
					score = 3
				case strings.HasPrefix(k, sk+" "):
					score = 2
				case strings.Contains(" "+k+" ", " "+sk+" "):
					score = 1
				}
				if score > bestScore || (score == bestScore && score > 0 && len(sk) > bestLen) {
					best, bestScore, bestLen = d, score, len(sk)
				}
			}
		}
		if best >= 0 {
			taken[best] = true
			g.name = declared[best].Name
		} else {
			g.name = shortText(g.text)
			if g.name == "" {
				g.name = "nhóm " + g.numeral
			}
			unmatched = append(unmatched, "nhóm "+g.numeral+" "+quote(g.name))
		}
		g.label = "nhóm " + g.numeral + " " + g.name
		if best < 0 && g.name == "nhóm "+g.numeral {
			g.label = g.name
		}
	}
	return unmatched
}

// shortText is a group row's text as a name: without notes in brackets,
// and in sentence case when the form writes it in capitals.
func shortText(t string) string {
	t = strings.Join(strings.Fields(parenthetical.ReplaceAllString(t, " ")), " ")
	t = strings.Trim(t, " :.-")
	upper := true
	for _, r := range t {
		if unicode.IsLower(r) {
			upper = false
			break
		}
	}
	if upper {
		r := []rune(strings.ToLower(t))
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
		}
		t = string(r)
	}
	if r := []rune(t); len(r) > 60 {
		t = string(r[:59]) + "…"
	}
	return t
}

// scorerScores is what one scorer column gives.
type scorerScores struct {
	col    int
	head   string
	groups []float64 // per group; valid where given[i]
	given  []bool
	total  float64
	hasTot bool
	filled bool // any score at all
	ok     bool // no error in this column
}

// scales reads each group's Thang điểm: the group row's, else the sum of
// its sub-criteria's, else the declared maximum of the group it matched.
func (s *scoreSheet) scales() ([]float64, bool) {
	c := s.cols
	out := make([]float64, len(s.groups))
	ok := true
	for i, g := range s.groups {
		v, present := s.number(g.row, c.scale, g.label+", Thang điểm")
		if m := pointsInText.FindStringSubmatch(matchKey(g.text)); m != nil {
			// "Công tác chuẩn bị (15 điểm)": the maximum in the group's text,
			// which must agree with the scale column where both are written.
			t, _ := parseNumber(strings.Replace(m[1], ",", ".", 1))
			switch {
			case !present:
				v, present = t, true
			case math.Abs(t-v) > 0.001:
				s.problem(g.row, c.scale, faultOf(criteria.ScoresheetScaleMismatch, g.label, criteria.FormatNumber(v), quote(m[0]), s.cell(g.row, c.crit)))
				ok = false
			}
		}
		if !present {
			sum, any := 0.0, false
			for _, r := range g.subs {
				if x, p := s.number(r, c.scale, g.label+", Thang điểm"); p {
					sum, any = sum+x, true
				}
			}
			v, present = sum, any
		}
		if !present {
			if d := s.declared(g.name); d != nil {
				v, present = d.Max, true
			}
		}
		if !present || v <= 0 {
			where := "ở cột " + quote(s.at(c.end, c.scale))
			if c.scale < 0 {
				where = "trong tên nhóm, ví dụ \"(15 điểm)\", hoặc thêm cột Thang điểm"
			}
			s.problem(g.row, max(c.scale, c.crit), faultOf(criteria.ScoresheetScaleMissing, g.label, where))
			ok = false
		}
		out[i] = v
	}
	return out, ok
}

func (s *scoreSheet) declared(name string) *criteria.ScoreGroup {
	for i := range s.fd.meet.groups {
		if s.fd.meet.groups[i].Name == name {
			return &s.fd.meet.groups[i]
		}
	}
	return nil
}

// scorer reads one scorer column: each group's score (the group row's, or
// the sum of its sub-criteria), checked against its Thang điểm, and the
// total row, checked against the groups' sum. Messages name the cell and
// the group as the form does: "nhóm II Chuẩn bị: 18 vượt thang điểm 15".
func (s *scoreSheet) scorer(col int, head string, scales []float64) scorerScores {
	c := s.cols
	sc := scorerScores{col: col, head: head, groups: make([]float64, len(s.groups)), given: make([]bool, len(s.groups)), ok: true}
	if col < 0 {
		return sc
	}
	before := len(s.probs)
	for i, g := range s.groups {
		v, present := s.number(g.row, col, g.label)
		if !present {
			s.uncomputed(g, col)
		}
		subSum, subAny := 0.0, false
		for _, r := range g.subs {
			x, p := s.number(r, col, g.label)
			if !p {
				continue
			}
			subSum, subAny = subSum+x, true
			if sub, sp := s.number(r, c.scale, g.label+", Thang điểm"); sp && x > sub+0.001 {
				s.problem(r, col, faultOf(criteria.ScoreOverScale, g.label+", tiêu chí "+subLabel(s.at(r, c.tt))+":", criteria.FormatNumber(x), criteria.FormatNumber(sub)))
			}
		}
		switch {
		case present && subAny && math.Abs(v-subSum) > 0.001:
			s.problem(g.row, col, faultOf(criteria.ScoreTotalMismatch, g.label+":", criteria.FormatNumber(v), "điểm các tiêu chí con", criteria.FormatNumber(round3(subSum)), ""))
		case !present && subAny:
			v, present = round3(subSum), true
		}
		if !present {
			continue
		}
		sc.filled = true
		sc.given[i], sc.groups[i] = true, v
		if scales[i] > 0 && v > scales[i]+0.001 {
			s.problem(g.row, col, faultOf(criteria.ScoreOverScale, g.label+":", criteria.FormatNumber(v), criteria.FormatNumber(scales[i])))
		}
	}
	if s.total >= 0 {
		if v, present := s.number(s.total, col, "Tổng cộng"); present {
			sc.total, sc.hasTot, sc.filled = v, true, true
		}
	}
	if !sc.filled {
		return sc
	}
	var missing []string
	firstMissing := -1
	sum := 0.0
	for i, g := range s.groups {
		if !sc.given[i] {
			missing = append(missing, g.label)
			if firstMissing < 0 {
				firstMissing = i
			}
			continue
		}
		sum += sc.groups[i]
	}
	sum = round3(sum)
	switch {
	case len(missing) > 0 && len(missing) < len(s.groups):
		s.problem(s.groups[firstMissing].row, col, faultOf(criteria.ScoreIncomplete, head, "chấm: "+strings.Join(missing, ", "), "điểm của mọi nhóm"))
	case len(missing) == len(s.groups) && len(s.groups) > 0:
		// Only the total is filled in: it is the score.
	case sc.hasTot && math.Abs(sc.total-sum) > 0.001:
		s.problem(s.total, col, faultOf(criteria.ScoreTotalMismatch, "Tổng cộng", criteria.FormatNumber(sc.total), "điểm các nhóm", criteria.FormatNumber(sum), ""))
	case !sc.hasTot:
		sc.total = sum
	}
	if sc.total > 100+0.001 {
		s.problem(s.total, col, faultOf(criteria.ScoreOverScale, "Tổng điểm", criteria.FormatNumber(sc.total), "100"))
	}
	sc.ok = len(s.probs) == before
	return sc
}

// uncomputed reports, as an error, a group left blank in column col
// whose cells (the group's or its sub-criteria's) are formulas with no
// value: a workbook written by a program that does not calculate (or
// saved without calculating) holds the formulas but not their results,
// and read as blanks it would be a form not yet scored.
func (s *scoreSheet) uncomputed(g scoreGroup, col int) {
	if s.fd.book == nil || col < 0 {
		return
	}
	for _, r := range append([]int{g.row}, g.subs...) {
		if s.at(r, col) != "" {
			return // scored: the blank group row is the sub-criteria's sum
		}
	}
	for _, r := range append([]int{g.row}, g.subs...) {
		if f := s.fd.book.formula(s.name, s.cell(r, col)); f != "" {
			s.problem(r, col, faultOf(criteria.ReadFormulaNoValue, g.label, s.cell(r, col), f))
			return
		}
	}
}

// formula is the formula of a cell, "" when it holds none or cannot be
// read. Asked only of blank score cells, so the cost of opening the
// workbook with excelize is paid only for a form that looks unscored.
func (b *book) formula(sheet, cell string) string {
	b.xlMu.Lock()
	defer b.xlMu.Unlock()
	f, err := b.excelize()
	if err != nil {
		return ""
	}
	v, err := f.GetCellFormula(sheet, cell)
	if err != nil {
		return ""
	}
	return v
}

// subLabel is a sub-criterion's number as the form writes it: "2".
func subLabel(tt string) string {
	if tt == "" {
		return "con"
	}
	return strings.TrimRight(tt, ".")
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// The meeting's date in the header block: "ngày 12/3/2024", "ngày 12
// tháng 3 năm 2024", else "tháng 3 năm 2024" (dated the 1st).
var (
	headerDMY   = regexp.MustCompile(`ngay(?: sinh hoat| hop)?\s*:?\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`)
	headerWords = regexp.MustCompile(`ngay(?: sinh hoat| hop)?\s*:?\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam|,|/)?\s*(\d{4})`)
	// bareDMY is a date without "ngày", read only on the meeting line
	// ("Thời gian: 14 giờ 05/03/2024").
	bareDMY     = regexp.MustCompile(`\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b`)
	headerMonth = regexp.MustCompile(`thang\s*(\d{1,2})\s*(?:nam\s*|[/\-]\s*)(\d{4})`)
	dateLabel   = regexp.MustCompile(`^(?:ngay|thoi gian|ngay sinh hoat|ngay hop)\s*:?$`)
	unitLabel   = regexp.MustCompile(`^ma (?:don vi|chi bo|to chuc dang)\b`)
	sheetMonth  = regexp.MustCompile(`^(?:t|thang)\s*0?(\d{1,2})(?:\s*[/\-.]\s*(\d{4}))?$`)
	// namedMonth is the month a meeting line or a title names: "tháng 3".
	namedMonth = regexp.MustCompile(`thang\s*0?(\d{1,2})\b`)
	// namedQuarter is the quarter a thematic meeting names: "quý II".
	namedQuarter = regexp.MustCompile(`\bquy\s*(iv|iii|ii|i|[1-4])\b`)
	// signingLine is the place and day a form is signed, "Hà Nội, ngày 05
	// tháng 4 năm 2024", "……, ngày … tháng … năm …": the day of the
	// paper, not of the meeting.
	signingLine = regexp.MustCompile(`^[^,]{0,60},\s*ngay\b`)
	// citation is a line quoting a document and its date ("Kèm theo Hướng
	// dẫn số 12-HD/BTCTW ngày 18/10/2017"): its date is the document's.
	citation = regexp.MustCompile(`\b(?:kem theo|can cu|theo huong dan|huong dan so|quy dinh so|quyet dinh so|ke hoach so|cong van so|nghi quyet so|chi thi so|thong tri so|ban hanh)\b|\b\d+\s*-\s*(?:hd|qd|kh|ct|nq|tb|cv|tt)\b|/(?:btctw|tw|tu|hu|du)\b`)
	// meetingLead starts the line that names the meeting.
	meetingLead = regexp.MustCompile(`^(?:[-+*•]\s*)?(?:ky sinh hoat|ky hop|thoi gian|ngay sinh hoat|ngay hop|buoi sinh hoat|sinh hoat (?:chi bo )?(?:thuong ky|chuyen de|dinh ky)|hinh thuc sinh hoat|loai sinh hoat)\b`)
	// titleLead starts the form's title.
	titleLead = regexp.MustCompile(`^(?:bang diem|bang cham diem|phieu|bieu cham diem|bang tong hop|bang danh gia)\b`)
	// partyLine is the right-hand heading a signing line stands under.
	partyLine = regexp.MustCompile(`^(?:dang cong san viet nam|cong hoa xa hoi chu nghia viet nam|doc lap\b)`)
)

// headerInfo is what the header block says of the meeting.
type headerInfo struct {
	unit, unitAt   string
	unitRow        int
	date           rowDate
	dateRow, dateC int
	thematic       bool
	regular        bool // the meeting line or the title says thường kỳ
	regularAt      string
	thematicAt     string
	combined       bool // "thường kỳ … kết hợp sinh hoạt chuyên đề": both meetings
	named          bool // a line, the title or the sheet's name names a meeting
	namedAt        string
	yearly         string // what a table naming no meeting is ("bảng chấm điểm chi bộ bốn tốt")
	yearlyAt       string
	bad            string // a date written but impossible, or evidence that disagrees
}

// dateSeen is a full date found in the header, with its cell.
type dateSeen struct {
	d    rowDate
	r, c int
}

// monthSeen is a month (or quarter) a meeting line, the title or the
// sheet's name names, with where.
type monthSeen struct {
	month, year int // year 0: not written
	quarter     int // 1–4 when a quarter is named instead
	where       string
}

// header reads the rows above the table. It is a recogniser (STYLE,
// "Reading what offices lay out"): every date in the block is a candidate
// but those of a signing line and of a citation, which are never the
// meeting's; the candidates must agree with each other and with the month
// and quarter the meeting line, the title and the sheet's name give, or
// the sheet is an error naming both places. Thematic is read only where
// the form puts it — the sheet's name, the meeting line, the title — not
// from a footnote.
func (s *scoreSheet) header() headerInfo {
	h := headerInfo{dateRow: -1}
	sk := matchKey(s.name)
	var months []monthSeen
	if strings.Contains(sk, "chuyen de") {
		h.thematic, h.named, h.namedAt = true, true, "tên sheet "+quote(s.name)
		h.thematicAt = "tên sheet " + quote(s.name)
		if m := namedQuarter.FindStringSubmatch(sk); m != nil {
			months = append(months, monthSeen{quarter: quarterOf(m[1]), where: "tên sheet " + quote(s.name)})
		}
	}
	if m := sheetMonth.FindStringSubmatch(sk); m != nil {
		if mo, _ := strconv.Atoi(m[1]); mo >= 1 && mo <= 12 {
			y := 0
			if m[2] != "" {
				y, _ = strconv.Atoi(m[2])
			}
			months = append(months, monthSeen{month: mo, year: y, where: "tên sheet " + quote(s.name)})
			h.named, h.namedAt = true, "tên sheet "+quote(s.name)
		}
	}
	var dates []dateSeen
	var anyMonth *rowDate      // a month written anywhere else: the date when nothing better is
	partyCols := map[int]int{} // column of a party heading → its row
	for r := 0; r < s.cols.end && r < len(s.rows); r++ {
		row := s.rows[r]
		for c := range row {
			t := cellAt(row, c)
			if t == "" {
				continue
			}
			k := matchKey(t)
			if h.unit == "" && unitLabel.MatchString(k) {
				code := ""
				if i := strings.IndexAny(t, ":："); i >= 0 {
					_, size := utf8.DecodeRuneInString(t[i:])
					code = strings.TrimSpace(t[i+size:])
				} else if f := strings.Fields(t); len(f) > 3 {
					code = strings.Join(f[3:], " ") // "Mã đơn vị CB01"
				}
				at := c
				if code == "" {
					for next := c + 1; next < len(row); next++ {
						if code = cellAt(row, next); code != "" {
							at = next
							break
						}
					}
				}
				if code != "" {
					h.unit, h.unitAt, h.unitRow = code, s.cell(r, at), r
				}
				continue
			}
			if partyLine.MatchString(k) {
				partyCols[c] = r
				continue
			}
			if what := yearlyTable(k); what != "" && h.yearly == "" {
				h.yearly, h.yearlyAt = what, s.cell(r, c)
			}
			meeting, title := meetingLead.MatchString(k), titleLead.MatchString(k) && strings.Contains(k, "sinh hoat")
			if citation.MatchString(k) || (!meeting && signingLine.MatchString(k)) {
				continue // never the meeting's date
			}
			if pr, ok := partyCols[c]; ok && r-pr <= 2 && strings.HasPrefix(k, "ngay") {
				continue // "ngày … tháng … năm …" under ĐẢNG CỘNG SẢN VIỆT NAM
			}
			if meeting || title {
				if !h.named || strings.HasPrefix(h.namedAt, "tên sheet") && meeting {
					h.named, h.namedAt = true, s.cell(r, c)
				}
				tk, cd := strings.Contains(k, "thuong ky"), strings.Contains(k, "chuyen de")
				switch {
				case tk && cd && strings.Contains(k, "ket hop"):
					h.combined, h.regular, h.thematic = true, true, true
					h.regularAt, h.thematicAt = s.cell(r, c), s.cell(r, c)
				case tk && cd:
					// "… sinh hoạt thường kỳ và chuyên đề": a form for either
					// kind says neither.
				case tk && !h.regular:
					h.regular, h.regularAt = true, s.cell(r, c)
				case cd && !h.thematic:
					h.thematic, h.thematicAt = true, s.cell(r, c)
				}
				if m := namedMonth.FindStringSubmatch(k); m != nil {
					mo, _ := strconv.Atoi(m[1])
					ms := monthSeen{month: mo, where: "ô " + s.cell(r, c)}
					if y := headerMonth.FindStringSubmatch(k); y != nil {
						ms.year, _ = strconv.Atoi(y[2])
					}
					months = append(months, ms)
				}
				if m := namedQuarter.FindStringSubmatch(k); m != nil && strings.Contains(k, "chuyen de") {
					months = append(months, monthSeen{quarter: quarterOf(m[1]), where: "ô " + s.cell(r, c)})
				}
			}
			if d, ok := s.dateIn(k, r, c, &h); ok {
				dates = append(dates, dateSeen{d, r, c})
				continue
			}
			if meeting && h.bad == "" && bareDMY.MatchString(k) {
				if d, ok := s.dateIn("ngay "+bareDMY.FindString(k), r, c, &h); ok {
					dates = append(dates, dateSeen{d, r, c})
					continue
				}
			}
			if dateLabel.MatchString(k) {
				h.named, h.namedAt = true, s.cell(r, c)
				for next := c + 1; next < len(row); next++ {
					if v := cellAt(row, next); v != "" {
						if t, f := parseDate(v, s.fd.date1904); f.ok() {
							dates = append(dates, dateSeen{rowDate{set: true, t: t}, r, next})
						}
						break
					}
				}
				continue
			}
			if m := headerMonth.FindStringSubmatch(k); m != nil && anyMonth == nil {
				mo, _ := strconv.Atoi(m[1])
				y, _ := strconv.Atoi(m[2])
				if mo >= 1 && mo <= 12 && y >= minYear && y <= maxYear {
					anyMonth = &rowDate{set: true, monthOnly: true, t: time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)}
				}
			}
		}
	}
	if h.bad != "" {
		return h
	}
	if h.regular && h.thematic && !h.combined {
		// One place says thường kỳ, another chuyên đề: which it was cannot
		// be told.
		at := h.regularAt
		if strings.HasPrefix(at, "tên sheet") {
			at = h.thematicAt
		}
		s.problem(-1, 0, faultOf(criteria.MeetingKindUnclear, "buổi sinh hoạt",
			fmt.Sprintf(": %s ghi thường kỳ, %s ghi chuyên đề; sửa cho khớp (buổi thường kỳ kết hợp chuyên đề thì ghi \"thường kỳ … kết hợp sinh hoạt chuyên đề …\")",
				placeName(h.regularAt), placeName(h.thematicAt))))
		s.probs[len(s.probs)-1].Cell = at
		h.bad = h.regularAt
		return h
	}
	// Two dates that differ: which is the meeting's cannot be told.
	for _, d := range dates[min(1, len(dates)):] {
		if !d.d.t.Equal(dates[0].d.t) {
			s.problem(d.r, d.c, faultOf(criteria.ScoresheetTwoDates,
				d.d.t.Format("02/01/2006"), s.cell(d.r, d.c), dates[0].d.t.Format("02/01/2006"), s.cell(dates[0].r, dates[0].c)))
			h.bad = s.cell(d.r, d.c)
			return h
		}
	}
	if len(dates) > 0 {
		h.date, h.dateRow, h.dateC = dates[0].d, dates[0].r, dates[0].c
	}
	// The month and quarter named must agree with the date, and with each
	// other.
	var ref *monthSeen
	refWhere := ""
	if h.date.set {
		ref = &monthSeen{month: int(h.date.t.Month()), year: h.date.t.Year(), where: "ô " + s.cell(h.dateRow, h.dateC)}
		refWhere = "ngày " + h.date.t.Format("02/01/2006") + " ở ô " + s.cell(h.dateRow, h.dateC)
	}
	for i := range months {
		m := &months[i]
		if m.quarter > 0 {
			continue
		}
		if ref == nil {
			ref, refWhere = m, fmt.Sprintf("tháng %d ở %s", m.month, m.where)
			continue
		}
		if m.month != ref.month || (m.year != 0 && ref.year != 0 && m.year != ref.year) {
			s.problem(h.dateRow, max(h.dateC, 0), faultOf(criteria.MeetingDateConflict,
				upperFirst(refWhere), fmt.Sprintf("khớp tháng %d", m.month), m.where, "ngày, tháng ở tiêu đề và tên sheet cùng chỉ buổi sinh hoạt này"))
			h.bad = m.where
			return h
		}
	}
	if ref != nil {
		for _, m := range months {
			if m.quarter > 0 && (ref.month-1)/3+1 != m.quarter {
				s.problem(h.dateRow, max(h.dateC, 0), faultOf(criteria.MeetingDateConflict,
					upperFirst(refWhere), "thuộc quý "+quarterNumerals[m.quarter-1], m.where, "ngày và quý cùng chỉ buổi sinh hoạt này"))
				h.bad = m.where
				return h
			}
		}
	}
	if !h.date.set && ref != nil && ref.month >= 1 && ref.month <= 12 {
		// Only a month: "tháng 3 năm 2024" in the title, or the sheet "T3".
		switch {
		case ref.year >= minYear && ref.year <= maxYear:
			h.date = rowDate{set: true, monthOnly: true, t: time.Date(ref.year, time.Month(ref.month), 1, 0, 0, 0, 0, time.UTC)}
		case anyMonth != nil && int(anyMonth.t.Month()) == ref.month:
			h.date = *anyMonth
		case anyMonth != nil:
			s.problem(-1, 0, faultOf(criteria.MeetingDateConflict,
				upperFirst(refWhere), fmt.Sprintf("khớp tháng %d/%d", int(anyMonth.t.Month()), anyMonth.t.Year()), "phần đầu phiếu", "tháng ở tiêu đề và tên sheet cùng chỉ buổi sinh hoạt này"))
			h.bad = refWhere
		default:
			h.date = rowDate{set: true, monthOnly: true, noYear: true, t: time.Date(noYear, time.Month(ref.month), 1, 0, 0, 0, 0, time.UTC)}
		}
	}
	if !h.date.set && h.bad == "" && anyMonth != nil {
		h.date = *anyMonth
	}
	return h
}

// placeName is a cell or "tên sheet …" as a message names it.
func placeName(at string) string {
	if strings.HasPrefix(at, "tên sheet") {
		return at
	}
	return "ô " + at
}

// quarterNumerals name the quarters as the forms do.
var quarterNumerals = [4]string{"I", "II", "III", "IV"}

// quarterOf reads "ii" or "2" as 2.
func quarterOf(q string) int {
	switch q {
	case "i", "1":
		return 1
	case "ii", "2":
		return 2
	case "iii", "3":
		return 3
	}
	return 4
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// statisticsNote is the note of a statistics form (Biểu số 7A-TCTW…):
// counts of units or members per level, never a meeting or member data;
// none for any other sheet.
func statisticsNote(name string, rows [][]string) fault {
	for r := 0; r < len(rows) && r < headerScanRows; r++ {
		for _, t := range rows[r] {
			if statisticsForm.MatchString(matchKey(t)) {
				return faultOf(criteria.SheetStatistics, quote(name), quote(strings.TrimSpace(t)))
			}
		}
	}
	return fault{}
}

// statisticsForm is the number of a statistics form: "Biểu số 7A-TCTW".
var statisticsForm = regexp.MustCompile(`\bbieu (?:so )?\d+[a-z]?\s*-\s*b?tctw\b`)

// yearlyTable names the tables that score a unit's year, not a meeting,
// from a line of their header: "" for any other line.
func yearlyTable(k string) string {
	switch {
	case strings.Contains(k, "bon tot"):
		return "bảng chấm điểm chi bộ bốn tốt của năm"
	case statisticsForm.MatchString(k):
		return "biểu thống kê của Ban Tổ chức Trung ương"
	case titleLead.MatchString(k) && (strings.Contains(k, "phan loai dang bo") || strings.Contains(k, "to chuc dang") || strings.Contains(k, "to chuc co so dang")):
		return "bảng điểm đánh giá, phân loại tổ chức đảng"
	}
	return ""
}

// dateIn finds "ngày dd/mm/yyyy" or "ngày … tháng … năm …" in a header
// cell's key; an impossible one is recorded in h.bad with its cell.
func (s *scoreSheet) dateIn(k string, r, c int, h *headerInfo) (rowDate, bool) {
	var d, mo, y int
	if m := headerDMY.FindStringSubmatch(k); m != nil {
		d, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		y, _ = strconv.Atoi(m[3])
	} else if m := headerWords.FindStringSubmatch(k); m != nil {
		d, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		y, _ = strconv.Atoi(m[3])
	} else {
		return rowDate{}, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || t.Day() != d || y < minYear || y > maxYear {
		if h.bad == "" {
			h.bad = s.cell(r, c)
			s.problem(r, c, faultOf(criteria.ValueBadDate, "Ngày sinh hoạt", quote(s.at(r, c)), "không có thật", "ngày dd/mm/yyyy"))
		}
		return rowDate{}, false
	}
	return rowDate{set: true, t: t}, true
}

// writtenQuality reads the Xếp loại line: "Tốt", "Khá", "Trung bình",
// "Kém" (also "loại Tốt", "Đạt loại tốt", "Yếu").
func writtenQuality(v string) (criteria.Quality, bool) {
	k := strings.Trim(matchKey(v), " .:…")
	k = strings.TrimPrefix(k, "dat ")
	k = strings.TrimPrefix(k, "loai ")
	switch k {
	case "tot", "xuat sac":
		return criteria.QualityGood, true
	case "kha":
		return criteria.QualityFair, true
	case "trung binh", "tb":
		return criteria.QualityAverage, true
	case "kem", "yeu":
		return criteria.QualityWeak, true
	}
	return criteria.QualityNone, false
}

// read turns the score sheet, its table walked (table), into a meeting
// (two for a regular meeting held with the quarter's thematic one),
// placed like a row of Sinh hoạt, or into the note of a form not yet
// filled in; it reports whether the sheet is a score sheet and how many
// meetings it recorded.
func (s *scoreSheet) read() (bool, int) {
	fd := s.fd
	h := s.header()
	if h.yearly != "" {
		// A table is a meeting only when it names one: a unit's yearly
		// self-scoring or a statistics form has groups and a scale too.
		strong := h.yearly != "bảng điểm đánh giá, phân loại tổ chức đảng"
		switch {
		case !h.named || (strong && h.named && h.yearly == "biểu thống kê của Ban Tổ chức Trung ương"):
			hint := ""
			if !strong {
				// The same title heads the per-meeting form of Hướng dẫn 12:
				// say what makes it one.
				hint = "; nếu đây là phiếu của một buổi sinh hoạt thì ghi dòng \"Kỳ sinh hoạt tháng … năm … (ngày dd/mm/yyyy)\" ở phần đầu sheet"
			}
			fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: s.name, Cell: h.yearlyAt}.Of(criteria.ScoresheetYearly, quote(s.name), h.yearly, h.yearlyAt, hint))
			return false, 0
		case strong:
			fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: s.name, Cell: h.yearlyAt}.Of(criteria.ScoresheetFormOrYearly, quote(s.name), h.namedAt, h.yearly, h.yearlyAt))
			return true, 0
		}
	}
	unmatched := s.nameGroups()
	scales, scalesOK := s.scales()
	own := s.scorer(s.cols.own, s.cols.ownHead, scales)
	up := s.scorer(s.cols.up, s.cols.upHead, scales)

	if !own.filled && !up.filled && !s.failed {
		fd.blankForms = append(fd.blankForms, s.name) // one note for them all (mergeSheets)
		return true, 0
	}
	// The scale must be the 100-point one the bands are set on.
	if scalesOK && len(s.groups) > 0 {
		sum := 0.0
		for _, v := range scales {
			sum += v
		}
		sum = round3(sum)
		if t, present := s.number(s.total, s.cols.scale, "Tổng cộng, Thang điểm"); present && math.Abs(t-sum) > 0.001 {
			s.problem(s.total, s.cols.scale, faultOf(criteria.ScoreTotalMismatch, "Tổng cộng", criteria.FormatNumber(t)+" của thang điểm", "thang điểm các nhóm", criteria.FormatNumber(sum), ""))
		} else if math.Abs(sum-100) > 0.001 {
			row := s.total
			if row < 0 {
				row = s.groups[len(s.groups)-1].row
			}
			s.problem(row, s.cols.scale, faultOf(criteria.ScoresheetScaleNot100, "Thang điểm các nhóm", criteria.FormatNumber(sum)))
		}
	}
	if len(unmatched) > 0 && fd.meet.keep {
		fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: s.name}.Of(criteria.ScoresheetUnknownGroups, strings.Join(unmatched, ", ")))
	}

	m := criteria.Meeting{Source: criteria.Source{Ref: &criteria.SheetRef{File: fd.base, Sheet: s.name}}, ScoreSheet: true}
	if h.thematic && !h.combined {
		m.Kind = criteria.Thematic
	}
	pick := own
	if up.filled {
		pick = up
		if own.filled && own.ok && up.ok && fd.meet.gap > 0 && math.Abs(up.total-own.total) > fd.meet.gap+0.001 {
			row := s.total
			if row < 0 {
				row = s.groups[0].row
			}
			s.problem(row, up.col, upperGap(up.head, up.total, own.total, fd.meet.gap))
		}
	}
	if pick.ok && !s.failed {
		m.Score, m.HasScore, m.UpperScore = pick.total, true, up.filled
		for i, g := range s.groups {
			if pick.given[i] {
				m.Groups = append(m.Groups, criteria.GroupScore{Name: g.name, Label: g.label, Score: pick.groups[i], Max: scales[i]})
			}
		}
		if len(m.Groups) != len(s.groups) {
			m.Groups = nil // the total alone was given
		}
	}
	switch {
	case h.date.set:
	case h.bad != "":
	default:
		s.problem(-1, 0, faultOf(criteria.ScoresheetNoDate))
	}
	if m.HasScore && s.rate != "" && !strings.ContainsAny(s.rate, "….") {
		q := m.Quality(*fd.meet.th)
		if w, ok := writtenQuality(s.rate); !ok {
			s.problem(s.rating, s.rateAt, faultOf(criteria.ScoresheetBadRating, quote(s.rate), criteria.MeetingBandNames()))
		} else if w != q {
			s.problem(s.rating, s.rateAt, faultOf(criteria.ScoresheetRatingMismatch, quote(s.rate), criteria.FormatNumber(m.Score), q.Label()))
		}
	}
	unit := h.unit
	if unit == "" && !fd.single {
		s.problem(-1, 0, faultOf(criteria.ScoresheetNoUnit, "Phiếu chấm điểm", "phiếu"))
		fd.problems = append(fd.problems, s.probs...)
		return true, 1 // counted as read, as it always was: its error says why it is not a meeting
	}
	m.MonthOnly = h.date.monthOnly
	kinds := []criteria.MeetingKind{m.Kind}
	if h.combined {
		// Chỉ thị 50 lets the quarter's thematic meeting share the month's
		// regular session: one session, two meetings, one score.
		kinds = []criteria.MeetingKind{criteria.Regular, criteria.Thematic}
	}
	for i, kind := range kinds {
		m.Kind = kind
		pr := &pendingRow{sheet: criteria.SheetMeetings, src: m.Source, unit: unit, unitCol: -1, date: h.date,
			failed: s.failed, hasRec: true}
		if i == 0 {
			pr.problems = s.probs
		}
		if pr.date.set && !pr.date.noYear {
			fd.votes[pr.date.year()]++
		}
		// Not straight into the unit as fd.place would: the score sheets of a
		// workbook are read in parallel, and their meetings all go to one
		// unit's slice. finish adds them, in workbook order.
		if !pr.failed {
			rec := &record{meeting: m}
			pr.add = rec.adder(pr.sheet)
		}
		fd.rows = append(fd.rows, pr)
	}
	return true, len(kinds)
}

// sameMeetings finds a meeting recorded twice for one unit, once on a
// score sheet and again on another score sheet or in Sinh hoạt: the same
// kind on the same date, or in the same month where either gives only
// the month. Each is an error naming both places; the unit has a data
// error and the meeting is counted once.
func (m *merger) sameMeetings() {
	index := map[string]int{}
	any := false
	for fi, fd := range m.files {
		index[fd.base] = fi
		any = any || len(fd.scoreSheets) > 0
	}
	if !any {
		return
	}
	for _, u := range m.ds.Units {
		ms := u.Meetings
		if !slices.ContainsFunc(ms, func(x criteria.Meeting) bool { return x.ScoreSheet }) {
			continue
		}
		var drop []int
		for j := range ms {
			for i := range j {
				a, b := &ms[i], &ms[j]
				if (!a.ScoreSheet && !b.ScoreSheet) || a.Kind != b.Kind || slices.Contains(drop, i) || !sameDay(a, b) {
					continue
				}
				m.add(index[a.Source.File()], duplicateMeeting(u, a, b))
				m.add(index[b.Source.File()], duplicateMeeting(u, b, a))
				markError(u, criteria.SheetMeetings)
				if b.ScoreSheet {
					drop = append(drop, j)
				} else {
					drop = append(drop, i)
				}
				break
			}
		}
		if len(drop) > 0 {
			kept := ms[:0]
			for i := range ms {
				if !slices.Contains(drop, i) {
					kept = append(kept, ms[i])
				}
			}
			u.Meetings = kept
		}
	}
}

// sameDay: the same date, or the same month where either has only a month.
func sameDay(a, b *criteria.Meeting) bool {
	if a.MonthOnly || b.MonthOnly {
		return a.Date.Year() == b.Date.Year() && a.Date.Month() == b.Date.Month()
	}
	return a.Date.Equal(b.Date)
}

// duplicateMeeting is the error at a's place for the meeting b records too.
func duplicateMeeting(u *criteria.Unit, a, b *criteria.Meeting) criteria.Problem {
	what := "Phiếu chấm điểm này"
	if !a.ScoreSheet {
		what = fmt.Sprintf("Dòng %d", a.Source.Row)
	}
	when := "ngày " + a.Date.Format("02/01/2006")
	if a.MonthOnly || b.MonthOnly {
		when = fmt.Sprintf("tháng %d/%d", int(a.Date.Month()), a.Date.Year())
	}
	there := b.Source.File() + " › " + b.Source.Sheet()
	if !b.ScoreSheet {
		there += fmt.Sprintf(" dòng %d", b.Source.Row)
	}
	kind := "thường kỳ"
	if a.Kind == criteria.Thematic {
		kind = "chuyên đề"
	}
	return criteria.Problem{File: a.Source.File(), Sheet: a.Source.Sheet(), Unit: u.Code}.Of(criteria.MeetingDuplicate, what, kind, when, u.Code, there)
}
