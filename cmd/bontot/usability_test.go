package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook"
)

// bookOf writes a workbook of the given sheets (rows of cells, header
// first) into dir and returns its path.
func bookOf(t *testing.T, dir, name string, sheets map[string][][]any, order ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range order {
		if i == 0 {
			_ = f.SetSheetName("Sheet1", sh)
		} else if _, err := f.NewSheet(sh); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[sh] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(sh, cell, &row); err != nil {
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

// Regression: a chi bộ's own workbook, checked with
// --unit, showed a ✗ for its cluster's pilot list (the upper committee's
// task) and "hạng 1/1", a rank against nothing.
func TestUnitViewIsAboutTheUnit(t *testing.T) {
	path := bookOf(t, t.TempDir(), "chi-bo.xlsx", map[string][][]any{
		"Đơn vị": {{"Mã đơn vị", "Tên đơn vị", "Loại", "Cụm", "Làm điểm"},
			{"CB01", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở", "Cụm 1", "Có"}},
		"Sinh hoạt": {{"Mã đơn vị", "Ngày", "Loại", "Điểm"},
			{"CB01", "15/01/2024", "Thường kỳ", 92}},
	}, "Đơn vị", "Sinh hoạt")
	out, _, _ := runCmd(t, "evaluate", path, "--unit", "CB01")
	for _, bad := range []string{"hạng 1/1", "Đơn vị làm điểm của cụm", "Cụm 1:"} {
		if strings.Contains(out, bad) {
			t.Errorf("the unit's view shows %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "Kết quả: Không đạt\n") {
		t.Errorf("the result line is not the verdict alone:\n%s", out)
	}
	js, _, _ := runCmd(t, "evaluate", path, "--unit", "CB01", "--format", "json")
	if strings.Contains(js, "pilot.cluster") {
		t.Errorf("the unit's JSON carries its cluster's pilot list:\n%s", js)
	}
	// With units to rank against, the rank is there.
	out, _, _ = runCmd(t, "evaluate", example, "--unit", "CB02")
	if !strings.Contains(out, " · hạng 5/6 chi bộ cơ sở") {
		t.Errorf("a bloc's unit view lost its rank:\n%s", out)
	}
}

// Regression: a CSV of a workbook with cell errors
// had no problem rows, while stderr pointed to "mục problems/Cảnh báo và
// lỗi dữ liệu", which a CSV has not got. The CSV lists the errors, and
// stderr names the place each format gives them.
func TestDataErrorsAreWhereTheMessageSays(t *testing.T) {
	dir := t.TempDir()
	path := validateBook(t, dir, "khoi.xlsx", true)
	out, errOut, code := runCmd(t, "evaluate", path, "--format", "csv")
	if code != exitDataErrors {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "\nproblem,,CB02,,,,,,,,,error,,,khoi.xlsx › Sinh hoạt!D4: Điểm 105 ngoài khoảng 0–100,score.out_of_range\n") {
		t.Errorf("the CSV lacks the cell error:\n%s", out)
	}
	for _, c := range []struct{ args, want []string }{
		{[]string{"--format", "csv"}, []string{`xem các dòng có type là "problem"`}},
		{[]string{"--format", "json"}, []string{`xem mục "problems" của báo cáo JSON`}},
		{[]string{"-o", filepath.Join(dir, "bao-cao.xlsx")}, []string{`xem sheet "Cảnh báo và lỗi dữ liệu" của báo cáo`}},
		{[]string{"-o", filepath.Join(dir, "bao-cao.txt")}, []string{`xem mục "VẤN ĐỀ DỮ LIỆU" cuối báo cáo`}},
	} {
		_, errOut, _ = runCmd(t, append([]string{"evaluate", path}, c.args...)...)
		for _, want := range c.want {
			if !strings.Contains(errOut, want) {
				t.Errorf("%v: stderr lacks %q: %q", c.args, want, errOut)
			}
		}
		if strings.Contains(errOut, "problems/") {
			t.Errorf("%v: stderr names sections of two formats: %q", c.args, errOut)
		}
	}
}

// Regression: -o into a folder that does not exist
// failed only after the whole evaluation, in the system's words; it fails
// first (the input below does not even exist), saying what to do.
func TestOutputFolderMissingFailsFirst(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "bao-cao", "2024.json")
	_, errOut, code := runCmd(t, "evaluate", filepath.Join(dir, "khong-co.xlsx"), "-o", out)
	want := "bontot: thư mục " + filepath.Join(dir, "bao-cao") + " chưa có; hãy tạo trước"
	if code != exitFailure || !strings.HasPrefix(errOut, want) {
		t.Errorf("exit %d, stderr %q; want %q", code, errOut, want)
	}
}

// Regression: -o onto a read-only file replaced it
// (the rename ignores the mode), and a report written again lost the mode
// its owner gave it.
func TestOutputModes(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "chi-doc.json")
	if err := os.WriteFile(ro, []byte("cũ"), 0o444); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCmd(t, "evaluate", example, "-o", ro)
	if data, _ := os.ReadFile(ro); code != exitFailure || string(data) != "cũ" || !strings.Contains(errOut, "tệp chỉ cho đọc (read-only)") {
		t.Errorf("read-only: exit %d, stderr %q, file now %d bytes", code, errOut, len(data))
	}
	own := filepath.Join(dir, "rieng.json")
	if err := os.WriteFile(own, []byte("cũ"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCmd(t, "evaluate", example, "-o", own); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if st, err := os.Stat(own); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Errorf("the report's mode became %v, want 0600 as before", st.Mode())
	}
}

// Regression: -o inside the --split folder let the
// bloc's report overwrite a unit's own of the same name.
func TestOutputInsideSplitFolderRefused(t *testing.T) {
	dir := t.TempDir()
	for _, out := range []string{filepath.Join(dir, "don-vi", "CB01.xlsx"), filepath.Join(dir, "don-vi", "con", "chung.xlsx")} {
		_, errOut, code := runCmd(t, "evaluate", example, "--split", filepath.Join(dir, "don-vi"), "-o", out)
		if code != exitFailure || !strings.Contains(errOut, "nằm trong thư mục --split") {
			t.Errorf("-o %s: exit %d, stderr %q", out, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "don-vi")); err == nil {
		t.Error("the split folder was made before the refusal")
	}
	// Beside it is fine.
	if !inFolder(filepath.Join(dir, "a", "b.xlsx"), filepath.Join(dir, "a")) || inFolder(filepath.Join(dir, "ab.xlsx"), filepath.Join(dir, "a")) ||
		inFolder(filepath.Join(dir, "a..b", "c.xlsx"), filepath.Join(dir, "a")) {
		t.Error("inFolder is wrong")
	}
}

// Regression: the window of a workbook dropped on
// bontot.exe told its user to add or remove flags ("bỏ --summary",
// "--unit MÃ", "--year", "thêm --as-of 31/12/2026"), which a person who
// drags a file cannot do. It names what to open instead.
func TestDroppedWindowNamesNoFlag(t *testing.T) {
	dir := t.TempDir()
	openReport = func(string) error { return nil }
	defer func() { openReport = openFile }()
	for _, wb := range []string{
		// No dated row: the year is this one, unfinished, and the reader
		// warns that it guessed it.
		bookOf(t, dir, "chi-bo.xlsx", map[string][][]any{
			"Đơn vị":    {{"Mã đơn vị", "Tên đơn vị", "Loại"}, {"CB01", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở"}},
			"Sinh hoạt": {{"Mã đơn vị", "Ngày", "Loại", "Điểm"}},
		}, "Đơn vị", "Sinh hoạt"),
		validateBook(t, dir, "khoi.xlsx", true),
	} {
		var out, errb bytes.Buffer
		runExplorer(context.Background(), launchDropped, []string{wb}, streams{In: strings.NewReader("\n"), Out: &out, Err: &errb, Now: fixedNow})
		all := out.String() + errb.String()
		if strings.Contains(all, "--") || strings.Contains(all, "mục problems") {
			t.Errorf("%s: the window names a flag:\n%s", filepath.Base(wb), all)
		}
		if !strings.Contains(all, "báo cáo Excel") {
			t.Errorf("%s: the window does not say where to look:\n%s", filepath.Base(wb), all)
		}
	}
}

// Regression: --type took only the JSON identifiers,
// though the workbook's Loại column takes "Chi bộ cơ sở"; and the guide
// sheet's commands named "so-bon-tot.xlsx" with a line asking to replace
// it, not the workbook they are in.
func TestTemplateSpeaksTheSecretarysWords(t *testing.T) {
	dir := t.TempDir()
	for typ, want := range map[string]criteria.UnitType{
		"Chi bộ cơ sở": criteria.CellGrassroots, "chi bo co so": criteria.CellGrassroots,
		"ĐẢNG BỘ CƠ SỞ": criteria.Committee, "chi_bo_truc_thuoc": criteria.CellSubordinate,
	} {
		if got, ok := parseUnitType(typ); !ok || got != want {
			t.Errorf("--type %q: %q %v, want %q", typ, got, ok, want)
		}
	}
	if _, ok := parseUnitType("Chi bộ"); ok {
		t.Error(`--type "Chi bộ" taken for a type`)
	}
	path := filepath.Join(dir, "chi bo tu phap.xlsx")
	out, errOut, code := runCmd(t, "template", "--unit", "CB01", "--name", "Chi bộ Sở Tư pháp", "--type", "Chi bộ cơ sở", "-o", path)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	prog := programName()
	if !strings.Contains(out+errOut, prog+` validate "`+path+`"`) {
		t.Errorf("the closing message does not name the workbook: %q %q", out, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Hướng dẫn")
	if err != nil {
		t.Fatal(err)
	}
	var guide strings.Builder
	for _, r := range rows {
		guide.WriteString(strings.Join(r, " ") + "\n")
	}
	for _, want := range []string{prog + ` validate "chi bo tu phap.xlsx"`, prog + ` evaluate "chi bo tu phap.xlsx" --unit CB01 --as-of`} {
		if !strings.Contains(guide.String(), want) {
			t.Errorf("the guide lacks %q:\n%s", want, guide.String())
		}
	}
	if strings.Contains(guide.String(), "so-bon-tot.xlsx") {
		t.Errorf("the guide still names an example file:\n%s", guide.String())
	}
}

// Regression: a single .ods or .csv was "tệp không phải
// sổ Excel .xlsx" while the same file in a folder got a sentence saying
// what it is and what to do; an Excel lock file did not say that the
// open workbook may hold changes not yet saved.
func TestForeignFileAndLockFileSaySo(t *testing.T) {
	dir := t.TempDir()
	for name, what := range map[string]string{"so.csv": "tệp CSV", "so.ods": "bảng tính LibreOffice/OpenOffice (.ods)"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("PK\x03\x04 not really"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errOut, code := runCmd(t, "validate", p)
		if want := "đây là " + what + ", bontot không đọc được; hãy mở bằng Excel, lưu lại dưới dạng .xlsx"; code != exitFailure || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", name, code, errOut, want)
		}
	}
	folder := filepath.Join(dir, "so")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	validateBook(t, folder, "khoi.xlsx", false)
	if err := os.WriteFile(filepath.Join(folder, "~$khoi.xlsx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ := runCmd(t, "validate", folder, "--year", "2024")
	if !strings.Contains(out, "có thể còn thay đổi chưa lưu") {
		t.Errorf("the lock file does not warn of unsaved changes:\n%s", out)
	}
}

// Regression: the progress bar first drew "(0/-)",
// then counted "(3/48)" without saying of what.
func TestProgressSaysWhatItCounts(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.xlsx", "b.xlsx"} {
		validateBook(t, dir, n, false)
	}
	in, err := workbook.Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	if _, err := readWithProgress(in, workbook.Options{Year: 2024}, streams{Err: &errb, ErrTTY: true, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	got := errb.String()
	if strings.Contains(got, "/-") || !strings.Contains(got, "Đang đọc 2 sổ Excel: đã đọc ") || !strings.Contains(got, " sheet") {
		t.Errorf("progress line %q", got)
	}
}

// Regression: TERM=dumb got colour, an empty NO_COLOR
// turned it off (no-color.org: only a non-empty value does), and nothing
// chose colour for a run; --color auto|always|never does.
func TestColourChoice(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	for _, c := range []struct {
		tty  bool
		env  map[string]string
		want bool
	}{
		{true, map[string]string{"TERM": "xterm-256color"}, true},
		{true, map[string]string{"TERM": "dumb"}, false},
		{true, map[string]string{"NO_COLOR": ""}, true},
		{true, map[string]string{"NO_COLOR": "1"}, false},
		{false, map[string]string{}, false},
	} {
		if got := colorDefault(c.tty, env(c.env)); got != c.want {
			t.Errorf("tty %v, env %v: colour %v, want %v", c.tty, c.env, got, c.want)
		}
	}
	for mode, want := range map[string]bool{"always": true, "never": false} {
		var out bytes.Buffer
		code := run([]string{"evaluate", example, "--summary", "--color", mode}, streams{In: strings.NewReader(""), Out: &out, Err: &out, Now: fixedNow, Color: !want})
		if code != exitOK || strings.Contains(out.String(), "\x1b[") != want {
			t.Errorf("--color %s: exit %d, colour %v", mode, code, !want)
		}
	}
	_, errOut, code := runCmd(t, "evaluate", example, "--color", "yes")
	if code != exitFailure || !strings.Contains(errOut, `--color "yes" không hợp lệ; chọn auto, always hoặc never`) {
		t.Errorf("--color yes: exit %d, %q", code, errOut)
	}
}

// Regression: --help was written for 80 columns and
// its flag lines ran past them, so a terminal cut words in two. Every
// line fits the terminal's width, and no word is split: the words of the
// help are those of the 80-column text, in order.
func TestHelpWrapsAtTheTerminalsWidth(t *testing.T) {
	words := func(s string) []string { return strings.Fields(s) }
	for _, cmd := range []string{"evaluate", "validate", "template"} {
		var wide bytes.Buffer
		run([]string{cmd, "--help"}, streams{In: strings.NewReader(""), Out: &wide, Err: &wide, Width: 200, Now: fixedNow})
		for _, width := range []int{50, 80, 120} {
			var out bytes.Buffer
			run([]string{cmd, "--help"}, streams{In: strings.NewReader(""), Out: &out, Err: &out, Width: width, Now: fixedNow})
			inExamples := false
			for l := range strings.SplitSeq(out.String(), "\n") {
				// Example command lines are kept whole to be copied.
				switch {
				case l == "Ví dụ:":
					inExamples = true
				case l != "" && !strings.HasPrefix(l, " "):
					inExamples = false
				}
				if n := utf8.RuneCountInString(l); n > width && !inExamples {
					t.Errorf("%s --help at %d columns: line of %d: %q", cmd, width, n, l)
				}
			}
			if got, want := strings.Join(words(out.String()), " "), strings.Join(words(wide.String()), " "); got != want {
				t.Errorf("%s --help at %d columns: the words differ from the text as written", cmd, width)
			}
		}
	}
}

// Regression: bontot version printed "bontot dev"
// alone; it says the commit, its date and the Go version the build info
// records.
func TestVersionSaysWhatWasBuilt(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.0", Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "2638665abc"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	got := versionText("v1.2.3", info)
	for _, want := range []string{"bontot v1.2.3\n", "commit: 2638665abc (có thay đổi chưa commit)\n", "ngày: 2026-12-01T10:00:00Z\n", "Go: go1.26.0 " + runtime.GOOS + "/" + runtime.GOARCH + "\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("version lacks %q:\n%s", want, got)
		}
	}
	out, _, code := runCmd(t, "version")
	if code != exitOK || !strings.Contains(out, "\nGo: go1.") {
		t.Errorf("bontot version: exit %d\n%s", code, out)
	}
}

// Regression: validate spoke only to people; a batch
// run gets its findings as JSON, with the same exit code.
func TestValidateJSON(t *testing.T) {
	path := validateBook(t, t.TempDir(), "khoi.xlsx", true)
	out, errOut, code := runCmd(t, "validate", path, "--format", "json")
	if code != exitDataErrors || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var doc struct {
		Schema   string
		Year     int
		YearFrom string `json:"year_from"`
		Counts   map[string]int
		Problems []struct {
			Code, Severity, File, Message string
			Sheet, Cell, Unit             *string
		}
		Files []struct {
			Path   string
			Sheets []struct {
				Name string
				Rows int
			}
		}
		Units []struct {
			Code       string
			DataErrors bool `json:"data_errors"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Schema != "bontot/validate/v1" || doc.Year != 2024 || doc.YearFrom != "data" || doc.Counts["error"] != 1 || len(doc.Units) != 3 || len(doc.Files) != 1 {
		t.Errorf("document %+v", doc)
	}
	found := false
	for _, p := range doc.Problems {
		if p.Code == "score.out_of_range" && p.Severity == "error" && p.Cell != nil && *p.Cell == "D4" && p.Unit != nil && *p.Unit == "CB02" && p.Sheet != nil && *p.Sheet == "Sinh hoạt" {
			found = true
		}
	}
	if !found {
		t.Errorf("the cell error is not in the JSON:\n%s", out)
	}
	if _, errOut, code := runCmd(t, "validate", path, "--format", "xml"); code != exitFailure || !strings.Contains(errOut, `--format "xml" không hợp lệ`) {
		t.Errorf("--format xml: exit %d, %q", code, errOut)
	}
}

// Regression: the workbook password could only be
// typed on the command line, where the shell's history and the process
// list keep it. It also comes from --password-file, $BONTOT_PASSWORD, or
// a prompt without echo at a terminal.
func TestPasswordSources(t *testing.T) {
	dir := t.TempDir()
	plain := validateBook(t, dir, "ro.xlsx", false)
	f, err := excelize.OpenFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "khoa.xlsx")
	if err := f.SaveAs(locked, excelize.Options{Password: "bí mật"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	pwFile := filepath.Join(dir, "mk.txt")
	if err := os.WriteFile(pwFile, []byte("bí mật\r\nrác"), 0o600); err != nil {
		t.Fatal(err)
	}
	runWith := func(s streams, args ...string) (string, int) {
		var out, errb bytes.Buffer
		s.In, s.Out, s.Err, s.Now = strings.NewReader(""), &out, &errb, fixedNow
		code := run(args, s)
		return errb.String(), code
	}
	asked := 0
	for name, c := range map[string]struct {
		s    streams
		args []string
	}{
		"--password-file": {streams{}, []string{"validate", locked, "--year", "2024", "--password-file", pwFile}},
		"BONTOT_PASSWORD": {streams{Getenv: func(k string) string { return map[string]string{"BONTOT_PASSWORD": "bí mật"}[k] }}, []string{"validate", locked, "--year", "2024"}},
		"prompt": {streams{InTTY: true, ReadPassword: func() ([]byte, error) { asked++; return []byte("bí mật"), nil }},
			[]string{"evaluate", locked, "--year", "2024", "--format", "json"}},
	} {
		errOut, code := runWith(c.s, c.args...)
		if code == exitFailure {
			t.Errorf("%s: exit 1: %s", name, errOut)
		}
	}
	if asked != 1 {
		t.Errorf("the prompt asked %d times, want once", asked)
	}
	// Not asked when stdin is no terminal, nor for a workbook without one.
	if errOut, code := runWith(streams{ReadPassword: func() ([]byte, error) { t.Error("asked without a terminal"); return nil, nil }}, "validate", locked); code != exitFailure || !strings.Contains(errOut, "mật khẩu") {
		t.Errorf("no password: exit %d, %q", code, errOut)
	}
	if _, code := runWith(streams{InTTY: true, ReadPassword: func() ([]byte, error) { t.Error("asked for a workbook without password"); return nil, nil }}, "validate", plain, "--year", "2024"); code == exitFailure {
		t.Errorf("plain workbook: exit %d", code)
	}
}

// Regression: Tab offered files for --format and
// --form and every file for the workbooks; it offers the values, and
// workbooks only.
func TestCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "evaluate", "--format", ""}, "table\nxlsx\njson\ncsv\n:4\n"},
		{[]string{"__complete", "validate", "x.xlsx", "--format", ""}, "text\njson\n:4\n"},
		{[]string{"__complete", "template", "--form", ""}, "so\nphieu\n:4\n"},
		{[]string{"__complete", "evaluate", ""}, "xlsx\nxlsm\n:8\n"},
		{[]string{"__complete", "validate", ""}, "xlsx\nxlsm\n:8\n"},
		{[]string{"__complete", "evaluate", "x.xlsx", "--color", ""}, "auto\nalways\nnever\n:4\n"},
	} {
		out, _, _ := runCmd(t, c.args...)
		if out != c.want {
			t.Errorf("%q: %q, want %q", c.args, out, c.want)
		}
	}
}

// Regression: a template made for 2025 and not yet
// filled in was evaluated for the current year (2026 here), with a
// warning to use --year. The workbook records its year, and the reader
// takes it when no row is dated.
func TestTemplateYearIsTheEvaluationYear(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chi-bo-2025.xlsx")
	if _, errOut, code := runCmd(t, "template", "--unit", "CB01", "--name", "Chi bộ A", "--type", "Chi bộ cơ sở", "--year", "2025", "-o", path); code != exitOK {
		t.Fatalf("template: exit %d, %q", code, errOut)
	}
	out, _, _ := runCmd(t, "validate", path)
	if !strings.Contains(out, "Năm đánh giá: 2025 (năm của sổ mẫu") || strings.Contains(out, "--year") {
		t.Errorf("validate:\n%s", out)
	}
	js, _, _ := runCmd(t, "evaluate", path, "--format", "json")
	if !strings.Contains(js, `"year": 2025,`) || strings.Contains(js, "hãy chỉ rõ bằng --year") {
		t.Errorf("evaluate JSON is not for 2025:\n%.400s", js)
	}
	// A dated row still decides, and --year still rules.
	out, _, _ = runCmd(t, "validate", path, "--year", "2024")
	if !strings.Contains(out, "Năm đánh giá: 2024 (theo --year)") {
		t.Errorf("--year lost to the template's year:\n%s", out)
	}
}

// The README tells a newcomer that the first run
// compiles for minutes with no output, which Windows versions run bontot
// (Go 1.26's minimum, Windows 10) and what the unsigned program's warning
// looks like.
func TestReadmeSaysWhatANewcomerMeets(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"mất vài phút", "**không in gì**", "Windows 10 và Windows 11", "Windows 7, 8, 8.1 không chạy được",
		"Windows protected your\nPC", "Run anyway", "Unblock"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("README lacks %q", want)
		}
	}
}
