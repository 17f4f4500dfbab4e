package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/report"
	"github.com/bontot/bontot/workbook"
)

func init() { subcommands = append(subcommands, newValidateCmd) }

// validateOptions are the flags of bontot validate.
type validateOptions struct {
	Paths    []string
	Year     int
	Password string
	// The criteria the workbooks are read under: their score groups
	// decide which Sinh hoạt columns are group scores and their maxima.
	CriteriaFile string
	Profile      string
}

func newValidateCmd(s streams) *cobra.Command {
	var o validateOptions
	cmd := &cobra.Command{
		Use:   "validate TỆP|THƯ-MỤC...",
		Short: "Kiểm tra sổ Excel: liệt kê lỗi dữ liệu và tóm tắt những gì đọc được",
		Long: `Đọc các sổ Excel (hoặc mọi tệp .xlsx trong thư mục) như lệnh evaluate, nhưng
không đánh giá: in các vấn đề trong dữ liệu theo từng tệp, từng sheet, kèm ô
(ví dụ Sinh hoạt!D17), nội dung tìm thấy và nội dung cần có; rồi tóm tắt số
dòng đã đọc của từng sheet, số đơn vị theo loại và năm đánh giá sẽ dùng.

Mức độ: "lỗi" — dòng bị bỏ qua, đơn vị bị đánh dấu lỗi dữ liệu; "cảnh báo" —
cần xem lại, không bỏ gì; "ghi chú" — ví dụ các dòng thuộc năm khác bị bỏ qua.

Năm đánh giá là --year, hoặc năm có nhiều buổi sinh hoạt, cuộc họp cấp ủy nhất.
` + exitHelp,
		Example: `  # Kiểm tra sổ của cả khối
  bontot validate khoi-2024.xlsx

  # Kiểm tra mọi sổ trong thư mục, năm 2024, sổ có đặt mật khẩu
  bontot validate so-chi-bo/ --year 2024 --password "matkhau"`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("cần ít nhất một tệp .xlsx hoặc thư mục")}
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			o.Paths = args
			if o.Year != 0 && (o.Year < 1950 || o.Year > 2100) {
				return usageError{fmt.Errorf("--year %d không hợp lệ; cần một năm từ 1950 đến 2100", o.Year)}
			}
			return runValidate(o, s)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.Year, "year", 0, "`NĂM` đánh giá (mặc định: suy ra từ ngày sinh hoạt, họp cấp ủy)")
	f.StringVar(&o.Password, "password", "", "`MẬT-KHẨU` mở sổ Excel có đặt mật khẩu")
	f.StringVar(&o.CriteriaFile, "criteria", "", "`TỆP` YAML tiêu chí: các nhóm điểm sinh hoạt (score_groups) được kiểm tra theo tệp này")
	addProfileFlag(cmd, &o.Profile)
	return cmd
}

// runValidate reads the workbooks and prints their problems and a summary.
// It returns errDataErrors when some row has an error, and an exitError
// (exit 1) when a file cannot be read at all.
func runValidate(o validateOptions, s streams) error {
	// One choice of rules serves validate and evaluate: the same file is
	// read the same way by both.
	today := s.today()
	res, _, rules, err := readUnderRules(o.CriteriaFile, o.Profile, o.Year, today, func(th criteria.Thresholds) (*workbook.Result, error) {
		opts := readOptions(th, o.Password, o.Year, today)
		// Every sheet bontot knows is checked, Lịch sử too, though only the
		// 2025 rules read it when evaluating.
		opts.History = true
		return workbook.Read(o.Paths, opts)
	})
	if err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		return &exitError{code: exitFailure, msg: err.Error()}
	}
	w := &errWriter{w: s.Out}
	errs := printProblems(w, res.Dataset.Problems)
	printSummary(w, res, rules, today)
	if w.err != nil {
		return &exitError{code: exitFailure, msg: "không ghi được kết quả: " + syserr.Explain(w.err)}
	}
	if errs > 0 {
		return errDataErrors
	}
	return nil
}

