package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/criteriafile"
	"github.com/bontot/bontot/internal/syserr"
	"github.com/bontot/bontot/workbook"
)

func init() { subcommands = append(subcommands, newCriteriaCmd) }

// criteriaOptions are the flags of bontot criteria.
type criteriaOptions struct {
	Criteria string // criteria file to read; "" for the defaults
	Profile  string // rule profile; "" for the default or the file's
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

Bộ quy tắc (--profile, hoặc khóa "profile" trong tệp tiêu chí): hd17-2023 là
Hướng dẫn 17-HD/ĐUK như đã ban hành (mặc định); 2025 dành cho các văn bản năm
2025: thêm kiểm tra sinh hoạt chuyên đề mỗi quý (Tiêu chí 2), tỷ lệ đảng viên
HTXSNV (tổ chức thực hiện), phiếu chấm điểm sinh hoạt 8 nhóm đã công bố,
cảnh báo buổi có mặt dưới 90%, cảnh báo điểm cấp trên chấm chênh quá 10 điểm,
danh sách chi bộ trực thuộc đề nghị đảng ủy cơ sở tặng giấy khen và số năm
liên tục từ sheet Lịch sử. Tệp tiêu chí ghi
đè lên bộ quy tắc nó nêu; tệp và --profile nêu hai bộ khác nhau thì bị từ
chối.

Mã thoát:
  0  đã in hoặc đã ghi tệp tiêu chí
  1  tệp tiêu chí sai (lỗi ghi rõ dòng và khóa), bộ quy tắc không có, hoặc
     không ghi được tệp`,
		Example: `  # Xem các tiêu chí và ngưỡng mặc định
  bontot criteria

  # Tạo tệp tiêu chí để đảng ủy cụ thể hóa, ví dụ nâng tỷ lệ buổi sinh hoạt Tốt lên 80%
  bontot criteria --export tieu-chi-2025.yaml
  #   (sửa dòng "regular_good_share: 0.75" thành "regular_good_share: 0.8")

  # Xem các ngưỡng theo tệp đã sửa, rồi đánh giá theo tệp đó
  bontot criteria --criteria tieu-chi-2025.yaml
  bontot evaluate --criteria tieu-chi-2025.yaml khoi-2025.xlsx

  # Tệp tiêu chí theo bộ quy tắc 2025
  bontot criteria --profile 2025 --export tieu-chi-moi.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("lệnh %q không nhận tham số %q (tệp tiêu chí ghi bằng --criteria hoặc --export)", cmd.CommandPath(), strings.Join(args, " "))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return runCriteria(cmd.Context(), o, s) },
	}
	f := cmd.Flags()
	f.StringVar(&o.Criteria, "criteria", "", "đọc ngưỡng từ `TỆP` tiêu chí YAML thay cho ngưỡng mặc định")
	f.StringVar(&o.Export, "export", "", "ghi tệp tiêu chí YAML có chú thích ra `TỆP` (không in danh mục)")
	f.BoolVar(&o.Force, "force", false, "cho phép --export ghi đè tệp đã có")
	addProfileFlag(cmd, &o.Profile)
	return cmd
}

