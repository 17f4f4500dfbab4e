package workbook

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
	"github.com/xuri/excelize/v2"
)

// Tables found by what they hold (SPEC §4 "Tables by content"). Offices name
// the sheet of a member list "Danh sách đảng viên", "Xếp loại ĐV 2025" or
// leave it "Sheet1"; what tells the table is its header. A sheet whose name
// is not an input sheet's is a candidate of every table whose required
// columns its header names; the candidates are weighed by the header cells
// only one of them binds, then by the words of the sheet's name and title
// lines. One is taken only when it wins clearly, with a note saying what was
// read as what and from which row; a sheet that fits two tables equally, or
// none, is not read, and its note says so.

// contentTables are the tables a sheet may be found as by content. Đơn vị
// is not one: which units a workbook defines is decided by name or by the
// header block, never by a table that looks like a list of units.
var contentTables = []criteria.Sheet{criteria.SheetMeetings, criteria.SheetCommittee, criteria.SheetMembers,
	criteria.SheetStaff, criteria.SheetMassOrgs, criteria.SheetCriteria, criteria.SheetCases, criteria.SheetSelfAssessment}

// tableWords are the words of a sheet name or title line that name each
// table, in matching-key form.
var tableWords = map[criteria.Sheet][]string{
	criteria.SheetMeetings:       {"sinh hoat chi bo", "sinh hoat"},
	criteria.SheetCommittee:      {"hop cap uy", "hop dang uy", "hoi nghi cap uy", "ban chap hanh"},
	criteria.SheetMembers:        {"dang vien", "dv"},
	criteria.SheetStaff:          {"can bo", "cong chuc", "vien chuc", "cbccvc", "nguoi lao dong"},
	criteria.SheetMassOrgs:       {"doan the", "to chuc chinh tri", "cong doan", "doan thanh nien", "hoi phu nu", "hoi cuu chien binh"},
	criteria.SheetCriteria:       {"tieu chi 528", "tieu chi"},
	criteria.SheetCases:          {"don thu", "vu viec", "khieu nai", "to cao"},
	criteria.SheetSelfAssessment: {"tu danh gia"},
}

// genericKeys are columns many tables share (a name, a note, the unit):
// binding them is no evidence of one table over another.
var genericKeys = map[string]bool{schema.KeyUnit: true, "note": true, "name": true, "rating": true, "points": true}

// contentFit is one table a sheet's header fits.
type contentFit struct {
	id    criteria.Sheet
	cols  *columns
	cells map[int]bool // header cells bound to a column that is evidence
	words string       // the sheet name or title line naming the table, "" without
}

// sheetsByContent looks into every sheet the schema does not name and
// takes it as the table its content wins for. It runs once Đơn vị is
// read, so that a table may leave Mã đơn vị out in a one-unit workbook.
func (fd *fileData) sheetsByContent(opts Options) error {
	var rest []string
	for _, name := range fd.others {
		id, note, err := fd.tableOf(name, opts)
		if err != nil {
			return sheetError(fd.path, name, err)
		}
		if !note.ok() {
			fd.problems = append(fd.problems, note.at(criteria.Problem{File: fd.base, Sheet: name}))
		}
		if id == 0 {
			if note.ok() {
				rest = append(rest, name) // the score-sheet reader looks into it
			}
			continue
		}
		if first, dup := fd.found[id]; dup {
			fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name}.Of(criteria.SheetDuplicate, first, id, first))
			continue
		}
		fd.found[id] = name
		fd.seq = append(fd.seq, id)
	}
	fd.others = rest
	slices.SortStableFunc(fd.seq, func(a, b criteria.Sheet) int { return fd.order[fd.found[a]] - fd.order[fd.found[b]] })
	return nil
}

// tableOf finds the table a sheet holds: its ID and the note saying so,
// or 0 and no note when it fits none (the score-sheet reader looks into it
// next), or 0 and a note when it fits several equally.
func (fd *fileData) tableOf(name string, opts Options) (criteria.Sheet, fault, error) {
	rows, err := fd.headRows(name, anyHeader)
	if err != nil {
		return 0, fault{}, err
	}
	var fits []*contentFit
	for _, id := range contentTables {
		cols := findHeader(id, rows)
		if cols == nil || !fd.missingColumns(schema.ByID(id), cols, fd.single).ok() || !hasRowsBelow(rows, cols) {
			continue
		}
		if !closeEnough(cols) {
			continue
		}
		f := &contentFit{id: id, cols: cols, cells: map[int]bool{}}
		for key, c := range cols.index {
			if !genericKeys[key] {
				f.cells[c] = true
			}
		}
		f.words = namingWords(id, name, rows[:max(cols.headerEnd-1, 0)])
		fits = append(fits, f)
	}
	if len(fits) == 0 {
		return 0, fault{}, nil
	}
	// A fit whose evidence cells another fit binds too, and fewer, loses
	// to it: "Ngày, Loại, Điểm" is a meeting list, not a committee one.
	var kept []*contentFit
	for _, a := range fits {
		beaten := false
		for _, b := range fits {
			if a != b && len(b.cells) > len(a.cells) && subset(a.cells, b.cells) {
				beaten = true
			}
		}
		if !beaten {
			kept = append(kept, a)
		}
	}
	if len(kept) > 1 {
		var named []*contentFit
		for _, f := range kept {
			if f.words != "" {
				named = append(named, f)
			}
		}
		if len(named) == 1 {
			kept = named
		}
	}
	if len(kept) > 1 {
		var what []string
		for _, f := range kept {
			what = append(what, quote(schema.ByID(f.id).Name))
		}
		return 0, faultOf(criteria.SheetTableAmbiguous, quote(name), sheetSuggestion(sheetNumbering.ReplaceAllString(matchKey(name), "")),
			kept[0].cols.headerEnd, strings.Join(what, ", ")), nil
	}
	f := kept[0]
	var heads []string
	for c, h := range f.cols.headers {
		if h != "" && !f.cols.unbound[c] && len(heads) < 4 {
			heads = append(heads, quote(h))
		}
	}
	why := fmt.Sprintf("dòng tiêu đề %d (%s)", f.cols.headerEnd, strings.Join(heads, ", "))
	if f.words != "" {
		why += " và " + f.words
	}
	return f.id, faultOf(criteria.SheetReadByContent, quote(name), quote(schema.ByID(f.id).Name), why), nil
}

