package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/report"
	"github.com/bontot/bontot/workbook"
	"github.com/bontot/bontot/workbook/workbooktest"
)

// benchWorkbook is the workbook the pipeline benchmarks read: a generated
// bloc (≈13k meetings, ≈12.5k members) unless BONTOT_BENCH_FILE names
// another, e.g. a province workbook from `go run ./tools/gen -scale province`,
// or BONTOT_BENCH_SCALE a generated scale (province, province-problems…).
func benchWorkbook(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("BONTOT_BENCH_FILE"); p != "" {
		return p
	}
	scale := workbooktest.ScaleBloc
	if name := os.Getenv("BONTOT_BENCH_SCALE"); name != "" {
		var err error
		if scale, err = workbooktest.ParseScale(name); err != nil {
			b.Fatal(err)
		}
	}
	p, err := workbooktest.CachedFile(scale, 1)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func benchOptions() workbook.Options {
	return workbook.Options{}
}

func BenchmarkRead(b *testing.B) {
	path := benchWorkbook(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := workbook.Read([]string{path}, benchOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	res, err := workbook.Read([]string{benchWorkbook(b)}, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	}
}

func BenchmarkRender(b *testing.B) {
	res, err := workbook.Read([]string{benchWorkbook(b)}, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	rep := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	renderers := map[string]func(io.Writer) error{
		"table": func(w io.Writer) error { return report.Table(w, rep, report.TableOptions{}) },
		"json":  func(w io.Writer) error { return report.JSON(w, rep) },
		"csv":   func(w io.Writer) error { return report.CSV(w, rep) },
		"xlsx":  func(w io.Writer) error { return report.XLSX(w, rep, report.XLSXOptions{}) },
	}
	for _, name := range []string{"table", "json", "csv", "xlsx"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := renderers[name](io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEndToEnd runs the whole command as a user would, JSON to a
// discarded stdout.
func BenchmarkEndToEnd(b *testing.B) {
	path := benchWorkbook(b)
	b.ReportAllocs()
	for b.Loop() {
		s := streams{In: nil, Out: io.Discard, Err: io.Discard}
		if code := run([]string{"evaluate", path, "--format", "json"}, s); code != exitOK && code != exitDataErrors {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkReadFolder reads the folder scale: 400 one-unit workbooks,
// and the one workbook holding the same data. The target set for it is
// folder ≤ 3× one.
func BenchmarkReadFolder(b *testing.B) {
	dir, one, err := workbooktest.CachedFolder(1)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, path string }{{"folder", dir}, {"one", one}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := workbook.Read([]string{c.path}, benchOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadLinear reads the bloc and the province and reports the
// time per data row (Sinh hoạt and Đảng viên rows): constant from scale
// to scale when reading grows linearly with rows.
// BONTOT_BENCH_MAX=1 adds the max scale (≈ 980k rows a sheet).
func BenchmarkReadLinear(b *testing.B) {
	scales := []workbooktest.Scale{workbooktest.ScaleBloc, workbooktest.ScaleProvince}
	if os.Getenv("BONTOT_BENCH_MAX") != "" {
		scales = append(scales, workbooktest.ScaleMax)
	}
	for _, scale := range scales {
		b.Run(scale.String(), func(b *testing.B) {
			path, err := workbooktest.CachedFile(scale, 1)
			if err != nil {
				b.Fatal(err)
			}
			rows := 0
			b.ReportAllocs()
			for b.Loop() {
				res, err := workbook.Read([]string{path}, benchOptions())
				if err != nil {
					b.Fatal(err)
				}
				rows = 0
				for _, u := range res.Dataset.Units {
					rows += len(u.Meetings) + len(u.Members)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(max(rows, 1)), "ns/row")
		})
	}
}

// BenchmarkSplit writes every unit's own report, as --split does (bloc by
// default, BONTOT_BENCH_FILE for another), and reports files per second.
func BenchmarkSplit(b *testing.B) {
	res, err := workbook.Read([]string{benchWorkbook(b)}, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	rep := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	opts := report.XLSXOptions{TypeCounts: map[criteria.UnitType]int{}}
	for _, ur := range rep.Units {
		opts.TypeCounts[ur.Unit.Type]++
	}
	b.ReportAllocs()
	files := 0
	for b.Loop() {
		dir := b.TempDir()
		written, err := writeSplit(context.Background(), dir, rep, nil, opts)
		if err != nil {
			b.Fatal(err)
		}
		files += len(written)
	}
	b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkExcelVsJSON runs the whole command to a file, JSON then the Excel
// report, on the same workbook: the Excel report's time over the JSON's is
// the ratio the speed target bounds (3× on a province, problem-heavy or not:
// BONTOT_BENCH_SCALE=province-problems).
func BenchmarkExcelVsJSON(b *testing.B) {
	path := benchWorkbook(b)
	for _, format := range []string{"json", "xlsx"} {
		b.Run(format, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "report."+format)
			b.ReportAllocs()
			for b.Loop() {
				s := streams{In: nil, Out: io.Discard, Err: io.Discard}
				if code := run([]string{"evaluate", path, "--format", format, "-o", out}, s); code != exitOK && code != exitDataErrors {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
