// Package syserr says in Vietnamese why a file could not be read or
// written. The operating system, archive/zip and excelize word their errors
// in English ("permission denied", "row number exceeds maximum limit");
// bontot's users read Vietnamese, and a script's log should not mix the
// two, so every error whose text would reach the user passes through
// Explain instead of being printed.
package syserr

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/xuri/excelize/v2"
)

// Sentences shared by several causes. Each fits after "không đọc được
// "x.xlsx": " or "không ghi được bao-cao.xlsx: ", so it starts in lower case.
const (
	msgInUse       = "tệp đang được một chương trình khác mở; hãy đóng tệp trong Excel rồi chạy lại"
	msgNotExist    = "không tìm thấy tệp hoặc thư mục"
	msgPermission  = "không có quyền truy cập tệp hoặc thư mục này"
	msgLoop        = "đường dẫn có lối tắt (liên kết) trỏ vòng trở lại chính nó"
	msgDiskFull    = "ổ đĩa đã đầy"
	msgReadOnly    = "ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được"
	msgIsDir       = "đây là thư mục, không phải tệp"
	msgNameTooLong = "tên tệp hoặc đường dẫn quá dài"
	msgUnknown     = "lỗi hệ thống không rõ"
)

// cause pairs an error that errors.Is recognises with its sentence.
type cause struct {
	err error
	msg string
}

// causes are tried in order, after platformCauses: the more specific first
// (a symlink loop is also a path that cannot be opened).
var causes = []cause{
	{context.Canceled, "đã dừng theo yêu cầu"},
	{context.DeadlineExceeded, "đã quá thời gian cho phép"},
	{syscall.ELOOP, msgLoop},
	{syscall.ENOSPC, msgDiskFull},
	{syscall.EDQUOT, "đã dùng hết dung lượng được cấp trên ổ đĩa"},
	{syscall.EROFS, msgReadOnly},
	{syscall.EISDIR, msgIsDir},
	{syscall.ENOTDIR, "một phần của đường dẫn là tệp chứ không phải thư mục"},
	{syscall.ENAMETOOLONG, msgNameTooLong},
	{syscall.EMFILE, "đang mở quá nhiều tệp cùng lúc"},
	{syscall.ENFILE, "đang mở quá nhiều tệp cùng lúc"},
	{syscall.EIO, "lỗi đọc ghi trên ổ đĩa (ổ đĩa hoặc kết nối mạng có thể có vấn đề)"},
	{syscall.EPIPE, "nơi nhận kết quả đã đóng trước khi ghi xong"},
	{syscall.EXDEV, "không chuyển được tệp sang ổ đĩa khác"},
	{fs.ErrPermission, msgPermission},
	{fs.ErrNotExist, msgNotExist},
	{fs.ErrExist, "đã có tệp hoặc thư mục cùng tên"},
	{zip.ErrAlgorithm, "tệp nén dùng kiểu nén không được hỗ trợ; hãy mở bằng Excel, lưu lại rồi chạy lại"},
	{zip.ErrChecksum, "dữ liệu nén bị hỏng (sai mã kiểm tra); tệp có thể đã hỏng khi sao chép hoặc tải về"},
	{zip.ErrFormat, "tệp nén (zip) bị hỏng, không phải sổ Excel .xlsx hợp lệ"},
	{io.ErrUnexpectedEOF, "tệp bị cụt, thiếu phần cuối (có thể sao chép hoặc tải về chưa xong)"},
	{excelize.ErrMaxRows, "quá 1.048.576 dòng, số dòng tối đa của một sheet Excel"},
	{excelize.ErrCellCharsLength, "một ô dài quá 32.767 ký tự, giới hạn của Excel"},
	{excelize.ErrMaxFilePathLength, msgNameTooLong},
	{excelize.ErrWorkbookPassword, "mật khẩu không đúng"},
	{excelize.ErrWorkbookFileFormat, "tệp không phải sổ Excel .xlsx"},
	{excelize.ErrUnsupportedEncryptMechanism, "kiểu mã hóa của sổ không được hỗ trợ"},
	{excelize.ErrUnknownEncryptMechanism, "kiểu mã hóa của sổ không được hỗ trợ"},
}

// Explain returns one Vietnamese sentence for the cause of err. A cause it
// does not know gets a generic sentence (with the system's error number
// when there is one), never the English text: a wrong guess or a foreign
// phrase would help the user less than the plain admission.
func Explain(err error) string {
	if msg, ok := Cause(err); ok {
		return msg
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Sprintf("%s (mã lỗi %d)", msgUnknown, uint(errno))
	}
	return msgUnknown
}

// Vietnamese is an error that already says its cause in Vietnamese (a
// located reader error, say); Cause passes its sentence through.
type Vietnamese interface {
	error
	Vietnamese() string
}

// Cause returns the Vietnamese sentence for err's cause and true, or false
// when the cause is not one it knows.
func Cause(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	var vi Vietnamese
	if errors.As(err, &vi) {
		return vi.Vietnamese(), true
	}
	if replaceRefused(err) {
		return msgInUse, true
	}
	for _, c := range platformCauses {
		if errors.Is(err, c.err) {
			return c.msg, true
		}
	}
	for _, c := range causes {
		if errors.Is(err, c.err) {
			return c.msg, true
		}
	}
	var noSheet excelize.ErrSheetNotExist
	if errors.As(err, &noSheet) {
		return fmt.Sprintf("không có sheet %q", noSheet.SheetName), true
	}
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Sprintf("nội dung XML bị hỏng ở dòng %d của phần này trong tệp", syntax.Line), true
	}
	return "", false
}

// replaceRefused reports whether err is a refusal to replace a file that
// exists, which on Windows means that a program (Excel, most often) holds
// it open: Windows answers "access denied", not "sharing violation", when
// bontot renames its finished report over the one the user is looking at.
func replaceRefused(err error) bool {
	if !deniedReplaceMeansInUse {
		return false
	}
	var le *os.LinkError
	if !errors.As(err, &le) || !errors.Is(le.Err, fs.ErrPermission) {
		return false
	}
	_, statErr := os.Lstat(le.New)
	return statErr == nil
}
