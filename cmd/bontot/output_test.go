package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Without --format, the extension of -o chooses the format: the file holds
// exactly what that format prints.
func TestOutputExtensionSetsFormat(t *testing.T) {
	dir := t.TempDir()
	for ext, format := range map[string]string{".json": "json", ".csv": "csv", ".txt": "table", ".JSON": "json"} {
		out := filepath.Join(dir, "ket-qua"+ext)
		if _, stderr, code := runCmd(t, "evaluate", example, "-o", out); code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, stderr)
		}
		want, _, _ := runCmd(t, "evaluate", example, "--format", format)
		if got, err := os.ReadFile(out); err != nil || string(got) != want {
			t.Errorf("-o ket-qua%s does not hold the %s report (err %v)", ext, format, err)
		}
	}
	out := filepath.Join(dir, "bao-cao.xlsx")
	if _, stderr, code := runCmd(t, "evaluate", example, "-o", out); code != 0 {
		t.Fatalf("xlsx: exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("-o bao-cao.xlsx is no workbook: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList()[0]; got != "Tổng hợp" {
		t.Errorf("first sheet %q, want the report's Tổng hợp", got)
	}
}

// A format the extension contradicts, an extension bontot does not write
// and a name without extension are refused before anything is written.
func TestOutputFormatContradictionRefused(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "json", "-o", filepath.Join(dir, "r.xlsx")}, "--format json mâu thuẫn với đuôi .xlsx"},
		{[]string{"--format", "table", "-o", filepath.Join(dir, "r.csv")}, "--format table mâu thuẫn với đuôi .csv"},
		{[]string{"-o", filepath.Join(dir, "r.pdf")}, "không ghi được định dạng .pdf"},
		{[]string{"--format", "json", "-o", filepath.Join(dir, "r.pdf")}, "không ghi được định dạng .pdf"},
		{[]string{"-o", filepath.Join(dir, "ket-qua")}, "không có đuôi tệp"},
	} {
		stdout, stderr, code := runCmd(t, append([]string{"evaluate", example}, c.args...)...)
		first, _, _ := strings.Cut(stderr, "\n")
		if code != exitFailure || stdout != "" || !strings.HasPrefix(first, "bontot: ") || !strings.Contains(first, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 saying %q", c.args, code, first, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused runs wrote %d files", len(entries))
	}
}

// A folder, a symbolic link and (on Unix) a device or a FIFO are no place
// for a report: refused, and the report is neither written through nor
// over them.
func TestOutputOntoNonRegularFileRefused(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "thu-muc.json")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "that.json")
	if err := os.WriteFile(target, []byte("giữ nguyên"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "lien-ket.json")
	cases := map[string]string{folder: "là một thư mục"}
	if err := os.Symlink(target, link); err == nil {
		cases[link] = "là một liên kết"
	}
	for _, extra := range nonRegularOutputs(t, dir) {
		cases[extra[0]] = extra[1]
	}
	for path, want := range cases {
		_, stderr, code := runCmd(t, "evaluate", example, "--format", "json", "-o", path)
		if code != exitFailure || !strings.Contains(stderr, "từ chối ghi vào") || !strings.Contains(stderr, want) {
			t.Errorf("-o %s: exit %d, stderr %q; want exit 1 saying it %s", path, code, stderr, want)
		}
	}
	if got, _ := os.ReadFile(target); string(got) != "giữ nguyên" {
		t.Errorf("the link's target was written: %q", got)
	}
	if st, err := os.Lstat(link); err == nil && st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	// The template goes through the same writer.
	if _, ok := cases[link]; ok {
		linkX := filepath.Join(dir, "mau.xlsx")
		if err := os.Symlink(target, linkX); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := runCmd(t, "template", "-o", linkX, "--force")
		if code != exitFailure || !strings.Contains(stderr, "là một liên kết") {
			t.Errorf("template -o onto a link: exit %d, stderr %q", code, stderr)
		}
	}
}

// A criteria file that is not a regular file, or past a megabyte, is
// refused before it is read.
func TestCriteriaFileRefusedWhenNotRegularOrTooBig(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "lon.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# chú thích\n"), 100_000), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{big: "lớn hơn 1 MB", dir: "không phải tệp thường"}
	for _, extra := range nonRegularInputs(t, dir) {
		cases[extra] = "không phải tệp thường"
	}
	for path, want := range cases {
		for _, args := range [][]string{{"evaluate", example, "--criteria", path}, {"criteria", "--criteria", path}} {
			_, stderr, code := runCmd(t, args...)
			if code != exitFailure || !strings.Contains(stderr, want) {
				t.Errorf("%v: exit %d, stderr %q; want exit 1 saying %q", args, code, stderr, want)
			}
		}
	}
}

