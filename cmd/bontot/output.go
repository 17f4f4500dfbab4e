package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/bontot/bontot/internal/syserr"
)

// errInterrupted ends a command stopped by Ctrl+C or SIGTERM; its temporary
// files are gone by the time it is returned.
var errInterrupted = &exitError{code: exitFailure, msg: "đã dừng theo yêu cầu (Ctrl+C); không ghi tệp nào"}

// testHookWriting, when set (by the tests' child process only), is called
// once the temporary file exists and the first bytes are about to be
// written, so that a test can interrupt a write at a known point.
var testHookWriting func(ctx context.Context)

// writeAtomic writes a report or template to path through a temporary file
// in the same folder and a rename, so a reader never sees half a file and an
// interrupted run leaves the old file intact. It refuses to write over any
// of inputs (a report must never replace the workbook it was made from) and
// onto anything but a regular file or a new path. When ctx ends (Ctrl+C,
// SIGTERM) the writes fail, write returns, and the temporary file is
// removed; write must itself clean up what it made (excelize's temporary
// files go with its deferred Close).
func writeAtomic(ctx context.Context, path string, inputs []string, write func(io.Writer) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := checkOutput(path); err != nil {
		return err
	}
	if err := refuseInput(path, inputs); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không tạo được tệp tạm trong thư mục %s: %s", dir, syserr.Explain(err))}
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	cw := &ctxWriter{ctx: ctx, w: tmp}
	err = write(cw)
	if ctx.Err() != nil {
		tmp.Close()
		return errInterrupted
	}
	if err != nil {
		tmp.Close()
		return err
	}
	// A temporary file is created 0600; a report is an ordinary document
	// that colleagues on the same machine or share should be able to open.
	// A report written again keeps the mode its owner gave it: the rename
	// would otherwise replace it with 0644.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %s", path, syserr.Explain(err))}
	}
	if err := tmp.Close(); err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %s", path, syserr.Explain(err))}
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %s", path, syserr.Explain(err))}
	}
	return nil
}

// ctxWriter fails every write once ctx has ended, so that a renderer
// stops at its next write and unwinds through its deferred clean-ups.
type ctxWriter struct {
	ctx     context.Context
	w       io.Writer
	started bool
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if !c.started {
		c.started = true
		if testHookWriting != nil {
			testHookWriting(c.ctx)
		}
	}
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// checkOutput refuses -o onto anything but a regular file or a new path.
// A device (/dev/null, NUL), a FIFO or a socket would receive a report
// that is then lost or that blocks the run, and the rename would replace
// a symbolic link with a file instead of writing where it points: both are
// surprises, so both are refused with a hint. Without -o, text reports
// already go to standard output.
func checkOutput(path string) error {
	// A folder that does not exist is said before any workbook is read,
	// in words: the temporary file would fail only at the end, after the
	// whole evaluation, with the system's "no such file or directory".
	if dir := filepath.Dir(path); dir != "." {
		st, err := os.Stat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return &exitError{code: exitFailure, msg: fmt.Sprintf("thư mục %s chưa có; hãy tạo trước (hoặc chọn thư mục khác để ghi %s)", dir, filepath.Base(path))}
		case err == nil && !st.IsDir():
			return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %s là một tệp, không phải thư mục", path, dir)}
		}
	}
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %v", path, err)}
	}
	var what string
	switch m := st.Mode(); {
	case m.IsRegular() && m.Perm()&0o200 == 0:
		// The rename would replace a file its owner made read-only (on
		// Windows, the "Read-only" box) without asking: refused, as an
		// editor refuses to save over it.
		return &exitError{code: exitFailure, msg: fmt.Sprintf("từ chối ghi đè %s: tệp chỉ cho đọc (read-only); bỏ thuộc tính chỉ đọc hoặc chọn tên khác", path)}
	case m.IsRegular():
		return nil
	case m.IsDir():
		what = "là một thư mục"
	case m&fs.ModeSymlink != 0:
		what = "là một liên kết (symlink)"
	case m&fs.ModeNamedPipe != 0:
		what = "là một FIFO"
	case m&fs.ModeDevice != 0:
		what = "là một thiết bị"
	default:
		what = "không phải tệp thường"
	}
	return &exitError{code: exitFailure, msg: fmt.Sprintf("từ chối ghi vào %s: %s; -o chỉ nhận một tệp thường hoặc một tên tệp mới (bỏ -o để in báo cáo ra màn hình)", path, what)}
}

// refuseInput fails when path names one of the input files, compared both
// by cleaned absolute path and by file identity (links, case-insensitive
// file systems on Windows).
func refuseInput(path string, inputs []string) error {
	abs, _ := filepath.Abs(path)
	out, statErr := os.Stat(path)
	for _, in := range inputs {
		inAbs, _ := filepath.Abs(in)
		same := abs == inAbs
		if !same && statErr == nil {
			if st, err := os.Stat(in); err == nil && os.SameFile(out, st) {
				same = true
			}
		}
		if same {
			return &exitError{code: exitFailure, msg: fmt.Sprintf("từ chối ghi đè tệp đầu vào %s: hãy chọn tên khác cho -o", path)}
		}
	}
	return nil
}
