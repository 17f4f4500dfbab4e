package template_test

import (
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/template"
	"github.com/bontot/bontot/workbook"
)

// newTemplate writes a template and opens it for filling, as a secretary
// would open it in Excel.
func newTemplate(t *testing.T, opts template.Options) *excelize.File {
	t.Helper()
	return openWritten(t, template.Write, opts)
}

// openWritten writes a workbook with write and opens it, as a secretary
// would open it in Excel.
func openWritten(t *testing.T, write func(io.Writer, template.Options) error, opts template.Options) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// filler writes rows by header, so the test does not depend on column order.
type filler struct {
	t    *testing.T
	f    *excelize.File
	next map[string]int // sheet → next free row
}

func (w *filler) row(sheet string, cells map[string]any) {
	w.t.Helper()
	if w.next == nil {
		w.next = map[string]int{}
	}
	r := w.next[sheet]
	if r == 0 {
		r = template.FirstDataRow
	}
	w.next[sheet] = r + 1
	w.set(sheet, r, cells)
}

func (w *filler) set(sheet string, r int, cells map[string]any) {
	w.t.Helper()
	hdr, err := w.f.GetRows(sheet)
	if err != nil {
		w.t.Fatal(err)
	}
	for h, v := range cells {
		i := slices.Index(hdr[0], h)
		if i < 0 {
			if h == "Mã đơn vị" && v == "" {
				continue // single-unit form: no such column
			}
			w.t.Fatalf("%s has no column %q", sheet, h)
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, r)
		if err := w.f.SetCellValue(sheet, cell, v); err != nil {
			w.t.Fatal(err)
		}
	}
}

// fillGoodYear records a full, good year for one chi bộ: every figure meets
// its threshold. code is "" in a single-unit template.
func fillGoodYear(w *filler, code string) {
	for m := 1; m <= 12; m++ {
		w.row("Sinh hoạt", map[string]any{"Mã đơn vị": code, "Ngày": time.Date(2024, time.Month(m), 10, 0, 0, 0, 0, time.UTC),
			"Loại": "Thường kỳ", "Điểm": 95, "Có mặt": 19, "Tổng số đảng viên": 20})
		if m%3 == 2 {
			w.row("Sinh hoạt", map[string]any{"Mã đơn vị": code, "Ngày": time.Date(2024, time.Month(m), 20, 0, 0, 0, 0, time.UTC),
				"Loại": "Chuyên đề", "Tỷ lệ đảng viên tham gia": 19, "Chuẩn bị": 18, "Tổ chức": 19, "Nguyên tắc": 18, "Kết quả": 18,
				"Có mặt": 19, "Tổng số đảng viên": 20})
		}
	}
	for i, name := range []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"} {
		rating := "Hoàn thành tốt nhiệm vụ"
		if i == 4 {
			rating = "Hoàn thành nhiệm vụ"
		}
		w.row("Đảng viên", map[string]any{"Mã đơn vị": code, "Họ và tên": name, "Xếp loại": rating, "Vi phạm": "Không", "Nhận xét nơi cư trú": "Tốt"})
	}
	w.row("Đảng viên", map[string]any{"Mã đơn vị": code, "Họ và tên": "Đỗ Văn Phúc", "Miễn sinh hoạt": "Có"})
	w.row("Đoàn thể", map[string]any{"Mã đơn vị": code, "Tổ chức": "Công đoàn cơ sở", "Xếp loại": "Hoàn thành tốt nhiệm vụ"})
	if code == "" {
		// A unit's own form lists the 528 criteria: the secretary grades
		// them where they stand, by Mức or by Điểm.
		grades := []map[string]any{{"Mức": "Tốt"}, {"Điểm": 88}, {"Mức": "Trung bình"}, {"Điểm": 70}, {"Mức": "Tốt"}, {"Mức": "Xuất sắc"}}
		for i, g := range grades {
			w.set("Tiêu chí", template.FirstDataRow+i, g)
		}
		return
	}
	w.row("Tiêu chí", map[string]any{"Mã đơn vị": code, "Tiêu chí": "Kết quả thực hiện chương trình xây dựng Đảng", "Nhóm": "Trọng tâm", "Mức": "Tốt"})
	w.row("Tiêu chí", map[string]any{"Mã đơn vị": code, "Tiêu chí": "Kết quả lãnh đạo thực hiện nhiệm vụ chính trị", "Nhóm": "Trọng tâm", "Điểm": 88})
	w.row("Tiêu chí", map[string]any{"Mã đơn vị": code, "Tiêu chí": "Công tác dân vận", "Nhóm": "Khác", "Mức": "Trung bình"})
}

