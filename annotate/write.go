package annotate

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
)

// SheetName is the name of the first sheet of a copy.
const SheetName = "Góp ý"

// Author is the author of the comments.
const Author = "bontot"

// maxCommentRunes keeps a comment readable in its box; the full evidence
// is on Góp ý.
const maxCommentRunes = 1500

// maxListedCells is how many cells of one check Góp ý lists with a link;
// beyond, a line says how many more are marked (a đảng bộ may pool
// thousands of members).
const maxListedCells = 200

// Annotator writes the annotated copies of the workbooks of one evaluation.
type Annotator struct {
	rep   *criteria.Report
	plans map[string]*bookPlan
	// Today is the day the copy says it was made.
	Today time.Time
	// Password opens encrypted workbooks (evaluate --password); the copy
	// is written without one.
	Password string
}

// New sorts rep's findings by workbook, once for all the copies.
func New(rep *criteria.Report, today time.Time) *Annotator {
	return &Annotator{rep: rep, plans: plan(rep), Today: today}
}

// Stats count what a copy holds.
type Stats struct {
	Findings int // lines of Góp ý (checks and problems)
	Cells    int // cells filled and commented
}

// mark is what one cell of the copy receives.
type mark struct {
	sheet, cell string
	level       Level
	texts       []string
}

// Write writes the annotated copy of b to w. The original is only read.
func (a *Annotator) Write(w io.Writer, b Book) (Stats, error) {
	var st Stats
	// The reader's limits (workbook/open.go): a file it refused as a zip
	// bomb is refused here too, with excelize's error, before inflating.
	// Sheets up to 256 MiB stay in memory rather than spill to temp files:
	// marking them loads them whole anyway.
	f, err := excelize.OpenFile(b.Path, excelize.Options{Password: a.Password,
		UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 256 << 20})
	if err != nil {
		return st, err
	}
	defer f.Close()
	p := a.plans[b.Name]
	if p == nil {
		p = &bookPlan{findings: map[string][]*finding{}}
	}
	sheets := map[string]bool{}
	for _, s := range f.GetSheetList() {
		sheets[s] = true
	}
	heads := map[string]sheetHeaders{}
	merges := map[string][]excelize.MergeCell{}
	marks := map[[2]string]*mark{}
	var order []*mark
	for _, code := range p.codes() {
		for _, fd := range p.findings[code] {
			st.Findings++
			kept := fd.cells[:0]
			for _, r := range fd.cells {
				if !sheets[r.sheet] {
					fd.elsewhere = append(fd.elsewhere, sourceText(r))
					continue
				}
				found := locate(f, heads, &r)
				r.cell = topLeft(f, merges, r.sheet, r.cell)
				kept = append(kept, r)
				k := [2]string{r.sheet, r.cell}
				m := marks[k]
				if m == nil {
					m = &mark{sheet: r.sheet, cell: r.cell}
					marks[k] = m
					order = append(order, m)
				}
				m.level = max(m.level, fd.level)
				m.texts = append(m.texts, commentText(fd, r, found))
			}
			fd.cells = kept
			if len(fd.cells) == 0 && len(fd.elsewhere) == 0 && fd.where == "" {
				fd.where = "cả sổ"
			}
		}
	}
	notes, err := applyMarks(f, order)
	if err != nil {
		return st, err
	}
	st.Cells = len(order)
	name := SheetName
	for i := 2; sheets[name]; i++ {
		name = fmt.Sprintf("%s (%d)", SheetName, i)
	}
	if err := a.writeSheet(f, name, b, p); err != nil {
		return st, err
	}
	idx, err := f.GetSheetIndex(name)
	if err != nil {
		return st, err
	}
	f.SetActiveSheet(idx)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return st, err
	}
	return st, finish(buf.Bytes(), w, notes)
}

// codes are the plan's unit codes in report order, then codes the report
// does not know, then "" (the file's own problems): the copy is the same
// on every run.
func (p *bookPlan) codes() []string {
	var out []string
	known := map[string]bool{}
	for _, ur := range p.units {
		known[ur.Unit.Code] = true
		out = append(out, ur.Unit.Code)
	}
	out = append(out, sortedCodes(p.findings, known)...)
	return append(out, "")
}

