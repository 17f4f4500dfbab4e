package workbook

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/xlsxscan"
)

// Two sheets of one name, or two relationships of one
// id in the workbook part, are defects no spreadsheet program writes. The
// workbook is refused like the other structural defects, naming the part,
// on the scanner's path and on the checker's (excelize) path alike —
// before, the first was a warning and the second read one sheet's rows as
// another's.
func TestWorkbookPartDefectsRefused(t *testing.T) {
	dir := t.TempDir()
	src := writeBook(t, dir, "src.xlsx",
		unitsSheet([]any{"CB01", "Chi bộ 1", "Chi bộ cơ sở"}),
		sheet{"Sinh hoạt", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}, {"CB01", "05/03/2024", "Thường kỳ", 80}}},
		sheet{"Đảng viên", [][]any{{"Mã đơn vị", "Họ và tên", "Xếp loại"}, {"CB01", "Nguyễn Văn A", "HTTNV"}}},
	)
	cases := []struct {
		name, part, old, new, words string
	}{
		{"same sheet name", "xl/workbook.xml", `name="Đảng viên"`, `name="sinh hoạt"`, "hai sheet cùng tên"},
		{"same relationship id", "xl/_rels/workbook.xml.rels", `Id="rId3"`, `Id="rId2"`, "hai quan hệ cùng mã"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".xlsx")
			edited := false
			rewriteZip(t, src, p, func(name string, data []byte) []byte {
				if name != c.part {
					return data
				}
				if !bytes.Contains(data, []byte(c.old)) {
					t.Fatalf("%s holds no %s: %s", name, c.old, data)
				}
				edited = true
				return bytes.Replace(data, []byte(c.old), []byte(c.new), 1)
			})
			if !edited {
				t.Fatalf("no part %s", c.part)
			}
			for _, scanner := range []bool{true, false} {
				useScanner = scanner
				_, err := Read([]string{p}, Options{Year: 2024})
				useScanner = true
				var de *xlsxscan.DefectError
				if !errors.As(err, &de) || !strings.Contains(err.Error(), c.words) {
					t.Errorf("scanner %v: got %v, want the workbook refused: %s", scanner, err, c.words)
				}
			}
		})
	}
}

// Parent in the data (and so in JSON) is the Trực
// thuộc code as written, also when it names no đảng bộ cơ sở — the error
// stays with the chi bộ (SPEC §3, precise readings).
func TestParentAsWrittenWhenNoCommittee(t *testing.T) {
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", unitsSheet(
		[]any{"DB01", "Đảng bộ 1", "Đảng bộ cơ sở"},
		[]any{"CB01", "Chi bộ 1", "Chi bộ trực thuộc", "DB01"},
		[]any{"CB02", "Chi bộ 2", "Chi bộ trực thuộc", "DB09"},
		[]any{"CB03", "Chi bộ 3", "Chi bộ cơ sở"},
		[]any{"CB04", "Chi bộ 4", "Chi bộ trực thuộc", "CB03"},
	))
	res := readOne(t, p, Options{Year: 2024})
	want := map[string]string{"DB01": "", "CB01": "DB01", "CB02": "DB09", "CB03": "", "CB04": "CB03"}
	for _, u := range res.Dataset.Units {
		if u.Parent != want[u.Code] {
			t.Errorf("%s: parent %q, want %q", u.Code, u.Parent, want[u.Code])
		}
	}
}

