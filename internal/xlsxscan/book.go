// Package xlsxscan reads the cells of .xlsx worksheets fast, yielding exactly
// what excelize's Rows iterator yields with Options{RawCellValue: true}.
//
// excelize decodes worksheets with encoding/xml, one token (and several
// allocations) at a time. This package reads the rows of the regular shape
// that Excel, excelize and most generators write straight from the inflated
// bytes (fast.go), and everything else with a small streaming tokenizer
// (github.com/orisano/gosax, lex.go) and a state machine that mirrors
// excelize's Rows/Columns step by step, quirks included (sheet.go); the
// byte scanner hands the rest of a sheet to the tokenizer at the first row
// it does not recognise. Shared strings are read the same way. It only
// accepts input whose meaning it is sure of: anything else — a construct it
// does not know, XML that encoding/xml would reject, a file excelize would
// read through a different code path — is reported as ErrUnsupported so
// that the caller reads the sheet with excelize instead. It never guesses.
//
// Values are raw, as excelize gives them with RawCellValue: numbers and
// dates are the literal text of <v> (dates are serials in the workbook's
// date system, see Book.Date1904), booleans "0"/"1", errors their code.
package xlsxscan

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	kflate "github.com/klauspost/compress/flate"
)

// ErrUnsupported reports input this package does not read with certainty.
// The caller reads the workbook or sheet with excelize instead.
var ErrUnsupported = errors.New("xlsxscan: unsupported input")

// UnsupportedError is the error Rows returns for a sheet it cannot finish.
// Rows visits a row only once it is sure excelize yields the same row, so
// the Delivered rows already visited are exactly excelize's first rows: a
// caller may continue with excelize from row Delivered+1, or start over.
type UnsupportedError struct {
	Part      string // zip part being read
	Delivered int    // rows already passed to visit
	Reason    string
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("xlsxscan: %s: %s (after %d rows)", e.Part, e.Reason, e.Delivered)
}

// Is makes errors.Is(err, ErrUnsupported) true.
func (e *UnsupportedError) Is(target error) bool { return target == ErrUnsupported }

func unsupported(part, reason string) error {
	return &UnsupportedError{Part: part, Reason: reason}
}

// Book is an opened .xlsx zip for fast cell reading. A Book is not safe for
// concurrent Rows calls on the same sheet, but different goroutines may read
// different sheets at once.
type Book struct {
	zr       *zip.Reader
	closer   io.Closer            // the file, when read from it (nil: held in memory)
	parts    map[string]*zip.File // as excelize names them: '\' turned to '/'
	names    []string             // sheets in workbook order
	sheets   map[string]string    // sheet name → worksheet part, when the part exists
	sst      []string
	date1904 bool
	nXF      int // cell formats in the styles part; -1: no styles part

	text func(string) string // see SetText; nil: values as stored
	// blank holds the shared strings that text turned into "" from
	// something: a cell holding one still counts, as it did before.
	blank map[int]bool
}

const (
	nsRelOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	partSharedStrings   = "xl/sharedStrings.xml"
	strictMarker        = "purl.oclc.org" // strict OOXML, which excelize rewrites byte-wise
)

