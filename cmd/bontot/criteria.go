package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/syserr"
)

func init() { subcommands = append(subcommands, newCriteriaCmd) }

// criteriaOptions are the flags of bontot criteria.
type criteriaOptions struct {
	Criteria string // criteria file to read; "" for the defaults
	Export   string // write the commented criteria file here
	Force    bool   // overwrite an existing export file
}

func newCriteriaCmd(s streams) *cobra.Command {
	var o criteriaOptions
	cmd := &cobra.Command{
		Use:   "criteria",
		Short: "In bốn tiêu chí, các kiểm tra và ngưỡng đang áp dụng; xuất tệp tiêu chí",
		Long: `In bốn tiêu chí của mô hình "chi bộ bốn tốt", "đảng bộ cơ sở bốn tốt" theo
Hướng dẫn 17-HD/ĐUK: từng kiểm tra (mã, tên, quy tắc với ngưỡng đang áp dụng,
loại đơn vị áp dụng), từng mục tự đánh giá, và các kiểm tra tổ chức thực hiện.

Mọi ngưỡng đều có thể cụ thể hóa (mục I.2 của hướng dẫn) bằng một tệp tiêu chí
YAML: --export ghi tệp đó với mọi khóa và chú thích tiếng Việt để sửa; sau đó
dùng --criteria TỆP ở bontot criteria, bontot evaluate, bontot template. Khóa
không có trong tệp giữ giá trị mặc định.

Mã thoát:
  0  đã in hoặc đã ghi tệp tiêu chí
  1  tệp tiêu chí sai (lỗi ghi rõ dòng và khóa) hoặc không ghi được tệp`,
		Example: `  # Xem các tiêu chí và ngưỡng mặc định
  bontot criteria

  # Tạo tệp tiêu chí để đảng ủy cụ thể hóa, ví dụ nâng tỷ lệ buổi sinh hoạt Tốt lên 80%
  bontot criteria --export tieu-chi-2025.yaml
  #   (sửa dòng "regular_good_share: 0.75" thành "regular_good_share: 0.8")

  # Xem các ngưỡng theo tệp đã sửa, rồi đánh giá theo tệp đó
  bontot criteria --criteria tieu-chi-2025.yaml
  bontot evaluate --criteria tieu-chi-2025.yaml khoi-2025.xlsx`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("lệnh %q không nhận tham số %q (tệp tiêu chí ghi bằng --criteria hoặc --export)", cmd.CommandPath(), strings.Join(args, " "))}
			}
			return nil
		},
		RunE: func(*cobra.Command, []string) error { return runCriteria(o, s) },
	}
	f := cmd.Flags()
	f.StringVar(&o.Criteria, "criteria", "", "đọc ngưỡng từ `TỆP` tiêu chí YAML thay cho ngưỡng mặc định")
	f.StringVar(&o.Export, "export", "", "ghi tệp tiêu chí YAML có chú thích ra `TỆP` (không in danh mục)")
	f.BoolVar(&o.Force, "force", false, "cho phép --export ghi đè tệp đã có")
	return cmd
}

// loadThresholds reads the criteria file at path, or returns the defaults
// when path is empty. Errors name the file, line and key, in Vietnamese,
// and end the command with exit status 1.
func loadThresholds(path string) (criteria.Thresholds, error) {
	if path == "" {
		return criteria.Default(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		msg := fmt.Sprintf("không đọc được tệp tiêu chí %s: %s", path, syserr.Explain(err))
		if errors.Is(err, fs.ErrNotExist) {
			msg = fmt.Sprintf("không có tệp tiêu chí %s (tạo tệp mẫu bằng: bontot criteria --export %s)", path, path)
		}
		return criteria.Default(), &exitError{code: exitFailure, msg: msg}
	}
	th, err := criteria.ParseThresholds(data, filepath.Base(path))
	if err != nil {
		return criteria.Default(), &exitError{code: exitFailure, msg: err.Error()}
	}
	return th, nil
}

func runCriteria(o criteriaOptions, s streams) error {
	th, err := loadThresholds(o.Criteria)
	if err != nil {
		return err
	}
	if o.Export != "" {
		if _, err := os.Stat(o.Export); err == nil && !o.Force {
			return &exitError{code: exitFailure, msg: fmt.Sprintf("tệp %s đã có; dùng --force để ghi đè hoặc chọn tên khác", o.Export)}
		}
		data := th.MarshalYAMLWithComments()
		if err := writeAtomic(o.Export, nil, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}); err != nil {
			return err
		}
		_, err := fmt.Fprintf(s.Err, "Đã ghi tệp tiêu chí %s\n", o.Export)
		return err
	}
	source := "mặc định"
	if o.Criteria != "" {
		source = "theo tệp " + o.Criteria
	}
	w := bufio.NewWriter(s.Out)
	printCriteria(w, th, source)
	return w.Flush()
}

