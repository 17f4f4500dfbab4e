package report

import (
	"encoding/binary"
	"io"
	"math"
	"math/bits"
	"runtime"
	"strconv"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// Schema identifies the JSON document's shape; scripts may check it. Keys
// may be added under the same schema, never renamed or removed.
const Schema = "bontot/v1"

// JSON writes r as the JSON document of SPEC §5: schema "bontot/v1", units
// in report order (grouped by type, ranked), two-space indent and a final
// newline. Absent values (no parent, no cluster, no rating, no as_of, no
// measured value) are null; lists are never null.
//
// The document is written as it is built, a buffer at a time: a province
// report runs to tens of megabytes, and holding it whole (as
// json.Encoder.Encode does, twice over with indentation) cost more memory
// than evaluating the province. The bytes are those encoding/json writes
// with SetIndent("", "  ") and SetEscapeHTML(false) for the document's
// structs (see jsonDoc in the tests, which checks it); keys come in that
// fixed order, a new key goes in both places.
func JSON(w io.Writer, r *criteria.Report) error {
	j := &jsonWriter{w: w, buf: make([]byte, 0, jsonFlushAt+4096), keys: jsonKeysOf(r)}
	j.raw("{")
	j.key(1, "schema", true)
	j.str(Schema)
	j.key(1, "year", false)
	j.int(r.Year)
	j.key(1, "as_of", false)
	if r.AsOf.IsZero() {
		j.raw("null")
	} else {
		j.str(r.AsOf.Format("2006-01-02"))
	}
	// as_of_today (added for the 2026 review, SPEC §6): as_of is the day
	// of the run, because the year had not ended and no --as-of was given.
	j.key(1, "as_of_today", false)
	j.bool(r.AsOfToday)
	// rules is an added key (SPEC §6): the profile and criteria file that
	// made the result, the file's SHA-256 so that a result can be matched
	// to the exact file.
	j.key(1, "rules", false)
	j.raw("{")
	j.key(2, "profile", true)
	j.nullable(r.Rules.Profile)
	j.key(2, "criteria_file", false)
	j.nullable(r.Rules.CriteriaFile)
	j.key(2, "sha256", false)
	j.nullable(r.Rules.SHA256)
	// chosen_by: what chose the profile, "year", "flag" or "criteria_file".
	j.key(2, "chosen_by", false)
	j.nullable(r.Rules.ChosenBy)
	j.end(1, '}')
	j.key(1, "units", false)
	j.units(r.Units)
	j.key(1, "implementation", false)
	j.array(1, len(r.Implementation), func(i int) {
		im := &r.Implementation[i]
		j.raw("{")
		j.key(3, "id", true)
		j.str(im.ID)
		j.key(3, "unit", false)
		j.nullable(im.Unit)
		j.key(3, "cluster", false)
		j.nullable(im.Cluster)
		j.key(3, "status", false)
		j.str(string(im.Status))
		j.key(3, "message", false)
		j.text(im.Message)
		j.end(2, '}')
	})
	j.key(1, "problems", false)
	j.array(1, len(r.Problems), func(i int) {
		p := &r.Problems[i]
		j.raw("{")
		j.key(3, "code", true)
		j.str(p.Code)
		j.key(3, "severity", false)
		j.str(string(p.Severity))
		j.key(3, "file", false)
		j.nullable(p.File)
		j.key(3, "sheet", false)
		j.nullable(nfc.String(p.Sheet))
		j.key(3, "cell", false)
		j.nullable(p.Cell)
		j.key(3, "unit", false)
		j.nullable(p.Unit)
		j.key(3, "message", false)
		j.text(p.Message)
		j.end(2, '}')
	})
	j.raw("\n}\n")
	return j.flush()
}

// unit writes one unit object at the given depth.
func (j *jsonWriter) unit(d int, ur *criteria.UnitResult) {
	u := ur.Unit
	j.raw("{")
	j.key(d+1, "code", true)
	j.str(u.Code)
	j.key(d+1, "name", false)
	j.text(u.Name)
	j.key(d+1, "type", false)
	j.str(string(u.Type))
	j.key(d+1, "parent", false)
	j.nullable(u.Parent)
	j.key(d+1, "cluster", false)
	j.nullable(nfc.String(u.Cluster))
	j.key(d+1, "pilot", false)
	j.bool(u.Pilot)
	j.key(d+1, "rating", false)
	j.nullable(u.Rating.Code())
	j.key(d+1, "rank", false)
	j.int(ur.Rank)
	j.key(d+1, "verdict", false)
	j.str(string(ur.Verdict))
	j.key(d+1, "commendation", false)
	j.bool(ur.Commendation)
	j.unit2025(d, ur)
	// mean_score is an added key: the mean regular-meeting score used in
	// ranking.
	j.key(d+1, "mean_score", false)
	if ur.HasMeanScore {
		j.number(&ur.MeanScore)
	} else {
		j.raw("null")
	}
	j.key(d+1, "criteria", false)
	j.array(d+1, len(ur.Criteria), func(i int) {
		c := &ur.Criteria[i]
		j.raw("{")
		j.key(d+3, "id", true)
		j.str(c.ID)
		j.key(d+3, "verdict", false)
		j.str(string(c.Verdict))
		j.key(d+3, "checks", false)
		j.array(d+3, len(c.Checks), func(k int) {
			ch := &c.Checks[k]
			j.raw("{")
			j.key(d+5, "id", true)
			j.str(ch.ID)
			j.key(d+5, "status", false)
			j.str(string(ch.Status))
			j.key(d+5, "value", false)
			j.number(ch.Value)
			j.key(d+5, "threshold", false)
			j.number(ch.Threshold)
			j.key(d+5, "message", false)
			j.text(ch.Message)
			j.end(d+4, '}')
		})
		j.end(d+2, '}')
	})
	j.end(d, '}')
}

// jsonFlushAt is the buffered size at which jsonWriter hands its bytes to
// the underlying writer: large enough that a pipe or file sees few writes.
const jsonFlushAt = 64 << 10

// chunkPool holds the buffers windows of units are encoded into (see units).
var chunkPool = sync.Pool{New: func() any { b := make([]byte, 0, jsonFlushAt+16<<10); return &b }}

func getChunk() []byte { return (*chunkPool.Get().(*[]byte))[:0] }

func putChunk(b []byte) {
	if cap(b) <= 2*jsonFlushAt { // one that grew for a huge unit is left to the collector
		chunkPool.Put(&b)
	}
}

// jsonWriter appends indented JSON to a buffer that it flushes to w when
// full, keeping the first write error.
type jsonWriter struct {
	w   io.Writer
	buf []byte
	err error
	// With no w, a window of units encoded on its own core: flush keeps
	// each full buffer in out, for the writer to write in order.
	out [][]byte
	// keys are the unit keys the report's rules add (commend2025.go).
	keys jsonKeys
}

func (j *jsonWriter) flush() error {
	if j.w == nil {
		if len(j.buf) > 0 {
			j.out = append(j.out, j.buf)
			j.buf = getChunk()
		}
		return nil
	}
	if j.err == nil && len(j.buf) > 0 {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
	return j.err
}

func (j *jsonWriter) raw(s string) { j.buf = append(j.buf, s...) }

// newline starts a line indented to depth d (two spaces a level).
func (j *jsonWriter) newline(d int) {
	if 2*d < len(indent) {
		j.buf = append(j.buf, indent[:2*d+1]...)
		return
	}
	j.buf = append(j.buf, '\n')
	for range d {
		j.buf = append(j.buf, ' ', ' ')
	}
}

// indent is a newline and the spaces of the deepest levels the document
// has, sliced by newline instead of appending two spaces a level.
const indent = "\n                "

// key starts a member of an object whose members sit at depth d.
func (j *jsonWriter) key(d int, name string, first bool) {
	if !first {
		j.buf = append(j.buf, ',')
	}
	j.newline(d)
	j.buf = append(j.buf, '"')
	j.buf = append(j.buf, name...)
	j.buf = append(j.buf, '"', ':', ' ')
}

// end closes an object or array opened at depth d.
func (j *jsonWriter) end(d int, c byte) {
	j.newline(d)
	j.buf = append(j.buf, c)
}

// array writes n elements of an array opened at depth d, each by elem at
// depth d+1; an empty array is "[]", as encoding/json writes it. The
// buffer is flushed between elements so that it stays small.
func (j *jsonWriter) array(d, n int, elem func(i int)) {
	if n == 0 {
		j.raw("[]")
		return
	}
	j.buf = append(j.buf, '[')
	for i := range n {
		if i > 0 {
			j.buf = append(j.buf, ',')
		}
		j.newline(d + 1)
		elem(i)
		if len(j.buf) >= jsonFlushAt {
			j.flush()
		}
	}
	j.end(d, ']')
}

// unitWindow is how many units one core encodes at a time in units.
const unitWindow = 256

// units writes the units array, the bulk of a report (a province's is tens
// of megabytes). Windows of units are encoded on every core, each into
// buffers of its own, while the windows already done are written in order:
// the bytes are those of one core doing it all, and memory holds only the
// few windows in flight.
func (j *jsonWriter) units(us []criteria.UnitResult) {
	if len(us) == 0 {
		j.raw("[]")
		return
	}
	j.buf = append(j.buf, '[')
	windows := (len(us) + unitWindow - 1) / unitWindow
	done := make([]chan [][]byte, windows)
	for w := range done {
		done[w] = make(chan [][]byte, 1)
	}
	// Windows are encoded into pooled buffers of the flush size, so that no
	// buffer grows by copying and a few dozen are all a report needs.
	inFlight := make(chan struct{}, runtime.GOMAXPROCS(0)+1)
	go func() {
		for w := range windows {
			inFlight <- struct{}{}
			go func() {
				sub := &jsonWriter{buf: getChunk(), keys: j.keys}
				for i := w * unitWindow; i < min((w+1)*unitWindow, len(us)); i++ {
					if i > 0 {
						sub.buf = append(sub.buf, ',')
					}
					sub.newline(2)
					sub.unit(2, &us[i])
				}
				sub.flush()
				putChunk(sub.buf)
				done[w] <- sub.out
			}()
		}
	}()
	for w := range windows {
		chunks := <-done[w]
		j.flush()
		for _, c := range chunks {
			if j.err == nil {
				_, j.err = j.w.Write(c)
			}
			putChunk(c)
		}
		<-inFlight
	}
	j.end(1, ']')
}

func (j *jsonWriter) int(v int) { j.buf = strconv.AppendInt(j.buf, int64(v), 10) }

func (j *jsonWriter) bool(v bool) { j.buf = strconv.AppendBool(j.buf, v) }

// nullable writes "" as null and any other string as a string.
func (j *jsonWriter) nullable(s string) {
	if s == "" {
		j.raw("null")
		return
	}
	j.str(s)
}

// number writes a float as encoding/json does (ES6 number form: 'f' between
// 1e-6 and 1e21, else 'e' with an unpadded exponent), nil and the NaN and
// ±Inf that JSON cannot hold as null rather than failing the document.
func (j *jsonWriter) number(v *float64) {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		j.raw("null")
		return
	}
	f := *v
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	j.buf = strconv.AppendFloat(j.buf, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json cleans it up.
		b := j.buf
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			j.buf = b[:n-1]
		}
	}
}

