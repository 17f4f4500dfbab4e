package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	kflate "github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
	"github.com/bontot/bontot/internal/xlsxout"
)

// XLSXOptions controls the Excel report.
type XLSXOptions struct {
	// SheetPerUnit adds one printable sheet per unit with all its checks.
	SheetPerUnit bool
	// Document is who issues and signs the report: the heading block,
	// number, place and date, signature and recipients of the summary and
	// commendation sheets. Empty fields print as dotted blanks.
	Document criteria.Document
	// AddressedTo, when set, is the unit a report of its own is sent to
	// (evaluate --split): the subject line and Nơi nhận name it, and the
	// charts, which need more than one unit, are left out.
	AddressedTo *criteria.Unit
	// TypeCounts, when set, is the number of units of each type in the
	// whole evaluation, for "hạng 5/23" in a report narrowed to one unit
	// (--split, --unit); nil counts the report's own units.
	TypeCounts map[criteria.UnitType]int
}

// The sheets of the Excel report, in order. Chi tiết lists the checks not
// met, grouped per unit; Chi tiết đã đạt the others. Either continues on
// "Chi tiết (2)", "Chi tiết đã đạt (2)" … past Excel's row limit.
const (
	SheetSummary        = "Tổng hợp"
	SheetCommendation   = "Đề xuất khen thưởng"
	SheetCharts         = "Biểu đồ"
	SheetDetail         = "Chi tiết"
	SheetPassed         = "Chi tiết đã đạt"
	SheetImplementation = "Tổ chức thực hiện"
	SheetProblems       = "Cảnh báo và lỗi dữ liệu"
)

// MarkerProperty is the custom document property that marks the Excel
// report as bontot's own, so that a report saved into the folder of
// workbooks it was made from is skipped by the next run of that folder
// (workbook.ReportProperty reads it; the packages do not import each
// other). The template carries no marker: units fill it in.
const MarkerProperty = "bontot-report"

// fontName is the typeface of Vietnamese official documents (Nghị định
// 30/2020/NĐ-CP asks for it), used for every cell and the page headers.
const fontName = "Times New Roman"

// styles holds the style IDs of one workbook.
type styles struct {
	title, subtitle, header, text, center int
	// Numbers: counts as integers, scores with one decimal, shares as
	// percentages with one decimal (so 74,9% never shows as 75%).
	integer, score, percent int
	status                  map[criteria.Status]int
	severity                map[criteria.Severity]int

	// The official document parts (Hướng dẫn 36-HD/VPTW): heading block,
	// title, signature and recipients; none has a border.
	docPlain, docBold, docParty, docItalic, docTitle, docSubtitle, docLeft, docRecipientsHead int
	// docNote is a note under the subject line, docBody the report's text.
	docNote, docBody int
	// docFont is the size and weight of each document style, for sizing
	// rows of wrapped text.
	docFont map[int]docFont
	// section heads a unit type in Tổng hợp, group a unit in Chi tiết,
	// count/countInt/countPct the count line under a section.
	section, group, count, countInt, countPct int
	// listTitle heads a commendation list; countText is a list's count,
	// a number shown as "2 đơn vị".
	listTitle, countText int
	// criterion shows a criterion's number n as "TCn": the detail sheets
	// write it as a number, which costs excelize a fraction of a text cell
	// over a province's quarter of a million rows, and filters and sorts
	// the same.
	criterion int
}

// thin is the report's border: thin and black on every side.
var thin = xlsxout.ThinBorder(xlsxout.Black)

