package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/template"
)

func init() { subcommands = append(subcommands, newTemplateCmd) }

// templateOptions are the flags of bontot template.
type templateOptions struct {
	Output   string
	Unit     string
	Name     string
	Type     string
	Parent   string
	Year     int
	Criteria string
	Profile  string
	Force    bool
	Form     string // "so" (the workbook of SPEC §3) or "phieu" (score sheets)
	Upper    string // the upper committee, for the score sheets' header
}

const defaultTemplateFile = "mau-bon-tot.xlsx"

func newTemplateCmd(s streams) *cobra.Command {
	var o templateOptions
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Tạo sổ Excel mẫu để các đơn vị điền số liệu",
		Long: `Tạo sổ Excel mẫu đúng định dạng bontot đọc được: sheet Hướng dẫn (giải thích
từng sheet, từng cột và các ngưỡng đánh giá đang áp dụng), rồi các sheet Đơn vị,
Sinh hoạt, Họp cấp ủy, Đảng viên, Cán bộ, Đoàn thể, Tiêu chí, Đơn thư vụ việc,
Tự đánh giá — có sẵn tiêu đề cột, danh sách chọn, kiểm tra ngày và điểm.

Không có --unit: sổ dùng chung cho cả khối, mỗi sheet có cột Mã đơn vị.
Có --unit (kèm --name và --type): sổ riêng cho một chi bộ, đảng bộ, đơn vị đã
điền sẵn, các sheet khác không cần cột Mã đơn vị. Chi bộ trực thuộc ghi thêm
--parent (mã đảng bộ cơ sở cấp trên).

Loại đơn vị (--type), ghi như ở cột Loại của sổ hoặc bằng mã:
  "Chi bộ cơ sở"       chi_bo_co_so
  "Chi bộ trực thuộc"  chi_bo_truc_thuoc (chi bộ trực thuộc đảng bộ cơ sở)
  "Đảng bộ cơ sở"      dang_bo_co_so

--form phieu (kèm --unit, --name, --type của một chi bộ): phiếu chấm điểm sinh
hoạt chi bộ cả năm thay cho sổ: các sheet T1 … T12 và Chuyên đề quý I … IV, đầu
phiếu ghi sẵn cấp ủy cấp trên (--upper), chi bộ, mã đơn vị, kỳ sinh hoạt; bảng
có các nhóm điểm của tiêu chí đang áp dụng, thang điểm và công thức Tổng cộng,
Xếp loại. Tên tệp mặc định: phieu-cham-diem-MÃ.xlsx.

Không ghi đè tệp đã có (có thể đã điền số liệu) trừ khi dùng --force.

Mã thoát:
  0  đã tạo sổ mẫu
  1  tham số sai hoặc không ghi được tệp`,
		Example: `  # Sổ mẫu cho cả khối, ghi ra mau-bon-tot.xlsx
  bontot template

  # Sổ riêng của một chi bộ cơ sở, năm 2025
  bontot template --unit CB01 --name "Chi bộ Sở Tư pháp" --type chi_bo_co_so --year 2025 -o chi-bo-so-tu-phap.xlsx

  # Phiếu chấm điểm sinh hoạt của một chi bộ: T1…T12 và bốn kỳ chuyên đề
  bontot template --form phieu --unit CB01 --name "Chi bộ Văn phòng Sở" --type chi_bo_truc_thuoc --parent DB01 --upper "Đảng bộ Sở Tư pháp" --year 2025

  # Sổ mẫu ghi các ngưỡng do đảng ủy cụ thể hóa
  bontot template --criteria tieu-chi-2025.yaml -o mau-2025.xlsx`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("year") {
				o.Year = s.today().Year()
			}
			if !cmd.Flags().Changed("output") && strings.EqualFold(strings.TrimSpace(o.Form), "phieu") && o.Unit != "" {
				o.Output = "phieu-cham-diem-" + strings.TrimSpace(o.Unit) + ".xlsx"
			}
			return runTemplate(cmd.Context(), o, s)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Output, "output", "o", defaultTemplateFile, "ghi sổ mẫu ra `TỆP`")
	f.StringVar(&o.Unit, "unit", "", "tạo sổ riêng cho đơn vị có `MÃ` này (cần --name và --type)")
	f.StringVar(&o.Name, "name", "", "`TÊN` đầy đủ của đơn vị, ví dụ \"Chi bộ Sở Tư pháp\"")
	f.StringVar(&o.Type, "type", "", "`LOẠI` đơn vị: \"Chi bộ cơ sở\", \"Chi bộ trực thuộc\" hoặc \"Đảng bộ cơ sở\" (hoặc chi_bo_co_so, chi_bo_truc_thuoc, dang_bo_co_so)")
	f.StringVar(&o.Parent, "parent", "", "với chi bộ trực thuộc: `MÃ` đảng bộ cơ sở cấp trên")
	f.IntVar(&o.Year, "year", 0, "`NĂM` đánh giá, ghi ở tiêu đề và dùng để kiểm tra ngày (mặc định: năm nay)")
	f.StringVar(&o.Criteria, "criteria", "", "`TỆP` tiêu chí cụ thể hóa các ngưỡng; sheet Hướng dẫn ghi các ngưỡng này")
	f.BoolVar(&o.Force, "force", false, "ghi đè nếu tệp đã có")
	f.StringVar(&o.Form, "form", "so", "`MẪU`: so (sổ theo dõi cả năm) hoặc phieu (phiếu chấm điểm sinh hoạt của một chi bộ: T1…T12 và bốn kỳ chuyên đề)")
	f.StringVar(&o.Upper, "upper", "", "với --form phieu: `TÊN` cấp ủy cấp trên ghi ở đầu phiếu, ví dụ \"Đảng bộ Sở Tư pháp\"")
	addProfileFlag(cmd, &o.Profile)
	_ = cmd.RegisterFlagCompletionFunc("form", completeValues("so", "phieu"))
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"xlsx"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = cmd.RegisterFlagCompletionFunc("type", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{
			cobra.CompletionWithDesc(string(criteria.CellGrassroots), criteria.CellGrassroots.Label()),
			cobra.CompletionWithDesc(string(criteria.CellSubordinate), criteria.CellSubordinate.Label()),
			cobra.CompletionWithDesc(string(criteria.Committee), criteria.Committee.Label()),
		}, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// noArgs refuses positional arguments with a Vietnamese message; a
// usageError makes run print the usage after it.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("lệnh %q không nhận tham số %q (tên tệp ghi bằng -o)", cmd.CommandPath(), strings.Join(args, " "))}
	}
	return nil
}

