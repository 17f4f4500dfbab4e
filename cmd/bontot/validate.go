package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
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
	Paths        []string
	Year         int
	Password     string
	PasswordFile string // --password-file
	// The criteria the workbooks are read under: their score groups
	// decide which Sinh hoạt columns are group scores and their maxima.
	CriteriaFile string
	Profile      string
	// Strict, AsOf and ReviewDate are evaluate's flags that change what is
	// missing: validate takes them so that it warns of what that evaluate
	// will hold against the data.
	Strict     bool
	AsOf       time.Time
	ReviewDate time.Time
	Format     string // text or json
}

func newValidateCmd(s streams) *cobra.Command {
	var o validateOptions
	var asOf, reviewDate string
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

Sổ được đánh giá như lệnh evaluate sẽ đánh giá (cùng năm, cùng ngày tính đến,
cùng --strict, --as-of, --review-date): mỗi tiêu chí con còn thiếu dữ liệu là một
cảnh báo nêu tiêu chí nó làm chưa thể "Đạt", cùng các cảnh báo của evaluate
(tháng không sinh hoạt, mục tự đánh giá chưa ghi).
` + passwordHelp + exitHelp,
		Example: `  # Kiểm tra sổ của cả khối
  bontot validate khoi-2024.xlsx

  # Cho tệp lô, chương trình khác: kết quả dạng JSON
  bontot validate so-chi-bo/ --format json > kiem-tra.json

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
			o.Format = strings.ToLower(strings.TrimSpace(o.Format))
			if o.Format != "text" && o.Format != "json" {
				return usageError{fmt.Errorf("--format %q không hợp lệ; chọn text hoặc json", o.Format)}
			}
			if asOf != "" {
				d, err := parseAsOf(asOf, o.Year)
				if err != nil {
					return err
				}
				o.AsOf = d
			}
			if reviewDate != "" {
				d, err := parseDate(reviewDate)
				if err != nil {
					return usageError{fmt.Errorf("--review-date %q không phải ngày hợp lệ; viết dd/mm/yyyy (15/12/2026) hoặc yyyy-mm-dd", reviewDate)}
				}
				o.ReviewDate = d
			}
			return runValidate(o, s)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.Year, "year", 0, "`NĂM` đánh giá (mặc định: suy ra từ ngày sinh hoạt, họp cấp ủy)")
	addPasswordFlags(cmd, &o.Password, &o.PasswordFile)
	f.StringVar(&o.CriteriaFile, "criteria", "", "`TỆP` YAML tiêu chí: các nhóm điểm sinh hoạt (score_groups) được kiểm tra theo tệp này")
	f.StringVar(&o.Format, "format", "text", "`text|json`: json cho chương trình, tệp lô (lược đồ \"bontot/validate/v1\": problems, files, units)")
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues("text", "json"))
	cmd.ValidArgsFunction = completeWorkbooks
	f.BoolVar(&o.Strict, "strict", false, "như evaluate --strict: mục tự đánh giá chưa ghi nhận làm tiêu chí thành thiếu dữ liệu")
	f.StringVar(&asOf, "as-of", "", "như evaluate --as-of: chỉ tính dữ liệu đến `NGÀY` (dd/mm/yyyy hoặc yyyy-mm-dd)")
	f.StringVar(&reviewDate, "review-date", "", "như evaluate --review-date: `NGÀY` kiểm điểm, đánh giá xếp loại")
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
	year := o.Year
	if year == 0 && !o.AsOf.IsZero() {
		year = o.AsOf.Year()
	}
	password, err := workbookPassword(o.Password, o.PasswordFile, o.Paths, s)
	if err != nil {
		return err
	}
	in, expandErr := workbook.Expand(o.Paths)
	if expandErr == nil {
		sizeMemory(in.Bytes())
	}
	res, th, rules, err := readUnderRules(o.CriteriaFile, o.Profile, year, today, in, password, func(th criteria.Thresholds, books *workbook.Books) (*workbook.Result, error) {
		if expandErr != nil {
			return nil, expandErr
		}
		opts := withAsOf(readOptions(th, password, year, today), o.AsOf)
		opts.Books = books
		// Every sheet bontot knows is checked, Lịch sử too, though only the
		// 2025 rules read it when evaluating.
		opts.History = true
		return workbook.ReadInputs(in, opts)
	})
	if err != nil {
		return failure(err, err.Error())
	}
	// The evaluation evaluate would make, for what it will hold against
	// the data: its warnings (a month without a meeting, items not
	// recorded) and every check it cannot judge for want of data. Without
	// them validate said "no problem" of a file evaluate then called
	// "Thiếu dữ liệu".
	rep := evaluateRead(res, th, rules, evalChoices{AsOf: o.AsOf, Strict: o.Strict, ReviewDate: o.ReviewDate, Today: today})
	probs := groupProblems(append(rep.Problems, missingDataProblems(rep)...))
	if o.Format == "json" {
		errs, err := writeValidateJSON(s.Out, res, rules, probs)
		if err != nil {
			return &exitError{code: exitFailure, msg: "không ghi được kết quả: " + syserr.Explain(err)}
		}
		if errs > 0 {
			return errDataErrors
		}
		return nil
	}
	w := &errWriter{w: s.Out}
	// First, as every report does: the rules that judge the workbooks and
	// why, and that an unfinished year is judged as of today (SPEC §6).
	w.printf("%s.\n", rules.Line(res.Dataset.Year))
	if o.AsOf.IsZero() && yearUnfinished(res.Dataset.Year, today) {
		w.printf("%s.\n", report.UnfinishedYearLine(res.Dataset.Year, today))
	}
	w.printf("\n")
	errs := printProblems(w, probs)
	printSummary(w, res)
	if w.err != nil {
		return &exitError{code: exitFailure, msg: "không ghi được kết quả: " + syserr.Explain(w.err)}
	}
	if errs > 0 {
		return errDataErrors
	}
	return nil
}

