package workbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

// readRatings reads a workbook of CB01 whose Đảng viên sheet has rows,
// and returns the members' ratings ("name rating"), the problems as lines
// (problemLines), the unit, and the problems' codes (problemCodes).
func readRatings(t *testing.T, rows [][]any, setup func(f *excelize.File)) ([]string, []string, *criteria.Unit, []string) {
	t.Helper()
	path := writeBookOpts(t, t.TempDir(), "xeploai.xlsx", setup,
		unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Đảng viên", rows})
	res := readOne(t, path, Options{Year: 2024})
	u := unitByCode(t, res.Dataset, "CB01")
	var got []string
	for _, m := range u.Members {
		got = append(got, m.Name+" "+m.Rating.Code())
	}
	return got, problemLines(res), u, problemCodes(t, res)
}

// TestSeveralRatingColumnsDecidedOneIsTheRating (QĐ 366 art. 12): the
// column the competent committee decides is the rating, the self-rating
// and the proposal are ignored with a note naming the sheet and columns;
// a self-rating above the decision is no error, nor is text there that is
// no rating at all.
func TestSeveralRatingColumnsDecidedOneIsTheRating(t *testing.T) {
	got, lines, u, _ := readRatings(t, [][]any{
		{"Mã đơn vị", "Họ và tên", "Tự đánh giá, xếp loại", "Chi bộ đề xuất", "Cấp ủy có thẩm quyền quyết định"},
		{"CB01", "Nguyễn Văn An", "HTXSNV", "HTTNV", "HTNV"},
		{"CB01", "Trần Thị Bình", "tự thấy tốt", "HTTNV", "HTTNV"},
	}, nil)
	if want := []string{"Nguyễn Văn An HTNV", "Trần Thị Bình HTTNV"}; !slices.Equal(got, want) {
		t.Errorf("ratings %q, want %q", got, want)
	}
	want := `Đảng viên! note: Sheet có 3 cột xếp loại; xếp loại là cột quyết định "Cấp ủy có thẩm quyền quyết định" (E), bỏ qua "Tự đánh giá, xếp loại" (C), "Chi bộ đề xuất" (D)`
	if !slices.Contains(lines, want) {
		t.Errorf("no note %q in %q", want, lines)
	}
	for _, l := range lines {
		if strings.Contains(l, " error: ") || strings.Contains(l, " warning: ") {
			t.Errorf("unexpected problem: %s", l)
		}
	}
	if u.HasErrors {
		t.Error("unit marked with errors")
	}
}

// TestSeveralRatingColumnsUnderAMergedTitle: the usual printed form, a
// "Xếp loại chất lượng" title merged over the three steps; "Kết quả xếp
// loại" and "cấp có thẩm quyền" name the decided one too. Read as one row,
// the title alone would bind the self-rating below it.
func TestSeveralRatingColumnsUnderAMergedTitle(t *testing.T) {
	for _, decided := range []string{"Cấp có thẩm quyền quyết định", "Kết quả xếp loại", "Cấp có thẩm quyền"} {
		got, lines, _, codes := readRatings(t, [][]any{
			{"Mã đơn vị", "Họ và tên", "Xếp loại chất lượng"},
			{nil, nil, "Cá nhân tự đánh giá", "Chi bộ đề xuất", decided},
			{"CB01", "Nguyễn Văn An", "Hoàn thành xuất sắc nhiệm vụ", "HTTNV", "HTNV"},
		}, func(f *excelize.File) {
			for _, r := range []string{"A1:A2", "B1:B2", "C1:E1"} {
				a, b, _ := strings.Cut(r, ":")
				if err := f.MergeCell("Đảng viên", a, b); err != nil {
					t.Fatal(err)
				}
			}
		})
		if want := []string{"Nguyễn Văn An HTNV"}; !slices.Equal(got, want) {
			t.Errorf("%s: ratings %q, want %q; problems %q", decided, got, want, lines)
		}
		if !slices.Equal(codes, []string{"Đảng viên! sheet.rating_chosen"}) {
			t.Errorf("%s: problems %q", decided, codes)
		}
		// The note names the column read and those left out.
		if !slices.ContainsFunc(lines, func(l string) bool {
			return strings.HasPrefix(l, "Đảng viên! note: Sheet có 3 cột xếp loại; xếp loại là cột quyết định "+quote(decided)+" (E), bỏ qua")
		}) {
			t.Errorf("%s: no note in %q", decided, lines)
		}
	}
}

// TestSeveralRatingColumnsNoneDecidedIsAnError: several rating columns of
// which none (or more than one) is the decided one: an error naming the
// sheet and the columns, the sheet not read, the unit loi_du_lieu; no
// guessing. Xếp loại beside Điểm xếp loại is one rating, not two.
func TestSeveralRatingColumnsNoneDecidedIsAnError(t *testing.T) {
	for _, c := range []struct {
		header []any
		want   string
	}{
		{[]any{"Mã đơn vị", "Họ và tên", "Tự xếp loại", "Chi bộ đề xuất"},
			`Đảng viên! error: Sheet có 2 cột xếp loại ("Tự xếp loại" (C), "Chi bộ đề xuất" (D)) nhưng không rõ cột nào là kết quả do cấp có thẩm quyền quyết định`},
		{[]any{"Mã đơn vị", "Họ và tên", "Xếp loại", "Xếp loại chất lượng"},
			`Đảng viên! error: Sheet có 2 cột xếp loại ("Xếp loại" (C), "Xếp loại chất lượng" (D)) nhưng không rõ`},
		{[]any{"Mã đơn vị", "Họ và tên", "Cấp ủy quyết định", "Kết quả xếp loại"},
			`Đảng viên! error: Sheet có 2 cột kết quả xếp loại ("Cấp ủy quyết định" (C), "Kết quả xếp loại" (D)); chỉ được có một cột`},
	} {
		got, lines, u, codes := readRatings(t, [][]any{c.header, {"CB01", "Nguyễn Văn An", "HTTNV", "HTNV"}}, nil)
		if len(got) != 0 || !u.HasErrors {
			t.Errorf("%v: members %q read, errors %v", c.header, got, u.HasErrors)
		}
		if !slices.Contains(codes, "Đảng viên! sheet.rating_columns") {
			t.Errorf("%v: problems %q", c.header, codes)
		}
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, c.want) }) {
			t.Errorf("%v: no %q in %q", c.header, c.want, lines)
		}
	}

	// One rating column of any name reads as before; with points beside it.
	for _, header := range [][]any{
		{"Mã đơn vị", "Họ và tên", "Kết quả xếp loại"},
		{"Mã đơn vị", "Họ và tên", "Xếp loại chất lượng", "Điểm xếp loại"},
		{"Mã đơn vị", "Họ và tên", "Xếp loại", "Ghi chú"},
		{"Mã đơn vị", "Họ và tên", "Xếp loại", "Xếp loại thi đua"},
		{"Mã đơn vị", "Họ và tên", "Xếp loại", "Xếp loại năm trước"},
	} {
		got, lines, _, _ := readRatings(t, [][]any{header, {"CB01", "Nguyễn Văn An", "HTTNV", 80, "x"}}, nil)
		if want := []string{"Nguyễn Văn An HTTNV"}; !slices.Equal(got, want) {
			t.Errorf("%v: %q, problems %q", header, got, lines)
		}
	}
}