func newStyles(f *excelize.File) (*styles, error) {
	var firstErr error
	add := func(st *excelize.Style) int {
		id, err := f.NewStyle(st)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return id
	}
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Color: color}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	right := &excelize.Alignment{Horizontal: "right", Vertical: "top"}
	middle := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	fill := xlsxout.SolidFill
	s := &styles{
		title:    add(&excelize.Style{Font: font(true, 14, "")}),
		subtitle: add(&excelize.Style{Font: font(false, 11, ""), Alignment: &excelize.Alignment{Vertical: "top"}}),
		header: add(&excelize.Style{
			Font: font(true, 11, ""), Border: thin, Fill: fill("D9D9D9"),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		}),
		text:     add(&excelize.Style{Font: font(false, 11, ""), Border: thin, Alignment: top}),
		center:   add(&excelize.Style{Font: font(false, 11, ""), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}),
		integer:  add(&excelize.Style{Font: font(false, 11, ""), Border: thin, Alignment: right, NumFmt: 3}), // #,##0
		score:    add(&excelize.Style{Font: font(false, 11, ""), Border: thin, Alignment: right, CustomNumFmt: ptr("0.0")}),
		percent:  add(&excelize.Style{Font: font(false, 11, ""), Border: thin, Alignment: right, CustomNumFmt: ptr("0.0%")}),
		status:   map[criteria.Status]int{},
		severity: map[criteria.Severity]int{},

		// Sizes of Hướng dẫn 36-HD/VPTW, printed at scale 100: the
		// committees and the number 14, "ĐẢNG CỘNG SẢN VIỆT NAM" 15 bold,
		// place and date 14 italic, the kind of document 16 bold, its
		// subject 14 bold, the body 14, the signature 14 bold, "Nơi
		// nhận:" 14 italic underlined and the recipients 12.
		docPlain:          add(&excelize.Style{Font: font(false, 14, ""), Alignment: middle}),
		docBold:           add(&excelize.Style{Font: font(true, 14, ""), Alignment: middle}),
		docParty:          add(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 15, Bold: true, Underline: "single"}, Alignment: middle}),
		docItalic:         add(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 14, Italic: true}, Alignment: middle}),
		docNote:           add(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 12, Italic: true}, Alignment: middle}),
		docTitle:          add(&excelize.Style{Font: font(true, 16, ""), Alignment: middle}),
		docSubtitle:       add(&excelize.Style{Font: font(true, 14, ""), Alignment: middle}),
		docBody:           add(&excelize.Style{Font: font(false, 14, ""), Alignment: &excelize.Alignment{Horizontal: "justify", Vertical: "top", WrapText: true}}),
		docLeft:           add(&excelize.Style{Font: font(false, 12, ""), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		docRecipientsHead: add(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 14, Italic: true, Underline: "single"}, Alignment: &excelize.Alignment{Vertical: "top"}}),

		section:   add(&excelize.Style{Font: font(true, 12, ""), Border: thin, Fill: fill("BDD7EE"), Alignment: &excelize.Alignment{Vertical: "center"}}),
		group:     add(&excelize.Style{Font: font(true, 11, ""), Border: thin, Fill: fill("DDEBF7"), Alignment: top}),
		count:     add(&excelize.Style{Font: font(true, 11, ""), Border: thin, Fill: fill("F2F2F2"), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top", WrapText: true}}),
		countInt:  add(&excelize.Style{Font: font(true, 11, ""), Border: thin, Fill: fill("F2F2F2"), Alignment: right, NumFmt: 3}),
		criterion: add(&excelize.Style{Font: font(false, 11, ""), Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, CustomNumFmt: ptr(`"TC"0`)}),
		listTitle: add(&excelize.Style{Font: font(true, 13, ""), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
		countText: add(&excelize.Style{Font: font(true, 11, ""), Border: thin, Fill: fill("F2F2F2"), Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: ptr(`#,##0" đơn vị"`)}),
		countPct:  add(&excelize.Style{Font: font(true, 11, ""), Border: thin, Fill: fill("F2F2F2"), Alignment: right, CustomNumFmt: ptr("0.0%")}),
	}
	s.docFont = map[int]docFont{
		s.docPlain: {14, false}, s.docBold: {14, true}, s.docParty: {15, true}, s.docItalic: {14, false},
		s.docNote: {12, false}, s.docTitle: {16, true}, s.docSubtitle: {14, true}, s.docBody: {14, false},
		s.docLeft: {12, false}, s.docRecipientsHead: {14, false},
		s.listTitle: {13, true},
	}
	// Sorted, not map order: style IDs in the order added, and a report
	// identical from one run to the next.
	for _, st := range slices.Sorted(maps.Keys(statusLooks)) {
		c := statusLooks[st]
		s.status[st] = add(&excelize.Style{
			Font: font(true, 11, c.font), Border: thin, Fill: fill(c.fill),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true},
		})
	}
	for _, sv := range slices.Sorted(maps.Keys(severityLooks)) {
		c := severityLooks[sv]
		s.severity[sv] = add(&excelize.Style{
			Font: font(true, 11, c.font), Border: thin, Fill: fill(c.fill),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
		})
	}
	return s, firstErr
}

// valueStyle is the number format of a check's value or threshold: a
// share as a percentage, a whole number (meetings, members, cases) as an
// integer, anything else (a score) with one decimal.
func (s *styles) valueStyle(id string, v any) int {
	if criteria.CheckShare(id) {
		return s.percent
	}
	if f, ok := v.(float64); ok && f != math.Trunc(f) {
		return s.score
	}
	return s.integer
}

func ptr[T any](v T) *T { return &v }

// statusStyle is the coloured style of a status, or plain centred text.
func (s *styles) statusStyle(st criteria.Status) int {
	if id, ok := s.status[st]; ok {
		return id
	}
	return s.center
}

// column is one column of a report sheet.
type column struct {
	title string
	width float64
}

// XLSX writes the Excel report: the summary as an official document
// (heading block, one ranked section per unit type with its counts,
// signature), the commendation lists, the charts, the checks not met and
// those met, the implementation checks and the data problems, each sheet
// printable on A4 landscape; with opts.SheetPerUnit, one more sheet per
// unit.
func XLSX(w io.Writer, r *criteria.Report, opts XLSXOptions) error {
	x, err := newXLSX(r, opts)
	if x != nil {
		defer x.f.Close()
	}
	if err != nil {
		return err
	}
	f := x.f
	// The package goes straight to w: excelize hands the zip writer its own
	// buffer, which would hold the whole compressed report (tens of
	// megabytes for a province, grown by doubling) before a byte reaches
	// w. The buffer WriteToBuffer returns stays empty.
	cw := &countingWriter{w: w}
	// excelize names the part of the n-th sheet it creates sheetn.xml.
	outlined := map[string]bool{}
	for i, name := range f.GetSheetList() {
		if name == SheetPassed || strings.HasPrefix(name, SheetPassed+" (") {
			outlined[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = true
		}
	}
	own := map[string]*ownSheet{}
	for i, name := range f.GetSheetList() {
		if o := x.own[name]; o != nil {
			own[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = o
		}
	}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		p := newPackageWriter(cw)
		p.outlined = outlined
		p.own = own
		return p
	})
	if _, err := f.WriteToBuffer(); err != nil {
		return err
	}
	if cw.n == 0 {
		return errors.New("excelize wrote no package") // a new excelize that ignores SetZipWriter
	}
	return nil
}

// newXLSX makes the workbook of the report, all but the rows of the
// sheets rowWriter writes as it is saved (x.own).
func newXLSX(r *criteria.Report, opts XLSXOptions) (*xlsxWriter, error) {
	f := excelize.NewFile()
	x := &xlsxWriter{f: f, r: r, doc: opts.Document, to: opts.AddressedTo, counts: opts.TypeCounts, own: map[string]*ownSheet{}}
	base, err := reportBase()
	if err != nil {
		return x, err
	}
	// The styles and theme as made once (see reportBase): excelize keeps
	// the parts as they are unless something reads them, and writes them
	// back the same if it does.
	f.Styles, f.Theme = nil, nil
	f.Pkg.Store(partStyles, base.styles)
	f.Pkg.Store(partTheme, base.theme)
	x.st = base.st
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return x, err
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: MarkerProperty, Value: "bontot/v1"}); err != nil {
		return x, err
	}
	// Set before any sheet is streamed: afterwards excelize would parse every
	// streamed sheet back into memory to update its view (seconds on a bloc).
	f.SetActiveSheet(0)
	return x, x.sheets(opts)
}

