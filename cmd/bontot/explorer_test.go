package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestLaunchKind(t *testing.T) {
	exists := map[string]bool{`C:\Sổ\khoi-2024.xlsx`: true, `C:\Sổ\so-ve`: true, "evaluate": true}
	isPath := func(p string) bool { return exists[p] }
	commands := commandNames()
	for _, c := range []struct {
		name string
		args []string
		own  bool
		want launch
	}{
		{"double-click", nil, true, launchDoubleClick},
		{"no args from a console", nil, false, launchCLI},
		{"workbook dropped", []string{`C:\Sổ\khoi-2024.xlsx`}, true, launchDropped},
		{"folder and workbook dropped", []string{`C:\Sổ\so-ve`, `C:\Sổ\khoi-2024.xlsx`}, true, launchDropped},
		{"path typed in a console", []string{`C:\Sổ\khoi-2024.xlsx`}, false, launchCLI},
		{"command", []string{"evaluate", `C:\Sổ\khoi-2024.xlsx`}, true, launchCLI},
		{"a file named like a command", []string{"evaluate"}, true, launchCLI},
		{"flag", []string{"--help"}, true, launchCLI},
		{"missing path", []string{`C:\Sổ\khong-co.xlsx`}, true, launchCLI},
		{"one of two missing", []string{`C:\Sổ\so-ve`, `C:\Sổ\khong-co.xlsx`}, true, launchCLI},
	} {
		if got := launchKind(c.args, c.own, isPath, commands); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	for _, name := range []string{"evaluate", "validate", "template", "criteria", "version", "help"} {
		if !commands[name] {
			t.Errorf("command %q not known", name)
		}
	}
}

func TestDroppedReportPath(t *testing.T) {
	dir := t.TempDir()
	wb := filepath.Join(dir, "Khối 2024.xlsx")
	folder := filepath.Join(dir, "so-ve")
	if err := os.WriteFile(wb, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	check := func(in, want string) {
		t.Helper()
		got, err := droppedReportPath(in)
		if err != nil || got != filepath.Join(dir, want) {
			t.Errorf("%s: %q, %v; want %q", in, got, err, want)
		}
	}
	check(wb, "Khối 2024-bao-cao.xlsx")
	check(folder, "so-ve-bao-cao.xlsx")
	// An earlier report is never replaced.
	for _, n := range []string{"Khối 2024-bao-cao.xlsx", "Khối 2024-bao-cao (2).xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check(wb, "Khối 2024-bao-cao (3).xlsx")
}

func TestDoubleClickExplainsAndWaits(t *testing.T) {
	var out bytes.Buffer
	in := strings.NewReader("\n")
	code := runExplorer(context.Background(), launchDoubleClick, nil, streams{In: in, Out: &out, Err: &out, Now: fixedNow})
	if code != exitOK {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"Kéo sổ Excel", `.\bontot.exe evaluate`, "Nhấn Enter để đóng"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("lacks %q:\n%s", want, out.String())
		}
	}
	if in.Len() != 0 {
		t.Error("did not wait for Enter")
	}
}

// A workbook dropped onto bontot.exe: the report is written beside it,
// opened, and the window waits; a second drop writes a second report.
func TestDroppedWorkbook(t *testing.T) {
	dir := t.TempDir()
	wb := copyExample(t, dir, "khoi-2024.xlsx")
	var opened []string
	openReport = func(p string) error { opened = append(opened, p); return nil }
	defer func() { openReport = openFile }()
	for i, want := range []string{"khoi-2024-bao-cao.xlsx", "khoi-2024-bao-cao (2).xlsx"} {
		var out, errb bytes.Buffer
		in := strings.NewReader("\n")
		code := runExplorer(context.Background(), launchDropped, []string{wb}, streams{In: in, Out: &out, Err: &errb, Now: fixedNow})
		if code != exitOK {
			t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
		}
		path := filepath.Join(dir, want)
		if len(opened) != i+1 || opened[i] != path {
			t.Fatalf("opened %v, want %s", opened, path)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatalf("report %s: %v", want, err)
		}
		f.Close()
		// The window shows the ranking too, not only where the report is.
		if !strings.Contains(out.String(), "CHI BỘ CƠ SỞ (6 đơn vị)") || !strings.Contains(out.String(), "Tổng cộng 23 đơn vị") {
			t.Errorf("no results in the window:\n%s", out.String())
		}
		if !strings.Contains(out.String(), "Nhấn Enter") || in.Len() != 0 {
			t.Errorf("did not wait for Enter:\n%s", out.String())
		}
	}
}

// A dropped file bontot cannot read says why, in Vietnamese, and waits.
func TestDroppedNotAWorkbook(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "thu.docx")
	if err := os.WriteFile(doc, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	openReport = func(string) error { t.Error("opened a report that was not written"); return nil }
	defer func() { openReport = openFile }()
	var out, errb bytes.Buffer
	code := runExplorer(context.Background(), launchDropped, []string{doc}, streams{In: strings.NewReader("\n"), Out: &out, Err: &errb, Now: fixedNow})
	if code != exitFailure || !strings.Contains(errb.String(), "bontot: ") || !strings.Contains(out.String(), "Không tạo được báo cáo") {
		t.Errorf("exit %d\nout: %s\nerr: %s", code, out.String(), errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "thu-bao-cao.xlsx")); err == nil {
		t.Error("a report was written for a file that is not a workbook")
	}
}
