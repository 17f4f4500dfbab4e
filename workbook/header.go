package workbook

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
)

// headerScanRows is how far past the first row that may be a header the
// header row is looked for (and, at the least, how far down a sheet):
// the title lines above it (unit name, "DANH SÁCH…", year, "Đơn vị
// tính") are not counted, however many (SPEC §4 "Tables by content").
const headerScanRows = 30

// columns is where each schema column sits in a sheet, 0-based.
type columns struct {
	index     map[string]int    // column key → index
	text      map[string]string // column key → header text as written
	stt       map[int]bool      // STT (ordinal) columns, ignored
	headerEnd int               // 1-based number of the last header row
	ignored   []int             // columns with a header bound to nothing
	headers   []string          // header text per index, for the ignored note
	unbound   map[int]bool      // columns whose texts named no column at all
	// subHeaders: a two-row header whose second row reads entirely as
	// sub-headers, which a data row never does.
	subHeaders bool
	// titleOver: a title of the first row stands over several
	// sub-headers of the second ("Điểm đánh giá" merged over 30 điểm | 70
	// điểm | Tổng điểm): the sub-columns are the columns, not the title.
	titleOver bool
	// Several rating columns (ratingcols.go): ratingNote says which one
	// is read, ratingErr why none can be.
	ratingNote, ratingErr fault
	// marks: the level is marked by a cross under columns named by the
	// levels (marks.go); its key is in index, for the header's count and
	// the required columns, but no cell holds its value.
	marks *markGroup

	// By colKey, filled by resolve once the header is found: the index of
	// each key's column (-1 when absent) and its header as the sheet
	// writes it (the schema's when absent), for the readers of the rows.
	// Pointers: a sheet weighs a dozen candidate headers and resolves
	// one, and the arrays (some 2 KB) were most of what the weighing
	// allocated.
	pos  *[numKeys]int
	head *[numKeys]string
	// sttAt[i]: column i is an STT column (stt as a slice, for every row).
	sttAt []bool
}

func (c *columns) has(key string) bool { _, ok := c.index[key]; return ok }

var (
	parenthetical = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)
	sttKeys       = map[string]bool{"stt": true, "tt": true, "so tt": true, "so thu tu": true, "thu tu": true, "s tt": true}
)

// headerKeys are the forms a header cell is compared in: as written,
// without notes in brackets, trailing colons or asterisks ("Ngày
// (dd/mm/yyyy)", "Mã đơn vị (*)", "[Cụm]"), and last with its punctuation
// read as spaces ("Kết quả / ý nghĩa", "Kết quả - ý nghĩa"), a form only
// the score groups are indexed in. A group column headed as the score
// sheet numbers its rows, "III. Công tác chuẩn bị (10 điểm)", is also
// compared without its Roman numeral.
func headerKeys(text string) []string { return headText(text).keys }

// headInfo is what header detection reads of one cell text, worked out
// once per distinct text (every sheet tries up to 30 candidate
// rows, single and double, and a folder of small workbooks repeats the
// same header texts in every file). Read-only once made.
type headInfo struct {
	keys []string // headerKeys
	stt  bool     // isSTT
	// bare is the key without notes in brackets, full the key as
	// written: what roleOf reads.
	bare, full string
}

var (
	headCache     sync.Map // text → *headInfo
	headCacheSize atomic.Int64
)

// headCacheMax bounds headCache: header texts repeat in every file and
// come first; the data cells of the rows looked at for a header do not
// repeat, and past the bound are worked out each time.
const headCacheMax = 1 << 14

func headText(text string) *headInfo {
	if h, ok := headCache.Load(text); ok {
		return h.(*headInfo)
	}
	h := makeHeadInfo(text)
	if headCacheSize.Add(1) <= headCacheMax {
		headCache.Store(text, h)
	}
	return h
}

// noParens is text without notes in brackets, replaced by a space as
// parenthetical.ReplaceAllString does; the regexp only when there may be
// one.
func noParens(text string) string {
	if !strings.ContainsAny(text, "([") {
		return text
	}
	return parenthetical.ReplaceAllString(text, " ")
}

func makeHeadInfo(text string) *headInfo {
	full := matchKey(text)
	bareKey := matchKey(noParens(text))
	keys := []string{full}
	bare := strings.Trim(bareKey, " :*.")
	unnumbered := ""
	if bare != "" && strings.IndexByte("IVXLivxl \t\n\v\f\r", bare[0]) >= 0 && romanLead.MatchString(bare) {
		unnumbered = punctKey(romanLead.ReplaceAllString(bare, ""))
	}
	for _, alt := range []string{
		bare,
		strings.Trim(full, " :*.[]()"),
		punctKey(bare),
		unnumbered,
	} {
		if alt != "" && !slices.Contains(keys, alt) {
			keys = append(keys, alt)
		}
	}
	h := &headInfo{keys: keys, bare: bareKey, full: full}
	for _, k := range keys {
		if sttKeys[k] {
			h.stt = true
			break
		}
	}
	return h
}

