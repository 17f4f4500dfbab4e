package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bontot/bontot/annotate"
	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/workbook"
)

// annotateHelp is the flag's help line.
const annotateHelp = "ghi vào `THƯ-MỤC` bản góp ý của từng sổ đầu vào (TÊN-gop-y.xlsx): ô có vấn đề được tô màu, có ghi chú, trang đầu \"Góp ý\" liệt kê theo đơn vị, tiêu chí"

// writeAnnotated writes, when --annotate is given, the annotated copy of
// every input workbook into o.Annotate. A copy is written
// atomically and never replaces a file: "TÊN-gop-y (2).xlsx" when one is
// there. A workbook that cannot be copied is said on stderr and the others
// are still written; an interruption stops them all.
func writeAnnotated(ctx context.Context, o evaluateOptions, rep *criteria.Report, in *workbook.Inputs, s streams) error {
	if o.Annotate == "" {
		return nil
	}
	dir := o.Annotate
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không tạo được thư mục %s: %s", dir, syserr.Explain(err))}
	}
	defer annotateGC()()
	stop := startPhase(s, "Đang ghi bản góp ý vào "+dir)
	defer stop()
	a := annotate.New(rep, s.today())
	a.Password = o.Password
	inputs := in.Paths()
	used := map[string]bool{}
	n := 0
	for _, b := range in.Files {
		path := freeCopyPath(dir, annotate.CopyName(b.Name), used)
		err := writeAtomic(ctx, path, inputs, func(w io.Writer) error {
			_, err := a.Write(w, annotate.Book{Path: b.Path, Name: b.Name})
			return err
		})
		switch {
		case errors.Is(err, errInterrupted):
			return err
		case err != nil:
			fmt.Fprintf(s.Err, "bontot: không tạo được bản góp ý của %s: %s\n", b.Name, syserr.Explain(err))
		default:
			n++
		}
	}
	stop()
	if s.ErrTTY {
		fmt.Fprintf(s.Err, "Đã ghi %d bản góp ý vào %s.\n", n, dir)
	}
	return nil
}

// freeCopyPath is dir/name, or "name (2).xlsx" and so on when that file
// exists or another input of this run took the name (two subfolders may
// each hold a so-2024.xlsx): an earlier copy, perhaps answered since, is
// never replaced.
func freeCopyPath(dir, name string, used map[string]bool) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; ; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s (%d)%s", stem, i, ext)
		}
		p := filepath.Join(dir, n)
		if used[strings.ToLower(p)] {
			continue
		}
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			used[strings.ToLower(p)] = true
			return p
		}
	}
}

// droppedAnnotateDir is the folder of the annotated copies of a dropped
// workbook or folder: "TÊN-gop-y" beside it, as its report is
// "TÊN-bao-cao.xlsx".
func droppedAnnotateDir(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	base := filepath.Base(abs)
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return filepath.Join(filepath.Dir(abs), base+"-gop-y")
}
