package syserr

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"
)

// english are words of the causes' own texts that must never reach the user.
var english = []string{"permission", "denied", "exceeds", "does not exist", "exist", "symbolic", "unsupported",
	"no such", "too many", "not a directory", "is a directory", "file name", "no space", "read-only",
	"checksum", "algorithm", "unexpected", "invalid", "limit", "context", "canceled", "syntax"}

// realErrors produce each cause the way the system or library does: a
// real symlink loop, a real excelize row overflow, a real corrupt zip.
// Only what cannot be provoked here (tests run as root, no full or
// read-only disk at hand) is built as the os package would build it.
func realErrors(t *testing.T) []struct {
	name string
	err  error
	want string
} {
	dir := t.TempDir()
	file := filepath.Join(dir, "so.xlsx")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	open := func(p string) error {
		f, err := os.Open(p)
		if err == nil {
			f.Close()
			t.Fatalf("opening %s did not fail", p)
		}
		return err
	}
	loopA, loopB := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if err := os.Symlink(loopB, loopA); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(loopA, loopB); err != nil {
		t.Fatal(err)
	}
	_, isDir := os.OpenFile(dir, os.O_WRONLY, 0)

	var permission error = &fs.PathError{Op: "open", Path: file, Err: syscall.EACCES}
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "khoa.xlsx")
		if err := os.WriteFile(locked, []byte("x"), 0o000); err != nil {
			t.Fatal(err)
		}
		permission = open(locked)
	}

	var noSpace error = &fs.PathError{Op: "write", Path: file, Err: syscall.ENOSPC}
	if full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0); err == nil {
		_, noSpace = full.Write([]byte("x"))
		full.Close()
	}

	// A zip whose one entry uses compression method 99, one whose stored
	// entry was altered after writing, and bytes that are no zip at all.
	var unknownMethod, badCRC bytes.Buffer
	zw := zip.NewWriter(&unknownMethod)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: "xl/workbook.xml", Method: 99, CompressedSize64: 1, UncompressedSize64: 1})
	w.Write([]byte("x"))
	zw.Close()
	zw = zip.NewWriter(&badCRC)
	w, _ = zw.CreateHeader(&zip.FileHeader{Name: "xl/workbook.xml", Method: zip.Store})
	w.Write([]byte("<workbook/>"))
	zw.Close()
	corrupt := bytes.Replace(badCRC.Bytes(), []byte("<workbook/>"), []byte("<workbooq/>"), 1)
	readZip := func(data []byte) error {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return err
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		_, err = io.ReadAll(rc)
		return err
	}

	xf := excelize.NewFile()
	defer xf.Close()
	sw, err := xf.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	maxRows := sw.SetRow("A1048577", []any{"một dòng quá nhiều"})
	_, noSheet := xf.GetRows("Sinh hoạt")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, short := io.ReadFull(strings.NewReader("PK"), make([]byte, 4))

	return []struct {
		name string
		err  error
		want string
	}{
		{"not found", open(filepath.Join(dir, "khong-co.xlsx")), msgNotExist},
		{"permission", permission, msgPermission},
		{"symlink loop", open(loopA), msgLoop},
		{"directory written as a file", isDir, msgIsDir},
		{"file used as a folder", open(filepath.Join(file, "x")), "một phần của đường dẫn là tệp chứ không phải thư mục"},
		{"name too long", open(filepath.Join(dir, strings.Repeat("a", 300))), msgNameTooLong},
		{"disk full", noSpace, msgDiskFull},
		{"read-only disk", &fs.PathError{Op: "open", Path: file, Err: syscall.EROFS}, msgReadOnly},
		{"unknown compression", readZip(unknownMethod.Bytes()), "tệp nén dùng kiểu nén không được hỗ trợ; hãy mở bằng Excel, lưu lại rồi chạy lại"},
		{"bad checksum", readZip(corrupt), "dữ liệu nén bị hỏng (sai mã kiểm tra); tệp có thể đã hỏng khi sao chép hoặc tải về"},
		{"not a zip", readZip([]byte("PK\x03\x04 không phải zip")), "tệp nén (zip) bị hỏng, không phải sổ Excel .xlsx hợp lệ"},
		{"cut short", short, "tệp bị cụt, thiếu phần cuối (có thể sao chép hoặc tải về chưa xong)"},
		{"row overflow", maxRows, "quá 1.048.576 dòng, số dòng tối đa của một sheet Excel"},
		{"missing sheet", noSheet, `không có sheet "Sinh hoạt"`},
		{"interrupted", ctx.Err(), "đã dừng theo yêu cầu"},
		{"broken XML", xml.Unmarshal([]byte("<row>\n<c>&</c></row>"), new(struct{})), "nội dung XML bị hỏng ở dòng 2 của phần này trong tệp"},
		{"already Vietnamese", fmt.Errorf("xlsxscan: %w", viError{}), "ô B4 có chỉ số chuỗi dùng chung không hợp lệ"},
		{"unknown errno", &fs.PathError{Op: "read", Path: file, Err: syscall.Errno(250)}, "lỗi hệ thống không rõ (mã lỗi 250)"},
		{"unknown", errors.New("strange failure"), "lỗi hệ thống không rõ"},
	}
}