// topLeft is the merged range's first cell when cell lies inside one: a
// comment or fill on a hidden cell of a merge would not show.
func topLeft(f *excelize.File, merges map[string][]excelize.MergeCell, sheet, cell string) string {
	ms, ok := merges[sheet]
	if !ok {
		ms, _ = f.GetMergeCells(sheet, true)
		merges[sheet] = ms
	}
	if len(ms) == 0 {
		return cell
	}
	c, r, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		return cell
	}
	for _, m := range ms {
		c1, r1, e1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, e2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if e1 == nil && e2 == nil && c >= c1 && c <= c2 && r >= r1 && r <= r2 {
			return m.GetStartAxis()
		}
	}
	return cell
}

// applyMarks fills each marked cell and gives it one comment holding every
// finding about it, after the comment the cell already had, if any. The
// comments of sheets without a drawing of their own are returned, to be
// written as parts when the copy is finished (comments.go).
func applyMarks(f *excelize.File, marks []*mark) (map[string][]note, error) {
	mk := newMarker(f)
	existing := map[string]map[string]string{}
	shared := map[string]bool{}
	notes := map[string][]note{}
	for _, m := range marks {
		orig, err := f.GetCellStyle(m.sheet, m.cell)
		if err != nil {
			return nil, err
		}
		id, err := mk.style(orig, m.level)
		if err != nil {
			return nil, err
		}
		if err := f.SetCellStyle(m.sheet, m.cell, m.cell, id); err != nil {
			return nil, err
		}
		sh, ok := shared[m.sheet]
		if !ok {
			sh = sharesDrawing(f, m.sheet)
			shared[m.sheet] = sh
		}
		if !sh {
			text := cut(strings.Join(m.texts, "\n\n"), maxCommentRunes)
			c, r, _ := excelize.CellNameToCoordinates(m.cell)
			notes[m.sheet] = append(notes[m.sheet], note{col: c, row: r, text: text,
				lines: strings.Count(text, "\n") + len([]rune(text))/45 + 1})
			continue
		}
		old, ok := existing[m.sheet]
		if !ok {
			old = map[string]string{}
			cs, _ := f.GetComments(m.sheet)
			for _, c := range cs {
				old[c.Cell] = commentString(c)
			}
			existing[m.sheet] = old
		}
		text := strings.Join(m.texts, "\n\n")
		if prev, ok := old[m.cell]; ok {
			if err := f.DeleteComment(m.sheet, m.cell); err != nil {
				return nil, err
			}
			text = prev + "\n\n— bontot —\n" + text
		}
		text = cut(text, maxCommentRunes)
		lines := strings.Count(text, "\n") + len([]rune(text))/45 + 1
		if err := f.AddComment(m.sheet, excelize.Comment{Author: Author, Cell: m.cell, Text: text,
			Width: 320, Height: uint(min(420, 16*lines+10))}); err != nil {
			return nil, err
		}
	}
	for _, ns := range notes {
		sort.Slice(ns, func(i, j int) bool {
			if ns[i].row != ns[j].row {
				return ns[i].row < ns[j].row
			}
			return ns[i].col < ns[j].col
		})
	}
	return notes, nil
}

