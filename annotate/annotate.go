// Package annotate writes, for each input workbook, a copy marked where the
// evaluation found it short, for the office to send back to the unit: the
// cells a problem is about and the cells that decide a check not met,
// missing data or still to do are filled by severity and carry an Excel
// comment in Vietnamese, and a first sheet
// "Góp ý" lists every finding per unit and criterion with a link to its
// cell. Everything else of the workbook is kept as it was.
//
// It reads the evaluated criteria.Report and the original workbook; it
// judges nothing. The cells come from the report: a problem's own cell, and
// a check's Cites (sheet, row and the schema key of the deciding column),
// whose column is found under the sheet's header by the spellings of
// workbook/schema.
package annotate

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/bontot/bontot/criteria"
)

// Book is one input workbook: the path to open and the name the report's
// sources and problems give it (criteria.Source.File, Problem.File).
type Book struct {
	Path string
	Name string
}

// CopyName is the name of a workbook's annotated copy, "TÊN-gop-y.xlsx",
// from the workbook's path (a .xlsm copy keeps .xlsx: excelize writes no
// macros back, and a copy is for reading).
func CopyName(path string) string {
	base := path
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if i := strings.LastIndex(base, "."); i > 0 {
		base = base[:i]
	}
	return base + "-gop-y.xlsx"
}

// Level grades a finding; a cell with several findings shows the gravest.
type Level int

// Levels, from the least grave: their fills and borders are in style.go.
const (
	LevelWarning Level = iota // a warning, an item not self-assessed
	LevelToDo                 // còn khả năng: still needed before year-end
	LevelMissing              // thiếu dữ liệu
	LevelNotMet               // không đạt
	LevelError                // a data error: the row was left out
)

// Label is the Vietnamese name of the level, as the legend shows it.
func (l Level) Label() string {
	return [...]string{"Cảnh báo", "Cần làm trước cuối năm", "Thiếu dữ liệu", "Không đạt", "Lỗi dữ liệu"}[l]
}

// levelOf is the level of a check's status; ok is false for a status that
// asks nothing of the unit.
func levelOf(s criteria.Status) (Level, bool) {
	switch s {
	case criteria.NotMet:
		return LevelNotMet, true
	case criteria.MissingData:
		return LevelMissing, true
	case criteria.Reachable:
		return LevelToDo, true
	case criteria.NotAssessed:
		return LevelWarning, true
	}
	return 0, false
}

// finding is one line of Góp ý: a check of a unit or a data problem, with
// the cells of this workbook it rests on.
type finding struct {
	level   Level
	unit    string // unit code; "" for a problem of the whole file
	crit    string // "tc1" … "tc4"; "" for a data problem
	check   string // check or item ID; "" for a data problem
	title   string // the check's title, or "Dữ liệu"
	message string // the evidence sentence
	fix     string // what would fix it; "" when the message says it
	cells   []cellRef
	// elsewhere names the rows it rests on in other workbooks
	// ("so-cb02.xlsx › Sinh hoạt dòng 5"), listed without a link.
	elsewhere []string
	// where says where a finding with no cell belongs: "trang Sinh hoạt",
	// "tháng 3/2024": it stands on Góp ý alone.
	where string
}

// cellRef is one cell of the workbook a finding rests on: a cite to be
// located under its sheet's header, or a problem's cell given as A1.
type cellRef struct {
	sheet string
	row   int    // 0: the sheet as a whole (a score sheet)
	field string // schema column key; "" for the row's first cell
	cell  string // A1 once located
	note  string // what is wrong with this cell
}

// bookPlan is everything one copy shows.
type bookPlan struct {
	units    []*criteria.UnitResult // units with findings here or defined here, in report order
	findings map[string][]*finding  // by unit code; "" for the file's own problems
}

