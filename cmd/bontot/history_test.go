package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// example2025 is the example bloc for the 2025 rules, with a Lịch sử sheet.
const example2025 = "../../testdata/khoi-2024-quy-tac-2025.xlsx"

type unit2025 struct {
	Code              string           `json:"code"`
	Verdict           string           `json:"verdict"`
	Commendation      bool             `json:"commendation"`
	CommendationLevel *string          `json:"commendation_level"`
	History           *json.RawMessage `json:"history"`
	Criteria          []struct {
		Checks []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"checks"`
	} `json:"criteria"`
}

func evaluate2025(t *testing.T, args ...string) (map[string]unit2025, string, string) {
	t.Helper()
	out, stderr, code := runCmd(t, append([]string{"evaluate", example2025, "--format", "json"}, args...)...)
	// 3: under hd17-2023 the eight score groups of CB06 are data errors
	// (TestExample2025Rules).
	if code != 0 && code != 3 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc struct {
		Units []unit2025 `json:"units"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	units := map[string]unit2025{}
	for _, u := range doc.Units {
		units[u.Code] = u
	}
	return units, out, stderr
}

// TestExample2025UnderBothProfiles runs the README's command on the 2025
// example: the second commendation list, the higher awards and the
// thematic meetings of each quarter under 2025; under hd17-2023 the same
// book evaluates as before, with Lịch sử passed over in a note.
func TestExample2025UnderBothProfiles(t *testing.T) {
	units, out, _ := evaluate2025(t, "--profile", "2025")
	type want struct {
		verdict, level string
		higher         bool
	}
	for code, w := range map[string]want{
		"DB01":    {"dat", "cap_tren_co_so", true},
		"DB02":    {"dat", "", false},
		"DB01-01": {"dat", "dang_uy_co_so", true},
		"DB01-02": {"dat", "dang_uy_co_so", false}, // four years
		"DB01-03": {"khong_dat", "", true},         // HTXSNV, not dat; six years HTXSNV
		"DB01-04": {"dat", "", false},              // HTTNV
		"DB01-05": {"khong_dat", "", false},        // no thematic meeting in Q2
		"DB02-01": {"dat", "dang_uy_co_so", false}, // 2022 missing
		"CB01":    {"dat", "cap_tren_co_so", true},
		"CB02":    {"dat", "", false},
	} {
		u := units[code]
		level := ""
		if u.CommendationLevel != nil {
			level = *u.CommendationLevel
		}
		var h struct {
			HigherAward bool `json:"higher_award"`
		}
		if u.History == nil || json.Unmarshal(*u.History, &h) != nil {
			t.Errorf("%s: history %v", code, u.History)
		}
		if u.Verdict != w.verdict || level != w.level || u.Commendation != (w.level != "") || h.HigherAward != w.higher {
			t.Errorf("%s: verdict %s, commendation %v %q, higher award %v; want %+v", code, u.Verdict, u.Commendation, level, h.HigherAward, w)
		}
	}
	if !strings.Contains(out, `"stop": "năm 2022 không có trong Lịch sử"`) {
		t.Error("DB02-01's gap year is not the reason its streak stops")
	}

	old, out, _ := evaluate2025(t)
	if strings.Contains(out, "commendation_level") || strings.Contains(out, `"history"`) {
		t.Error("hd17-2023 JSON has a 2025 key")
	}
	if u := old["DB01-05"]; u.Verdict != "dat" {
		t.Errorf("hd17-2023: DB01-05 %s, want dat (four thematic meetings)", u.Verdict)
	}
	for _, code := range []string{"DB01-01", "DB01-02", "DB02-01"} {
		if old[code].Commendation {
			t.Errorf("hd17-2023 commends chi bộ trực thuộc %s", code)
		}
	}
	if !strings.Contains(out, "Sheet Lịch sử (kết quả các năm trước) chỉ được đọc với bộ quy tắc 2025") {
		t.Error("hd17-2023 does not say it passed over Lịch sử")
	}

	// CSV keeps its columns: commendation is true on both lists, the type
	// tells them apart.
	csv, _, code := runCmd(t, "evaluate", example2025, "--profile", "2025", "--format", "csv")
	if code != 0 || !strings.Contains(csv, "\nchi_bo_truc_thuoc,5,DB01-01,Chi bộ Văn phòng Sở,DB01,,dat,true,tc1,") ||
		!strings.HasPrefix(csv, "\uFEFFtype,rank,code,name,parent,cluster,verdict,commendation,criterion,") {
		t.Errorf("CSV (exit %d) lacks DB01-01 as commended", code)
	}

	table, _, code := runCmd(t, "evaluate", example2025, "--profile", "2025")
	if code != 0 || !strings.Contains(table, "  DB01 Đảng bộ Sở Y tế:\n    - DB01-02 Chi bộ Phòng Nghiệp vụ Y") ||
		!strings.Contains(table, "  - DB01-01 Chi bộ Văn phòng Sở (chi bộ trực thuộc): HTXSNV: 5 năm liên tục") {
		t.Errorf("table (exit %d):\n%s", code, table)
	}
}

// TestCriteriaShowsCommendationRules: bontot criteria states the 2025
// commendation rules and exports their keys; under hd17-2023 it says
// nothing of them and exports them off.
func TestCriteriaShowsCommendationRules(t *testing.T) {
	out, _, code := runCmd(t, "criteria", "--profile", "2025")
	if code != 0 || !strings.Contains(out, "\nKhen thưởng:\n") ||
		!strings.Contains(out, "Đề nghị khen thưởng cấp cao hơn (history_streaks, history_streak_years): HTXSNV đủ 5 năm liên tục, tính cả năm đánh giá (Hướng dẫn 06-HD/TW)") ||
		!strings.Contains(out, "số năm liên tục đạt \"bốn tốt\" chỉ để theo dõi") ||
		!strings.Contains(out, "bị đình chỉ sinh hoạt đảng (Quy định 366-QĐ/TW, Điều 5)") {
		t.Errorf("criteria --profile 2025 (exit %d):\n%s", code, out)
	}
	old, _, _ := runCmd(t, "criteria", "--profile", "hd17-2023")
	if strings.Contains(old, "Hướng dẫn 06-HD/TW") {
		t.Error("hd17-2023 criteria mention Hướng dẫn 06-HD/TW")
	}
	for profile, want := range map[string][]string{
		"2025":      {"\ncommendation_subordinate: true\n", "\nhistory_streaks: true\n", "\nhistory_streak_years: 5\n"},
		"hd17-2023": {"\ncommendation_subordinate: false\n", "\nhistory_streaks: false\n", "\nhistory_streak_years: 5\n"},
	} {
		file := t.TempDir() + "/tieu-chi.yaml"
		if _, stderr, code := runCmd(t, "criteria", "--profile", profile, "--export", file); code != 0 {
			t.Fatalf("export %s: exit %d, %s", profile, code, stderr)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s export lacks %q", profile, w)
			}
		}
	}
}
