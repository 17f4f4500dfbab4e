// Package criteriafile reads and writes the criteria file: the YAML file
// in which a committee makes the criteria concrete (Hướng dẫn 17-HD/ĐUK,
// mục I.2) and gives its Excel report's heading and signature (the report
// section). It holds every key with its section and Vietnamese comment,
// the parser with its messages naming the key and line, and the commented
// export; criteria keeps the rules and imports no file format.
package criteriafile

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/bontot/bontot/criteria"
)

// param is one key of a criteria file: how to read it, how to write it and
// what to tell the user about it. One table serves ParseThresholds,
// MarshalYAMLWithComments and `bontot criteria`, so they cannot drift.
type param struct {
	key     string
	section string // heading written before the key, "" to continue the section
	comment string // Vietnamese, one line
	get     func(t *criteria.Thresholds) string
	// set stores the value of n into t; on failure it returns what the key
	// must be ("phải là số từ 0 đến 1").
	set func(t *criteria.Thresholds, n *yaml.Node) string
	// short, when set, is the value in a few words for the comment of a
	// key whose value takes several lines.
	short func(t *criteria.Thresholds) string
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// numberOf reads a plain YAML number; quoted text, NaN and infinities are
// not numbers here.
func numberOf(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, false
	}
	var f float64
	if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// commaHint helps the many users whose spreadsheets write 0,75.
func commaHint(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && strings.Contains(n.Value, ",") {
		if _, err := strconv.ParseFloat(strings.Replace(n.Value, ",", ".", 1), 64); err == nil {
			return fmt.Sprintf(" (viết dấu chấm thập phân: %s)", strings.Replace(n.Value, ",", ".", 1))
		}
	}
	return ""
}

func shareParam(key, section, comment string, f func(*criteria.Thresholds) *float64) param {
	return param{key: key, section: section, comment: comment,
		get: func(t *criteria.Thresholds) string { return formatFloat(*f(t)) },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			v, ok := numberOf(n)
			if !ok || v < 0 || v > 1 {
				hint := commaHint(n)
				if ok && v > 1 && v <= 100 {
					hint = fmt.Sprintf(" (%s%% viết là %s)", formatFloat(v), formatFloat(v/100))
				}
				return "phải là số từ 0 đến 1" + hint
			}
			*f(t) = v
			return ""
		}}
}

func scoreParam(key, section, comment string, f func(*criteria.Thresholds) *float64) param {
	return param{key: key, section: section, comment: comment,
		get: func(t *criteria.Thresholds) string { return formatFloat(*f(t)) },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			v, ok := numberOf(n)
			if !ok || v < 0 || v > 100 {
				return "phải là số điểm từ 0 đến 100" + commaHint(n)
			}
			*f(t) = v
			return ""
		}}
}

func countParam(key, section, comment string, lo int, f func(*criteria.Thresholds) *int) param {
	return param{key: key, section: section, comment: comment,
		get: func(t *criteria.Thresholds) string { return strconv.Itoa(*f(t)) },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			v, ok := numberOf(n)
			if !ok || v != math.Trunc(v) || v < float64(lo) || v > 100 {
				return fmt.Sprintf("phải là số nguyên từ %d đến 100", lo)
			}
			*f(t) = int(v)
			return ""
		}}
}

func boolParam(key, section, comment string, f func(*criteria.Thresholds) *bool) param {
	return param{key: key, section: section, comment: comment,
		get: func(t *criteria.Thresholds) string { return strconv.FormatBool(*f(t)) },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
				return "phải là true hoặc false"
			}
			var b bool
			if err := n.Decode(&b); err != nil {
				return "phải là true hoặc false"
			}
			*f(t) = b
			return ""
		}}
}

func levelParam(key, section, comment string, f func(*criteria.Thresholds) *criteria.Level) param {
	return param{key: key, section: section, comment: comment,
		get: func(t *criteria.Thresholds) string { return f(t).Code() },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			if n.Kind == yaml.ScalarNode {
				for l := criteria.LevelWeak; l <= criteria.LevelExcellent; l++ {
					if k := criteria.Fold(n.Value); k == criteria.Fold(l.Code()) || k == criteria.Fold(l.Label()) {
						*f(t) = l
						return ""
					}
				}
			}
			return "phải là một mức: kem, trung_binh, tot, xuat_sac"
		}}
}

func ratingParam(key, section, comment string, f func(*criteria.Thresholds) *criteria.Rating) param {
	return param{key: key, section: section, comment: comment,
		get: func(t *criteria.Thresholds) string { return f(t).Code() },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			if n.Kind == yaml.ScalarNode {
				for r := criteria.KHTNV; r <= criteria.HTXSNV; r++ {
					if k := criteria.Fold(n.Value); k == criteria.Fold(r.Code()) || k == criteria.Fold(r.Label()) {
						*f(t) = r
						return ""
					}
				}
			}
			return "phải là một mức xếp loại: KHTNV, HTNV, HTTNV, HTXSNV"
		}}
}