// missingDataProblems are the checks evaluate cannot judge for want of
// data, as warnings naming each check and the criterion it keeps from
// "Đạt", with the check's own evidence. Checks of a unit that lack data
// for one reason (a sheet the workbook does not have) make one warning,
// not one per check. A unit whose data has errors is "Lỗi dữ liệu"
// anyway; its missing data is still listed, since it remains once the
// errors are fixed.
func missingDataProblems(rep *criteria.Report) []criteria.Problem {
	var out []criteria.Problem
	for _, ur := range rep.Units {
		type group struct {
			checks, tcs []string
		}
		var order []string
		groups := map[string]*group{}
		for _, cr := range ur.Criteria {
			tc := strings.ToUpper(cr.ID)
			for _, c := range cr.Checks {
				if c.Status != criteria.MissingData {
					continue
				}
				g := groups[c.Message]
				if g == nil {
					g = &group{}
					groups[c.Message] = g
					order = append(order, c.Message)
				}
				g.checks = append(g.checks, fmt.Sprintf("%s %s [%s]", tc, criteria.CheckTitle(c.ID), c.ID))
				if !slices.Contains(g.tcs, tc) {
					g.tcs = append(g.tcs, tc)
				}
			}
		}
		for _, msg := range order {
			g := groups[msg]
			out = append(out, criteria.Problem{File: ur.Unit.Source.File(), Unit: ur.Unit.Code}.Of(criteria.CheckMissingData,
				strings.Join(g.checks, "; "), strings.Join(g.tcs, ", "), msg))
		}
	}
	return out
}