// headerHit is what a header key names: a column, by its canonical header
// (prio 2) or an alias (prio 1).
type headerHit struct {
	key  string
	prio int
}

// punctKey is a matching key with the punctuation between words read as
// spaces: "ket qua / y nghia" and "ket qua, y nghia" are "ket qua y nghia".
func punctKey(k string) string {
	return strings.Join(strings.FieldsFunc(k, func(r rune) bool {
		return r == ' ' || r == '/' || r == ',' || r == ';' || r == '-' || r == '&' || r == '+' || r == '.' || r == ':'
	}), " ")
}

// headerTable maps the matching key of every header and alias of one
// sheet to its column.
type headerTable map[string]headerHit

// headerIndex holds, per input sheet, the table of the schema's headers;
// built once, as headers are matched many times. Its Sinh hoạt table has
// the groups of hd17-2023; a read under other declared groups uses
// meetingHeaders instead.
var headerIndex = map[criteria.Sheet]headerTable{}

func init() {
	for _, s := range schema.Sheets {
		idx := headerTable{}
		for _, c := range s.Columns {
			for _, a := range c.Aliases {
				if _, taken := idx[matchKey(a)]; !taken {
					idx[matchKey(a)] = headerHit{c.Key, 1}
				}
			}
		}
		// The canonical header beats an alias, so a sheet with both "Mã đơn
		// vị" and an alias column binds the canonical one.
		for _, c := range s.Columns {
			idx[matchKey(c.Header)] = headerHit{c.Key, 2}
		}
		headerIndex[s.ID] = stableTable(idx)
	}
	headerIndex[criteria.SheetMeetings] = meetingHeaders(criteria.HD12ScoreGroups())
}

// meetingHeaders is the table of Sinh hoạt under the declared score
// groups: the schema's columns but its groups, and each declared group by
// its name (as a canonical header) and spellings (as aliases), also with
// punctuation read as spaces.
//
// A table is built once per distinct set of groups and kept (every
// workbook of a read under the 2025 rules asked for the same one), up to
// groupTablesMax sets.
func meetingHeaders(groups []criteria.ScoreGroup) headerTable {
	var sig strings.Builder
	for _, g := range groups {
		sig.WriteString(g.Name)
		for _, a := range g.Spellings {
			sig.WriteByte(1)
			sig.WriteString(a)
		}
		sig.WriteByte(0)
	}
	if v, ok := groupTables.Load(sig.String()); ok {
		return v.(headerTable)
	}
	idx := buildMeetingHeaders(groups)
	if groupTablesSize.Add(1) <= groupTablesMax {
		groupTables.Store(sig.String(), stableTable(idx))
	}
	return idx
}

var (
	groupTables     sync.Map // groups' names and spellings → headerTable
	groupTablesSize atomic.Int64
)

const groupTablesMax = 64

func buildMeetingHeaders(groups []criteria.ScoreGroup) headerTable {
	s := schema.ByID(criteria.SheetMeetings)
	idx := headerTable{}
	isGroup := func(key string) bool { return len(key) >= 2 && key[0] == 'g' && key[1] >= '0' && key[1] <= '9' }
	put := func(text, key string, prio int) {
		for _, k := range []string{matchKey(text), punctKey(matchKey(text))} {
			if old, taken := idx[k]; !taken || prio > old.prio {
				idx[k] = headerHit{key, prio}
			}
		}
	}
	for _, c := range s.Columns {
		if isGroup(c.Key) {
			continue
		}
		for _, a := range c.Aliases {
			if _, taken := idx[matchKey(a)]; !taken {
				idx[matchKey(a)] = headerHit{c.Key, 1}
			}
		}
	}
	for i, g := range groups {
		for _, a := range g.Spellings {
			put(a, schema.GroupKey(i), 1)
		}
	}
	for i, g := range groups {
		put(g.Name, schema.GroupKey(i), 2)
	}
	for _, c := range s.Columns {
		if !isGroup(c.Key) {
			idx[matchKey(c.Header)] = headerHit{c.Key, 2}
		}
	}
	return idx
}

// matchHeader finds the column of the sheet a header text names.
func matchHeader(sheet criteria.Sheet, text string) (key string, prio int) {
	return headerIndex[sheet].match(text)
}

// match finds the column a header text names in the table.
func (idx headerTable) match(text string) (key string, prio int) {
	for _, k := range headerKeys(text) {
		if h, ok := idx[k]; ok {
			return h.key, h.prio
		}
	}
	return "", 0
}

func isSTT(text string) bool { return headText(text).stt }