// ceilingParam is ratingParam that also takes khong ("không"): no
// ceiling, no warning.
func ceilingParam(key, section, comment string, f func(*criteria.Thresholds) *criteria.Rating) param {
	p := ratingParam(key, section, comment, f)
	get, set := p.get, p.set
	p.get = func(t *criteria.Thresholds) string {
		if *f(t) == criteria.RatingNone {
			return "khong"
		}
		return get(t)
	}
	p.set = func(t *criteria.Thresholds, n *yaml.Node) string {
		if n.Kind == yaml.ScalarNode && criteria.Fold(n.Value) == "khong" {
			*f(t) = criteria.RatingNone
			return ""
		}
		if want := set(t, n); want != "" {
			return "phải là một mức xếp loại: KHTNV, HTNV, HTTNV, HTXSNV, hoặc khong"
		}
		return ""
	}
	return p
}

// profileParam is the "profile" key: the profile the file's other keys
// override. ParseThresholdsOver applies it before them, wherever it stands
// in the file; set only checks the name.
var profileParam = param{key: "profile", section: "Bộ quy tắc",
	comment: "Bộ quy tắc làm nền: " + strings.Join(criteria.ProfileNames(), " hoặc ") + "; các khóa dưới đây ghi đè lên bộ quy tắc này",
	get: func(t *criteria.Thresholds) string {
		if t.Profile == "" {
			return criteria.DefaultProfile // thresholds built by hand are today's rules
		}
		return t.Profile
	},
	set: func(t *criteria.Thresholds, n *yaml.Node) string {
		if n.Kind != yaml.ScalarNode || criteria.ProfileTitle(n.Value) == "" {
			return "phải là tên một bộ quy tắc: " + strings.Join(criteria.ProfileNames(), ", ")
		}
		t.Profile = n.Value
		return ""
	}}

