package xlsxscan

import (
	"bytes"
	"io"

	"github.com/orisano/gosax"
)

// The fast path reads the rows of a sheet straight from the inflated bytes,
// for the regular shape that Excel, excelize and most generators write:
//
//	<row r="N" …><c r="A1" s="…" t="…"><f>…</f><v>…</v></c><c …/>…</row>
//
// with inline strings as <is><t>…</t></is>. It accepts only the exact forms
// it knows — unprefixed element names, no comments, CDATA or rich text,
// plain or decodable text — and checks what it accepts as the lexer would.
// Anything else ends the fast path before the row it is in: the lexer
// (sheetData, row, cell) takes over from there with the state the fast path
// leaves (rows delivered, the row pending) and reads the rest of the sheet,
// so the result is the lexer's whatever the input. The header, up to
// <sheetData>, is always read by the lexer.

// fastStatus is how a fast-path parse ended.
type fastStatus uint8

const (
	fastOK   fastStatus = iota
	fastMore            // the window ends before the construct does
	fastOdd             // a form the fast path leaves to the lexer
	fastLong            // a cell's text runs past maxRawCell: over Excel's limit
)

// maxRawCell bounds the raw bytes of one cell's text on the fast path.
// Excel's 32,767 characters take at most 8 bytes each even written as
// character references (&#65535;), so a text still running after 1 MiB is
// over the limit: it is refused there, before the window grows to hold it
// (a 50 MB cell took seconds and hundreds of megabytes to read whole).
const maxRawCell = 1 << 20

const (
	windowSize = 512 << 10
	maxHeader  = 4 << 20  // the header is searched for <sheetData> this far
	maxWindow  = 64 << 20 // a row longer than this is left to the lexer
)

// window is a sliding view of the sheet's bytes: buf[:w] holds the bytes
// read so far that have not been discarded.
type window struct {
	src io.Reader
	buf []byte
	w   int
	eof bool // src is exhausted (or failed: the lexer sees its error again)
}

