package xlsxscan

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Limits excelize enforces (TotalRows, MaxColumns).
const (
	maxRows = 1048576
	maxCols = 16384
)

// Rows streams a sheet's rows: visit gets the 1-based row number and the
// cells from column A ("" for an empty cell, trailing empty cells left
// out). The sequence is exactly what excelize's Rows iterator yields under
// Options{RawCellValue: true}, counting rows by Next(): rows 1, 2, … up to
// the last <row> element, with an empty (nil) row for each number the
// sheet skips. The slice is valid only until visit returns: Rows reuses
// it for a later row (a new slice per row was a province's largest
// allocation). The strings in it may be kept.
//
// An error wrapping ErrUnsupported (an *UnsupportedError) means the sheet
// holds something this package does not read with certainty; the rows
// visited before it are still exactly excelize's (see UnsupportedError).
// An error from visit is returned as is.
func (b *Book) Rows(sheet string, visit func(row int, cells []string) error) error {
	part, ok := b.sheetPart(sheet)
	if !ok {
		return &UnsupportedError{Part: sheet, Reason: "no such sheet"}
	}
	rc, err := b.parts[part].Open()
	if err != nil {
		return &DefectError{Part: part, Sheet: sheet, Reason: readReason(err)}
	}
	defer rc.Close()
	var src io.Reader = rc
	if b.parts[part].UncompressedSize64 > syncPart {
		ar := newAsyncReader(rc)
		defer ar.stop()
		src = ar
	}
	s := &sheetScan{book: b, part: part, sheet: sheet, visit: visit}
	defer s.release()
	err = s.run(src)
	if errors.Is(err, ErrUnsupported) {
		// Whatever made the scanner stop, excelize would read on: only
		// the checker can say whether it would read faithfully.
		if derr := b.Check(sheet); derr != nil {
			return derr
		}
	}
	return err
}

// Check reads a sheet's part with the checker (check.go): nil when
// excelize reads every cell of it faithfully, else a *DefectError.
func (b *Book) Check(sheet string) error {
	part, ok := b.sheetPart(sheet)
	if !ok {
		return nil
	}
	return checkSheet(b.parts[part], sheet, len(b.sst), b.nXF)
}

type sheetScan struct {
	book  *Book
	part  string
	sheet string
	visit func(int, []string) error
	lx    *lexer

	delivered int      // rows passed to visit
	pending   []string // cells of the row read last, not yet visited
	spare     []string // cells of the row visited last, to reuse
	pendRow   int      // its number; 0 when none
	val       []byte   // scratch for one cell's <v>
	is        []byte   // scratch for one cell's <is>
	text      []byte   // scratch for checking text the fast path skips
	cells     []string // scratch for the fast path's row
	intern    intern
	bufs      [][]byte // pooled lexer buffers, for release
	fastRows  int      // rows the fast path read
	slowPart  bool     // the lexer read some of sheetData (see fast)
}

// errUnsup is the internal signal for "fall back"; run turns it into an
// *UnsupportedError carrying the delivered count.
type errUnsup string

func (e errUnsup) Error() string { return string(e) }

// scanHook, when set (by tests), sees every finished scan.
var scanHook func(s *sheetScan, err error)

// fastPath is switched off by tests that make the lexer read every row,
// to compare the two paths on the same sheets.
var fastPath = true

func (s *sheetScan) run(src io.Reader) (err error) {
	if fastPath {
		err = s.fast(src)
	} else {
		err = s.slow(src)
	}
	if scanHook != nil {
		scanHook(s, err)
	}
	if r, ok := err.(errUnsup); ok {
		return &UnsupportedError{Part: s.part, Delivered: s.delivered, Reason: string(r)}
	}
	return err
}

func (s *sheetScan) fail(reason string) error {
	if s.lx.bad {
		reason += " (XML not accepted)"
	}
	return errUnsup(reason)
}

