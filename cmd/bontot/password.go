package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/workbook"
)

// passwordEnv is the environment variable a workbook password may come
// from: a password typed on the command line stays in the shell's history
// and shows in the process list.
const passwordEnv = "BONTOT_PASSWORD"

// addPasswordFlags adds --password and --password-file to cmd.
func addPasswordFlags(cmd *cobra.Command, password, file *string) {
	f := cmd.Flags()
	f.StringVar(password, "password", "", "`MẬT-KHẨU` mở sổ Excel có đặt mật khẩu (lộ trong lịch sử lệnh; nên dùng --password-file, biến "+passwordEnv+" hoặc để bontot hỏi)")
	f.StringVar(file, "password-file", "", "đọc mật khẩu mở sổ Excel từ dòng đầu của `TỆP`")
}

// passwordHelp is the paragraph of the long help on the password sources.
const passwordHelp = `
Sổ có đặt mật khẩu: mật khẩu lấy từ --password, --password-file TỆP (dòng
đầu), biến môi trường ` + passwordEnv + `; không có thì bontot hỏi khi chạy
trong cửa sổ lệnh (không hiện chữ gõ).
`

// workbookPassword is the password to open the workbooks with: --password,
// else the first line of --password-file, else $BONTOT_PASSWORD, else,
// when one of paths is an encrypted workbook and stdin is a terminal, one
// asked for on stderr without echo. "" when none is needed or given; the
// reader then says which workbook wants one.
func workbookPassword(flag, file string, paths []string, s streams) (string, error) {
	switch {
	case flag != "":
		return flag, nil
	case file != "":
		data, err := os.ReadFile(file)
		if err != nil {
			return "", &exitError{code: exitFailure, msg: fmt.Sprintf("không đọc được tệp mật khẩu %s: %s", file, syserr.Explain(err))}
		}
		line, _, _ := strings.Cut(string(data), "\n")
		return strings.TrimSuffix(line, "\r"), nil
	}
	if s.Getenv != nil {
		if p := s.Getenv(passwordEnv); p != "" {
			return p, nil
		}
	}
	if !s.InTTY || s.ReadPassword == nil {
		return "", nil
	}
	enc := encryptedInputs(paths)
	if len(enc) == 0 {
		return "", nil
	}
	fmt.Fprintf(s.Err, "Sổ %s được đặt mật khẩu. Mật khẩu: ", filepath.Base(enc[0]))
	p, err := s.ReadPassword()
	fmt.Fprintln(s.Err)
	if err != nil {
		return "", &exitError{code: exitFailure, msg: "không đọc được mật khẩu: " + syserr.Explain(err)}
	}
	return strings.TrimRight(string(p), "\r\n"), nil
}

// encryptedInputs lists the workbooks among paths (files, or folders
// expanded as the reader does) that are encrypted: an OLE container under
// an .xlsx or .xlsm name, which is what Excel saves with a password.
func encryptedInputs(paths []string) []string {
	in, err := workbook.Expand(paths)
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range in.Paths() {
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".xlsx" && ext != ".xlsm" {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		head := make([]byte, 8)
		_, err = io.ReadFull(bufio.NewReader(f), head)
		f.Close()
		if err == nil && bytes.Equal(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
			out = append(out, p)
		}
	}
	return out
}