// printCriteria writes the catalog: the four criteria with their checks
// and items, the implementation checks, then the bands and switches.
func printCriteria(w io.Writer, th criteria.Thresholds, source string) {
	fmt.Fprintf(w, "Tiêu chí mô hình \"chi bộ bốn tốt\", \"đảng bộ cơ sở bốn tốt\" (Hướng dẫn 17-HD/ĐUK)\n")
	fmt.Fprintf(w, "Ngưỡng đang áp dụng: %s\n", source)
	printCheck := func(d criteria.CheckDef) {
		skipped := ""
		if th.Skipped(d.ID) {
			skipped = " — BỎ QUA theo tệp tiêu chí"
		}
		fmt.Fprintf(w, "    %s  %s [%s]%s\n", d.ID, d.Title, d.Scope.Label(), skipped)
		fmt.Fprintf(w, "        %s\n", d.Rule(th))
	}
	for i, id := range []string{"tc1", "tc2", "tc3", "tc4"} {
		fmt.Fprintf(w, "\nTiêu chí %d. %s\n", i+1, criteria.CriterionNames[id])
		fmt.Fprintln(w, "  Kiểm tra theo số liệu:")
		for _, d := range criteria.Checks {
			if d.Criterion == id {
				printCheck(d)
			}
		}
		fmt.Fprintln(w, "  Mục tự đánh giá (trang Tự đánh giá: Đạt / Không đạt):")
		for _, it := range criteria.Items {
			if it.Criterion == id {
				fmt.Fprintf(w, "    %s  %s\n", it.ID, it.Text)
			}
		}
	}
	fmt.Fprintln(w, "\nTổ chức thực hiện (mục III, báo cáo riêng, không tính vào kết quả):")
	for _, d := range criteria.ImplementationChecks {
		printCheck(d)
	}

	g := th.GroupMax
	fmt.Fprintln(w, "\nThang điểm và quy ước:")
	fmt.Fprintf(w, "  Buổi sinh hoạt (thang 100 điểm): Tốt từ %s điểm, Khá từ %s, Trung bình từ %s, Kém dưới %s.\n",
		criteria.FormatNumber(th.MeetingGood), criteria.FormatNumber(th.MeetingFair), criteria.FormatNumber(th.MeetingAverage), criteria.FormatNumber(th.MeetingAverage))
	fmt.Fprintf(w, "  Điểm tối đa 5 nhóm: tỷ lệ tham gia %s, chuẩn bị %s, tổ chức %s, nguyên tắc %s, kết quả %s.\n",
		criteria.FormatNumber(g[0]), criteria.FormatNumber(g[1]), criteria.FormatNumber(g[2]), criteria.FormatNumber(g[3]), criteria.FormatNumber(g[4]))
	fmt.Fprintf(w, "  Điểm tiêu chí 528-QĐ/TU thành mức: Xuất sắc từ %s, Tốt từ %s, Trung bình từ %s, Kém dưới %s.\n",
		criteria.FormatNumber(th.CriteriaExcellent), criteria.FormatNumber(th.CriteriaGood), criteria.FormatNumber(th.CriteriaAverage), criteria.FormatNumber(th.CriteriaAverage))
	fmt.Fprintf(w, "  Cảnh báo (không ảnh hưởng kết quả): tháng không có hoặc có hai buổi thường kỳ, quý không có buổi chuyên đề, buổi có tỷ lệ có mặt từ %s trở xuống.\n",
		criteria.FormatPercent(th.AttendanceWarn))
	if th.Strict {
		fmt.Fprintln(w, "  Mục tự đánh giá chưa ghi: tiêu chí của mục đó là \"thiếu dữ liệu\" (chế độ nghiêm ngặt).")
	} else {
		fmt.Fprintln(w, "  Mục tự đánh giá chưa ghi: chỉ cảnh báo \"chưa tự đánh giá\" (dùng --strict để coi là thiếu dữ liệu).")
	}
	fmt.Fprintln(w, "\nTạo tệp tiêu chí để cụ thể hóa các ngưỡng: bontot criteria --export tieu-chi.yaml")
}
