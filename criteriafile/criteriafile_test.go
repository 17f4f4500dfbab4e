package criteriafile

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

func TestThresholdsRoundTrip(t *testing.T) {
	custom := criteria.Default()
	custom.RegularGoodShare = 0.8
	custom.KeyCriteriaLevel = criteria.LevelExcellent
	custom.MassOrgsFloor = criteria.HTTNV
	custom.ScoreGroups[0].Max, custom.ScoreGroups[1].Max, custom.ScoreGroups[2].Max = 10, 25, 25
	custom.FullMarksGroups = []string{"Nguyên tắc"}
	custom.UpperScoreGap = 7.5
	custom.SkipChecks = []string{"tc1.staff_floor", "tc1.staff_good"}
	custom.RequireStaff = true
	custom.Strict = true
	custom.MeetingGood = 92.5
	custom.PilotLargeSuborgs = 9
	for _, th := range []criteria.Thresholds{criteria.Default(), custom, Profile2025Thresholds(t)} {
		data := Marshal(th)
		got, err := ParseThresholds(data, "x.yaml")
		if err != nil {
			t.Fatalf("parse exported file: %v\n%s", err, data)
		}
		if !reflect.DeepEqual(got, th) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, th)
		}
		// Every key is written, each under a comment.
		for _, key := range ThresholdKeys() {
			i := strings.Index(string(data), "\n"+key+":")
			if i < 0 {
				t.Errorf("key %s not written", key)
				continue
			}
			prev := string(data[:i])
			if !strings.HasPrefix(prev[strings.LastIndex(prev, "\n")+1:], "# ") {
				t.Errorf("key %s has no comment", key)
			}
		}
	}
}