// bindHeaders binds the header texts of one candidate header (one or two
// rows) to columns. texts[c] lists, for column c, the texts to try in order.
func bindHeaders(sheet criteria.Sheet, idx headerTable, texts [][]string) *columns {
	m := &columns{index: map[string]int{}, text: map[string]string{}, stt: map[int]bool{}, unbound: map[int]bool{}}
	prio := map[string]int{}
	m.headers = make([]string, len(texts))
	marks := findMarks(sheet, texts)
	isMarkCol := func(c int) bool { return marks != nil && slices.Contains(marks.cols, c) }
	roles := ratingRoles(sheet, texts)
	for c, cands := range texts {
		if len(cands) == 0 {
			continue
		}
		m.headers[c] = cands[0]
		if isMarkCol(c) {
			if roles != nil {
				roles[c] = roleNone
			}
			continue // a level marked by a cross: read by marks
		}
		if roles != nil && roles[c] != roleNone {
			continue // a rating column: pickRating decides
		}
		bound := false
		for _, t := range cands {
			if isSTT(t) {
				m.stt[c] = true
				bound = true
				break
			}
			key, p := idx.match(t)
			if p == 0 {
				continue
			}
			bound = true
			if old, seen := prio[key]; !seen || p > old {
				if seen {
					m.ignored = append(m.ignored, m.index[key])
				}
				m.index[key], m.text[key], prio[key] = c, t, p
			} else {
				m.ignored = append(m.ignored, c)
			}
			break
		}
		if !bound {
			m.ignored = append(m.ignored, c)
			m.unbound[c] = true
		}
	}
	if roles != nil {
		m.pickRating(sheet, roles, texts)
	}
	if marks != nil {
		name := keyNames[marks.key]
		if c, both := m.index[name]; both {
			m.ratingErr = faultOf(criteria.SheetRatingColumns, "cả cột "+m.colName(c)+" và các cột đánh dấu mức "+m.colName(marks.cols[0])+"…; không rõ đọc mức ở đâu: giữ một trong hai cách ghi")
		} else {
			m.index[name], m.text[name], m.marks = marks.cols[0], texts[marks.cols[0]][0], marks
			var names []string
			for _, c := range marks.cols {
				names = append(names, m.colName(c))
			}
			m.ratingNote = faultOf(criteria.SheetLevelMarks, strings.Join(names, ", "))
		}
	}
	return m
}

// singleHeader reads one row as the header.
func singleHeader(sheet criteria.Sheet, idx headerTable, row []string) *columns {
	texts := make([][]string, len(row))
	for c, v := range row {
		if v = clean(v); v != "" {
			texts[c] = []string{v}
		}
	}
	return bindHeaders(sheet, idx, texts)
}

// doubleHeader reads two rows as one header merged over both. The stream
// does not see merged cells: a group title merged across several columns
// ("Điểm các nhóm") sits in its first cell only, so it is carried right
// over the columns that have a sub-header below it. A column merged
// vertically has its text on top and nothing below.
func doubleHeader(sheet criteria.Sheet, idx headerTable, top, bottom []string) *columns {
	n := max(len(top), len(bottom))
	texts := make([][]string, n)
	carry, carried := "", false
	for c := range n {
		t, b := cellAt(top, c), cellAt(bottom, c)
		switch {
		case t != "":
			if b != "" {
				carry = t
			} else {
				carry = ""
			}
		case b != "":
			t = carry
			carried = carried || carry != ""
		default:
			carry = ""
		}
		switch {
		case b != "" && t != "":
			texts[c] = []string{b, t + " " + b, b + " " + t}
		case b != "":
			texts[c] = []string{b}
		case t != "":
			texts[c] = []string{t}
		}
	}
	m := bindHeaders(sheet, idx, texts)
	m.titleOver = carried
	for c := range n {
		if cellAt(bottom, c) != "" {
			m.subHeaders = true
			if m.unbound[c] {
				m.subHeaders = false
				break
			}
		}
	}
	return m
}

func cellAt(row []string, c int) string {
	if c < 0 || c >= len(row) {
		return ""
	}
	return clean(row[c])
}

// findHeader picks, among the first rows of a sheet, the row (or pair of
// rows) that names the most columns of the sheet; at least two must be
// named, so that a title line is never taken for the header. Ties go to the
// earlier row.
func findHeader(sheet criteria.Sheet, rows [][]string) *columns {
	return findHeaderIn(sheet, headerIndex[sheet], rows)
}

// findHeaderIn is findHeader with the table to match against.
func findHeaderIn(sheet criteria.Sheet, idx headerTable, rows [][]string) *columns {
	key, ok := headerMemoKey(sheet, idx, rows)
	if !ok {
		return weighHeaders(sheet, idx, rows)
	}
	if v, hit := headerMemo.Load(key); hit {
		return v.(*memoHeader).columns()
	}
	cols := weighHeaders(sheet, idx, rows)
	if headerMemoSize.Add(1) <= headerMemoMax {
		headerMemo.Store(key, &memoHeader{cols})
	}
	return (&memoHeader{cols}).columns()
}