// groupProblems orders problems by file, then sheet, each in the order it
// first appears, keeping the order within a sheet: the reader's sorted
// problems and the evaluation's warnings then print under one heading per
// file and sheet.
func groupProblems(probs []criteria.Problem) []criteria.Problem {
	fileRank, sheetRank := map[string]int{}, map[[2]string]int{}
	for _, p := range probs {
		if _, ok := fileRank[p.File]; !ok {
			fileRank[p.File] = len(fileRank)
		}
		k := [2]string{p.File, p.Sheet}
		if _, ok := sheetRank[k]; !ok {
			// A problem of the whole file comes before its sheets'.
			sheetRank[k] = len(sheetRank) + 1
			if p.Sheet == "" {
				sheetRank[k] = 0
			}
		}
	}
	out := slices.Clone(probs)
	slices.SortStableFunc(out, func(a, b criteria.Problem) int {
		if c := cmp.Compare(fileRank[a.File], fileRank[b.File]); c != 0 {
			return c
		}
		return cmp.Compare(sheetRank[[2]string{a.File, a.Sheet}], sheetRank[[2]string{b.File, b.Sheet}])
	})
	return out
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
func printSummary(w *errWriter, res *workbook.Result) {
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
	case ds.YearTemplate:
		how = "năm của sổ mẫu: chưa có buổi sinh hoạt, cuộc họp nào có ngày"
	case ds.YearNow:
		how = "năm hiện tại: chưa có buổi sinh hoạt, cuộc họp nào có ngày"
	case ds.YearAuto:
		how = "suy ra từ ngày sinh hoạt, họp cấp ủy"
	}
	w.printf("Năm đánh giá: %d (%s)\n", ds.Year, how)
	if len(withErrors) > 0 {
		w.printf("Đơn vị có lỗi dữ liệu (sẽ bị đánh giá \"lỗi dữ liệu\"): %s\n", strings.Join(withErrors, ", "))
	}
}

// validateDoc is the JSON of validate --format json, schema
// "bontot/validate/v1": what the text says, for a batch run to filter on
// (problems by code, severity, file, sheet, cell, unit). Keys may be added,
// none renamed; lists are never null.
type validateDoc struct {
	Schema   string            `json:"schema"`
	Year     int               `json:"year"`
	YearFrom string            `json:"year_from"` // "flag", "data", "template" or "today"
	Profile  string            `json:"profile"`
	Counts   map[string]int    `json:"counts"` // per severity: error, warning, note
	Problems []validateProblem `json:"problems"`
	Files    []validateFile    `json:"files"`
	Units    []validateUnit    `json:"units"`
}

type validateProblem struct {
	Code     string  `json:"code"` // criteria.ProblemType.Code: what scripts match
	Severity string  `json:"severity"`
	File     string  `json:"file"`
	Sheet    *string `json:"sheet"`
	Cell     *string `json:"cell"`
	Unit     *string `json:"unit"`
	Message  string  `json:"message"`
}

type validateFile struct {
	Path   string          `json:"path"`
	Sheets []validateSheet `json:"sheets"`
}

type validateSheet struct {
	Name string `json:"name"`
	Rows int    `json:"rows"`
}

type validateUnit struct {
	Code       string `json:"code"`
	Type       string `json:"type"`
	DataErrors bool   `json:"data_errors"`
}

// writeValidateJSON writes the validateDoc of a run and returns how many
// of its problems are errors.
func writeValidateJSON(w io.Writer, res *workbook.Result, rules criteria.Rules, probs []criteria.Problem) (int, error) {
	ds := res.Dataset
	doc := validateDoc{Schema: "bontot/validate/v1", Year: ds.Year, YearFrom: "flag", Profile: rules.Profile,
		Counts:   map[string]int{"error": 0, "warning": 0, "note": 0},
		Problems: []validateProblem{}, Files: []validateFile{}, Units: []validateUnit{}}
	switch {
	case ds.YearTemplate:
		doc.YearFrom = "template"
	case ds.YearNow:
		doc.YearFrom = "today"
	case ds.YearAuto:
		doc.YearFrom = "data"
	}
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	for _, p := range probs {
		doc.Counts[string(p.Severity)]++
		doc.Problems = append(doc.Problems, validateProblem{Code: p.Code, Severity: string(p.Severity), File: p.File,
			Sheet: opt(p.Sheet), Cell: opt(p.Cell), Unit: opt(p.Unit), Message: p.Message})
	}
	for _, f := range res.Files {
		vf := validateFile{Path: f.Path, Sheets: []validateSheet{}}
		for _, sh := range f.Sheets {
			vf.Sheets = append(vf.Sheets, validateSheet{Name: sh.Name, Rows: sh.Rows})
		}
		doc.Files = append(doc.Files, vf)
	}
	for _, u := range ds.Units {
		doc.Units = append(doc.Units, validateUnit{Code: u.Code, Type: string(u.Type), DataErrors: u.HasErrors})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return doc.Counts["error"], enc.Encode(doc)
}
