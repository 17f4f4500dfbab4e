// Command floor measures the least time any reader of a workbook needs:
// open the zip, inflate every worksheet and the shared strings, and count
// the "<c " that start cells. scripts/bench.sh measures bontot's reading
// against it.
// With -read it instead reads every cell of every sheet with the fast
// scanner (scan) or excelize's Rows iterator (excelize), so that the three
// are timed as whole processes the same way:
//
//	go build -o /tmp/floor ./tools/floor
//	/usr/bin/time -v /tmp/floor province.xlsx
//	/usr/bin/time -v /tmp/floor -klauspost province.xlsx  # bontot's inflater
//	/usr/bin/time -v /tmp/floor -read scan province.xlsx
//	/usr/bin/time -v /tmp/floor -read excelize province.xlsx
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	kflate "github.com/klauspost/compress/flate"

	"github.com/bontot/bontot/internal/xlsxscan"
	"github.com/xuri/excelize/v2"
)

func main() {
	read := flag.String("read", "floor", "floor, scan or excelize")
	kflate := flag.Bool("klauspost", false, "floor: inflate with klauspost/compress/flate, as bontot does, not compress/flate")
	flag.Parse()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: floor [-read floor|scan|excelize] [-klauspost] FILE.xlsx...")
		os.Exit(2)
	}
	// Several files are read at once, GOMAXPROCS at a time, each on one
	// core: run with GOMAXPROCS=1 and 2 it shows how far this machine
	// speeds up work that needs nothing from the other files.
	names := flag.Args()
	outs := make([]string, len(names))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, name := range names {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			var n, size int64
			var err error
			switch *read {
			case "floor":
				n, size, err = count(name, *kflate)
			case "scan":
				n, err = scan(name)
			case "excelize":
				n, err = excelizeRows(name)
			default:
				err = fmt.Errorf("unknown -read %q", *read)
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "floor:", err)
				os.Exit(1)
			}
			outs[i] = fmt.Sprintf("%s: %d cells, %d bytes of XML", name, n, size)
		})
	}
	wg.Wait()
	for _, o := range outs {
		fmt.Println(o)
	}
}

// scan counts the non-empty cells the fast scanner yields.
func scan(name string) (int64, error) {
	b, err := xlsxscan.Open(name)
	if err != nil {
		return 0, err
	}
	defer b.Close()
	var n int64
	for _, s := range b.SheetNames() {
		err := b.Rows(s, func(_ int, cells []string) error {
			for _, c := range cells {
				if c != "" {
					n++
				}
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

// excelizeRows counts the non-empty cells excelize's iterator yields.
func excelizeRows(name string) (int64, error) {
	f, err := excelize.OpenFile(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var n int64
	for _, s := range f.GetSheetList() {
		rows, err := f.Rows(s)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			cells, err := rows.Columns()
			if err != nil {
				return 0, err
			}
			for _, c := range cells {
				if c != "" {
					n++
				}
			}
		}
		if err := rows.Close(); err != nil {
			return 0, err
		}
	}
	return n, nil
}

func count(name string, klauspost bool) (cells, size int64, err error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return 0, 0, err
	}
	defer zr.Close()
	if klauspost {
		zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return kflate.NewReader(r) })
	}
	buf := make([]byte, 256<<10)
	needle := []byte("<c ")
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return 0, 0, err
		}
		// Keep the last two bytes of each chunk so a "<c " split across
		// chunks is still counted (two bytes never hold a whole match).
		carry := 0
		for {
			n, err := rc.Read(buf[carry:])
			size += int64(n)
			chunk := buf[:carry+n]
			cells += int64(bytes.Count(chunk, needle))
			carry = copy(buf, chunk[max(0, len(chunk)-2):])
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return 0, 0, err
			}
		}
		rc.Close()
	}
	return cells, size, nil
}
