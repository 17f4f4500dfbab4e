package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// phieuReport is the part of the JSON a score-sheet run is checked on.
type phieuReport struct {
	Units []struct {
		Code     string `json:"code"`
		Verdict  string `json:"verdict"`
		Criteria []struct {
			ID     string `json:"id"`
			Checks []struct {
				ID      string   `json:"id"`
				Status  string   `json:"status"`
				Value   *float64 `json:"value"`
				Message string   `json:"message"`
			} `json:"checks"`
		} `json:"criteria"`
	} `json:"units"`
	Problems []struct {
		Code     string `json:"code"`
		Severity string `json:"severity"`
		Sheet    string `json:"sheet"`
		Cell     string `json:"cell"`
		Message  string `json:"message"`
	} `json:"problems"`
}

func phieuJSON(t *testing.T, args ...string) (phieuReport, int) {
	t.Helper()
	out, stderr, code := runCmd(t, append([]string{"evaluate", "--format", "json"}, args...)...)
	var r phieuReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr)
	}
	return r, code
}

func (r phieuReport) check(id string) (status, message string) {
	for _, c := range r.Units[0].Criteria {
		for _, ch := range c.Checks {
			if ch.ID == id {
				return ch.Status, ch.Message
			}
		}
	}
	return "", ""
}

// TestEvaluateScoreSheets: a chi bộ that keeps its meetings as score
// sheets gets TC2 judged from them in both profiles — 12 regular and 4
// thematic meetings, the upper committee's score deciding, the evidence
// naming the group that lost points; under 2025 the upper committee's gap
// of 14 points in May is a warning naming T5!E20. A total row that
// disagrees makes the unit loi_du_lieu, exit 3.
func TestEvaluateScoreSheets(t *testing.T) {
	for _, c := range []struct {
		profile, group string
		gapWarning     bool
	}{{"hd17-2023", "nhóm III Tổ chức 30/40; nhóm V Kết quả 17/20", false}, {"2025", "nhóm III Tổ chức sinh hoạt chi bộ 30/40; nhóm V Kết quả sinh hoạt 17/20", true}} {
		r, code := phieuJSON(t, "../../testdata/phieu/phieu-cham.xlsx", "--profile", c.profile)
		if code != 0 {
			t.Errorf("%s: exit %d", c.profile, code)
		}
		for id, want := range map[string]string{"tc2.regular_count": "dat", "tc2.regular_good": "dat", "tc2.thematic_count": "dat"} {
			if st, msg := r.check(id); st != want {
				t.Errorf("%s %s: %s %s", c.profile, id, st, msg)
			}
		}
		if _, msg := r.check("tc2.regular_good"); !strings.Contains(msg, "10/12 buổi thường kỳ đạt Tốt") ||
			!strings.Contains(msg, "12/03/2024 (87 điểm cấp trên chấm, "+c.group+"; T3)") {
			t.Errorf("%s evidence: %s", c.profile, msg)
		}
		warned := false
		for _, p := range r.Problems {
			if p.Sheet == "T5" && p.Cell == "E20" && p.Code == "score.upper_gap" {
				warned = true
			}
		}
		if warned != c.gapWarning {
			t.Errorf("%s: gap warning %v, want %v: %+v", c.profile, warned, c.gapWarning, r.Problems)
		}
	}
	r, code := phieuJSON(t, "../../testdata/phieu/phieu-tong-sai.xlsx")
	if code != 3 || r.Units[0].Verdict != "loi_du_lieu" || len(r.Problems) == 0 || r.Problems[0].Sheet != "T4" || r.Problems[0].Cell != "D20" || r.Problems[0].Code != "score.total_mismatch" {
		t.Errorf("bad total: exit %d, %s, %+v", code, r.Units[0].Verdict, r.Problems)
	}
	if st, msg := r.check("tc2.regular_count"); st != "khong_dat" || !strings.Contains(msg, "11 buổi") {
		t.Errorf("bad total leaves the meeting out: %s %s", st, msg)
	}
}

