package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// runCmd runs the command line in-process with captured streams.
func TestTemplateWritesWorkbook(t *testing.T) {
	dir := t.TempDir()
	bloc := filepath.Join(dir, "khoi.xlsx")
	if _, stderr, code := runCmd(t, "template", "-o", bloc); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	one := filepath.Join(dir, "chi bo.xlsx")
	stdout, stderr, code := runCmd(t, "template", "-o", one, "--unit", "CB01", "--name", "Chi bộ Sở Tư pháp", "--type", "chi_bo_co_so", "--year", "2024")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The confirmation is stderr's, as every command's.
	if stdout != "" || !strings.Contains(stderr, `bontot validate "`+one+`"`) {
		t.Errorf("stderr does not say how to check the file: stdout %q, stderr %q", stdout, stderr)
	}
	f, err := excelize.OpenFile(one)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList()[0]; got != "Hướng dẫn" {
		t.Errorf("first sheet %q", got)
	}
	if v, _ := f.GetCellValue("Đơn vị", "A2"); v != "CB01" {
		t.Errorf("Đơn vị!A2 = %q, want CB01", v)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("%d files in the folder, want the two templates and no temporary file", len(entries))
	}
}

func TestTemplateSubordinateCell(t *testing.T) {
	out := filepath.Join(t.TempDir(), "t.xlsx")
	_, stderr, code := runCmd(t, "template", "-o", out, "--unit", "CB11", "--name", "Chi bộ Phòng Tổ chức", "--type", "chi_bo_truc_thuoc", "--parent", "DB01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

func TestTemplateRefusesBadFlags(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "t.xlsx")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--unit", "CB01"}, "--unit cần kèm --name và --type"},
		{[]string{"--unit", "CB01", "--name", "Chi bộ A"}, "--unit cần kèm --type"},
		{[]string{"--name", "Chi bộ A"}, "chỉ dùng cùng --unit"},
		{[]string{"--unit", "CB01", "--name", "Chi bộ A", "--type", "chi_bo"}, `--type "chi_bo" không hợp lệ`},
		{[]string{"--unit", "CB11", "--name", "Chi bộ A", "--type", "chi_bo_truc_thuoc"}, "cần --parent"},
		{[]string{"--unit", "CB01", "--name", "Chi bộ A", "--type", "chi_bo_co_so", "--parent", "DB01"}, "--parent chỉ dùng cho chi bộ trực thuộc"},
		{[]string{"--unit", "CB 01", "--name", "Chi bộ A", "--type", "chi_bo_co_so"}, "khoảng trắng"},
		{[]string{"--year", "24"}, "--year 24 không hợp lệ"},
		{[]string{"-o", filepath.Join(dir, "t.xls")}, "đuôi .xlsx"},
		{[]string{"thua"}, "không nhận tham số"},
	} {
		args := append([]string{"template", "-o", out}, tc.args...)
		_, stderr, code := runCmd(t, args...)
		if code != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 1 and %q", tc.args, code, stderr, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused runs left %d files", len(entries))
	}
}