// check validates the flags of bontot template.
func (o *templateOptions) check() error {
	o.Unit = strings.TrimSpace(o.Unit)
	o.Name = strings.TrimSpace(o.Name)
	o.Type = strings.TrimSpace(o.Type)
	o.Parent = strings.TrimSpace(o.Parent)
	if o.Unit == "" {
		if o.Name != "" || o.Type != "" || o.Parent != "" {
			return usageError{errors.New("--name, --type và --parent chỉ dùng cùng --unit (sổ riêng của một đơn vị)")}
		}
	} else {
		var missing []string
		if o.Name == "" {
			missing = append(missing, "--name")
		}
		if o.Type == "" {
			missing = append(missing, "--type")
		}
		if len(missing) > 0 {
			return usageError{fmt.Errorf("--unit cần kèm %s", strings.Join(missing, " và "))}
		}
		if strings.ContainsAny(o.Unit, " \t") {
			return usageError{fmt.Errorf("mã đơn vị %q không được chứa khoảng trắng", o.Unit)}
		}
		t, ok := parseUnitType(o.Type)
		if !ok {
			return usageError{fmt.Errorf("--type %q không hợp lệ: chọn \"Chi bộ cơ sở\", \"Chi bộ trực thuộc\" hoặc \"Đảng bộ cơ sở\" (hoặc chi_bo_co_so, chi_bo_truc_thuoc, dang_bo_co_so)", o.Type)}
		}
		o.Type = string(t)
		// The reader needs a chi bộ trực thuộc's đảng bộ (cột Trực thuộc).
		if criteria.UnitType(o.Type) == criteria.CellSubordinate && o.Parent == "" {
			return usageError{errors.New("chi bộ trực thuộc cần --parent: mã đảng bộ cơ sở cấp trên")}
		}
		if criteria.UnitType(o.Type) != criteria.CellSubordinate && o.Parent != "" {
			return usageError{errors.New("--parent chỉ dùng cho chi bộ trực thuộc (--type chi_bo_truc_thuoc)")}
		}
	}
	o.Form = strings.ToLower(strings.TrimSpace(o.Form))
	switch o.Form {
	case "so":
		if o.Upper != "" {
			return usageError{errors.New("--upper chỉ dùng với --form phieu")}
		}
	case "phieu":
		if o.Unit == "" {
			return usageError{errors.New("--form phieu là phiếu của một chi bộ: cần --unit, --name và --type")}
		}
		if !criteria.UnitType(o.Type).IsCell() {
			return usageError{errors.New("--form phieu chỉ dành cho chi bộ (--type chi_bo_co_so hoặc chi_bo_truc_thuoc): đảng bộ cơ sở không ghi phiếu chấm điểm sinh hoạt chi bộ")}
		}
	default:
		return usageError{fmt.Errorf("--form %q không hợp lệ: chọn so hoặc phieu", o.Form)}
	}
	if o.Year < 2000 || o.Year > 2100 {
		return usageError{fmt.Errorf("--year %d không hợp lệ: ghi năm đầy đủ, ví dụ 2025", o.Year)}
	}
	if o.Output == "" {
		return usageError{errors.New("-o cần tên tệp, ví dụ -o " + defaultTemplateFile)}
	}
	if !strings.EqualFold(fileExt(o.Output), ".xlsx") {
		return usageError{fmt.Errorf("tệp %s phải có đuôi .xlsx", o.Output)}
	}
	return nil
}