// A hint is for a spelling slip of one value, or says
// what a word of the set's domain means; never the nearest spelling of a
// word with another meaning ("Khá" → KHTNV, "Không rõ" → "Không tốt",
// "Kiến nghị" → "Đơn thư"). Every closed set against plausible wrong words:
// want is the value the message may offer as "có phải …?" ("" for none),
// and words, when set, what it must say instead.
func TestHintsByMeaning(t *testing.T) {
	type parse func(string) fault
	sets := map[string]parse{
		"rating":     func(s string) fault { _, m := parseRating(s); return m },
		"level":      func(s string) fault { _, m := parseLevel(s); return m },
		"residence":  func(s string) fault { _, m := parseResidence(s); return m },
		"unit type":  func(s string) fault { _, m := parseUnitType(s); return m },
		"meeting":    func(s string) fault { _, m := parseMeetingKind(s); return m },
		"committee":  func(s string) fault { _, m := parseCommitteeKind(s); return m },
		"group":      func(s string) fault { _, m := parseGroup(s); return m },
		"case":       func(s string) fault { _, m := parseCaseKind(s); return m },
		"result":     func(s string) fault { _, m := parseResult(s); return m },
		"yes/no":     func(s string) fault { _, m := parseYesNo("Đã giải quyết", s); return m },
		"discipline": func(s string) fault { _, m := parseDiscipline("Kỷ luật", s); return m },
		"org disc.":  func(s string) fault { _, m := parseOrgDiscipline("Kỷ luật", s); return m },
	}
	cases := []struct{ set, in, want, words string }{
		// Slips of one value keep their hint.
		{"rating", "Hoàn thàn tốt", "Hoàn thành tốt nhiệm vụ", ""},
		{"rating", "Hoàn thành xuất xắc nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ", ""},
		{"rating", "HTTV", "HTTNV", ""},
		{"level", "Trung bìn", "Trung bình", ""},
		{"case", "Khiếu nạ", "Khiếu nại", ""},
		{"committee", "Ban chấp hàng", "Ban chấp hành", ""},
		{"meeting", "Thườngkỳ", "Thường kỳ", ""},
		{"residence", "Không lấy ý kiếm", "Không lấy ý kiến", ""},
		// Older ratings and words of other scales: their meaning.
		{"rating", "Khá", "", "trước năm 2019; ghi HTTNV hoặc HTNV theo quyết định xếp loại"},
		{"rating", "Yếu kém", "Không hoàn thành nhiệm vụ", "trước năm 2019"},
		{"rating", "Trong sạch, vững mạnh", "", "trước năm 2019"},
		{"rating", "Đủ tư cách hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ", ""},
		{"rating", "Hoàn thành nhiệm vụ nhưng còn hạn chế", "Hoàn thành nhiệm vụ", ""},
		{"rating", "Trung bình", "", "không phải mức xếp loại"},
		{"rating", "Đạt", "", "không cho biết mức"},
		{"rating", "Kém", "", ""},
		{"rating", "Tốt lắm", "", ""},
		{"level", "Khá", "", "Tốt hoặc Trung bình"},
		{"level", "Đạt", "", "không cho biết mức"},
		{"level", "Yếu lắm", "", ""},
		{"residence", "Không rõ", "", "không phải nhận xét"},
		{"residence", "Chưa có", "", "để trống"},
		{"residence", "Bình thường", "", ""},
		{"unit type", "Chi bộ", "", "Chi bộ trực thuộc"},
		{"unit type", "Đảng bộ bộ phận", "", ""},
		{"meeting", "Đột xuất", "", "không phải sinh hoạt thường kỳ"},
		{"meeting", "Thường xuyên", "", ""},
		{"committee", "Hội nghị", "", "Ban chấp hành"},
		{"committee", "Chi ủy", "", ""},
		{"group", "Trọng yếu", "", ""},
		{"group", "Khá", "", ""},
		{"case", "Kiến nghị", "", "không phải khiếu nại hay tố cáo"},
		{"case", "Tố giác", "", ""},
		{"case", "Khiếu kiện", "", ""},
		{"result", "Không rõ", "", "Đạt hoặc Không đạt"},
		{"result", "Tốt", "", ""},
		{"result", "Đạt một phần", "", "chưa là Đạt"},
		{"yes/no", "Không rõ", "", "không cho biết"},
		{"yes/no", "Ko", "Không", ""},
		{"yes/no", "Có lẽ", "", ""},
		{"discipline", "Kiểm điểm", "", ""},
		{"discipline", "Nhắc nhở", "", ""},
		{"org disc.", "Giải thể", "", ""},
	}
	for _, c := range cases {
		f := sets[c.set](c.in)
		if f.ok() || f.t != criteria.ValueInvalid {
			t.Errorf("%s %q: %q %q, want a value.invalid fault", c.set, c.in, f.code(), f)
			continue
		}
		msg := f.msg
		offered := ""
		if _, after, ok := strings.Cut(msg, "có phải \""); ok {
			offered, _, _ = strings.Cut(after, "\"")
		}
		if offered != c.want {
			t.Errorf("%s %q: offers %q, want %q\n  %s", c.set, c.in, offered, c.want, msg)
		}
		if c.words != "" && !strings.Contains(msg, c.words) {
			t.Errorf("%s %q: %q, want it to say %q", c.set, c.in, msg, c.words)
		}
		if c.want == "" && c.words == "" && msg != "" && !strings.Contains(msg, "cần một trong các giá trị") && !strings.Contains(msg, "ghi ") {
			t.Errorf("%s %q: %q, want the accepted values", c.set, c.in, msg)
		}
	}
}

