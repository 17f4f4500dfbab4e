package workbook

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bontot/bontot/criteria"
)

// SPEC §3, precise readings: a value outside its closed set is an error at
// its cell with the closest accepted value, never read as a member of the
// set.
func TestClosedSetValueOutsideItsSetIsAnErrorAtItsCell(t *testing.T) {
	units := func(extra ...[]any) sheet {
		return unitsSheet(append([][]any{
			{"DB01", "Đảng bộ A", "Đảng bộ cơ sở"},
			{"CB01", "Chi bộ B", "Chi bộ trực thuộc", "DB01"},
		}, extra...)...)
	}
	tests := []struct {
		set    string
		sheets []sheet
		cell   string // Sheet!Cell
		want   string // the message
	}{
		{"unit type", []sheet{units([]any{"CB02", "Chi bộ C", "Đảng bộ"})},
			"Đơn vị!C4", `Loại đơn vị "Đảng bộ" không hợp lệ; có phải "Đảng bộ cơ sở"?`},
		{"yes/no (Làm điểm)", []sheet{{"Đơn vị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Loại", "Làm điểm"},
			{"CB01", "Chi bộ B", "Chi bộ cơ sở", "Khôg"}}}},
			"Đơn vị!D2", `Làm điểm "Khôg" không hợp lệ; có phải "Không"?`},
		{"yes/no (Có ban thường vụ)", []sheet{{"Đơn vị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Loại", "Có ban thường vụ"},
			{"DB01", "Đảng bộ A", "Đảng bộ cơ sở", "Có lẽ"}}}},
			"Đơn vị!D2", `Có ban thường vụ "Có lẽ" không hợp lệ; cần một trong các giá trị: "Có", "Không"`},
		{"rating", []sheet{{"Đơn vị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Loại", "Xếp loại"},
			{"CB01", "Chi bộ B", "Chi bộ cơ sở", "Hoàn thàn tốt"}}}},
			"Đơn vị!D2", `Xếp loại "Hoàn thàn tốt" không hợp lệ; có phải "Hoàn thành tốt nhiệm vụ"?`},
		{"meeting kind", []sheet{units(), {"Sinh hoạt", [][]any{
			{"Mã đơn vị", "Ngày", "Loại", "Điểm"},
			{"CB01", "15/01/2024", "Thường kỳy", 90}}}},
			"Sinh hoạt!C2", `Loại sinh hoạt "Thường kỳy" không hợp lệ; có phải "Thường kỳ"?`},
		{"committee meeting kind", []sheet{units(), {"Họp cấp ủy", [][]any{
			{"Mã đơn vị", "Ngày", "Loại"},
			{"DB01", "15/01/2024", "Hội nghị"}}}},
			"Họp cấp ủy!C2", `Loại họp "Hội nghị" không hợp lệ; "Hội nghị" có thể là hội nghị ban chấp hành; ghi "Ban chấp hành" hoặc "Hội nghị đảng bộ"`},
		{"case kind", []sheet{units(), {"Đơn thư vụ việc", [][]any{
			{"Mã đơn vị", "Ngày", "Loại", "Đã giải quyết"},
			{"CB01", "15/01/2024", "Kiến nghị", "Có"}}}},
			"Đơn thư vụ việc!C2", `Loại vụ việc "Kiến nghị" không hợp lệ; kiến nghị, phản ánh không phải khiếu nại hay tố cáo: ghi "Đơn thư" nếu là đơn gửi tới, "Vấn đề nổi cộm" nếu là vụ việc nổi cộm`},
		{"yes/no (Đã giải quyết)", []sheet{units(), {"Đơn thư vụ việc", [][]any{
			{"Mã đơn vị", "Ngày", "Loại", "Đã giải quyết"},
			{"CB01", "15/01/2024", "Tố cáo", "Không rõ"}}}},
			"Đơn thư vụ việc!D2", `Đã giải quyết "Không rõ" không hợp lệ; "Không rõ" không cho biết có hay không; ghi Có hoặc Không`},
		{"group", []sheet{units(), {"Tiêu chí", [][]any{
			{"Mã đơn vị", "Tiêu chí", "Nhóm", "Mức"},
			{"CB01", "Công tác dân vận", "Trọng tâmm", "Tốt"}}}},
			"Tiêu chí!C2", `Nhóm "Trọng tâmm" không hợp lệ; có phải "Trọng tâm"?`},
		{"level", []sheet{units(), {"Tiêu chí", [][]any{
			{"Mã đơn vị", "Tiêu chí", "Nhóm", "Mức"},
			{"CB01", "Công tác dân vận", "Khác", "Trung bìn"}}}},
			"Tiêu chí!D2", `Mức "Trung bìn" không hợp lệ; có phải "Trung bình"?`},
		{"yes/no (Miễn sinh hoạt)", []sheet{units(), {"Đảng viên", [][]any{
			{"Mã đơn vị", "Họ và tên", "Miễn sinh hoạt", "Xếp loại"},
			{"CB01", "Nguyễn Văn An", "Chưa rõ", "HTTNV"}}}},
			"Đảng viên!C2", `Miễn sinh hoạt "Chưa rõ" không hợp lệ; "Chưa rõ" không cho biết có hay không; ghi Có hoặc Không`},
		{"residence feedback", []sheet{units(), {"Đảng viên", [][]any{
			{"Mã đơn vị", "Họ và tên", "Xếp loại", "Nhận xét nơi cư trú"},
			{"CB01", "Nguyễn Văn An", "HTTNV", "Chưa tôtt"}}}},
			"Đảng viên!D2", `Nhận xét nơi cư trú "Chưa tôtt" không hợp lệ; có phải "Chưa tốt"?`},
		{"self-assessment result", []sheet{units(), {"Tự đánh giá", [][]any{
			{"Mã đơn vị", "Mục", "Kết quả"},
			{"CB01", "tc1.q1", "Đạtt"}}}},
			"Tự đánh giá!C2", `Kết quả "Đạtt" không hợp lệ; có phải "Đạt"?`},
	}
	for _, tt := range tests {
		t.Run(tt.set, func(t *testing.T) {
			res := readOne(t, writeBook(t, t.TempDir(), "khoi.xlsx", tt.sheets...), Options{Year: 2024})
			var found *criteria.Problem
			for i, p := range res.Dataset.Problems {
				if p.Sheet+"!"+p.Cell == tt.cell {
					found = &res.Dataset.Problems[i]
				}
			}
			if found == nil {
				t.Fatalf("no problem at %s; problems:\n%s", tt.cell, strings.Join(problemLines(res), "\n"))
			}
			if found.Severity != criteria.SeverityError || found.Message != tt.want {
				t.Errorf("%s: %s %q\nwant error %q", tt.cell, found.Severity, found.Message, tt.want)
			}
			// The row is left out and its unit is marked, whatever it was
			// about to be read as.
			if tt.set == "unit type" {
				// A row without a type defines no unit, of any type.
				for _, u := range res.Dataset.Units {
					if u.Code == found.Unit {
						t.Errorf("%s: unit %s defined as %s", tt.cell, u.Code, u.Type)
					}
				}
			} else {
				u := unitByCode(t, res.Dataset, found.Unit)
				if !u.HasErrors {
					t.Errorf("%s: unit %s not marked with errors", tt.cell, u.Code)
				}
				if len(u.Meetings)+len(u.CommitteeMeetings)+len(u.Cases)+len(u.Criteria)+len(u.Members)+len(u.SelfAssessment) != 0 {
					t.Errorf("%s: the bad row was read into %s", tt.cell, u.Code)
				}
			}
		})
	}
}