// more discards buf[:*p], moves the rest to the front and reads more,
// growing the buffer when a construct fills it. It returns false when no
// more bytes can be had.
func (f *window) more(p *int) bool {
	if f.eof {
		return false
	}
	if *p > 0 {
		f.w = copy(f.buf, f.buf[*p:f.w])
		*p = 0
	}
	if f.w == len(f.buf) {
		if len(f.buf) >= maxWindow {
			return false
		}
		nb := make([]byte, 2*len(f.buf))
		copy(nb, f.buf[:f.w])
		f.buf = nb
	}
	for {
		n, err := f.src.Read(f.buf[f.w:])
		f.w += n
		if err != nil {
			f.eof = true
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// rest is the input from buf[p:] on, for the lexer.
func (f *window) rest(p int) io.Reader {
	return io.MultiReader(bytes.NewReader(f.buf[p:f.w]), f.src)
}

var tagSheetData = []byte("<sheetData>")

// fast reads the sheet from src: the header with the lexer, the rows with
// the fast path as long as it can, the rest with the lexer.
func (s *sheetScan) fast(src io.Reader) error {
	f := &window{src: src, buf: getBuf(windowSize)}
	defer func() { putBuf(f.buf) }()
	// Find the first "<sheetData>" and let the lexer read the header up
	// to and including it: if that tag is the first mention of sheetData
	// and the lexer stops on it, the rows start right after it.
	hdr, from := -1, 0
	for {
		if i := bytes.Index(f.buf[from:f.w], tagSheetData); i >= 0 {
			hdr = from + i
			break
		}
		from = max(0, f.w-len(tagSheetData))
		if f.w >= maxHeader {
			break
		}
		p := 0
		if !f.more(&p) {
			break
		}
	}
	if hdr < 0 || bytes.Index(f.buf[:f.w], tagSheetData[1:]) != hdr+1 {
		return s.slow(f.rest(0))
	}
	p := hdr + len(tagSheetData)
	s.lx = newLexer(bytes.NewReader(f.buf[:p]), s.lexBuf())
	open, err := s.header()
	if err != nil || !open || s.lx.bad || !s.lx.tok.isStart("sheetData") {
		// Not the expected header: read everything with the lexer
		// (nothing has been delivered yet).
		return s.slow(f.rest(0))
	}
	for {
		b := f.buf[p:f.w]
		i := 0
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if len(b)-i < len("</sheetData>") {
			if f.more(&p) {
				continue
			}
			return s.handover(f, p)
		}
		if b[i+1] == 'r' && b[i+2] == 'o' && b[i+3] == 'w' && b[i] == '<' {
			n, st, err := s.fastRow(b[i:])
			if err != nil {
				return err
			}
			switch st {
			case fastOK:
				p += i + n
				continue
			case fastMore:
				if f.more(&p) {
					continue
				}
			}
			return s.handover(f, p)
		}
		if bytes.HasPrefix(b[i:], []byte("</sheetData>")) {
			if s.pendRow > 0 {
				if err := s.emit(s.pendRow, s.pending); err != nil {
					return err
				}
			}
			// The rest with a lexer that knows the elements still open
			// (the header's, but sheetData).
			hl := s.lx
			top := hl.stack[len(hl.stack)-1]
			return s.tail(&lexer{
				r:     gosax.NewReaderBuf(f.rest(p+i+len("</sheetData>")), s.lexBuf()),
				arena: hl.arena[:top],
				stack: hl.stack[:len(hl.stack)-1],
			})
		}
		return s.handover(f, p)
	}
}

func (t *token) isStart(local string) bool {
	return t.kind == tokStart && !t.selfClose && string(t.local) == local
}

// slow reads a whole sheet with the lexer.
func (s *sheetScan) slow(r io.Reader) error {
	s.slowPart = true
	s.lx = newLexer(r, make([]byte, 0, 128<<10))
	return s.scan()
}

// handover lets the lexer read the sheet from buf[p:], a point between rows
// inside sheetData, keeping the elements the header opened.
func (s *sheetScan) handover(f *window, p int) error {
	s.slowPart = true
	hl := s.lx
	s.lx = &lexer{
		r:     gosax.NewReaderBuf(f.rest(p), make([]byte, 0, 128<<10)),
		arena: hl.arena,
		stack: hl.stack,
	}
	if err := s.sheetData(); err != nil {
		return err
	}
	return s.tail(s.lx)
}

// fastRow reads one <row> element at the start of b and, if it is in the
// fast path's shape, delivers the row pending before it and makes it
// pending. It returns the bytes consumed. Nothing is delivered unless the
// whole row is read.
func (s *sheetScan) fastRow(b []byte) (int, fastStatus, error) {
	if len(b) < 5 {
		return 0, fastMore, nil
	}
	if c := b[4]; !isSpace(c) && c != '>' && c != '/' {
		return 0, fastOdd, nil
	}
	var a tagAttrs
	i, self, st := a.read(b, 4)
	if st != fastOK {
		return 0, st, nil
	}
	prev := s.pendRow
	if prev == 0 {
		prev = s.delivered
	}
	num := 0
	if a.r != nil {
		if a.oddR {
			return 0, fastOdd, nil
		}
		for _, c := range a.r {
			num = num*10 + int(c-'0')
		}
		if num == 0 {
			return 0, fastOdd, nil
		}
	}
	if num == 0 {
		num = prev + 1
	}
	if num > maxRows || num <= prev {
		return 0, fastOdd, nil
	}
	var cells []string
	if !self {
		s.cells = s.cells[:0]
		col := 0
		for {
			for i < len(b) && isSpace(b[i]) {
				i++
			}
			if len(b)-i < len("</row>") {
				return 0, fastMore, nil
			}
			if b[i] != '<' {
				return 0, fastOdd, nil
			}
			if b[i+1] == 'c' {
				if c := b[i+2]; !isSpace(c) && c != '>' && c != '/' {
					return 0, fastOdd, nil
				}
				n, st := s.fastCell(b[i:], &col)
				if st == fastLong {
					return 0, fastOK, LongCell(s.sheet, num, col)
				}
				if st != fastOK {
					return 0, st, nil
				}
				i += n
				continue
			}
			if string(b[i:i+6]) == "</row>" {
				i += 6
				break
			}
			return 0, fastOdd, nil
		}
		if len(s.cells) > 0 {
			// Into spare, which never shares storage with pending: visit
			// is done with whatever row last used it.
			cells = append(s.spare[:0], s.cells...)
		}
	}
	// As in sheetData: the pending row is complete now.
	if s.pendRow > 0 {
		if err := s.emit(s.pendRow, s.pending); err != nil {
			return 0, fastOK, err
		}
	}
	if cells != nil {
		// cells took spare's storage; the row just visited frees its own.
		// A cell-less row takes nothing, so spare stays as it was: handing
		// it the visited row's storage would leave a row after it written
		// into the storage of the one still pending (the row-buffer bug).
		s.spare = s.pending
	}
	for r := s.delivered + 1; r < num; r++ {
		if err := s.emit(r, nil); err != nil {
			return 0, fastOK, err
		}
	}
	s.pending, s.pendRow = cells, num
	s.fastRows++
	return i, fastOK, nil
}

// fastCell reads one <c> element at the start of b, whose column follows
// *col unless its reference says otherwise, and appends its value to
// s.cells as excelize's appendSpace does.
func (s *sheetScan) fastCell(b []byte, col *int) (int, fastStatus) {
	var a tagAttrs
	i, self, st := a.readShort(b, 2)
	if st != fastOK {
		return 0, st
	}
	c := *col + 1
	if len(a.r) > 0 {
		var ok bool
		if c, ok = refColumn(a.r); !ok {
			return 0, fastOdd
		}
	}
	if c <= *col || (a.s != nil && !s.book.styleOK(a.s)) {
		// A cell behind the one before (excelize would append it at the
		// end of the row) or a style the workbook does not have.
		return 0, fastOdd
	}
	*col = c
	if self {
		return i, fastOK
	}
	kind := typeOther
	switch string(a.t) {
	case "s":
		kind = typeShared
	case "inlineStr":
		kind = typeInline
	}
	var v, is []byte // the last <v>'s text and the <is> text, decoded
	hasF, hasIS := false, false
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if len(b)-i < len("</c>") {
			return 0, fastMore
		}
		if b[i] != '<' {
			return 0, fastOdd
		}
		switch b[i+1] {
		case '/':
			if b[i+2] != 'c' || b[i+3] != '>' {
				return 0, fastOdd
			}
			i += 4
			var val string
			sh := -1 // the shared string's index
			switch {
			case kind == typeShared:
				if len(v) > 0 {
					if len(v) > 9 || !allDigits(v) {
						return 0, fastOdd
					}
					n := 0
					for _, d := range v {
						n = n*10 + int(d-'0')
					}
					if n >= len(s.book.sst) {
						return 0, fastOdd
					}
					val, sh = s.book.sst[n], n
				}
			case kind == typeInline && hasIS:
				val = siString(is)
			default:
				val = s.str(v)
			}
			if s.book.kept(val, sh, hasF) {
				for len(s.cells) < c-1 {
					s.cells = append(s.cells, "")
				}
				if sh < 0 {
					// Taken in only now: whether the cell counts depends
					// on its value as stored.
					val = s.book.own(val)
				}
				s.cells = append(s.cells, val)
			}
			return i, fastOK
		case 'v':
			switch b[i+2] {
			case '>':
				raw, n, isPlain, st := fastText(b[i+3:], "</v>")
				if st != fastOK {
					return 0, st
				}
				if v = raw; !isPlain {
					var ok bool
					if s.val, ok = decodeText(s.val[:0], raw, false); !ok {
						return 0, fastOdd
					}
					v = s.val
				}
				i += 3 + n
			case '/':
				if b[i+3] != '>' {
					return 0, fastOdd
				}
				v = nil
				i += 4
			default:
				return 0, fastOdd
			}
		case 'f':
			if c := b[i+2]; !isSpace(c) && c != '>' && c != '/' {
				return 0, fastOdd
			}
			var fa tagAttrs
			n, self, st := fa.read(b[i:], 2)
			if st != fastOK {
				return 0, st
			}
			i += n
			hasF = true
			if self {
				continue
			}
			raw, n, isPlain, st := fastText(b[i:], "</f>")
			if st != fastOK {
				return 0, st
			}
			if !isPlain {
				var ok bool
				if s.text, ok = decodeText(s.text[:0], raw, false); !ok {
					return 0, fastOdd
				}
			}
			i += n
		case 'i':
			if hasIS || b[i+2] != 's' {
				return 0, fastOdd
			}
			hasIS = true
			if b[i+3] == '/' {
				if len(b)-i < 5 {
					return 0, fastMore
				}
				if b[i+4] != '>' {
					return 0, fastOdd
				}
				i += 5
				continue
			}
			if b[i+3] != '>' {
				return 0, fastOdd
			}
			text, n, st := s.fastIS(b[i+4:])
			if st != fastOK {
				return 0, st
			}
			is = text
			i += 4 + n
		default:
			return 0, fastOdd
		}
	}
}

// fastIS reads the content of an <is> made of <t> elements only, up to and
// including </is>, and returns the last <t>'s text as readSI does.
func (s *sheetScan) fastIS(b []byte) ([]byte, int, fastStatus) {
	var text []byte
	i := 0
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if len(b)-i < len("</is>") {
			return nil, 0, fastMore
		}
		if b[i] != '<' {
			return nil, 0, fastOdd
		}
		if string(b[i:i+5]) == "</is>" {
			return text, i + 5, fastOK
		}
		if b[i+1] != 't' {
			return nil, 0, fastOdd
		}
		if c := b[i+2]; !isSpace(c) && c != '>' && c != '/' {
			return nil, 0, fastOdd
		}
		var a tagAttrs
		n, self, st := a.read(b[i:], 2)
		if st != fastOK {
			return nil, 0, st
		}
		i += n
		text = nil
		if self {
			continue
		}
		raw, n, isPlain, st := fastText(b[i:], "</t>")
		if st != fastOK {
			return nil, 0, st
		}
		if text = raw; !isPlain {
			var ok bool
			if s.is, ok = decodeText(s.is[:0], raw, false); !ok {
				return nil, 0, fastOdd
			}
			text = s.is
		}
		i += n
	}
}

// fastText finds the character data at the start of b and the end tag
// after it; it returns the raw text, the bytes consumed (end tag included)
// and whether the text is plain (needs no decoding or checking). Any markup
// inside (child elements, CDATA, comments) is odd.
func fastText(b []byte, end string) ([]byte, int, bool, fastStatus) {
	j := 0
	for j < len(b) && plain[b[j]] {
		j++
	}
	isPlain := true
	if j < len(b) && b[j] != '<' {
		isPlain = false
		k := bytes.IndexByte(b[j:], '<')
		if k < 0 {
			return nil, 0, false, moreOrLong(b)
		}
		j += k
	}
	if len(b)-j < len(end) {
		return nil, 0, false, moreOrLong(b)
	}
	if string(b[j:j+len(end)]) != end {
		return nil, 0, false, fastOdd
	}
	return b[:j], j + len(end), isPlain, fastOK
}

// moreOrLong is what a text that the window cuts short means: more bytes
// are needed, unless the text is already longer than any cell can be.
func moreOrLong(b []byte) fastStatus {
	if len(b) > maxRawCell {
		return fastLong
	}
	return fastMore
}

// tagAttrs holds the values of a start tag's r, s and t attributes (by
// local name, the last of each, nil when absent).
type tagAttrs struct {
	r, s, t []byte
	oddR    bool // some r is not the number of a row (rowNumber reads every r)
}

// read parses the attributes of the start tag at the start of b from b[i:]
// on, up to and including its '>' or "/>", checking them as the lexer's
// checkAttrs does. Values of r, s and t must be plain; an s must be
// digits, as sheetScan.cell requires.
func (a *tagAttrs) read(b []byte, i int) (int, bool, fastStatus) {
	for {
		if i >= len(b) {
			return 0, false, fastMore
		}
		switch c := b[i]; {
		case c == '>':
			return i + 1, false, fastOK
		case c == '/':
			if i+1 >= len(b) {
				return 0, false, fastMore
			}
			if b[i+1] != '>' {
				return 0, false, fastOdd
			}
			return i + 2, true, fastOK
		case !isSpace(c):
			return 0, false, fastOdd
		}
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return 0, false, fastMore
		}
		if c := b[i]; c == '>' || c == '/' {
			continue
		}
		// name, as nameLen and localName see it
		if !nameStart[b[i]] {
			return 0, false, fastOdd
		}
		start, colon := i, -1
		for i++; i < len(b) && nameByte[b[i]]; i++ {
			if b[i] == ':' {
				if colon >= 0 {
					return 0, false, fastOdd
				}
				colon = i
			}
		}
		if b[start] == ':' {
			if colon >= 0 {
				return 0, false, fastOdd
			}
			colon = start
		}
		if i >= len(b) {
			return 0, false, fastMore
		}
		if b[i] >= 0x80 {
			return 0, false, fastOdd
		}
		name := b[start:i]
		if colon > start && colon < i-1 {
			name = b[colon+1 : i]
		}
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return 0, false, fastMore
		}
		if b[i] != '=' {
			return 0, false, fastOdd
		}
		i++
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return 0, false, fastMore
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return 0, false, fastOdd
		}
		j := bytes.IndexByte(b[i+1:], q)
		if j < 0 {
			return 0, false, fastMore
		}
		val := b[i+1 : i+1+j]
		i += j + 2
		isPlain := true
		for _, c := range val {
			if !attrPlain[c] {
				isPlain = false
				break
			}
		}
		if len(name) == 1 {
			known, ok := a.set(name[0], val)
			if !ok || (known && !isPlain) || (!known && !isPlain && !checkAttrValue(val)) {
				return 0, false, fastOdd
			}
			continue
		}
		if !isPlain && !checkAttrValue(val) {
			return 0, false, fastOdd
		}
	}
}

