package xlsxscan

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// defectSheets are sheets no spreadsheet program writes, each with the
// place and the words its defect must be reported with. excelize reads
// every one of them without an error, and wrongly.
var defectSheets = []struct {
	name, data   string
	where, words string // in the error's text
}{
	{"cellsOutOfOrder", `<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row>`, "ô A1", "không theo thứ tự"},
	{"cellTwice", `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="B1"><v>22</v></c></row>`, "ô B1", "hai lần"},
	{"rowTwice", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>`, "dòng 2", "hai lần"},
	{"rowsBackwards", `<row r="5"><c r="A5"><v>5</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>`, "dòng 5", "dòng 3 đứng sau dòng 5"},
	{"rowZero", `<row r="0"><c><v>1</v></c></row>`, "Sheet1", `số dòng "0"`},
	{"rowWord", `<row r="1"><c r="A1"><v>1</v></c></row><row r="x"><c><v>1</v></c></row>`, "dòng 1", `số dòng "x"`},
	{"rawAmpersand", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Đơn thư & khiếu nại</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>`, "dòng 2", "&amp;"},
	{"undefinedEntity", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="str"><v>&nbsp;</v></c></row>`, "dòng 2", "thực thể"},
	{"brokenTag", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></x></row><row r="3"><c r="A3"><v>3</v></c></row>`, "dòng 2", "không khớp"},
	{"invalidUTF8", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"str\"><v>\xff</v></c></row>", "dòng 2", "UTF-8"},
	{"controlChar", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"str\"><v>\x01</v></c></row>", "dòng 2", "ký tự điều khiển"},
	{"sharedIndexWord", `<row r="1"><c r="A1" t="s"><v>abc</v></c></row>`, "ô A1", `chuỗi dùng chung "abc"`},
	{"sharedIndexOutside", `<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>999</v></c></row>`, "ô B1", `chuỗi dùng chung "999"`},
	{"styleOutside", `<row r="1"><c r="A1" s="10"><v>1</v></c></row>`, "ô A1", `định dạng (style) "10"`},
	{"styleWord", `<row r="1"><c r="A1" s="x"><v>1</v></c></row>`, "ô A1", `định dạng (style) "x"`},
	{"cellOutsideRow", `<row r="1"><c r="A1"><v>1</v></c></row><c r="B1"><v>2</v></c><row r="2"><c r="A2"><v>3</v></c></row>`, "dòng 1", "không nằm trong một dòng"},
	{"lowerCaseRef", `<row r="1"><c r="b1"><v>1</v></c></row>`, "ô A1", `tham chiếu ô "b1"`},
	{"rowAfterSheetData", "", "Sheet1", "ngoài vùng dữ liệu"},
	{"hugeCell", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="str"><v>` + strings.Repeat("a", 3<<20) + `</v></c></row>`, "ô B2", "32767 ký tự"},
	{"longCell", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="C2" t="inlineStr"><is><t>` + strings.Repeat("ạ", MaxCellChars+1) + `</t></is></c></row>`, "ô C2", "32767 ký tự"},
}

// TestDefectsLocated: every defect is an error naming the sheet and the
// cell or row, on the fast path and on the lexer's alike, never rows read
// up to it and then silence.
func TestDefectsLocated(t *testing.T) {
	dir := t.TempDir()
	for _, d := range defectSheets {
		doc := sheetDoc(d.data)
		if d.name == "rowAfterSheetData" {
			doc = strings.Replace(sheetDoc(`<row r="1"><c r="A1"><v>1</v></c></row>`), "</sheetData>", `</sheetData><row r="2"><c r="A2"><v>2</v></c></row>`, 1)
		}
		p := filepath.Join(dir, d.name+".xlsx")
		writeXLSX(t, p, commonSST, false, doc)
		for _, fast := range []bool{true, false} {
			name := d.name + "/lexer"
			if fast {
				name = d.name + "/fast"
			}
			t.Run(name, func(t *testing.T) {
				fastPath = fast
				defer func() { fastPath = true }()
				_, err := scanRows(p, "Sheet1")
				var de *DefectError
				if !errors.As(err, &de) {
					t.Fatalf("got %v, want a defect", err)
				}
				msg := err.Error()
				if !strings.Contains(msg, `sheet "Sheet1"`) || !strings.Contains(msg, d.where) || !strings.Contains(msg, d.words) {
					t.Errorf("defect %q, want it to name %q and say %q", msg, d.where, d.words)
				}
				// The length is checked on the rows as read, by every
				// reader (LongCell), not by the checker.
				if cerr := checkRows(p, "Sheet1"); cerr == nil && d.name != "longCell" && d.name != "hugeCell" {
					t.Errorf("the checker passes the sheet")
				}
			})
		}
	}
}

// TestPartCutShort: a sheet whose XML stops in the middle (a truncated
// export, a disk that filled up) is a defect, wherever it stops.
func TestPartCutShort(t *testing.T) {
	doc := sheetDoc(manyRows())
	dir := t.TempDir()
	for _, cut := range []int{len(doc) / 3, len(doc) / 2, len(doc) - 40, len(doc) - 1} {
		p := filepath.Join(dir, "cut.xlsx")
		writeXLSX(t, p, commonSST, false, doc[:cut])
		rows, err := scanRows(p, "Sheet1")
		var de *DefectError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), "cắt cụt") && !strings.Contains(err.Error(), "XML") {
			t.Errorf("cut at %d of %d: %d rows, err %v; want a defect", cut, len(doc), len(rows), err)
		}
	}
}

