// Package workbook reads the Excel workbooks of SPEC §3 into the domain
// model of package criteria, locating every problem it finds by file, sheet
// and cell. It reads the way real office sheets are kept: headers below
// title rows or merged over two rows, names in any case and with or
// without diacritics, abbreviations, decimal commas, dates as serials or
// text.
package workbook

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/internal/xlsxscan"
	"github.com/bontot/bontot/workbook/schema"
	"github.com/xuri/excelize/v2"
)

// Options controls Read.
type Options struct {
	Password string // for encrypted workbooks
	// Year is the evaluation year; 0 infers it as the year most dated rows
	// of Sinh hoạt and Họp cấp ủy fall in.
	Year int
	// Criteria are the criteria in force, as far as reading needs them:
	// the declared score groups (Sinh hoạt's group columns are found by
	// their names and spellings and checked against their maxima), the
	// full-marks gate (which keeps each meeting's group scores),
	// upper_score_gap, the rating bands that turn Điểm xếp loại into a
	// level, and the meeting bands a score sheet's written Xếp loại is
	// compared with. nil reads under criteria.Default().
	Criteria *criteria.Thresholds
	// AsOf is the --as-of date, zero without one. The evaluation year is
	// still Year; AsOf only lets a year mismatch be said in its terms.
	AsOf time.Time
	// Progress, when set, is told after each sheet is read how many of all
	// the workbooks' sheets are done; calls never overlap.
	Progress func(done, total int)
	// Today is the day of the run, from the one clock the command sets
	// (tests fix it): the year assumed when no row is dated. Zero when no
	// row is dated and Year is 0 is an error (errNoToday).
	Today time.Time
	// Books, when set, keeps the workbooks open after the read, for
	// another read of the same inputs (see Books); nil closes them.
	Books *Books
	// History reads the optional Lịch sử sheet (earlier years), as the
	// rules that count streaks need (criteria.Thresholds.HistoryStreaks).
	// Without it the sheet is passed over with a note: rules that do not
	// use it must not have their results depend on its cells.
	History bool
}

// errNoToday: the rows give no year, none was asked for, and the caller
// gave no day of the run to take it from. The command always gives one;
// a caller that does not has made a mistake, not the user.
var errNoToday = errors.New("workbook: no dated row, no Options.Year and no Options.Today to take the evaluation year from")

// criteria is Options.Criteria, or the default criteria when it is nil.
func (o Options) criteria() *criteria.Thresholds {
	if o.Criteria != nil {
		return o.Criteria
	}
	th := criteria.Default()
	return &th
}

// SheetSummary says how many data rows were read from a sheet (blank,
// total and heading rows not counted; rows of other years counted).
type SheetSummary struct {
	Name string // as written in the workbook
	Rows int
}

// FileSummary lists the input sheets found in one workbook, in its order.
type FileSummary struct {
	Path   string
	Sheets []SheetSummary
}

// Result is what Read found.
type Result struct {
	Dataset *criteria.Dataset
	Files   []FileSummary
}

// Read reads files and folders (see Expand) and merges them in the order
// given. Problems with rows are reported in the dataset, and so are the
// files a folder holds but Read leaves out. With several workbooks, one
// that cannot be read at all is an error problem naming it and the others
// are read; when there is only one, or none can be read, Read returns an
// error whose message is one Vietnamese sentence naming the file.
func Read(paths []string, opts Options) (*Result, error) {
	in, err := Expand(paths)
	if err != nil {
		return nil, err
	}
	return ReadInputs(in, opts)
}

// ReadInputs reads what Expand found; see Read.
func ReadInputs(in *Inputs, opts Options) (*Result, error) {
	files := in.Files
	// Three steps, so that rows go straight into their units as they are
	// read instead of waiting in memory for the merge: every workbook's
	// Đơn vị sheet, then the registry of all units (duplicates, parents),
	// then every other sheet, resolved against it. Each step reads the
	// workbooks on their own goroutines; the merge runs in path order, so
	// the output is the same as a sequential run.
	opened := make([]*fileData, len(files))
	defer func() {
		for _, fd := range opened {
			if fd != nil {
				fd.closeBook()
			}
		}
	}()
	errs := make([]error, len(files))
	_ = forEachFile(len(files), func(i int) error {
		opened[i], errs[i] = readUnits(files[i], opts)
		return nil
	})
	// A workbook without a Đơn vị sheet may learn its unit's code or type
	// from another naming the same unit; one that cannot is unreadable.
	resolveOwners(opened, errs)
	for i, fd := range opened {
		// Its unit known, a workbook kept as offices keep it may name its
		// tables as it likes ("Xếp loại ĐV 2025"): they are found by
		// content as in a workbook with a Đơn vị sheet.
		if fd != nil && fd.owner != nil && errs[i] == nil {
			errs[i] = fd.sheetsByContent(opts)
		}
	}
	var read []*fileData
	var front []criteria.Problem // problems of whole files, listed first
	front = append(front, in.Problems...)
	for i, err := range errs {
		if err == nil {
			read = append(read, opened[i])
			continue
		}
		if len(files) == 1 {
			return nil, err
		}
		front = append(front, unreadable(files[i].Name, err))
	}
	if len(read) == 0 {
		if len(files) == 0 {
			return nil, &fileError{path: strings.Join(in.Paths(), ", "), msg: "không có sổ nào để đọc"}
		}
		return nil, noneReadable{first: errs[0], n: len(files)}
	}
	m := newMerger(read)
	m.register()
	if opts.Progress != nil {
		p := &progress{report: opts.Progress}
		for _, fd := range read {
			p.total += len(fd.seq) + len(fd.others)
			if fd.owner == nil {
				p.total-- // Đơn vị is read already
			}
			fd.progress = p
		}
	}
	readRest(read, opts)
	for _, fd := range read {
		if fd.broken == nil {
			continue
		}
		if len(files) == 1 {
			return nil, sheetError(fd.path, fd.broken.sheet, fd.broken.err)
		}
		// Its units are known and other workbooks' rows may name them:
		// they stay, with data errors, rather than vanish.
		fd.failedSheets = fd.failedSheets.With(fd.broken.id)
		p := criteria.Problem{File: fd.base, Sheet: fd.broken.sheet}
		var de *xlsxscan.DefectError
		if errors.As(fd.broken.err, &de) {
			p.Cell = de.Cell
			p = p.Of(criteria.ReadXMLDefect, de.Detail())
		} else {
			p = p.Of(criteria.ReadSheetFailed, fd.broken.err)
		}
		fd.problems = append(fd.problems, p)
	}
	res, err := m.finish(opts)
	if err != nil {
		return nil, err
	}
	if len(front) > 0 {
		res.Dataset.Problems = append(front, res.Dataset.Problems...)
	}
	return res, nil
}

