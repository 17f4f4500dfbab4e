package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/report"
)

// launch is how bontot was started.
type launch int

const (
	// launchCLI: from a console, with a command line; cobra takes over.
	launchCLI launch = iota
	// launchDoubleClick: from Explorer with no argument, in a console
	// window of its own that closes as soon as bontot exits.
	launchDoubleClick
	// launchDropped: workbooks or folders dragged onto bontot.exe in
	// Explorer, which starts it with their paths and nothing else.
	launchDropped
)

// launchKind decides how bontot was started: ownConsole is true when the
// process is alone in its console (Windows creates one for a program
// started from Explorer; a program started from PowerShell or cmd shares
// theirs), isPath tells whether an argument names an existing file or
// folder, and commands are the names bontot's subcommands answer to. A
// dropped path is never mistaken for a command: a file named "evaluate"
// beside bontot.exe is still a command typed in a console, and Explorer
// always passes full paths.
func launchKind(args []string, ownConsole bool, isPath func(string) bool, commands map[string]bool) launch {
	if !ownConsole {
		return launchCLI
	}
	if len(args) == 0 {
		return launchDoubleClick
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") || commands[a] || !isPath(a) {
			return launchCLI
		}
	}
	return launchDropped
}

// commandNames are the names and aliases of root's subcommands.
func commandNames() map[string]bool {
	names := map[string]bool{"help": true, "completion": true}
	for _, c := range newRootCmd(streams{}).Commands() {
		names[c.Name()] = true
		for _, a := range c.Aliases {
			names[a] = true
		}
	}
	return names
}

func pathExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// doubleClickHelp is what a double-click on bontot.exe shows: a window
// that explains itself instead of cobra's English "This is a command line
// tool" or a window that flashes and closes.
const doubleClickHelp = `bontot — đánh giá mô hình "chi bộ bốn tốt", "đảng bộ cơ sở bốn tốt" từ sổ Excel.

bontot là chương trình chạy bằng lệnh, không có cửa sổ riêng. Có hai cách dùng:

1. Kéo sổ Excel (.xlsx) hoặc cả thư mục sổ của các đơn vị thả vào biểu tượng
   bontot.exe. bontot đánh giá rồi ghi báo cáo TÊN-SỔ-bao-cao.xlsx ngay cạnh
   sổ đó và mở báo cáo bằng Excel.

2. Mở PowerShell trong thư mục chứa bontot.exe (trong File Explorer: bấm chuột
   phải vào chỗ trống, chọn "Open in Terminal" trên Windows 11; trên Windows 10
   giữ Shift rồi bấm chuột phải, chọn "Open PowerShell window here"), rồi gõ:
     .\bontot.exe template -o mau-bon-tot.xlsx        tạo sổ mẫu để điền
     .\bontot.exe template --help                     sổ riêng, phiếu chấm điểm
     .\bontot.exe validate so-chi-bo.xlsx             kiểm tra sổ đã điền
     .\bontot.exe evaluate so-chi-bo.xlsx             xem kết quả trên màn hình
     .\bontot.exe evaluate so-chi-bo.xlsx -o bao-cao.xlsx   ghi báo cáo Excel
     .\bontot.exe --help                              xem mọi lệnh
`

// runExplorer runs bontot started from Explorer and keeps its window open
// until Enter is pressed, so that what it said can be read. It returns
// the exit code.
func runExplorer(ctx context.Context, how launch, args []string, s streams) int {
	code := exitOK
	switch how {
	case launchDoubleClick:
		fmt.Fprint(s.Out, doubleClickHelp)
	case launchDropped:
		code = evaluateDropped(ctx, args, s)
	}
	fmt.Fprint(s.Out, "\nNhấn Enter để đóng cửa sổ này.")
	_, _ = bufio.NewReader(s.In).ReadString('\n')
	return code
}