func (s *sheetScan) emit(row int, cells []string) error {
	for i, v := range cells {
		if CellTooLong(v) {
			return LongCell(s.sheet, row, i+1)
		}
	}
	if err := s.visit(row, cells); err != nil {
		return err
	}
	s.delivered = row
	return nil
}

// scan follows excelize's Rows.Next and Rows.Columns: a <row> element
// anywhere starts a row; excelize reads a row's cells until the next <row>
// or </sheetData>. The scanner accepts only the regular shape — rows as
// children of sheetData with increasing numbers, cells as children of rows
// — in which both readings agree.
func (s *sheetScan) scan() error {
	open, err := s.header()
	if err != nil || !open {
		return err
	}
	if err := s.sheetData(); err != nil {
		return err
	}
	return s.tail(s.lx)
}

// header reads up to <sheetData>; open tells whether the rows follow (the
// current token is then the sheetData start tag).
func (s *sheetScan) header() (open bool, err error) {
	lx := s.lx
	for {
		if !lx.next() {
			if lx.bad {
				return false, s.fail("bad XML before sheetData")
			}
			return false, nil // no sheetData: excelize yields no rows
		}
		t := &lx.tok
		switch t.kind {
		case tokText:
			if !checkText(t.raw) {
				return false, s.fail("bad text")
			}
		case tokCData:
			if !checkCData(t.raw) {
				return false, s.fail("bad CDATA")
			}
		case tokStart:
			switch string(t.local) {
			case "row", "c":
				return false, s.fail("row or cell outside sheetData")
			case "sheetData":
				return !t.selfClose, nil
			}
			// Other elements (worksheet, sheetPr, cols…) are entered:
			// excelize looks at every start tag, at any depth.
		case tokEnd:
			if string(t.local) == "sheetData" {
				return false, nil
			}
		}
	}
}

// sheetData reads the rows; the current token is <sheetData>.
func (s *sheetScan) sheetData() error {
	lx := s.lx
	for lx.next() {
		t := &lx.tok
		switch t.kind {
		case tokText:
			if !checkText(t.raw) {
				return s.fail("bad text")
			}
		case tokCData:
			// excelize would attach it to the row before; harmless but rare.
			return s.fail("CDATA in sheetData")
		case tokEnd:
			// </sheetData>: excelize's Columns stops here with the last row.
			if s.pendRow > 0 {
				return s.emit(s.pendRow, s.pending)
			}
			return nil
		case tokStart:
			if string(t.local) != "row" {
				return s.fail("element <" + string(t.name) + "> in sheetData")
			}
			num, err := s.rowNumber()
			if err != nil {
				return err
			}
			// The previous row is complete only now: in excelize its
			// Columns call reads up to this tag.
			if s.pendRow > 0 {
				if err := s.emit(s.pendRow, s.pending); err != nil {
					return err
				}
			}
			for r := s.delivered + 1; r < num; r++ {
				if err := s.emit(r, nil); err != nil {
					return err
				}
			}
			cells, err := s.row()
			if err != nil {
				return err
			}
			s.pending, s.pendRow = cells, num
		}
	}
	return s.fail("bad XML in sheetData")
}

// rowNumber reads the current <row>'s number as excelize does: the last r
// attribute (any prefix) if not 0, else the previous row's number plus one.
func (s *sheetScan) rowNumber() (int, error) {
	prev := s.pendRow
	if prev == 0 {
		prev = s.delivered
	}
	num := 0
	rest := s.lx.tok.attrs
	for {
		name, val, r, _ := nextAttr(rest)
		if name == nil {
			break
		}
		rest = r
		if local, _ := localName(name); string(local) != "r" {
			continue
		}
		v, ok := decodeText(s.val[:0], val, true)
		if !ok {
			return 0, s.fail("bad row number")
		}
		n, err := strconv.Atoi(string(v))
		if err != nil || n < 1 {
			// excelize reads 0 as "the next row"; no program writes it.
			return 0, s.fail("bad row number")
		}
		num = n
	}
	if num == 0 {
		num = prev + 1
	}
	if num > maxRows {
		return 0, s.fail("row number over the limit")
	}
	if num <= prev {
		// excelize would merge this row's cells into the previous one.
		return 0, s.fail("rows out of order")
	}
	return num, nil
}