// params lists every key of a criteria file in the order it is written.
var params = []param{
	profileParam,

	levelParam("key_criteria_level", "Tiêu chí 1 — Lãnh đạo hoàn thành tốt nhiệm vụ chính trị",
		"Mức tối thiểu của mọi tiêu chí nhóm Trọng tâm (Quy định 528-QĐ/TU): kem, trung_binh, tot, xuat_sac",
		func(t *criteria.Thresholds) *criteria.Level { return &t.KeyCriteriaLevel }),
	levelParam("other_criteria_level", "", "Mức tối thiểu của các tiêu chí còn lại",
		func(t *criteria.Thresholds) *criteria.Level { return &t.OtherCriteriaLevel }),
	scoreParam("criteria_excellent", "", levelKeyComment(criteria.LevelExcellent),
		func(t *criteria.Thresholds) *float64 { return &t.CriteriaExcellent }),
	scoreParam("criteria_good", "", levelKeyComment(criteria.LevelGood),
		func(t *criteria.Thresholds) *float64 { return &t.CriteriaGood }),
	scoreParam("criteria_average", "", levelKeyComment(criteria.LevelAverage),
		func(t *criteria.Thresholds) *float64 { return &t.CriteriaAverage }),
	shareParam("members_floor_share", "", "Chi bộ: tỷ lệ tối thiểu đảng viên (không tính người miễn sinh hoạt) xếp loại từ HTNV trở lên; 1 là 100%",
		func(t *criteria.Thresholds) *float64 { return &t.MembersFloorShare }),
	shareParam("members_good_share", "", "Chi bộ: tỷ lệ tối thiểu đảng viên xếp loại từ HTTNV trở lên",
		func(t *criteria.Thresholds) *float64 { return &t.MembersGoodShare }),
	countParam("new_member_months", "", "Đảng viên kết nạp chưa đủ số tháng này tính đến hết năm đánh giá (cột Ngày kết nạp) được để trống xếp loại mà không thiếu dữ liệu; 0 là không áp dụng",
		0, func(t *criteria.Thresholds) *int { return &t.NewMemberMonths }),
	boolParam("new_members_not_rated", "", "true: đảng viên kết nạp chưa đủ new_member_months tháng đến ngày kiểm điểm (--review-date; không có thì ngày chạy nếu là năm hiện tại, hoặc 31/12) không được đánh giá, xếp loại: không tính vào mọi tỷ lệ và tc4.residence kể cả khi đã ghi xếp loại (có cảnh báo) (Quy định 366-QĐ/TW, Điều 5); false: chỉ đảng viên mới để trống xếp loại không bị tính, mốc là 31/12",
		func(t *criteria.Thresholds) *bool { return &t.NewMembersNotRated }),
	{key: "rating_bands", comment: "Xếp loại cho bằng điểm (cột Điểm xếp loại, 0–100): điểm tối thiểu của HTXSNV, HTTNV, HTNV; thấp hơn là KHTNV (Quy định 366-QĐ/TW)",
		get: func(t *criteria.Thresholds) string {
			b := t.RatingBands
			return "[" + formatFloat(b[0]) + ", " + formatFloat(b[1]) + ", " + formatFloat(b[2]) + "]"
		},
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			const want = "phải là danh sách 3 số điểm giảm dần từ 100 đến 0 (HTXSNV, HTTNV, HTNV), ví dụ [90, 70, 50]"
			if n.Kind != yaml.SequenceNode || len(n.Content) != len(t.RatingBands) {
				return want
			}
			var b criteria.RatingBands
			for i, c := range n.Content {
				v, ok := numberOf(c)
				if !ok || v < 0 || v > 100 || (i > 0 && v >= b[i-1]) {
					return want
				}
				b[i] = v
			}
			t.RatingBands = b
			return ""
		}},
	ratingParam("discipline_ceiling", "", "Mức xếp loại cao nhất của đảng viên bị kỷ luật trong năm (cột Kỷ luật); xếp loại cao hơn thì cảnh báo (Quy định 366-QĐ/TW, Điều 11: KHTNV)",
		func(t *criteria.Thresholds) *criteria.Rating { return &t.DisciplineCeiling }),
	ceilingParam("violation_ceiling", "", "Mức xếp loại cao nhất của đảng viên vi phạm những điều đảng viên không được làm (cột Vi phạm); xếp loại cao hơn thì cảnh báo (Quy định 366-QĐ/TW, Điều 11: KHTNV); khong là không cảnh báo",
		func(t *criteria.Thresholds) *criteria.Rating { return &t.ViolationCeiling }),
	shareParam("suborgs_floor_share", "", "Đảng bộ cơ sở: tỷ lệ tối thiểu chi bộ trực thuộc xếp loại từ HTNV trở lên",
		func(t *criteria.Thresholds) *float64 { return &t.SuborgsFloorShare }),
	shareParam("suborgs_good_share", "", "Đảng bộ cơ sở: tỷ lệ tối thiểu chi bộ trực thuộc xếp loại từ HTTNV trở lên",
		func(t *criteria.Thresholds) *float64 { return &t.SuborgsGoodShare }),
	shareParam("staff_floor_share", "", "Tỷ lệ tối thiểu cán bộ, công chức, viên chức xếp loại từ HTNV trở lên",
		func(t *criteria.Thresholds) *float64 { return &t.StaffFloorShare }),
	shareParam("staff_good_share", "", "Tỷ lệ tối thiểu cán bộ, công chức, viên chức xếp loại từ HTTNV trở lên",
		func(t *criteria.Thresholds) *float64 { return &t.StaffGoodShare }),
	boolParam("require_staff", "", "true: mọi đơn vị phải có danh sách cán bộ (trang Cán bộ); false: đơn vị không ghi thì không áp dụng",
		func(t *criteria.Thresholds) *bool { return &t.RequireStaff }),
	ratingParam("mass_orgs_floor", "", "Mức xếp loại tối thiểu của mọi tổ chức chính trị - xã hội: KHTNV, HTNV, HTTNV, HTXSNV",
		func(t *criteria.Thresholds) *criteria.Rating { return &t.MassOrgsFloor }),
	massOrgWordsParam,
	boolParam("require_mass_orgs", "", "true: mọi đơn vị phải ghi tổ chức chính trị - xã hội (trang Đoàn thể); false: không ghi thì không áp dụng",
		func(t *criteria.Thresholds) *bool { return &t.RequireMassOrgs }),

	countParam("regular_meetings", "Tiêu chí 2 — Chất lượng sinh hoạt tốt",
		"Chi bộ: số buổi sinh hoạt thường kỳ tối thiểu trong năm", 0,
		func(t *criteria.Thresholds) *int { return &t.RegularMeetings }),
	shareParam("regular_good_share", "", "Chi bộ: tỷ lệ tối thiểu buổi sinh hoạt thường kỳ đạt chất lượng Tốt (0.75 là 75%)",
		func(t *criteria.Thresholds) *float64 { return &t.RegularGoodShare }),
	countParam("thematic_meetings", "", "Chi bộ: số buổi sinh hoạt chuyên đề tối thiểu trong năm", 0,
		func(t *criteria.Thresholds) *int { return &t.ThematicMeetings }),
	boolParam("thematic_quarterly", "", "true: chi bộ phải có ít nhất một buổi sinh hoạt chuyên đề mỗi quý (Chỉ thị 50-CT/TW), kiểm tra tc2.thematic_quarterly của Tiêu chí 2; false: quý không có buổi nào chỉ bị cảnh báo",
		func(t *criteria.Thresholds) *bool { return &t.ThematicQuarterly }),
	countParam("committee_meetings", "", "Đảng bộ cơ sở: số kỳ họp ban chấp hành tối thiểu trong năm", 0,
		func(t *criteria.Thresholds) *int { return &t.CommitteeMeetings }),
	countParam("standing_meetings", "", "Đảng bộ cơ sở có ban thường vụ: số kỳ họp ban thường vụ tối thiểu trong năm", 0,
		func(t *criteria.Thresholds) *int { return &t.StandingMeetings }),
	countParam("assemblies", "", "Đảng bộ cơ sở: số hội nghị, đại hội toàn đảng bộ tối thiểu trong năm", 0,
		func(t *criteria.Thresholds) *int { return &t.Assemblies }),
	scoreParam("meeting_good", "", bandKeyComment(criteria.QualityGood),
		func(t *criteria.Thresholds) *float64 { return &t.MeetingGood }),
	scoreParam("meeting_fair", "", bandKeyComment(criteria.QualityFair),
		func(t *criteria.Thresholds) *float64 { return &t.MeetingFair }),
	scoreParam("meeting_average", "", bandKeyComment(criteria.QualityAverage),
		func(t *criteria.Thresholds) *float64 { return &t.MeetingAverage }),
	scoreGroupsParam,
	{key: "full_marks_groups", comment: "Các nhóm (ghi theo tên trong score_groups) phải đạt điểm tối đa thì buổi sinh hoạt mới được xếp Tốt, ví dụ [\"Nguyên tắc\"]; [] là không đặt điều kiện này",
		get: func(t *criteria.Thresholds) string { return quotedList(t.FullMarksGroups) },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			names, ok := stringList(n)
			if !ok {
				return "phải là danh sách tên nhóm, ví dụ [\"Nguyên tắc\"]"
			}
			t.FullMarksGroups = names
			return ""
		}},
	{key: "upper_score_gap", comment: "Buổi sinh hoạt có cả điểm cấp ủy cấp trên chấm thì lấy điểm cấp trên; chênh lệch với điểm chi bộ tự chấm quá số điểm này thì cảnh báo (0 là không cảnh báo)",
		get: func(t *criteria.Thresholds) string { return formatFloat(t.UpperScoreGap) },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			v, ok := numberOf(n)
			if !ok || v < 0 || v > 100 {
				return "phải là số điểm từ 0 đến 100" + commaHint(n)
			}
			t.UpperScoreGap = v
			return ""
		}},
	shareParam("attendance_warn", "", "Cảnh báo buổi sinh hoạt có tỷ lệ có mặt từ mức này trở xuống (0.85 là 85%), hoặc dưới mức này nếu attendance_warn_below là true",
		func(t *criteria.Thresholds) *float64 { return &t.AttendanceWarn }),
	boolParam("attendance_warn_below", "",
		"true: chỉ cảnh báo buổi có tỷ lệ có mặt dưới attendance_warn (phiếu chấm điểm năm 2025 cho đủ điểm từ 90%); false: cả buổi đúng bằng mức đó",
		func(t *criteria.Thresholds) *bool { return &t.AttendanceWarnBelow }),

	boolParam("strict", "Chung",
		"true: mục tự đánh giá chưa ghi làm tiêu chí của nó thành \"thiếu dữ liệu\" (như --strict)",
		func(t *criteria.Thresholds) *bool { return &t.Strict }),
	{key: "skip_checks", comment: "Các mã kiểm tra mà cấp ủy không áp dụng khi cụ thể hóa tiêu chí, ví dụ [\"tc1.staff_floor\", \"tc1.staff_good\"]",
		get: func(t *criteria.Thresholds) string {
			s := make([]string, len(t.SkipChecks))
			for i, id := range t.SkipChecks {
				s[i] = strconv.Quote(id)
			}
			return "[" + strings.Join(s, ", ") + "]"
		},
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			const want = "phải là danh sách mã kiểm tra, ví dụ [\"tc1.staff_floor\"]"
			if n.Kind != yaml.SequenceNode {
				return want
			}
			var ids []string // nil when empty, as in Default()
			for _, c := range n.Content {
				if c.Kind != yaml.ScalarNode {
					return want
				}
				if d, ok := criteria.CheckDefByID(c.Value); !ok || d.Criterion == "" {
					return fmt.Sprintf("chỉ gồm mã kiểm tra có trong danh mục (xem bontot criteria); %q không có", c.Value)
				}
				ids = append(ids, c.Value)
			}
			t.SkipChecks = ids
			return ""
		}},

	countParam("pilot_large_suborgs", "Tổ chức thực hiện (mục III, không tính vào kết quả)",
		"Đảng bộ cơ sở có từ số chi bộ trực thuộc này trở lên thì phải chọn nhiều chi bộ làm điểm hơn", 1,
		func(t *criteria.Thresholds) *int { return &t.PilotLargeSuborgs }),
	countParam("pilot_large_count", "", "Số chi bộ làm điểm tối thiểu của đảng bộ đông chi bộ", 0,
		func(t *criteria.Thresholds) *int { return &t.PilotLargeCount }),
	countParam("pilot_small_count", "", "Số chi bộ làm điểm tối thiểu của đảng bộ ít chi bộ", 0,
		func(t *criteria.Thresholds) *int { return &t.PilotSmallCount }),
	countParam("pilot_cluster_committees", "", "Mỗi cụm có đúng số đảng bộ cơ sở làm điểm này", 0,
		func(t *criteria.Thresholds) *int { return &t.PilotClusterCommittees }),
	countParam("pilot_cluster_cells", "", "Mỗi cụm có đúng số chi bộ cơ sở làm điểm này", 0,
		func(t *criteria.Thresholds) *int { return &t.PilotClusterCells }),
	boolParam("quota_htxsnv", "", "true: kiểm tra quota.htxsnv — số đảng viên xếp loại HTXSNV của mỗi đơn vị không quá tỷ lệ htxsnv_share (không tính vào kết quả)",
		func(t *criteria.Thresholds) *bool { return &t.QuotaHTXSNV }),
	shareParam("htxsnv_share", "", "Số HTXSNV tối đa bằng tỷ lệ này của số xếp loại HTTNV (xem htxsnv_base), làm tròn xuống (0.2 là 20%; 0.25 nơi cấp ủy cho phép)",
		func(t *criteria.Thresholds) *float64 { return &t.HTXSNVShare }),
	{key: "htxsnv_base", comment: "Tỷ lệ HTXSNV tính trên: httnv — số xếp loại đúng HTTNV, HTXSNV không tính vào (Quy định 366-QĐ/TW, Điều 11); httnv_or_above — số xếp loại từ HTTNV trở lên, kể cả HTXSNV",
		get: func(t *criteria.Thresholds) string { return string(t.HTXSNVBase) },
		set: func(t *criteria.Thresholds, n *yaml.Node) string {
			if n.Kind == yaml.ScalarNode {
				for _, b := range []criteria.HTXSNVBase{criteria.BaseHTTNV, criteria.BaseHTTNVOrAbove} {
					if criteria.Fold(n.Value) == criteria.Fold(string(b)) {
						t.HTXSNVBase = b
						return ""
					}
				}
			}
			return "phải là httnv hoặc httnv_or_above"
		}},
	boolParam("quota_htxsnv_subordinate", "", "true: quota.htxsnv có thêm một kết quả cho đảng viên của từng chi bộ trực thuộc (kết quả chung của đảng bộ cơ sở và của từng chi bộ cơ sở vẫn giữ)",
		func(t *criteria.Thresholds) *bool { return &t.QuotaHTXSNVSubordinate }),
	boolParam("quota_htxsnv_orgs", "", "true: kiểm tra quota.htxsnv_orgs — số tổ chức đảng xếp loại HTXSNV không quá tỷ lệ htxsnv_share: chi bộ trực thuộc của mỗi đảng bộ cơ sở, và các chi bộ cơ sở, đảng bộ cơ sở được đánh giá (không tính vào kết quả)",
		func(t *criteria.Thresholds) *bool { return &t.QuotaHTXSNVOrgs }),

	boolParam("commendation_subordinate", "Khen thưởng (Hướng dẫn 06-HD/TW)",
		"true: chi bộ trực thuộc đạt \"bốn tốt\" và xếp loại HTXSNV vào danh sách thứ hai \"đề nghị đảng ủy cơ sở tặng giấy khen\"",
		func(t *criteria.Thresholds) *bool { return &t.CommendationSubordinate }),
	boolParam("history_streaks", "", "true: đọc sheet Lịch sử (kết quả các năm trước), tính số năm liên tục HTXSNV (căn cứ đề nghị khen thưởng cấp cao hơn) và \"bốn tốt\" (chỉ để theo dõi); false: không đọc sheet này",
		func(t *criteria.Thresholds) *bool { return &t.HistoryStreaks }),
	countParam("history_streak_years", "", "Đủ số năm liên tục HTXSNV này (tính cả năm đánh giá) thì đề nghị khen thưởng cấp cao hơn", 2,
		func(t *criteria.Thresholds) *int { return &t.HistoryStreakYears }),
}

