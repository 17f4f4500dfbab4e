package annotate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Comments are written by excelize's AddComment only on a sheet that
// already has a VML drawing (its own comments or form controls), where the
// drawing must be shared. Everywhere else they are added as parts of their
// own when the copy is finished: AddComment places each box by walking
// every row of the sheet for each comment, so that a province sheet of
// 130,000 rows with thousands of marks took minutes (quadratic), where
// writing the two parts directly takes milliseconds.

// note is one comment to write directly.
type note struct {
	col, row int // 1-based
	text     string
	lines    int
}

const (
	relNS       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relVML      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
	relComments = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	ctVML       = "application/vnd.openxmlformats-officedocument.vmlDrawing"
	ctComments  = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
)

// sharesDrawing reports whether a sheet already has a VML drawing that new
// comments must join.
func sharesDrawing(f *excelize.File, sheet string) bool {
	if cs, _ := f.GetComments(sheet); len(cs) > 0 {
		return true
	}
	fc, _ := f.GetFormControls(sheet)
	return len(fc) > 0
}

// sheetParts maps each sheet name to its part ("xl/worksheets/sheet1.xml")
// from the workbook and its relationships.
func sheetParts(files map[string]*zip.File) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(files["xl/workbook.xml"], &wb); err != nil {
		return nil, err
	}
	if err := readXML(files["xl/_rels/workbook.xml.rels"], &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		out[s.Name] = target[s.RID]
	}
	return out, nil
}

func readXML(zf *zip.File, v any) error {
	if zf == nil {
		return fmt.Errorf("part missing")
	}
	b, err := readPart(zf)
	if err != nil {
		return err
	}
	return xml.Unmarshal(b, v)
}

