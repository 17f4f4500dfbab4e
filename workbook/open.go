package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/internal/xlsxscan"
	"github.com/bontot/bontot/workbook/schema"
)

// Unzip limits. A bloc's consolidated workbook unpacks to a few megabytes,
// but any sheet Excel can hold is read: the per-part limit is
// Excel's row limit at the widest layout bontot reads, as Excel writes it
// (partBound). Anything beyond is not a party record but a zip bomb or a
// runaway export, refused before a byte is inflated: Go's archive/zip
// enforces the sizes the archive declares, so checking the declared sizes
// bounds what is ever decompressed. The fast path streams a sheet in a
// fixed window, so a sheet at the limit costs time, not memory.
//
// partLimit bounds each XML part (a sheet, the shared strings) and
// totalLimit the whole archive: three sheets at the limit (Sinh hoạt and
// Đảng viên of a million rows each, and the rest). spillLimit is
// excelize's UnzipXMLSizeLimit: not a refusal but the size above which a
// sheet is unpacked to a temp file and streamed from there, so memory
// stays flat however big a sheet is; excelize's own default, 16 MiB, is
// kept on purpose.
//
// They are variables so that tests can lower them instead of writing
// gigabytes.
var (
	partLimit        = partBound(excelRows, widestColumns())
	totalLimit       = 3 * partLimit
	spillLimit int64 = 16 << 20
)

const (
	// excelRows is Excel's row limit.
	excelRows = 1 << 20
	// excelCellBytes is the most a cell of ours takes as Excel writes it
	// at the last row and column, a shared string with a style:
	// <c r="XFD1048576" s="65535" t="s"><v>1048575</v></c> (51 bytes);
	// a longer text is a shared string, counted in its own part.
	excelCellBytes = 52
	// excelRowBytes is the row's own markup at most: <row r="1048576"
	// spans="1:16384" s="65535" customFormat="1" ht="409.5"
	// customHeight="1" x14ac:dyDescent="0.25"> and </row>.
	excelRowBytes = 128
)

// partBound is the XML of a sheet of rows rows of cols cells, as Excel
// writes it at most, rounded up to 256 MiB so that the limit reads as a
// round figure in a refusal.
func partBound(rows, cols int) int64 {
	const round = 256 << 20
	n := int64(rows) * (excelRowBytes + int64(cols)*excelCellBytes)
	return (n + round - 1) / round * round
}

// widestColumns is the widest layout bontot reads: the sheet with the
// most columns, its score groups counted at the most a score sheet
// declares, and an STT column.
func widestColumns() int {
	n := 0
	for _, s := range schema.Sheets {
		cols := len(s.Columns)
		if s.ID == criteria.SheetMeetings {
			cols += criteria.MaxScoreGroups - len(criteria.HD12ScoreGroups())
		}
		n = max(n, cols+1)
	}
	return n
}

// oleMagic starts every OLE compound file: legacy .xls, and also the
// envelope Office puts around an encrypted .xlsx.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// fileError is a file that cannot be read at all; its message is one
// Vietnamese sentence naming the file.
type fileError struct {
	path string
	msg  string
	err  error // the underlying cause, for errors.Is; never shown
	// kind is the problem it is in a run of several workbooks (unreadable);
	// nil: criteria.FileUnreadable.
	kind *criteria.ProblemType
}

func (e *fileError) Error() string {
	return fmt.Sprintf("không đọc được %q: %s", e.path, e.msg)
}
func (e *fileError) Unwrap() error { return e.err }

// checked is what checkFile found of a workbook it accepts.
type checked struct {
	// encrypted: an encrypted workbook, which only excelize can open,
	// given the password.
	encrypted bool
	// zr is the zip of a plain workbook, its directory read and checked;
	// file is what it reads from, nil when the file was small enough to be
	// read whole. Whoever does not hand file on to the scanner closes it.
	zr   *zip.Reader
	file *os.File
}

// close closes the file the zip reads from, if any.
func (c checked) close() {
	if c.file != nil {
		c.file.Close()
	}
}

