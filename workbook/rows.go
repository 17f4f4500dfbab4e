package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"sync"

	"github.com/bontot/bontot/internal/xlsxscan"
	"github.com/xuri/excelize/v2"
)

// book is an open workbook as the readers see it: sheet names, the date
// system and rows. Cells come from the fast scanner (xlsxscan) whenever it
// understands the file, because excelize's row iterator costs about five
// times more; excelize stays the authority for everything the scanner does
// not recognise (encrypted packages, unusual XML) and is opened only then.
type book struct {
	path      string
	password  string
	encrypted bool
	scan      *xlsxscan.Book // nil: the scanner cannot read this file
	xlMu      sync.Mutex     // sheets are read in parallel; excelize is shared
	xl        *excelize.File // opened on first need
	pkg       []byte         // the decrypted package of an encrypted workbook, once checked
	names     []string
	date1904  bool
}

// Books keeps the workbooks one read opened for the next read of the same
// files. The command reads under the rules of the current year and reads
// once more when the rows turn out to be of a year under other rules (a
// 2024 workbook evaluated in 2026): the second read then opens no file
// again and reads no zip directory, sheet list, shared strings or styles
// again, which for a folder of one-unit workbooks was a third of a read.
// Only for reads of the same files with the same password. The zero value
// is ready; Close closes every workbook kept.
type Books struct {
	mu    sync.Mutex
	books map[string]*book
}

// open is openBook through the keeper; a nil keeper opens a workbook of
// the caller's own.
func (bs *Books) open(path, password string) (*book, error) {
	if bs == nil {
		return openBook(path, password)
	}
	bs.mu.Lock()
	b, ok := bs.books[path]
	bs.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := openBook(path, password)
	if err != nil {
		return nil, err
	}
	bs.mu.Lock()
	defer bs.mu.Unlock()
	if kept, ok := bs.books[path]; ok {
		b.Close() // opened twice at once: one is enough
		return kept, nil
	}
	if bs.books == nil {
		bs.books = map[string]*book{}
	}
	bs.books[path] = b
	return b, nil
}

// Close closes every workbook kept.
func (bs *Books) Close() {
	if bs == nil {
		return
	}
	bs.mu.Lock()
	defer bs.mu.Unlock()
	for _, b := range bs.books {
		b.Close()
	}
	bs.books = nil
}

// closeBook lets go of the workbook a read is done with: closed, unless
// a Books keeps it for the next read.
func (fd *fileData) closeBook() {
	if fd.book != nil && fd.books == nil {
		fd.book.Close()
	}
	fd.book = nil
}

// useScanner is switched off by tests that compare the two row sources.
var useScanner = true

// openBook checks the file (checkFile's sentences for every kind of
// unreadable file) and opens it with the scanner when it can, excelize
// otherwise. The caller must Close it.
func openBook(path, password string) (*book, error) {
	c, err := checkFile(path, password)
	if err != nil {
		return nil, err
	}
	b := &book{path: path, password: password, encrypted: c.encrypted}
	if !c.encrypted && useScanner {
		var closer io.Closer
		if c.file != nil {
			closer = c.file
		}
		sb, err := xlsxscan.OpenZip(c.zr, closer)
		c.file = nil // OpenZip closes it, on failure too
		if err == nil {
			sb.SetText(clean)
			b.scan, b.names, b.date1904 = sb, sb.SheetNames(), sb.Date1904()
			return b, nil
		}
		var de *xlsxscan.DefectError
		if errors.As(err, &de) {
			return nil, &fileError{path: path, msg: de.Error() + defectAdvice, err: err}
		}
	}
	c.close()
	// excelize reads on silently past a defect: the checker reads the
	// whole package first.
	pkg, err := checkPackage(path, password, c.encrypted)
	if err != nil {
		return nil, err
	}
	b.pkg = pkg
	f, err := b.excelize()
	if err != nil {
		return nil, err
	}
	b.names = f.GetSheetList()
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	return b, nil
}

// checkPackage runs the checker over every part of a workbook that
// excelize is about to read. An encrypted workbook is decrypted for it,
// and the package is returned for excelize to open without decrypting it
// again (nil when decrypting failed: excelize then says why in its words).
func checkPackage(path, password string, encrypted bool) ([]byte, error) {
	var zr *zip.Reader
	var pkg []byte
	if encrypted {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, &fileError{path: path, msg: "không đọc được tệp", err: err}
		}
		if pkg, err = excelize.Decrypt(raw, &excelize.Options{Password: password}); err != nil {
			return nil, nil
		}
		if zr, err = zip.NewReader(bytes.NewReader(pkg), int64(len(pkg))); err != nil {
			return nil, nil
		}
		// checkFile saw only the envelope: the sizes the package declares
		// are bounded before the checker inflates a byte.
		if msg := checkEntries(zr.File); msg != "" {
			return nil, &fileError{path: path, msg: msg}
		}
	} else {
		rc, err := zip.OpenReader(path)
		if err != nil {
			return nil, nil // checkFile has looked at the zip; excelize says the rest
		}
		defer rc.Close()
		zr = &rc.Reader
	}
	if err := xlsxscan.CheckPackage(zr); err != nil {
		return nil, &fileError{path: path, msg: err.Error() + defectAdvice, err: err}
	}
	return pkg, nil
}

func (b *book) excelize() (*excelize.File, error) {
	if b.xl == nil {
		f, err := openExcelize(b.path, b.password, b.encrypted, b.pkg)
		if err != nil {
			return nil, err
		}
		b.xl, b.pkg = f, nil // excelize holds its own copy
	}
	return b.xl, nil
}

// sheetSize is the unpacked size of a sheet's XML when the scanner reads
// the workbook, 0 otherwise: the order in which readRest takes sheets.
func (b *book) sheetSize(sheet string) int64 {
	if b.scan == nil {
		return 0
	}
	return b.scan.SheetSize(sheet)
}

// Close releases the scanner's zip and excelize's temporary files.
func (b *book) Close() {
	if b.scan != nil {
		_ = b.scan.Close()
	}
	if b.xl != nil {
		_ = b.xl.Close()
	}
}

// sheetRows calls visit with every row of the sheet, in order, numbered from
// 1 as Excel numbers them; rows absent from the file (gaps) come as empty
// rows. cells is indexed from column A, "" for an empty cell, and holds the
// values as Excel stores them (shared strings resolved, numbers and dates
// raw), each taken in through clean.
// A non-nil error from visit stops the walk and is returned.
//
// This is the package's only access to cell data. When the scanner meets
// something it does not read with certainty, the rows it has visited are
// exactly excelize's, so excelize carries on from the next row.
func (b *book) sheetRows(sheet string, visit func(row int, cells []string) error) error {
	done := 0
	if b.scan != nil {
		err := b.scan.Rows(sheet, visit)
		var unsup *xlsxscan.UnsupportedError
		if !errors.As(err, &unsup) {
			return err
		}
		done = unsup.Delivered
	}
	// The fallback is rare; one sheet at a time keeps excelize's shared
	// state out of any race.
	b.xlMu.Lock()
	defer b.xlMu.Unlock()
	f, err := b.excelize()
	if err != nil {
		return err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		if n <= done {
			continue
		}
		cells, err := rows.Columns()
		if err != nil {
			return err
		}
		for i, v := range cells {
			if xlsxscan.CellTooLong(v) {
				return xlsxscan.LongCell(sheet, n, i+1)
			}
			cells[i] = clean(v)
		}
		if err := visit(n, cells); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return err
	}
	return rows.Close()
}