// parseUnitType reads --type as the workbook's Loại column is read: the
// words a secretary knows ("Chi bộ cơ sở", with or without diacritics, in
// any case) as well as the identifiers of JSON (chi_bo_co_so).
func parseUnitType(s string) (criteria.UnitType, bool) {
	k := typeKey(s)
	for _, t := range criteria.UnitTypes {
		if k == typeKey(string(t)) || k == typeKey(t.Label()) {
			return t, true
		}
	}
	return "", false
}

// typeKey is s in NFC, lower case, without diacritics, đ as d, "_" and
// runs of spaces as one space: "Chi bộ cơ sở", "chi bo co so" and
// "chi_bo_co_so" are one key.
func typeKey(s string) string {
	k, _, _ := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), strings.ToLower(s))
	k = strings.NewReplacer("đ", "d", "_", " ").Replace(k)
	return strings.Join(strings.Fields(k), " ")
}

func fileExt(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 && !strings.ContainsAny(path[i:], `/\`) {
		return path[i:]
	}
	return ""
}

// runTemplate writes the template workbook.
func runTemplate(ctx context.Context, o templateOptions, s streams) error {
	if err := o.check(); err != nil {
		return err
	}
	// The form of a year carries the rules in force for it: the 2026
	// score sheet has the eight groups of the 2025 rules.
	th, _, err := loadThresholds(o.Criteria, o.Profile, o.Year)
	if err != nil {
		return err
	}
	if err := checkOutput(o.Output); err != nil {
		return err
	}
	// A secretary who runs the command again must not lose a year of
	// figures typed into the file of the same name.
	if _, err := os.Stat(o.Output); err == nil && !o.Force {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("tệp %s đã có (có thể đã điền số liệu): chọn tên khác bằng -o, hoặc thêm --force để ghi đè", o.Output)}
	}
	opts := template.Options{
		Unit: o.Unit, Name: o.Name, Type: criteria.UnitType(o.Type), Parent: o.Parent,
		Year: o.Year, Thresholds: th,
		// The guide's commands name this very workbook, typed as on the
		// system it is made on.
		FileName: filepath.Base(o.Output), Program: programName(),
	}
	write := template.Write
	if o.Form == "phieu" {
		opts.Upper = o.Upper
		write = template.WriteScoreForms
	}
	err = writeAtomic(ctx, o.Output, nil, func(w io.Writer) error {
		if err := write(w, opts); err != nil {
			return &exitError{code: exitFailure, msg: fmt.Sprintf("không ghi được sổ mẫu %s: %s", o.Output, syserr.Explain(err))}
		}
		return nil
	})
	if err != nil {
		return err
	}
	what := "sổ mẫu cho cả khối"
	if o.Form == "phieu" {
		what = fmt.Sprintf("phiếu chấm điểm sinh hoạt năm %d của %s – %s (T1…T12, Chuyên đề quý I…IV)", o.Year, o.Unit, o.Name)
		fmt.Fprintf(s.Err, "Đã tạo %s: %s\nSau mỗi kỳ sinh hoạt ghi ngày và điểm vào sheet của tháng, rồi đánh giá bằng: %s evaluate %s --unit %s\n", what, o.Output, programName(), quoteArg(o.Output), o.Unit)
		return nil
	}
	if o.Unit != "" {
		what = fmt.Sprintf("sổ mẫu của %s – %s", o.Unit, o.Name)
	}
	// Confirmations go to stderr, as every command's do: stdout is for
	// what a command produces, and a script may pipe it.
	fmt.Fprintf(s.Err, "Đã tạo %s: %s\nĐiền số liệu rồi kiểm tra bằng: %s validate %s\n", what, o.Output, programName(), quoteArg(o.Output))
	return nil
}

// programName is bontot as a user types it in a shell of this system:
// PowerShell runs a program of the current folder only as .\bontot.exe.
func programName() string {
	if runtime.GOOS == "windows" {
		return `.\bontot.exe`
	}
	return "bontot"
}

// quoteArg quotes a file name for the command line shown to the user when
// it holds spaces, as Windows file names often do.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t") {
		return `"` + s + `"`
	}
	return s
}