// Open opens the zip, maps sheet names to worksheet parts the way excelize
// does and reads the shared strings. Any failure — not a zip (an encrypted
// workbook is an OLE file), strict OOXML, unexpected shared strings —
// wraps ErrUnsupported: excelize may still read the file.
func Open(name string) (*Book, error) {
	zr, closer, err := openZip(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	return OpenZip(zr, closer)
}

// OpenZip is Open for a zip read already (ReadZip); closer, when not nil,
// is what the zip reads from: the Book closes it, on failure too.
func OpenZip(zr *zip.Reader, closer io.Closer) (*Book, error) {
	done := false
	defer func() {
		if !done && closer != nil {
			closer.Close()
		}
	}()
	// Inflating is a fifth of reading a workbook; klauspost's inflater does
	// it about a fifth faster than compress/flate, to the same bytes (zip
	// still checks every part's CRC-32).
	zr.RegisterDecompressor(zip.Deflate, newInflater)
	if name := DuplicatePart(zr.File); name != "" {
		return nil, duplicateDefect(name)
	}
	b := &Book{zr: zr, closer: closer, parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, "\\", "/")
		if strings.EqualFold(n, partSharedStrings) {
			// excelize maps any case of this name to the canonical one.
			n = partSharedStrings
		}
		b.parts[n] = f
	}
	if err := b.readWorkbook(); err != nil {
		return nil, err
	}
	if err := b.readSharedStrings(); err != nil {
		return nil, err
	}
	n, err := styleCount(b.partFold("xl/styles.xml"))
	if err != nil {
		return nil, err
	}
	b.nXF = n
	done = true
	return b, nil
}

// partFold finds a part by name without regard to case, nil if absent.
func (b *Book) partFold(name string) *zip.File {
	if f, ok := b.parts[name]; ok {
		return f
	}
	for n, f := range b.parts {
		if strings.EqualFold(n, name) {
			return f
		}
	}
	return nil
}

// styleOK reports whether a cell's s (digits) names a cell format the
// workbook has.
func (b *Book) styleOK(s []byte) bool {
	if len(s) > 9 {
		return false
	}
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return styleExists(n, b.nXF)
}

// styleExists reports whether cell format n is one of the nXF a styles
// part has; without a styles part (nXF < 0) only 0, the default, exists.
// The scanner and the checker both ask it.
func styleExists(n, nXF int) bool { return n == 0 || n < nXF }

// Close closes the zip file.
func (b *Book) Close() error {
	if b.closer == nil {
		return nil
	}
	return b.closer.Close()
}

// inMemory is the largest file Open reads whole into memory rather than
// part by part from the disk: what a unit sends (tens of kilobytes) is
// one read instead of a few small ones per part (a folder of small
// workbooks spent a tenth of its time in pread).
const inMemory = 1 << 20

// openZip opens the zip of a file: read whole when small, else from the
// file, which closer then closes.
func openZip(name string) (*zip.Reader, io.Closer, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	zr, whole, err := ReadZip(f, st.Size())
	if whole || err != nil {
		f.Close()
		return zr, nil, err
	}
	return zr, f, nil
}

// ReadZip reads the directory of the zip r of size bytes. A file of up to
// inMemory bytes is read whole first, and whole reports that r is no
// longer needed; a larger one is read from r, which must then stay open
// for as long as the zip is read. The caller that has opened the file to
// look at it reads it once this way for both its checks and the scanner
// (OpenZip), instead of opening and reading the directory twice.
func ReadZip(r io.ReaderAt, size int64) (zr *zip.Reader, whole bool, err error) {
	if size <= inMemory {
		data := make([]byte, size)
		if _, err := io.ReadFull(io.NewSectionReader(r, 0, size), data); err != nil {
			return nil, true, err
		}
		zr, err := zip.NewReader(bytes.NewReader(data), size)
		return zr, true, err
	}
	zr, err = zip.NewReader(r, size)
	return zr, false, err
}

// SetText makes Rows yield text(v) for every value v it would yield
// otherwise (numbers too), computing it once per shared string rather than
// once per cell: a reader that takes every cell in through the same
// function (trimming, normalising) then pays for each repeated name or
// label once. text must be safe for concurrent use. Call it once, before
// any Rows.
func (b *Book) SetText(text func(string) string) {
	b.text = text
	// In place: a second table doubled the cache misses of the random
	// lookups every shared cell makes.
	var wg sync.WaitGroup
	n := runtime.GOMAXPROCS(0)
	blanks := make([][]int, n)
	for k := range n {
		wg.Go(func() {
			for i := k * len(b.sst) / n; i < (k+1)*len(b.sst)/n; i++ {
				if len(b.sst[i]) > maxRawCell {
					// Over Excel's limit whatever text makes of it: a cell
					// that uses it is refused (LongCell), and cleaning
					// megabytes would only delay that.
					continue
				}
				if t := text(b.sst[i]); t != b.sst[i] {
					if t == "" {
						blanks[k] = append(blanks[k], i)
					}
					b.sst[i] = t
				}
			}
		})
	}
	wg.Wait()
	for _, is := range blanks {
		for _, i := range is {
			if b.blank == nil {
				b.blank = map[int]bool{}
			}
			b.blank[i] = true
		}
	}
}

