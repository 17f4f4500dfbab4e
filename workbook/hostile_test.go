package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
)

// writeZip writes a zip archive of the given parts.
func writeZip(t *testing.T, path string, parts map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeZipBomb writes a workbook whose sheet inflates to size bytes of
// 'a' from about size/1000 bytes on disk. The archive is honest (its sizes
// and CRC are true): the reader must refuse it from the declared size, as
// inflating it would be the attack.
func writeZipBomb(t *testing.T, path string, size int64) {
	t.Helper()
	const chunk = 1 << 20
	plain := bytes.Repeat([]byte("a"), chunk)
	var one bytes.Buffer
	fw, _ := flate.NewWriter(&one, flate.BestCompression)
	_, _ = fw.Write(plain)
	_ = fw.Flush() // a byte-aligned, non-final block: copies can be chained
	n := size / chunk
	var body bytes.Buffer
	crc := uint32(0)
	for range n {
		body.Write(one.Bytes())
		crc = crc32.Update(crc, crc32.IEEETable, plain)
	}
	body.Write([]byte{0x01, 0x00, 0x00, 0xff, 0xff}) // final, empty stored block

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"} {
		w, _ := zw.Create(name)
		_, _ = io.WriteString(w, body)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(body.Len()), UncompressedSize64: uint64(n * chunk)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(body.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadHostileFiles(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)

	noWorkbook := filepath.Join(dir, "khong-phai-so.xlsx")
	writeZip(t, noWorkbook, map[string]string{"word/document.xml": "<document/>"})
	xlsb := filepath.Join(dir, "nhi-phan.xlsx")
	writeZip(t, xlsb, map[string]string{"xl/workbook.bin": "\x00"})
	brokenSheet := filepath.Join(dir, "hong.xlsx")
	writeZip(t, brokenSheet, map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"xl/workbook.xml":            `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Đơn vị" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã`,
	})
	bomb := filepath.Join(dir, "bom.xlsx")
	writeZipBomb(t, bomb, totalLimit+(8<<20))

	tests := []struct {
		name, path, password, want string
	}{
		{"random bytes", file("ngau-nhien.xlsx", random), "", "tệp không phải sổ Excel .xlsx"},
		{"empty", file("rong.xlsx", nil), "", "tệp rỗng (0 byte)"},
		{"html saved as xls", file("bao-cao.xlsx", []byte("<html><table></table></html>")), "", "tệp XML/HTML đổi đuôi"},
		{"zip without workbook", noWorkbook, "", "không có xl/workbook.xml"},
		{"xlsb", xlsb, "", "sổ Excel nhị phân (.xlsb)"},
		{"OLE header", file("cu.xls", ole), "", "tệp Office cũ"},
		{"zip bomb", bomb, "", "giải nén ra " + sizeText(totalLimit+(8<<20))},
		{"broken sheet", brokenSheet, "", "bị hỏng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]string{tt.path}, Options{Password: tt.password})
			var fe *fileError
			if !errors.As(err, &fe) {
				t.Fatalf("error = %v, want a file error", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || !strings.Contains(msg, tt.path) || strings.Contains(msg, "\n") {
				t.Errorf("error = %q, want one line naming the file and saying %q", msg, tt.want)
			}
		})
	}
}

func TestReadEncrypted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mat-khau.xlsx")
	f := excelize.NewFile()
	_ = f.SetSheetName("Sheet1", "Đơn vị")
	_ = f.SetSheetRow("Đơn vị", "A1", &[]any{"Mã đơn vị", "Tên đơn vị", "Loại"})
	_ = f.SetSheetRow("Đơn vị", "A2", &[]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"})
	if err := f.SaveAs(path, excelize.Options{Password: "bimat"}); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()

	for pw, want := range map[string]string{"": "hãy chạy lại với --password", "sai": "mật khẩu không đúng"} {
		_, err := Read([]string{path}, Options{Password: pw})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("password %q: error = %v, want %q", pw, err, want)
		}
	}
	res, err := Read([]string{path}, Options{Password: "bimat", Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dataset.Units) != 1 || res.Dataset.Units[0].Code != "CB01" {
		t.Errorf("units = %+v", res.Dataset.Units)
	}
}

// A sheet bigger than the per-part limit is refused before it is inflated.
func TestReadOversizedSheet(t *testing.T) {
	defer func(total, part int64) { totalLimit, partLimit = total, part }(totalLimit, partLimit)
	partLimit = 64 << 10
	rows := [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại"}}
	for range 3000 {
		rows = append(rows, []any{"CB01", "Chi bộ có tên khá dài để sheet lớn lên", "Chi bộ cơ sở"})
	}
	path := writeBook(t, t.TempDir(), "lon.xlsx", sheet{"Đơn vị", rows})
	_, err := Read([]string{path}, Options{})
	if err == nil || !strings.Contains(err.Error(), `phần "xl/worksheets/sheet1.xml" giải nén ra`) || !strings.Contains(err.Error(), "vượt giới hạn 64 KiB") {
		t.Errorf("error = %v, want the oversized sheet named", err)
	}
	partLimit = 1 << 20
	totalLimit = 64 << 10
	_, err = Read([]string{path}, Options{})
	if err == nil || !strings.Contains(err.Error(), "vượt quá 64 KiB") {
		t.Errorf("error = %v, want the total limit", err)
	}
}

// Any sheet Excel can hold is read: the per-part limit is at
// least Excel's row limit at the widest layout bontot reads, as Excel
// writes each cell at the last row and column, and the whole-archive limit
// holds three such sheets. A sheet of the generated shape (measured on
// the generated bloc's Sinh hoạt, bytes per row) at Excel's row limit is
// well inside it.
func TestPartLimitCoversExcelRows(t *testing.T) {
	widest := widestColumns()
	if widest < len(schema.ByID(criteria.SheetMeetings).Columns)+1 {
		t.Fatalf("widest layout %d columns, fewer than Sinh hoạt's", widest)
	}
	cell := len(`<c r="XFD1048576" s="65535" t="s"><v>1048575</v></c>`)
	if cell > excelCellBytes {
		t.Fatalf("a cell at the last row and column is %d bytes, more than excelCellBytes %d", cell, excelCellBytes)
	}
	row := len(`<row r="1048576" spans="1:16384" s="65535" customFormat="1" ht="409.5" customHeight="1" x14ac:dyDescent="0.25">` + `</row>`)
	if row > excelRowBytes {
		t.Fatalf("a row's markup is %d bytes, more than excelRowBytes %d", row, excelRowBytes)
	}
	if want := int64(1<<20) * int64(row+widest*cell); partLimit < want {
		t.Errorf("partLimit %s < %s, Excel's row limit at %d columns", sizeText(partLimit), sizeText(want), widest)
	}
	if totalLimit < 3*partLimit {
		t.Errorf("totalLimit %s holds fewer than three sheets at the part limit %s", sizeText(totalLimit), sizeText(partLimit))
	}
	// The sheet an earlier, lower limit refused: a Sinh hoạt part of 389 MiB.
	if partLimit < 389<<20 {
		t.Errorf("partLimit %s refuses a 389 MiB Sinh hoạt", sizeText(partLimit))
	}
}

// The limit is a bound on the declared size, not below it: a sheet of
// exactly the limit is read, one byte more is refused (the limit injected
// small, as writing a sheet of a million rows here is too slow).
func TestPartLimitBoundary(t *testing.T) {
	defer func(total, part int64) { totalLimit, partLimit = total, part }(totalLimit, partLimit)
	rows := [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại"}}
	for range 2000 {
		rows = append(rows, []any{"CB01", "Chi bộ có tên khá dài để sheet lớn lên", "Chi bộ cơ sở"})
	}
	path := writeBook(t, t.TempDir(), "lon.xlsx", sheet{"Đơn vị", rows})
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var largest int64
	for _, f := range zr.File {
		largest = max(largest, int64(f.UncompressedSize64))
	}
	zr.Close()
	totalLimit = 1 << 30
	partLimit = largest
	if _, err := Read([]string{path}, Options{Today: date(2026, 12, 6)}); err != nil && strings.Contains(err.Error(), "vượt giới hạn") {
		t.Errorf("a part of exactly the limit refused: %v", err)
	}
	partLimit = largest - 1
	if _, err := Read([]string{path}, Options{Today: date(2026, 12, 6)}); err == nil || !strings.Contains(err.Error(), "vượt giới hạn") {
		t.Errorf("a part one byte over the limit: error = %v", err)
	}
}
