package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/criteriafile"
	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/report"
	"github.com/bontot/bontot/workbook"
)

func init() { subcommands = append(subcommands, newEvaluateCmd) }

// evaluateOptions are the flags of bontot evaluate.
type evaluateOptions struct {
	Paths        []string
	Year         int
	AsOf         time.Time // zero: the whole year
	ReviewDate   time.Time // --review-date; zero: the day of the run in the current year, else 31/12
	Unit         string
	CriteriaFile string
	Profile      string // rule profile; "" for the default or the file's
	Strict       bool
	Password     string
	PasswordFile string // --password-file
	Format       string // table, xlsx, json or csv
	Output       string // "" for stdout
	SheetPerUnit bool
	Split        string // folder for one xlsx report per unit; "" for none
	Annotate     string // folder for the annotated copies of the inputs (annotate.go); "" for none
	// Document fields given as flags; they override the criteria file's
	// report section field by field.
	Document criteria.Document
	docFlags []string // the document flags given, for validate
	All      bool     // table: every unit's details
	Summary  bool     // table: the tables alone
	// evaluated, when set, receives the report once evaluated: a workbook
	// dropped on bontot.exe shows its results in the window as well.
	evaluated func(*criteria.Report)
	// window: the run is that of a dropped workbook, whose reader types
	// no flag; its messages name none.
	window bool
}

// formats are the values of --format.
var formats = []string{"table", "xlsx", "json", "csv"}

