package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bontot/bontot/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// hostileExample is the example workbook with terminal controls typed into
// cells, stored as Excel stores them (ESC as _x001B_ in the shared
// strings; excelize would write U+FFFD instead, so the markers are
// patched into the XML by hand): CB02's name, the evidence note of one of
// its self-assessment rows, and the meeting type of one of its meetings,
// which the reader then quotes in an error.
func hostileExample(t *testing.T) string {
	t.Helper()
	f, err := excelize.OpenFile(example)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const hostile = "ESCMARK[2J BELMARK BSMARK\u009b"
	set := func(sheet, header, value string) {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		col := -1
		for i, h := range rows[0] {
			if h == header {
				col = i
			}
		}
		for r, row := range rows {
			if col >= 0 && len(row) > 1 && (row[0] == "CB02" || row[1] == "CB02") {
				cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
				if err := f.SetCellStr(sheet, cell, value); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatalf("no CB02 row with %s in %s", header, sheet)
	}
	set("Đơn vị", "Tên đơn vị", "Chi bộ Sở "+hostile+" Thông tin")
	set("Tự đánh giá", "Ghi chú", "Biên bản họp "+hostile+" tháng 3")
	set("Sinh hoạt", "Loại", "Thường "+hostile+" kỳ")
	saved := filepath.Join(t.TempDir(), "saved.xlsx")
	if err := f.SaveAs(saved); err != nil {
		t.Fatal(err)
	}
	markers := strings.NewReplacer("ESCMARK", "_x001B_", "BELMARK", "_x0007_", "BSMARK", "_x0008_")
	path := filepath.Join(t.TempDir(), "khoi-nguy-hiem.xlsx")
	err = workbooktest.EditParts(saved, path, func(_ string, data []byte) ([]byte, error) {
		return []byte(markers.Replace(string(data))), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// noControls fails when out holds a byte or rune a terminal would obey.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	for _, bad := range []string{"\x1b", "\a", "\b", "\u009b"} {
		if strings.Contains(out, bad) {
			t.Errorf("%s: %q reaches the terminal:\n%s", what, bad, out)
		}
	}
}

// TestControlCharactersNeverReachTheTerminal: a unit name, an evidence
// note and a meeting type holding "\x1b[2J", BEL, backspace and U+009B
// go through the table, --unit, validate and CSV without a control left,
// and the text around them is still there to read.
func TestControlCharactersNeverReachTheTerminal(t *testing.T) {
	path := hostileExample(t)

	// The reader decodes Excel's escapes: the controls really are in the data.
	js, _, _ := runCmd(t, "evaluate", path, "--format", "json")
	var doc struct{ Units []struct{ Code, Name string } }
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, u := range doc.Units {
		if u.Code == "CB02" {
			found = u.Name == "Chi bộ Sở \x1b[2J \a \b\u009b Thông tin"
			if !found {
				t.Fatalf("CB02 is read as %q: the controls did not reach the data, the test proves nothing", u.Name)
			}
		}
	}
	if !found {
		t.Fatal("no CB02 in the JSON")
	}

	const name = "Chi bộ Sở ␛[2J ␇ ␈� Thông tin"
	for _, tt := range []struct {
		what string
		args []string
		want []string
	}{
		{"table", []string{"evaluate", path}, []string{name, "Thường ␛[2J ␇ ␈� kỳ"}},
		{"--unit", []string{"evaluate", path, "--unit", "CB02"}, []string{name, "Biên bản họp ␛[2J ␇ ␈� tháng 3", `"Thường ␛[2J ␇ ␈�`}},
		{"validate", []string{"validate", path}, []string{"Thường ␛[2J ␇ ␈� kỳ"}},
		{"csv", []string{"evaluate", path, "--format", "csv"}, []string{"Chi bộ Sở [2J   Thông tin", "Biên bản họp [2J   tháng 3"}},
	} {
		out, errOut, code := runCmd(t, tt.args...)
		if code != exitDataErrors {
			t.Errorf("%s: exit %d, want 3 (the meeting type is an error): %s", tt.what, code, errOut)
		}
		noControls(t, tt.what+" stdout", out)
		noControls(t, tt.what+" stderr", errOut)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: %q missing from the output", tt.what, w)
			}
		}
	}
}

// A file name with an ESC in it, printed by validate's summary or quoted
// in an error on stderr, does not reach the terminal as a control either.
func TestFileNameWithControlsIsShownSafely(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "so\x1b[2J")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := validateBook(t, dir, "khoi\a.xlsx", false)
	out, errOut, code := runCmd(t, "validate", path)
	if code != exitOK || !strings.Contains(out, "so␛[2J/khoi␇.xlsx") {
		t.Errorf("validate: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	noControls(t, "validate", out)
	// A report into a folder that does not exist: the error quotes the path.
	report := filepath.Join(dir, "khong-co", "bao\bcao.json")
	_, errOut, code = runCmd(t, "evaluate", path, "--format", "json", "-o", report)
	if code != exitFailure || !strings.Contains(errOut, "so␛[2J/khong-co") || !strings.Contains(errOut, "chưa có; hãy tạo trước") {
		t.Errorf("evaluate -o: exit %d, stderr %q", code, errOut)
	}
	noControls(t, "evaluate -o", errOut)
}

// TestSystemErrorsInVietnamese: what the system, archive/zip or excelize
// says in English reaches the user as one Vietnamese sentence naming the
// file, on every path a command takes to a file.
func TestSystemErrorsInVietnamese(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, "vong.xlsx")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	// A workbook whose sheet uses a compression method no reader knows.
	var book bytes.Buffer
	zw := zip.NewWriter(&book)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"xl/workbook.xml":     `<?xml version="1.0"?><workbook/>`,
	} {
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: name, Method: 99, CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
		w.Write([]byte(body))
	}
	zw.Close()
	method := filepath.Join(dir, "nen-la.xlsx")
	if err := os.WriteFile(method, book.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"symlink loop", []string{"validate", loop}, `bontot: không đọc được "` + loop + `": không mở được: đường dẫn có lối tắt (liên kết) trỏ vòng trở lại chính nó`},
		{"unknown compression", []string{"evaluate", method}, `bontot: không đọc được "` + method + `": phần "`},
		{"criteria file is a folder", []string{"evaluate", example, "--criteria", dir}, "bontot: tệp tiêu chí " + dir + " không phải tệp thường (thư mục, thiết bị, FIFO…)"},
		{"criteria file loops", []string{"criteria", "--criteria", loop}, "bontot: không đọc được tệp tiêu chí " + loop + ": đường dẫn có lối tắt (liên kết) trỏ vòng trở lại chính nó"},
		{"report over a folder", []string{"evaluate", example, "--format", "json", "-o", dir}, "bontot: từ chối ghi vào " + dir + ": là một thư mục"},
	} {
		out, errOut, code := runCmd(t, tt.args...)
		if tt.name == "unknown compression" && !strings.Contains(errOut, "được nén theo kiểu không được hỗ trợ") {
			t.Errorf("unknown compression: stderr %q does not say so", errOut)
		}
		if code != exitFailure || out != "" || !strings.HasPrefix(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and one line starting %q", tt.name, code, out, errOut, tt.want)
		}
		for _, en := range []string{"permission", "denied", "exceeds", "exist", "symbolic", "too many", "unsupported", "algorithm", "zip:", "is a directory", "file exists", "rename", "open "} {
			if strings.Contains(errOut, en) {
				t.Errorf("%s: stderr keeps the English %q: %q", tt.name, en, errOut)
			}
		}
	}
}
