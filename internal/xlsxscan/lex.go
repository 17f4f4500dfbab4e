package xlsxscan

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/orisano/gosax"
)

// The lexer turns gosax's raw, non-validating events into the tokens
// encoding/xml would produce. It must accept a subset of what encoding/xml
// accepts: excelize stops reading a sheet silently at the first syntax error,
// so a lenient lexer would yield rows excelize never shows. Whatever the
// lexer is unsure about is reported as unsupported, never guessed.

type tokKind uint8

const (
	tokStart tokKind = iota + 1 // start tag; selfClose tells whether an end follows implicitly
	tokEnd
	tokText  // character data, raw (undecoded) in tok.raw
	tokCData // CDATA section content in tok.raw
	tokEOF
)

type token struct {
	kind      tokKind
	name      []byte // qualified name as written
	local     []byte // local part, split as encoding/xml's nsname does
	attrs     []byte // raw attribute text of a start tag
	raw       []byte
	selfClose bool
}

// lexer reads tokens and checks that end tags match start tags, keeping the
// open names in one arena so that pushing a name allocates nothing.
type lexer struct {
	r     *gosax.Reader
	arena []byte
	stack []int // offsets of open names in arena
	tok   token
	bad   bool // set when the input is something encoding/xml might treat differently
	first bool
	eof   bool // the input ended outside markup (possibly too early: see bad)
}

func newLexer(r io.Reader, buf []byte) *lexer {
	lx := &lexer{r: gosax.NewReaderBuf(r, buf[:0]), first: true}
	return lx
}

// depth is the number of open elements.
func (lx *lexer) depth() int { return len(lx.stack) }

// next reads the next token into lx.tok. It returns false at the end of input
// or on anything not accepted; lx.bad tells the two apart.
func (lx *lexer) next() bool {
	for {
		ev, err := lx.r.Event()
		if err != nil {
			if err == io.EOF && len(lx.stack) == 0 {
				lx.tok = token{kind: tokEOF}
				return false
			}
			lx.bad = true
			return false
		}
		b := ev.Bytes
		switch ev.Type() {
		case gosax.EventStart:
			lx.first = false
			if !lx.start(b) {
				lx.bad = true
				return false
			}
			return true
		case gosax.EventEnd:
			lx.first = false
			if !lx.end(b) {
				lx.bad = true
				return false
			}
			return true
		case gosax.EventText:
			lx.tok = token{kind: tokText, raw: b}
			return true
		case gosax.EventCData:
			// b is "<![CDATA[...]]>"; gosax only checked the opener's "<![".
			if !bytes.HasPrefix(b, []byte("<![CDATA[")) {
				lx.bad = true
				return false
			}
			lx.tok = token{kind: tokCData, raw: b[9 : len(b)-3]}
			return true
		case gosax.EventProcessingInstruction:
			// Only the XML declaration, first in the document, is
			// understood; encoding/xml would switch charsets on others.
			if !lx.first || !xmlDeclOK(b) {
				lx.bad = true
				return false
			}
			lx.first = false
			continue
		case gosax.EventEOF:
			lx.eof = true
			if len(lx.stack) != 0 {
				lx.bad = true
				return false
			}
			lx.tok = token{kind: tokEOF}
			return false
		default:
			// Comments and DOCTYPE: encoding/xml checks them in ways
			// not worth mirroring; generators do not write them.
			lx.bad = true
			return false
		}
	}
}

// start parses "<name attrs>" or "<name attrs/>".
func (lx *lexer) start(b []byte) bool {
	body := b[1 : len(b)-1]
	self := false
	if len(body) > 0 && body[len(body)-1] == '/' {
		self = true
		body = body[:len(body)-1]
	}
	n := nameLen(body)
	if n == 0 {
		return false
	}
	name := body[:n]
	local, ok := localName(name)
	if !ok {
		return false
	}
	rest := body[n:]
	if len(rest) > 0 && !isSpace(rest[0]) {
		return false
	}
	if !checkAttrs(rest) {
		return false
	}
	lx.tok = token{kind: tokStart, name: name, local: local, attrs: rest, selfClose: self}
	if !self {
		lx.stack = append(lx.stack, len(lx.arena))
		lx.arena = append(lx.arena, name...)
	}
	return true
}

// end parses "</name>" and checks it closes the innermost open element.
func (lx *lexer) end(b []byte) bool {
	body := b[2 : len(b)-1]
	n := nameLen(body)
	if n == 0 || len(lx.stack) == 0 {
		return false
	}
	for _, c := range body[n:] {
		if !isSpace(c) {
			return false
		}
	}
	name := body[:n]
	top := lx.stack[len(lx.stack)-1]
	if !bytes.Equal(lx.arena[top:], name) {
		return false
	}
	local, ok := localName(name)
	if !ok {
		return false
	}
	lx.stack = lx.stack[:len(lx.stack)-1]
	lx.arena = lx.arena[:top]
	lx.tok = token{kind: tokEnd, name: name, local: local}
	return true
}