// row reads the cells of the current <row> element, as Columns does.
func (s *sheetScan) row() ([]string, error) {
	lx := s.lx
	if lx.tok.selfClose {
		return nil, nil
	}
	var cells []string
	col := 0
	for lx.next() {
		t := &lx.tok
		switch t.kind {
		case tokText:
			if !checkText(t.raw) {
				return nil, s.fail("bad text")
			}
		case tokCData:
			return nil, s.fail("CDATA in row")
		case tokEnd:
			return cells, nil
		case tokStart:
			if string(t.local) != "c" {
				return nil, s.fail("element <" + string(t.name) + "> in row")
			}
			var val string
			var keep bool
			var err error
			col, val, keep, err = s.cell(col)
			if err != nil {
				return nil, err
			}
			if keep {
				// excelize's appendSpace: pad to the column, then
				// append — at the end even if the column is behind.
				for len(cells) < col-1 {
					cells = append(cells, "")
				}
				cells = append(cells, val)
			}
		}
	}
	return nil, s.fail("bad XML in row")
}

// cell reads one <c> (the current token). prevCol is the column of the cell
// before it; excelize counts one on from there unless r says otherwise.
func (s *sheetScan) cell(prevCol int) (col int, val string, keep bool, err error) {
	lx := s.lx
	col = prevCol + 1
	var ref, typ []byte
	rest := lx.tok.attrs
	for {
		name, v, r, _ := nextAttr(rest)
		if name == nil {
			break
		}
		rest = r
		local, _ := localName(name)
		switch string(local) {
		case "r":
			ref = v
		case "s":
			// excelize parses s as an int64 and, failing that, stops
			// reading the cell; only plain digits are taken here.
			if len(v) == 0 || len(v) > 18 || !allDigits(v) || !s.book.styleOK(v) {
				return 0, "", false, s.fail("unusual style index")
			}
		case "t":
			typ = v
		}
	}
	if bytes.IndexByte(ref, '&') >= 0 || bytes.IndexByte(typ, '&') >= 0 || bytes.IndexByte(ref, '\r') >= 0 || bytes.IndexByte(typ, '\r') >= 0 {
		return 0, "", false, s.fail("escaped cell attribute")
	}
	if len(ref) > 0 {
		c, ok := refColumn(ref)
		if !ok {
			return 0, "", false, s.fail("unusual cell reference")
		}
		col = c
	}
	if col <= prevCol {
		// excelize would append it at the end of the row.
		return 0, "", false, s.fail("cell out of order")
	}
	// typ points into the tokenizer's buffer, which reading the children
	// may overwrite: keep only what it means.
	kind := typeOther
	switch string(typ) {
	case "s":
		kind = typeShared
	case "inlineStr":
		kind = typeInline
	}
	if lx.tok.selfClose {
		return col, "", false, nil
	}
	hasF, hasIS := false, false
	s.val = s.val[:0]
	for lx.next() {
		t := &lx.tok
		switch t.kind {
		case tokText:
			if !checkText(t.raw) {
				return 0, "", false, s.fail("bad text")
			}
		case tokCData:
			if !checkCData(t.raw) {
				return 0, "", false, s.fail("bad CDATA")
			}
		case tokEnd:
			val, sh, ok := s.value(kind, hasIS)
			if !ok {
				return 0, "", false, s.fail("unresolvable value")
			}
			keep := s.book.kept(val, sh, hasF)
			if keep && sh < 0 {
				// Taken in only now: whether the cell counts depends on
				// its value as stored.
				val = s.book.own(val)
			}
			return col, val, keep, nil
		case tokStart:
			var ok bool
			switch string(t.local) {
			case "v":
				// A later <v> replaces an earlier one in encoding/xml.
				s.val, ok = lx.text(s.val[:0])
			case "f":
				ok = lx.skip()
				hasF = true
			case "is":
				if hasIS {
					return 0, "", false, s.fail("two <is> in a cell")
				}
				s.is, ok = readSI(lx, s.is[:0])
				hasIS = true
			default:
				// excelize walks unknown children's tokens and would
				// pick up a nested <v>; not worth mirroring.
				return 0, "", false, s.fail("element <" + string(t.name) + "> in cell")
			}
			if !ok {
				return 0, "", false, s.fail("bad cell content")
			}
		}
	}
	return 0, "", false, s.fail("bad XML in cell")
}