// TestValidateUnderProfile: validate reads under the criteria in force,
// so the upper committee's gap is said where the profile sets it.
func TestValidateUnderProfile(t *testing.T) {
	out, _, code := runCmd(t, "validate", "../../testdata/phieu/phieu-cham.xlsx", "--profile", "2025")
	if code != 0 || !strings.Contains(out, "E20") || !strings.Contains(out, "chênh 14 điểm") {
		t.Errorf("2025: exit %d\n%s", code, out)
	}
	out, _, code = runCmd(t, "validate", "../../testdata/phieu/phieu-cham.xlsx")
	if code != 0 || strings.Contains(out, "chênh") {
		t.Errorf("hd17-2023: exit %d\n%s", code, out)
	}
	_, stderr, code := runCmd(t, "validate", "../../testdata/phieu/phieu-cham.xlsx", "--profile", "2030")
	if code != 1 || !strings.Contains(stderr, `không có bộ quy tắc "2030"`) {
		t.Errorf("unknown profile: exit %d %s", code, stderr)
	}
}

// TestEvaluatePublished2025ScoreSheets: score sheets kept on the published
// 2025 sheet evaluate under --profile 2025 without a data problem (exit
// 0), TC2 met, the evidence naming the published groups that lost points.
func TestEvaluatePublished2025ScoreSheets(t *testing.T) {
	r, code := phieuJSON(t, "../../testdata/phieu/phieu-2025.xlsx", "--profile", "2025")
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	for _, p := range r.Problems {
		// The workbook has no Tự đánh giá sheet: the warning of items
		// not self-assessed names none.
		if p.Code != "self_assessment.missing" || p.Sheet != "" {
			t.Errorf("problem %s %s!%s: %s", p.Severity, p.Sheet, p.Cell, p.Message)
		}
	}
	for _, id := range []string{"tc2.regular_count", "tc2.regular_good", "tc2.regular_no_weak", "tc2.thematic_count", "tc2.thematic_quarterly"} {
		if st, msg := r.check(id); st != "dat" {
			t.Errorf("%s: %s %s", id, st, msg)
		}
	}
	if _, msg := r.check("tc2.regular_good"); !strings.Contains(msg,
		"12/03/2024 (88 điểm, nhóm III Công tác chuẩn bị 6/10; nhóm IV Tổ chức sinh hoạt chi bộ 22/30; T3)") {
		t.Errorf("evidence: %s", msg)
	}
}

// TestEvaluatePublishedScoreLayouts (SPEC §4 "Score sheets"): the published
// score-sheet layouts of testdata/phieu evaluated end to end — the Hướng dẫn
// 12 form signed in the next month, the eight-group form with the quarter's
// thematic meeting held with a regular one, the year's summary — count 12
// regular and 4 thematic meetings, 11 of the 12 tốt; the bốn tốt self-scoring
// table counts none and says what it is.
func TestEvaluatePublishedScoreLayouts(t *testing.T) {
	for _, c := range []struct {
		file    string
		args    []string
		regular float64
		good    string
	}{
		{"phieu-hd12.xlsx", nil, 12, "11/12 buổi thường kỳ đạt Tốt"},
		{"phieu-8-nhom.xlsx", []string{"--profile", "2025"}, 12, "11/12 buổi thường kỳ đạt Tốt"},
		{"tong-hop-2024.xlsx", nil, 12, "11/12 buổi thường kỳ đạt Tốt"},
		{"bon-tot-2024.xlsx", []string{"--year", "2024"}, 0, ""},
	} {
		r, _ := phieuJSON(t, append([]string{"../../testdata/phieu/" + c.file}, c.args...)...)
		value := func(id string) float64 {
			for _, cr := range r.Units[0].Criteria {
				for _, ch := range cr.Checks {
					if ch.ID == id && ch.Value != nil {
						return *ch.Value
					}
				}
			}
			return -1
		}
		thematic := 4.0
		if c.regular == 0 {
			thematic = 0
		}
		// No meeting at all (the bốn tốt table) leaves the checks without
		// a value: the unit has no meeting data.
		if got := value("tc2.regular_count"); got != c.regular && !(c.regular == 0 && got < 0) {
			t.Errorf("%s: %v regular meetings, want %v", c.file, got, c.regular)
		}
		if got := value("tc2.thematic_count"); got != thematic && !(thematic == 0 && got < 0) {
			t.Errorf("%s: %v thematic meetings, want %v", c.file, got, thematic)
		}
		if _, msg := r.check("tc2.regular_good"); c.good != "" && !strings.Contains(msg, c.good) {
			t.Errorf("%s: %s", c.file, msg)
		}
		if c.regular == 0 {
			noted := false
			for _, p := range r.Problems {
				noted = noted || (p.Code == "scoresheet.yearly" && strings.Contains(p.Message, "bảng chấm điểm chi bộ bốn tốt"))
			}
			if !noted {
				t.Errorf("%s: no note saying what it is: %+v", c.file, r.Problems)
			}
		}
	}
}