// unreadable is the problem of a workbook that cannot be read at all, in
// a run of several.
func unreadable(name string, err error) criteria.Problem {
	t, msg := criteria.FileUnreadable, err.Error()
	var fe *fileError
	if errors.As(err, &fe) {
		msg = fe.msg
		if fe.kind != nil {
			t = fe.kind
		}
	}
	return criteria.Problem{File: name}.Of(t, msg)
}

// noneReadable is a run of several workbooks none of which can be read.
type noneReadable struct {
	first error
	n     int
}

func (e noneReadable) Error() string {
	return fmt.Sprintf("%v; %d sổ còn lại cũng không đọc được", e.first, e.n-1)
}
func (e noneReadable) Unwrap() error { return e.first }

// progress counts the sheets read across all workbooks for Options.Progress.
type progress struct {
	mu          sync.Mutex
	done, total int
	report      func(done, total int)
}

func (p *progress) step() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.report(p.done, p.total)
}

// forEachFile runs step for every file index, at most GOMAXPROCS at once,
// and returns the error of the first file (in path order) that failed.
func forEachFile(n int, step func(i int) error) error {
	errs := make([]error, n)
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[i] = step(i)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// fileData is everything read from one workbook, before the merge.
type fileData struct {
	book     *book
	books    *Books // keeps book after the read; nil: closed with it
	path     string
	base     string
	date1904 bool
	bands    criteria.RatingBands // for ratings given as points
	sheets   []SheetSummary
	order    map[string]int // sheet name → position in the workbook, to sort problems
	present  criteria.SheetSet
	units    []*definedUnit
	// brokenCodes are codes of Đơn vị rows too broken to define a unit;
	// rows naming them are left out without a second error.
	brokenCodes    []string
	brokenUnitRows int
	rows           []*pendingRow
	problems       []criteria.Problem
	// failedSheets: sheets that could not be read (missing required
	// column), so every unit of this workbook has data errors there.
	failedSheets criteria.SheetSet
	// broken is the first sheet whose XML could not be read.
	broken *brokenSheet

	// Set after Đơn vị is read, for the other sheets.
	found  map[criteria.Sheet]string // input sheet → its name in this workbook
	seq    []criteria.Sheet          // input sheets in workbook order
	others []string                  // sheets of no input role: score sheets or notes
	counts map[criteria.Sheet]int    // data rows per sheet
	single bool                      // one unit: rows may leave Mã đơn vị out
	// owner is the unit taken from the header blocks of a workbook without
	// a Đơn vị sheet (owner.go), nil when a Đơn vị sheet decides.
	owner *owner

	// Set by the merger's register step, read-only while sheets are read.
	reg   *registry
	local map[string]*criteria.Unit // this workbook's units by code key
	own   map[*criteria.Unit]bool   // units defined in this workbook
	names *nameIndex                // and by name key

	// votes counts dated rows of Sinh hoạt and Họp cấp ủy per year, for
	// the evaluation year.
	votes map[int]int

	progress *progress // nil: nobody is told

	meet *meetingRules // the score groups and upper-score rule, shared

	scoreSheets []SheetSummary // the sheets read as score sheets, in workbook order
	blankForms  []string       // score sheets with no score yet

	// The records of the rows read last, gathered for their unit.
	run run

	// The unit the previous row resolved to (nil: not one of this
	// workbook's), and its Mã đơn vị as written.
	lastUnit     *criteria.Unit
	lastUnitText string
}

// forSheet returns a fileData that shares this one's workbook, units and
// settings but collects its own rows and problems, for one sheet read in
// parallel with the others.
func (fd *fileData) forSheet() *fileData {
	sub := *fd
	sub.rows, sub.problems, sub.failedSheets, sub.votes = nil, nil, 0, map[int]int{}
	sub.lastUnit, sub.lastUnitText, sub.run = nil, "", run{}
	sub.scoreSheets, sub.blankForms = nil, nil
	return &sub
}

// readUnits opens one workbook and reads its Đơn vị sheet; the workbook
// stays open for readRest, and the caller closes fd.book.
func readUnits(in Input, opts Options) (*fileData, error) {
	path := in.Path
	b, err := opts.Books.open(path, opts.Password)
	if err != nil {
		return nil, err
	}
	fd := &fileData{book: b, books: opts.Books, path: path, base: in.Name, order: map[string]int{}, date1904: b.date1904,
		counts: map[criteria.Sheet]int{}, votes: map[int]int{}, meet: newMeetingRules(opts),
		bands: opts.criteria().RatingBands}
	if fd.bands == (criteria.RatingBands{}) {
		fd.bands = criteria.Default().RatingBands
	}
	if err := fd.readUnitSheet(opts); err != nil {
		fd.closeBook()
		return nil, err
	}
	return fd, nil
}

// sheetSpecs are the row readers of the input sheets. They take the
// fileData from the row, so that sheets read in parallel each fill their own.
func sheetSpecs(opts Options) map[criteria.Sheet]func(*rowCtx) {
	return map[criteria.Sheet]func(*rowCtx){
		criteria.SheetUnits:          func(c *rowCtx) { c.fd.readUnit(c) },
		criteria.SheetMeetings:       func(c *rowCtx) { c.fd.readMeeting(c) },
		criteria.SheetCommittee:      func(c *rowCtx) { c.fd.readCommittee(c) },
		criteria.SheetMembers:        func(c *rowCtx) { c.fd.readMember(c) },
		criteria.SheetStaff:          func(c *rowCtx) { c.fd.readStaff(c) },
		criteria.SheetMassOrgs:       func(c *rowCtx) { c.fd.readMassOrg(c) },
		criteria.SheetCriteria:       func(c *rowCtx) { c.fd.readCriterion(c) },
		criteria.SheetCases:          func(c *rowCtx) { c.fd.readCase(c) },
		criteria.SheetSelfAssessment: func(c *rowCtx) { c.fd.readSelfItem(c) },
		criteria.SheetHistory:        func(c *rowCtx) { c.fd.readHistory(c) },
	}
}

func (fd *fileData) readUnitSheet(opts Options) error {
	path := fd.path

	// Match the workbook's sheets to the schema's; the first match wins.
	found := map[criteria.Sheet]string{}
	var seq []criteria.Sheet
	for i, name := range fd.book.names {
		fd.order[name] = i + 1
		id, ok := sheetID(name)
		if !ok {
			// A score sheet is known by its table, not its name: every
			// sheet the schema does not name is looked into (readRest),
			// and gets the note of a sheet not read unless it is one.
			if !unknownSheet(name).ok() {
				fd.others = append(fd.others, name)
			}
			continue
		}
		if id == criteria.SheetHistory && !opts.History {
			// The rules do not count streaks (Options.History): the sheet is
			// recognised, not read, so that nothing in it can change a
			// result of rules that do not use it.
			fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name}.Of(criteria.SheetHistoryNotRead))
			continue
		}
		if first, dup := found[id]; dup {
			fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name}.Of(criteria.SheetDuplicate, first, id, first))
			continue
		}
		found[id] = name
		seq = append(seq, id)
	}
	fd.found, fd.seq = found, seq
	unitsName, ok := found[criteria.SheetUnits]
	if !ok {
		// No published form has a Đơn vị sheet: the header blocks say
		// whose workbook it is, or the error says what to write where.
		o, err := fd.findOwner()
		if err != nil {
			return err
		}
		fd.owner = o
		return nil
	}

	specs := sheetSpecs(opts)
	// Đơn vị first, whatever its place: whether the workbook holds one
	// unit decides if the other sheets may leave Mã đơn vị out.
	n, ok, err := fd.readSheet(unitsName, sheetSpec{schema.ByID(criteria.SheetUnits), specs[criteria.SheetUnits]}, true)
	if err != nil {
		return sheetError(path, unitsName, err)
	}
	if !ok {
		msg := "sheet " + quote(unitsName) + " trống, không có đơn vị nào để đánh giá"
		for _, p := range fd.problems {
			if p.Sheet == unitsName && p.Severity == criteria.SeverityError {
				msg = "sheet " + quote(unitsName) + ": " + lowerFirst(p.Message)
			}
		}
		return &fileError{path: path, msg: msg}
	}
	fd.counts[criteria.SheetUnits] = n
	fd.present = fd.present.With(criteria.SheetUnits)
	fd.single = len(fd.units)+fd.brokenUnitRows == 1
	return fd.sheetsByContent(opts)
}

