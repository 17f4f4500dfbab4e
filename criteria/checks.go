package criteria

import (
	"fmt"
	"unicode"
)

// Scope says which unit types a check applies to.
type Scope int

// Check scopes.
const (
	ScopeAll       Scope = iota // every unit type
	ScopeCell                   // chi bộ cơ sở and chi bộ trực thuộc
	ScopeCommittee              // đảng bộ cơ sở
)

// Label is the Vietnamese name of the scope.
func (s Scope) Label() string {
	switch s {
	case ScopeCell:
		return "chi bộ"
	case ScopeCommittee:
		return "đảng bộ cơ sở"
	}
	return "mọi đơn vị"
}

// Includes reports whether a unit of type t falls in the scope.
func (s Scope) Includes(t UnitType) bool {
	switch s {
	case ScopeCell:
		return t.IsCell()
	case ScopeCommittee:
		return t == Committee
	}
	return true
}

// CheckDef describes one measured check of SPEC §2: its stable ID, its
// criterion, the unit types it applies to, a Vietnamese title and the rule
// with the thresholds in force.
type CheckDef struct {
	ID        string // e.g. "tc2.regular_good"
	Criterion string // "tc1" … "tc4"; "" for implementation checks
	Scope     Scope
	Title     string // short Vietnamese name
	// Rule states the rule in Vietnamese with the numbers of th.
	Rule func(th Thresholds) string
	// AsOf marks the count and share checks that --as-of judges against
	// what the rest of the year can still bring.
	AsOf bool
}

// AppliesTo reports whether the check is listed for a unit of type t.
func (d CheckDef) AppliesTo(t UnitType) bool { return d.Scope.Includes(t) }

func fixed(s string) func(Thresholds) string { return func(Thresholds) string { return s } }