func paramByKey(key string) *param {
	for i := range params {
		if params[i].key == key {
			return &params[i]
		}
	}
	if key == groupMaxParam.key {
		return &groupMaxParam
	}
	return nil
}

// ThresholdKeys lists every key a criteria file may set, in file order.
func ThresholdKeys() []string {
	keys := make([]string, len(params))
	for i, p := range params {
		keys[i] = p.key
	}
	return keys
}

// found describes a YAML value for an error message.
func found(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.MappingNode:
		return "một bảng khóa"
	case yaml.AliasNode:
		return "một tham chiếu YAML"
	}
	if n.Tag == "!!null" {
		return "giá trị trống"
	}
	return strconv.Quote(n.Value)
}

// yamlLine finds the line number in a YAML parser error ("yaml: line 3: …").
var yamlLine = regexp.MustCompile(`\bline (\d+)\b`)

// ParseThresholds reads a criteria file: a YAML mapping whose keys
// override the profile the file names (key "profile"), DefaultProfile when
// it names none. name is the file name used in error messages, which are
// Vietnamese and name the key and line: unknown and repeated keys, wrong
// types, values out of range, bands out of order.
func ParseThresholds(data []byte, name string) (criteria.Thresholds, error) {
	return ParseThresholdsOver(data, name, "")
}

