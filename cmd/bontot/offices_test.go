package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/internal/lotest"
)

// officeResult is what an evaluation of one office list says about CB01.
type officeResult struct {
	Status   map[string]string
	Msg      map[string]string
	Problems []string // "severity cell: message"
	Code     int
}

// evaluateOffice runs evaluate --format json --year 2025 on a workbook.
func evaluateOffice(t *testing.T, path string, args ...string) officeResult {
	t.Helper()
	out, stderr, code := runCmd(t, append([]string{"evaluate", "--format", "json", "--year", "2025", path}, args...)...)
	if code != 0 && code != 3 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Units []struct {
			Code     string `json:"code"`
			Criteria []struct {
				Checks []struct{ ID, Status, Message string } `json:"checks"`
			} `json:"criteria"`
		} `json:"units"`
		Problems []struct{ Severity, Cell, Message string } `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Units) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	r := officeResult{Status: map[string]string{}, Msg: map[string]string{}, Code: code}
	for _, c := range doc.Units[0].Criteria {
		for _, ch := range c.Checks {
			r.Status[ch.ID], r.Msg[ch.ID] = ch.Status, ch.Message
		}
	}
	for _, p := range doc.Problems {
		r.Problems = append(r.Problems, p.Severity+" "+p.Cell+": "+p.Message)
	}
	return r
}

func (r officeResult) has(t *testing.T, what string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !slices.ContainsFunc(r.Problems, func(p string) bool { return strings.HasPrefix(p, w) }) {
			t.Errorf("%s: no problem %q in\n%s", what, w, strings.Join(r.Problems, "\n"))
		}
	}
	for _, p := range r.Problems {
		if strings.HasPrefix(p, "error") {
			t.Errorf("%s: unexpected %s", what, p)
		}
	}
}

// officeChecks are the facts every office list must give, whatever the
// route to the file (as generated, or after a round trip through
// LibreOffice).
func officeChecks(t *testing.T, dir string) {
	t.Helper()
	// FORMS item 4: ten rated by the decided step — HTXSNV 2, HTTNV 6,
	// HTNV 1, KHTNV 1 (Lê Văn Cường, HTTNV by himself) — and three not
	// rated, each for the reason its Ghi chú gives.
	r := evaluateOffice(t, filepath.Join(dir, "ds-dang-vien-2025.xlsx"))
	for _, c := range []struct{ id, status, msg string }{
		{"tc1.members_floor", "khong_dat", "9/10 (90%) đảng viên xếp loại từ HTNV trở lên, cần 100%; 1 đảng viên xếp loại dưới HTNV: Lê Văn Cường (KHTNV, Xếp loại ĐV 2025 dòng 11); không tính 1 đảng viên miễn công tác và sinh hoạt đảng; 1 đảng viên bị đình chỉ sinh hoạt đảng; 1 đảng viên mới kết nạp chưa đủ 6 tháng"},
		{"tc1.members_good", "dat", "8/10 (80%) đảng viên xếp loại từ HTTNV trở lên"},
	} {
		if r.Status[c.id] != c.status || !strings.HasPrefix(r.Msg[c.id], c.msg) {
			t.Errorf("member list: %s %s %q, want %s %q", c.id, r.Status[c.id], r.Msg[c.id], c.status, c.msg)
		}
	}
	if m := r.Msg["tc1.members_floor"]; !strings.Contains(m, "Lý Thị Quỳnh (Xếp loại ĐV 2025 dòng 20, mới kết nạp theo Ghi chú)") {
		t.Errorf("member list: the new member is not named: %q", m)
	}
	r.has(t, "member list",
		`note : Sheet "Xếp loại ĐV 2025" được đọc như sheet "Đảng viên" theo dòng tiêu đề 7`,
		`note : Sheet có 3 cột xếp loại; xếp loại là cột quyết định "Cấp ủy có thẩm quyền quyết định" (F)`,
		`note G19: Ghi chú "Miễn công tác và sinh hoạt đảng" đọc là miễn công tác và sinh hoạt đảng`,
		`note G20: Ghi chú "Mới kết nạp, chưa đủ 6 tháng" đọc là mới kết nạp`,
		`note G21: Ghi chú "Đình chỉ sinh hoạt đảng" đọc là đình chỉ sinh hoạt đảng`,
		`note F24: Bảng dừng ở khối chữ ký (ô F24 "Nam Định, ngày 20 tháng 12 năm 2025")`)

	// FORMS item 9: HTXSNV, HTTNV, HTNV ("Khá"), HTTNV by the default table.
	r = evaluateOffice(t, filepath.Join(dir, "doan-the-2025.xlsx"))
	if s, m := r.Status["tc1.mass_orgs"], r.Msg["tc1.mass_orgs"]; s != "dat" || !strings.HasPrefix(m, "4/4 (100%) tổ chức chính trị - xã hội xếp loại từ HTNV trở lên") {
		t.Errorf("mass orgs: %s %q", s, m)
	}
	r.has(t, "mass orgs",
		`note : Sheet có 2 cột xếp loại; xếp loại là cột quyết định "Cấp trên trực tiếp xếp loại" (E)`,
		`note E9: Cấp trên trực tiếp xếp loại "Vững mạnh xuất sắc" của đoàn thể đọc là HTXSNV`,
		`note E11: Cấp trên trực tiếp xếp loại "Khá" của đoàn thể đọc là HTNV`,
		`note E15: Bảng dừng ở khối chữ ký`)

	// FORMS item 5: HTXSNV 2, HTTNV 6, HTNV 2 as decided; the 91 points
	// rated HTTNV are a warning, the decision kept.
	r = evaluateOffice(t, filepath.Join(dir, "diem-dang-vien-2025.xlsx"))
	if s, m := r.Status["tc1.members_floor"], r.Msg["tc1.members_floor"]; s != "dat" || !strings.HasPrefix(m, "10/10 (100%)") {
		t.Errorf("points list: members_floor %s %q", s, m)
	}
	if s, m := r.Status["tc1.members_good"], r.Msg["tc1.members_good"]; s != "dat" || !strings.HasPrefix(m, "8/10 (80%)") {
		t.Errorf("points list: members_good %s %q", s, m)
	}
	r.has(t, "points list",
		`warning F10: Xếp loại "HTTNV" (ô F10) không khớp Tổng điểm 91 (ô E10), theo ngưỡng 90/70/50 là HTXSNV; lấy xếp loại đã ghi (HTTNV)`,
		`note : Bỏ qua các cột không dùng đến: "Nhóm tiêu chí chung (30 điểm)" (C), "Nhóm tiêu chí kết quả thực hiện nhiệm vụ (70 điểm)" (D)`)
	n := 0
	for _, p := range r.Problems {
		if strings.HasPrefix(p, "warning F") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("points list: %d rating warnings, want 1: %q", n, r.Problems)
	}
}

// TestOfficeListsEndToEnd (SPEC §4 "Office layouts"): the published layouts of
// testdata/offices, evaluated, give the numbers their forms hold.
func TestOfficeListsEndToEnd(t *testing.T) {
	officeChecks(t, filepath.Join("..", "..", "testdata", "offices"))
}

// TestMassOrgWordsFromCriteriaFile: mass_org_ratings replaces the default
// table: "Khá" read as KHTNV fails tc1.mass_orgs; a word it leaves out is
// an error naming the key.
func TestMassOrgWordsFromCriteriaFile(t *testing.T) {
	crit := filepath.Join(t.TempDir(), "tc.yaml")
	if err := os.WriteFile(crit, []byte("mass_org_ratings: {\"Vững mạnh xuất sắc\": HTXSNV, \"Vững mạnh\": HTTNV, \"Khá\": KHTNV}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := evaluateOffice(t, filepath.Join("..", "..", "testdata", "offices", "doan-the-2025.xlsx"), "--criteria", crit)
	if s, m := r.Status["tc1.mass_orgs"], r.Msg["tc1.mass_orgs"]; s != "khong_dat" || !strings.HasPrefix(m, "3/4 (75%)") {
		t.Errorf("mass_orgs %s %q", s, m)
	}
	if err := os.WriteFile(crit, []byte("mass_org_ratings: {\"Vững mạnh\": HTTNV}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = evaluateOffice(t, filepath.Join("..", "..", "testdata", "offices", "doan-the-2025.xlsx"), "--criteria", crit)
	if r.Code != 3 || !slices.ContainsFunc(r.Problems, func(p string) bool {
		return strings.HasPrefix(p, `error E9: Xếp loại "Vững mạnh xuất sắc" không hợp lệ`) && strings.Contains(p, "mass_org_ratings")
	}) {
		t.Errorf("exit %d, %q", r.Code, r.Problems)
	}
}

// TestOfficeListsAfterLibreOffice: the office lists read the same after
// LibreOffice has opened and saved them (skipped without soffice).
func TestOfficeListsAfterLibreOffice(t *testing.T) {
	src := filepath.Join("..", "..", "testdata", "offices")
	out := t.TempDir()
	var srcs []string
	for _, name := range []string{"ds-dang-vien-2025.xlsx", "doan-the-2025.xlsx", "diem-dang-vien-2025.xlsx"} {
		srcs = append(srcs, filepath.Join(src, name))
	}
	lotest.Convert(t, out, "xlsx:Calc MS Excel 2007 XML", srcs...)
	officeChecks(t, out)
}

// TestAdmittedLaterAndCommitteeMeetingsAreSaid: a Ngày kết
// nạp after the evaluation year, and Sinh hoạt rows naming a đảng bộ cơ
// sở, are warnings naming the rows, not silently a new member and
// nothing.
func TestAdmittedLaterAndCommitteeMeetingsAreSaid(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet string, rows [][]any) { setSheet(t, f, sheet, rows) }
	set("Sheet1", nil)
	set("Đơn vị", [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại", "Trực thuộc"},
		{"DB01", "Đảng bộ Sở Tư pháp", "Đảng bộ cơ sở"}, {"DB01-01", "Chi bộ Văn phòng", "Chi bộ trực thuộc", "DB01"}})
	set("Sinh hoạt", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"},
		{"DB01-01", "05/03/2025", "Thường kỳ", 92}, {"DB01", "06/03/2025", "Thường kỳ", 90}, {"DB01", "06/04/2025", "Thường kỳ", 90}})
	set("Đảng viên", [][]any{{"Mã đơn vị", "Họ và tên", "Ngày kết nạp", "Xếp loại"},
		{"DB01-01", "Nguyễn Văn An", "15/03/2010", "HTTNV"}, {"DB01-01", "Trần Thị Bình", "15/03/2026", nil}})
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "db.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCmd(t, "evaluate", "--format", "json", "--year", "2025", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`Đảng viên Trần Thị Bình (Đảng viên dòng 3) có Ngày kết nạp 15/03/2026, sau năm đánh giá 2025; sửa lại ngày kết nạp`,
		`2 dòng sinh hoạt ghi cho đảng bộ cơ sở DB01 (đầu tiên: Sinh hoạt dòng 3), nhưng đảng bộ cơ sở không có sinh hoạt chi bộ của riêng mình`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in %s", want, out)
		}
	}
}