// A yes/no cell reads only the words SPEC §3 lists, and phrases made of
// one of them and the column's own words; a word that changes the meaning
// makes it an error.
func TestYesNoPhrasesOnlyWithTheColumnsWords(t *testing.T) {
	yes := []string{"Đã giải quyết", "đã giải quyết xong", "Đã được giải quyết", "Có vi phạm", "Có ban thường vụ", "Rồi."}
	no := []string{"Chưa giải quyết", "Đang giải quyết", "Đang xử lý", "Không vi phạm", "Không có ban thường vụ", "Chưa xử lý"}
	bad := []string{"Không rõ", "Chưa rõ", "Có lẽ", "Có thể", "Đang", "Đã nhận", "Không biết", "Chưa xác minh", "?"}
	for _, in := range yes {
		if v, msg := parseYesNo("Đã giải quyết", in); !v || !msg.ok() {
			t.Errorf("parseYesNo(%q) = %v, %q; want yes", in, v, msg)
		}
	}
	for _, in := range no {
		if v, msg := parseYesNo("Đã giải quyết", in); v || !msg.ok() {
			t.Errorf("parseYesNo(%q) = %v, %q; want no", in, v, msg)
		}
	}
	for _, in := range bad {
		if v, msg := parseYesNo("Đã giải quyết", in); msg.ok() {
			t.Errorf("parseYesNo(%q) = %v without an error", in, v)
		}
	}
}

