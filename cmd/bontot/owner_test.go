package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// ownerReport is the part of the JSON the runs of SPEC §4 "Whose
// workbook" and "One unit, several workbooks" are checked on.
type ownerReport struct {
	Units []struct {
		Code     string  `json:"code"`
		Name     string  `json:"name"`
		Type     string  `json:"type"`
		Parent   *string `json:"parent"`
		Verdict  string  `json:"verdict"`
		Criteria []struct {
			Checks []struct {
				ID     string   `json:"id"`
				Status string   `json:"status"`
				Value  *float64 `json:"value"`
			} `json:"checks"`
		} `json:"criteria"`
	} `json:"units"`
	Problems []struct {
		Code     string `json:"code"`
		Severity string `json:"severity"`
		File     string `json:"file"`
		Sheet    string `json:"sheet"`
		Cell     string `json:"cell"`
		Message  string `json:"message"`
	} `json:"problems"`
}

func ownerJSON(t *testing.T, args ...string) (ownerReport, string, int) {
	t.Helper()
	out, stderr, code := runCmd(t, append([]string{"evaluate", "--format", "json"}, args...)...)
	var r ownerReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr)
	}
	return r, stderr, code
}

// value is the value of check id of the only unit, -1 when absent.
func (r ownerReport) value(t *testing.T, id string) float64 {
	t.Helper()
	for _, c := range r.Units[0].Criteria {
		for _, ch := range c.Checks {
			if ch.ID == id {
				if ch.Value == nil {
					t.Errorf("%s: no value (%s)", id, ch.Status)
					return -1
				}
				return *ch.Value
			}
		}
	}
	t.Errorf("no check %s", id)
	return -1
}

// Workbooks with no Đơn vị sheet are evaluated as the unit their header
// blocks name, and the report says first what was taken from which cell:
// a chi bộ trực thuộc under "ĐẢNG BỘ SỞ …", a chi bộ cơ sở under "ĐẢNG ỦY
// KHỐI …", a chi bộ's three files as one unit, and the score-sheet
// workbook beside the sổ declaring CB01 alike.
func TestEvaluateWorkbooksWithoutUnitSheet(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata")
	for _, c := range []struct {
		name               string
		args               []string
		code, typ, parent  string
		regular, thematic  float64
		membersGood, orgs  float64
		leadFile, leadCell string
		lead               string
	}{
		{"chi bộ trực thuộc", []string{filepath.Join(dir, "owner", "truc-thuoc.xlsx")}, "CB-VAN-PHONG-SO", "chi_bo_truc_thuoc", "ĐẢNG BỘ SỞ TƯ PHÁP",
			12, 4, 0.8, 1, "truc-thuoc.xlsx", "A2", `đơn vị của sổ là "CHI BỘ VĂN PHÒNG SỞ" (chi bộ trực thuộc, dưới "ĐẢNG BỘ SỞ TƯ PHÁP" ở ô A1), lấy từ khối tên cấp ủy ở đầu sheet; mã "CB-VAN-PHONG-SO" tạo từ tên`},
		{"chi bộ cơ sở", []string{filepath.Join(dir, "owner", "co-so.xlsx")}, "CB-SO-NOI-VU", "chi_bo_co_so", "",
			12, 4, 0.8, 1, "co-so.xlsx", "A2", `đơn vị của sổ là "CHI BỘ SỞ NỘI VỤ" (chi bộ cơ sở, dưới "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" ở ô A1)`},
		{"three files of one chi bộ", []string{filepath.Join(dir, "owner", "ba-tep")}, "CB-VAN-PHONG-SO", "chi_bo_truc_thuoc", "ĐẢNG BỘ SỞ TƯ PHÁP",
			12, 4, 0.8, 1, "1-sinh-hoat.xlsx", "A2", `đơn vị của sổ là "CHI BỘ VĂN PHÒNG SỞ" (chi bộ trực thuộc`},
		{"score sheets beside the sổ", []string{filepath.Join(dir, "phieu", "phieu-cham.xlsx"), filepath.Join(dir, "owner", "so-cb01.xlsx")}, "CB01", "chi_bo_co_so", "",
			12, 4, 0.8, 1, "", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, stderr, code := ownerJSON(t, c.args...)
			if code != exitOK {
				t.Errorf("exit %d, want 0\n%s", code, stderr)
			}
			if len(r.Units) != 1 {
				t.Fatalf("%d units, want one", len(r.Units))
			}
			u := r.Units[0]
			parent := ""
			if u.Parent != nil {
				parent = *u.Parent
			}
			if u.Code != c.code || u.Type != c.typ || parent != c.parent {
				t.Errorf("unit %s %s parent %q, want %s %s %q", u.Code, u.Type, parent, c.code, c.typ, c.parent)
			}
			for id, want := range map[string]float64{"tc2.regular_count": c.regular, "tc2.thematic_count": c.thematic,
				"tc1.members_good": c.membersGood, "tc1.mass_orgs": c.orgs} {
				if got := r.value(t, id); got != want {
					t.Errorf("%s = %v, want %v", id, got, want)
				}
			}
			for _, p := range r.Problems {
				if p.Severity == "error" {
					t.Errorf("error: %+v", p)
				}
			}
			if c.lead == "" {
				if strings.Contains(stderr, "ghi chú") {
					t.Errorf("a Đơn vị sheet decides, yet stderr says:\n%s", stderr)
				}
				merged := false
				for _, p := range r.Problems {
					merged = merged || p.Code == "unit.merged"
				}
				if !merged {
					t.Errorf("no note of the merge: %+v", r.Problems)
				}
				return
			}
			p := r.Problems[0]
			// The note names the unit and where it was taken from.
			if p.Code != "owner.taken" || p.File != c.leadFile || p.Cell != c.leadCell || !strings.Contains(p.Message, c.lead) {
				t.Errorf("first problem = %+v, want the note %q at %s!%s", p, c.lead, c.leadFile, c.leadCell)
			}
			if !strings.Contains(stderr, "bontot: ghi chú: "+c.leadFile) {
				t.Errorf("stderr lacks the note:\n%s", stderr)
			}
		})
	}
}

// A workbook whose unit cannot be told is refused, saying what to write
// where (SPEC §4 "Whose workbook").
func TestEvaluateWorkbookOfNoKnownUnit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "so.xlsx")
	writeSimpleBook(t, path, "Sinh hoạt", [][]any{{"Ngày", "Loại", "Điểm"}, {"10/01/2024", "Thường kỳ", 90}})
	_, stderr, code := runCmd(t, "evaluate", path)
	if code != exitFailure {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"không biết sổ này của đơn vị nào", `ô A2 "CHI BỘ …"`, `thêm sheet "Đơn vị"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// writeSimpleBook writes a workbook of one sheet.
func writeSimpleBook(t *testing.T, path, sheet string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