// cellType is what a cell's t attribute means with raw values: every type
// but shared and inline strings gives the <v> text as it is.
type cellType uint8

const (
	typeOther cellType = iota
	typeShared
	typeInline
)

// value is excelize's getValueFrom with raw = true; sh is the shared
// string's index, -1 for other values.
func (s *sheetScan) value(kind cellType, hasIS bool) (v string, sh int, ok bool) {
	switch kind {
	case typeShared:
		if len(s.val) == 0 {
			return "", -1, true
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(s.val)))
		if err != nil || n < 0 || n >= len(s.book.sst) || !allDigits(bytes.TrimSpace(s.val)) {
			// excelize reads index 0 for a non-number and treats an
			// out-of-range index as an empty cell: both rare enough.
			return "", -1, false
		}
		return s.book.sst[n], n, true
	case typeInline:
		if hasIS {
			return siString(s.is), -1, true
		}
	}
	return s.str(s.val), -1, true
}

// str turns a value into a string, sharing the strings of small values
// that repeat (codes, flags, dates) instead of allocating each time.
func (s *sheetScan) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 12 {
		return string(b)
	}
	return s.intern.get(b)
}

// intern is a direct-mapped cache of short strings: a slot holds the last
// string whose hash fell there, so a lookup is a hash and a compare.
type intern struct{ slots *[4096]string }

// internSlots are the tables of finished scans, reused: the strings
// they hold were handed out already and never change, so a table may
// start a new sheet full (a fresh 64 KiB table a sheet was a fifth of
// what reading a folder of small workbooks allocated).
var internSlots = sync.Pool{New: func() any { return new([4096]string) }}

func (t *intern) get(b []byte) string {
	if t.slots == nil {
		t.slots = internSlots.Get().(*[4096]string)
	}
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	slot := &t.slots[(h^h>>12)&4095]
	if *slot == string(b) {
		return *slot
	}
	v := string(b)
	*slot = v
	return v
}

// lexBufSize is the buffer of the lexers that read a sheet's header and
// what follows its rows.
const lexBufSize = 16 << 10

// lexBuf is an empty lexer buffer from the pool, handed back by release
// once the scan is over (two fresh 16 KiB buffers a sheet were
// most of what a folder of small workbooks allocated). The lexer only
// reads into it; what it delivers is copied out.
func (s *sheetScan) lexBuf() []byte {
	b := getBuf(lexBufSize)
	s.bufs = append(s.bufs, b)
	return b[:0]
}

// release hands the scan's pooled buffers and table back; Rows calls it
// as the scan ends, when no lexer reads any more.
func (s *sheetScan) release() {
	for _, b := range s.bufs {
		putBuf(b)
	}
	s.bufs = nil
	s.intern.release()
}

// release hands the table back for another scan.
func (t *intern) release() {
	if t.slots != nil {
		internSlots.Put(t.slots)
		t.slots = nil
	}
}

// refColumn reads the column of a plain cell reference (A1 … XFD1048576),
// rejecting what excelize would parse differently or refuse ($, lower case,
// signs) so the caller falls back.
func refColumn(ref []byte) (int, bool) {
	i, col := 0, 0
	for i < len(ref) && 'A' <= ref[i] && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > maxCols {
			return 0, false
		}
	}
	if i == 0 || i == len(ref) || ref[i] < '1' || ref[i] > '9' || len(ref)-i > 7 {
		return 0, false
	}
	row := 0
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		row = row*10 + int(c-'0')
	}
	if row > maxRows {
		return 0, false
	}
	return col, true
}

func allDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// tail checks the rest of the part, after </sheetData>, with the lexer
// that read up to there: excelize's Next keeps looking for <row> start tags
// until the end, and XML that is not well-formed there is as much a defect
// as anywhere else (the checker then says where).
func (s *sheetScan) tail(lx *lexer) error {
	s.lx = lx
	for lx.next() {
		t := &lx.tok
		switch t.kind {
		case tokText:
			if !checkText(t.raw) {
				return s.fail("bad text after sheetData")
			}
		case tokCData:
			if !checkCData(t.raw) {
				return s.fail("bad CDATA after sheetData")
			}
		case tokStart:
			if string(t.local) == "row" || string(t.local) == "c" {
				return s.fail("row after sheetData")
			}
		}
	}
	if lx.bad {
		return s.fail("bad XML after sheetData")
	}
	return nil
}

// asyncReader inflates a part in its own goroutine, so that decompression
// and scanning of one sheet use two cores.
type asyncReader struct {
	full  chan []byte // filled chunks, in order
	empty chan []byte // chunks to reuse
	done  chan struct{}
	buf   []byte // chunk being read, whole
	cur   []byte // its unread part
	err   error
	errc  chan error
}

const (
	chunkSize = 256 << 10
	chunks    = 4
	// syncPart is the largest part inflated on the scanning goroutine:
	// for a sheet that fits one chunk the inflating goroutine, its
	// channels and chunks cost more than the overlap gains (a folder of
	// one-unit workbooks spent a tenth of its reading on them). The size
	// is the one the zip declares; a part that lies about it is still read
	// whole, only without the overlap.
	syncPart = chunkSize
)

func newAsyncReader(r io.Reader) *asyncReader {
	a := &asyncReader{
		full:  make(chan []byte, chunks),
		empty: make(chan []byte, chunks),
		done:  make(chan struct{}),
		errc:  make(chan error, 1),
	}
	for range chunks {
		a.empty <- getBuf(chunkSize)
	}
	go func() {
		defer close(a.full)
		for {
			var buf []byte
			select {
			case buf = <-a.empty:
			case <-a.done:
				return
			}
			n, err := io.ReadFull(r, buf[:cap(buf)])
			if n > 0 {
				select {
				case a.full <- buf[:n]:
				case <-a.done:
					return
				}
			}
			if err != nil {
				if err == io.ErrUnexpectedEOF {
					err = io.EOF
				}
				a.errc <- err
				return
			}
		}
	}()
	return a
}

func (a *asyncReader) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.buf != nil {
			a.empty <- a.buf[:cap(a.buf)]
			a.buf = nil
		}
		buf, ok := <-a.full
		if !ok {
			if a.err == nil {
				a.err = <-a.errc
			}
			return 0, a.err
		}
		a.buf, a.cur = buf, buf
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// stop ends the inflating goroutine; Rows calls it before closing the part.
func (a *asyncReader) stop() {
	close(a.done)
	// The goroutine closes full as it ends: then every chunk is here.
	for buf := range a.full {
		putBuf(buf)
	}
	if a.buf != nil {
		putBuf(a.buf)
	}
	for {
		select {
		case buf := <-a.empty:
			putBuf(buf)
		default:
			return
		}
	}
}

// Buffers of the sizes sheets are read with are reused from one Rows call
// to the next: a workbook's sheets are read one after another, or a few at
// a time.
var bufPools = map[int]*sync.Pool{
	lexBufSize: {New: func() any { return make([]byte, lexBufSize) }},
	chunkSize:  {New: func() any { return make([]byte, chunkSize) }},
	windowSize: {New: func() any { return make([]byte, windowSize) }},
}

func getBuf(size int) []byte { return bufPools[size].Get().([]byte) }

// putBuf returns a buffer got from getBuf; others are dropped.
func putBuf(b []byte) {
	if p, ok := bufPools[cap(b)]; ok {
		p.Put(b[:cap(b)])
	}
}