// readRest reads every sheet but Đơn vị of every workbook, after the
// merger has registered the units of all of them, so that each row can go
// to its unit at once. The other sheets only add rows and problems of their
// own, so they are read on every core and merged in workbook order, exactly
// as a sequential read. The cores take the sheets of all workbooks from one
// queue, largest first: a bloc's Sinh hoạt and Đảng viên are the bulk of
// it, and a large sheet taken last would keep one core busy while the
// others wait.
func readRest(files []*fileData, opts Options) {
	specs := sheetSpecs(opts)
	type task struct {
		fi   int // in files
		i    int // in its fd.seq, then in fd.others past its end
		size int64
	}
	var tasks []task
	outs := make([][]sheetOut, len(files))
	for fi, fd := range files {
		outs[fi] = make([]sheetOut, len(fd.seq)+len(fd.others))
		for i, id := range fd.seq {
			if id != criteria.SheetUnits {
				tasks = append(tasks, task{fi, i, fd.book.sheetSize(fd.found[id])})
			}
		}
		for j, name := range fd.others {
			tasks = append(tasks, task{fi, len(fd.seq) + j, fd.book.sheetSize(name)})
		}
	}
	slices.SortStableFunc(tasks, func(a, b task) int { return cmp.Compare(b.size, a.size) })
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for k := int(next.Add(1)) - 1; k < len(tasks); k = int(next.Add(1)) - 1 {
				t := tasks[k]
				fd := files[t.fi]
				sub := fd.forSheet()
				if t.i >= len(fd.seq) {
					ok, n, err := sub.readScoreSheet(fd.others[t.i-len(fd.seq)])
					outs[t.fi][t.i] = sheetOut{sub, n, ok, err}
					fd.progress.step()
					continue
				}
				id := fd.seq[t.i]
				n, ok, err := sub.readSheet(fd.found[id], sheetSpec{schema.ByID(id), specs[id]}, fd.single)
				outs[t.fi][t.i] = sheetOut{sub, n, ok, err}
				fd.progress.step()
			}
		})
	}
	wg.Wait()
	_ = forEachFile(len(files), func(fi int) error {
		files[fi].mergeSheets(outs[fi])
		return nil
	})
}

// sheetOut is what reading one sheet of a workbook gave.
type sheetOut struct {
	sub *fileData
	n   int
	ok  bool
	err error
}