// The parts reportBase keeps.
const (
	partStyles = "xl/styles.xml"
	partTheme  = "xl/theme/theme1.xml"
)

// base is what every report starts from: its styles part, with the
// default font and every style of newStyles, the theme part, and the
// style IDs. Making them took a sixth of the time of a unit's report
// (--split writes thousands): each excelize.NewStyle parses the theme and
// compares the new style with every other, so they are made once, as
// excelize writes them, and each report stores the parts as they are.
type base struct {
	styles, theme []byte
	st            *styles
}

var (
	baseOnce sync.Once
	baseVal  base
	baseErr  error
)

// reportBase makes base on first use. The styles it returns are shared:
// nothing changes them once made.
func reportBase() (*base, error) {
	baseOnce.Do(func() {
		f := excelize.NewFile()
		defer f.Close()
		if baseErr = newStyledFile(f); baseErr != nil {
			return
		}
		if baseVal.st, baseErr = newStyles(f); baseErr != nil {
			return
		}
		var buf *bytes.Buffer
		if buf, baseErr = f.WriteToBuffer(); baseErr != nil {
			return
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			baseErr = err
			return
		}
		for _, part := range []struct {
			name string
			to   *[]byte
		}{{partStyles, &baseVal.styles}, {partTheme, &baseVal.theme}} {
			rc, err := zr.Open(part.name)
			if err != nil {
				baseErr = err
				return
			}
			*part.to, baseErr = io.ReadAll(rc)
			rc.Close()
			if baseErr != nil {
				return
			}
		}
	})
	return &baseVal, baseErr
}

// newStyledFile gives a new workbook the report's default font.
func newStyledFile(f *excelize.File) error { return f.SetDefaultFont(fontName) }