// checkFile looks at the file before any zip or XML reader does, so that
// each kind of file that is not a readable workbook gets its own clear
// sentence. A plain workbook's zip is kept open for the reader: a folder
// of small workbooks paid for opening each and reading its directory
// twice.
func checkFile(path, password string) (c checked, err error) {
	fail := func(msg string, err error) error { return &fileError{path: path, msg: msg, err: err} }
	// Stat before opening: opening a FIFO waits for a writer, for ever.
	if st, err := os.Stat(path); err == nil {
		switch {
		case st.IsDir():
			return c, fail("đây là thư mục, không phải tệp", nil)
		case !st.Mode().IsRegular():
			return c, fail("đây không phải tệp thường (thiết bị, FIFO, socket…), không phải sổ Excel", nil)
		}
	}
	fh, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return c, fail("không tìm thấy tệp", err)
		}
		if errors.Is(err, os.ErrPermission) {
			return c, fail("không có quyền đọc tệp", err)
		}
		return c, fail("không mở được tệp: "+syserr.Explain(err), err)
	}
	defer func() {
		if c.file != fh {
			fh.Close()
		}
	}()
	st, err := fh.Stat()
	if err != nil {
		return c, fail("không mở được tệp: "+syserr.Explain(err), err)
	}
	if st.IsDir() {
		return c, fail("đây là thư mục, không phải tệp", nil)
	}
	if st.Size() == 0 {
		return c, fail("tệp rỗng (0 byte), không phải sổ Excel", nil)
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")):
		zr, whole, err := xlsxscan.ReadZip(fh, st.Size())
		if err != nil {
			return c, fail(zipBroken, nil)
		}
		if msg := checkEntries(zr.File); msg != "" {
			return c, fail(msg, nil)
		}
		c.zr = zr
		if !whole {
			c.file = fh
		}
	case bytes.Equal(head, oleMagic):
		kind := oleKind(fh)
		switch {
		case kind == oleEncrypted && password == "":
			return c, fail("sổ Excel được đặt mật khẩu; hãy chạy lại với --password", nil)
		case kind == oleEncrypted:
			c.encrypted = true
		case kind == oleLegacyExcel:
			return c, fail("đây là sổ Excel cũ (.xls); hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi chạy lại", nil)
		default:
			return c, fail("đây là tệp Office cũ, không phải sổ Excel .xlsx", nil)
		}
	default:
		return c, fail("tệp không phải sổ Excel .xlsx"+sniffHint(head), nil)
	}
	return c, nil
}

// openExcelize opens a workbook that checkFile accepted with excelize,
// from pkg when it is the workbook's package already decrypted. The
// caller must Close the file.
func openExcelize(path, password string, encrypted bool, pkg []byte) (*excelize.File, error) {
	fail := func(msg string, err error) error { return &fileError{path: path, msg: msg, err: err} }
	opts := excelize.Options{
		Password:          password,
		RawCellValue:      true,
		UnzipSizeLimit:    totalLimit,
		UnzipXMLSizeLimit: min(spillLimit, totalLimit),
	}
	var f *excelize.File
	var err error
	if pkg != nil {
		// Decrypted already (checkPackage): the key derivation is not
		// paid twice.
		opts.Password = ""
		f, err = excelize.OpenReader(bytes.NewReader(pkg), opts)
	} else {
		f, err = excelize.OpenFile(path, opts)
	}
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		switch {
		case encrypted:
			// A wrong key decrypts to noise, which excelize reports as a
			// bad password, a bad format or a bad zip depending on luck.
			return nil, fail("mật khẩu không đúng hoặc kiểu mã hóa không được hỗ trợ", err)
		case strings.Contains(err.Error(), "unzip size exceeds"):
			return nil, fail(fmt.Sprintf("nội dung giải nén vượt quá %s (tệp nén bất thường, có thể là zip bomb)", sizeText(totalLimit)), err)
		default:
			return nil, fail(damaged(err), err)
		}
	}
	if encrypted {
		// The decrypted package has not been through checkEntries.
		if msg := checkParts(f); msg != "" {
			_ = f.Close()
			return nil, fail(msg, nil)
		}
	}
	return f, nil
}