// kept reports whether a cell whose value val is shared string sh (-1:
// none) counts as a cell, as it would without SetText: excelize keeps a
// cell with a value, or with a formula (hasF) even when its value is "".
func (b *Book) kept(val string, sh int, hasF bool) bool {
	return val != "" || hasF || (sh >= 0 && b.blank[sh])
}

// own is the value of a cell holding anything but a shared string.
func (b *Book) own(v string) string {
	if b.text != nil {
		return b.text(v)
	}
	return v
}

// SheetNames lists the sheets in workbook order, as excelize's GetSheetList.
func (b *Book) SheetNames() []string { return append([]string(nil), b.names...) }

// Date1904 reports whether the workbook counts dates from 1904: raw date
// serials must then be converted with that epoch.
func (b *Book) Date1904() bool { return b.date1904 }

func (b *Book) readPart(name string) ([]byte, error) {
	f, ok := b.parts[name]
	if !ok {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrUnsupported, name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrUnsupported, name, err)
	}
	if bytes.Contains(data, []byte(strictMarker)) {
		return nil, unsupported(name, "strict OOXML")
	}
	return data, nil
}

type relationships struct {
	XMLName xml.Name `xml:"http://schemas.openxmlformats.org/package/2006/relationships Relationships"`
	Rels    []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:",attr"`
		Type   string `xml:",attr"`
	} `xml:"Relationship"`
}

type workbookXML struct {
	XMLName    xml.Name `xml:"http://schemas.openxmlformats.org/spreadsheetml/2006/main workbook"`
	WorkbookPr *struct {
		Date1904 bool `xml:"date1904,attr,omitempty"`
	} `xml:"workbookPr"`
	Sheets struct {
		Sheet []struct {
			Name string `xml:"name,attr,omitempty"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheet"`
	} `xml:"sheets"`
}

// decodeRels and decodeWorkbook decode the relationships and the workbook
// part: the plain shape on the fast path (parts.go), anything else with
// encoding/xml.
func decodeRels(data []byte, v *relationships) error {
	if r, ok := fastRelationships(data); ok {
		*v = r
		return nil
	}
	return decodeXML(data, v)
}

func decodeWorkbook(data []byte, v *workbookXML) error {
	if wb, ok := fastWorkbook(data); ok {
		*v = wb
		return nil
	}
	return decodeXML(data, v)
}

// decodeXML decodes a small part with encoding/xml, as excelize does, so
// that sheet names and relationships mean exactly the same to both.
func decodeXML(data []byte, v any) error {
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(v); err != nil && err != io.EOF {
		return err
	}
	return nil
}

// readWorkbook mirrors excelize's getWorkbookPath, getWorkbookRelsPath,
// workbookReader and getSheetMap.
func (b *Book) readWorkbook() error {
	wbPath, wb, rels, err := b.workbookParts()
	if err != nil {
		return err
	}
	if de := workbookDefect(wbPath, &wb, &rels); de != nil {
		return de
	}
	if wb.WorkbookPr != nil {
		b.date1904 = wb.WorkbookPr.Date1904
	}
	b.sheets = make(map[string]string)
	for _, s := range wb.Sheets.Sheet {
		b.names = append(b.names, s.Name)
		for _, r := range rels.Rels {
			if r.ID != s.ID {
				continue
			}
			p := strings.TrimPrefix(path.Clean(path.Dir(wbPath)+"/"+r.Target), "/")
			if strings.HasPrefix(r.Target, "/") {
				p = strings.TrimPrefix(path.Clean(r.Target), "/")
			}
			if _, ok := b.parts[p]; ok {
				b.sheets[s.Name] = p
			}
		}
	}
	return nil
}