// SPEC §3: Vi phạm may hold the violation itself; any text that is not a
// "no" means yes, and the text is the evidence. Text that starts like a
// "no" without being one says neither and is an error.
func TestViolationTextMeansYesWithTheTextAsEvidence(t *testing.T) {
	tests := []struct {
		in       string
		violated bool
		evidence string
		err      bool
	}{
		{"Vi phạm Quy định 37-QĐ/TW (điều 2)", true, "Vi phạm Quy định 37-QĐ/TW (điều 2)", false},
		{"Sinh con thứ ba", true, "Sinh con thứ ba", false},
		{"Có", true, "", false},
		{"x", true, "", false},
		{"Có vi phạm", true, "", false},
		{"Không", false, "", false},
		{"Không vi phạm", false, "", false},
		{"0", false, "", false},
		{"Chưa", false, "", false},
		{"Không rõ", false, "", true},
		{"Chưa xác minh", false, "", true},
		{"Đang xem xét", false, "", true},
		{"Đang xử lý", false, "", true},
		{"Sai phạm trong quản lý tài chính", true, "Sai phạm trong quản lý tài chính", false},
		{"- Vi phạm điều 2", true, "- Vi phạm điều 2", false},
	}
	for _, tt := range tests {
		v, ev, msg := parseViolation("Vi phạm", tt.in)
		if v != tt.violated || ev != tt.evidence || !msg.ok() != tt.err {
			t.Errorf("parseViolation(%q) = %v, %q, %q; want %v, %q, error %v", tt.in, v, ev, msg, tt.violated, tt.evidence, tt.err)
		}
	}

	path := writeBook(t, t.TempDir(), "chi-bo.xlsx",
		unitsSheet([]any{"CB01", "Chi bộ B", "Chi bộ cơ sở"}),
		sheet{"Đảng viên", [][]any{
			{"Họ và tên", "Xếp loại", "Vi phạm"},
			{"Nguyễn Văn An", "HTTNV", "Vi phạm Quy định 37-QĐ/TW (điều 2)"},
			{"Trần Thị Bình", "HTTNV", "Không"},
		}},
	)
	res := readOne(t, path, Options{Year: 2024})
	if lines := problemLines(res); len(lines) != 0 {
		t.Errorf("problems: %v", lines)
	}
	rep := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	c := rep.Units[0].Check("tc4.no_violations")
	if c == nil || c.Status != criteria.NotMet ||
		!strings.Contains(c.Message, `Nguyễn Văn An (Đảng viên dòng 2): "Vi phạm Quy định 37-QĐ/TW (điều 2)"`) ||
		strings.Contains(c.Message, "Trần Thị Bình") {
		t.Errorf("tc4.no_violations = %+v", c)
	}
	if rep.Units[0].Verdict == criteria.DataError {
		t.Error("a violation written out made the unit loi_du_lieu")
	}
}

// SPEC §3, precise readings: an error stays with the unit whose rows
// hold it; a đảng bộ is loi_du_lieu only for a chi bộ row its own checks read.
func TestCellErrorReachesCommitteeOnlyThroughRowsItReads(t *testing.T) {
	base := func(sheets ...sheet) []sheet {
		return append([]sheet{unitsSheet(
			[]any{"DB01", "Đảng bộ A", "Đảng bộ cơ sở"},
			[]any{"CB01", "Chi bộ B", "Chi bộ trực thuộc", "DB01"},
			[]any{"CB02", "Chi bộ C", "Chi bộ trực thuộc", "DB01"},
		)}, sheets...)
	}
	tests := []struct {
		name      string
		sheets    []sheet
		committee bool // DB01 loi_du_lieu too
	}{
		{"Tiêu chí", base(sheet{"Tiêu chí", [][]any{
			{"Mã đơn vị", "Tiêu chí", "Nhóm", "Mức"},
			{"CB01", "Công tác dân vận", "Khác", "Tốt lắm"}}}), false},
		{"Sinh hoạt", base(sheet{"Sinh hoạt", [][]any{
			{"Mã đơn vị", "Ngày", "Loại", "Điểm"},
			{"CB01", "15/01/2024", "Thường kỳ", 105}}}), false},
		{"Tự đánh giá", base(sheet{"Tự đánh giá", [][]any{
			{"Mã đơn vị", "Mục", "Kết quả"},
			{"CB01", "tc1.q1", "Tạm đạt"}}}), false},
		{"Đảng viên", base(sheet{"Đảng viên", [][]any{
			{"Mã đơn vị", "Họ và tên", "Xếp loại"},
			{"CB01", "Nguyễn Văn An", "Tốt lắm"}}}), true},
		{"Đơn thư vụ việc", base(sheet{"Đơn thư vụ việc", [][]any{
			{"Mã đơn vị", "Loại", "Đã giải quyết"},
			{"CB01", "Tố cáo", "Không rõ"}}}), true},
		{"Đơn vị", []sheet{{"Đơn vị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Loại", "Trực thuộc", "Xếp loại"},
			{"DB01", "Đảng bộ A", "Đảng bộ cơ sở"},
			{"CB01", "Chi bộ B", "Chi bộ trực thuộc", "DB01", "Tốt lắm"},
			{"CB02", "Chi bộ C", "Chi bộ trực thuộc", "DB01"}}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readOne(t, writeBook(t, t.TempDir(), "khoi.xlsx", tt.sheets...), Options{Year: 2024})
			rep := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
			verdict := map[string]criteria.Status{}
			var errorsIn []string
			for _, ur := range rep.Units {
				verdict[ur.Unit.Code] = ur.Verdict
				if ur.Unit.Code == "DB01" {
					errorsIn = ur.ErrorsIn
				}
			}
			if verdict["CB01"] != criteria.DataError {
				t.Errorf("CB01, whose %s row is bad: %s, want loi_du_lieu", tt.name, verdict["CB01"])
			}
			if verdict["CB02"] == criteria.DataError {
				t.Error("CB02, with no bad row, is loi_du_lieu")
			}
			if got := verdict["DB01"] == criteria.DataError; got != tt.committee {
				t.Errorf("DB01: %s (errors in %v); want loi_du_lieu %v", verdict["DB01"], errorsIn, tt.committee)
			}
			if tt.committee && !slices.Equal(errorsIn, []string{"CB01"}) {
				t.Errorf("DB01 errors in %v, want [CB01]", errorsIn)
			}
		})
	}
}

