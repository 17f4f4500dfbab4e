package workbook

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestReadSuspendedAndAdmission (SPEC §6, every profile): a Đình chỉ sinh hoạt
// column and "Đình chỉ" in Miễn sinh hoạt both mark a suspended member;
// Ngày kết nạp is read without dating the row, so a member admitted years
// ago is not left out as a row of another year; a bad date is an error at
// its cell.
func TestReadSuspendedAndAdmission(t *testing.T) {
	path := writeBook(t, t.TempDir(), "dv.xlsx",
		unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"Đảng viên", [][]any{
			{"Mã đơn vị", "Họ và tên", "Miễn sinh hoạt", "Đình chỉ sinh hoạt", "Ngày kết nạp", "Xếp loại"},
			{"CB01", "Nguyễn Văn An", "Đình chỉ sinh hoạt đảng", nil, "15/03/2010", "HTTNV"},
			{"CB01", "Trần Thị Bình", nil, "Có", nil, nil},
			{"CB01", "Lê Văn Cường", "Có", "Không", "02/07/2024", nil},
			{"CB01", "Phạm Thị Dung", nil, nil, "32/13/2024", "HTNV"},
		}})
	res := readOne(t, path, Options{Year: 2024})
	u := unitByCode(t, res.Dataset, "CB01")
	if len(u.Members) != 3 {
		t.Fatalf("%d members read, want 3 (the bad date's row left out): %+v", len(u.Members), u.Members)
	}
	a, b, c := u.Members[0], u.Members[1], u.Members[2]
	if !a.Suspended || a.Exempt || !a.AdmittedOn.Time().Equal(time.Date(2010, 3, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("An: suspended %v exempt %v admitted %v", a.Suspended, a.Exempt, a.AdmittedOn)
	}
	if !b.Suspended || b.Exempt || !b.AdmittedOn.IsZero() {
		t.Errorf("Bình: suspended %v exempt %v admitted %v", b.Suspended, b.Exempt, b.AdmittedOn)
	}
	if c.Suspended || !c.Exempt || !c.AdmittedOn.Time().Equal(time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Cường: suspended %v exempt %v admitted %v", c.Suspended, c.Exempt, c.AdmittedOn)
	}
	codes := problemCodes(t, res)
	if !slices.Contains(codes, "Đảng viên!E5 value.bad_date") {
		t.Errorf("no bad date at Đảng viên!E5: %q", codes)
	}
	for _, l := range codes {
		if strings.HasSuffix(l, " year.rows_left_out") {
			t.Errorf("a row left out as another year's: %s", l)
		}
	}
}