// copyExample copies the example workbook into dir as name.
func copyExample(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type jsonDoc struct {
	Units    []json.RawMessage `json:"units"`
	Problems []struct {
		Code     string `json:"code"`
		Severity string `json:"severity"`
		File     string `json:"file"`
		Sheet    string `json:"sheet"`
		Message  string `json:"message"`
	} `json:"problems"`
}

func decodeJSON(t *testing.T, s string) jsonDoc {
	t.Helper()
	var d jsonDoc
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	return d
}

// A report written into the folder it was made from is skipped by the next
// run with a note: same units, same exit. The template bontot writes is
// read, not skipped: units fill it in.
func TestFolderRunSkipsItsOwnReport(t *testing.T) {
	dir := t.TempDir()
	copyExample(t, dir, "khoi.xlsx")
	before, stderr, code := runCmd(t, "evaluate", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, out := range []string{"bao-cao.xlsx", filepath.Join("cu", "bao-cao-2023.xlsx")} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(out)), 0o755); err != nil {
			t.Fatal(err)
		}
		if _, stderr, code := runCmd(t, "evaluate", dir, "-o", filepath.Join(dir, out)); code != 0 {
			t.Fatalf("writing %s: exit %d: %s", out, code, stderr)
		}
	}
	after, stderr, code := runCmd(t, "evaluate", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("with the reports in the folder: exit %d: %s", code, stderr)
	}
	b, a := decodeJSON(t, before), decodeJSON(t, after)
	ub, _ := json.Marshal(b.Units)
	ua, _ := json.Marshal(a.Units)
	if !bytes.Equal(ub, ua) {
		t.Error("the units changed once reports were in the folder")
	}
	notes := 0
	for _, p := range a.Problems {
		if p.Code == "file.own_report" {
			notes++
		}
	}
	if notes != 2 || len(a.Problems) != len(b.Problems)+2 {
		t.Errorf("%d report notes, %d problems (before %d); want one note per report", notes, len(a.Problems), len(b.Problems))
	}

	if _, stderr, code := runCmd(t, "template", "-o", filepath.Join(dir, "mau-cb99.xlsx"), "--unit", "CB99", "--name", "Chi bộ mới", "--type", "chi_bo_co_so"); code != 0 {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	withTemplate, _, _ := runCmd(t, "evaluate", dir, "--format", "json")
	if !strings.Contains(withTemplate, `"code": "CB99"`) {
		t.Error("the filled-in template was skipped like a report")
	}
}

// Files a folder run cannot read show in every output, and the others are
// evaluated: exit 3.
func TestFolderProblemsReachEveryOutput(t *testing.T) {
	dir := t.TempDir()
	copyExample(t, dir, "khoi.xlsx")
	if err := os.WriteFile(filepath.Join(dir, "hong.xlsx"), []byte("không phải sổ"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "don-vi-cu.xls"), []byte{0xD0, 0xCF}, 0o644); err != nil {
		t.Fatal(err)
	}
	names := []string{"hong.xlsx", "don-vi-cu.xls"}
	for _, format := range []string{"json", "csv", "table"} {
		stdout, stderr, code := runCmd(t, "evaluate", dir, "--format", format)
		if code != exitDataErrors {
			t.Errorf("%s: exit %d, want 3; stderr %q", format, code, stderr)
		}
		if !strings.Contains(stdout, "DB01-01") {
			t.Errorf("%s: the readable workbook was not evaluated", format)
		}
		for _, n := range names {
			if !strings.Contains(stdout, n) {
				t.Errorf("%s: output does not name %s", format, n)
			}
		}
		if format == "csv" && !strings.Contains(stdout, "\nproblem,,,,,,,,,,,error,,,\"don-vi-cu.xls: ") {
			t.Errorf("csv: no problem row for the .xls file")
		}
	}
	out := filepath.Join(t.TempDir(), "bao-cao.xlsx")
	if _, _, code := runCmd(t, "evaluate", dir, "-o", out); code != exitDataErrors {
		t.Errorf("xlsx: exit %d, want 3", code)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Cảnh báo và lỗi dữ liệu")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range rows {
		all.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, n := range names {
		if !strings.Contains(all.String(), n) {
			t.Errorf("xlsx: problems sheet does not name %s", n)
		}
	}
}

// One unreadable workbook, given alone or as the only workbook of a folder,
// is exit 1 with its sentence: there is nothing to evaluate.
func TestSingleUnreadableWorkbookIsExitOne(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "hong.xlsx")
	if err := os.WriteFile(bad, []byte("không phải sổ"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "~$hong.xlsx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{bad, dir} {
		stdout, stderr, code := runCmd(t, "evaluate", arg, "--format", "json")
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		if code != exitFailure || stdout != "" || len(lines) != 1 || !strings.Contains(stderr, "tệp không phải sổ Excel .xlsx") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and one sentence", arg, code, stdout, stderr)
		}
	}
}