// closeEnough reports whether a header is mostly the table's: no more of
// its headed cells left unknown than bound. A year's summary of meeting
// scores ("Kỳ sinh hoạt", "Ngày sinh hoạt", "Chuẩn bị (40 điểm)", "Tổ
// chức (60 điểm)", "Tổng điểm", "Xếp loại") binds a name and a rating of
// Đoàn thể, and is no list of mass organisations: it is left to the
// score-sheet reader, which knows it.
func closeEnough(cols *columns) bool {
	bound, unknown := 0, 0
	for c, h := range cols.headers {
		switch {
		case h == "" || (c < len(cols.sttAt) && cols.sttAt[c]):
		case cols.unbound[c]:
			unknown++
		default:
			bound++
		}
	}
	return unknown <= bound
}

func subset(a, b map[int]bool) bool {
	for c := range a {
		if !b[c] {
			return false
		}
	}
	return true
}

// namingWords is where the sheet's name or a title line names the table:
// `tên sheet "Xếp loại ĐV 2025"` or `tiêu đề "DANH SÁCH …" (ô A3)`.
func namingWords(id criteria.Sheet, name string, titles [][]string) string {
	has := func(text string) bool {
		k := " " + punctKey(matchKey(text)) + " "
		for _, w := range tableWords[id] {
			if strings.Contains(k, " "+w+" ") {
				return true
			}
		}
		return false
	}
	if has(name) {
		return "tên sheet " + quote(name)
	}
	for r, row := range titles {
		for c, v := range row {
			if v = clean(v); v != "" && has(v) {
				return "tiêu đề " + quote(v) + " (ô " + cellName(c, r+1) + ")"
			}
		}
	}
	return ""
}

// anyHeader is every header and alias of the tables found by content,
// for telling a header row from a title line cheaply.
var anyHeader = func() headerTable {
	idx := headerTable{}
	for _, id := range contentTables {
		for k, h := range headerIndex[id] {
			idx[k] = h
		}
	}
	return idx
}()

// headerWindow is how many rows past the first row that may be a header
// the header is looked for: title lines above it are not counted, however
// many, and a table is never cut at a fixed row.
const headerWindow = headerScanRows

// mayBeHeader reports whether a row names at least two columns of idx.
func mayBeHeader(idx headerTable, row []string) bool {
	n := 0
	for _, v := range row {
		if v = clean(v); v == "" || len(v) > 200 {
			continue
		}
		if _, p := idx.match(v); p > 0 {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// errEnough ends headRows' walk.
var errEnough = errors.New("enough")

// headRows reads the rows of a sheet down to headerWindow rows past the
// first that may be a header (two rows of a merged header may each name
// only one column), or the whole sheet when none may be.
func (fd *fileData) headRows(name string, idx headerTable) ([][]string, error) {
	var rows [][]string
	first := -1
	err := fd.book.sheetRows(name, func(r int, cells []string) error {
		rows = append(rows, slices.Clone(cells))
		n := len(rows)
		if first < 0 && (mayBeHeader(idx, cells) || (n >= 2 && mayBeHeader(idx, joinRows(rows[n-2], cells)))) {
			first = n - 1
		}
		if (first >= 0 && n >= first+headerWindow) || (first < 0 && n >= headerWindow && dataLike(cells)) {
			return errEnough
		}
		return nil
	})
	if errors.Is(err, errEnough) {
		err = nil
	}
	return rows, err
}

// joinRows is two header rows side by side, for mayBeHeader.
func joinRows(a, b []string) []string { return append(slices.Clone(a), b...) }

// cellName is the A1 name of a 0-based column in a 1-based row.
func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return ""
	}
	return name
}

// hasRowsBelow reports whether a row below the header holds anything. A
// header alone is no table an office keeps: taken as Sinh hoạt, an empty
// sheet would say "no meeting held" where an absent one says "not
// recorded", so it keeps the note of a sheet not read.
func hasRowsBelow(rows [][]string, cols *columns) bool {
	for _, r := range rows[min(cols.headerEnd, len(rows)):] {
		if !isNumberingRow(r) && !blankRow(cleanRow(r)) {
			return true
		}
	}
	return false
}

func cleanRow(r []string) []string {
	out := make([]string, len(r))
	for i, v := range r {
		out[i] = clean(v)
	}
	return out
}