// errWriter keeps the first write error so that printing code stays flat.
type errWriter struct {
	w   io.Writer
	err error
}

// printf formats like fmt.Printf. Every string argument is text from a
// workbook or a path (a file name, a sheet name, a problem quoting a cell)
// and goes out through report.SafeText, so that no control character in
// it reaches the terminal; the format itself is bontot's own.
func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = report.SafeText(s)
		}
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}

var severityLabel = map[criteria.Severity]string{
	criteria.SeverityError:   "lỗi",
	criteria.SeverityWarning: "cảnh báo",
	criteria.SeverityNote:    "ghi chú",
}

// printProblems lists the problems grouped by file and sheet, in the order
// the reader sorted them, and returns how many are errors.
func printProblems(w *errWriter, probs []criteria.Problem) int {
	if len(probs) == 0 {
		w.printf("Không có vấn đề nào trong dữ liệu.\n\n")
		return 0
	}
	count := map[criteria.Severity]int{}
	file, sheet := "\x00", "\x00"
	for _, p := range probs {
		count[p.Severity]++
		if p.File != file {
			if file != "\x00" {
				w.printf("\n")
			}
			file, sheet = p.File, "\x00"
			w.printf("%s\n", p.File)
		}
		if p.Sheet != sheet {
			sheet = p.Sheet
			if sheet != "" {
				w.printf("  › %s\n", sheet)
			}
		}
		loc := p.Cell
		if loc == "" {
			loc = "—"
		}
		unit := ""
		if p.Unit != "" {
			unit = " [" + p.Unit + "]"
		}
		w.printf("    %-6s %s%s: %s\n", loc, severityLabel[p.Severity], unit, p.Message)
	}
	w.printf("\nTổng cộng: %d lỗi, %d cảnh báo, %d ghi chú.\n\n",
		count[criteria.SeverityError], count[criteria.SeverityWarning], count[criteria.SeverityNote])
	return count[criteria.SeverityError]
}

// printSummary says what was read: rows per sheet per file, units by type,
// the evaluation year, and which units have data errors.
func printSummary(w *errWriter, res *workbook.Result, rules criteria.Rules, today time.Time) {
	ds := res.Dataset
	w.printf("Đã đọc:\n")
	for _, f := range res.Files {
		w.printf("  %s\n", f.Path)
		width := 0
		for _, sh := range f.Sheets {
			width = max(width, len([]rune(sh.Name)))
		}
		for _, sh := range f.Sheets {
			pad := strings.Repeat(" ", width-len([]rune(sh.Name)))
			w.printf("    %s%s  %5d dòng\n", sh.Name, pad, sh.Rows)
		}
	}
	byType := map[criteria.UnitType]int{}
	var withErrors []string
	for _, u := range ds.Units {
		byType[u.Type]++
		if u.HasErrors {
			withErrors = append(withErrors, u.Code)
		}
	}
	var parts []string
	for _, t := range criteria.UnitTypes {
		if n := byType[t]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(t.Label())))
		}
	}
	if len(parts) == 0 {
		parts = []string{"không có đơn vị nào"}
	}
	w.printf("Đơn vị: %d (%s)\n", len(ds.Units), strings.Join(parts, ", "))
	how := "theo --year"
	switch {
	case ds.YearNow:
		how = "năm hiện tại: chưa có buổi sinh hoạt, cuộc họp nào có ngày"
	case ds.YearAuto:
		how = "suy ra từ ngày sinh hoạt, họp cấp ủy"
	}
	w.printf("Năm đánh giá: %d (%s)\n", ds.Year, how)
	w.printf("%s.\n", rules.Line(ds.Year))
	if yearUnfinished(ds.Year, today) {
		w.printf("%s.\n", report.UnfinishedYearLine(ds.Year, today))
	}
	if len(withErrors) > 0 {
		w.printf("Đơn vị có lỗi dữ liệu (sẽ bị đánh giá \"lỗi dữ liệu\"): %s\n", strings.Join(withErrors, ", "))
	}
}