// meetingsBook is a one-unit workbook with a regular meeting on the 10th
// of a month of each given year, in order.
func meetingsBook(t *testing.T, dir, name, code string, years ...int) string {
	t.Helper()
	rows := [][]any{{"Ngày", "Loại", "Điểm"}}
	for i, y := range years {
		rows = append(rows, []any{fmt.Sprintf("10/%02d/%d", i%12+1, y), "Thường kỳ", 90})
	}
	return writeBook(t, dir, name, unitsSheet([]any{code, "Chi bộ " + code, "Chi bộ cơ sở"}), sheet{"Sinh hoạt", rows})
}

// SPEC §4, "Reading faithfully": a year that leaves out most dated rows
// is a warning that stands first, naming the year the data holds.
func TestYearMismatchWarningComesFirstAndNamesTheDataYear(t *testing.T) {
	dir := t.TempDir()
	y2024 := meetingsBook(t, dir, "a.xlsx", "CB01", 2024, 2024, 2024, 2023, 2024)
	spread := meetingsBook(t, dir, "b.xlsx", "CB02", 2022, 2022, 2023, 2023, 2024, 2024, 2024)
	y2023 := meetingsBook(t, dir, "c.xlsx", "CB03", 2023, 2023)
	asOf := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		paths []string
		opts  Options
		want  []string // the lead problems, as "file: message"
	}{
		{"--year of no data", []string{y2024}, Options{Year: 2023},
			[]string{"a.xlsx: Năm đánh giá 2023 nhưng 4/5 dòng có ngày của Sinh hoạt và Họp cấp ủy thuộc năm 2024 và bị bỏ qua; hãy chạy với --year 2024"}},
		{"--as-of in another year", []string{y2024}, Options{Year: 2026, AsOf: asOf},
			[]string{"a.xlsx: Ngày --as-of 26/11/2026 thuộc năm 2026 nhưng 4/5 dòng có ngày của Sinh hoạt và Họp cấp ủy thuộc năm 2024 và bị bỏ qua; hãy chạy với --as-of một ngày của năm 2024"}},
		{"the data's year", []string{y2024}, Options{Year: 2024}, nil},
		{"inferred", []string{y2024}, Options{}, nil},
		{"dates spread over years", []string{spread}, Options{},
			[]string{"b.xlsx: Năm đánh giá 2024 chỉ gồm 3/7 dòng có ngày của Sinh hoạt và Họp cấp ủy; số còn lại thuộc năm 2022 (2 dòng), năm 2023 (2 dòng) và bị bỏ qua; hãy kiểm tra cột Ngày"}},
		{"one workbook of another year among several", []string{y2024, y2023}, Options{},
			[]string{"c.xlsx: Năm đánh giá 2024 nhưng 2/2 dòng có ngày của Sinh hoạt và Họp cấp ủy thuộc năm 2023 và bị bỏ qua; hãy chạy với --year 2023"}},
		{"several workbooks, all of another year", []string{y2024, y2023}, Options{Year: 2022},
			[]string{"Năm đánh giá 2022 nhưng 4/7 dòng có ngày của Sinh hoạt và Họp cấp ủy thuộc năm 2024 và bị bỏ qua; hãy chạy với --year 2024"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(tt.paths, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, p := range res.Dataset.Problems {
				if !p.Lead {
					continue
				}
				if i != len(got) {
					t.Errorf("lead problem at %d, after others: %v", i, problemLines(res))
				}
				if p.Severity != criteria.SeverityWarning {
					t.Errorf("severity %s", p.Severity)
				}
				got = append(got, p.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("lead problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