// countingWriter counts the bytes that reach w.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// sheets writes every sheet. The sheets are created in their order; the
// large ones are streamed, and the stream of the checks met — a
// province's quarter of a million rows, most of the report's time — is
// written on a goroutine of its own once its sheet exists, while the rest
// is done beside it: a stream touches nothing of the workbook but itself,
// and nothing else touches it. The streams end one after the other, once
// all rows are written.
func (x *xlsxWriter) sheets(opts XLSXOptions) error {
	var flushers []interface{ Flush() error }
	var first, second []func() error
	sw, write, err := x.summary()
	if err != nil {
		return err
	}
	flushers, first = append(flushers, sw), append(first, write)
	// A unit's own report has the commendation sheet only when the unit is
	// on a list: three empty lists tell a chi bộ nothing.
	if len(x.commendationLists()) > 0 {
		if sw, write, err = x.commendation(); err != nil {
			return err
		}
		flushers, first = append(flushers, sw), append(first, write)
	}
	if opts.AddressedTo == nil {
		if err := x.charts(); err != nil {
			return err
		}
	}
	for _, part := range []struct {
		sheet string
		keep  func(criteria.Status) bool
		list  *[]func() error
	}{
		{SheetDetail, notMet, &first},
		{SheetPassed, func(c criteria.Status) bool { return !notMet(c) }, &second},
	} {
		s, write, err := x.detail(part.sheet, part.keep)
		if err != nil {
			return err
		}
		flushers, *part.list = append(flushers, s), append(*part.list, write)
	}
	run := func(list []func() error) error {
		for _, f := range list {
			if err := f(); err != nil {
				return err
			}
		}
		return nil
	}
	// The checks met start now; the sheets after them are made in memory
	// meanwhile, which touches the workbook but not that stream.
	errc := make(chan error, 1)
	go func() { errc <- run(second) }()
	steps := []func() error{x.implementation, x.watchSheet, x.problems}
	if opts.SheetPerUnit {
		steps = append(steps, x.unitSheets)
	}
	err = run(append(steps, first...))
	if err2 := <-errc; err == nil {
		err = err2
	}
	if err != nil {
		return err
	}
	for _, f := range flushers {
		if err := f.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// newSheet adds a sheet at the end of the workbook.
func (x *xlsxWriter) newSheet(name string) error {
	_, err := x.f.NewSheet(name)
	return err
}

// packageWriter is the zip writer excelize saves the report through. It
// packs with klauspost's deflate, which takes a fraction of compress/flate's
// time over a province's hundred megabytes of detail rows, and it writes
// every worksheet through xlsxout.AutoFilterFixer, whose autoFilter range
// excelize writes with "$" (ref="$A$1:$I$260"): fixed on the way out, the
// package is not inflated and deflated a second time.
//
// It also gives the worksheets whose rows are an outline (the checks met,
// collapsed per unit) their sheetFormatPr outlineLevelRow="1", without
// which Excel shows no outline buttons to open them: excelize sets it only
// on sheets it keeps in memory, not on a streamed one.
//
// The same input makes the same bytes: excelize saves its streamed sheets
// in map order and lists the image types of [Content_Types].xml in map
// order, so every part is deflated into memory as it comes (all but the
// sheets rowWriter fills in are small), the image types are sorted, and
// the parts go into the zip at Close in one fixed order, the large sheets
// written there and then.
type packageWriter struct {
	zw       *zip.Writer
	outlined map[string]bool
	// own are the worksheet parts whose rows rowWriter writes (see
	// xlsx_sheet.go), by part name.
	own map[string]*ownSheet

	parts []*packedPart
	cur   *packedPart // the part excelize is writing
}

// packedPart is one part of the package: deflated into data, or (own) the
// part excelize made for a sheet rowWriter fills in, kept whole until it
// is written.
type packedPart struct {
	name      string
	own       bool
	raw       bytes.Buffer // an own part, or [Content_Types].xml, as excelize wrote it
	data      bytes.Buffer // deflated
	fw        *kflate.Writer
	crc       hash.Hash32
	size      uint64
	w         io.Writer // what excelize writes into
	fix       *xlsxout.AutoFilterFixer
	outline   *onceFixer
	contTypes bool
}

// deflaters keeps klauspost's deflate writers between parts and reports:
// a fresh one allocates about a megabyte of state, which was most of what
// --split allocated per file.
var deflaters = sync.Pool{New: func() any {
	fw, _ := kflate.NewWriter(nil, kflate.BestSpeed)
	return fw
}}

// pooledDeflater returns its writer to deflaters when closed.
type pooledDeflater struct{ fw *kflate.Writer }

func (p *pooledDeflater) Write(b []byte) (int, error) { return p.fw.Write(b) }

func (p *pooledDeflater) Close() error {
	err := p.fw.Close()
	deflaters.Put(p.fw)
	p.fw = nil
	return err
}

func newPackageWriter(w io.Writer) *packageWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		// The fastest level: the report is mostly repeated markup, which
		// it packs nearly as well (13.3 → 15 MB for a province) in half
		// the time of the default.
		fw := deflaters.Get().(*kflate.Writer)
		fw.Reset(w)
		return &pooledDeflater{fw: fw}, nil
	})
	return &packageWriter{zw: zw}
}

func (p *packageWriter) Create(name string) (io.Writer, error) {
	if err := p.flush(); err != nil {
		return nil, err
	}
	part := &packedPart{name: name}
	p.parts = append(p.parts, part)
	p.cur = part
	switch {
	case p.own[name] != nil:
		// A sheet without rows: a few kilobytes, filled in at Close.
		part.own = true
		return &part.raw, nil
	case name == "[Content_Types].xml":
		part.contTypes = true
		return &part.raw, nil
	}
	part.fw = deflaters.Get().(*kflate.Writer)
	part.fw.Reset(&part.data)
	part.crc = crc32.NewIEEE()
	part.w = part
	if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.HasSuffix(name, ".xml") {
		part.fix = xlsxout.NewAutoFilterFixer(part)
		part.w = part.fix
		if p.outlined[name] {
			part.outline = &onceFixer{w: part.fix, old: []byte("<sheetFormatPr "), new: []byte(`<sheetFormatPr outlineLevelRow="1" `)}
			part.w = part.outline
		}
	}
	return partWriter{part}, nil
}

// partWriter is what excelize writes a packed part through.
type partWriter struct{ p *packedPart }

func (w partWriter) Write(b []byte) (int, error) { return w.p.w.Write(b) }

// Write deflates b into the part, counting it.
func (part *packedPart) Write(b []byte) (int, error) {
	part.crc.Write(b)
	part.size += uint64(len(b))
	return part.fw.Write(b)
}

// end finishes a part excelize has written.
func (part *packedPart) end() error {
	if part.own {
		return nil
	}
	if part.contTypes {
		b := sortDefaults(part.raw.Bytes())
		part.fw = deflaters.Get().(*kflate.Writer)
		part.fw.Reset(&part.data)
		part.crc = crc32.NewIEEE()
		if _, err := part.Write(b); err != nil {
			return err
		}
		part.raw = bytes.Buffer{}
	}
	if part.outline != nil {
		if err := part.outline.flush(); err != nil {
			return err
		}
	}
	if part.fix != nil {
		if err := part.fix.Flush(); err != nil {
			return err
		}
	}
	err := part.fw.Close()
	deflaters.Put(part.fw)
	part.fw = nil
	return err
}

// defaultElem is one <Default> of [Content_Types].xml as excelize writes it.
var defaultElem = regexp.MustCompile(`<Default [^>]*(?:/>|></Default>)`)