// ParseThresholdsOver reads a criteria file over the named profile (""
// for none named, as ParseThresholds). A file that names another profile
// is refused rather than one of the two silently winning.
func ParseThresholdsOver(data []byte, name, profile string) (criteria.Thresholds, error) {
	t, _, err := ParseThresholdsFor(data, name, profile, "")
	return t, err
}

// ParseThresholdsFor reads a criteria file over the profile named by a
// flag (profile) or, when neither the flag nor the file names one, over
// fallback (ProfileForYear of the evaluation year; "" for DefaultProfile).
// named reports whether the file's profile key chose the profile, so that
// a report can say what chose its rules (Rules.ChosenBy).
func ParseThresholdsFor(data []byte, name, profile, fallback string) (t criteria.Thresholds, named bool, err error) {
	base := profile
	if base == "" {
		base = fallback
	}
	t, err = criteria.ProfileThresholds(base)
	if err != nil {
		return t, false, err
	}
	t, named, err = parseThresholds(t, data, name, profile)
	return t, named, err
}

// parseThresholds is ParseThresholdsFor over the thresholds t of the
// profile already chosen.
func parseThresholds(t criteria.Thresholds, data []byte, name, profile string) (criteria.Thresholds, bool, error) {
	named := false
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// The parser's own words are English; only its line number is kept.
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			return t, false, fmt.Errorf("%s dòng %s: không đúng cú pháp YAML (xem mẫu: bontot criteria --export)", name, m[1])
		}
		return t, false, fmt.Errorf("%s: không đúng cú pháp YAML (xem mẫu: bontot criteria --export)", name)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return t, false, nil // an empty file keeps every value of the profile
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return t, false, nil
	}
	if root.Kind != yaml.MappingNode {
		return t, false, fmt.Errorf("%s dòng %d: tệp tiêu chí phải là các dòng \"khóa: giá trị\", gặp %s", name, root.Line, found(root))
	}
	// The profile comes first, wherever the key stands: the other keys
	// override it.
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != profileParam.key {
			continue
		}
		if want := profileParam.set(&t, v); want != "" {
			return t, false, fmt.Errorf("%s dòng %d: khóa %q %s, gặp %s", name, v.Line, k.Value, want, found(v))
		}
		if profile != "" && v.Value != profile {
			return t, false, fmt.Errorf("%s dòng %d: tệp tiêu chí dùng bộ quy tắc %q nhưng --profile là %q; bỏ --profile hoặc sửa khóa \"profile\" cho khớp", name, v.Line, v.Value, profile)
		}
		t, _ = criteria.ProfileThresholds(v.Value)
		named = true
		break
	}
	lines := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if key == DocumentKey {
			continue // the report's heading and signature: ParseDocument reads it
		}
		if prev, dup := lines[key]; dup {
			return t, false, fmt.Errorf("%s dòng %d: khóa %q đã có ở dòng %d", name, k.Line, key, prev)
		}
		p := paramByKey(key)
		if p == nil {
			msg := fmt.Sprintf("%s dòng %d: khóa %q không có trong danh mục tiêu chí", name, k.Line, key)
			if s := closestKey(key); s != "" {
				msg += fmt.Sprintf("; có phải %q?", s)
			}
			return t, false, fmt.Errorf("%s (xem bontot criteria --export)", msg)
		}
		lines[key] = k.Line
		if want := p.set(&t, v); want != "" {
			return t, false, fmt.Errorf("%s dòng %d: khóa %q %s, gặp %s", name, v.Line, key, want, found(v))
		}
	}
	if err := validate(t, name, lines); err != nil {
		return t, named, err
	}
	// The gate may name a group by a spelling: the meetings name it by
	// its declared name.
	for i, g := range t.FullMarksGroups {
		t.FullMarksGroups[i] = t.ScoreGroups[t.ScoreGroupIndex(g)].Name
	}
	return t, named, nil
}

