package annotate

import (
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/bontot/bontot/workbook/schema"
)

// headerRows is how far down a sheet its header is looked for: office
// forms put a few title lines above it, never dozens.
const headerRows = 60

// spellings maps each schema column key to the folded headers that name it
// in any sheet: the canonical header and every alias the reader accepts.
var spellings = func() map[string][]string {
	m := map[string][]string{}
	add := func(c schema.Column) {
		m[c.Key] = append(m[c.Key], fold(c.Header))
		for _, a := range c.Aliases {
			m[c.Key] = append(m[c.Key], fold(a))
		}
	}
	for _, s := range schema.Sheets {
		for _, c := range s.Columns {
			add(c)
		}
	}
	for _, c := range schema.HistorySheet.Columns {
		add(c)
	}
	return m
}()

// spellingsHeader is each key's canonical header, for the comments.
var spellingsHeader = func() map[string]string {
	m := map[string]string{}
	for _, s := range schema.Sheets {
		for _, c := range s.Columns {
			if m[c.Key] == "" {
				m[c.Key] = c.Header
			}
		}
	}
	return m
}()

// fallbacks are the columns tried, in order, for a cite's key: a rating
// may be given as points, a criterion as a score, a meeting's score by the
// upper committee.
var fallbacks = map[string][]string{
	"rating":     {"rating", "points"},
	"level":      {"level", "score"},
	"score":      {schema.KeyUpper, "score", schema.GroupKey(0)},
	"violation":  {"violation", "discipline"},
	"discipline": {"discipline", "violation"},
	"kind":       {"kind"},
}

// rowKeys are the columns that name a row (whose cell is marked when the
// deciding column cannot be found): a person, a unit, a criterion…
var rowKeys = []string{"name", "code", "criterion", "org", "item", "kind", schema.KeyDate, "month"}

// fold is the reader's header key (STYLE.md): NFC, lower case, no
// combining marks, đ as d, spaces collapsed.
func fold(s string) string {
	s = norm.NFC.String(s)
	s = strings.ToLower(s)
	s, _, _ = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	s = strings.ReplaceAll(s, "đ", "d")
	return strings.Join(strings.Fields(s), " ")
}

// totalKey marks, among a sheet's first rows, the "Tổng cộng" line of a
// score sheet: the cell a finding about the whole meeting is put on.
const totalKey = "\x00total"

// headerHit is a header cell of a known column.
type headerHit struct{ row, col int }

// sheetHeaders finds, once per sheet, where each known column's header
// sits among the first rows.
type sheetHeaders map[string][]headerHit

func readHeaders(f *excelize.File, sheet string) sheetHeaders {
	h := sheetHeaders{}
	rows, err := f.Rows(sheet)
	if err != nil {
		return h
	}
	defer rows.Close()
	keyOf := map[string][]string{}
	for k, ss := range spellings {
		for _, s := range ss {
			keyOf[s] = append(keyOf[s], k)
		}
	}
	for r := 1; r <= headerRows && rows.Next(); r++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			break
		}
		for c, v := range cols {
			if v == "" || len(v) > 80 {
				continue
			}
			fv := fold(v)
			if fv == "tong cong" || fv == "tong diem" {
				h[totalKey] = append(h[totalKey], headerHit{row: r, col: c + 1})
			}
			for _, k := range keyOf[fv] {
				h[k] = append(h[k], headerHit{row: r, col: c + 1})
			}
		}
	}
	return h
}

// column is the column of key nearest above row (the header of the table
// the row belongs to); 0 when none.
func (h sheetHeaders) column(key string, row int) int {
	best, col := 0, 0
	for _, hit := range h[key] {
		if hit.row < row && hit.row > best {
			best, col = hit.row, hit.col
		}
	}
	return col
}

// locate gives a cite its A1 cell: the deciding column's header above the
// row, else the column naming the row, else column A. A score sheet (no
// row) is marked on its "Tổng cộng" line. It reports whether the deciding
// column was found.
func locate(f *excelize.File, heads map[string]sheetHeaders, r *cellRef) bool {
	if r.cell != "" {
		return true
	}
	h, ok := heads[r.sheet]
	if !ok {
		h = readHeaders(f, r.sheet)
		heads[r.sheet] = h
	}
	if r.row == 0 {
		// A score sheet is one meeting: its total line, else its first
		// cell.
		r.cell = "A1"
		if t := h[totalKey]; len(t) > 0 {
			r.cell, _ = excelize.CoordinatesToCellName(t[0].col, t[0].row)
		}
		return false
	}
	keys := fallbacks[r.field]
	if keys == nil && r.field != "" {
		keys = []string{r.field}
	}
	for _, k := range keys {
		if c := h.column(k, r.row); c > 0 {
			if k == schema.KeyUpper {
				// The upper committee's score decides only where it is
				// written.
				name, _ := excelize.CoordinatesToCellName(c, r.row)
				if v, _ := f.GetCellValue(r.sheet, name); strings.TrimSpace(v) == "" {
					continue
				}
			}
			r.cell, _ = excelize.CoordinatesToCellName(c, r.row)
			return true
		}
	}
	for _, k := range rowKeys {
		if c := h.column(k, r.row); c > 0 {
			r.cell, _ = excelize.CoordinatesToCellName(c, r.row)
			return r.field == ""
		}
	}
	r.cell, _ = excelize.CoordinatesToCellName(1, r.row)
	return r.field == ""
}