// skip consumes the rest of the element whose start tag is the current token,
// checking it is well formed.
func (lx *lexer) skip() bool {
	if lx.tok.selfClose {
		return true
	}
	d := lx.depth()
	for lx.next() {
		switch lx.tok.kind {
		case tokEnd:
			if lx.depth() < d {
				return true
			}
		case tokText, tokCData:
			if !lx.tok.charsOK() {
				lx.bad = true
				return false
			}
		}
	}
	lx.bad = true
	return false
}

// text appends the character data of a simple element (the current start
// token) to dst: text and CDATA, decoded as encoding/xml does. A child
// element inside is reported as unsupported.
func (lx *lexer) text(dst []byte) ([]byte, bool) {
	if lx.tok.selfClose {
		return dst, true
	}
	for lx.next() {
		var ok bool
		switch lx.tok.kind {
		case tokEnd:
			return dst, true
		case tokText:
			dst, ok = decodeText(dst, lx.tok.raw, false)
		case tokCData:
			dst, ok = decodeCData(dst, lx.tok.raw)
		default:
			ok = false
		}
		if !ok {
			lx.bad = true
			return dst, false
		}
	}
	lx.bad = true
	return dst, false
}

func xmlDeclOK(b []byte) bool {
	// "<?xml ...?>": version absent or 1.0; encoding absent or UTF-8.
	if !bytes.HasPrefix(b, []byte("<?xml")) || len(b) < 7 || !isSpace(b[5]) {
		return false
	}
	body := b[5 : len(b)-2]
	for {
		name, val, rest, ok := nextAttr(body)
		if !ok {
			return false
		}
		if name == nil {
			return true
		}
		body = rest
		switch string(name) {
		case "version":
			if string(val) != "1.0" {
				return false
			}
		case "encoding":
			if !bytes.EqualFold(val, []byte("utf-8")) {
				return false
			}
		case "standalone":
		default:
			return false
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nameLen returns the length of the ASCII XML name at the start of b, or 0.
// Non-ASCII names are valid XML but are rejected here to keep the check simple.
func nameLen(b []byte) int {
	if len(b) == 0 || !nameStart[b[0]] {
		return 0
	}
	i := 1
	for i < len(b) && nameByte[b[i]] {
		i++
	}
	if i < len(b) && b[i] >= utf8.RuneSelf {
		return 0
	}
	return i
}

// localName splits a qualified name as encoding/xml's nsname does.
func localName(name []byte) ([]byte, bool) {
	// Names are a few bytes long: a plain loop beats bytes.IndexByte here.
	i := -1
	for j, c := range name {
		if c == ':' {
			if i >= 0 {
				return nil, false
			}
			i = j
		}
	}
	if i < 0 {
		return name, true
	}
	if i == 0 || i == len(name)-1 {
		return name, true
	}
	return name[i+1:], true
}

var nameStart, nameByte [256]bool

func init() {
	for c := 'a'; c <= 'z'; c++ {
		nameStart[c], nameStart[c-'a'+'A'] = true, true
	}
	nameStart['_'], nameStart[':'] = true, true
	nameByte = nameStart
	for c := '0'; c <= '9'; c++ {
		nameByte[c] = true
	}
	nameByte['-'], nameByte['.'] = true, true
	for c := 0x20; c < 0x7f; c++ {
		plain[c] = true
	}
	plain['&'], plain['<'], plain[']'] = false, false, false
	plain['\t'], plain['\n'] = true, true
	attrPlain = plain
	attrPlain[']'] = true
}

// nextAttr parses one `name = "value"` from b. It returns a nil name when b
// holds only white space, and ok=false for anything encoding/xml would
// reject in strict mode (missing or unquoted values, '<' in a value).
func nextAttr(b []byte) (name, val, rest []byte, ok bool) {
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) {
		return nil, nil, nil, true
	}
	if i == 0 {
		return nil, nil, nil, false // attributes must be separated by space
	}
	n := nameLen(b[i:])
	if n == 0 {
		return nil, nil, nil, false
	}
	name = b[i : i+n]
	if _, ok := localName(name); !ok {
		return nil, nil, nil, false
	}
	i += n
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) || b[i] != '=' {
		return nil, nil, nil, false
	}
	i++
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) || (b[i] != '"' && b[i] != '\'') {
		return nil, nil, nil, false
	}
	q := b[i]
	j := bytes.IndexByte(b[i+1:], q)
	if j < 0 {
		return nil, nil, nil, false
	}
	val = b[i+1 : i+1+j]
	return name, val, b[i+2+j:], true
}