// validate checks what no single key can: bands in order, group maxima
// adding up to the 100-point scale. The error names the line of the key
// the file set last among those involved.
func validate(t criteria.Thresholds, name string, lines map[string]int) error {
	at := func(keys ...string) string {
		best := ""
		for _, k := range keys {
			if lines[k] > lines[best] {
				best = k
			}
		}
		if best == "" {
			return name
		}
		return fmt.Sprintf("%s dòng %d", name, lines[best])
	}
	type order struct {
		hi, lo   string
		vhi, vlo float64
		what     string
	}
	for _, o := range []order{
		{"meeting_good", "meeting_fair", t.MeetingGood, t.MeetingFair, "mức điểm sinh hoạt"},
		{"meeting_fair", "meeting_average", t.MeetingFair, t.MeetingAverage, "mức điểm sinh hoạt"},
		{"criteria_excellent", "criteria_good", t.CriteriaExcellent, t.CriteriaGood, "mức điểm tiêu chí"},
		{"criteria_good", "criteria_average", t.CriteriaGood, t.CriteriaAverage, "mức điểm tiêu chí"},
	} {
		if o.vhi <= o.vlo {
			return fmt.Errorf("%s: %s: khóa %q (%s) phải lớn hơn khóa %q (%s)", at(o.hi, o.lo), o.what, o.hi, formatFloat(o.vhi), o.lo, formatFloat(o.vlo))
		}
	}
	if lines["group_max"] > 0 && lines["score_groups"] > 0 {
		return fmt.Errorf("%s: khóa \"group_max\" (cách ghi cũ) và khóa \"score_groups\" cùng đặt điểm tối đa của các nhóm; chỉ giữ score_groups", at("group_max", "score_groups"))
	}
	var sum float64
	for _, g := range t.ScoreGroups {
		sum += g.Max
	}
	if math.Abs(sum-100) > 1e-6 {
		key := "score_groups"
		if lines["group_max"] > 0 {
			key = "group_max"
		}
		return fmt.Errorf("%s: khóa %q: điểm tối đa của %d nhóm phải cộng lại bằng 100, gặp %s", at(key), key, len(t.ScoreGroups), formatFloat(sum))
	}
	for _, name := range t.FullMarksGroups {
		if t.ScoreGroupIndex(name) < 0 {
			return fmt.Errorf("%s: khóa \"full_marks_groups\": %q không phải tên một nhóm của score_groups (%s)", at("full_marks_groups"), name, strings.Join(t.ScoreGroupNames(), "; "))
		}
	}
	return nil
}