// sortDefaults sorts the <Default> elements of [Content_Types].xml, which
// excelize adds in map order, when they stand together.
func sortDefaults(b []byte) []byte {
	loc := defaultElem.FindAllIndex(b, -1)
	if len(loc) < 2 {
		return b
	}
	var elems [][]byte
	for k, l := range loc {
		if k > 0 && l[0] != loc[k-1][1] {
			return b // not one run: left as it is
		}
		elems = append(elems, b[l[0]:l[1]])
	}
	slices.SortFunc(elems, bytes.Compare)
	start, end := loc[0][0], loc[len(loc)-1][1]
	return slices.Concat(b[:start], bytes.Join(elems, nil), b[end:])
}

func (p *packageWriter) AddFS(fsys fs.FS) error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.zw.AddFS(fsys)
}

// Close writes the parts in a fixed order — [Content_Types].xml first,
// then by name as excelize orders the parts it keeps in memory — and ends
// the zip.
func (p *packageWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	slices.SortStableFunc(p.parts, func(a, b *packedPart) int {
		ac, bc := a.name == "[Content_Types].xml", b.name == "[Content_Types].xml"
		switch {
		case ac != bc:
			if ac {
				return -1
			}
			return 1
		}
		return strings.Compare(b.name, a.name)
	})
	for _, part := range p.parts {
		if part.own {
			if err := p.writeOwn(part.name, part.raw.Bytes()); err != nil {
				return err
			}
			continue
		}
		w, err := p.zw.CreateRaw(&zip.FileHeader{
			Name: part.name, Method: zip.Deflate, CRC32: part.crc.Sum32(),
			CompressedSize64: uint64(part.data.Len()), UncompressedSize64: part.size,
		})
		if err != nil {
			return err
		}
		if _, err := w.Write(part.data.Bytes()); err != nil {
			return err
		}
		part.data = bytes.Buffer{}
	}
	p.parts = nil
	return p.zw.Close()
}

// flush ends the part being written, before excelize moves on.
func (p *packageWriter) flush() error {
	if p.cur == nil {
		return nil
	}
	err := p.cur.end()
	p.cur = nil
	return err
}

// sheetDataTags are the forms excelize gives a sheet without rows.
var sheetDataTags = [][]byte{[]byte("<sheetData></sheetData>"), []byte("<sheetData/>")}

// mergeCellsAfter are the elements a worksheet's <mergeCells> comes
// before, the first of them present (ECMA-376 §18.3.1.99 CT_Worksheet).
var mergeCellsAfter = [][]byte{
	[]byte("<phoneticPr"), []byte("<conditionalFormatting"), []byte("<dataValidations"), []byte("<hyperlinks"),
	[]byte("<printOptions"), []byte("<pageMargins"), []byte("<pageSetup"), []byte("<headerFooter"),
	[]byte("<rowBreaks"), []byte("<colBreaks"), []byte("<customProperties"), []byte("<cellWatches"),
	[]byte("<ignoredErrors"), []byte("<smartTags"), []byte("<drawing"), []byte("<legacyDrawing"),
	[]byte("<picture"), []byte("<oleObjects"), []byte("<controls"), []byte("<webPublishItems"),
	[]byte("<tableParts"), []byte("<extLst"), []byte("</worksheet>"),
}

// writeOwn writes the worksheet part name, as excelize made it without
// rows (part), with its rows written by rowWriter and its merged cells.
func (p *packageWriter) writeOwn(name string, part []byte) error {
	var cut []byte
	for _, tag := range sheetDataTags {
		if bytes.Contains(part, tag) {
			cut = tag
			break
		}
	}
	if cut == nil || bytes.Contains(part, []byte("<mergeCells")) {
		return fmt.Errorf("report: excelize wrote %s in a shape bontot does not fill in", name)
	}
	head, tail, _ := bytes.Cut(part, cut)
	w, err := p.zw.Create(name)
	if err != nil {
		return err
	}
	var out io.Writer = w
	fix := xlsxout.NewAutoFilterFixer(w)
	out = fix
	var once *onceFixer
	if p.outlined[name] {
		once = &onceFixer{w: fix, old: []byte("<sheetFormatPr "), new: []byte(`<sheetFormatPr outlineLevelRow="1" `)}
		out = once
	}
	if _, err := out.Write(head); err != nil {
		return err
	}
	if once != nil {
		if err := once.flush(); err != nil {
			return err
		}
	}
	if err := fix.Flush(); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "<sheetData>"); err != nil {
		return err
	}
	// The rows are made on this goroutine and deflated on another, a
	// buffer apart: each takes about half of the time of a large sheet.
	aw := newAsyncWriter(w)
	rw := newRowWriter(aw)
	err = p.own[name].rows(rw)
	if err == nil {
		err = rw.flush()
	}
	if err2 := aw.close(); err == nil {
		err = err2
	}
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "</sheetData>"); err != nil {
		return err
	}
	if merges := rw.mergeCells(); merges != nil {
		at := len(tail)
		for _, tag := range mergeCellsAfter {
			if i := bytes.Index(tail, tag); i >= 0 && i < at {
				at = i
			}
		}
		tail = slices.Concat(tail[:at], merges, tail[at:])
	}
	if _, err := fix.Write(tail); err != nil {
		return err
	}
	return fix.Flush()
}

