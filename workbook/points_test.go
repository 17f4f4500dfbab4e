package workbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// TestRatingAsPoints (SPEC §6, bands of Quy định 366): Đảng viên, Cán bộ,
// Đoàn thể and Đơn vị may give Điểm xếp loại instead of Xếp loại, turned into
// a level by the bands (89,99 is HTTNV, 90 HTXSNV); both given and
// disagreeing is a warning naming the cells, the written rating deciding;
// points outside 0–100 are an error at their cell.
func TestRatingAsPoints(t *testing.T) {
	path := writeBook(t, t.TempDir(), "diem.xlsx",
		sheet{"Đơn vị", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Loại", "Điểm xếp loại"},
			{"CB01", "Chi bộ A", "Chi bộ cơ sở", 90},
		}},
		sheet{"Đảng viên", [][]any{
			{"Mã đơn vị", "Họ và tên", "Xếp loại", "Điểm xếp loại"},
			{"CB01", "Nguyễn Văn An", nil, "89,99"},
			{"CB01", "Trần Thị Bình", nil, 90},
			{"CB01", "Lê Văn Cường", "HTNV", 75},
			{"CB01", "Phạm Thị Dung", "HTTNV", 70},
			{"CB01", "Vũ Văn Em", nil, 105},
			{"CB01", "Đỗ Thị Giang", nil, 49.99},
		}},
		sheet{"Cán bộ", [][]any{
			{"Mã đơn vị", "Họ và tên", "Điểm xếp loại"},
			{"CB01", "Hồ Văn Hải", 69.99},
		}},
		sheet{"Đoàn thể", [][]any{
			{"Mã đơn vị", "Tổ chức", "Điểm xếp loại"},
			{"CB01", "Công đoàn", 50},
		}},
	)
	res := readOne(t, path, Options{Year: 2024})
	u := unitByCode(t, res.Dataset, "CB01")
	if u.Rating != criteria.HTXSNV {
		t.Errorf("unit rating %s, want HTXSNV from 90 points", u.Rating.Code())
	}
	var got []string
	for _, m := range u.Members {
		got = append(got, m.Name+" "+m.Rating.Code())
	}
	want := []string{"Nguyễn Văn An HTTNV", "Trần Thị Bình HTXSNV", "Lê Văn Cường HTNV", "Phạm Thị Dung HTTNV", "Đỗ Thị Giang KHTNV"}
	if !slices.Equal(got, want) {
		t.Errorf("members %q, want %q", got, want)
	}
	if len(u.Staff) != 1 || u.Staff[0].Rating != criteria.HTNV {
		t.Errorf("staff %+v, want HTNV from 69,99", u.Staff)
	}
	if len(u.MassOrgs) != 1 || u.MassOrgs[0].Rating != criteria.HTNV {
		t.Errorf("mass orgs %+v, want HTNV from 50", u.MassOrgs)
	}
	lines := problemLines(res)
	wantWarn := `Đảng viên!C4 warning: Xếp loại "HTNV" (ô C4) không khớp Điểm xếp loại 75 (ô D4), theo ngưỡng 90/70/50 là HTTNV; lấy xếp loại đã ghi (HTNV), kiểm tra lại một trong hai ô`
	if !slices.Contains(lines, wantWarn) {
		t.Errorf("no disagreement warning %q in %q", wantWarn, lines)
	}
	if codes := problemCodes(t, res); !slices.Contains(codes, "Đảng viên!D6 score.out_of_range") {
		t.Errorf("no error at D6: %q", codes)
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "Đảng viên!C5") {
			t.Errorf("HTTNV with 70 points agrees, yet: %s", l)
		}
	}

	// Bands from the criteria file: 90 is HTTNV under [95, 80, 60].
	th := criteria.Default()
	th.RatingBands = criteria.RatingBands{95, 80, 60}
	res = readOne(t, path, Options{Year: 2024, Criteria: &th})
	if r := unitByCode(t, res.Dataset, "CB01").Rating; r != criteria.HTTNV {
		t.Errorf("custom bands: unit rating %s, want HTTNV", r.Code())
	}
}

// TestRatingColumnOrPointsRequired: a rating sheet with neither Xếp loại
// nor Điểm xếp loại is still refused, with the words of before.
func TestRatingColumnOrPointsRequired(t *testing.T) {
	path := writeBook(t, t.TempDir(), "thieu.xlsx",
		unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Đảng viên", [][]any{{"Mã đơn vị", "Họ và tên", "Ghi chú"}, {"CB01", "Nguyễn Văn An", "x"}}})
	lines := problemLines(readOne(t, path, Options{Year: 2024}))
	if !slices.ContainsFunc(lines, func(l string) bool {
		return strings.HasPrefix(l, `Đảng viên! error: Thiếu cột bắt buộc "Xếp loại"`)
	}) {
		t.Errorf("%q", lines)
	}
}

// TestReadDiscipline: the four measures, alone or with their decision;
// "Không" and blank are none; "Có" and a measure outside the set are
// errors at their cell.
func TestReadDiscipline(t *testing.T) {
	path := writeBook(t, t.TempDir(), "kyluat.xlsx",
		unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Đảng viên", [][]any{
			{"Mã đơn vị", "Họ và tên", "Xếp loại", "Kỷ luật"},
			{"CB01", "A", "HTNV", "Khiển trách"},
			{"CB01", "B", "HTNV", "cảnh cáo (QĐ 12-QĐ/ĐU ngày 3/5/2024)"},
			{"CB01", "C", "HTNV", "Kỷ luật cách chức"},
			{"CB01", "D", "KHTNV", "Khai trừ ra khỏi Đảng"},
			{"CB01", "E", "HTTNV", "Không"},
			{"CB01", "F", "HTTNV", nil},
			{"CB01", "G", "HTTNV", "Có"},
			{"CB01", "H", "HTTNV", "Phê bình"},
			{"CB01", "I", "HTTNV", "Khai trừu"},
		}})
	res := readOne(t, path, Options{Year: 2024})
	var got []string
	for _, m := range unitByCode(t, res.Dataset, "CB01").Members {
		got = append(got, m.Name+":"+m.Discipline.Label())
	}
	if want := []string{"A:Khiển trách", "B:Cảnh cáo", "C:Cách chức", "D:Khai trừ", "E:", "F:"}; !slices.Equal(got, want) {
		t.Errorf("members %q, want %q", got, want)
	}
	codes := problemCodes(t, res)
	for _, want := range []string{"Đảng viên!D8 value.unclear", "Đảng viên!D9 value.invalid", "Đảng viên!D10 value.invalid"} {
		if !slices.Contains(codes, want) {
			t.Errorf("no %q in %q", want, codes)
		}
	}
	// A slip of one measure gets that measure suggested.
	if lines := problemLines(res); !slices.Contains(lines, `Đảng viên!D10 error: Kỷ luật "Khai trừu" không hợp lệ; có phải "Khai trừ"?`) {
		t.Errorf("no suggestion at D10: %q", lines)
	}
}