// rewriteZip copies a zip, letting edit change each entry's header and
// bytes (stored, so that the bytes are the part's own).
func rewriteZip(t *testing.T, src, dst string, edit func(h *zip.FileHeader, data []byte) ([]*zip.FileHeader, [][]byte)) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var data bytes.Buffer
		if _, err := data.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		h := f.FileHeader
		h.Method = zip.Store
		hs, ds := edit(&h, data.Bytes())
		for i := range hs {
			hs[i].CompressedSize64, hs[i].UncompressedSize64 = 0, 0
			w, err := zw.CreateHeader(hs[i])
			if err != nil {
				t.Fatal(err)
			}
			w.Write(ds[i])
		}
	}
	zw.Close()
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDuplicateEntryRefused: a part that is in the zip twice is read as one
// copy by one reader and the other by another; the workbook is refused.
func TestDuplicateEntryRefused(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	writeXLSX(t, src, commonSST, false, sheetDoc(`<row r="1"><c r="A1"><v>1</v></c></row>`))
	rewriteZip(t, src, dst, func(h *zip.FileHeader, data []byte) ([]*zip.FileHeader, [][]byte) {
		if h.Name != "xl/worksheets/sheet1.xml" {
			return []*zip.FileHeader{h}, [][]byte{data}
		}
		h2 := *h
		return []*zip.FileHeader{h, &h2}, [][]byte{data, []byte(sheetDoc(`<row r="1"><c r="A1"><v>2</v></c></row>`))}
	})
	_, err := Open(dst)
	var de *DefectError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "hai lần") || !strings.Contains(err.Error(), "sheet1.xml") {
		t.Fatalf("Open = %v, want a defect naming the part twice", err)
	}
	zr, _ := zip.OpenReader(dst)
	defer zr.Close()
	if err := CheckPackage(&zr.Reader); err == nil || !strings.Contains(err.Error(), "hai lần") {
		t.Errorf("CheckPackage = %v, want the duplicate", err)
	}
}

// TestWrongCRCRefused: a stored part whose bytes do not match its CRC-32
// is a defect, on the scanner and in CheckPackage, not rows lost.
func TestWrongCRCRefused(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	writeXLSX(t, src, commonSST, false, sheetDoc(manyRows()))
	rewriteZip(t, src, dst, func(h *zip.FileHeader, data []byte) ([]*zip.FileHeader, [][]byte) {
		return []*zip.FileHeader{h}, [][]byte{data}
	})
	// Flip one digit of a value inside the stored sheet: the XML stays
	// well-formed, only the CRC can tell.
	raw, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, []byte(`<v>4000.25</v>`))
	if i < 0 {
		t.Fatal("value not found in the stored part")
	}
	raw[i+3] = '5'
	if err := os.WriteFile(dst, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = scanRows(dst, "Sheet1")
	var de *DefectError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "CRC") {
		t.Fatalf("Rows = %v, want a CRC defect", err)
	}
	zr, _ := zip.OpenReader(dst)
	defer zr.Close()
	if err := CheckPackage(&zr.Reader); err == nil || !strings.Contains(err.Error(), "CRC") {
		t.Errorf("CheckPackage = %v, want the CRC defect", err)
	}
}

// TestWorkbookPartDefectsRefused (SPEC §4, "Reading faithfully"): two sheets
// of one name (without case, as Excel compares them), two relationships of
// one id, or two sheets on one relationship are written by no spreadsheet
// program, and readers resolve them differently: the scanner and the checker
// excelize's reading goes through both refuse the workbook, naming the part.
func TestWorkbookPartDefectsRefused(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.xlsx")
	one := sheetDoc(`<row r="1"><c r="A1"><v>1</v></c></row>`)
	writeXLSX(t, src, commonSST, false, one, one)
	for _, c := range []struct{ name, part, old, new, words string }{
		{"sameName", "xl/workbook.xml", `name="Sheet2"`, `name="SHEET1"`, "hai sheet cùng tên"},
		{"sameRelID", "xl/_rels/workbook.xml.rels", `Id="rId2"`, `Id="rId1"`, "hai quan hệ cùng mã"},
		{"sameSheetRel", "xl/workbook.xml", `r:id="rId2"`, `r:id="rId1"`, "cùng trỏ tới"},
	} {
		dst := filepath.Join(dir, c.name+".xlsx")
		rewriteZip(t, src, dst, func(h *zip.FileHeader, data []byte) ([]*zip.FileHeader, [][]byte) {
			if h.Name == c.part {
				data = []byte(strings.Replace(string(data), c.old, c.new, 1))
			}
			return []*zip.FileHeader{h}, [][]byte{data}
		})
		_, err := Open(dst)
		var de *DefectError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), c.words) {
			t.Errorf("%s: Open = %v, want a defect: %s", c.name, err, c.words)
		}
		zr, err := zip.OpenReader(dst)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckPackage(&zr.Reader); !errors.As(err, &de) || !strings.Contains(err.Error(), c.words) {
			t.Errorf("%s: CheckPackage = %v, want a defect: %s", c.name, err, c.words)
		}
		zr.Close()
	}
}
