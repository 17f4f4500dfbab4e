package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/bontot/bontot/internal/syserr"
)

func init() { subcommands = append(subcommands, newDocsCmd) }

// newDocsCmd generates the reference documentation from the commands
// themselves, so that it never drifts from --help. It is hidden: it serves
// whoever packages bontot, not its users. The output is not committed.
func newDocsCmd(s streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:    "docs THƯ_MỤC",
		Short:  "Sinh tài liệu tham khảo (Markdown hoặc man) từ các lệnh",
		Hidden: true,
		Long: `Sinh tài liệu tham khảo của mọi lệnh bontot vào THƯ_MỤC: mỗi lệnh một tệp
Markdown (bontot_template.md…) hoặc một trang man (bontot-template.1…).
Nội dung lấy đúng từ phần trợ giúp (--help) của các lệnh; đừng sửa tay các tệp
sinh ra mà sửa phần trợ giúp rồi chạy lại lệnh này.

Mã thoát:
  0  đã sinh tài liệu
  1  tham số sai hoặc không ghi được thư mục`,
		Example: `  bontot docs docs/ref
  bontot docs --format man man/man1`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("lệnh %s cần đúng một thư mục đích", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDocs(cmd.Context(), cmd.Root(), args[0], format, s)
		},
	}
	cmd.Flags().StringVar(&format, "format", "markdown", "định dạng `ĐỊNH_DẠNG`: markdown hoặc man")
	return cmd
}

// docWords translates the headings cobra/doc writes in English.
var (
	markdownWords = strings.NewReplacer(
		"### Synopsis\n", "### Mô tả\n",
		"### Examples\n", "### Ví dụ\n",
		"### Options inherited from parent commands\n", "### Tùy chọn chung\n",
		"### Options\n", "### Tùy chọn\n",
		"### SEE ALSO\n", "### Xem thêm\n",
		"[flags]", "[tùy chọn]",
		"(default ", "(mặc định ",
	)
	// NAME stays: man-db finds the one-line description under that heading.
	manWords = strings.NewReplacer(
		".SH SYNOPSIS\n", ".SH CÁCH DÙNG\n",
		".SH DESCRIPTION\n", ".SH MÔ TẢ\n",
		".SH OPTIONS INHERITED FROM PARENT COMMANDS\n", ".SH TÙY CHỌN CHUNG\n",
		".SH OPTIONS\n", ".SH TÙY CHỌN\n",
		".SH EXAMPLE\n", ".SH VÍ DỤ\n",
		".SH SEE ALSO\n", ".SH XEM THÊM\n",
		"[flags]", "[tùy chọn]",
		"(default ", "(mặc định ",
	)
)

func runDocs(ctx context.Context, root *cobra.Command, dir, format string, s streams) error {
	if format != "markdown" && format != "man" {
		return usageError{fmt.Errorf("--format %q không hợp lệ: chọn markdown hoặc man", format)}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("không tạo được thư mục %s: %s", dir, syserr.Explain(err))}
	}
	root.DisableAutoGenTag = true // no date stamp: the same commands give the same files
	n := 0
	var gen func(c *cobra.Command) error
	gen = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root {
			return nil
		}
		for _, sub := range c.Commands() {
			if err := gen(sub); err != nil {
				return err
			}
		}
		var buf bytes.Buffer
		var name string
		switch format {
		case "markdown":
			if err := doc.GenMarkdown(c, &buf); err != nil {
				return err
			}
			name = strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md"
			buf = *bytes.NewBufferString(markdownWords.Replace(buf.String()))
		case "man":
			header := &doc.GenManHeader{Title: "BONTOT", Section: "1", Source: "bontot " + version, Manual: "Hướng dẫn sử dụng bontot"}
			if err := doc.GenMan(c, header, &buf); err != nil {
				return err
			}
			name = strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
			buf = *bytes.NewBufferString(manWords.Replace(buf.String()))
		}
		n++
		return writeAtomic(ctx, filepath.Join(dir, name), nil, func(w io.Writer) error {
			_, err := w.Write(buf.Bytes())
			return err
		})
	}
	if err := gen(root); err != nil {
		return failure(err, "không sinh được tài liệu: "+syserr.Explain(err))
	}
	fmt.Fprintf(s.Err, "Đã sinh %d tệp tài liệu vào %s\n", n, dir)
	return nil
}