// checkAttrs validates every attribute of a start tag.
func checkAttrs(b []byte) bool {
	for {
		name, val, rest, ok := nextAttr(b)
		if !ok {
			return false
		}
		if name == nil {
			return true
		}
		if !checkAttrValue(val) {
			return false
		}
		b = rest
	}
}

// plain marks the bytes that need no decoding or checking in character data.
var plain [256]bool

func checkAttrValue(v []byte) bool {
	for _, c := range v {
		if !plain[c] && c != ']' {
			_, ok := decodeText(nil, v, true)
			return ok
		}
	}
	return true
}

// charsOK reports whether the character data of a text or CDATA token is
// what encoding/xml accepts; other tokens carry none.
func (t *token) charsOK() bool {
	switch t.kind {
	case tokText:
		return checkText(t.raw)
	case tokCData:
		return checkCData(t.raw)
	}
	return true
}

func checkText(raw []byte) bool {
	for _, c := range raw {
		if !plain[c] {
			_, ok := decodeText(nil, raw, false)
			return ok
		}
	}
	return true
}

func checkCData(raw []byte) bool {
	_, ok := decodeCData(nil, raw)
	return ok
}

// decodeText appends raw character data to dst decoded exactly as
// encoding/xml's Decoder.text does in strict mode without custom entities:
// the five predefined entities and numeric references, \r and \r\n folded
// to \n, and every resulting rune checked to be an XML Char. inAttr relaxes
// the "]]>" rule as encoding/xml does for quoted values.
func decodeText(dst, raw []byte, inAttr bool) ([]byte, bool) {
	start := len(dst)
	i := 0
	for i < len(raw) {
		c := raw[i]
		if plain[c] {
			j := i + 1
			for j < len(raw) && plain[raw[j]] {
				j++
			}
			dst = append(dst, raw[i:j]...)
			i = j
			continue
		}
		switch {
		case c == '<':
			return dst, false
		case c == ']':
			dst = append(dst, c)
			i++
		case c == '\r':
			dst = append(dst, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case c == '&':
			var ok bool
			var n int
			dst, n, ok = decodeEntity(dst, raw[i:])
			if !ok {
				return dst, false
			}
			i += n
		default:
			// Control bytes and non-ASCII: copied, checked below.
			dst = append(dst, c)
			i++
		}
	}
	if !inAttr {
		// encoding/xml rejects "]]>" in text, outside CDATA. Entities
		// reset its look-behind, so testing the raw bytes is equivalent.
		if bytes.Contains(raw, []byte("]]>")) {
			return dst, false
		}
	}
	return dst, validChars(dst[start:])
}

// decodeEntity decodes the reference at the start of b ("&...;") the way
// encoding/xml does, returning the bytes consumed.
func decodeEntity(dst, b []byte) ([]byte, int, bool) {
	end := bytes.IndexByte(b, ';')
	if end < 0 || end > 40 {
		return dst, 0, false
	}
	ref := b[1:end]
	if len(ref) > 0 && ref[0] == '#' {
		digits, base := ref[1:], 10
		if len(digits) > 0 && digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 {
			return dst, 0, false
		}
		for _, d := range digits {
			if !('0' <= d && d <= '9' || base == 16 && ('a' <= d && d <= 'f' || 'A' <= d && d <= 'F')) {
				return dst, 0, false
			}
		}
		n, err := strconv.ParseUint(string(digits), base, 64)
		if err != nil || n > utf8.MaxRune {
			return dst, 0, false
		}
		// string(rune(n)) turns surrogates into U+FFFD, as encoding/xml does.
		return utf8.AppendRune(dst, rune(n)), end + 1, true
	}
	switch string(ref) {
	case "lt":
		dst = append(dst, '<')
	case "gt":
		dst = append(dst, '>')
	case "amp":
		dst = append(dst, '&')
	case "apos":
		dst = append(dst, '\'')
	case "quot":
		dst = append(dst, '"')
	default:
		return dst, 0, false
	}
	return dst, end + 1, true
}

// decodeCData appends a CDATA section's content with \r folded.
func decodeCData(dst, raw []byte) ([]byte, bool) {
	start := len(dst)
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\r' {
			dst = append(dst, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		dst = append(dst, c)
	}
	return dst, validChars(dst[start:])
}

// validChars reports whether b is UTF-8 made only of XML Chars.
func validChars(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if !(r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return false
		}
		i += size
	}
	return true
}