// brokenSheet is a sheet whose XML could not be read.
type brokenSheet struct {
	id    criteria.Sheet
	sheet string
	err   error
}

// mergeSheets adds what its sheets gave to fd, in workbook order; a sheet
// that could not be read is kept in fd.broken for the caller to decide.
func (fd *fileData) mergeSheets(outs []sheetOut) {
	for i, id := range fd.seq {
		if id == criteria.SheetUnits {
			continue
		}
		o := outs[i]
		if o.err != nil {
			if fd.broken == nil {
				fd.broken = &brokenSheet{id, fd.found[id], o.err}
			}
			continue
		}
		fd.counts[id] = o.n
		if o.ok {
			fd.present = fd.present.With(id)
		}
		fd.rows = append(fd.rows, o.sub.rows...)
		fd.problems = append(fd.problems, o.sub.problems...)
		fd.failedSheets |= o.sub.failedSheets
		for y, n := range o.sub.votes {
			fd.votes[y] += n
		}
	}
	for j, name := range fd.others {
		o := outs[len(fd.seq)+j]
		if o.err != nil {
			if fd.broken == nil {
				fd.broken = &brokenSheet{criteria.SheetMeetings, name, o.err}
			}
			continue
		}
		fd.rows = append(fd.rows, o.sub.rows...)
		fd.problems = append(fd.problems, o.sub.problems...)
		for y, n := range o.sub.votes {
			fd.votes[y] += n
		}
		if o.ok {
			// Its meeting is one of Sinh hoạt's: the checks that need
			// meetings read it as recorded.
			fd.present = fd.present.With(criteria.SheetMeetings)
			fd.scoreSheets = append(fd.scoreSheets, SheetSummary{Name: name, Rows: o.n})
			fd.blankForms = append(fd.blankForms, o.sub.blankForms...)
		}
	}
	if n := len(fd.blankForms); n > 0 {
		what, lacks := "Phiếu chấm điểm "+quote(fd.blankForms[0]), "điểm"
		if n > 1 {
			what, lacks = fmt.Sprintf("%d phiếu chấm điểm", n), "điểm ("+strings.Join(fd.blankForms, ", ")+")"
		}
		fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: fd.blankForms[0]}.Of(criteria.ScoresheetBlank, what, lacks))
	}
	for _, id := range fd.seq {
		fd.sheets = append(fd.sheets, SheetSummary{Name: fd.found[id], Rows: fd.counts[id]})
	}
	fd.sheets = append(fd.sheets, fd.scoreSheets...)
	for _, d := range fd.units {
		compact(d.unit) // here, in parallel, rather than in the merge
	}
}

// sheetError is a sheet that cannot be read faithfully: the file is
// damaged, and the whole workbook is refused (see defectAdvice).
func sheetError(path, sheet string, err error) error {
	var de *xlsxscan.DefectError
	if errors.As(err, &de) {
		if de.Sheet == "" {
			de.Sheet = sheet
		}
		return &fileError{path: path, msg: de.Error() + defectAdvice, err: err}
	}
	var fe *fileError
	if errors.As(err, &fe) {
		return err
	}
	msg := fmt.Sprintf("sheet %q bị hỏng, không đọc được", sheet)
	if why, ok := syserr.Cause(err); ok {
		msg += ": " + why
	}
	return &fileError{path: path, msg: msg + defectAdvice, err: err}
}

// defectAdvice ends the sentence of a damaged workbook. A damaged part is
// not something Excel or LibreOffice writes: the file was cut short,
// edited by hand or by a broken program, and any of its parts may be
// wrong, so the workbook is refused whole rather than evaluated on a part
// of its rows; Excel offers to repair such a file when it opens it.
const defectAdvice = "; sổ bị hỏng: hãy mở bằng Excel (đồng ý để Excel sửa nếu được hỏi), kiểm tra chỗ đó, lưu lại rồi chạy lại"

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToLower(string(r[0])))[0]
	}
	return string(r)
}

// sheetNumbering is the "1. ", "02-" some offices put before sheet names
// to keep them in order.
var sheetNumbering = regexp.MustCompile(`^(?:\d{1,2}|[ivx]{1,4})\s*[.\-_):]\s*`)

// sheetID finds which input sheet a workbook sheet is, by name or alias.
func sheetID(name string) (criteria.Sheet, bool) {
	k := sheetNumbering.ReplaceAllString(matchKey(name), "")
	for _, s := range schema.Sheets {
		if matchKey(s.Name) == k {
			return s.ID, true
		}
		for _, a := range s.Aliases {
			if matchKey(a) == k {
				return s.ID, true
			}
		}
	}
	return 0, false
}

// unknownSheet is the note for a sheet that is neither an input sheet nor
// a score sheet (readScoreSheet looks into it first), so that nothing a
// workbook holds is left out without a word, or none for the guide
// sheet of bontot's own template. A name close to an input sheet's gets
// that name suggested: a misspelt "Sinh hoat chi bo 2024" is a likelier
// mistake than a sheet meant to be left out.
func unknownSheet(name string) fault {
	k := sheetNumbering.ReplaceAllString(matchKey(name), "")
	if k == matchKey(schema.GuideSheet) {
		return fault{}
	}
	return faultOf(criteria.SheetNotRead, quote(name), sheetSuggestion(k))
}

// sheetSuggestion is what unknownSheet says after its sentence of a sheet
// whose name (its key k) is close to an input sheet's: that name, as the
// one to give it; "" when none is close.
func sheetSuggestion(k string) string {
	if n := len([]rune(k)); n >= 5 && n <= maxSuggestLen {
		best, bestD := "", -1
		for _, s := range schema.Sheets {
			for _, a := range append([]string{s.Name}, s.Aliases...) {
				if d := editDistance(k, matchKey(a)); bestD < 0 || d < bestD {
					best, bestD = s.Name, d
				}
			}
		}
		if bestD >= 0 && bestD <= max(2, n/3) {
			return "; nếu đây là sheet " + quote(best) + " thì hãy đổi tên sheet cho đúng"
		}
	}
	return ""
}

