package workbook

import (
	"strconv"
	"strings"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
	"github.com/xuri/excelize/v2"
)

// Rating lists with several rating columns (QĐ 366 art. 12's three steps;
// the year-end member list with the rating at each step). Year-end
// lists after Hướng dẫn 43-HD/BTCTW (2025) carry the rating at each step
// side by side: "Tự đánh giá, xếp loại", "Chi bộ đề xuất", "Cấp ủy có
// thẩm quyền quyết định". Only the decided one is the rating; binding the
// first "Xếp loại" of the sheet would read a self-rating as the result.

// ratingRole is what a column of a rating sheet holds.
type ratingRole uint8

const (
	roleNone     ratingRole = iota // not a rating column
	rolePlain                      // "Xếp loại", "Xếp loại chất lượng": no step named
	roleSelf                       // the member's own rating
	roleProposed                   // the chi bộ's or committee's proposal
	roleDecided                    // the competent committee's decision: the rating
)

// Words that name each step, in matching-key form.
var (
	decidedWords  = []string{"quyet dinh", "tham quyen", "ket qua"}
	selfWords     = []string{"tu danh gia", "tu xep loai", "tu nhan", "ca nhan"}
	proposedWords = []string{"de xuat", "de nghi"}
	// Without "xếp loại" in its header a column is a rating column only
	// when it names a step in words no other column uses.
	stepPhrases = []string{"co tham quyen", "tham quyen quyet dinh", "cap uy quyet dinh", "cap tren quyet dinh", "dang uy quyet dinh",
		"chi bo de xuat", "chi uy de xuat", "cap uy de xuat", "dang uy de xuat", "de xuat muc",
		"tu danh gia", "tu xep loai", "tu nhan muc"}
	// Columns that speak of ratings without holding one.
	// Emulation titles (thi đua, danh hiệu) are another ranking than the
	// annual quality rating; last year's rating is history.
	notRatingWords = []string{"diem", "ky luat", "khen thuong", "thi dua", "danh hieu", "nam truoc", "ly do", "ghi chu", "so quyet dinh", "ngay"}
)

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// roleOf classifies a header from its texts (for a two-row header, the
// sub-header alone and joined with the title merged above it). The
// sub-header speaks first: a title "Kết quả đánh giá, xếp loại" merged
// over Tự đánh giá, xếp loại | Chi bộ đề xuất | Cấp ủy có thẩm quyền
// quyết định names no step of its own, and its "kết quả" must not make
// every column under it the decided one. A step named in
// brackets ("Xếp loại (cấp ủy quyết định)") is a step.
func roleOf(cands []string) ratingRole {
	var keys, full []string
	for _, t := range cands {
		h := headText(t)
		k := h.bare
		if containsAny(k, notRatingWords) {
			return roleNone
		}
		keys = append(keys, k)
		full = append(full, h.full)
	}
	all := strings.Join(keys, " | ")
	if !strings.Contains(all, "xep loai") && !containsAny(all, stepPhrases) && !containsAny(all, levelTitleWords) {
		return roleNone
	}
	for _, k := range full {
		if r := stepOf(k); r != rolePlain {
			return r
		}
	}
	return rolePlain
}

// levelTitleWords name a rating column without "xếp loại" in a
// sub-header: "Kết quả đánh giá" over the steps.
var levelTitleWords = []string{"ket qua danh gia"}

// stepOf is the step one header text names, rolePlain for none. A
// self-rating names itself even when it says "kết quả" ("Kết quả tự đánh
// giá" is the member's own, not the result); "kết quả" alone is the
// weakest sign of the decision, "quyết định" and "thẩm quyền" the strongest.
func stepOf(k string) ratingRole {
	switch {
	case containsAny(k, strongDecidedWords):
		return roleDecided
	case containsAny(k, selfWords):
		return roleSelf
	case containsAny(k, proposedWords):
		return roleProposed
	case containsAny(k, decidedWords):
		return roleDecided
	}
	return rolePlain
}

var strongDecidedWords = []string{"quyet dinh", "tham quyen"}

