package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/report"
)

// version is stamped at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

// Exit codes, documented in every command's help (section "Mã thoát").
const (
	exitOK         = 0
	exitFailure    = 1 // could not evaluate: bad file, bad arguments
	exitDataErrors = 3 // evaluated, but some rows had data errors
)

// exitHelp is appended to the long help of commands that read workbooks.
const exitHelp = `
Mã thoát:
  0  đã đọc/đánh giá xong, không có lỗi dữ liệu
  1  không thể đánh giá (tệp hỏng, tham số sai)
  3  đã đánh giá, nhưng một số dòng có lỗi dữ liệu`

// streams are the command's standard streams, injected so that tests can
// capture them and so colour and progress appear only on a terminal.
type streams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	OutTTY bool // stdout is a terminal
	ErrTTY bool // stderr is a terminal
	Color  bool // colour by default (--color auto): see colorDefault
	Width  int  // columns of the terminal report on stdout; 0 for 80
	ASCII  bool // stdout is a console whose font may lack ✓ and ✗
	// Now is the one clock of a run: the day an unfinished year is judged
	// on, the review date, a template's year. nil is time.Now; tests fix
	// it, so that no test changes its outcome on 1 January.
	Now func() time.Time
	// InTTY, Getenv and ReadPassword are where a workbook password may
	// come from besides --password: $BONTOT_PASSWORD, or typed without
	// echo at a terminal. nil Getenv reads no environment (tests).
	InTTY        bool
	Getenv       func(string) string
	ReadPassword func() ([]byte, error)
	// colorMode is root's --color (auto, always, never), shared by every
	// command: nil or "auto" leave Color as it is.
	colorMode *string
}

// color reports whether the report on stdout is coloured: --color always
// or never, else (auto) Color.
func (s streams) color() bool {
	if s.colorMode != nil {
		switch *s.colorMode {
		case "always":
			return true
		case "never":
			return false
		}
	}
	return s.Color
}