// located is a problem with the place it sorts by.
type located struct {
	file, sheet, row, col int
	p                     criteria.Problem
}

// merger joins the workbooks in path order: register finds every unit (a
// code defined twice is an error at both places) before the rows are read;
// finish fixes the evaluation year and completes the units.
type merger struct {
	files []*fileData
	ds    *criteria.Dataset
	probs []located
	reg   *registry
	// merged are the declarations of a unit already declared alike in an
	// earlier workbook (SPEC §4 "One unit, several workbooks"): their rows go
	// to the first one's unit.
	merged []mergedUnit
}

// mergedUnit is a unit declared again, alike, in another workbook. Its
// workbook's rows go to its own copy while the sheets are read in
// parallel, and finish moves them to the unit of the first declaration.
type mergedUnit struct {
	fi   int
	d    *definedUnit
	into place
}

func newMerger(files []*fileData) *merger {
	return &merger{
		files: files,
		ds:    &criteria.Dataset{Units: []*criteria.Unit{}, Problems: []criteria.Problem{}},
		reg:   &registry{byCode: map[string]place{}, broken: map[string]bool{}},
	}
}

// add records a problem of file fi with the place it sorts by.
func (m *merger) add(fi int, p criteria.Problem) {
	l := located{file: fi, p: p}
	if p.Sheet != "" {
		l.sheet = m.files[fi].order[p.Sheet]
	}
	if p.Cell != "" {
		if c, r, err := excelize.CellNameToCoordinates(p.Cell); err == nil {
			l.col, l.row = c, r
		}
	}
	m.probs = append(m.probs, l)
}

// register builds the registry of all units and gives each workbook what
// its rows need to find their unit while its other sheets are read.
func (m *merger) register() {
	files, ds, reg, add := m.files, m.ds, m.reg, m.add
	n := 0
	for _, fd := range files {
		n += len(fd.units)
	}
	// Sized once: a province registers thousands of units on one core.
	reg.byCode = make(map[string]place, n)
	reg.codes = make([]string, 0, n)
	ds.Units = make([]*criteria.Unit, 0, n)
	byCode := reg.byCode
	same := newSameness(files)
	for fi, fd := range files {
		for _, c := range fd.brokenCodes {
			reg.broken[c] = true
		}
		for _, d := range fd.units {
			u := d.unit
			k := matchKey(u.Code)
			if first, dup := byCode[k]; dup {
				here := criteria.Problem{File: fd.base, Sheet: u.Source.Sheet(), Cell: d.codeCell, Unit: u.Code}
				there := criteria.Problem{File: files[first.fi].base, Sheet: first.d.unit.Source.Sheet(), Cell: first.d.codeCell, Unit: first.d.unit.Code}
				why, copied := "", false
				if first.fi != fi {
					// One unit kept in two workbooks (the score sheets
					// beside the sổ, the files a chi bộ sends) is one unit.
					why = same.differ(first.d, d)
					if why == "" {
						if sh := sharedTable(files[first.fi], fd); sh != "" {
							why, copied = fmt.Sprintf("cả hai sổ đều có sheet %s nên không gộp được (sổ chép hai lần?); mỗi sheet của một đơn vị chỉ ghi ở một sổ", quote(sh)), true
						}
					}
					if why == "" {
						m.merged = append(m.merged, mergedUnit{fi: fi, d: d, into: first})
						add(fi, criteria.Problem{File: fd.base, Sheet: u.Source.Sheet(), Cell: d.codeCell, Unit: u.Code}.Of(criteria.UnitMerged, u.Code, u.Name, where(there)))
						continue
					}
				}
				markError(u, criteria.SheetUnits)
				markError(first.d.unit, criteria.SheetUnits)
				because := ""
				if copied || (why != "" && (fd.owner != nil || files[first.fi].owner != nil)) {
					// Why they are not one unit, when it is not plain: two
					// Đơn vị rows naming different units keep the sentence.
					because = ": " + why
				}
				add(first.fi, there.Of(criteria.UnitDuplicate, first.d.unit.Code, "được khai báo lại", where(here), because))
				add(fi, here.Of(criteria.UnitDuplicate, u.Code, "đã được khai báo", where(there), because))
			} else {
				byCode[k] = place{fi, d}
			}
			reg.codes = append(reg.codes, u.Code)
			ds.Units = append(ds.Units, u)
		}
	}
	reg.names = &nameIndex{units: ds.Units}

	// A chi bộ trực thuộc names an existing đảng bộ cơ sở, by code (or by
	// its name, as some sheets write it).
	for fi, fd := range files {
		for _, d := range fd.units {
			u := d.unit
			if u.Type != criteria.CellSubordinate || m.isMerged(d) {
				continue
			}
			problem := func(t *criteria.ProblemType, args ...any) {
				markError(u, criteria.SheetUnits)
				add(fi, criteria.Problem{File: fd.base, Sheet: u.Source.Sheet(), Cell: d.parentAt, Unit: u.Code}.Of(t, args...))
			}
			if d.parent == "" {
				problem(criteria.UnitParentMissing)
				continue
			}
			var parent *criteria.Unit
			if p, ok := byCode[matchKey(d.parent)]; ok {
				parent = p.d.unit
			} else if us := reg.names.get(matchKey(d.parent)); len(us) == 1 {
				parent = us[0]
			}
			switch {
			case parent == nil && fd.single:
				// A cell secretary's own workbook holds only the cell: its
				// đảng bộ is in another workbook, or none at hand.
				u.Parent = d.parent
				add(fi, criteria.Problem{File: fd.base, Sheet: u.Source.Sheet(), Cell: d.parentAt, Unit: u.Code}.Of(criteria.UnitParentElsewhere, d.parent))
			// A parent that is no đảng bộ cơ sở is the chi bộ's error, and
			// the code stays as written (SPEC §3): the report shows what
			// the cell says beside the error, not a blank that hides it.
			case parent == nil:
				u.Parent = d.parent
				problem(criteria.UnitParentUnknown, d.parent)
			case parent.Type != criteria.Committee:
				u.Parent = d.parent
				problem(criteria.UnitParentNotCommittee, d.parent, strings.ToLower(parent.Type.Label()))
			default:
				u.Parent = parent.Code
			}
		}
	}

	for _, fd := range files {
		fd.reg = reg
		fd.local = make(map[string]*criteria.Unit, len(fd.units))
		fd.own = make(map[*criteria.Unit]bool, len(fd.units))
		fd.names = &nameIndex{}
		for _, d := range fd.units {
			k := matchKey(d.unit.Code)
			if _, ok := fd.local[k]; !ok {
				fd.local[k] = d.unit
			}
			fd.own[d.unit] = true
			fd.names.units = append(fd.names.units, d.unit)
		}
	}
}