// onceFixer passes a part through, replacing the first old by new. It
// holds back the few bytes that may be the start of old until the next
// write shows what they are.
type onceFixer struct {
	w        io.Writer
	old, new []byte
	done     bool
	pending  []byte
}

func (o *onceFixer) Write(p []byte) (int, error) {
	if o.done {
		return o.w.Write(p)
	}
	data := append(o.pending, p...)
	o.pending = nil
	if i := bytes.Index(data, o.old); i >= 0 {
		o.done = true
		for _, b := range [][]byte{data[:i], o.new, data[i+len(o.old):]} {
			if _, err := o.w.Write(b); err != nil {
				return 0, err
			}
		}
		return len(p), nil
	}
	keep := min(len(data), len(o.old)-1)
	o.pending = append(o.pending, data[len(data)-keep:]...)
	_, err := o.w.Write(data[:len(data)-keep])
	return len(p), err
}

func (o *onceFixer) flush() error {
	_, err := o.w.Write(o.pending)
	o.pending = nil
	return err
}

type xlsxWriter struct {
	f   *excelize.File
	st  *styles
	r   *criteria.Report
	doc criteria.Document
	to  *criteria.Unit // the unit a split report is addressed to, or nil
	// counts is XLSXOptions.TypeCounts.
	counts map[criteria.UnitType]int
	// own are the sheets whose rows rowWriter writes as the package is
	// saved, by sheet name.
	own map[string]*ownSheet
}

// typeCount is the number of units of each type the ranks count within.
func (x *xlsxWriter) typeCount() map[criteria.UnitType]int {
	if x.counts != nil {
		return x.counts
	}
	return unitTypeCount(x.r)
}

// setupSheet gives a sheet its columns, print layout (A4 landscape at the
// scale that fits its width, header row repeated on every page unless
// headerRow is 0, title and page number in the margins), a frozen header
// row at headerRow and, when filter is set, an autofilter over the header
// and the rows below. lastRow is the last used
// row, which also becomes the sheet's dimension. It works for the
// StreamWriter too: everything here must precede the stream.
func (x *xlsxWriter) setupSheet(sheet string, cols []column, headerRow, lastRow int, filter bool) error {
	f := x.f
	lastCol, _ := excelize.ColumnNumberToName(len(cols))
	lastRow = max(lastRow, headerRow)
	// The StreamWriter would leave <dimension ref="A1">.
	if err := xlsxout.SetDimension(f, sheet, len(cols), lastRow); err != nil {
		return err
	}
	if filter {
		// AutoFilter replaces the sheet properties, so it goes before FitToPage.
		if err := f.AutoFilter(sheet, fmt.Sprintf("A%d:%s%d", headerRow, lastCol, lastRow), nil); err != nil {
			return err
		}
	}
	// A fixed scale, not fit-to-width: see xlsx_page.go. Rows without a
	// height of their own get defaultRowHeight in every program.
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{
		FitToPage: ptr(false), DefaultRowHeight: ptr(defaultRowHeight), CustomHeight: ptr(true),
		OutlineSummaryBelow: ptr(false), // a unit's group row stands above its checks
	}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: ptr(xlsxout.PaperA4), Orientation: ptr("landscape"), AdjustTo: ptr(uint(printScale(cols))),
		// Each sheet counts its pages from 1, also when the whole workbook
		// is printed (LibreOffice numbers on across sheets otherwise).
		FirstPageNumber: ptr(uint(1)),
	}); err != nil {
		return err
	}
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: ptr(marginLeft), Right: ptr(marginRight), Top: ptr(marginTop), Bottom: ptr(marginBottom),
		Header: ptr(marginHeader), Footer: ptr(marginFooter),
	}); err != nil {
		return err
	}
	// The rules stand under the document's title; a footer names no
	// profile (a "--profile" slug is not part of a document).
	title := fmt.Sprintf("Kết quả đánh giá “bốn tốt” năm %d", x.r.Year)
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: `&L&"` + fontName + `,Bold"&10` + headerText(title) + `&R&"` + fontName + `,Regular"&10&A`,
		OddFooter: `&C&"` + fontName + `,Regular"&10Trang &P`, // &N would count every sheet's pages
	}); err != nil {
		return err
	}
	if headerRow == 0 {
		return nil // no row repeats on every page
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow),
	})
}

// lineHeight is the height in points of one line of 11-point Times New Roman.
const lineHeight = 13.5

// rowHeight estimates the height a row needs so that its wrapped text shows
// whole: neither Excel nor LibreOffice grows a row to fit its text when it
// opens a file, so long names and evidence would otherwise overlap the next
// row in print. It wraps each text cell as report.wrap does, counting a
// column of width w as holding about 1.15·w letters (w is measured in widths
// of "0"; the average Vietnamese letter of Times New Roman is a little
// narrower, and the margin covers Excel's rendering too; spread is the
// factor for bold text). 0 means one line: the default height.
func rowHeight(cols []column, values []any, spread float64) float64 {
	lines := 1
	for i, v := range values {
		s, ok := v.(string)
		if !ok || i >= len(cols) {
			continue
		}
		per := max(int(cols[i].width*1.15/spread)-1, 1)
		if per >= 10 && !strings.Contains(s, "\n") && utf8.RuneCountInString(s) <= per {
			continue // one line: most cells, and wrap would allocate to say so
		}
		lines = max(lines, wrapCount(s, per))
	}
	if lines == 1 {
		return 0
	}
	// Excel's highest row: a text longer than that shows in the cell's
	// edit line (excelize refuses a row over it, and the report with it).
	return min(float64(lines)*lineHeight+2, excelize.MaxRowHeight)
}