func readPart(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// partNumber is the next free N of a part named prefix+N+suffix.
func partNumber(files map[string]*zip.File, prefix, suffix string) int {
	n := 0
	for name := range files {
		if s, ok := strings.CutPrefix(name, prefix); ok {
			if s, ok := strings.CutSuffix(s, suffix); ok {
				if k, err := strconv.Atoi(s); err == nil {
					n = max(n, k)
				}
			}
		}
	}
	return n + 1
}

// commentParts adds, for each sheet of notes, a comments part, a VML
// drawing, their relationships, the sheet's legacyDrawing and the content
// types. It returns the parts to replace or add, by name.
func commentParts(files map[string]*zip.File, notes map[string][]note) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(notes) == 0 {
		return out, nil
	}
	parts, err := sheetParts(files)
	if err != nil {
		return nil, err
	}
	ct, err := readPart(files["[Content_Types].xml"])
	if err != nil {
		return nil, err
	}
	var overrides strings.Builder
	if !bytes.Contains(ct, []byte(`Extension="vml"`)) {
		overrides.WriteString(`<Default Extension="vml" ContentType="` + ctVML + `"/>`)
	}
	cn := partNumber(files, "xl/comments", ".xml")
	vn := partNumber(files, "xl/drawings/vmlDrawing", ".vml")
	names := make([]string, 0, len(notes))
	for s := range notes {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, sheet := range names {
		sp := parts[sheet]
		zf := files[sp]
		if sp == "" || zf == nil {
			return nil, fmt.Errorf("không thấy phần của trang %q", sheet)
		}
		commentsName := fmt.Sprintf("xl/comments%d.xml", cn)
		vmlName := fmt.Sprintf("xl/drawings/vmlDrawing%d.vml", vn)
		out[commentsName] = commentsXML(notes[sheet])
		out[vmlName] = vmlXML(notes[sheet], vn)
		overrides.WriteString(`<Override PartName="/` + commentsName + `" ContentType="` + ctComments + `"/>`)

		relsName := path.Join(path.Dir(sp), "_rels", path.Base(sp)+".rels")
		var rels []byte
		if rf := files[relsName]; rf != nil {
			if rels, err = readPart(rf); err != nil {
				return nil, err
			}
		} else {
			rels = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
				`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
		}
		vmlID, cmtID := freeRelID(rels, "rIdGopY"), ""
		add := `<Relationship Id="` + vmlID + `" Type="` + relVML + `" Target="../drawings/` + path.Base(vmlName) + `"/>`
		cmtID = freeRelID([]byte(string(rels)+add), "rIdGopY")
		add += `<Relationship Id="` + cmtID + `" Type="` + relComments + `" Target="../` + path.Base(commentsName) + `"/>`
		i := bytes.LastIndex(rels, []byte("</Relationships>"))
		if i < 0 {
			return nil, fmt.Errorf("%s hỏng", relsName)
		}
		out[relsName] = append(append(append([]byte{}, rels[:i]...), add...), rels[i:]...)

		sx, err := readPart(zf)
		if err != nil {
			return nil, err
		}
		if out[sp], err = withLegacyDrawing(sx, vmlID); err != nil {
			return nil, fmt.Errorf("trang %q: %w", sheet, err)
		}
		cn++
		vn++
	}
	i := bytes.LastIndex(ct, []byte("</Types>"))
	if i < 0 {
		return nil, fmt.Errorf("[Content_Types].xml hỏng")
	}
	out["[Content_Types].xml"] = append(append(append([]byte{}, ct[:i]...), overrides.String()...), ct[i:]...)
	return out, nil
}

// freeRelID is prefix+N not yet used as an Id in rels.
func freeRelID(rels []byte, prefix string) string {
	for n := 1; ; n++ {
		id := prefix + strconv.Itoa(n)
		if !bytes.Contains(rels, []byte(`Id="`+id+`"`)) {
			return id
		}
	}
}

// afterLegacy are the worksheet elements that follow legacyDrawing
// (ECMA-376 CT_Worksheet): the new element goes before the first present.
var afterLegacy = regexp.MustCompile(`<(legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b`)

// withLegacyDrawing inserts <legacyDrawing r:id="id"/> where the schema
// puts it, declaring the relationships namespace on the root if needed.
func withLegacyDrawing(sx []byte, id string) ([]byte, error) {
	end := bytes.LastIndex(sx, []byte("</sheetData>"))
	if end < 0 {
		end = bytes.Index(sx, []byte("<sheetData/>"))
	}
	if end < 0 {
		return nil, fmt.Errorf("không có sheetData")
	}
	at := bytes.LastIndex(sx, []byte("</worksheet>"))
	if loc := afterLegacy.FindIndex(sx[end:]); loc != nil {
		at = end + loc[0]
	}
	if at < 0 {
		return nil, fmt.Errorf("không có </worksheet>")
	}
	prefix := "r"
	root := bytes.Index(sx, []byte("<worksheet"))
	rootEnd := root + bytes.IndexByte(sx[root:], '>')
	head := sx[root:rootEnd]
	if m := regexp.MustCompile(`xmlns:(\w+)="` + regexp.QuoteMeta(relNS) + `"`).FindSubmatch(head); m != nil {
		prefix = string(m[1])
	}
	el := `<legacyDrawing ` + prefix + `:id="` + id + `"/>`
	var b bytes.Buffer
	b.Grow(len(sx) + len(el) + 80)
	if prefix == "r" && !bytes.Contains(head, []byte(`xmlns:r=`)) {
		b.Write(sx[:root+len("<worksheet")])
		b.WriteString(` xmlns:r="` + relNS + `"`)
		b.Write(sx[root+len("<worksheet") : at])
	} else {
		b.Write(sx[:at])
	}
	b.WriteString(el)
	b.Write(sx[at:])
	return b.Bytes(), nil
}

func commentsXML(ns []note) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>` + Author + `</author></authors><commentList>`)
	for _, n := range ns {
		ref, _ := excelize.CoordinatesToCellName(n.col, n.row)
		b.WriteString(`<comment ref="` + ref + `" authorId="0"><text><t xml:space="preserve">`)
		_ = xml.EscapeText(&b, []byte(n.text))
		b.WriteString(`</t></text></comment>`)
	}
	b.WriteString(`</commentList></comments>`)
	return b.Bytes()
}

// vmlXML is the legacy drawing of the comment boxes, as Excel writes it:
// each box hidden until the cell is pointed at, anchored to the right of
// its cell, sized by its text.
func vmlXML(ns []note, id int) []byte {
	var b bytes.Buffer
	b.WriteString(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">`)
	fmt.Fprintf(&b, `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="%d"/></o:shapelayout>`, id)
	b.WriteString(`<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`)
	for k, n := range ns {
		c, r := n.col-1, n.row-1
		rows := min(24, max(4, n.lines+1))
		fmt.Fprintf(&b, `<v:shape id="_x0000_s%d" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:240pt;height:%dpt;z-index:%d;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`,
			id*1024+k+1, rows*13, k+1)
		b.WriteString(`<v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>`)
		fmt.Fprintf(&b, `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>%d, 15, %d, 2, %d, 15, %d, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>`,
			c+1, max(0, r-1), c+4, max(0, r-1)+rows, r, c)
	}
	b.WriteString(`</xml>`)
	return b.Bytes()
}