// nameIndex finds units by the matching key of their name, for the rows
// and parents that name a unit instead of giving its code. Those are rare,
// and folding every name (Vietnamese, so the slow path of matchKey) cost a
// province more than the rest of the registry, on one core: the index is
// built on the first lookup. get is safe for concurrent use.
type nameIndex struct {
	units  []*criteria.Unit
	once   sync.Once
	byName map[string][]*criteria.Unit
}

func (n *nameIndex) get(k string) []*criteria.Unit {
	n.once.Do(func() {
		n.byName = make(map[string][]*criteria.Unit, len(n.units))
		for _, u := range n.units {
			nk := matchKey(u.Name)
			n.byName[nk] = append(n.byName[nk], u)
		}
	})
	return n.byName[k]
}

// finish completes the dataset once every sheet is read: file problems,
// the evaluation year, the rows that could not go straight to their unit
// (other workbooks' units, rows with errors), and the rows of other years.
func (m *merger) finish(opts Options) (*Result, error) {
	files, ds, reg, add := m.files, m.ds, m.reg, m.add
	res := &Result{Dataset: ds}
	for fi, fd := range files {
		res.Files = append(res.Files, FileSummary{Path: fd.path, Sheets: fd.sheets})
		for _, p := range fd.problems {
			add(fi, p)
		}
		self, hasSelf := fd.found[criteria.SheetSelfAssessment]
		hasSelf = hasSelf && fd.present.Has(criteria.SheetSelfAssessment)
		for _, d := range fd.units {
			d.unit.Sheets = fd.present
			if hasSelf && d.unit.SelfSheet == nil {
				d.unit.SelfSheet = &criteria.SheetRef{File: fd.base, Sheet: self}
			}
			if fd.failedSheets != 0 {
				d.unit.HasErrors = true
				d.unit.ErrorSheets |= fd.failedSheets
			}
		}
	}

	ds.Year, ds.YearAuto = opts.Year, opts.Year == 0
	var lead []criteria.Problem // first in every report, in this order
	if ds.YearAuto {
		y, ok := inferYear(files)
		if !ok {
			// A template not yet filled in is evaluated for the year it
			// was made for, not the current one.
			for _, fd := range files {
				if ty := templateYear(fd.path); ty != 0 {
					y, ok, ds.YearTemplate = ty, true, true
					break
				}
			}
		}
		if !ok {
			// The reader keeps no clock of its own: the day of the run is
			// the command's (Options.Today), which tests fix.
			if opts.Today.IsZero() {
				return nil, errNoToday
			}
			y, ds.YearNow = opts.Today.Year(), true
			lead = append(lead, criteria.Problem{File: files[0].base}.Of(criteria.YearUnknown, y))
		}
		ds.Year = y
	}
	lead = append(lead, yearMismatches(files, ds.Year, opts.AsOf)...)
	for _, fd := range files {
		if fd.owner != nil {
			lead = append(lead, fd.ownerNote())
		}
	}

	// Rows of other years, per workbook: sheet → year → rows, and the
	// sheets in the order first met.
	type leftOut struct {
		years  map[string]map[int]int
		sheets []string
	}
	outs := make([]leftOut, len(files))
	leaveOutOf := func(fi int) func(sheet string, year int) {
		o := &outs[fi]
		return func(sheet string, year int) {
			if o.years == nil {
				o.years = map[string]map[int]int{}
			}
			ys := o.years[sheet]
			if ys == nil {
				ys = map[int]int{}
				o.years[sheet] = ys
				o.sheets = append(o.sheets, sheet)
			}
			ys[year]++
		}
	}
	// Each workbook's units are its own: their years are fixed in parallel.
	_ = forEachFile(len(files), func(fi int) error {
		leaveOut := leaveOutOf(fi)
		for _, d := range files[fi].units {
			fixYear(d.unit, ds.Year, leaveOut)
		}
		return nil
	})
	for fi, fd := range files {
		leaveOut := leaveOutOf(fi)
		for _, r := range fd.rows {
			u, f := resolveUnit(r, fd, reg)
			code := ""
			if u != nil {
				code = u.Code
			}
			for _, p := range r.problems {
				p.Unit = code
				add(fi, p)
			}
			if !f.ok() {
				add(fi, f.at(criteria.Problem{File: fd.base, Sheet: r.src.Sheet(), Cell: r.unitCell()}))
			}
			if u == nil {
				continue
			}
			if r.failed {
				markError(u, r.sheet)
				continue
			}
			date := r.date.t
			if r.date.noYear {
				date = time.Date(ds.Year, r.date.t.Month(), 1, 0, 0, 0, 0, time.UTC)
			} else if r.date.set && date.Year() != ds.Year {
				leaveOut(r.src.Sheet(), date.Year())
				continue
			}
			u.Sheets = u.Sheets.With(r.sheet)
			if r.add != nil {
				r.add(u, date)
			}
		}
		for _, sh := range outs[fi].sheets {
			add(fi, otherYearNote(outs[fi].years[sh], ds.Year).at(criteria.Problem{File: fd.base, Sheet: sh}))
		}
	}
	m.foldMerged()
	for fi, fd := range files {
		for _, d := range fd.units {
			if m.isMerged(d) {
				continue
			}
			for _, p := range checkHistory(d.unit, ds.Year) {
				add(fi, p)
			}
		}
	}
	m.sameMeetings()
	for _, u := range ds.Units {
		compact(u)
	}

	probs := m.probs
	sort.SliceStable(probs, func(i, j int) bool {
		a, b := probs[i], probs[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.sheet != b.sheet {
			return a.sheet < b.sheet
		}
		if a.row != b.row {
			return a.row < b.row
		}
		return a.col < b.col
	})
	ds.Problems = slices.Grow(ds.Problems, len(lead)+len(probs))
	ds.Problems = append(ds.Problems, lead...)
	for _, l := range probs {
		ds.Problems = append(ds.Problems, l.p)
	}
	return res, nil
}

// yearMismatches are the warnings that stand first in every report when the
// evaluation year leaves out more than half of the dated rows of Sinh hoạt
// and Họp cấp ủy (SPEC §4 "Reading faithfully"): a wrong --year or --as-of
// otherwise makes every unit khong_dat with only a note at the bottom to say
// why. The workbooks are judged together; when they pass together, each of
// several is judged alone, so that a unit's workbook of another year is still
// named.
func yearMismatches(files []*fileData, year int, asOf time.Time) []criteria.Problem {
	total := map[int]int{}
	for _, fd := range files {
		for y, n := range fd.votes {
			total[y] += n
		}
	}
	file := ""
	if len(files) == 1 {
		file = files[0].base
	}
	if p, ok := yearMismatch(total, year, asOf, file); ok {
		return []criteria.Problem{p}
	}
	var out []criteria.Problem
	if len(files) > 1 {
		for _, fd := range files {
			if p, ok := yearMismatch(fd.votes, year, asOf, fd.base); ok {
				out = append(out, p)
			}
		}
	}
	return out
}

// yearMismatch is the warning for one set of dated-row counts per year,
// if the evaluation year leaves out more than half of them.
func yearMismatch(votes map[int]int, year int, asOf time.Time, file string) (criteria.Problem, bool) {
	all := 0
	for _, n := range votes {
		all += n
	}
	in := votes[year]
	if all == 0 || 2*(all-in) <= all {
		return criteria.Problem{}, false
	}
	held := 0 // the year most of these rows fall in
	for y, n := range votes {
		if n > votes[held] || (n == votes[held] && y > held) {
			held = y
		}
	}
	what := fmt.Sprintf("Năm đánh giá %d", year)
	fix := fmt.Sprintf("hãy chạy với --year %d", held)
	if !asOf.IsZero() {
		what = fmt.Sprintf("Ngày --as-of %s thuộc năm %d", asOf.Format("02/01/2006"), year)
		fix = fmt.Sprintf("hãy chạy với --as-of một ngày của năm %d", held)
	}
	p := criteria.Problem{File: file}
	if held != year {
		return p.Of(criteria.YearMismatch, what, "nhưng", votes[held], all, fmt.Sprintf(" thuộc năm %d và bị bỏ qua", held), fix), true
	}
	// The year is the data's likeliest, yet most rows lie elsewhere:
	// dates spread over several years, which no flag puts right.
	return p.Of(criteria.YearMismatch, what, "chỉ gồm", in, all, "", otherYears(votes, year)+"; hãy kiểm tra cột Ngày"), true
}

// otherYears lists the rows of the years other than year: "số còn lại
// thuộc năm 2023 (35 dòng), năm 2025 (25 dòng)".
func otherYears(votes map[int]int, year int) string {
	var ys []int
	for y := range votes {
		if y != year {
			ys = append(ys, y)
		}
	}
	slices.Sort(ys)
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = fmt.Sprintf("năm %d (%d dòng)", y, votes[y])
	}
	return "số còn lại thuộc " + strings.Join(parts, ", ") + " và bị bỏ qua"
}