// workbookParts finds and decodes the workbook part and its
// relationships, as excelize finds them.
func (b *Book) workbookParts() (wbPath string, wb workbookXML, rels relationships, err error) {
	var root relationships
	data, err := b.readPart("_rels/.rels")
	if err != nil {
		return "", wb, rels, err
	}
	if data != nil {
		if err := decodeRels(data, &root); err != nil {
			return "", wb, rels, unsupported("_rels/.rels", err.Error())
		}
	}
	for _, r := range root.Rels {
		if r.Type == nsRelOfficeDocument {
			wbPath = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	if data, err = b.readPart(wbPath); err != nil {
		return "", wb, rels, err
	}
	if data == nil {
		return "", wb, rels, unsupported(wbPath, "no workbook part")
	}
	if err := decodeWorkbook(data, &wb); err != nil {
		return "", wb, rels, unsupported(wbPath, err.Error())
	}
	relsPath := "_rels/" + path.Base(wbPath) + ".rels"
	if dir := path.Dir(wbPath); dir != "." {
		relsPath = strings.TrimPrefix(dir+"/_rels/"+path.Base(wbPath)+".rels", "/")
	}
	if data, err = b.readPart(relsPath); err != nil {
		return "", wb, rels, err
	}
	if data != nil {
		if err := decodeRels(data, &rels); err != nil {
			return "", wb, rels, unsupported(relsPath, err.Error())
		}
	}
	return wbPath, wb, rels, nil
}

// workbookDefect finds in the workbook part what no spreadsheet program
// writes and readers resolve each their own way: two sheets of one name
// (Excel compares names without case), two relationships of one id, or
// two sheets on one relationship. Reading on would read one sheet's rows
// for another's — a unit's meetings under another unit, without a word.
func workbookDefect(wbPath string, wb *workbookXML, rels *relationships) *DefectError {
	names := map[string]string{}
	ids := map[string]string{}
	for _, s := range wb.Sheets.Sheet {
		k := strings.ToLower(s.Name)
		if first, dup := names[k]; dup {
			return &DefectError{Part: wbPath, Reason: fmt.Sprintf("hai sheet cùng tên %q và %q, điều Excel không cho phép (tệp đã bị sửa hoặc hỏng)", first, s.Name)}
		}
		names[k] = s.Name
		if s.ID == "" {
			continue
		}
		if first, dup := ids[s.ID]; dup {
			return &DefectError{Part: wbPath, Reason: fmt.Sprintf("hai sheet %q và %q cùng trỏ tới một phần dữ liệu (%s) (tệp đã bị sửa hoặc hỏng)", first, s.Name, s.ID)}
		}
		ids[s.ID] = s.Name
	}
	seen := map[string]bool{}
	for _, r := range rels.Rels {
		if seen[r.ID] {
			relsPart := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
			return &DefectError{Part: relsPart, Reason: fmt.Sprintf("hai quan hệ cùng mã %q: không biết sheet nào là sheet nào (tệp đã bị sửa hoặc hỏng)", r.ID)}
		}
		seen[r.ID] = true
	}
	return nil
}

// packageWorkbookDefect is workbookDefect for a package the scanner does
// not open (an encrypted workbook once decrypted, an unusual workbook
// part): a workbook part it cannot decode is left to excelize.
func packageWorkbookDefect(files []*zip.File) *DefectError {
	b := &Book{parts: make(map[string]*zip.File, len(files))}
	for _, f := range files {
		b.parts[strings.ReplaceAll(f.Name, "\\", "/")] = f
	}
	wbPath, wb, rels, err := b.workbookParts()
	if err != nil {
		return nil
	}
	return workbookDefect(wbPath, &wb, &rels)
}

// sheetPart finds a sheet's part as excelize's getSheetXMLPath does: names
// compare case-insensitively.
// SheetSize is the unpacked size of a sheet's XML, as the zip records it
// (0 when the sheet is unknown): a measure of the work reading it takes.
func (b *Book) SheetSize(sheet string) int64 {
	if p, ok := b.sheetPart(sheet); ok {
		return int64(b.parts[p].UncompressedSize64)
	}
	return 0
}

func (b *Book) sheetPart(sheet string) (string, bool) {
	for _, n := range b.names {
		if p, ok := b.sheets[n]; ok && strings.EqualFold(n, sheet) {
			return p, true
		}
	}
	return "", false
}

// readSharedStrings reads xl/sharedStrings.xml — the fixed path excelize
// reads, whatever the relationships say — into the strings excelize's
// xlsxSI.String gives.
func (b *Book) readSharedStrings() error {
	f, ok := b.parts[partSharedStrings]
	if !ok {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrUnsupported, partSharedStrings, err)
	}
	defer rc.Close()
	size := f.UncompressedSize64
	if size > 256<<20 {
		size = 0 // let the buffer grow as the data comes
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + 512)
	if _, err := buf.ReadFrom(rc); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrUnsupported, partSharedStrings, err)
	}
	data := buf.Bytes()
	if sst, ok := fastSST(data); ok {
		b.sst = sst
		return nil
	}
	lx := newLexer(bytes.NewReader(data), make([]byte, 0, 256<<10))
	sst, reason := readSST(lx)
	if reason != "" {
		return unsupported(partSharedStrings, reason)
	}
	b.sst = sst
	return nil
}