// headerHeight fits the bold header titles, at least two lines high.
func headerHeight(cols []column) float64 {
	titles := make([]any, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	return max(rowHeight(cols, titles, 1.15), 2*lineHeight+2)
}

// headerText escapes text for a page header: "&" starts a code there.
func headerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// plainSheet finishes a sheet written cell by cell: widths, the header row
// and the frozen pane.
func (x *xlsxWriter) plainSheet(sheet string, cols []column, headerRow int) error {
	f := x.f
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, name, name, c.width); err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, headerRow)
		if err := f.SetCellStr(sheet, cell, c.title); err != nil {
			return err
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(cols))
	if err := f.SetCellStyle(sheet, fmt.Sprintf("A%d", headerRow), fmt.Sprintf("%s%d", lastCol, headerRow), x.st.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, headerRow, headerHeight(cols)); err != nil {
		return err
	}
	return f.SetPanes(sheet, frozen(headerRow))
}

// frozen keeps rows 1…headerRow in view while scrolling.
func frozen(headerRow int) *excelize.Panes {
	return &excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: fmt.Sprintf("A%d", headerRow+1), ActiveCell: fmt.Sprintf("A%d", headerRow+1), Pane: "bottomLeft"}},
	}
}

// putRow writes one row of values with one style per cell. A nil value
// leaves the cell empty but styled, so borders stay continuous. The row is
// made tall enough for its wrapped text (see rowHeight).
func (x *xlsxWriter) putRow(sheet string, cols []column, row int, values []any, styleIDs []int) error {
	if h := rowHeight(cols, values, 1); h > 0 {
		if err := x.f.SetRowHeight(sheet, row, h); err != nil {
			return err
		}
	}
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		if v != nil {
			if err := x.f.SetCellValue(sheet, cell, v); err != nil {
				return err
			}
		}
		if err := x.f.SetCellStyle(sheet, cell, cell, styleIDs[i]); err != nil {
			return err
		}
	}
	return nil
}

// implementationColumns name each check by its title: a check's code
// (pilot.suborgs) is for scripts, never for a printed sheet.
var implementationColumns = []column{
	{"STT", 6}, {"Nội dung", 32}, {"Đơn vị / Cụm", 14}, {"Trạng thái", 14}, {"Nhận xét", 70},
}

// implementation writes Tổ chức thực hiện: the pilot checks of section III.
func (x *xlsxWriter) implementation() error {
	st, impl := x.st, x.r.Implementation
	return x.ownTable(SheetImplementation, implementationColumns, false, len(impl),
		"Không có nội dung chỉ đạo điểm nào để kiểm tra.", func(i int, values []any, styleIDs []int) {
			im := &impl[i]
			copy(values, []any{i + 1, checkTitle(im.ID), nfc.String(im.Who()), im.Status.Label(), nfc.String(im.Message)})
			copy(styleIDs, []int{st.center, st.text, st.text, st.statusStyle(im.Status), st.text})
		})
}

// problemColumns: the code (Mã) comes last, beside the sentence it
// classifies, for the filter; 24 wide holds the longest code on one line.
var problemColumns = []column{
	{"STT", 6}, {"Mức độ", 11}, {"Tệp", 18}, {"Trang tính", 15}, {"Ô", 7}, {"Đơn vị", 11}, {"Nội dung", 63}, {"Mã", 27},
}

// problems writes Cảnh báo và lỗi dữ liệu, every problem in report order.
func (x *xlsxWriter) problems() error {
	st, probs := x.st, x.r.Problems
	return x.ownTable(SheetProblems, problemColumns, len(probs) > 0, len(probs),
		"Không có cảnh báo hay lỗi dữ liệu nào.", func(i int, values []any, styleIDs []int) {
			p := &probs[i]
			sev, ok := st.severity[p.Severity]
			if !ok {
				sev = st.center
			}
			copy(values, []any{i + 1, severityLabel(p.Severity), nilIfEmpty(p.File), nilIfEmpty(nfc.String(p.Sheet)),
				nilIfEmpty(p.Cell), nilIfEmpty(p.Unit), nfc.String(p.Message), nilIfEmpty(p.Code)})
			copy(styleIDs, []int{st.center, sev, st.text, st.text, st.center, st.text, st.text, st.text})
		})
}

// ownTable makes a sheet of a header row and n rows below it, the i-th
// filled in by row, or the sentence empty when there are none. The sheet
// is set up now; its rows are written by rowWriter as the package is saved
// (xlsx_sheet.go), each as tall as its wrapped text needs.
func (x *xlsxWriter) ownTable(sheet string, cols []column, filter bool, n int, empty string, row func(i int, values []any, styleIDs []int)) error {
	if err := x.newSheet(sheet); err != nil {
		return err
	}
	if err := x.setupSheet(sheet, cols, 1, max(n, 1)+1, filter); err != nil {
		return err
	}
	if err := x.ownColumns(sheet, cols); err != nil {
		return err
	}
	if err := x.f.SetPanes(sheet, frozen(1)); err != nil {
		return err
	}
	x.own[sheet] = &ownSheet{rows: func(rw rowSink) error {
		x.ownHeader(rw, cols)
		if n == 0 {
			rw.start(2, 0, 0, false)
			rw.text(1, 0, empty)
			return nil
		}
		values, styleIDs := make([]any, len(cols)), make([]int, len(cols))
		for i := range n {
			row(i, values, styleIDs)
			rw.start(i+2, rowHeight(cols, values, 1), 0, false)
			for j, v := range values {
				rw.value(j+1, styleIDs[j], v)
			}
		}
		return nil
	}}
	return nil
}