// damaged says that excelize could not open the workbook, and why when the
// cause is one syserr knows; excelize's own English never reaches the user.
func damaged(err error) string {
	if why, ok := syserr.Cause(err); ok {
		return "tệp .xlsx bị hỏng hoặc không đúng định dạng: " + why
	}
	return "tệp .xlsx bị hỏng hoặc không đúng định dạng"
}

// zipBroken is the sentence for a file that starts as a zip and is none.
const zipBroken = "tệp nén (zip) bị hỏng, không phải sổ Excel .xlsx hợp lệ"

// checkEntries says in a sentence what makes the zip's entries no
// workbook bontot reads (a part over the size limits, a binary workbook,
// no workbook part), "" when nothing does. Only the directory is read:
// nothing is inflated.
func checkEntries(files []*zip.File) string {
	var total uint64
	hasWorkbook, hasBinary := false, false
	for _, zf := range files {
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		switch name {
		case "xl/workbook.xml":
			hasWorkbook = true
		case "xl/workbook.bin":
			hasBinary = true
		}
		if zf.UncompressedSize64 > uint64(partLimit) {
			return fmt.Sprintf("phần %q giải nén ra %s, vượt giới hạn %s (sheet quá lớn hoặc tệp nén bất thường)",
				zf.Name, sizeText(int64(min(zf.UncompressedSize64, 1<<62))), sizeText(partLimit))
		}
		total += zf.UncompressedSize64
		if total > uint64(totalLimit) {
			return fmt.Sprintf("nội dung giải nén vượt quá %s (tệp nén bất thường, có thể là zip bomb)", sizeText(totalLimit))
		}
	}
	switch {
	case hasBinary && !hasWorkbook:
		return "đây là sổ Excel nhị phân (.xlsb); hãy lưu lại dưới dạng .xlsx rồi chạy lại"
	case !hasWorkbook:
		return "tệp nén (zip) này không phải sổ Excel: không có xl/workbook.xml"
	}
	return ""
}

// checkParts applies the size limits to a decrypted package, which excelize
// holds in memory: a huge encrypted sheet is as unwelcome as a plain one.
func checkParts(f *excelize.File) string {
	var total int64
	f.Pkg.Range(func(_, v any) bool {
		if b, ok := v.([]byte); ok {
			total += int64(len(b))
		}
		return total <= totalLimit
	})
	if total > totalLimit {
		return fmt.Sprintf("nội dung giải nén vượt quá %s", sizeText(totalLimit))
	}
	return ""
}

type oleContent int

const (
	oleOther oleContent = iota
	oleEncrypted
	oleLegacyExcel
)

// oleKind tells an encrypted .xlsx (an OLE envelope holding EncryptionInfo
// and EncryptedPackage streams) from a legacy .xls (a Workbook or Book
// stream) and from other Office files.
func oleKind(r io.ReaderAt) oleContent {
	doc, err := mscfb.New(r)
	if err != nil {
		return oleOther
	}
	kind := oleOther
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		switch entry.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return oleEncrypted
		case "Workbook", "Book":
			kind = oleLegacyExcel
		}
	}
	return kind
}

// sniffHint names what a non-workbook file seems to be, from its first bytes.
func sniffHint(head []byte) string {
	lower := strings.ToLower(string(head))
	switch {
	case strings.HasPrefix(lower, "<?xml"), strings.HasPrefix(lower, "<html"), strings.HasPrefix(lower, "<!doc"), strings.HasPrefix(lower, "<table"):
		return " (tệp XML/HTML đổi đuôi); hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi chạy lại"
	case strings.HasPrefix(lower, "%pdf"):
		return " (đây là tệp PDF)"
	}
	return ""
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return criteria.FormatNumber(float64(n)/(1<<30)) + " GiB"
	case n >= 1<<20:
		return criteria.FormatNumber(float64(n)/(1<<20)) + " MiB"
	case n >= 1<<10:
		return criteria.FormatNumber(float64(n)/(1<<10)) + " KiB"
	}
	return fmt.Sprintf("%d byte", n)
}