// addProfileFlag registers --profile on cmd, completing the profile names.
func addProfileFlag(cmd *cobra.Command, profile *string) {
	cmd.Flags().StringVar(profile, "profile", "", fmt.Sprintf("`BỘ-QUY-TẮC` áp dụng: %s (mặc định %s); tệp --criteria ghi đè lên bộ quy tắc này",
		strings.Join(criteria.ProfileNames(), ", "), criteria.DefaultProfile))
	_ = cmd.RegisterFlagCompletionFunc("profile", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, name := range criteria.ProfileNames() {
			out = append(out, cobra.CompletionWithDesc(name, criteria.ProfileTitle(name)))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// loadThresholds reads the criteria file at path over the named profile
// (SPEC §6), or returns the profile's thresholds when path is empty. With
// no profile named by the flag or the file, the rules are those in force
// for the evaluation year (criteria.ProfileForYear; year 0 is
// DefaultProfile). It also says which rules these are and what chose them,
// for the report. Errors (an unknown profile, a file that cannot be read
// or is wrong) name the file, line and key, in Vietnamese, and end the
// command with exit status 1.
func loadThresholds(path, profile string, year int) (criteria.Thresholds, criteria.Rules, error) {
	byYear := ""
	if year != 0 {
		byYear = criteria.ProfileForYear(year)
	}
	chosenBy := criteria.ChosenByYear
	if profile != "" {
		chosenBy = criteria.ChosenByFlag
	}
	if path == "" {
		name := profile
		if name == "" {
			name = byYear
		}
		th, err := criteria.ProfileThresholds(name)
		if err != nil {
			return th, criteria.Rules{}, &exitError{code: exitFailure, msg: err.Error()}
		}
		return th, criteria.Rules{Profile: th.Profile, ChosenBy: chosenBy}, nil
	}
	data, err := readCriteriaFile(path)
	if err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			return criteria.Default(), criteria.Rules{}, err
		}
		msg := fmt.Sprintf("không đọc được tệp tiêu chí %s: %s", path, syserr.Explain(err))
		if errors.Is(err, fs.ErrNotExist) {
			msg = fmt.Sprintf("không có tệp tiêu chí %s (tạo tệp mẫu bằng: bontot criteria --export %s)", path, path)
		}
		return criteria.Default(), criteria.Rules{}, &exitError{code: exitFailure, msg: msg}
	}
	th, named, err := criteriafile.ParseThresholdsFor(data, filepath.Base(path), profile, byYear)
	if err != nil {
		return criteria.Default(), criteria.Rules{}, &exitError{code: exitFailure, msg: err.Error()}
	}
	if named && profile == "" {
		chosenBy = criteria.ChosenByCriteriaFile
	}
	sum := sha256.Sum256(data)
	// The base name, as error messages give it: a report carries no
	// folder of the machine that made it, and reads the same on Windows.
	return th, criteria.Rules{Profile: th.Profile, CriteriaFile: filepath.Base(path), SHA256: hex.EncodeToString(sum[:]), ChosenBy: chosenBy}, nil
}

// readUnderRules reads the workbooks under the rules in force for their
// evaluation year (SPEC §6, "Default profile by year"). When neither a
// flag nor the criteria file names the rules and the year is not given,
// the year is known only from the rows read, and the rules decide how some
// rows read (the score groups of Sinh hoạt, the Lịch sử sheet): the
// workbooks are read under the rules of the year they are most likely
// about (workbook.Books.YearHint: the year their names write, else the
// year they were saved in; without either the current year, which the
// review in progress is about), and read once more under the other rules
// when their rows turn out to be of a year those rules do not cover. The
// guess only saves time: the rows' year decides. The workbooks the first
// read opened stay open for the second (read gets books to put in
// workbook.Options). in is nil when there is nothing to open.
func readUnderRules(path, profile string, year int, today time.Time, in *workbook.Inputs, password string, read func(criteria.Thresholds, *workbook.Books) (*workbook.Result, error)) (*workbook.Result, criteria.Thresholds, criteria.Rules, error) {
	books := new(workbook.Books)
	defer books.Close()
	guess := year
	if guess == 0 {
		guess = today.Year()
		if in != nil && profile == "" {
			if y, ok := books.YearHint(in, password); ok {
				guess = y
			}
		}
	}
	th, rules, err := loadThresholds(path, profile, guess)
	if err != nil {
		return nil, th, rules, err
	}
	res, err := read(th, books)
	if err != nil || year != 0 || rules.ChosenBy != criteria.ChosenByYear {
		return res, th, rules, err
	}
	found := res.Dataset.Year
	if criteria.ProfileForYear(found) == rules.Profile {
		return res, th, rules, nil
	}
	if th, rules, err = loadThresholds(path, profile, found); err != nil {
		return nil, th, rules, err
	}
	res, err = read(th, books)
	return res, th, rules, err
}

// maxCriteriaFile bounds a criteria file: the commented export of every
// setting is a few kilobytes, so a megabyte is no criteria file but a
// wrong path (a workbook, a log, a device).
const maxCriteriaFile = 1 << 20

// readCriteriaFile reads a criteria file, refusing before reading anything
// that is not a regular file (a FIFO would block, /dev/zero never ends) or
// that is larger than maxCriteriaFile.
func readCriteriaFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &exitError{code: exitFailure, msg: fmt.Sprintf("tệp tiêu chí %s không phải tệp thường (thư mục, thiết bị, FIFO…); cần một tệp YAML", path)}
	}
	tooBig := &exitError{code: exitFailure, msg: fmt.Sprintf("tệp tiêu chí %s lớn hơn %d MB, không phải tệp tiêu chí (tệp xuất bằng bontot criteria --export chỉ vài KB)", path, maxCriteriaFile>>20)}
	if st.Size() > maxCriteriaFile {
		return nil, tooBig
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may grow between the Stat and the read.
	data, err := io.ReadAll(io.LimitReader(f, maxCriteriaFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxCriteriaFile {
		return nil, tooBig
	}
	return data, nil
}

func runCriteria(ctx context.Context, o criteriaOptions, s streams) error {
	th, _, err := loadThresholds(o.Criteria, o.Profile, s.today().Year())
	if err != nil {
		return err
	}
	// The report section is checked too: this is where a committee tries
	// its criteria file before a run.
	doc, err := loadDocument(o.Criteria, criteria.Document{})
	if err != nil {
		return err
	}
	if o.Export != "" {
		if err := checkOutput(o.Export); err != nil {
			return err
		}
		if _, err := os.Stat(o.Export); err == nil && !o.Force {
			return &exitError{code: exitFailure, msg: fmt.Sprintf("tệp %s đã có; dùng --force để ghi đè hoặc chọn tên khác", o.Export)}
		}
		// The file's report section goes with it, filled in.
		data := criteriafile.MarshalWithDocument(th, doc)
		if err := writeAtomic(ctx, o.Export, nil, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}); err != nil {
			return err
		}
		_, err := fmt.Fprintf(s.Err, "Đã ghi tệp tiêu chí %s\n", o.Export)
		return err
	}
	source := "mặc định"
	switch {
	case o.Criteria != "":
		source = "theo tệp " + o.Criteria
	case o.Profile == "":
		source = fmt.Sprintf("mặc định của năm %d (năm %d trở về trước: --profile %s)", s.today().Year(), criteria.FirstYear2025-1, criteria.ProfileHD17)
	}
	w := bufio.NewWriter(s.Out)
	printCriteria(w, th, source)
	return w.Flush()
}

// printCriteria writes the catalog: the four criteria with their checks
// and items, the implementation checks, then the bands and switches.
func printCriteria(w io.Writer, th criteria.Thresholds, source string) {
	fmt.Fprintf(w, "Tiêu chí mô hình \"chi bộ bốn tốt\", \"đảng bộ cơ sở bốn tốt\" (Hướng dẫn 17-HD/ĐUK)\n")
	fmt.Fprintf(w, "Bộ quy tắc: %s — %s\n", th.Profile, criteria.ProfileTitle(th.Profile))
	fmt.Fprintf(w, "Ngưỡng đang áp dụng: %s\n", source)
	d := criteria.Describe(th)
	printCheck := func(c criteria.DescribedCheck) {
		skipped := ""
		if c.Skipped {
			skipped = " — BỎ QUA theo tệp tiêu chí"
		}
		fmt.Fprintf(w, "    %s  %s [%s]%s\n", c.ID, c.Title, c.Scope.Label(), skipped)
		fmt.Fprintf(w, "        %s\n", c.Text)
	}
	for i, id := range []string{"tc1", "tc2", "tc3", "tc4"} {
		fmt.Fprintf(w, "\nTiêu chí %d. %s\n", i+1, criteria.CriterionNames[id])
		fmt.Fprintln(w, "  Kiểm tra theo số liệu:")
		for _, c := range d.Checks {
			if c.Criterion == id {
				printCheck(c)
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
	for _, c := range d.Implementation {
		printCheck(c)
	}

	fmt.Fprintln(w, "\nThang điểm và quy ước:")
	fmt.Fprintf(w, "  Buổi sinh hoạt (thang 100 điểm): %s.\n", d.MeetingScale())
	groups := make([]string, len(th.ScoreGroups))
	for i, g := range th.ScoreGroups {
		groups[i] = g.Name + " " + criteria.FormatNumber(g.Max)
	}
	// Semicolons: a group's name may hold a comma ("Chấp hành thời gian, thời lượng").
	fmt.Fprintf(w, "  Điểm tối đa %d nhóm: %s.\n", len(groups), strings.Join(groups, "; "))
	if len(th.FullMarksGroups) > 0 {
		fmt.Fprintf(w, "  Buổi sinh hoạt chỉ xếp Tốt khi các nhóm sau đạt điểm tối đa: %s.\n", strings.Join(th.FullMarksGroups, "; "))
	}
	if th.UpperScoreGap > 0 {
		fmt.Fprintf(w, "  Có điểm cấp ủy cấp trên chấm thì tính theo điểm đó; chênh với điểm chi bộ tự chấm quá %s điểm thì cảnh báo.\n", criteria.FormatNumber(th.UpperScoreGap))
	} else {
		fmt.Fprintln(w, "  Có điểm cấp ủy cấp trên chấm thì tính theo điểm đó.")
	}
	fmt.Fprintf(w, "  Điểm tiêu chí 528-QĐ/TU thành mức: %s.\n", d.LevelScale())
	fmt.Fprintf(w, "  Xếp loại cho bằng điểm (cột Điểm xếp loại, 0–100): %s; ghi cả Xếp loại thì Xếp loại quyết định, lệch nhau thì cảnh báo.\n", d.RatingScale())
	fmt.Fprintf(w, "  Đảng viên bị kỷ luật trong năm (cột Kỷ luật): tính là vi phạm ở tc4.no_violations; xếp loại cao hơn %s thì cảnh báo.\n", th.DisciplineCeiling.Code())
	if th.ViolationCeiling != criteria.RatingNone {
		fmt.Fprintf(w, "  Đảng viên vi phạm những điều đảng viên không được làm (cột Vi phạm) xếp loại cao hơn %s: cảnh báo (Quy định 366-QĐ/TW, Điều 11).\n", th.ViolationCeiling.Code())
	}
	fresh := fmt.Sprintf("đảng viên kết nạp chưa đủ %d tháng tính đến hết năm (cột Ngày kết nạp) được để trống xếp loại", th.NewMemberMonths)
	switch {
	case th.NewMemberMonths <= 0:
		fresh = "đảng viên mới kết nạp vẫn phải được xếp loại"
	case th.NewMembersNotRated:
		fresh = fmt.Sprintf("đảng viên kết nạp chưa đủ %d tháng đến ngày kiểm điểm (--review-date; mặc định hôm nay nếu năm đánh giá là năm nay, nếu không 31/12) không được xếp loại, kể cả khi đã ghi xếp loại (Quy định 366-QĐ/TW, Điều 5)", th.NewMemberMonths)
	}
	fmt.Fprintf(w, "  Đảng viên không tính vào tỷ lệ xếp loại: miễn công tác và sinh hoạt đảng, bị đình chỉ sinh hoạt đảng (Quy định 366-QĐ/TW, Điều 5); %s.\n", fresh)
	quarters := " quý không có buổi chuyên đề,"
	if th.QuartersJudged() {
		quarters = "" // a quarter without one fails TC2 instead
	}
	fmt.Fprintf(w, "  Cảnh báo (không ảnh hưởng kết quả): tháng không có hoặc có hai buổi thường kỳ,%s buổi có tỷ lệ có mặt %s.\n",
		quarters, th.AttendanceWarnText())
	if th.Strict {
		fmt.Fprintln(w, "  Mục tự đánh giá chưa ghi: tiêu chí của mục đó là \"thiếu dữ liệu\" (chế độ nghiêm ngặt).")
	} else {
		fmt.Fprintln(w, "  Mục tự đánh giá chưa ghi: chỉ cảnh báo \"chưa tự đánh giá\" (dùng --strict để coi là thiếu dữ liệu).")
	}
	printCommendation(w, th)
	export := "bontot criteria --export tieu-chi.yaml"
	if th.Profile != criteria.DefaultProfile {
		export = "bontot criteria --profile " + th.Profile + " --export tieu-chi.yaml"
	}
	fmt.Fprintln(w, "\nTạo tệp tiêu chí để cụ thể hóa các ngưỡng: "+export)
}

// printCommendation writes the commendation rules of Hướng dẫn 06-HD/TW,
// under the rules that have them (nothing under hd17-2023).
func printCommendation(w io.Writer, th criteria.Thresholds) {
	if !th.CommendationSubordinate && !th.HistoryStreaks {
		return
	}
	// "Bốn tốt" is Hướng dẫn 17-HD/ĐUK's; Hướng dẫn 06-HD/TW gives the
	// đảng ủy cơ sở's giấy khen and the higher award (§19, HTXSNV years
	// only): each line cites its own source.
	fmt.Fprintln(w, "\nKhen thưởng:")
	fmt.Fprintln(w, "  Đề xuất tặng giấy khen: chi bộ cơ sở, đảng bộ cơ sở đạt \"bốn tốt\" và xếp loại HTXSNV (Hướng dẫn 17-HD/ĐUK).")
	if th.CommendationSubordinate {
		fmt.Fprintln(w, "  Đề nghị đảng ủy cơ sở tặng giấy khen (commendation_subordinate): chi bộ trực thuộc đạt \"bốn tốt\" và xếp loại HTXSNV, theo từng đảng ủy cơ sở (đảng ủy cơ sở khen thưởng theo Hướng dẫn 06-HD/TW).")
	}
	if th.HistoryStreaks {
		fmt.Fprintf(w, "  Đề nghị khen thưởng cấp cao hơn (history_streaks, history_streak_years): HTXSNV đủ %d năm liên tục, tính cả năm đánh giá (Hướng dẫn 06-HD/TW), theo sheet Lịch sử (Mã đơn vị, Năm, Xếp loại, [Bốn tốt]); số năm liên tục đạt \"bốn tốt\" chỉ để theo dõi.\n", th.HistoryStreakYears)
	}
}