func TestTemplateDoesNotOverwriteWithoutForce(t *testing.T) {
	out := filepath.Join(t.TempDir(), "so.xlsx")
	if err := os.WriteFile(out, []byte("số liệu cả năm"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCmd(t, "template", "-o", out)
	if code != 1 || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, stderr %q; want 1 and a hint at --force", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "số liệu cả năm" {
		t.Error("the existing file was changed")
	}
	if _, stderr, code := runCmd(t, "template", "-o", out, "--force"); code != 0 {
		t.Errorf("--force: exit %d: %s", code, stderr)
	}
}

func TestTemplateThenValidate(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{},
		{"--unit", "CB01", "--name", "Chi bộ Sở Tư pháp", "--type", "chi_bo_co_so"},
		{"--unit", "DB01", "--name", "Đảng bộ Sở Y tế", "--type", "dang_bo_co_so"},
	} {
		out := filepath.Join(dir, "t.xlsx")
		os.Remove(out)
		if _, stderr, code := runCmd(t, append([]string{"template", "-o", out, "--year", "2024"}, args...)...); code != 0 {
			t.Fatalf("template %q: exit %d: %s", args, code, stderr)
		}
		if stdout, stderr, code := runCmd(t, "validate", out); code != 0 {
			t.Errorf("validate after template %q: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
}

func TestHelpIsVietnamese(t *testing.T) {
	// cobra's own English words must not show on any help screen.
	english := []string{"Usage:", "Flags:", "Available Commands", "Global Flags", "for more information", "help for ", "[flags]", "(default ", "Examples:", "Generate the autocompletion"}
	screens := [][]string{{}, {"--help"}, {"help"}, {"template", "--help"}, {"completion", "--help"}, {"completion", "powershell", "--help"}, {"version", "--help"}, {"help", "template"}}
	root := newRootCmd(streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Now: fixedNow})
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			screens = append(screens, []string{c.Name(), "--help"})
		}
	}
	for _, args := range screens {
		stdout, stderr, code := runCmd(t, args...)
		if code != 0 {
			t.Errorf("%q: exit %d: %s", args, code, stderr)
		}
		for _, w := range english {
			if strings.Contains(stdout, w) {
				t.Errorf("%q help contains %q:\n%s", args, w, stdout)
			}
		}
		if !strings.Contains(stdout, "Cách dùng:") {
			t.Errorf("%q help has no Vietnamese usage", args)
		}
	}
}

func TestOverviewHasAnExamplePerCommand(t *testing.T) {
	stdout, _, code := runCmd(t)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	root := newRootCmd(streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Now: fixedNow})
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() || c.Name() == "help" {
			continue
		}
		if c.Example == "" {
			t.Errorf("%s has no example", c.Name())
		}
		if !strings.Contains(stdout, "  bontot "+c.Name()) && !strings.Contains(stdout, "bontot "+c.Name()+" ") {
			t.Errorf("overview shows no example of %s", c.Name())
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		stdout, stderr, code := runCmd(t, "completion", shell)
		if code != 0 || !strings.Contains(stdout, "bontot") {
			t.Errorf("completion %s: exit %d, %d bytes, %s", shell, code, len(stdout), stderr)
		}
	}
}

func TestDocsGeneratesMarkdownAndMan(t *testing.T) {
	for _, format := range []string{"markdown", "man"} {
		dir := t.TempDir()
		if _, stderr, code := runCmd(t, "docs", dir, "--format", format); code != 0 {
			t.Fatalf("docs %s: exit %d: %s", format, code, stderr)
		}
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		want := map[string]string{"markdown": "bontot_template.md", "man": "bontot-template.1"}[format]
		if !slices.Contains(names, want) {
			t.Errorf("docs %s wrote %q, want %s among them", format, names, want)
		}
		b, _ := os.ReadFile(filepath.Join(dir, want))
		for _, w := range []string{"SEE ALSO", "Options", "[flags]", "Auto generated"} {
			if strings.Contains(string(b), w) {
				t.Errorf("%s contains %q", want, w)
			}
		}
	}
	if _, _, code := runCmd(t, "docs", t.TempDir(), "--format", "pdf"); code != 1 {
		t.Errorf("docs --format pdf: exit %d, want 1", code)
	}
}