// headerMemo holds the header found in each distinct set of candidate
// rows: the workbooks a bloc's units fill in from one template, or one
// program writes, start every sheet with the same rows, and a folder of
// hundreds of them weighed the same candidates in every file, a fifth of
// reading it. weighHeaders depends on nothing but its arguments, and
// the columns it finds are not changed once found (resolve sets fields
// of each caller's own copy), so a copy of the kept result is what
// weighing again would give (TestCompleteHeaderOracle reads every kept
// workbook and a generated folder both ways).
var (
	headerMemo     sync.Map // headerMemoKey → *memoHeader
	headerMemoSize atomic.Int64
	// memoHeaders is switched off by the oracle.
	memoHeaders = true
)

// headerMemoMax bounds headerMemo; headerMemoText bounds the text of the
// rows a key is made of (a window of long data rows is not kept).
const (
	headerMemoMax  = 1 << 12
	headerMemoText = 4 << 10
)

type memoHeader struct{ cols *columns }

// columns is a copy of the kept header for one reader: the struct copied
// (resolve fills its fields), the maps and slices shared, read only.
func (m *memoHeader) columns() *columns {
	if m.cols == nil {
		return nil
	}
	c := *m.cols
	return &c
}

// stableTables are the header tables that live as long as the program —
// the schema's, and those of declared score groups (meetingHeaders) —
// by address: only they name a table in headerMemo's keys, since the
// address of a table that can be freed may come back as another's.
var stableTables sync.Map // uintptr → bool

func stableTable(idx headerTable) headerTable {
	stableTables.Store(reflect.ValueOf(idx).Pointer(), true)
	return idx
}

// headerMemoKey is the key of the candidate rows under a table, ok false
// when they are not to be kept.
func headerMemoKey(sheet criteria.Sheet, idx headerTable, rows [][]string) (string, bool) {
	if !memoHeaders {
		return "", false
	}
	ptr := reflect.ValueOf(idx).Pointer()
	if _, ok := stableTables.Load(ptr); !ok {
		return "", false
	}
	n := 0
	for _, r := range rows {
		for _, v := range r {
			n += len(v) + 1
		}
		n++
	}
	if n > headerMemoText {
		return "", false
	}
	var b strings.Builder
	b.Grow(n + 32)
	b.WriteString(strconv.Itoa(int(sheet)))
	b.WriteByte(0)
	b.WriteString(strconv.FormatUint(uint64(ptr), 16))
	for _, r := range rows {
		b.WriteByte(2)
		for _, v := range r {
			b.WriteByte(1)
			b.WriteString(v)
		}
	}
	return b.String(), true
}

// weighHeaders tries every row of rows as a header, alone and with the
// row under it, and keeps the best.
func weighHeaders(sheet criteria.Sheet, idx headerTable, rows [][]string) *columns {
	var best *columns
	for r := range rows {
		pick := singleHeader(sheet, idx, rows[r])
		pick.headerEnd = r + 1
		// A blank row over the header is no top row of it: read as one,
		// the pair would tie with the header alone and, earlier, keep the
		// two-row header that starts on the next row from winning.
		if r+1 < len(rows) && !blankCells(rows[r]) {
			// Two rows win over one when they name more columns, or as
			// many and the second row is all sub-headers ("Tổng", "Chấm"
			// under a merged "Điểm"), not data, or stands under a title
			// merged over several of its cells (SPEC §4 "Office
			// layouts": a merged title binds the sub-columns).
			d := doubleHeader(sheet, idx, rows[r], rows[r+1])
			d.headerEnd = r + 2
			if len(d.index) > len(pick.index) || (len(d.index) == len(pick.index) && (d.subHeaders || d.titleOver)) {
				pick = d
			}
		}
		if len(pick.index) >= 2 && (best == nil || len(pick.index) > len(best.index)) {
			best = pick
		}
	}
	return best
}

var columnNumber = regexp.MustCompile(`^\(?(\d{1,2}|[a-z])\)?$`)

// isNumberingRow recognises the row of column numbers "(1) (2) (3)…" or
// "A B 1 2…" that Vietnamese administrative forms put under the header.
func isNumberingRow(row []string) bool {
	n := 0
	for _, v := range row {
		k := matchKey(v)
		if k == "" {
			continue
		}
		if !columnNumber.MatchString(k) {
			return false
		}
		n++
	}
	return n >= 2
}

// blankCells reports a row with no text, as written (not yet cleaned).
func blankCells(row []string) bool {
	for _, v := range row {
		if clean(v) != "" {
			return false
		}
	}
	return true
}