// Checks lists every measured check of SPEC §2 in criterion order. The
// paragraph of the guidance each comes from is given beside it.
var Checks = []CheckDef{
	// II.1, sixth bullet, first "+": the 528-QĐ/TU criteria.
	{ID: "tc1.key_criteria", Criterion: "tc1", Scope: ScopeAll, Title: "Tiêu chí trọng tâm (528-QĐ/TU)",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Mọi tiêu chí nhóm \"Trọng tâm\" (kết quả thực hiện chương trình, kế hoạch công tác xây dựng Đảng; kết quả lãnh đạo thực hiện nhiệm vụ chính trị được giao) đạt mức %s trở lên", th.KeyCriteriaLevel.Label())
		}},
	{ID: "tc1.other_criteria", Criterion: "tc1", Scope: ScopeAll, Title: "Các tiêu chí còn lại (528-QĐ/TU)",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Mọi tiêu chí còn lại đạt mức %s trở lên", th.OtherCriteriaLevel.Label())
		}},
	// II.1, sixth bullet, second "+": ratings of members, subordinate
	// organisations and staff.
	{ID: "tc1.members_floor", Criterion: "tc1", Scope: ScopeCell, Title: "Đảng viên xếp loại từ HTNV trở lên",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s đảng viên được xếp loại (không tính đảng viên miễn công tác và sinh hoạt đảng) đạt HTNV trở lên", capitalize(atLeast(th.MembersFloorShare)))
		}},
	{ID: "tc1.members_good", Criterion: "tc1", Scope: ScopeCell, Title: "Đảng viên xếp loại từ HTTNV trở lên",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s đảng viên được xếp loại (không tính đảng viên miễn công tác và sinh hoạt đảng) đạt HTTNV trở lên", capitalize(atLeast(th.MembersGoodShare)))
		}},
	{ID: "tc1.suborgs_floor", Criterion: "tc1", Scope: ScopeCommittee, Title: "Tổ chức đảng trực thuộc xếp loại từ HTNV trở lên",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s chi bộ trực thuộc được xếp loại HTNV trở lên", capitalize(atLeast(th.SuborgsFloorShare)))
		}},
	{ID: "tc1.suborgs_good", Criterion: "tc1", Scope: ScopeCommittee, Title: "Tổ chức đảng trực thuộc xếp loại từ HTTNV trở lên",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s chi bộ trực thuộc được xếp loại HTTNV trở lên", capitalize(atLeast(th.SuborgsGoodShare)))
		}},
	{ID: "tc1.staff_floor", Criterion: "tc1", Scope: ScopeAll, Title: "Cán bộ, công chức, viên chức xếp loại từ HTNV trở lên",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s cán bộ, công chức, viên chức của cơ quan, đơn vị đạt HTNV trở lên%s", capitalize(atLeast(th.StaffFloorShare)), staffScope(th))
		}},
	{ID: "tc1.staff_good", Criterion: "tc1", Scope: ScopeAll, Title: "Cán bộ, công chức, viên chức xếp loại từ HTTNV trở lên",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s cán bộ, công chức, viên chức của cơ quan, đơn vị đạt HTTNV trở lên%s", capitalize(atLeast(th.StaffGoodShare)), staffScope(th))
		}},
	// II.1, sixth bullet, third "+".
	{ID: "tc1.mass_orgs", Criterion: "tc1", Scope: ScopeAll, Title: "Tổ chức chính trị - xã hội",
		Rule: func(th Thresholds) string {
			s := fmt.Sprintf("Mọi tổ chức chính trị - xã hội cùng cấp (Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh, Hội Phụ nữ…) xếp loại %s trở lên", th.MassOrgsFloor.Code())
			if th.RequireMassOrgs {
				return s + "; đơn vị phải liệt kê các tổ chức này"
			}
			return s + "; không áp dụng cho đơn vị không ghi tổ chức nào"
		}},
	// II.1, second bullet: "Kết nạp đảng viên đạt … theo chỉ tiêu đề ra".
	{ID: "tc1.admission", Criterion: "tc1", Scope: ScopeAll, Title: "Kết nạp đảng viên theo chỉ tiêu",
		Rule: fixed("Số đảng viên mới kết nạp trong năm đạt chỉ tiêu đề ra; không áp dụng khi không có chỉ tiêu")},
	// II.1, third bullet: "không để vụ việc tồn đọng".
	{ID: "tc1.cases_pending", Criterion: "tc1", Scope: ScopeAll, Title: "Không để đơn thư, vụ việc tồn đọng",
		Rule: fixed("Mọi đơn thư, khiếu nại, tố cáo, vấn đề nổi cộm trong năm đều đã được giải quyết")},

	// II.2, "Đối với chi bộ".
	{ID: "tc2.regular_count", Criterion: "tc2", Scope: ScopeCell, Title: "Số buổi sinh hoạt thường kỳ", AsOf: true,
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Tổ chức ít nhất %d buổi sinh hoạt chi bộ thường kỳ trong năm", th.RegularMeetings)
		}},
	{ID: "tc2.regular_good", Criterion: "tc2", Scope: ScopeCell, Title: "Buổi sinh hoạt thường kỳ đạt Tốt", AsOf: true,
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s số buổi sinh hoạt thường kỳ đã tổ chức đạt chất lượng Tốt (từ %s điểm trở lên)", capitalize(atLeast(th.RegularGoodShare)), num(th.MeetingGood))
		}},
	{ID: "tc2.regular_no_weak", Criterion: "tc2", Scope: ScopeCell, Title: "Không có buổi sinh hoạt Kém",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Không có buổi sinh hoạt thường kỳ nào xếp loại Kém (dưới %s điểm)", num(th.MeetingAverage))
		}},
	{ID: "tc2.thematic_count", Criterion: "tc2", Scope: ScopeCell, Title: "Số buổi sinh hoạt chuyên đề", AsOf: true,
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Tổ chức ít nhất %d buổi sinh hoạt chuyên đề trong năm", th.ThematicMeetings)
		}},
	// II.2, "Đối với đảng bộ cơ sở".
	{ID: "tc2.committee_meetings", Criterion: "tc2", Scope: ScopeCommittee, Title: "Họp ban chấp hành đảng bộ", AsOf: true,
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Ban chấp hành đảng bộ (đảng ủy) họp ít nhất %d lần trong năm", th.CommitteeMeetings)
		}},
	{ID: "tc2.standing_meetings", Criterion: "tc2", Scope: ScopeCommittee, Title: "Họp ban thường vụ đảng ủy", AsOf: true,
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Ban thường vụ đảng ủy họp ít nhất %d lần trong năm; không áp dụng cho đảng bộ không có ban thường vụ", th.StandingMeetings)
		}},
	{ID: "tc2.assembly", Criterion: "tc2", Scope: ScopeCommittee, Title: "Hội nghị, đại hội toàn đảng bộ", AsOf: true,
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Tổ chức ít nhất %d hội nghị hoặc đại hội toàn đảng bộ trong năm", th.Assemblies)
		}},

	// II.3, third bullet.
	{ID: "tc3.no_complaints", Criterion: "tc3", Scope: ScopeAll, Title: "Không có đơn thư, khiếu nại, tố cáo",
		Rule: fixed("Không có đơn thư, khiếu nại, tố cáo trong năm (đảng bộ cơ sở tính cả các chi bộ trực thuộc)")},
	{ID: "tc3.issues_resolved", Criterion: "tc3", Scope: ScopeAll, Title: "Giải quyết vấn đề nổi cộm",
		Rule: fixed("Mọi vấn đề nổi cộm phát sinh đều được giải quyết kịp thời (đảng bộ cơ sở tính cả các chi bộ trực thuộc)")},

	// II.4, third bullet: Quy định 37-QĐ/TW.
	{ID: "tc4.no_violations", Criterion: "tc4", Scope: ScopeAll, Title: "Không có đảng viên vi phạm",
		Rule: fixed("Không có đảng viên vi phạm quy định những điều đảng viên không được làm (Quy định 37-QĐ/TW); đảng bộ cơ sở tính mọi đảng viên")},
	// II.4, fourth bullet: Quy định 213-QĐ/TW.
	{ID: "tc4.residence", Criterion: "tc4", Scope: ScopeAll, Title: "Nhận xét của nơi cư trú",
		Rule: fixed("Mọi đảng viên (trừ đảng viên miễn sinh hoạt và đảng viên không lấy ý kiến nhận xét định kỳ theo Hướng dẫn 33-HD/BTCTW) có nhận xét của chi ủy, chi bộ nơi cư trú, không có nhận xét chưa tốt (Quy định 213-QĐ/TW); đảng bộ cơ sở tính mọi đảng viên")},
}