// fastSST reads a shared strings table of the shape Excel and excelize
// write — <si><t>text</t></si> items, one after the other — straight from
// the bytes, checking them as the lexer would. Any other shape (rich text,
// phonetic runs, white space between items…) returns false: readSST reads
// the table instead.
func fastSST(data []byte) ([]string, bool) {
	k := bytes.Index(data, []byte("<si>"))
	if k < 0 {
		return nil, false
	}
	// The lexer reads the root's start tag: it must end right at k.
	lx := newLexer(bytes.NewReader(data[:k]), make([]byte, 0, 4<<10))
	for {
		if !lx.next() {
			return nil, false
		}
		if lx.tok.kind == tokText {
			if !checkText(lx.tok.raw) {
				return nil, false
			}
			continue
		}
		if !lx.tok.isStart("sst") || !mainNamespace(lx.tok) {
			return nil, false
		}
		break
	}
	if lx.next() || !lx.eof {
		return nil, false
	}
	// The root closes right after the items; what follows is not read by
	// excelize's Decode. No "<" stands unescaped in text, so the first
	// "</sst>" and every "<si>" are tags.
	e := bytes.Index(data[k:], []byte("</sst>"))
	if e < 0 {
		return nil, false
	}
	items := data[k : k+e]
	// The items are read on every core, a stretch each, cut at "<si>": a
	// province's table is megabytes, and nothing else can start before it.
	parts := max(1, min(runtime.GOMAXPROCS(0), len(items)>>16))
	cuts := make([]int, 0, parts+1)
	cuts = append(cuts, 0)
	for j := 1; j < parts; j++ {
		c := max(j*len(items)/parts, cuts[len(cuts)-1]+1)
		if c >= len(items) {
			break
		}
		next := bytes.Index(items[c:], []byte("<si>"))
		if next < 0 {
			break
		}
		cuts = append(cuts, c+next)
	}
	cuts = append(cuts, len(items))
	out := make([][]string, len(cuts)-1)
	oks := make([]bool, len(cuts)-1)
	var wg sync.WaitGroup
	for j := range out {
		wg.Go(func() { out[j], oks[j] = sstItems(items[cuts[j]:cuts[j+1]]) })
	}
	wg.Wait()
	if slices.Contains(oks, false) {
		return nil, false
	}
	return slices.Concat(out...), true
}

