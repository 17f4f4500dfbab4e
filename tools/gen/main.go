// Command gen writes input workbooks for bontot's examples and benchmarks:
//
//	go run ./tools/gen -scale example -o testdata/khoi-2024.xlsx
//	go run ./tools/gen -scale example-2025 -o testdata/khoi-2024-quy-tac-2025.xlsx
//	go run ./tools/gen -scale province -seed 7 -o /tmp/province.xlsx
//	go run ./tools/gen -scale province-problems -o /tmp/province-problems.xlsx
//	go run ./tools/gen -office ds-dang-vien-2025.xlsx -o testdata/offices/ds-dang-vien-2025.xlsx
//	go run ./tools/gen -scale folder -folder /tmp/units -o /tmp/units.xlsx
//
// The example is hand-crafted (testdata/README.md says what each unit
// shows); bloc, province and max are drawn at random from the seed, the
// same seed always giving the same bytes.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bontot/bontot/workbook/workbooktest"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	scaleName := fs.String("scale", "example", "example, example-2025, bloc, province, province-problems, max or folder")
	folder := fs.String("folder", "", "also write one workbook per unit of the top level (a đảng bộ cơ sở with its chi bộ, or a chi bộ cơ sở) into this directory: the same data as -o, as a Ban Tổ chức receives it (bloc, province, max, folder)")
	seed := fs.Uint64("seed", 1, "random seed (ignored by the example)")
	out := fs.String("o", "", "output .xlsx file (required)")
	prefix := fs.String("prefix", "", "put before every unit code (several blocs in one folder)")
	office := fs.String("office", "", "write an office list of testdata/offices instead: "+strings.Join(workbooktest.OfficeNames(), ", "))
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (*out == "" && *folder == "") || fs.NArg() > 0 {
		return fmt.Errorf("usage: go run ./tools/gen -scale example|example-2025|bloc|province|province-problems|max|folder [-seed N] [-prefix P] [-folder DIR] -o FILE")
	}
	var scale workbooktest.Scale
	var err error
	var cfg workbooktest.Config
	isFolder := strings.EqualFold(strings.TrimSpace(*scaleName), "folder")
	switch {
	case *office != "":
	case isFolder:
		cfg = workbooktest.FolderConfig()
		scale = workbooktest.ScaleBloc // any random scale: cfg decides
	default:
		if scale, err = workbooktest.ParseScale(*scaleName); err != nil {
			return err
		}
		if scale != workbooktest.ScaleExample && scale != workbooktest.ScaleExample2025 {
			cfg = workbooktest.ConfigFor(scale)
		} else if *folder != "" {
			return fmt.Errorf("-folder: only for bloc, province, max or folder")
		}
	}
	cfg.Prefix = *prefix
	if *folder != "" {
		if *office != "" {
			return fmt.Errorf("-folder: not with -office")
		}
		if err := writeFolder(*folder, cfg, *seed); err != nil {
			return err
		}
		if *out == "" {
			return nil
		}
	}
	// Write beside the target and rename, so a failed run leaves no
	// half-written workbook behind.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".gen-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<20)
	switch {
	case *office != "":
		err = workbooktest.WriteOffice(bw, *office)
	case scale == workbooktest.ScaleExample || scale == workbooktest.ScaleExample2025:
		err = workbooktest.Write(bw, scale, *seed)
	default:
		var stats workbooktest.Stats
		stats, err = workbooktest.WriteConfig(bw, cfg, *seed)
		if err == nil {
			fmt.Fprintf(os.Stderr, "gen: %s: %d units, %d meetings, %d members\n", *scaleName,
				stats["Đơn vị"], stats["Sinh hoạt"], stats["Đảng viên"])
		}
	}
	if err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), *out)
}

// writeFolder writes the one-unit workbooks of cfg into dir, each beside
// its target first and renamed once complete.
func writeFolder(dir string, cfg workbooktest.Config, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	n, stats, err := workbooktest.WriteFolder(cfg, seed, func(name string) (io.WriteCloser, error) {
		return newAtomicFile(filepath.Join(dir, name))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: folder %s: %d workbooks, %d units, %d meetings, %d members\n", dir, n,
		stats["Đơn vị"], stats["Sinh hoạt"], stats["Đảng viên"])
	return nil
}

// atomicFile is a buffered temporary file renamed to its target on Close.
type atomicFile struct {
	*bufio.Writer
	f      *os.File
	target string
}

func newAtomicFile(target string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(target), ".gen-*.xlsx")
	if err != nil {
		return nil, err
	}
	return &atomicFile{bufio.NewWriterSize(f, 1<<16), f, target}, nil
}

func (a *atomicFile) Close() error {
	err := a.Flush()
	if err == nil {
		err = a.f.Chmod(0o644)
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.f.Name(), a.target)
	}
	if err != nil {
		os.Remove(a.f.Name())
	}
	return err
}