// markError records that a row of sheet for unit u had an error: the unit
// is loi_du_lieu, and its đảng bộ too when sheet is one the đảng bộ's own
// checks read (criteria.Unit.ErrorSheets).
func markError(u *criteria.Unit, sheet criteria.Sheet) {
	u.HasErrors = true
	u.ErrorSheets = u.ErrorSheets.With(sheet)
}

// place is where a unit is defined: its file and its Đơn vị row.
type place struct {
	fi int
	d  *definedUnit
}

// registry holds every unit of every workbook, for rows to find theirs.
type registry struct {
	byCode map[string]place
	names  *nameIndex      // every unit
	broken map[string]bool // codes of Đơn vị rows too broken to define a unit
	codes  []string        // every code, for suggestions
}

// resolveUnit finds the unit a row belongs to: in a single-unit workbook
// the row may leave the code out; a code is looked up in its own workbook
// first (so a duplicated code still sends each file's rows to its own
// unit), then in the others, and last as a unit name. It returns the fault
// to report when the row belongs to no unit, or none when the row is simply
// left out because its unit's own row in Đơn vị is broken (already reported).
func resolveUnit(r *pendingRow, fd *fileData, reg *registry) (*criteria.Unit, fault) {
	if r.unit == "" {
		switch {
		case len(fd.units) == 1 && fd.brokenUnitRows == 0:
			return fd.units[0].unit, fault{}
		case len(fd.units) == 0 && fd.brokenUnitRows == 1:
			return nil, fault{}
		}
		return nil, faultOf(criteria.CellMissing, "Mã đơn vị", "sổ có nhiều đơn vị nên mỗi dòng phải ghi mã đơn vị")
	}
	k := matchKey(r.unit)
	if u, ok := fd.local[k]; ok {
		return u, fault{}
	}
	if p, ok := reg.byCode[k]; ok {
		return p.d.unit, fault{}
	}
	if us := fd.names.get(k); len(us) == 1 {
		return us[0], fault{}
	}
	if us := reg.names.get(k); len(us) == 1 {
		return us[0], fault{}
	}
	if reg.broken[k] {
		return nil, fault{}
	}
	hint := ""
	if s, ok := closest(r.unit, reg.codes); ok {
		hint = fmt.Sprintf("; có phải %q?", s)
	}
	return nil, faultOf(criteria.UnitUnknown, r.unit, hint)
}