type viError struct{}

func (viError) Error() string { return "bad shared string index" }
func (viError) Vietnamese() string {
	return "ô B4 có chỉ số chuỗi dùng chung không hợp lệ"
}

func TestExplainSaysEachCauseInVietnamese(t *testing.T) {
	for _, tt := range realErrors(t) {
		if tt.err == nil {
			t.Fatalf("%s: the operation did not fail", tt.name)
		}
		got := Explain(tt.err)
		if got != tt.want {
			t.Errorf("%s: Explain(%q) = %q, want %q", tt.name, tt.err, got, tt.want)
		}
		for _, w := range english {
			if strings.Contains(strings.ToLower(got), w) {
				t.Errorf("%s: %q keeps the English %q", tt.name, got, w)
			}
		}
	}
}

// On Windows a report open in Excel cannot be replaced: the rename over it
// is refused as access denied, or the file is a sharing violation. Both
// are told to close Excel; a refusal for a path that does not exist is a
// plain permission problem. The Windows numbers are put in place here so
// that the rule runs on every system; syserr_windows.go holds the real ones.
func TestExplainTellsToCloseExcel(t *testing.T) {
	saved, savedCauses := deniedReplaceMeansInUse, platformCauses
	t.Cleanup(func() { deniedReplaceMeansInUse, platformCauses = saved, savedCauses })
	deniedReplaceMeansInUse = true
	const sharingViolation, lockViolation = syscall.Errno(32), syscall.Errno(33)
	platformCauses = []cause{{sharingViolation, msgInUse}, {lockViolation, msgInUse}}

	dir := t.TempDir()
	report := filepath.Join(dir, "bao-cao.xlsx")
	if err := os.WriteFile(report, []byte("PK"), 0o644); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, ".bao-cao.xlsx.tmp-1")
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"rename over an open report", &os.LinkError{Op: "rename", Old: tmp, New: report, Err: syscall.EACCES}, msgInUse},
		{"sharing violation", &fs.PathError{Op: "open", Path: report, Err: sharingViolation}, msgInUse},
		{"lock violation", &fs.PathError{Op: "write", Path: report, Err: lockViolation}, msgInUse},
		{"rename into a new name", &os.LinkError{Op: "rename", Old: tmp, New: filepath.Join(dir, "moi.xlsx"), Err: syscall.EACCES}, msgPermission},
	} {
		if got := Explain(tt.err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if !strings.HasSuffix(msgInUse, "hãy đóng tệp trong Excel rồi chạy lại") {
		t.Errorf("the in-use sentence %q lost its advice", msgInUse)
	}
	deniedReplaceMeansInUse = false
	if got := Explain(&os.LinkError{Op: "rename", Old: tmp, New: report, Err: syscall.EACCES}); got != msgPermission {
		t.Errorf("off Windows, a refused rename is %q, want the permission sentence", got)
	}
}