func newEvaluateCmd(s streams) *cobra.Command {
	var o evaluateOptions
	var asOf, date, reviewDate string
	cmd := &cobra.Command{
		Use:   "evaluate TỆP|THƯ-MỤC...",
		Short: "Đánh giá, xếp hạng chi bộ, đảng bộ cơ sở \"bốn tốt\" và xuất báo cáo",
		Long: `Đọc các sổ Excel (hoặc mọi sổ .xlsx, .xlsm trong thư mục và các thư mục con),
đánh giá bốn tiêu chí của Hướng dẫn 17-HD/ĐUK cho từng chi bộ, đảng bộ cơ sở,
xếp hạng trong từng loại đơn vị và xuất báo cáo.

Định dạng (--format):
  table  bảng xếp hạng trên màn hình, rồi các tiêu chí chưa đạt của từng đơn vị
         kèm minh chứng (mặc định)
  xlsx   báo cáo Excel để in, ký, lưu hồ sơ (thể thức Hướng dẫn 36-HD/VPTW): Tổng
         hợp, Đề xuất khen thưởng, Biểu đồ, Chi tiết (nội dung chưa đạt), Chi tiết đã
         đạt, Tổ chức thực hiện, Cảnh báo và lỗi dữ liệu; cần -o. Cơ quan ban
         hành, số, địa danh, ngày, người ký lấy từ mục report: của tệp tiêu chí
         hoặc các cờ --upper-committee, --committee, --number, --place,
         --date, --on-behalf, --signer, --signer-title; thiếu thì để dòng chấm
         điền tay
  json   tài liệu JSON theo lược đồ "bontot/v1", cho các chương trình khác
  csv    mỗi dòng một tiêu chí con của một đơn vị, rồi mỗi dòng một vấn đề dữ
         liệu (type = problem: code là mã đơn vị, status là error, warning hoặc
         note, message là tệp › sheet!ô: nội dung); UTF-8 có BOM (mở được
         bằng Excel)

Bảng trên màn hình dùng hết chiều rộng cửa sổ (ít nhất 80 cột; khi chuyển
hướng ra tệp, theo biến COLUMNS), in số đơn vị đạt của từng loại và danh sách đề
xuất tặng giấy khen, rồi chi tiết ` + fmt.Sprint(report.MaxDetailUnits) + ` đơn vị chưa đạt đầu tiên; --all in chi tiết mọi
đơn vị, --summary chỉ in các bảng.

--unit MÃ in đầy đủ mọi tiêu chí con của một đơn vị: bí thư chi bộ dùng để tự
kiểm tra sổ của chi bộ mình. --as-of NGÀY chỉ tính dữ liệu đến ngày đó và cho
biết tiêu chí nào "còn khả năng" đạt trong phần còn lại của năm.

Không có -o, báo cáo table, json, csv in ra màn hình. Với -o mà không có
--format, đuôi tệp chọn định dạng: .xlsx, .json, .csv, .txt (bảng); đuôi khác,
hoặc đuôi mâu thuẫn với --format, bị từ chối. Báo cáo được ghi an toàn (tệp tạm
rồi đổi tên), chỉ vào một tệp thường hoặc tên tệp mới, và không bao giờ ghi đè
tệp đầu vào.

Trong thư mục: tệp .xls, .xlsb, .ods, .csv được báo lỗi (cần lưu lại dưới dạng
.xlsx); tệp khóa của Excel (~$…) và báo cáo do bontot tạo được bỏ qua, có ghi
chú. Với nhiều sổ, sổ không đọc được là một lỗi dữ liệu, các sổ khác vẫn được
đánh giá (mã thoát 3).
` + passwordHelp + exitHelp,
		Example: `  # Đánh giá cả khối, xem bảng xếp hạng
  bontot evaluate khoi-2024.xlsx

  # Bí thư chi bộ tự kiểm tra giữa năm
  bontot evaluate chi-bo-tu-phap.xlsx --unit CB01 --as-of 30/06/2024

  # Báo cáo Excel, thêm một sheet cho mỗi đơn vị
  bontot evaluate so-chi-bo/ --format xlsx -o bao-cao-2024.xlsx --sheet-per-unit

  # Mỗi đơn vị một báo cáo Excel riêng, kèm báo cáo chung
  bontot evaluate khoi-2024.xlsx -o bao-cao-2024.xlsx --split bao-cao-don-vi

  # Đánh giá cuối năm 2026 theo các văn bản năm 2025 (Quy định 366, Chỉ thị 50, Hướng dẫn 06)
  bontot evaluate khoi-2026.xlsx --profile 2025

  # JSON cho chương trình khác, tiêu chí cụ thể hóa của đảng ủy
  bontot evaluate khoi-2024.xlsx --criteria tieu-chi.yaml --format json -o ket-qua.json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("cần ít nhất một tệp .xlsx hoặc thư mục")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			for _, name := range documentFlags {
				if cmd.Flags().Changed(name) {
					o.docFlags = append(o.docFlags, name)
				}
			}
			if date != "" {
				d, ok := criteria.ParseDocumentDate(date)
				if !ok {
					return usageError{fmt.Errorf("--date %q không phải ngày hợp lệ; viết dd/mm/yyyy (20/12/2024)", date)}
				}
				o.Document.Date = d
			}
			if reviewDate != "" {
				d, err := parseDate(reviewDate)
				if err != nil {
					return usageError{fmt.Errorf("--review-date %q không phải ngày hợp lệ; viết dd/mm/yyyy (15/12/2026) hoặc yyyy-mm-dd", reviewDate)}
				}
				o.ReviewDate = d
			}
			if err := o.validate(asOf, cmd.Flags().Changed("format")); err != nil {
				return err
			}
			return runEvaluate(cmd.Context(), o, s)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.Year, "year", 0, "`NĂM` đánh giá (mặc định: suy ra từ ngày sinh hoạt, họp cấp ủy)")
	f.StringVar(&asOf, "as-of", "", "tự kiểm tra giữa năm: chỉ tính dữ liệu đến `NGÀY` (dd/mm/yyyy hoặc yyyy-mm-dd)")
	f.StringVar(&reviewDate, "review-date", "", "`NGÀY` kiểm điểm, đánh giá xếp loại: đảng viên kết nạp chưa đủ 6 tháng đến ngày này không được xếp loại (bộ quy tắc 2025; mặc định: hôm nay nếu năm đánh giá là năm nay, nếu không 31/12)")
	f.StringVar(&o.Unit, "unit", "", "chỉ một đơn vị có `MÃ` này, với mọi tiêu chí con")
	f.StringVar(&o.CriteriaFile, "criteria", "", "`TỆP` YAML tiêu chí cụ thể hóa thay cho ngưỡng mặc định")
	f.BoolVar(&o.Strict, "strict", false, "mục tự đánh giá chưa ghi nhận làm tiêu chí thành thiếu dữ liệu")
	addPasswordFlags(cmd, &o.Password, &o.PasswordFile)
	f.StringVar(&o.Format, "format", "table", "định dạng báo cáo: `table|xlsx|json|csv`")
	f.StringVarP(&o.Output, "output", "o", "", "ghi báo cáo vào `TỆP` (bắt buộc với xlsx); đuôi .xlsx, .json, .csv, .txt chọn định dạng")
	f.BoolVar(&o.SheetPerUnit, "sheet-per-unit", false, "báo cáo xlsx: thêm một sheet cho mỗi đơn vị")
	f.StringVar(&o.Annotate, "annotate", "", annotateHelp)
	f.StringVar(&o.Split, "split", "", "ghi thêm vào `THƯ-MỤC` mỗi đơn vị một báo cáo xlsx riêng (gửi từng chi bộ, đảng bộ)")
	f.StringVar(&o.Document.UpperCommittee, "upper-committee", "", "báo cáo xlsx: `CẤP-ỦY` cấp trên, dòng trên tên cơ quan ban hành (ví dụ \"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\")")
	f.StringVar(&o.Document.OnBehalf, "on-behalf", "", "báo cáo xlsx: `THẨM-QUYỀN` ký (ví dụ \"T/M BAN THƯỜNG VỤ\")")
	f.StringVar(&o.Document.Committee, "committee", "", "báo cáo xlsx: `CƠ-QUAN` ban hành, in ở góc trái (ví dụ \"ĐẢNG ỦY SỞ TƯ PHÁP\")")
	f.StringVar(&o.Document.Number, "number", "", "báo cáo xlsx: `SỐ` và ký hiệu văn bản (ví dụ 125-BC/ĐU)")
	f.StringVar(&o.Document.Place, "place", "", "báo cáo xlsx: `ĐỊA-DANH` ghi trước ngày tháng")
	f.StringVar(&date, "date", "", "báo cáo xlsx: `NGÀY` ban hành (dd/mm/yyyy)")
	f.StringVar(&o.Document.Signer, "signer", "", "báo cáo xlsx: `HỌ-TÊN` người ký")
	f.StringVar(&o.Document.SignerTitle, "signer-title", "", "báo cáo xlsx: `CHỨC-VỤ` người ký (ví dụ \"BÍ THƯ\")")
	f.BoolVar(&o.All, "all", false, "bảng: in chi tiết mọi đơn vị chưa đạt (mặc định chỉ các đơn vị đầu)")
	f.BoolVar(&o.Summary, "summary", false, "bảng: chỉ in các bảng xếp hạng, số liệu và danh sách khen thưởng")
	addProfileFlag(cmd, &o.Profile)
	cmd.ValidArgsFunction = completeWorkbooks
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues(formats...))
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"xlsx", "json", "csv", "txt"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = cmd.RegisterFlagCompletionFunc("split", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	return cmd
}

// documentFlags are the flags that fill the Excel report's heading and
// signature (criteria.Document).
var documentFlags = []string{"upper-committee", "committee", "number", "place", "date", "on-behalf", "signer", "signer-title"}

// loadDocument is the report's heading and signature: the criteria file's
// report section, each field overridden by its flag when given.
func loadDocument(path string, flags criteria.Document) (criteria.Document, error) {
	var d criteria.Document
	if path != "" {
		data, err := readCriteriaFile(path)
		if err != nil {
			return d, &exitError{code: exitFailure, msg: fmt.Sprintf("không đọc được tệp tiêu chí %s: %s", path, syserr.Explain(err))}
		}
		if d, err = criteriafile.ParseDocument(data, filepath.Base(path)); err != nil {
			return d, &exitError{code: exitFailure, msg: err.Error()}
		}
	}
	for _, f := range []struct{ from, to *string }{
		{&flags.UpperCommittee, &d.UpperCommittee}, {&flags.OnBehalf, &d.OnBehalf},
		{&flags.Committee, &d.Committee}, {&flags.Number, &d.Number}, {&flags.Place, &d.Place},
		{&flags.Signer, &d.Signer}, {&flags.SignerTitle, &d.SignerTitle},
	} {
		if *f.from != "" {
			*f.to = *f.from
		}
	}
	if !flags.Date.IsZero() {
		d.Date = flags.Date
	}
	return d, nil
}

// outputFormats are the formats the extension of -o stands for.
var outputFormats = map[string]string{".xlsx": "xlsx", ".json": "json", ".csv": "csv", ".txt": "table"}

// validate checks the flags that need no workbook: bad values are usage
// errors (exit 1 with usage); xlsx without -o is a plain error. Without
// --format (formatGiven false) the extension of -o sets the format: a
// report named .xlsx must be a workbook, or Excel refuses to open it.
func (o *evaluateOptions) validate(asOf string, formatGiven bool) error {
	o.Format = strings.ToLower(strings.TrimSpace(o.Format))
	if !slices.Contains(formats, o.Format) {
		return usageError{fmt.Errorf("--format %q không hợp lệ; chọn một trong: %s", o.Format, strings.Join(formats, ", "))}
	}
	if o.Split != "" {
		// --split writes workbooks; beside -o it goes with the Excel
		// report only. Alone it also prints the table, as evaluate does
		// without -o: the units' reports are for sending, the table for
		// the person who ran it.
		if formatGiven && o.Format != "xlsx" && !(o.Output == "" && o.Format == "table") {
			return usageError{fmt.Errorf("--split ghi báo cáo Excel; không dùng cùng --format %s", o.Format)}
		}
		if st, err := os.Stat(o.Split); err == nil && !st.IsDir() {
			return usageError{fmt.Errorf("--split %s là một tệp, không phải thư mục", o.Split)}
		}
	}
	if o.Split != "" && o.Output != "" && inFolder(o.Output, o.Split) {
		// The bloc's report would overwrite a unit's own of the same
		// name, and a folder meant to be sent unit by unit would carry it.
		return usageError{fmt.Errorf("-o %s nằm trong thư mục --split %s, nơi ghi báo cáo riêng của từng đơn vị; hãy ghi báo cáo chung ra ngoài thư mục đó", o.Output, o.Split)}
	}
	if o.Output != "" {
		// First: "/dev/null" is refused for what it is, not for its name.
		if err := checkOutput(o.Output); err != nil {
			return err
		}
		ext := strings.ToLower(filepath.Ext(o.Output))
		byExt, known := outputFormats[ext]
		switch {
		case ext == "":
			return usageError{fmt.Errorf("-o %s không có đuôi tệp nên không biết ghi định dạng nào; dùng đuôi .xlsx, .json, .csv hoặc .txt", o.Output)}
		case !known:
			return usageError{fmt.Errorf("-o %s: bontot không ghi được định dạng %s; dùng đuôi .xlsx, .json, .csv hoặc .txt", o.Output, ext)}
		case formatGiven && byExt != o.Format:
			return usageError{fmt.Errorf("--format %s mâu thuẫn với đuôi %s của -o %s; bỏ --format hoặc đổi đuôi tệp", o.Format, ext, o.Output)}
		}
		o.Format = byExt
	}
	if o.Year != 0 && (o.Year < 1950 || o.Year > 2100) {
		return usageError{fmt.Errorf("--year %d không hợp lệ; cần một năm từ 1950 đến 2100", o.Year)}
	}
	if asOf != "" {
		d, err := parseAsOf(asOf, o.Year)
		if err != nil {
			return err
		}
		o.AsOf = d
	}
	if o.All && o.Summary {
		return usageError{errors.New("--all và --summary loại trừ nhau: chọn một")}
	}
	for flag, on := range map[string]bool{"--all": o.All, "--summary": o.Summary} {
		switch {
		case on && o.Format != "table":
			return usageError{fmt.Errorf("%s chỉ dùng với báo cáo bảng (--format table)", flag)}
		case on && o.Unit != "":
			return usageError{fmt.Errorf("%s không dùng cùng --unit: --unit đã in mọi tiêu chí con của đơn vị đó", flag)}
		}
	}
	if o.SheetPerUnit && o.Format != "xlsx" {
		return usageError{errors.New("--sheet-per-unit chỉ dùng với --format xlsx")}
	}
	if len(o.docFlags) > 0 && o.Format != "xlsx" && o.Split == "" {
		return usageError{fmt.Errorf("--%s chỉ dùng với báo cáo xlsx (thể thức văn bản của báo cáo Excel)", o.docFlags[0])}
	}
	if o.Split != "" && o.Output != "" && o.Format != "xlsx" {
		return usageError{fmt.Errorf("--split ghi báo cáo Excel; -o %s không phải tệp .xlsx", o.Output)}
	}
	if o.Format == "xlsx" && o.Output == "" && o.Split == "" {
		return &exitError{code: exitFailure, msg: "báo cáo xlsx cần tên tệp: thêm -o bao-cao.xlsx"}
	}
	return nil
}

// inFolder reports whether path lies in folder dir or below it, compared
// as absolute paths (case aside on Windows, whose file names ignore it).
func inFolder(path, dir string) bool {
	ap, err1 := filepath.Abs(path)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		ap, ad = strings.ToLower(ap), strings.ToLower(ad)
	}
	rel, err := filepath.Rel(ad, ap)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// parseAsOf reads --as-of, which must fall in --year when both are given;
// its errors are usage errors. evaluate and validate share it.
func parseAsOf(asOf string, year int) (time.Time, error) {
	d, err := parseDate(asOf)
	if err != nil {
		return d, usageError{err}
	}
	if year != 0 && d.Year() != year {
		return d, usageError{fmt.Errorf("--as-of %s không thuộc năm đánh giá %d", asOf, year)}
	}
	return d, nil
}

// parseDate reads --as-of: dd/mm/yyyy as Vietnamese write dates, or ISO
// yyyy-mm-dd as scripts do.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2/1/2006", "2006-01-02", "2-1-2006", "2.1.2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, nil
		}
	}
	return time.Time{}, fmt.Errorf("--as-of %q không phải ngày hợp lệ; viết dd/mm/yyyy (30/06/2024) hoặc yyyy-mm-dd (2024-06-30)", s)
}

// runEvaluate reads the workbooks, evaluates them and renders the report.
// It returns errDataErrors after writing the report when some row had a
// data error, and an exitError (exit 1) when it could not evaluate.
func runEvaluate(ctx context.Context, o evaluateOptions, s streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	in, err := workbook.Expand(o.Paths)
	if err != nil {
		return &exitError{code: exitFailure, msg: err.Error()}
	}
	sizeMemory(in.Bytes())
	inputs := in.Paths()
	password, err := workbookPassword(o.Password, o.PasswordFile, o.Paths, s)
	if err != nil {
		return err
	}
	if o.Output != "" {
		// Refuse before spending time on the workbooks; writeAtomic checks again.
		if err := checkOutput(o.Output); err != nil {
			return err
		}
		if err := refuseInput(o.Output, inputs); err != nil {
			return err
		}
	}
	year := o.Year
	if year == 0 && !o.AsOf.IsZero() {
		// A self-check on a date is about that date's year.
		year = o.AsOf.Year()
	}
	today := s.today()
	res, th, rules, err := readUnderRules(o.CriteriaFile, o.Profile, year, today, in, password, func(th criteria.Thresholds, books *workbook.Books) (*workbook.Result, error) {
		opts := withAsOf(readOptions(th, password, year, today), o.AsOf)
		opts.Books = books
		return readWithProgress(in, opts, s)
	})
	if err != nil {
		return failure(err, err.Error())
	}
	doc, err := loadDocument(o.CriteriaFile, o.Document)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	stop := startPhase(s, fmt.Sprintf("Đang đánh giá %d đơn vị", len(res.Dataset.Units)))
	rep := evaluateRead(res, th, rules, evalChoices{AsOf: o.AsOf, Strict: o.Strict, ReviewDate: o.ReviewDate, Today: today, ReleaseRows: true})
	stop()
	renderGC()
	if o.Format == "xlsx" {
		xlsxGC()
	}
	// Ranks count within the whole evaluation, also in a report narrowed
	// to one unit.
	counts := map[criteria.UnitType]int{}
	for _, ur := range rep.Units {
		counts[ur.Unit.Type]++
	}
	if o.evaluated != nil {
		o.evaluated(rep)
	}
	if err := writeAnnotated(ctx, o, rep, in, s); err != nil {
		return err
	}
	if o.Unit != "" {
		code, err := resolveUnit(rep, o.Unit)
		if err != nil {
			return err
		}
		o.Unit = code
		if o.Format != "table" {
			rep = onlyUnit(rep, code)
		}
	}

	// stdout: the report goes to standard output, coloured and as wide as
	// the terminal; a file written with -o keeps 80 columns and no colour.
	render := func(w io.Writer, stdout bool) error {
		switch o.Format {
		case "xlsx":
			return report.XLSX(w, rep, report.XLSXOptions{SheetPerUnit: o.SheetPerUnit, Document: doc, TypeCounts: counts})
		case "json":
			return report.JSON(w, rep)
		case "csv":
			return report.CSV(w, rep)
		}
		// A file or a pipe keeps every name whole: it is searched or read
		// by a program, not fitted on a screen.
		opts := report.TableOptions{Unit: o.Unit, All: o.All, Summary: o.Summary, FullNames: !stdout || !s.OutTTY}
		if stdout {
			opts.Color, opts.Width, opts.ASCII = s.color(), s.Width, s.ASCII
		}
		return report.Table(w, rep, opts)
	}
	if o.Split != "" {
		stop := startPhase(s, "Đang ghi báo cáo từng đơn vị vào "+o.Split)
		written, err := writeSplit(ctx, o.Split, rep, inputs, report.XLSXOptions{Document: doc, TypeCounts: counts})
		stop()
		n := len(written)
		if errors.Is(err, errInterrupted) && n > 0 {
			return &exitError{code: exitFailure, msg: interruptedSplit(o.Split, written, len(rep.Units), o.Output)}
		}
		if err != nil {
			return err
		}
		if s.ErrTTY {
			fmt.Fprintf(s.Err, "Đã ghi %d báo cáo đơn vị vào %s.\n", n, o.Split)
		}
	}
	switch {
	case o.Output == "" && o.Split != "" && o.Format == "xlsx":
		// --split --format xlsx: only the units' own reports were asked for.
	case o.Output == "":
		stop := func() {}
		if !s.OutTTY {
			// On a terminal the report itself is the sign of progress.
			stop = startPhase(s, "Đang ghi báo cáo")
		}
		err := render(s.Out, true)
		stop()
		if err != nil {
			return &exitError{code: exitFailure, msg: "không ghi được báo cáo: " + syserr.Explain(err)}
		}
	default:
		stop := startPhase(s, "Đang ghi báo cáo "+o.Output)
		err := writeAtomic(ctx, o.Output, inputs, func(w io.Writer) error { return render(w, false) })
		stop()
		if errors.Is(err, errInterrupted) && o.Split != "" && len(rep.Units) > 0 {
			// The units' reports are on disk: "no file written" would
			// send the user looking for nothing, or delete them.
			return &exitError{code: exitFailure, msg: fmt.Sprintf("đã dừng theo yêu cầu (Ctrl+C): đã ghi đủ %d báo cáo đơn vị vào %s; báo cáo chung %s chưa ghi", len(rep.Units), o.Split, o.Output)}
		}
		if err != nil {
			return failure(err, fmt.Sprintf("không ghi được %s: %s", o.Output, syserr.Explain(err)))
		}
		if s.ErrTTY {
			fmt.Fprintf(s.Err, "Đã ghi báo cáo %s.\n", o.Output)
		}
	}
	if o.Format != "table" || o.Output != "" {
		// The terminal table shows these above the ranking; a report that
		// goes elsewhere leaves the person who ran it a line on stderr.
		for _, p := range rep.Problems {
			// The window shows them itself, without their flag hints.
			if p.Lead && !o.window {
				label := "cảnh báo"
				if p.Severity == criteria.SeverityNote {
					label = "ghi chú" // whose workbook it is, taken from its header (SPEC §4 "Whose workbook")
				}
				fmt.Fprintln(s.Err, "bontot: "+label+": "+p.String())
			}
		}
	}
	for _, p := range rep.Problems {
		if p.Severity == criteria.SeverityError {
			if o.Format != "table" || o.Output != "" {
				// The table lists the errors itself; other formats say so
				// on stderr, so that a script's log shows why the exit is 3.
				fmt.Fprintln(s.Err, "bontot: có lỗi dữ liệu, "+problemsWhere(o))
			}
			return errDataErrors
		}
	}
	return nil
}

// problemsWhere says where the chosen report lists the data problems,
// by the name that report gives the place: a message never names a
// section the format has not got.
func problemsWhere(o evaluateOptions) string {
	switch {
	case o.Format == "json":
		return "xem mục \"problems\" của báo cáo JSON"
	case o.Format == "csv":
		return "xem các dòng có type là \"problem\" ở cuối báo cáo CSV"
	case o.Format == "xlsx" && o.Output == "":
		// --split alone: each unit's report has its own sheet.
		return "xem sheet \"" + report.SheetProblems + "\" trong báo cáo của đơn vị"
	case o.Format == "xlsx":
		return "xem sheet \"" + report.SheetProblems + "\" của báo cáo"
	}
	return "xem mục \"VẤN ĐỀ DỮ LIỆU\" cuối báo cáo"
}

// readWithProgress runs workbook.Read with a progress bar on stderr, in
// sheets read, when stderr is a terminal and the reading takes a while:
// several workbooks, or one large one.
func readWithProgress(in *workbook.Inputs, opts workbook.Options, s streams) (*workbook.Result, error) {
	files := in.Paths()
	if !s.ErrTTY {
		return workbook.ReadInputs(in, opts)
	}
	if len(files) < 2 && totalSize(files) < progressSize {
		// Too quick for a bar; a status line if it lasts after all.
		stop := startPhase(s, "Đang đọc "+readingWhat(files))
		defer stop()
		return workbook.ReadInputs(in, opts)
	}
	// The bar appears with its first count, not as "(0/-)" before the
	// reader knows how many sheets there are; the description says what
	// is counted, since "(3/48)" alone does not.
	bar := progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(s.Err),
		progressbar.OptionSetDescription(readingLine(len(files), 0, 0)),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(false),
	)
	defer func() {
		_ = bar.Finish()
		_ = bar.Exit()
	}()
	opts.Progress = func(done, total int) {
		if bar.GetMax() != total {
			bar.ChangeMax(total)
		}
		_ = bar.Set(done)
		bar.Describe(readingLine(len(files), done, total))
	}
	return workbook.ReadInputs(in, opts)
}

// readingLine is the progress bar's description: the workbooks being
// read and, once known, how many of their sheets have been.
func readingLine(files, done, total int) string {
	if total <= 0 {
		return fmt.Sprintf("Đang đọc %d sổ Excel", files)
	}
	return fmt.Sprintf("Đang đọc %d sổ Excel: đã đọc %d/%d sheet", files, done, total)
}

// readingWhat names what is being read: the file, or how many.
func readingWhat(files []string) string {
	if len(files) == 1 {
		return filepath.Base(files[0])
	}
	return fmt.Sprintf("%d sổ Excel", len(files))
}

// progressSize is the workbook size from which one workbook alone gets a
// progress bar: about a province, a second or more of reading.
const progressSize = 8 << 20

func totalSize(files []string) int64 {
	var n int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			n += st.Size()
		}
	}
	return n
}

// writeSplit writes one Excel report per unit of rep into dir (evaluate
// --split): the unit's row, every check with its evidence, its
// implementation checks and problems, a report about the unit, so that
// the office can send each its own result. Each file is written
// atomically, like -o, under a name safe on Windows. It returns the paths
// written, also when it stops part way (Ctrl+C), so that the user is told
// which reports are there.
func writeSplit(ctx context.Context, dir string, rep *criteria.Report, inputs []string, opts report.XLSXOptions) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &exitError{code: exitFailure, msg: fmt.Sprintf("không tạo được thư mục %s: %s", dir, syserr.Explain(err))}
	}
	used := map[string]bool{}
	var written []string
	units := newUnitReports(rep)
	for i, ur := range rep.Units {
		u := ur.Unit
		path := filepath.Join(dir, report.SplitFileName(u.Code, u.Name, used))
		one := units.report(i)
		opts.AddressedTo = u
		err := writeAtomic(ctx, path, inputs, func(w io.Writer) error { return report.XLSX(w, one, opts) })
		if err != nil {
			var ee *exitError
			if errors.As(err, &ee) || errors.Is(err, errInterrupted) {
				return written, err
			}
			return written, &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được %s: %s", path, syserr.Explain(err))}
		}
		written = append(written, path)
	}
	return written, nil
}

// unitReports narrows a report to each of its units as onlyUnit does,
// with the problems and implementation checks indexed by unit once:
// onlyUnit goes through all of them for every unit, which over a
// province's thousands of units (--split) took a tenth of the time.
type unitReports struct {
	rep    *criteria.Report
	byCode map[string][]int // indices of rep.Units with that code
	probs  map[string][]int // indices of rep.Problems by unit code; "" for those of no unit
	impl   map[string][]int // indices of rep.Implementation by unit code
}

func newUnitReports(rep *criteria.Report) *unitReports {
	u := &unitReports{rep: rep, byCode: map[string][]int{}, probs: map[string][]int{}, impl: map[string][]int{}}
	for i, ur := range rep.Units {
		u.byCode[ur.Unit.Code] = append(u.byCode[ur.Unit.Code], i)
	}
	for i, p := range rep.Problems {
		u.probs[p.Unit] = append(u.probs[p.Unit], i)
	}
	for i, im := range rep.Implementation {
		u.impl[im.Unit] = append(u.impl[im.Unit], i)
	}
	return u
}

// report is onlyUnit(rep, code) for the code of rep.Units[i].
func (u *unitReports) report(i int) *criteria.Report {
	rep := u.rep
	code := rep.Units[i].Unit.Code
	out := *rep
	out.Units, out.Implementation, out.Problems = nil, nil, nil
	codes := map[string]bool{code: true, "": true}
	for _, k := range u.byCode[code] {
		out.Units = append(out.Units, rep.Units[k])
		for _, c := range rep.Units[k].ErrorsIn {
			codes[c] = true
		}
	}
	for _, k := range u.impl[code] {
		out.Implementation = append(out.Implementation, rep.Implementation[k])
	}
	var idx []int
	for c := range codes {
		idx = append(idx, u.probs[c]...)
	}
	slices.Sort(idx) // report order
	for _, k := range idx {
		out.Problems = append(out.Problems, rep.Problems[k])
	}
	return &out
}

// interruptedSplit is the sentence of a --split stopped part way: which
// reports were written (named when few), how many were not, and that the
// bloc's report (-o) was not written.
func interruptedSplit(dir string, written []string, total int, output string) string {
	const named = 5
	var names []string
	for _, p := range written[:min(named, len(written))] {
		names = append(names, filepath.Base(p))
	}
	list := strings.Join(names, ", ")
	if len(written) > named {
		list += fmt.Sprintf(" và %d tệp khác", len(written)-named)
	}
	msg := fmt.Sprintf("đã dừng theo yêu cầu (Ctrl+C): đã ghi %d/%d báo cáo đơn vị vào %s (%s); %d đơn vị còn lại chưa có báo cáo",
		len(written), total, dir, list, total-len(written))
	if output != "" {
		msg += fmt.Sprintf(", báo cáo chung %s chưa ghi", output)
	}
	return msg
}

// resolveUnit finds --unit among the evaluated units, exactly or ignoring
// case; an unknown code is an error that lists some known ones.
func resolveUnit(rep *criteria.Report, code string) (string, error) {
	var codes []string
	for _, ur := range rep.Units {
		if ur.Unit.Code == code {
			return code, nil
		}
		codes = append(codes, ur.Unit.Code)
	}
	for _, c := range codes {
		if strings.EqualFold(c, strings.TrimSpace(code)) {
			return c, nil
		}
	}
	if len(codes) == 0 {
		return "", &exitError{code: exitFailure, msg: fmt.Sprintf("không có đơn vị mã %q: sổ không có đơn vị nào", code)}
	}
	slices.Sort(codes)
	const shown = 8
	list := strings.Join(codes[:min(shown, len(codes))], ", ")
	if len(codes) > shown {
		list += fmt.Sprintf(" … (tất cả %d mã)", len(codes))
	}
	return "", &exitError{code: exitFailure, msg: fmt.Sprintf("không có đơn vị mã %q; các mã có trong sổ: %s", code, list)}
}

// onlyUnit narrows a report to one unit for the json, csv and xlsx formats:
// the unit, its own implementation checks (not its cluster's), its
// problems and those tied to no unit (a missing sheet concerns it too).
func onlyUnit(rep *criteria.Report, code string) *criteria.Report {
	out := *rep
	out.Units = nil
	out.Implementation = nil
	out.Problems = nil
	// Problems of the chi bộ whose errors make this unit loi_du_lieu count too.
	codes := map[string]bool{code: true}
	for _, ur := range rep.Units {
		if ur.Unit.Code == code {
			out.Units = append(out.Units, ur)
			for _, c := range ur.ErrorsIn {
				codes[c] = true
			}
		}
	}
	for _, im := range rep.Implementation {
		// The cluster's pilot list is the upper committee's task, not the
		// unit's (as in the terminal's unit view).
		if im.Unit == code {
			out.Implementation = append(out.Implementation, im)
		}
	}
	for _, p := range rep.Problems {
		if codes[p.Unit] || p.Unit == "" {
			out.Problems = append(out.Problems, p)
		}
	}
	return &out
}

// readOptions are the reader's options under the criteria th, Lịch sử
// read only when its rules count streaks.
func readOptions(th criteria.Thresholds, password string, year int, today time.Time) workbook.Options {
	return workbook.Options{Password: password, Year: year, Criteria: &th, History: th.HistoryStreaks, Today: today}
}

// reviewDate is the day of the annual review (QĐ 366 art. 5, HD 43: a
// member admitted fewer than six months before it is not reviewed) and the
// words that say where it came from: --review-date; else the day of the
// run when the evaluation year is the current one, since the review is
// being held now; else zero, which the rules read as 31/12 of the year.
func reviewDate(flag time.Time, year int, today time.Time) (time.Time, string) {
	switch {
	case !flag.IsZero():
		return flag, "theo --review-date"
	case year == today.Year():
		return today, "ngày chạy; ghi ngày khác bằng --review-date"
	}
	return time.Time{}, ""
}

// yearUnfinished reports whether the evaluation year has not ended on
// today: the review of a year may be held in its last weeks, and a year
// still running is judged on what can still happen (SPEC §6). On 31/12 the
// year is judged as ended, as --as-of 31/12 is.
func yearUnfinished(year int, today time.Time) bool {
	return year != 0 && today.Before(time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC))
}

// evalChoices are the choices of a run that decide how what was read is
// evaluated, beside the thresholds.
type evalChoices struct {
	AsOf        time.Time // --as-of; zero for none
	Strict      bool      // --strict
	ReviewDate  time.Time // --review-date; zero for none
	Today       time.Time // the run's one clock (streams.today)
	ReleaseRows bool      // the dataset is not needed after the evaluation
}

// evaluateRead evaluates what was read. evaluate and validate both call
// it, so that validate warns of exactly what evaluate will hold against
// the data: the same year, the same day an unfinished year is judged on,
// the same review date.
func evaluateRead(res *workbook.Result, th criteria.Thresholds, rules criteria.Rules, c evalChoices) *criteria.Report {
	// An unfinished year is judged as unfinished (SPEC §6): without
	// --as-of, as of the day of the run, exactly as --as-of does.
	asOf, asOfToday := c.AsOf, false
	if asOf.IsZero() && yearUnfinished(res.Dataset.Year, c.Today) {
		asOf, asOfToday = c.Today, true
	}
	// The report records Strict in its thresholds so that renderers know
	// whether unrecorded self-assessment items count.
	th.Strict = th.Strict || c.Strict
	review, reviewWhy := reviewDate(c.ReviewDate, res.Dataset.Year, c.Today)
	rep := criteria.Evaluate(res.Dataset, th, criteria.Options{AsOf: asOf, Strict: c.Strict, ReleaseRows: c.ReleaseRows,
		ReviewDate: review, ReviewDateWhy: reviewWhy})
	rep.Rules = rules
	rep.AsOfToday = asOfToday
	return rep
}

func withAsOf(o workbook.Options, asOf time.Time) workbook.Options {
	o.AsOf = asOf
	return o
}