// A meeting's date column is read under the spellings
// offices give it in every sheet where a meeting's date is expected, and
// a missing required column is one error naming it and the header that
// looked like it.
func TestDateHeadersAndMissingColumnLookalike(t *testing.T) {
	dir := t.TempDir()
	units := unitsSheet([]any{"CB01", "Chi bộ 1", "Chi bộ cơ sở"}, []any{"DB01", "Đảng bộ 1", "Đảng bộ cơ sở"})
	for _, h := range []string{"Ngày họp", "Ngày tháng", "Ngày, tháng, năm", "Ngày/tháng/năm", "Ngày tổ chức", "Thời gian họp"} {
		p := writeBook(t, dir, "a.xlsx", units,
			sheet{"Sinh hoạt", [][]any{{"Mã đơn vị", h, "Loại", "Điểm"}, {"CB01", "05/03/2024", "Thường kỳ", 80}}},
			sheet{"Họp cấp ủy", [][]any{{"Mã đơn vị", h, "Loại"}, {"DB01", "05/03/2024", "Ban chấp hành"}}},
		)
		res := readOne(t, p, Options{Year: 2024})
		for _, l := range problemLines(res) {
			if !strings.Contains(l, " note: ") {
				t.Errorf("header %q: %s", h, l)
			}
		}
	}
	rows := [][]any{{"Mã đơn vị", "Ngày", "Phân loại", "Đã giải quyết"}}
	for i := 0; i < 14; i++ {
		rows = append(rows, []any{"DB01", "05/03/2024", "Đơn thư", "Có"})
	}
	p := writeBook(t, dir, "b.xlsx", units, sheet{"Đơn thư vụ việc", rows},
		sheet{"Tiêu chí", [][]any{{"Mã đơn vị", "Tiêu chí", "Nhóm", "Mức độ"}, {"DB01", "A", "Khác", "Tốt"}}})
	got := problemLines(readOne(t, p, Options{Year: 2024}))
	want := []string{
		`Đơn thư vụ việc! error: Thiếu cột bắt buộc "Loại"; sheet này không được đọc; cột "Phân loại" (C) có phải là cột "Loại"? Nếu đúng, đổi tiêu đề cột thành "Loại"`,
		`Tiêu chí! error: Thiếu cột bắt buộc "Mức" (hoặc "Điểm"); sheet này không được đọc; cột "Mức độ" (D) có phải là cột "Mức"? Nếu đúng, đổi tiêu đề cột thành "Mức"`,
	}
	var errs []string
	for _, l := range got {
		if strings.Contains(l, " error: ") {
			errs = append(errs, l)
		}
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}