// ImplementationChecks are the checks of section III, reported beside the
// verdicts and not part of them.
var ImplementationChecks = []CheckDef{
	// III.4.1.
	{ID: "pilot.suborgs", Scope: ScopeCommittee, Title: "Chi bộ trực thuộc làm điểm",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Đảng bộ cơ sở có từ %d chi bộ trực thuộc trở lên chọn ít nhất %d chi bộ làm điểm; đảng bộ có ít hơn chọn ít nhất %d",
				th.PilotLargeSuborgs, th.PilotLargeCount, th.PilotSmallCount)
		}},
	// III.1, first bullet.
	{ID: "pilot.cluster", Scope: ScopeAll, Title: "Đơn vị làm điểm của cụm",
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Mỗi cụm có đúng %d đảng bộ cơ sở và %d chi bộ cơ sở làm điểm", th.PilotClusterCommittees, th.PilotClusterCells)
		}},
}

func staffScope(th Thresholds) string {
	if th.RequireStaff {
		return "; đơn vị phải liệt kê cán bộ, công chức, viên chức"
	}
	return "; chỉ áp dụng cho đơn vị có danh sách cán bộ"
}

// CheckDefByID returns the definition of a measured or implementation check.
func CheckDefByID(id string) (CheckDef, bool) {
	for _, list := range [][]CheckDef{Checks, ImplementationChecks} {
		for _, d := range list {
			if d.ID == id {
				return d, true
			}
		}
	}
	return CheckDef{}, false
}

// ItemByID returns the qualitative item with the given ID.
func ItemByID(id string) (Item, bool) {
	for _, it := range Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// CheckTitle is the Vietnamese name of a check, item or implementation
// check, for report columns; an unknown ID is returned as is. An item's
// title is its full text.
func CheckTitle(id string) string {
	if d, ok := CheckDefByID(id); ok {
		return d.Title
	}
	if it, ok := ItemByID(id); ok {
		return it.Text
	}
	return id
}

// capitalize upper-cases the first letter of a rule that starts with a
// phrase.
func capitalize(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