// closestKey suggests the known key nearest to a mistyped one, if any is
// close enough to be a typo.
func closestKey(key string) string {
	best, bestD := "", 4
	for _, p := range params {
		if d := editDistance(strings.ToLower(key), p.key); d < bestD {
			best, bestD = p.key, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = slices.Min([]int{prev[j] + 1, cur[j-1] + 1, prev[j-1] + cost})
		}
		prev = cur
	}
	return prev[len(b)]
}

// Marshal writes t as a criteria file with every key and a Vietnamese
// comment above each, the default beside it; ParseThresholds reads it
// back to t.
func Marshal(t criteria.Thresholds) []byte {
	return MarshalWithDocument(t, criteria.Document{})
}

// MarshalWithDocument is Marshal with doc as the report section (the
// commented example when doc is zero); ParseDocument reads it back to doc.
func MarshalWithDocument(t criteria.Thresholds, doc criteria.Document) []byte {
	var b bytes.Buffer
	// Each key's default is its value in the profile; the profile's own
	// default is DefaultProfile.
	d, err := criteria.ProfileThresholds(t.Profile)
	if err != nil {
		d = criteria.Default()
	}
	d.Profile = criteria.DefaultProfile
	b.WriteString(`# Tệp tiêu chí của bontot — mô hình "chi bộ bốn tốt", "đảng bộ cơ sở bốn tốt"
# theo Hướng dẫn 17-HD/ĐUK. Cấp ủy cơ sở cụ thể hóa tiêu chí (mục I.2 của hướng dẫn)
# bằng cách sửa các giá trị dưới đây; khóa nào xóa đi thì dùng giá trị của bộ quy tắc (khóa profile).
# Tỷ lệ viết dạng số thập phân với dấu chấm: 0.75 là 75%. Mọi ngưỡng là "từ … trở lên".
# Dùng: bontot evaluate --criteria tieu-chi.yaml khoi-2024.xlsx
`)
	for _, p := range params {
		if p.section != "" {
			fmt.Fprintf(&b, "\n# ── %s ──\n", p.section)
		}
		def := p.get(&d)
		if p.short != nil {
			def = p.short(&d)
		}
		v := p.get(&t)
		if !strings.HasPrefix(v, "\n") {
			v = " " + v // a block value starts on the next line
		}
		fmt.Fprintf(&b, "\n# %s (mặc định: %s)\n%s:%s\n", p.comment, def, p.key, v)
	}
	b.WriteString(documentSection(doc))
	return b.Bytes()
}