// hasRating reports whether the sheet's schema has a rating column.
func hasRating(sheet criteria.Sheet) bool {
	s := schema.ByID(sheet)
	if s == nil {
		return false
	}
	for _, c := range s.Columns {
		if c.Key == keyNames[kRating] {
			return true
		}
	}
	return false
}

// ratingRoles classifies every column of a candidate header of a rating
// sheet; nil for other sheets.
func ratingRoles(sheet criteria.Sheet, texts [][]string) []ratingRole {
	if !hasRating(sheet) {
		return nil
	}
	roles := make([]ratingRole, len(texts))
	for c, cands := range texts {
		if len(cands) > 0 && !isSTT(cands[0]) {
			roles[c] = roleOf(cands)
		}
	}
	return roles
}

// colName is `"Chi bộ đề xuất" (E)`, how notes and errors name a column.
func (m *columns) colName(c int) string {
	col, _ := excelize.ColumnNumberToName(c + 1)
	return quote(m.headers[c]) + " (" + col + ")"
}

// pickRating binds the rating among the rating columns bindHeaders set
// aside. One column is read as before: bound when its header names the
// rating (an alias of the sheet, a plain or a decided header), otherwise
// left unbound. Of several, the one decided column is the rating and the
// others are ignored with a note; a single column naming no step beside
// self-ratings and proposals is the decided one by elimination; with
// none, or several, the sheet is refused (ratingErr) rather than one of
// them guessed. The column is
// still bound in the error case, so that the header is chosen as it
// would be otherwise.
func (m *columns) pickRating(sheet criteria.Sheet, roles []ratingRole, texts [][]string) {
	var cols, decided []int
	for c, r := range roles {
		if r == roleNone {
			continue
		}
		cols = append(cols, c)
		if r == roleDecided {
			decided = append(decided, c)
		}
	}
	bind := func(c int) {
		m.index[keyNames[kRating]], m.text[keyNames[kRating]] = c, texts[c][0]
	}
	switch {
	case len(cols) == 0:
		return
	case len(cols) == 1:
		c := cols[0]
		if key, _ := matchHeader(sheet, texts[c][0]); key == keyNames[kRating] || roles[c] == rolePlain || roles[c] == roleDecided {
			bind(c)
			return
		}
		m.ignored = append(m.ignored, c)
		m.unbound[c] = true
		return
	}
	byElimination := false
	if len(decided) == 0 {
		// One column that names no step beside columns that each name an
		// earlier one (self-rating, proposal) is the decision by
		// elimination: "Xếp loại" beside "Tự xếp loại".
		var plain []int
		for _, c := range cols {
			if roles[c] == rolePlain {
				plain = append(plain, c)
			}
		}
		if len(plain) == 1 {
			decided, byElimination = plain, true
		}
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = m.colName(c)
	}
	if len(decided) == 1 {
		bind(decided[0])
		var others []string
		for _, c := range cols {
			if c != decided[0] {
				others = append(others, m.colName(c))
			}
		}
		which := "cột quyết định " + m.colName(decided[0])
		if byElimination {
			which = "cột " + m.colName(decided[0]) + " (các cột kia là tự đánh giá hoặc đề xuất)"
		}
		m.ratingNote = faultOf(criteria.SheetRatingChosen, len(cols), which, strings.Join(others, ", "))
		return
	}
	bind(cols[0])
	if len(decided) == 0 {
		m.ratingErr = faultOf(criteria.SheetRatingColumns, strconv.Itoa(len(cols))+" cột xếp loại ("+strings.Join(names, ", ")+
			") nhưng không rõ cột nào là kết quả do cấp có thẩm quyền quyết định; đặt tiêu đề cột đó là \"Cấp có thẩm quyền quyết định\" hoặc \"Kết quả xếp loại\", hoặc xóa các cột còn lại")
		return
	}
	dn := make([]string, len(decided))
	for i, c := range decided {
		dn[i] = m.colName(c)
	}
	m.ratingErr = faultOf(criteria.SheetRatingColumns, strconv.Itoa(len(decided))+" cột kết quả xếp loại ("+strings.Join(dn, ", ")+
		"); chỉ được có một cột do cấp có thẩm quyền quyết định")
}