// sstItems reads b, nothing but <si><t>text</t></si> items, for fastSST.
func sstItems(b []byte) ([]string, bool) {
	// The texts go into one block, made a string once: the stretch costs
	// two allocations rather than one per item.
	n := bytes.Count(b, []byte("<si>"))
	all := make([]byte, 0, max(0, len(b)-n*len("<si><t></t></si>")))
	ends := make([]int, 0, n)
	var scratch []byte
	for p := 0; p < len(b); {
		b := b[p:]
		if !bytes.HasPrefix(b, []byte("<si><t")) || len(b) < 7 {
			return nil, false
		}
		var a tagAttrs
		n, self, st := a.read(b[4:], 2)
		if st != fastOK || self {
			return nil, false
		}
		i := 4 + n
		raw, n, isPlain, st := fastText(b[i:], "</t>")
		if st != fastOK || !bytes.HasPrefix(b[i+n:], []byte("</si>")) {
			return nil, false
		}
		text := raw
		if !isPlain {
			var ok bool
			if scratch, ok = decodeText(scratch[:0], raw, false); !ok {
				return nil, false
			}
			text = scratch
		}
		if bytes.Contains(text, []byte("_x")) {
			all = append(all, siString(text)...)
		} else {
			all = append(all, text...)
		}
		ends = append(ends, len(all))
		p += i + n + len("</si>")
	}
	block := string(all)
	sst := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		sst[i] = block[start:end]
		start = end
	}
	return sst, true
}

func readSST(lx *lexer) ([]string, string) {
	// Root: sst in the main namespace (excelize's decoder insists on it).
	for {
		if !lx.next() {
			return nil, "no sst element"
		}
		if lx.tok.kind == tokText {
			if !checkText(lx.tok.raw) {
				return nil, "bad text"
			}
			continue
		}
		if lx.tok.kind != tokStart || string(lx.tok.local) != "sst" || !mainNamespace(lx.tok) {
			return nil, "unexpected root element"
		}
		break
	}
	if lx.tok.selfClose {
		return nil, ""
	}
	var sst []string
	var buf []byte
	for lx.next() {
		t := &lx.tok
		switch t.kind {
		case tokEnd:
			// The root closed; the rest is not read by excelize's Decode.
			return sst, ""
		case tokText:
			if !checkText(t.raw) {
				return nil, "bad text"
			}
		case tokCData:
			if !checkCData(t.raw) {
				return nil, "bad CDATA"
			}
		case tokStart:
			if string(t.local) != "si" {
				if !lx.skip() {
					return nil, "bad XML"
				}
				continue
			}
			var ok bool
			buf, ok = readSI(lx, buf[:0])
			if !ok {
				return nil, "unsupported string item"
			}
			sst = append(sst, siString(buf))
		}
	}
	return nil, "bad XML"
}

// mainNamespace reports whether a start tag's name is in the SpreadsheetML
// main namespace, looking only at the tag's own declarations.
func mainNamespace(t token) bool {
	prefix := ""
	if len(t.local) < len(t.name) {
		prefix = string(t.name[:len(t.name)-len(t.local)-1])
	}
	want := "xmlns"
	if prefix != "" {
		want = "xmlns:" + prefix
	}
	rest := t.attrs
	for {
		name, val, r, ok := nextAttr(rest)
		if !ok || name == nil {
			return false
		}
		rest = r
		if string(name) == want {
			v, ok := decodeText(nil, val, true)
			return ok && string(v) == "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
		}
	}
}

