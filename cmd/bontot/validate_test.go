package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// validateBook writes a small bloc workbook; bad adds a row with an
// out-of-range score.
func validateBook(t *testing.T, dir, name string, bad bool) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetSheetName("Sheet1", "Đơn vị")
	rows := map[string][][]any{
		"Đơn vị": {{"Mã đơn vị", "Tên đơn vị", "Loại", "Trực thuộc"},
			{"DB01", "Đảng bộ Sở Y tế", "Đảng bộ cơ sở"},
			{"CB01", "Chi bộ Phòng Tổ chức", "Chi bộ trực thuộc", "DB01"},
			{"CB02", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở"}},
		"Sinh hoạt": {{"Mã đơn vị", "Ngày", "Loại", "Điểm"},
			{"CB01", "15/01/2024", "Thường kỳ", 92},
			{"CB02", "16/01/2024", "Chuyên đề", "8,5"}},
	}
	if bad {
		rows["Sinh hoạt"] = append(rows["Sinh hoạt"], []any{"CB02", "17/01/2024", "Thường kỳ", 105})
	}
	for _, name := range []string{"Đơn vị", "Sinh hoạt"} {
		if name != "Đơn vị" {
			_, _ = f.NewSheet(name)
		}
		for i, r := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestValidateClean(t *testing.T) {
	path := validateBook(t, t.TempDir(), "khoi.xlsx", false)
	out, errOut, code := runCmd(t, "validate", path, "--year", "2024")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"Tổng cộng: 0 lỗi, ",
		"Đã đọc:\n  " + path + "\n    Đơn vị         3 dòng\n    Sinh hoạt      2 dòng\n",
		"Đơn vị: 3 (1 đảng bộ cơ sở, 1 chi bộ cơ sở, 1 chi bộ trực thuộc)",
		"Năm đánh giá: 2024 (theo --year)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestValidateDataErrorsExitThree(t *testing.T) {
	path := validateBook(t, t.TempDir(), "khoi.xlsx", true)
	out, errOut, code := runCmd(t, "validate", path)
	if code != exitDataErrors || errOut != "" {
		t.Fatalf("exit %d, stderr %q, want 3 and nothing on stderr", code, errOut)
	}
	for _, want := range []string{"khoi.xlsx\n", "  › Sinh hoạt\n    D4     lỗi [CB02]: Điểm 105 ngoài khoảng 0–100\n", "\nTổng cộng: 1 lỗi, ",
		"Năm đánh giá: 2024 (suy ra từ ngày sinh hoạt, họp cấp ủy)", "Đơn vị có lỗi dữ liệu (sẽ bị đánh giá \"lỗi dữ liệu\"): CB02"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestValidateFolder(t *testing.T) {
	dir := t.TempDir()
	validateBook(t, dir, "a.xlsx", false)
	validateBook(t, dir, "b.xlsx", false)
	out, _, code := runCmd(t, "validate", dir, "--year", "2024")
	if code != exitDataErrors {
		t.Errorf("exit %d, want 3 (every code is defined twice)", code)
	}
	if !strings.Contains(out, `b.xlsx › Đơn vị!A2; mỗi mã chỉ được khai báo một lần`) {
		t.Errorf("duplicate codes not reported with both places:\n%s", out)
	}
}

// Every file that cannot be read ends with exit 1 and one line on stderr.
func TestValidateUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	zipOf := func(name string, hdr *zip.FileHeader, body []byte) string {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("xl/workbook.xml")
		_, _ = w.Write([]byte("<workbook/>"))
		if hdr != nil {
			w, err := zw.CreateRaw(hdr)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = w.Write(body)
		}
		_ = zw.Close()
		if hdr == nil {
			buf.Reset()
			zw := zip.NewWriter(&buf)
			w, _ := zw.Create("word/document.xml")
			_, _ = w.Write([]byte("<document/>"))
			_ = zw.Close()
		}
		return write(name, buf.Bytes())
	}
	encrypted := filepath.Join(dir, "mat-khau.xlsx")
	f := excelize.NewFile()
	if err := f.SaveAs(encrypted, excelize.Options{Password: "bimat"}); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()

	tests := map[string]string{
		write("rac.xlsx", bytes.Repeat([]byte{0x13, 0x37, 0xfe}, 999)): "tệp không phải sổ Excel .xlsx",
		write("rong.xlsx", nil):     "tệp rỗng",
		zipOf("zip.xlsx", nil, nil): "không có xl/workbook.xml",
		write("cu.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)): "tệp Office cũ",
		encrypted: "hãy chạy lại với --password",
		// A sheet that declares 4 GiB from a few bytes: refused unread.
		zipOf("bom.xlsx", &zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
			UncompressedSize64: 4 << 30, CompressedSize64: 2}, []byte{0x03, 0x00}): "vượt giới hạn",
		filepath.Join(dir, "khong-co.xlsx"): "không tìm thấy",
	}
	for path, want := range tests {
		out, errOut, code := runCmd(t, "validate", path)
		lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
		if code != exitFailure || out != "" || len(lines) != 1 ||
			!strings.HasPrefix(errOut, `bontot: không đọc được "`+path+`": `) || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and one line saying %q", filepath.Base(path), code, out, errOut, want)
		}
	}
}

func TestValidateArguments(t *testing.T) {
	_, errOut, code := runCmd(t, "validate")
	if code != exitFailure || !strings.Contains(errOut, "cần ít nhất một tệp") || !strings.HasSuffix(errOut, "\nXem: bontot validate --help\n") || strings.Contains(errOut, "Cách dùng") {
		t.Errorf("no arguments: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runCmd(t, "validate", "x.xlsx", "--year", "24")
	if code != exitFailure || !strings.Contains(errOut, "--year 24 không hợp lệ") {
		t.Errorf("bad year: exit %d, stderr %q", code, errOut)
	}
}

// The example workbook of the README validates cleanly.
func TestValidateExample(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "khoi-2024.xlsx")
	if _, err := os.Stat(path); err != nil {
		t.Skip("example workbook not present")
	}
	out, errOut, code := runCmd(t, "validate", path)
	if code != exitOK || errOut != "" || !strings.Contains(out, "Năm đánh giá: 2024") {
		t.Errorf("exit %d, stderr %q\n%s", code, errOut, out)
	}
}

// Regression: validate said "Không có vấn đề nào trong
// dữ liệu" of a file evaluate then called "Thiếu dữ liệu". Every check
// evaluate cannot judge for want of data is a warning of validate naming
// the check and the criterion it keeps from "Đạt"; one reading and one
// evaluation serve both commands.
func TestValidateWarnsOfEveryMissingDataCheck(t *testing.T) {
	path := validateBook(t, t.TempDir(), "khoi.xlsx", false)
	js, _, code := runCmd(t, "evaluate", path, "--year", "2024", "--format", "json")
	if code != exitOK {
		t.Fatalf("evaluate: exit %d", code)
	}
	var doc struct {
		Units []struct {
			Code     string
			Criteria []struct {
				ID     string
				Checks []struct{ ID, Status string }
			}
		}
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "validate", path, "--year", "2024")
	if code != exitOK {
		t.Fatalf("validate: exit %d", code)
	}
	if strings.Contains(out, "Không có vấn đề nào") {
		t.Errorf("validate calls clean a file evaluate finds data missing in:\n%s", out)
	}
	lines := strings.Split(out, "\n")
	missing := 0
	for _, u := range doc.Units {
		for _, c := range u.Criteria {
			for _, ch := range c.Checks {
				if ch.Status != "thieu_du_lieu" {
					continue
				}
				missing++
				found := false
				for _, l := range lines {
					_, keeps, _ := strings.Cut(l, " thiếu dữ liệu nên ")
					keeps, _, _ = strings.Cut(keeps, " chưa thể “Đạt”")
					if strings.Contains(l, "cảnh báo ["+u.Code+"]") && strings.Contains(l, "["+ch.ID+"]") &&
						strings.Contains(keeps, strings.ToUpper(c.ID)) {
						found = true
					}
				}
				if !found {
					t.Errorf("evaluate: %s %s thieu_du_lieu; validate has no warning naming it", u.Code, ch.ID)
				}
			}
		}
	}
	if missing == 0 {
		t.Fatal("the fixture has no missing data: the test proves nothing")
	}
	// Items not recorded are named too, and --strict says they count.
	out, _, _ = runCmd(t, "validate", path, "--year", "2024", "--strict")
	if !strings.Contains(out, "cảnh báo [CB02]: Đơn vị CB02 chưa tự đánh giá mục nào (0/12 mục) (chế độ nghiêm ngặt") {
		t.Errorf("validate --strict does not warn of unrecorded items as evaluate --strict counts them:\n%s", out)
	}
}
