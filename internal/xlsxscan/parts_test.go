package xlsxscan

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// partsOf returns the parts whose names keep accepts of every workbook
// committed under testdata/, keyed by file and part.
func partsOf(t testing.TB, keep func(part string) bool) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir("../../testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xlsx") {
			return err
		}
		zr, err := zip.OpenReader(p)
		if err != nil {
			return nil // the deliberately broken files
		}
		defer zr.Close()
		for _, f := range zr.File {
			if !keep(f.Name) {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				continue
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err == nil {
				out[p+"!"+f.Name] = data
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// workbookParts keeps the relationships and workbook parts, stylesParts
// the styles.
func workbookParts(name string) bool {
	return strings.HasSuffix(name, ".rels") || strings.HasSuffix(name, "workbook.xml")
}

func stylesParts(name string) bool { return strings.EqualFold(name, "xl/styles.xml") }

// sameAsEncodingXML fails when the fast path accepts a part and decodes
// it otherwise than encoding/xml does.
func sameAsEncodingXML(t *testing.T, name string, data []byte) (accepted int) {
	t.Helper()
	if r, ok := fastRelationships(data); ok {
		accepted++
		var want relationships
		if err := decodeXML(data, &want); err != nil {
			t.Errorf("%s: fast path read relationships encoding/xml refuses (%v)", name, err)
		} else if !reflect.DeepEqual(r, want) {
			t.Errorf("%s: relationships\nfast %+v\nxml  %+v", name, r, want)
		}
	}
	if w, ok := fastWorkbook(data); ok {
		accepted++
		var want workbookXML
		if err := decodeXML(data, &want); err != nil {
			t.Errorf("%s: fast path read a workbook encoding/xml refuses (%v)", name, err)
		} else if !reflect.DeepEqual(w, want) {
			t.Errorf("%s: workbook\nfast %+v\nxml  %+v", name, w, want)
		}
	}
	return accepted
}

// TestFastPartsOracle: on every workbook kept in testdata/ (written by
// excelize, LibreOffice and the producer shapes), the fast path decodes
// the workbook part and the relationships exactly as encoding/xml does,
// and it takes them all: a fast path that declined them would only be
// slower.
func TestFastPartsOracle(t *testing.T) {
	parts := partsOf(t, workbookParts)
	if len(parts) < 30 {
		t.Fatalf("only %d parts found under testdata/", len(parts))
	}
	for name, data := range parts {
		if sameAsEncodingXML(t, name, data) == 0 {
			t.Errorf("%s: the fast path declined a part a spreadsheet program wrote:\n%s", name, data)
		}
	}
	t.Logf("%d parts compared", len(parts))
}

// TestFastPartsDecline: the shapes outside the plain one go to
// encoding/xml, which decides (here: reads or refuses them).
func TestFastPartsDecline(t *testing.T) {
	const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	const wb = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
	for _, c := range []struct{ name, xml string }{
		{"comment", rels + `<!-- x --><Relationship Id="a" Target="t" Type="y"/></Relationships>`},
		{"cdata", wb + `<sheets><sheet name="A" r:id="rId1"/></sheets><definedNames><definedName><![CDATA[x]]></definedName></definedNames></workbook>`},
		{"namespace below the root", wb + `<sheets xmlns:q="urn:q"><sheet name="A" r:id="rId1"/></sheets></workbook>`},
		{"undeclared prefix", wb + `<sheets><sheet name="A" q:id="rId1"/></sheets></workbook>`},
		{"unknown entity", wb + `<sheets><sheet name="A&nbsp;" r:id="rId1"/></sheets></workbook>`},
		{"carriage return", wb + "<sheets><sheet name=\"A\r\nB\" r:id=\"rId1\"/></sheets></workbook>"},
		{"control character", wb + "<sheets><sheet name=\"A\x01\" r:id=\"rId1\"/></sheets></workbook>"},
		{"mismatched end", wb + `<sheets><sheet name="A" r:id="rId1"></sheets></workbook>`},
		{"unclosed root", wb + `<sheets><sheet name="A" r:id="rId1"/></sheets>`},
		{"two sheets elements", wb + `<sheets><sheet name="A" r:id="rId1"/></sheets><sheets><sheet name="B" r:id="rId2"/></sheets></workbook>`},
		{"id twice", wb + `<sheets><sheet name="A" r:id="rId1" r:id="rId2"/></sheets></workbook>`},
		{"name under two prefixes", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x="urn:x"><sheets><sheet name="A" x:name="B" r:id="rId1"/></sheets></workbook>`},
		{"other encoding", `<?xml version="1.0" encoding="windows-1258"?>` + wb + `</workbook>`},
		{"wrong root namespace", `<workbook xmlns="urn:other"><sheets><sheet name="A"/></sheets></workbook>`},
		{"date1904 written oddly", wb + `<workbookPr date1904="yes"/></workbook>`},
		{"non-ASCII name", wb + `<sheets><sheét name="A"/></sheets></workbook>`},
		{"empty", ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, okR := fastRelationships([]byte(c.xml))
			_, okW := fastWorkbook([]byte(c.xml))
			if okR || okW {
				t.Errorf("fast path accepted %q", c.xml)
			}
		})
	}
	// What it accepts: prefixes, the declaration, entities and character
	// references, nested content skipped.
	for _, x := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + wb + `<fileVersion appName="xl"/><workbookPr date1904="1"/><bookViews><workbookView xWindow="0"/></bookViews><sheets><sheet name="Sinh hoạt &amp; họp" sheetId="1" r:id="rId1"/><sheet name='B&#x1EA1;' sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Sinh hoạt &amp; họp'!$A$1:$D$9</definedName></definedNames></workbook>`,
		`<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="A" rel:id="rId1"/></x:sheets></x:workbook>`,
		rels + `<Relationship Id="rId1" Type="http://x" Target="/xl/workbook.xml"/></Relationships>`,
	} {
		if sameAsEncodingXML(t, "accepted", []byte(x)) == 0 {
			t.Errorf("fast path declined %q", x)
		}
	}
}

// FuzzFastParts: whatever the fast path accepts, encoding/xml reads to the
// same value.
func FuzzFastParts(f *testing.F) {
	for _, data := range partsOf(f, workbookParts) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsEncodingXML(t, "fuzz", data)
	})
}

// sameStyleCount fails when the fast count accepts a styles part the
// checker refuses or counts otherwise.
func sameStyleCount(t *testing.T, name string, data []byte) bool {
	t.Helper()
	n, ok := fastStyleCount(data)
	if !ok {
		return false
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/styles.xml")
	w.Write(data)
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want, err := checkerStyleCount(zr.File[0])
	if err != nil {
		t.Errorf("%s: fast count took a styles part the checker refuses (%v)", name, err)
	} else if n != want {
		t.Errorf("%s: fast count %d, checker %d", name, n, want)
	}
	return true
}

// TestFastStyleCountOracle: the styles parts of the kept workbooks are
// counted on the fast path, as the checker counts them.
func TestFastStyleCountOracle(t *testing.T) {
	styles := partsOf(t, stylesParts)
	if len(styles) < 20 {
		t.Fatalf("only %d styles parts found under testdata/", len(styles))
	}
	for name, data := range styles {
		if !sameStyleCount(t, name, data) {
			t.Errorf("%s: the fast count declined a styles part a spreadsheet program wrote", name)
		}
	}
	// Excel declares namespaces on the extensions it writes.
	const excel = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;Ngày&quot; dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs><extLst><ext uri="{EB79DEF2}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>
`
	if !sameStyleCount(t, "excel", []byte(excel)) {
		t.Error("the fast count declined the styles Excel writes")
	}
	for _, bad := range []string{
		excel + "<x/>", // markup after the root
		strings.Replace(excel, "</cellXfs>", "</cellxfs>", 1), // mismatched end
		strings.Replace(excel, "&quot;Ngày", "&nbsp;Ngày", 1), // unknown entity
	} {
		if _, ok := fastStyleCount([]byte(bad)); ok {
			t.Errorf("fast count accepted %q", bad)
		}
	}
}

// FuzzFastStyleCount: whatever the fast count accepts, the checker
// accepts and counts alike.
func FuzzFastStyleCount(f *testing.F) {
	for _, data := range partsOf(f, stylesParts) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameStyleCount(t, "fuzz", data)
	})
}