// plan sorts the report's findings into the workbooks they belong to: a
// check goes to the workbook of its unit (its Đơn vị row) and to every
// workbook holding a row it rests on; a problem to its own file.
func plan(rep *criteria.Report) map[string]*bookPlan {
	plans := map[string]*bookPlan{}
	get := func(file string) *bookPlan {
		p := plans[file]
		if p == nil {
			p = &bookPlan{findings: map[string][]*finding{}}
			plans[file] = p
		}
		return p
	}
	seen := map[string]map[string]bool{} // file → unit codes listed
	addUnit := func(file string, ur *criteria.UnitResult) {
		if seen[file] == nil {
			seen[file] = map[string]bool{}
		}
		if !seen[file][ur.Unit.Code] {
			seen[file][ur.Unit.Code] = true
			get(file).units = append(get(file).units, ur)
		}
	}
	byCode := map[string]*criteria.UnitResult{}
	for i := range rep.Units {
		ur := &rep.Units[i]
		byCode[ur.Unit.Code] = ur
		home := ur.Unit.Source.File()
		addUnit(home, ur)
		for _, cr := range ur.Criteria {
			for _, c := range cr.Checks {
				lv, ok := levelOf(c.Status)
				if !ok {
					continue
				}
				// The cites split by workbook; the unit's own always has
				// the check, with or without a cell.
				parts := map[string][]cellRef{home: nil}
				order := []string{home}
				for _, ct := range c.Cites {
					f := ct.Source.File()
					if _, ok := parts[f]; !ok {
						order = append(order, f)
					}
					parts[f] = append(parts[f], cellRef{sheet: ct.Source.Sheet(), row: ct.Source.Row, field: ct.Field, note: ct.Note})
				}
				fix := c.Fix
				if fix == "" && c.Status == criteria.NotMet && len(c.Cites) > 0 {
					// A complaint received, a violation, a negative
					// feedback: the year cannot undo them, only a row
					// written in error can be corrected.
					fix = "không còn khắc phục được trong năm; nếu dòng ghi nhầm, sửa lại theo hồ sơ"
				}
				for _, f := range order {
					fd := &finding{level: lv, unit: ur.Unit.Code, crit: cr.ID, check: c.ID,
						title: criteria.CheckTitle(c.ID), message: c.Message, fix: fix, cells: parts[f]}
					fd.elsewhere = elsewhere(order, parts, f)
					if len(parts[f]) == 0 && len(fd.elsewhere) == 0 {
						fd.where = whereOf(c)
					}
					addUnit(f, ur)
					get(f).findings[ur.Unit.Code] = append(get(f).findings[ur.Unit.Code], fd)
				}
			}
		}
	}
	for _, p := range rep.Problems {
		if p.Severity == criteria.SeverityNote || p.File == "" {
			continue
		}
		lv := LevelWarning
		if p.Severity == criteria.SeverityError {
			lv = LevelError
		}
		fd := &finding{level: lv, unit: p.Unit, title: "Dữ liệu", message: p.Message}
		if p.Sheet != "" && p.Cell != "" {
			fd.cells = []cellRef{{sheet: p.Sheet, cell: p.Cell, note: severityNote(p.Severity)}}
		} else if p.Sheet != "" {
			fd.where = "trang \"" + p.Sheet + "\""
		} else {
			fd.where = "cả sổ"
		}
		key := p.Unit
		if ur := byCode[p.Unit]; ur != nil {
			addUnit(p.File, ur)
		} else {
			key = ""
		}
		get(p.File).findings[key] = append(get(p.File).findings[key], fd)
	}
	// Units in report order (by type, then rank), whatever order their
	// findings arrived in.
	pos := map[string]int{}
	for i := range rep.Units {
		pos[rep.Units[i].Unit.Code] = i
	}
	for _, p := range plans {
		sort.SliceStable(p.units, func(i, j int) bool { return pos[p.units[i].Unit.Code] < pos[p.units[j].Unit.Code] })
	}
	return plans
}

func severityNote(s criteria.Severity) string {
	if s == criteria.SeverityError {
		return "lỗi dữ liệu: dòng này không được tính"
	}
	return "cảnh báo"
}

// whereOf says where a check with no cell belongs, from the sheet it reads
// (criteria.CheckDef.Sheet): a month with no meeting belongs in Sinh hoạt,
// a committee count in Họp cấp ủy, an item not self-assessed in Tự đánh
// giá.
func whereOf(c criteria.CheckResult) string {
	if c.Item {
		return "trang \"" + criteria.SheetSelfAssessment.String() + "\" (thêm dòng cho mục " + c.ID + ")"
	}
	sheet := criteria.SheetUnits
	if d, ok := criteria.CheckDefByID(c.ID); ok {
		sheet = d.Sheet
	}
	return "trang \"" + sheet.String() + "\""
}

// maxElsewhere is how many rows in other workbooks a finding names: a unit
// whose rows come from hundreds of files (the same code in each) would
// otherwise list every row of every other file in every copy.
const maxElsewhere = 10

// elsewhere names the rows a finding rests on outside workbook f.
func elsewhere(order []string, parts map[string][]cellRef, f string) []string {
	var out []string
	more := 0
	for _, g := range order {
		if g == f {
			continue
		}
		for _, r := range parts[g] {
			if len(out) == maxElsewhere {
				more++
				continue
			}
			out = append(out, g+" › "+sourceText(r))
		}
	}
	if more > 0 {
		out = append(out, fmt.Sprintf("và %d dòng khác", more))
	}
	return out
}

// sourceText is "Sinh hoạt dòng 17", or the sheet alone.
func sourceText(r cellRef) string {
	if r.row == 0 {
		return r.sheet
	}
	return r.sheet + " dòng " + strconv.Itoa(r.row)
}