// ownColumns sets the widths of a sheet whose rows rowWriter writes.
func (x *xlsxWriter) ownColumns(sheet string, cols []column) error {
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.f.SetColWidth(sheet, name, name, c.width); err != nil {
			return err
		}
	}
	return nil
}

// ownHeader writes the header row, row 1, of a sheet rowWriter writes.
func (x *xlsxWriter) ownHeader(rw rowSink, cols []column) {
	rw.start(1, headerHeight(cols), 0, false)
	for i, c := range cols {
		rw.textOnce(i+1, x.st.header, c.title)
	}
}

var unitColumns = []column{
	{"Tiêu chí", 8}, {"Nội dung", 44}, {"Giá trị", 9}, {"Ngưỡng", 9},
	{"Trạng thái", 14}, {"Minh chứng", 70},
}

// unitHeaderRow is the header row of a unit sheet, below three lines that
// say which unit it is and how it was judged.
const unitHeaderRow = 5

// unitSheets writes one printable sheet per unit, named after its code.
func (x *xlsxWriter) unitSheets() error {
	used := map[string]bool{}
	for _, name := range x.f.GetSheetList() {
		used[strings.ToLower(name)] = true
	}
	count := x.typeCount()
	st := x.st
	for i := range x.r.Units {
		ur := &x.r.Units[i]
		u := ur.Unit
		sheet := uniqueSheetName(u.Code+" "+nfc.String(u.Name), used)
		if _, err := x.f.NewSheet(sheet); err != nil {
			return err
		}
		rows := 0
		for _, c := range ur.Criteria {
			rows += len(c.Checks)
		}
		if err := x.setupSheet(sheet, unitColumns, unitHeaderRow, unitHeaderRow+rows, false); err != nil {
			return err
		}
		if err := x.plainSheet(sheet, unitColumns, unitHeaderRow); err != nil {
			return err
		}
		info := []string{u.Type.Label()}
		if u.Parent != "" {
			info = append(info, "trực thuộc "+u.Parent)
		}
		if u.Cluster != "" {
			info = append(info, nfc.String(u.Cluster))
		}
		if u.Pilot {
			info = append(info, "làm điểm")
		}
		if u.Rating != criteria.RatingNone {
			info = append(info, "xếp loại "+u.Rating.Code())
		}
		verdict := fmt.Sprintf("Kết quả: %s · hạng %d/%d %s", ur.Verdict.Label(), ur.Rank, count[u.Type], lowerFirst(u.Type.Label()))
		if ur.Commendation {
			verdict += " · " + commendationText(ur)
		}
		for r, v := range []struct {
			text  string
			style int
		}{{u.Code + " · " + nfc.String(u.Name), st.title}, {strings.Join(info, " · "), st.subtitle}, {verdict, st.subtitle}} {
			cell := fmt.Sprintf("A%d", r+1)
			if err := x.f.SetCellStr(sheet, cell, v.text); err != nil {
				return err
			}
			if err := x.f.SetCellStyle(sheet, cell, cell, v.style); err != nil {
				return err
			}
		}
		row := unitHeaderRow + 1
		// The checks not met first, as in Chi tiết: they are what the unit
		// has to act on.
		for _, pass := range []bool{false, true} {
			for _, c := range ur.Criteria {
				for _, ch := range c.Checks {
					if notMet(ch.Status) == pass {
						continue
					}
					v, t := numberOrNil(ch.Value), numberOrNil(ch.Threshold)
					values := []any{criterionLabel(c.ID), checkTitle(ch.ID), v, t, ch.Status.Label(), nfc.String(ch.Message)}
					styleIDs := []int{st.center, st.text, st.valueStyle(ch.ID, v), st.valueStyle(ch.ID, t), st.statusStyle(ch.Status), st.text}
					if err := x.putRow(sheet, unitColumns, row, values, styleIDs); err != nil {
						return err
					}
					row++
				}
			}
		}
	}
	return nil
}

// maxSheetName is Excel's limit on sheet names, in UTF-16 units; Vietnamese
// letters are one unit each.
const maxSheetName = 31

// uniqueSheetName makes a valid sheet name from s: no []:*?/\ characters, no
// leading or trailing apostrophe, at most 31 characters, and different
// (ignoring case, as Excel does) from every name in used, which it extends.
func uniqueSheetName(s string, used map[string]bool) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
			return '-'
		}
		return r
	}, s)
	s = strings.Trim(strings.TrimSpace(s), "'")
	if s == "" {
		s = "Đơn vị"
	}
	base := cutRunes(s, maxSheetName)
	name := base
	for n := 2; used[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = cutRunes(base, maxSheetName-utf8.RuneCountInString(suffix)) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return strings.TrimRight(string(r), " '")
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func yesMark(b bool) any {
	if b {
		return "x"
	}
	return nil
}

func numberOrNil(v *float64) any {
	if v := finite(v); v != nil {
		return *v
	}
	return nil
}