// set records a one-letter attribute of a cell: r, s and t are kept (an
// s that is not a plain style number is not ok); known says whether it was
// one of them.
func (a *tagAttrs) set(name byte, val []byte) (known, ok bool) {
	switch name {
	case 'r':
		a.r = val
		if len(val) == 0 || len(val) > 7 || !allDigits(val) {
			a.oddR = true
		}
	case 's':
		if len(val) == 0 || len(val) > 18 || !allDigits(val) {
			return true, false
		}
		a.s = val
	case 't':
		a.t = val
	default:
		return false, true
	}
	return true, true
}

// readShort is read for the common case of one-letter attribute names
// written name="value" with plain values; it hands any other form to read.
func (a *tagAttrs) readShort(b []byte, i int) (int, bool, fastStatus) {
	for {
		if len(b)-i < 5 {
			return a.read(b, i)
		}
		switch b[i] {
		case '>':
			return i + 1, false, fastOK
		case '/':
			if b[i+1] != '>' {
				return 0, false, fastOdd
			}
			return i + 2, true, fastOK
		case ' ':
		default:
			return a.read(b, i)
		}
		name := b[i+1]
		if b[i+2] != '=' || b[i+3] != '"' || !nameStart[name] || name == ':' {
			return a.read(b, i)
		}
		j := i + 4
		for j < len(b) && attrPlain[b[j]] && b[j] != '"' {
			j++
		}
		if j >= len(b) || b[j] != '"' {
			return a.read(b, i)
		}
		if _, ok := a.set(name, b[i+4:j]); !ok {
			return 0, false, fastOdd
		}
		i = j + 1
	}
}

// attrPlain marks the bytes that need no checking in attribute values
// (set with plain, in lex.go's init).
var attrPlain [256]bool