// Settings lists every key of t with its Vietnamese description and
// value, in file order, for `bontot criteria`.
func Settings(t criteria.Thresholds) []Setting {
	out := make([]Setting, len(params))
	for i, p := range params {
		out[i] = Setting{Key: p.key, Section: p.section, Description: p.comment, Value: p.get(&t)}
	}
	return out
}

// Setting is one key of a criteria file as Settings shows it.
type Setting struct {
	Key         string
	Section     string // non-empty on the first key of a section
	Description string
	Value       string // as written in YAML
}

// massOrgWordsParam is mass_org_ratings: the words a mass organisation
// rates itself in and the party rating each is read as, one
// flow mapping, e.g. {"Vững mạnh": HTTNV, "Khá": HTNV}.
var massOrgWordsParam = param{key: "mass_org_ratings",
	comment: "Xếp loại đoàn thể ghi theo cách gọi riêng (Công đoàn, Đoàn thanh niên…) đọc thành mức xếp loại nào; chỉ các từ có trong bảng này được đọc, từ khác là lỗi; {} là không đọc từ nào",
	get: func(t *criteria.Thresholds) string {
		parts := make([]string, len(t.MassOrgWords))
		for i, w := range t.MassOrgWords {
			parts[i] = strconv.Quote(w.Word) + ": " + w.Rating.Code()
		}
		return "{" + strings.Join(parts, ", ") + "}"
	},
	set: func(t *criteria.Thresholds, n *yaml.Node) string {
		const want = "phải là bảng từ → mức xếp loại, ví dụ {\"Vững mạnh\": HTTNV, \"Khá\": HTNV}"
		if n.Kind != yaml.MappingNode {
			return want
		}
		words := []criteria.MassOrgWord{} // {} reads no word: not nil, which Default's table would replace
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || strings.TrimSpace(k.Value) == "" || v.Kind != yaml.ScalarNode {
				return want
			}
			if seen[criteria.Fold(k.Value)] {
				return fmt.Sprintf("có từ %q hai lần", k.Value)
			}
			seen[criteria.Fold(k.Value)] = true
			r := criteria.RatingNone
			for c := criteria.KHTNV; c <= criteria.HTXSNV; c++ {
				if f := criteria.Fold(v.Value); f == criteria.Fold(c.Code()) || f == criteria.Fold(c.Label()) {
					r = c
				}
			}
			if r == criteria.RatingNone {
				return fmt.Sprintf("từ %q phải đọc thành một mức xếp loại: KHTNV, HTNV, HTTNV, HTXSNV", k.Value)
			}
			words = append(words, criteria.MassOrgWord{Word: strings.TrimSpace(k.Value), Rating: r})
		}
		t.MassOrgWords = words
		return ""
	}}

// bandKeyComment is the export comment of the criteria-file key that sets
// the lowest score of band q (meeting_good, meeting_fair,
// meeting_average): a comment says what the key means, not its value.
func bandKeyComment(q criteria.Quality) string {
	switch q {
	case criteria.QualityGood:
		return "Buổi sinh hoạt từ số điểm này trở lên xếp loại " + q.Label() + " (thang 100 điểm)"
	case criteria.QualityFair:
		return "Từ số điểm này đến dưới mức " + criteria.QualityGood.Label() + " là " + q.Label()
	}
	return "Từ số điểm này đến dưới mức " + criteria.QualityFair.Label() + " là " + q.Label() + "; thấp hơn là " + criteria.QualityWeak.Label()
}

// levelKeyComment is the export comment of the criteria-file key that
// sets the lowest score of level l (criteria_excellent, criteria_good,
// criteria_average).
func levelKeyComment(l criteria.Level) string {
	switch l {
	case criteria.LevelExcellent:
		return "Điểm tiêu chí (0–100) từ mức này trở lên là " + l.Label() + " (Quy định 366-QĐ/TW)"
	case criteria.LevelGood:
		return "Điểm tiêu chí từ mức này trở lên là " + l.Label()
	}
	return "Điểm tiêu chí từ mức này trở lên là " + l.Label() + "; thấp hơn là " + criteria.LevelWeak.Label()
}