func commentString(c excelize.Comment) string {
	if c.Text != "" || len(c.Paragraph) == 0 {
		return c.Text
	}
	var sb strings.Builder
	for _, r := range c.Paragraph {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// commentText is one finding's part of a cell's comment: which check or
// problem, what this cell shows, the evidence, what would fix it.
func commentText(fd *finding, r cellRef, exact bool) string {
	var sb strings.Builder
	sb.WriteString("[" + fd.level.Label() + "] ")
	if fd.check != "" {
		sb.WriteString(strings.ToUpper(fd.crit) + " · " + fd.title + " (" + fd.check + ")")
		if r.note != "" {
			sb.WriteString("\nDòng này: " + r.note)
			if !exact && r.field != "" {
				sb.WriteString(" (cột " + columnWord(r.field) + ")")
			}
			sb.WriteString(".")
		}
		sb.WriteString("\nMinh chứng: " + fd.message)
		if fd.fix != "" {
			sb.WriteString("\nCần làm: " + fd.fix + ".")
		}
		return sb.String()
	}
	sb.WriteString(fd.message)
	return sb.String()
}

// columnWord names a column key in the words of the template's header.
func columnWord(key string) string {
	if ss := spellingsHeader[key]; ss != "" {
		return "\"" + ss + "\""
	}
	return key
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// sortedCodes are the plan's unit codes with findings but no result (a
// problem naming a code the report does not hold), for a stable order.
func sortedCodes(m map[string][]*finding, known map[string]bool) []string {
	var out []string
	for k := range m {
		if k != "" && !known[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

var (
	sheetsRe = regexp.MustCompile(`(?s)<sheets>(.*?)</sheets>`)
	sheetRe  = regexp.MustCompile(`<sheet\b[^>]*?(?:/>|>\s*</sheet>)`)
	localRe  = regexp.MustCompile(`localSheetId="(\d+)"`)
	activeRe = regexp.MustCompile(`activeTab="\d+"`)
	firstRe  = regexp.MustCompile(` firstSheet="\d+"`)
)

// finish copies the workbook zip from src to w with its last sheet (Góp
// ý, just added) moved to the front and the comments of notes added as
// parts. excelize's MoveSheet leaves
// every sheet-scoped defined name (print areas, print titles, filters)
// pointing at the sheet that now sits where its sheet was; here each
// localSheetId moves up by one with its sheet, and Góp ý is the open tab.
// Every other part is copied byte for byte, still compressed.
func finish(src []byte, w io.Writer, notes map[string][]note) error {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return err
	}
	files := map[string]*zip.File{}
	for _, zf := range zr.File {
		files[zf.Name] = zf
	}
	parts, err := commentParts(files, notes)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	put := func(name string, data []byte) error {
		out, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err == nil {
			_, err = out.Write(data)
		}
		return err
	}
	for _, zf := range zr.File {
		if data, ok := parts[zf.Name]; ok {
			if err := put(zf.Name, data); err != nil {
				return err
			}
			delete(parts, zf.Name)
			continue
		}
		if zf.Name != "xl/workbook.xml" {
			if err := zw.Copy(zf); err != nil {
				return err
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		data, err = reorderWorkbook(data)
		if err != nil {
			return err
		}
		if err := put(zf.Name, data); err != nil {
			return err
		}
	}
	added := make([]string, 0, len(parts))
	for name := range parts {
		added = append(added, name)
	}
	sort.Strings(added)
	for _, name := range added {
		if err := put(name, parts[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}

func reorderWorkbook(data []byte) ([]byte, error) {
	loc := sheetsRe.FindSubmatchIndex(data)
	if loc == nil {
		return nil, fmt.Errorf("xl/workbook.xml không có <sheets>")
	}
	inner := data[loc[2]:loc[3]]
	all := sheetRe.FindAll(inner, -1)
	if len(all) < 2 {
		return data, nil
	}
	var sb bytes.Buffer
	sb.Write(all[len(all)-1])
	for _, s := range all[:len(all)-1] {
		sb.Write(s)
	}
	out := append([]byte{}, data[:loc[2]]...)
	out = append(out, sb.Bytes()...)
	out = append(out, data[loc[3]:]...)
	// Defined names follow <sheets>; shift their sheet indices.
	out = localRe.ReplaceAllFunc(out, func(m []byte) []byte {
		var n int
		fmt.Sscanf(string(localRe.FindSubmatch(m)[1]), "%d", &n)
		return []byte(fmt.Sprintf(`localSheetId="%d"`, n+1))
	})
	out = firstRe.ReplaceAll(out, nil)
	if activeRe.Match(out) {
		out = activeRe.ReplaceAll(out, []byte(`activeTab="0"`))
	}
	return out, nil
}