// colorDefault is --color auto: stdout is a terminal that shows colour
// (TERM=dumb shows escape codes as text), and NO_COLOR is not set to a
// non-empty value (no-color.org: an empty NO_COLOR does not count).
func colorDefault(outTTY bool, getenv func(string) string) bool {
	return outTTY && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// today is the day of the run, as a date: midnight UTC of the local
// calendar day, like the dates read from workbooks and flags.
func (s streams) today() time.Time {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	t := now()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func systemStreams() streams {
	outTTY := isTerminal(os.Stdout)
	return streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutTTY: outTTY, ErrTTY: isTerminal(os.Stderr),
		Color: colorDefault(outTTY, os.Getenv) && enableColor(os.Stdout),
		Width: terminalWidth(os.Stdout, outTTY, os.Getenv),
		ASCII: outTTY && legacyConsole(os.Stdout),
		InTTY: isTerminal(os.Stdin), Getenv: os.Getenv,
		ReadPassword: func() ([]byte, error) { return term.ReadPassword(int(os.Stdin.Fd())) },
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// exitError carries an exit code. With an empty message nothing more is
// printed: the command has already said what it had to (e.g. data errors
// were listed in the report).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// failure is err itself when it is an exitError already (its code and
// sentence stand), else an exitError of exitFailure saying msg.
func failure(err error, msg string) error {
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	return &exitError{code: exitFailure, msg: msg}
}

// errDataErrors ends a command that produced its output but found rows with
// data errors.
var errDataErrors = &exitError{code: exitDataErrors}

// usageError marks a wrong flag or argument: its sentence is followed by a
// hint to the command's help.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// subcommands are registered by each command's file in its init, so that
// adding a command touches only its own file.
var subcommands []func(streams) *cobra.Command

func newRootCmd(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "bontot",
		Short: "Đánh giá mô hình \"chi bộ bốn tốt\", \"đảng bộ cơ sở bốn tốt\" từ sổ Excel",
		Long: `bontot đọc các sổ Excel mà chi bộ, đảng bộ cơ sở vẫn lưu (đơn vị, sinh hoạt,
họp cấp ủy, đảng viên, tiêu chí, đơn thư…), đánh giá bốn tiêu chí theo
Hướng dẫn 17-HD/ĐUK và xuất báo cáo xếp hạng ra màn hình, Excel, JSON, CSV.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{parserError{err}} })
	mode := "auto"
	s.colorMode = &mode
	root.PersistentFlags().StringVar(&mode, "color", "auto", "tô màu báo cáo trên màn hình: `auto|always|never` (auto: chỉ khi ra màn hình, không có NO_COLOR, TERM khác dumb)")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		switch mode {
		case "auto", "always", "never":
			return nil
		}
		return usageError{fmt.Errorf("--color %q không hợp lệ; chọn auto, always hoặc never", mode)}
	}
	_ = root.RegisterFlagCompletionFunc("color", completeValues("auto", "always", "never"))
	root.AddCommand(newVersionCmd(s))
	for _, add := range subcommands {
		root.AddCommand(add(s))
	}
	localizeHelp(root, s.Width)
	return root
}

func newVersionCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "In phiên bản của bontot: số phiên bản, commit, ngày dựng, phiên bản Go",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			info, _ := debug.ReadBuildInfo()
			_, err := fmt.Fprint(s.Out, versionText(version, info))
			return err
		},
	}
}

// versionText is what bontot version prints: the version stamped at
// build time, then what the Go toolchain recorded in the binary (the
// commit and its date, whether the tree had changes, the Go version), so
// that a report of a problem says exactly which program made it.
func versionText(v string, info *debug.BuildInfo) string {
	var b strings.Builder
	fmt.Fprintf(&b, "bontot %s\n", v)
	if info == nil {
		return b.String()
	}
	settings := map[string]string{}
	for _, st := range info.Settings {
		settings[st.Key] = st.Value
	}
	if c := settings["vcs.revision"]; c != "" {
		if settings["vcs.modified"] == "true" {
			c += " (có thay đổi chưa commit)"
		}
		fmt.Fprintf(&b, "commit: %s\n", c)
	} else {
		b.WriteString("commit: không rõ (dựng ngoài kho git)\n")
	}
	if d := settings["vcs.time"]; d != "" {
		fmt.Fprintf(&b, "ngày: %s\n", d)
	}
	fmt.Fprintf(&b, "Go: %s %s/%s\n", info.GoVersion, runtime.GOOS, runtime.GOARCH)
	return b.String()
}

// run executes the command line and maps its outcome to an exit code; it is
// the one place where errors become exit codes and stderr lines.
func run(args []string, s streams) int {
	return runContext(context.Background(), args, s)
}

// runContext is run with a context that ends on Ctrl+C or SIGTERM (main
// sets it up): the commands then stop writing and remove their temporary
// files before the process exits.
func runContext(ctx context.Context, args []string, s streams) int {
	root := newRootCmd(s)
	// cobra reads os.Args when given nil: a run with no arguments (the
	// overview) must not take the test binary's flags for its own.
	if args == nil {
		args = []string{}
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			// Messages quote paths, sheet names and cell text.
			fmt.Fprintln(s.Err, "bontot:", report.SafeText(ee.msg))
		}
		return ee.code
	}
	err = cliError(err)
	err = withFlagHint(err, cmd)
	var ue usageError
	switch {
	case errors.As(err, &ue) || isArgError(err):
		// One sentence and where to read more: the usage block would bury
		// the sentence for a person and clutter a script's log.
		fmt.Fprintln(s.Err, "bontot:", report.SafeText(err.Error()))
		fmt.Fprintf(s.Err, "Xem: %s --help\n", cmd.CommandPath())
	default:
		// An error no command turned into a sentence (a write to a closed
		// pipe, say): its cause in Vietnamese, never the system's English.
		fmt.Fprintln(s.Err, "bontot:", syserr.Explain(err))
	}
	return exitFailure
}

// isArgError recognises cobra's own argument-count and unknown-command
// errors, which do not pass through the flag error func.
func isArgError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"accepts ", "requires at least", "unknown command", "unknown flag", "unknown shorthand"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