const hexDigits = "0123456789abcdef"

// str writes a JSON string escaped as encoding/json does without HTML
// escaping: quote, backslash and control characters escaped, invalid UTF-8
// as \ufffd, and U+2028 and U+2029 escaped for JavaScript's sake.
func (j *jsonWriter) str(s string) { j.escape(s, false) }

// text writes s, text that came from a workbook or was built from it, as a
// JSON string in NFC. The NFC check rides along the escaping pass: a
// province's messages run to tens of megabytes, and a pass of its own over
// them cost as much as the escaping.
func (j *jsonWriter) text(s string) {
	mark := len(j.buf)
	if !j.escape(s, true) {
		j.buf = j.buf[:mark]
		j.escape(norm.NFC.String(s), false)
	}
}

// escape appends s as a JSON string (see str). With nfcOnly it stops and
// reports false at the first character nfc.Stable does not vouch for,
// leaving a partial string in the buffer for text to cut off.
func (j *jsonWriter) escape(s string, nfcOnly bool) bool {
	b := append(j.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			m := special(binary.LittleEndian.Uint64([]byte(s[i : i+8])))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3 // to the first byte that is not plain
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		if n := nfc.Stable(s, i); n > 0 {
			i += n // valid UTF-8 and neither U+2028 nor U+2029: nothing to escape
			continue
		}
		if nfcOnly {
			j.buf = b
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	j.buf = append(b, '"')
	return true
}

// special marks, with its high bit, the first of the eight bytes in x (in
// string order) that needs more than copying into a JSON string: below
// 0x20, a quote, a backslash or non-ASCII; 0 means all eight are plain.
// The tests are the usual "has a zero byte" tricks, with x^k turning the
// bytes equal to k into zeros; bytes after the first marked one may be
// marked wrongly, the first never is.
func special(x uint64) uint64 {
	return (x & highs) | below(x, 0x20) | below(x^(ones*'"'), 1) | below(x^(ones*'\\'), 1)
}

const ones, highs = 0x0101010101010101, 0x8080808080808080

// below marks the bytes of v below n (n ≤ 0x80); see special.
func below(v, n uint64) uint64 { return (v - ones*n) &^ v & highs }