// readSI reads a string item (<si> or <is>; the current token is its start)
// and appends its text as excelize's xlsxSI.String sees it before the
// _xHHHH_ unescaping: the last <t> child, then each <r> run's last <t>.
// Phonetic runs (<rPh>) and everything else are left out.
func readSI(lx *lexer, dst []byte) ([]byte, bool) {
	if lx.tok.selfClose {
		return dst, true
	}
	var direct []byte
	haveDirect := false
	var runs []byte
	for lx.next() {
		t := &lx.tok
		switch t.kind {
		case tokEnd:
			if haveDirect {
				dst = append(dst, direct...)
			}
			return append(dst, runs...), true
		case tokText, tokCData:
			if !t.charsOK() {
				return dst, false
			}
		case tokStart:
			var ok bool
			switch string(t.local) {
			case "t":
				// A repeated <t> replaces the previous one, as in
				// encoding/xml decoding into the same field.
				direct, ok = lx.text(direct[:0])
				haveDirect = true
			case "r":
				runs, ok = readRun(lx, runs)
			default:
				ok = lx.skip()
			}
			if !ok {
				return dst, false
			}
		}
	}
	return dst, false
}

// readRun appends the text of a rich-text run: its last <t>.
func readRun(lx *lexer, dst []byte) ([]byte, bool) {
	if lx.tok.selfClose {
		return dst, true
	}
	start := len(dst)
	for lx.next() {
		t := &lx.tok
		switch t.kind {
		case tokEnd:
			return dst, true
		case tokText, tokCData:
			if !t.charsOK() {
				return dst, false
			}
		case tokStart:
			var ok bool
			if string(t.local) == "t" {
				dst, ok = lx.text(dst[:start])
			} else {
				ok = lx.skip()
			}
			if !ok {
				return dst, false
			}
		}
	}
	return dst, false
}

// siString finishes a string item as xlsxSI.String does.
func siString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return bstrUnmarshal(string(b))
}

// bstrUnmarshal decodes the _xHHHH_ escapes Excel writes for characters XML
// 1.0 cannot hold, as excelize's function of the same name does: _x005F_
// stands for "_", other escapes for the UTF-16 unit, and an escape that is
// not a valid \u sequence (a lone surrogate) disappears.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	cursor := 0
	for i := 0; i+7 <= len(s); {
		if s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' || !isHex4(s[i+2:i+6]) {
			i++
			continue
		}
		out.WriteString(s[cursor:i])
		if s[i:i+7] == "_x005F_" {
			out.WriteByte('_')
		} else {
			v, _ := strconv.Unquote(`"\u` + s[i+2:i+6] + `"`)
			out.WriteString(v)
		}
		i += 7
		cursor = i
	}
	out.WriteString(s[cursor:])
	return out.String()
}

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// inflater is a pooled klauspost inflater with its input buffer: a
// folder of small workbooks opens a dozen parts a file, and fresh inflater
// state (a 32 KiB window, Huffman tables, a bufio.Reader) was most of
// what reading one allocated. Reset gives a used inflater the
// state of a new one; Close hands it back, after which it reads nothing.
type inflater struct {
	fr io.ReadCloser // a kflate reader, also a kflate.Resetter
	br *bufio.Reader
}

var inflaters = sync.Pool{New: func() any {
	return &inflater{fr: kflate.NewReader(bytes.NewReader(nil)), br: bufio.NewReaderSize(nil, 4<<10)}
}}

// pooledInflater reads one part with an inflater of the pool.
type pooledInflater struct{ in *inflater }

func newInflater(r io.Reader) io.ReadCloser {
	in := inflaters.Get().(*inflater)
	in.br.Reset(r)
	if err := in.fr.(kflate.Resetter).Reset(in.br, nil); err != nil {
		return kflate.NewReader(r) // not reached: Reset of klauspost's inflater cannot fail
	}
	return &pooledInflater{in}
}

var errInflaterClosed = errors.New("xlsxscan: read from a closed part")

func (p *pooledInflater) Read(b []byte) (int, error) {
	if p.in == nil {
		return 0, errInflaterClosed
	}
	return p.in.fr.Read(b)
}

func (p *pooledInflater) Close() error {
	if p.in == nil {
		return nil
	}
	in := p.in
	p.in = nil
	err := in.fr.Close()
	in.br.Reset(nil) // let the part's reader go
	inflaters.Put(in)
	return err
}
