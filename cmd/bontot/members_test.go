package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// membersBook writes a one-unit workbook whose Đảng viên sheet uses the
// optional columns SPEC §6 reads in every profile.
func membersBook(t *testing.T, rows ...[]any) string {
	t.Helper()
	return membersBookWith(t, []any{"Họ và tên", "Đình chỉ sinh hoạt", "Ngày kết nạp", "Xếp loại", "Điểm xếp loại", "Kỷ luật"}, rows...)
}

// membersBookWith is membersBook with the Đảng viên header given.
func membersBookWith(t *testing.T, header []any, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet string, rows [][]any) { setSheet(t, f, sheet, rows) }
	if err := f.SetSheetName("Sheet1", "Đơn vị"); err != nil {
		t.Fatal(err)
	}
	set("Đơn vị", [][]any{{"Mã đơn vị", "Tên đơn vị", "Loại", "Điểm xếp loại"}, {"CB01", "Chi bộ A", "Chi bộ cơ sở", 90}})
	if _, err := f.NewSheet("Đảng viên"); err != nil {
		t.Fatal(err)
	}
	set("Đảng viên", append([][]any{header}, rows...))
	path := filepath.Join(t.TempDir(), "chi-bo.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

type memberCheck struct {
	Rating string
	Status map[string]string
	Msg    map[string]string
}

// evaluateMembers runs evaluate --format json and returns CB01's rating and
// the status and message of each check, with the problems' messages.
func evaluateMembers(t *testing.T, args ...string) (memberCheck, []string) {
	t.Helper()
	out, stderr, code := runCmd(t, append([]string{"evaluate", "--format", "json", "--year", "2024"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Units []struct {
			Rating   string `json:"rating"`
			Criteria []struct {
				Checks []struct{ ID, Status, Message string } `json:"checks"`
			} `json:"criteria"`
		} `json:"units"`
		Problems []struct{ Message string } `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Units) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	mc := memberCheck{Rating: doc.Units[0].Rating, Status: map[string]string{}, Msg: map[string]string{}}
	for _, c := range doc.Units[0].Criteria {
		for _, ch := range c.Checks {
			mc.Status[ch.ID], mc.Msg[ch.ID] = ch.Status, ch.Message
		}
	}
	var probs []string
	for _, p := range doc.Problems {
		probs = append(probs, p.Message)
	}
	return mc, probs
}

// TestOptionalMemberColumnsInBothProfiles: end to end, in hd17-2023 and
// 2025 alike, the suspended member and the member admitted on 2 July are
// out of the member checks, points give ratings, a disciplined member
// fails tc4.no_violations and, rated above HTNV, is warned about; a
// criteria file's rating_bands reach the reader.
func TestOptionalMemberColumnsInBothProfiles(t *testing.T) {
	path := membersBook(t,
		[]any{"Nguyễn Văn An", nil, "15/03/2010", nil, 90},
		[]any{"Trần Thị Bình", nil, nil, "HTTNV", nil},
		[]any{"Lê Văn Cường", "Có", nil, nil, nil},
		[]any{"Phạm Thị Dung", nil, "02/07/2024", nil, nil},
		[]any{"Vũ Văn Em", nil, "01/07/2024", nil, "89,99", "Khiển trách"},
	)
	for _, profile := range []string{"hd17-2023", "2025"} {
		mc, probs := evaluateMembers(t, path, "--profile", profile)
		if mc.Rating != "HTXSNV" {
			t.Errorf("%s: unit rating %q, want HTXSNV from 90 points", profile, mc.Rating)
		}
		// 2025 names the review date (Quy định 366-QĐ/TW art. 5) and rates
		// a disciplined member at most KHTNV (art. 11).
		fresh, ceiling := "chưa đủ 6 tháng, chưa xếp loại", "HTNV"
		if profile == "2025" {
			fresh, ceiling = "chưa đủ 6 tháng đến ngày kiểm điểm 31/12/2024 (cuối năm đánh giá), không xếp loại", "KHTNV"
		}
		if s, m := mc.Status["tc1.members_floor"], mc.Msg["tc1.members_floor"]; s != "dat" ||
			!strings.Contains(m, "3/3 (100%)") || !strings.Contains(m, "không tính 1 đảng viên bị đình chỉ sinh hoạt đảng; 1 đảng viên mới kết nạp "+fresh+": Phạm Thị Dung (Đảng viên dòng 5, kết nạp 02/07/2024)") {
			t.Errorf("%s: members_floor %s %q", profile, s, m)
		}
		if s, m := mc.Status["tc4.no_violations"], mc.Msg["tc4.no_violations"]; s != "khong_dat" || !strings.Contains(m, `Vũ Văn Em (Đảng viên dòng 6): kỷ luật "Khiển trách"`) {
			t.Errorf("%s: no_violations %s %q", profile, s, m)
		}
		if !strings.Contains(strings.Join(probs, "\n"), "Đảng viên Vũ Văn Em (Đảng viên dòng 6) bị kỷ luật khiển trách trong năm nhưng xếp loại HTTNV, cao hơn mức tối đa "+ceiling+" ") {
			t.Errorf("%s: no ceiling warning in %q", profile, probs)
		}
	}
	crit := filepath.Join(t.TempDir(), "tc.yaml")
	if err := os.WriteFile(crit, []byte("rating_bands: [95, 80, 60]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if mc, _ := evaluateMembers(t, path, "--criteria", crit); mc.Rating != "HTTNV" {
		t.Errorf("rating_bands [95, 80, 60]: unit rating %q, want HTTNV", mc.Rating)
	}
}

// TestDecidedRatingColumnInBothProfiles (QĐ 366 art. 12): of the three
// rating columns the decided one is read, in hd17-2023 and 2025 alike: a
// member who rated himself HTXSNV and was decided KHTNV fails the floor,
// and the note names the columns set aside.
func TestDecidedRatingColumnInBothProfiles(t *testing.T) {
	path := membersBookWith(t, []any{"Họ và tên", "Tự đánh giá, xếp loại", "Chi bộ đề xuất", "Cấp ủy có thẩm quyền quyết định"},
		[]any{"Nguyễn Văn An", "HTXSNV", "HTNV", "KHTNV"},
		[]any{"Trần Thị Bình", "HTXSNV", "HTTNV", "HTTNV"},
	)
	for _, profile := range []string{"hd17-2023", "2025"} {
		mc, probs := evaluateMembers(t, path, "--profile", profile)
		if s, m := mc.Status["tc1.members_floor"], mc.Msg["tc1.members_floor"]; s != "khong_dat" || !strings.Contains(m, "Nguyễn Văn An (KHTNV, Đảng viên dòng 2)") {
			t.Errorf("%s: members_floor %s %q", profile, s, m)
		}
		if !strings.Contains(strings.Join(probs, "\n"), `xếp loại là cột quyết định "Cấp ủy có thẩm quyền quyết định" (D), bỏ qua "Tự đánh giá, xếp loại" (B), "Chi bộ đề xuất" (C)`) {
			t.Errorf("%s: no note in %q", profile, probs)
		}
	}
}