func where(p criteria.Problem) string {
	s := p.File + " › " + p.Sheet
	if p.Cell != "" {
		s += "!" + p.Cell
	}
	return s
}

// otherYearNote counts the rows of other years left out of one sheet.
func otherYearNote(years map[int]int, year int) fault {
	keys := make([]int, 0, len(years))
	total := 0
	for y, n := range years {
		keys = append(keys, y)
		total += n
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, y := range keys {
		parts[i] = fmt.Sprintf("năm %d: %d dòng", y, years[y])
	}
	return faultOf(criteria.YearRowsLeftOut, total, year, strings.Join(parts, "; "))
}

// inferYear is the year most dated rows of Sinh hoạt and Họp cấp ủy fall
// in (SPEC §3); a tie goes to the later year, the one more likely being
// evaluated. Months without a year do not vote.
func inferYear(files []*fileData) (int, bool) {
	votes := map[int]int{}
	for _, fd := range files {
		for y, n := range fd.votes {
			votes[y] += n
		}
	}
	return mostVoted(votes)
}

// mostVoted is the year with the most votes, the later on a tie; false
// when none has any.
func mostVoted(votes map[int]int) (int, bool) {
	best, bestN := 0, 0
	for y, n := range votes {
		if n > bestN || (n == bestN && y > best) {
			best, bestN = y, n
		}
	}
	return best, bestN > 0
}

// fixYear completes the rows that went straight to a unit while its
// workbook was read, now that the evaluation year is known: a month
// written without a year takes it, and a row dated in another year is
// left out and counted (SPEC §3).
func fixYear(u *criteria.Unit, year int, leaveOut func(sheet string, year int)) {
	u.Meetings = slices.DeleteFunc(u.Meetings, func(m criteria.Meeting) bool {
		if m.MonthOnly && m.Date.Year() == noYear {
			return false // takes the year below
		}
		if m.Date.Year() != year {
			leaveOut(m.Source.Sheet(), m.Date.Year())
			return true
		}
		return false
	})
	for i := range u.Meetings {
		if m := &u.Meetings[i]; m.MonthOnly && m.Date.Year() == noYear {
			m.Date = time.Date(year, m.Date.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
	}
	u.CommitteeMeetings = slices.DeleteFunc(u.CommitteeMeetings, func(m criteria.CommitteeMeeting) bool {
		if m.Date.Year() != year {
			leaveOut(m.Source.Sheet(), m.Date.Year())
			return true
		}
		return false
	})
	u.Cases = slices.DeleteFunc(u.Cases, func(c criteria.Case) bool {
		if !c.Date.IsZero() && c.Date.Year() != year { // an undated case stays
			leaveOut(c.Source.Sheet(), c.Date.Year())
			return true
		}
		return false
	})
}

// noYear is the year of a month written without one (rowDate).
const noYear = 1

// compact gives back the room appending left in a unit's row slices: up to
// half of each, a third of a province's model otherwise.
func compact(u *criteria.Unit) {
	u.Meetings = clip(u.Meetings)
	u.CommitteeMeetings = clip(u.CommitteeMeetings)
	u.Members = clip(u.Members)
	u.Staff = clip(u.Staff)
	u.MassOrgs = clip(u.MassOrgs)
	u.Criteria = clip(u.Criteria)
	u.Cases = clip(u.Cases)
	u.SelfAssessment = clip(u.SelfAssessment)
	u.History = clip(u.History)
}

func clip[T any](s []T) []T {
	if cap(s)-len(s) > len(s)/8 {
		return slices.Clone(s)
	}
	return s
}

// place takes a row just read: a row of a unit of this workbook with no
// error goes straight to its unit (its warnings to the problems); any other
// row waits for finish, which knows every workbook's units and the year.
func (fd *fileData) place(pr *pendingRow, rec *record) {
	if pr.date.set && !pr.date.noYear && (pr.sheet == criteria.SheetMeetings || pr.sheet == criteria.SheetCommittee) {
		fd.votes[pr.date.year()]++
	}
	if !pr.hasRec && !pr.failed && len(pr.problems) == 0 {
		return
	}
	if fd.reg != nil && pr.hasRec && !pr.failed {
		u := fd.lastUnit
		if u == nil || pr.unit != fd.lastUnitText {
			// Rows of one unit usually follow each other: resolve once.
			var f fault
			if u, f = resolveUnit(pr, fd, fd.reg); !f.ok() || !fd.own[u] {
				u = nil
			}
			fd.lastUnit, fd.lastUnitText = u, pr.unit
		}
		if u != nil {
			for _, p := range pr.problems {
				p.Unit = u.Code
				fd.problems = append(fd.problems, p)
			}
			fd.run.add(u, pr.sheet, rec, pr.date.t)
			return
		}
	}
	kept := *pr // pr is reused for the sheet's next row
	if kept.hasRec && !kept.failed {
		// A failed row is never added: only a sound one needs its record.
		kept.add = rec.adder(pr.sheet)
	}
	fd.rows = append(fd.rows, &kept)
}