func read(t *testing.T, f *excelize.File, year int) *workbook.Result {
	t.Helper()
	path := filepath.Join(t.TempDir(), "so-bon-tot.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := workbook.Read([]string{path}, workbook.Options{Year: year})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res
}

func noProblems(t *testing.T, ps []criteria.Problem, allowed ...criteria.Severity) {
	t.Helper()
	for _, p := range ps {
		if !slices.Contains(allowed, p.Severity) {
			t.Errorf("%s: %s", p.Severity, p)
		}
	}
}

func TestFilledSingleUnitTemplateIsMet(t *testing.T) {
	f := newTemplate(t, template.Options{Unit: "CB01", Name: "Chi bộ Sở Tư pháp", Type: criteria.CellGrassroots, Year: 2024})
	w := &filler{t: t, f: f}
	w.set("Đơn vị", 2, map[string]any{"Xếp loại": "Hoàn thành xuất sắc nhiệm vụ"})
	fillGoodYear(w, "")
	// Tự đánh giá lists the items already: the secretary only picks Đạt.
	for i := range criteria.Items {
		w.set("Tự đánh giá", template.FirstDataRow+i, map[string]any{"Kết quả": "Đạt"})
	}
	res := read(t, f, 0)
	noProblems(t, res.Dataset.Problems)
	if res.Dataset.Year != 2024 {
		t.Errorf("year = %d, want 2024 from the meetings", res.Dataset.Year)
	}
	rep := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	noProblems(t, rep.Problems)
	if len(rep.Units) != 1 {
		t.Fatalf("%d units, want 1", len(rep.Units))
	}
	u := rep.Units[0]
	if u.Unit.Code != "CB01" || u.Unit.Type != criteria.CellGrassroots {
		t.Errorf("unit = %s %s", u.Unit.Code, u.Unit.Type)
	}
	if len(u.Unit.SelfAssessment) != len(criteria.Items) {
		t.Errorf("%d self-assessed items read, want %d", len(u.Unit.SelfAssessment), len(criteria.Items))
	}
	if u.Verdict != criteria.Met || !u.Commendation {
		for _, c := range u.Criteria {
			for _, ch := range c.Checks {
				if ch.Status != criteria.Met && ch.Status != criteria.NotApplicable {
					t.Logf("%s %s: %s", ch.ID, ch.Status, ch.Message)
				}
			}
		}
		t.Errorf("verdict %s, commendation %v; want dat and commendation", u.Verdict, u.Commendation)
	}
}

func TestFilledBlocTemplateIsMet(t *testing.T) {
	f := newTemplate(t, template.Options{Year: 2024})
	w := &filler{t: t, f: f}
	w.row("Đơn vị", map[string]any{"Mã đơn vị": "CB01", "Tên đơn vị": "Chi bộ Sở Tư pháp", "Loại": "Chi bộ cơ sở", "Xếp loại": "Hoàn thành tốt nhiệm vụ"})
	w.row("Đơn vị", map[string]any{"Mã đơn vị": "CB02", "Tên đơn vị": "Chi bộ Sở Nội vụ", "Loại": "Chi bộ cơ sở"})
	fillGoodYear(w, "CB01")
	fillGoodYear(w, "CB02")
	// The listed items are the first unit's; the second unit's follow.
	for i, it := range criteria.Items {
		w.set("Tự đánh giá", template.FirstDataRow+i, map[string]any{"Mã đơn vị": "CB01", "Kết quả": "Đạt"})
		w.set("Tự đánh giá", template.FirstDataRow+len(criteria.Items)+i, map[string]any{"Mã đơn vị": "CB02", "Mục": it.ID, "Kết quả": "Đạt"})
	}
	res := read(t, f, 2024)
	noProblems(t, res.Dataset.Problems)
	rep := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	noProblems(t, rep.Problems)
	if len(rep.Units) != 2 {
		t.Fatalf("%d units, want 2", len(rep.Units))
	}
	for _, u := range rep.Units {
		if u.Verdict != criteria.Met {
			t.Errorf("%s verdict %s, want dat", u.Unit.Code, u.Verdict)
		}
		if u.Commendation {
			t.Errorf("%s recommended without an HTXSNV rating", u.Unit.Code)
		}
	}
}

// meetingCounts are the checks that count meetings: in a finished year an
// empty Sinh hoạt or Họp cấp ủy sheet means none were held (SPEC §3 lists
// no other reading for them), so they are khong_dat rather than missing.
var meetingCounts = []string{"tc2.regular_count", "tc2.regular_good", "tc2.thematic_count",
	"tc2.committee_meetings", "tc2.standing_meetings", "tc2.assembly"}

func TestUnfilledTemplateReadsAsNoDataYet(t *testing.T) {
	// A chi bộ trực thuộc alone in its workbook names a đảng bộ the reader
	// does not have: a note, and the cell is evaluated on its own.
	for _, typ := range []criteria.UnitType{criteria.CellGrassroots, criteria.CellSubordinate, criteria.Committee} {
		t.Run(string(typ), func(t *testing.T) {
			opts := template.Options{Unit: "U1", Name: "Đơn vị thử", Type: typ, Year: 2024}
			if typ == criteria.CellSubordinate {
				opts.Parent = "DB01"
			}
			f := newTemplate(t, opts)
			res := read(t, f, 0)
			// Nothing to infer the year from is a warning, never an error.
			noProblems(t, res.Dataset.Problems, criteria.SeverityWarning, criteria.SeverityNote)
			if n := len(res.Dataset.Units); n != 1 {
				t.Fatalf("%d units, want 1", n)
			}
			if n := len(res.Dataset.Units[0].SelfAssessment); n != 0 {
				t.Errorf("%d items read from an unfilled sheet, want none", n)
			}
			// The pre-filled 528 criteria, not graded yet, are no error:
			// TC1 names them as missing.
			if n, want := len(res.Dataset.Units[0].Criteria), len(criteria.Criteria528Key)+len(criteria.Criteria528Other); n != want {
				t.Errorf("%d criteria read, want the %d pre-filled", n, want)
			}
			for _, tc := range []struct {
				name string
				opts criteria.Options
				want []criteria.Status
			}{
				{"whole year", criteria.Options{}, []criteria.Status{criteria.MissingData, criteria.NotMet}},
				// Early in the template's year, which the reader now takes
				// as the evaluation year: by March two months
				// without a meeting already make twelve unreachable.
				{"as of January", criteria.Options{AsOf: time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)},
					[]criteria.Status{criteria.MissingData, criteria.Reachable}},
			} {
				rep := criteria.Evaluate(res.Dataset, criteria.Default(), tc.opts)
				noProblems(t, rep.Problems, criteria.SeverityWarning, criteria.SeverityNote)
				u := rep.Units[0]
				for _, ch := range u.Criteria[0].Checks {
					if (ch.ID == "tc1.key_criteria" || ch.ID == "tc1.other_criteria") &&
						(ch.Status != criteria.MissingData || !strings.Contains(ch.Message, "chưa ghi mức hoặc điểm")) {
						t.Errorf("%s: %s %s: %s", tc.name, ch.ID, ch.Status, ch.Message)
					}
				}
				if !slices.Contains(tc.want, u.Verdict) {
					t.Errorf("%s: verdict %s, want one of %v", tc.name, u.Verdict, tc.want)
				}
				for _, c := range u.Criteria {
					for _, ch := range c.Checks {
						if ch.Status == criteria.NotMet && (!tc.opts.AsOf.IsZero() || !slices.Contains(meetingCounts, ch.ID)) {
							t.Errorf("%s: %s khong_dat on an empty template: %s", tc.name, ch.ID, ch.Message)
						}
					}
				}
			}
		})
	}
}

func TestUnfilledBlocTemplateReadsWithoutErrors(t *testing.T) {
	f := newTemplate(t, template.Options{})
	res := read(t, f, 2024)
	noProblems(t, res.Dataset.Problems, criteria.SeverityWarning, criteria.SeverityNote)
	if len(res.Dataset.Units) != 0 {
		t.Errorf("%d units in an empty template", len(res.Dataset.Units))
	}
}
