package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bontot/bontot/internal/lotest"
)

// sentFolderChecks are the facts of testdata/offices/chi-bo-gui, the
// three files one chi bộ sends up (score sheets on the eight-group form,
// the member list, the mass organisations in their own words), none with
// a Đơn vị sheet: one unit, a chi bộ trực thuộc of ĐẢNG BỘ SỞ TƯ PHÁP,
// with every file's rows.
func sentFolderChecks(t *testing.T, dir string) {
	t.Helper()
	r := evaluateOffice(t, dir)
	for id, want := range map[string]string{
		"tc2.regular_count":      "12 buổi sinh hoạt thường kỳ",
		"tc2.thematic_count":     "4 buổi sinh hoạt chuyên đề",
		"tc2.regular_good":       "11/12 buổi thường kỳ đạt Tốt",
		"tc2.thematic_quarterly": "Cả 4 quý",
		"tc1.members_floor":      "9/10 (90%) đảng viên xếp loại từ HTNV trở lên",
		"tc1.members_good":       "8/10 (80%)",
		"tc1.mass_orgs":          "4/4 (100%)",
	} {
		if !strings.Contains(r.Msg[id], want) {
			t.Errorf("%s: %q lacks %q", id, r.Msg[id], want)
		}
	}
	if r.Status["tc1.members_floor"] != "khong_dat" || !strings.Contains(r.Msg["tc1.members_floor"], "Lê Văn Cường (KHTNV") {
		t.Errorf("members_floor %s: %s", r.Status["tc1.members_floor"], r.Msg["tc1.members_floor"])
	}
	for _, who := range []string{"miễn công tác và sinh hoạt đảng", "bị đình chỉ sinh hoạt đảng", "mới kết nạp"} {
		if !strings.Contains(r.Msg["tc1.members_good"], who) {
			t.Errorf("members_good does not leave out the member %s: %s", who, r.Msg["tc1.members_good"])
		}
	}
	notes := 0
	for _, p := range r.Problems {
		if strings.Contains(p, `đơn vị của sổ là "CHI BỘ VĂN PHÒNG SỞ" (chi bộ trực thuộc, dưới "ĐẢNG BỘ SỞ TƯ PHÁP" ở ô A1)`) {
			notes++
		}
	}
	if notes != 3 {
		t.Errorf("%d notes of whose workbook each file is, want 3:\n%s", notes, strings.Join(r.Problems, "\n"))
	}
}

// TestSentFolderIsOneUnit (SPEC §4 "One unit, several workbooks"): a folder
// of three files of one chi bộ, as it sends them, is evaluated as that one
// chi bộ.
func TestSentFolderIsOneUnit(t *testing.T) {
	sentFolderChecks(t, filepath.Join("..", "..", "testdata", "offices", "chi-bo-gui"))
}

// TestSentFolderAfterLibreOffice: the same facts once LibreOffice has
// opened and saved each file (skipped without soffice).
func TestSentFolderAfterLibreOffice(t *testing.T) {
	src := filepath.Join("..", "..", "testdata", "offices", "chi-bo-gui")
	out := t.TempDir()
	names, err := filepath.Glob(filepath.Join(src, "*.xlsx"))
	if err != nil || len(names) != 3 {
		t.Fatalf("%v %v", names, err)
	}
	lotest.Convert(t, out, "xlsx:Calc MS Excel 2007 XML", names...)
	sentFolderChecks(t, out)
}