// TestPlainRatingBesideEarlierStepsIsTheDecision: "Xếp loại" beside a
// self-rating and a proposal names no step, every other column names an
// earlier one: it is the rating, by elimination, with the note.
func TestPlainRatingBesideEarlierStepsIsTheDecision(t *testing.T) {
	got, lines, _, _ := readRatings(t, [][]any{
		{"Mã đơn vị", "Họ và tên", "Tự đánh giá, xếp loại", "Chi bộ đề xuất", "Xếp loại"},
		{"CB01", "Nguyễn Văn An", "HTXSNV", "HTTNV", "HTNV"},
	}, nil)
	if want := []string{"Nguyễn Văn An HTNV"}; !slices.Equal(got, want) {
		t.Errorf("ratings %q, want %q", got, want)
	}
	want := `Đảng viên! note: Sheet có 3 cột xếp loại; xếp loại là cột "Xếp loại" (E) (các cột kia là tự đánh giá hoặc đề xuất), bỏ qua "Tự đánh giá, xếp loại" (C), "Chi bộ đề xuất" (D)`
	if !slices.Contains(lines, want) {
		t.Errorf("no note %q in %q", want, lines)
	}
}

// TestUnitSelfRatingAliasStillReads: on Đơn vị "Tự xếp loại" alone is
// the unit's rating, as before; beside a decided column it gives way.
func TestUnitSelfRatingAliasStillReads(t *testing.T) {
	for _, c := range []struct {
		header []any
		want   criteria.Rating
	}{
		{[]any{"Mã đơn vị", "Tên đơn vị", "Loại", "Tự xếp loại"}, criteria.HTXSNV},
		{[]any{"Mã đơn vị", "Tên đơn vị", "Loại", "Tự xếp loại", "Cấp ủy cấp trên quyết định"}, criteria.HTTNV},
		{[]any{"Mã đơn vị", "Tên đơn vị", "Loại", "Tự xếp loại", "Xếp loại"}, criteria.HTTNV},
	} {
		path := writeBook(t, t.TempDir(), "dv.xlsx", sheet{"Đơn vị", [][]any{c.header, {"CB01", "Chi bộ A", "Chi bộ cơ sở", "HTXSNV", "HTTNV"}}})
		res := readOne(t, path, Options{Year: 2024})
		if r := unitByCode(t, res.Dataset, "CB01").Rating; r != c.want {
			t.Errorf("%v: rating %s, want %s; %q", c.header, r.Code(), c.want.Code(), problemLines(res))
		}
	}
}