func TestParseThresholdsOverrides(t *testing.T) {
	th, err := ParseThresholds([]byte(`
# a comment
regular_good_share: 0.8
key_criteria_level: Xuất sắc
other_criteria_level: "TRUNG BINH"
mass_orgs_floor: hoàn thành tốt nhiệm vụ
regular_meetings: 10
require_mass_orgs: true
skip_checks: [tc1.admission]
group_max: [10, 30, 20, 20, 20]
`), "tieu-chi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := criteria.Default()
	want.RegularGoodShare = 0.8
	want.KeyCriteriaLevel = criteria.LevelExcellent
	want.MassOrgsFloor = criteria.HTTNV
	want.RegularMeetings = 10
	want.RequireMassOrgs = true
	want.SkipChecks = []string{"tc1.admission"}
	want.ScoreGroups[0].Max, want.ScoreGroups[1].Max = 10, 30
	if !reflect.DeepEqual(th, want) {
		t.Errorf("got %+v\nwant %+v", th, want)
	}
	for _, empty := range []string{"", "# only comments\n", "---\n"} {
		if th, err := ParseThresholds([]byte(empty), "e.yaml"); err != nil || !reflect.DeepEqual(th, criteria.Default()) {
			t.Errorf("%q: %v, %+v", empty, err, th)
		}
	}
}

func TestParseThresholdsErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"wrong type", "strict: false\n\nregular_good_share: abc\n",
			`tieu-chi.yaml dòng 3: khóa "regular_good_share" phải là số từ 0 đến 1, gặp "abc"`},
		{"percent instead of share", "regular_good_share: 75\n", `(75% viết là 0.75)`},
		{"decimal comma", "regular_good_share: 0,8\n", `(viết dấu chấm thập phân: 0.8)`},
		{"negative share", "members_good_share: -0.1\n", `dòng 1: khóa "members_good_share" phải là số từ 0 đến 1, gặp "-0.1"`},
		{"quoted number", "regular_meetings: \"12\"\n", `khóa "regular_meetings" phải là số nguyên từ 0 đến 100, gặp "12"`},
		{"fraction count", "thematic_meetings: 3.5\n", `khóa "thematic_meetings" phải là số nguyên`},
		{"score out of range", "meeting_good: 120\n", `khóa "meeting_good" phải là số điểm từ 0 đến 100, gặp "120"`},
		{"empty value", "meeting_good:\n", `gặp giá trị trống`},
		{"list for a number", "meeting_good: [90]\n", `gặp một danh sách`},
		{"unknown key with suggestion", "strict: true\nregular_good_shar: 0.8\n", `tieu-chi.yaml dòng 2: khóa "regular_good_shar" không có trong danh mục tiêu chí; có phải "regular_good_share"?`},
		{"unknown key", "color: red\n", `khóa "color" không có trong danh mục tiêu chí (xem bontot criteria --export)`},
		{"duplicate key", "strict: true\nstrict: false\n", `dòng 2: khóa "strict" đã có ở dòng 1`},
		{"bool", "strict: có\n", `khóa "strict" phải là true hoặc false, gặp "có"`},
		{"level", "key_criteria_level: giỏi\n", `phải là một mức: kem, trung_binh, tot, xuat_sac`},
		{"rating", "mass_orgs_floor: A\n", `phải là một mức xếp loại: KHTNV, HTNV, HTTNV, HTXSNV`},
		{"group count", "group_max: [50, 50]\n", `khóa "group_max" phải là danh sách 5 số dương`},
		{"group sum", "meeting_good: 95\ngroup_max: [20, 20, 20, 20, 10]\n", `dòng 2: khóa "group_max": điểm tối đa của 5 nhóm phải cộng lại bằng 100, gặp 90`},
		{"declared group sum", "score_groups:\n  - {name: A, max: 50}\n  - {name: B, max: 40}\n", `dòng 1: khóa "score_groups": điểm tối đa của 2 nhóm phải cộng lại bằng 100, gặp 90`},
		{"group without max", "score_groups:\n  - {name: A}\n", `khóa "score_groups" nhóm thứ 1 (dòng 2): cần có name và max`},
		{"group spelling twice", "score_groups:\n  - {name: A, max: 50, spellings: [X]}\n  - {name: B, max: 50, spellings: [x]}\n", `nhóm thứ 2 (dòng 3): cách ghi "x" đã dùng cho nhóm "A"`},
		{"group unknown key", "score_groups:\n  - {name: A, max: 100, maxi: 3}\n", `khóa "maxi" không dùng được`},
		{"both group keys", "score_groups:\n  - {name: A, max: 100}\ngroup_max: [100]\n", `khóa "group_max" (cách ghi cũ) và khóa "score_groups"`},
		{"gate names no group", "full_marks_groups: [Nội dung]\n", `khóa "full_marks_groups": "Nội dung" không phải tên một nhóm của score_groups (Tỷ lệ đảng viên tham gia; Chuẩn bị; Tổ chức; Nguyên tắc; Kết quả)`},
		{"gap out of range", "upper_score_gap: -1\n", `khóa "upper_score_gap" phải là số điểm từ 0 đến 100`},
		{"band order", "meeting_good: 90\nmeeting_fair: 95\n", `tieu-chi.yaml dòng 2: mức điểm sinh hoạt: khóa "meeting_good" (90) phải lớn hơn khóa "meeting_fair" (95)`},
		{"criteria band order", "criteria_average: 80\n", `dòng 1: mức điểm tiêu chí: khóa "criteria_good" (70) phải lớn hơn khóa "criteria_average" (80)`},
		{"unknown skipped check", "skip_checks: [tc9.x]\n", `"tc9.x" không có`},
		{"skip an item", "skip_checks: [tc1.q1]\n", `"tc1.q1" không có`},
		{"not a mapping", "- a\n- b\n", `tệp tiêu chí phải là các dòng "khóa: giá trị", gặp một danh sách`},
		{"syntax", "a: [1, 2\n", `tieu-chi.yaml dòng 1: không đúng cú pháp YAML`},
		{"syntax with a line", "meeting_good: 90\nmeeting_fair: 80\n  x: [\n", `tieu-chi.yaml dòng 3: không đúng cú pháp YAML (xem mẫu: bontot criteria --export)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseThresholds([]byte(tt.yaml), "tieu-chi.yaml")
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nlacks %q", err, tt.want)
			}
			// The YAML parser's English stays out of the sentence.
			for _, en := range []string{"yaml:", "did not find", "expected", "mapping values", "line "} {
				if strings.Contains(err.Error(), en) {
					t.Errorf("error %q keeps the parser's %q", err, en)
				}
			}
		})
	}
}

// TestSettingsListEveryKey: `bontot criteria` shows every key, the first
// under its section.
func TestSettingsListEveryKey(t *testing.T) {
	th := criteria.Default()
	if len(Settings(th)) != len(ThresholdKeys()) || Settings(th)[0].Section == "" {
		t.Error("settings incomplete")
	}
	// A share as a committee writes it reads as the rules take it.
	if th, err := ParseThresholds([]byte("regular_good_share: 0.80\n"), "tieu-chi.yaml"); err != nil || th.RegularGoodShare != 0.8 {
		t.Errorf("regular_good_share: %v, %v", th.RegularGoodShare, err)
	}
}

// Profile2025Thresholds is the 2025 profile for the round trip.
func Profile2025Thresholds(t *testing.T) criteria.Thresholds {
	t.Helper()
	th, err := criteria.ProfileThresholds(criteria.Profile2025)
	if err != nil {
		t.Fatal(err)
	}
	th.FullMarksGroups = []string{"Tổ chức sinh hoạt chi bộ", "Kết quả lãnh đạo thực hiện kết luận, nghị quyết"}
	return th
}
