package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/bontot/bontot/internal/syserr"
)

// writeAtomic writes a report or template to path through a temporary file
// in the same folder and a rename, so a reader never sees half a file and an
// interrupted run leaves the old file intact. It refuses to write over any
// of inputs: a report must never replace the workbook it was made from.
func writeAtomic(path string, inputs []string, write func(io.Writer) error) error {
	if err := refuseInput(path, inputs); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không tạo được tệp tạm trong thư mục %s: %s", dir, syserr.Explain(err))}
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	// A temporary file is created 0600; a report is an ordinary document
	// that colleagues on the same machine or share should be able to open.
	if err := tmp.Chmod(0o644); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %s", path, syserr.Explain(err))}
	}
	if err := tmp.Close(); err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %s", path, syserr.Explain(err))}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %s", path, syserr.Explain(err))}
	}
	return nil
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