func TestTemplateStatesThresholdsOfCriteriaFile(t *testing.T) {
	dir := t.TempDir()
	crit := filepath.Join(dir, "tieu-chi.yaml")
	if _, stderr, code := runCmd(t, "criteria", "--export", crit); code != 0 {
		t.Fatalf("criteria --export: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(crit)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "regular_meetings: 12", "regular_meetings: 10", 1)
	if edited == string(b) {
		t.Fatal("the exported criteria file has no regular_meetings: 12 line")
	}
	if err := os.WriteFile(crit, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "t.xlsx")
	if _, stderr, code := runCmd(t, "template", "-o", out, "--criteria", crit); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Hướng dẫn")
	found := false
	for _, r := range rows {
		found = found || strings.Contains(strings.Join(r, " "), "≥ 10 buổi sinh hoạt thường kỳ/năm")
	}
	if !found {
		t.Error("the guide does not state the criteria file's 10 regular meetings")
	}
	if _, _, code := runCmd(t, "template", "-o", filepath.Join(dir, "u.xlsx"), "--criteria", filepath.Join(dir, "khong-co.yaml")); code != 1 {
		t.Errorf("missing criteria file: exit %d, want 1", code)
	}
}

// --form phieu: a chi bộ's score sheets, named after the unit by default;
// refused for a đảng bộ, without --unit, or with an unknown form.
func TestTemplateScoreForm(t *testing.T) {
	dir := t.TempDir()
	out := dir + "/phieu.xlsx"
	stdout, stderr, code := runCmd(t, "template", "--form", "phieu", "--unit", "CB01", "--name", "Chi bộ Văn phòng Sở",
		"--type", "chi_bo_co_so", "--upper", "Đảng ủy Khối", "--year", "2025", "-o", out)
	if code != 0 || !strings.Contains(stderr, "phiếu chấm điểm") || stdout != "" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	_, stderr, code = runCmd(t, "validate", out, "--year", "2025")
	if code != 0 {
		t.Errorf("validate of the blank form: exit %d\n%s", code, stderr)
	}
	for _, args := range [][]string{
		{"--form", "phieu"},
		{"--form", "phieu", "--unit", "DB01", "--name", "Đảng bộ", "--type", "dang_bo_co_so"},
		{"--form", "bang"},
		{"--upper", "Đảng ủy Khối"},
	} {
		_, stderr, code := runCmd(t, append(append([]string{"template"}, args...), "-o", dir+"/x.xlsx")...)
		if code != exitFailure || !strings.Contains(stderr, "--") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

// TestTemplateScoreForm2025: `template --form phieu --profile 2025` prints
// the published eight-group sheet, groups I–VIII with their names and
// maxima (FORMS item 2; it once printed invented groups, preparation 5
// and principles 10); the blank form validates under the same profile.
func TestTemplateScoreForm2025(t *testing.T) {
	out := filepath.Join(t.TempDir(), "phieu.xlsx")
	if _, stderr, code := runCmd(t, "template", "--form", "phieu", "--unit", "CB01", "--name", "Chi bộ Văn phòng Sở",
		"--type", "chi_bo_co_so", "--year", "2025", "--profile", "2025", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	for r := 10; r <= 18; r++ {
		var cells []string
		for _, col := range []string{"A", "B", "C"} {
			v, _ := f.GetCellValue("Chuyên đề quý II", fmt.Sprintf("%s%d", col, r))
			cells = append(cells, v)
		}
		got = append(got, strings.Join(cells, " | "))
	}
	want := []string{
		"I | Chấp hành thời gian, thời lượng | 5",
		"II | Tỉ lệ đảng viên dự sinh hoạt | 5",
		"III | Công tác chuẩn bị | 10",
		"IV | Tổ chức sinh hoạt chi bộ | 30",
		"V | Công tác điều hành của Bí thư | 10",
		"VI | Thực hiện nguyên tắc tổ chức, sinh hoạt đảng | 5",
		"VII | Kết quả lãnh đạo thực hiện kết luận, nghị quyết | 30",
		"VIII | Kết thúc sinh hoạt chi bộ | 5",
		" | Tổng cộng | 100",
	}
	if !slices.Equal(got, want) {
		t.Errorf("groups:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, stderr, code := runCmd(t, "validate", out, "--year", "2025", "--profile", "2025"); code != 0 {
		t.Errorf("validate of the blank 2025 form: exit %d\n%s", code, stderr)
	}
}
