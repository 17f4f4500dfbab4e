// Command gen writes input workbooks for bontot's examples and benchmarks:
//
//	go run ./tools/gen -scale example -o testdata/khoi-2024.xlsx
//	go run ./tools/gen -scale example-2025 -o testdata/khoi-2024-quy-tac-2025.xlsx
//	go run ./tools/gen -scale province -seed 7 -o /tmp/province.xlsx
//	go run ./tools/gen -scale province-problems -o /tmp/province-problems.xlsx
//	go run ./tools/gen -office ds-dang-vien-2025.xlsx -o testdata/offices/ds-dang-vien-2025.xlsx
//
// The example is hand-crafted (testdata/README.md says what each unit
// shows); bloc, province and max are drawn at random from the seed, the
// same seed always giving the same bytes.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bontot/bontot/internal/gen"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	scaleName := fs.String("scale", "example", "example, example-2025, bloc, province, province-problems or max")
	seed := fs.Uint64("seed", 1, "random seed (ignored by the example)")
	out := fs.String("o", "", "output .xlsx file (required)")
	prefix := fs.String("prefix", "", "put before every unit code (several blocs in one folder)")
	office := fs.String("office", "", "write an office list of testdata/offices instead: "+strings.Join(gen.OfficeNames(), ", "))
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return fmt.Errorf("usage: go run ./tools/gen -scale example|example-2025|bloc|province|province-problems|max [-seed N] [-prefix P] -o FILE")
	}
	var scale gen.Scale
	var err error
	if *office == "" {
		if scale, err = gen.ParseScale(*scaleName); err != nil {
			return err
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
		err = gen.WriteOffice(bw, *office)
	case scale == gen.ScaleExample || scale == gen.ScaleExample2025:
		err = gen.Write(bw, scale, *seed)
	default:
		var stats gen.Stats
		cfg := gen.ConfigFor(scale)
		cfg.Prefix = *prefix
		stats, err = gen.WriteConfig(bw, cfg, *seed)
		if err == nil {
			fmt.Fprintf(os.Stderr, "gen: %s: %d units, %d meetings, %d members\n", scale,
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