// evaluateDropped evaluates the dropped workbooks or folders together,
// writes the Excel report beside the first of them and opens it.
func evaluateDropped(ctx context.Context, paths []string, s streams) int {
	out, err := droppedReportPath(paths[0])
	if err != nil {
		fmt.Fprintln(s.Err, "bontot:", err)
		return exitFailure
	}
	what := filepath.Base(paths[0])
	if len(paths) > 1 {
		what = fmt.Sprintf("%d sổ, thư mục (%s…)", len(paths), what)
	}
	fmt.Fprintf(s.Out, "Đang đánh giá %s…\n", what)
	var rep *criteria.Report
	o := evaluateOptions{Paths: paths, Format: "xlsx", Output: out, Annotate: droppedAnnotateDir(paths[0]), evaluated: func(r *criteria.Report) { rep = r }, window: true}
	// The phases' status lines go to the console this window is.
	s.ErrTTY = true
	err = runEvaluate(ctx, o, s)
	code := exitOK
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
		if ee.msg != "" {
			fmt.Fprintln(s.Err, "bontot:", report.SafeText(ee.msg))
		}
	} else if err != nil {
		fmt.Fprintln(s.Err, "bontot:", syserr.Explain(err))
		code = exitFailure
	}
	if code == exitFailure {
		fmt.Fprintln(s.Out, "Không tạo được báo cáo.")
		return code
	}
	showResults(s, rep)
	if code == exitDataErrors {
		fmt.Fprintln(s.Out, "Sổ có lỗi dữ liệu: xem sheet \"Cảnh báo và lỗi dữ liệu\" của báo cáo.")
	}
	fmt.Fprintf(s.Out, "Đang mở báo cáo %s…\n", out)
	if err := openReport(out); err != nil {
		fmt.Fprintf(s.Out, "Không mở được báo cáo (%v); hãy mở tệp %s bằng Excel.\n", err, out)
	}
	return code
}

// maxShownUnits is the number of units up to which the window shows the
// ranking itself; beyond, a line of counts points to the report.
const maxShownUnits = 40

// showResults writes the results of a dropped workbook in its window: the
// ranking tables of a chi bộ or a small bloc, the counts of a larger one.
func showResults(s streams, rep *criteria.Report) {
	if rep == nil {
		return
	}
	if len(rep.Units) <= maxShownUnits {
		fmt.Fprintln(s.Out)
		_ = report.Table(s.Out, rep, report.TableOptions{Summary: true, Width: s.Width, ASCII: s.ASCII, Color: s.color(), Window: true})
		fmt.Fprintln(s.Out)
		return
	}
	for _, p := range rep.Problems {
		if p.Lead {
			fmt.Fprintln(s.Out, "Cảnh báo: "+report.SafeText(report.WindowText(p.String())))
		}
	}
	met := 0
	for _, ur := range rep.Units {
		if ur.Verdict == criteria.Met {
			met++
		}
	}
	fmt.Fprintf(s.Out, "Đã đánh giá %d đơn vị: %d đạt \"bốn tốt\". Xếp hạng và chi tiết ở báo cáo Excel.\n", len(rep.Units), met)
}

// openReport opens a file with its default program; a variable so that
// tests do not start Excel.
var openReport = openFile

// droppedReportPath is where the report of a dropped workbook or folder
// goes: "TÊN-bao-cao.xlsx" beside it (a folder's name without extension
// is the folder's name), or "TÊN-bao-cao (2).xlsx" and so on when that
// file exists, so that a report made earlier — perhaps annotated since —
// is never replaced.
func droppedReportPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	dir, base := filepath.Dir(abs), filepath.Base(abs)
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	for i := 1; i < 1000; i++ {
		name := base + "-bao-cao.xlsx"
		if i > 1 {
			name = fmt.Sprintf("%s-bao-cao (%d).xlsx", base, i)
		}
		out := filepath.Join(dir, name)
		if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
			return out, nil
		}
	}
	return "", fmt.Errorf("đã có quá nhiều báo cáo %s-bao-cao (…).xlsx trong %s; hãy xóa bớt", base, dir)
}
