package criteria

import (
	"fmt"
)

// tc1Checks are the measured checks of TC1, in the guidance's order: each
// record holds the check's rule, its judge and the criteria-file keys it
// reads.
var tc1Checks = []CheckDef{
	// II.1, sixth bullet, first "+": the 528-QĐ/TU criteria.
	{ID: "tc1.key_criteria", Criterion: "tc1", Scope: ScopeAll, Sheet: SheetCriteria, Title: "Tiêu chí trọng tâm (528-QĐ/TU)", Share: true,
		Keys: []string{"key_criteria_level", "criteria_excellent", "criteria_good", "criteria_average"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Mọi tiêu chí nhóm \"Trọng tâm\" (kết quả thực hiện chương trình, kế hoạch công tác xây dựng Đảng; kết quả lãnh đạo thực hiện nhiệm vụ chính trị được giao) đạt mức %s trở lên", th.KeyCriteriaLevel.Label())
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.criteria528(v, true) }},
	{ID: "tc1.other_criteria", Criterion: "tc1", Scope: ScopeAll, Sheet: SheetCriteria, Title: "Các tiêu chí còn lại (528-QĐ/TU)", Share: true,
		Keys: []string{"other_criteria_level", "criteria_excellent", "criteria_good", "criteria_average"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("Mọi tiêu chí còn lại đạt mức %s trở lên", th.OtherCriteriaLevel.Label())
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.criteria528(v, false) }},
	// II.1, sixth bullet, second "+": ratings of members, subordinate
	// organisations and staff.
	{ID: "tc1.members_floor", Criterion: "tc1", Scope: ScopeCell, Sheet: SheetMembers, Title: "Đảng viên xếp loại từ HTNV trở lên", Share: true,
		Keys: []string{"members_floor_share", "new_member_months", "new_members_not_rated"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s đảng viên được xếp loại (không tính đảng viên miễn công tác và sinh hoạt đảng%s) đạt HTNV trở lên", capitalize(atLeast(th.MembersFloorShare)), notRatedRule(th))
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.members(v, HTNV, e.th.MembersFloorShare) }},
	{ID: "tc1.members_good", Criterion: "tc1", Scope: ScopeCell, Sheet: SheetMembers, Title: "Đảng viên xếp loại từ HTTNV trở lên", Share: true,
		Keys: []string{"members_good_share", "new_member_months", "new_members_not_rated"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s đảng viên được xếp loại (không tính đảng viên miễn công tác và sinh hoạt đảng%s) đạt HTTNV trở lên", capitalize(atLeast(th.MembersGoodShare)), notRatedRule(th))
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.members(v, HTTNV, e.th.MembersGoodShare) }},
	{ID: "tc1.suborgs_floor", Criterion: "tc1", Scope: ScopeCommittee, Sheet: SheetUnits, Title: "Tổ chức đảng trực thuộc xếp loại từ HTNV trở lên", Share: true,
		Keys: []string{"suborgs_floor_share"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s chi bộ trực thuộc được xếp loại HTNV trở lên", capitalize(atLeast(th.SuborgsFloorShare)))
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.suborgs(v, HTNV, e.th.SuborgsFloorShare) }},
	{ID: "tc1.suborgs_good", Criterion: "tc1", Scope: ScopeCommittee, Sheet: SheetUnits, Title: "Tổ chức đảng trực thuộc xếp loại từ HTTNV trở lên", Share: true,
		Keys: []string{"suborgs_good_share"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s chi bộ trực thuộc được xếp loại HTTNV trở lên", capitalize(atLeast(th.SuborgsGoodShare)))
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.suborgs(v, HTTNV, e.th.SuborgsGoodShare) }},
	{ID: "tc1.staff_floor", Criterion: "tc1", Scope: ScopeAll, Sheet: SheetStaff, Title: "Cán bộ, công chức, viên chức xếp loại từ HTNV trở lên", Share: true,
		Keys: []string{"staff_floor_share", "require_staff"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s cán bộ, công chức, viên chức của cơ quan, đơn vị đạt HTNV trở lên%s", capitalize(atLeast(th.StaffFloorShare)), staffScope(th))
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.staff(v, HTNV, e.th.StaffFloorShare) }},
	{ID: "tc1.staff_good", Criterion: "tc1", Scope: ScopeAll, Sheet: SheetStaff, Title: "Cán bộ, công chức, viên chức xếp loại từ HTTNV trở lên", Share: true,
		Keys: []string{"staff_good_share", "require_staff"},
		Rule: func(th Thresholds) string {
			return fmt.Sprintf("%s cán bộ, công chức, viên chức của cơ quan, đơn vị đạt HTTNV trở lên%s", capitalize(atLeast(th.StaffGoodShare)), staffScope(th))
		},
		judge: func(e *evaluator, v *view) CheckResult { return e.staff(v, HTTNV, e.th.StaffGoodShare) }},
	// II.1, sixth bullet, third "+".
	{ID: "tc1.mass_orgs", Criterion: "tc1", Scope: ScopeAll, Sheet: SheetMassOrgs, Title: "Tổ chức chính trị - xã hội", Share: true,
		Keys: []string{"mass_orgs_floor", "require_mass_orgs"},
		Rule: func(th Thresholds) string {
			s := fmt.Sprintf("Mọi tổ chức chính trị - xã hội cùng cấp (Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh, Hội Phụ nữ…) xếp loại %s trở lên", th.MassOrgsFloor.Code())
			if th.RequireMassOrgs {
				return s + "; đơn vị phải liệt kê các tổ chức này"
			}
			return s + "; không áp dụng cho đơn vị không ghi tổ chức nào"
		},
		judge: (*evaluator).massOrgs},
	// II.1, second bullet: "Kết nạp đảng viên đạt … theo chỉ tiêu đề ra".
	{ID: "tc1.admission", Criterion: "tc1", Scope: ScopeAll, Sheet: SheetUnits, Title: "Kết nạp đảng viên theo chỉ tiêu",
		Rule:  fixed("Số đảng viên mới kết nạp trong năm đạt chỉ tiêu đề ra; không áp dụng khi không có chỉ tiêu"),
		judge: (*evaluator).admission},
	// II.1, third bullet: "không để vụ việc tồn đọng".
	{ID: "tc1.cases_pending", Criterion: "tc1", Scope: ScopeAll, Sheet: SheetCases, Title: "Không để đơn thư, vụ việc tồn đọng",
		Rule:  fixed("Mọi đơn thư, khiếu nại, tố cáo, vấn đề nổi cộm trong năm đều đã được giải quyết"),
		judge: (*evaluator).casesPending},
}

// notRatedRule names, in the rule of the member checks, who else is not
// counted (SPEC §6, "in every profile").
func notRatedRule(th Thresholds) string {
	s := ", bị đình chỉ sinh hoạt đảng"
	if th.NewMemberMonths > 0 {
		s += fmt.Sprintf(", mới kết nạp chưa đủ %d tháng và chưa xếp loại", th.NewMemberMonths)
	}
	return s
}

func staffScope(th Thresholds) string {
	if th.RequireStaff {
		return "; đơn vị phải liệt kê cán bộ, công chức, viên chức"
	}
	return "; chỉ áp dụng cho đơn vị có danh sách cán bộ"
}

// criteria528 checks the 528-QĐ/TU criteria of one group (guidance II.1,
// sixth bullet, first "+"). The unit's own rows only: a đảng bộ's TC1
// criteria are its own (SPEC §3).
func (e *evaluator) criteria528(v *view, key bool) CheckResult {
	u := v.u
	if !u.Sheets.Has(SheetCriteria) {
		return missingSheet(SheetCriteria, "")
	}
	floor, group := e.th.OtherCriteriaLevel, "còn lại"
	if key {
		floor, group = e.th.KeyCriteriaLevel, "trọng tâm"
	}
	if len(u.Criteria) == 0 {
		return CheckResult{Status: MissingData, Message: "Trang \"Tiêu chí\" không có dòng nào của đơn vị"}
	}
	var n, ok int
	var below, blank nameList
	belowNote := "dưới mức " + floor.Label()
	for i := range u.Criteria {
		c := &u.Criteria[i]
		if c.Key != key {
			continue
		}
		n++
		lv := c.LevelUnder(e.th)
		field := "level"
		if c.HasScore {
			field = "score"
		}
		switch {
		case lv == LevelNone:
			blank.at(c.Source, field, "chưa ghi mức hoặc điểm")
			if blank.want() {
				blank.add(c.Name + " (" + c.Source.String() + ")")
			}
		case lv < floor:
			below.at(c.Source, field, belowNote)
			if below.want() {
				what := lv.Label()
				if c.Level == LevelNone {
					what = num(c.Score) + " điểm, mức " + lv.Label()
				}
				below.add(c.Name + " (" + what + ", " + c.Source.String() + ")")
			}
		default:
			ok++
		}
	}
	if n == 0 {
		return CheckResult{Status: MissingData, Message: fmt.Sprintf("Trang \"Tiêu chí\" không có tiêu chí nhóm %s nào của đơn vị", group)}
	}
	c := CheckResult{Value: ptr(float64(ok) / float64(n)), Threshold: ptr(1)}
	head := fmt.Sprintf("%d/%d tiêu chí nhóm %s đạt mức %s trở lên", ok, n, group, floor.Label())
	switch {
	case below.len() > 0:
		c.Status = NotMet
		c.Message = fmt.Sprintf("%s; dưới mức %s: %s", head, floor.Label(), below.list("tiêu chí"))
		c.Fix = fmt.Sprintf("cần %d tiêu chí này đạt mức %s trở lên", below.len(), floor.Label())
		c.Cites = citesOf(&below, &blank)
	case blank.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%s; chưa ghi mức hoặc điểm: %s", head, blank.list("tiêu chí"))
		c.Fix = "ghi mức hoặc điểm của tiêu chí theo kết quả đánh giá của cấp ủy"
		c.Cites = citesOf(&blank)
	default:
		c.Status = Met
		c.Message = head
	}
	return c
}

// rated is one rated person or organisation, for the share-of-ratings
// checks.
type rated struct {
	skip   bool // out of the population (an exempt member)
	name   string
	code   string // the unit code of a chi bộ trực thuộc; "" for a row
	src    Source // the row (a chi bộ trực thuộc's in Đơn vị)
	rating Rating
}

// where is "Đảng viên dòng 7" or a unit code, written only for the names
// an evidence sentence shows.
func (p *rated) where() string {
	if p.code != "" {
		return p.code
	}
	return p.src.String()
}

// judgeRatings applies "at least share of pop rated floor or better"
// (guidance II.1, sixth bullet, second and third "+"). A blank rating is
// missing data unless the check fails even if every blank were good:
// a result the data already settles is not left open.
//
// of reads each row of rows as a rated entry, so that no copy of the
// population is made.
func judgeRatings[T any](rows []T, of func(*T) rated, floor Rating, share float64, noun, extra string) CheckResult {
	var n, ok int
	var below, blank nameList
	belowNote := "xếp loại dưới " + floor.Code()
	for i := range rows {
		p := of(&rows[i])
		if p.skip {
			continue
		}
		n++
		switch {
		case p.rating == RatingNone:
			blank.at(p.src, "rating", "chưa xếp loại")
			if blank.want() {
				blank.add(p.name + " (" + p.where() + ")")
			}
		case p.rating < floor:
			below.at(p.src, "rating", belowNote)
			if below.want() {
				below.add(p.name + " (" + p.rating.Code() + ", " + p.where() + ")")
			}
		default:
			ok++
		}
	}
	c := CheckResult{Value: ptr(float64(ok) / float64(n)), Threshold: ptr(share)}
	head := ratio(ok, n) + " " + noun + " xếp loại từ " + floor.Code() + " trở lên, cần " + atLeast(share)
	switch {
	case !meets(ok+blank.len(), n, share):
		c.Status = NotMet
		c.Message = fmt.Sprintf("%s; %d %s xếp loại dưới %s: %s", head, below.len(), noun, floor.Code(), below.list("người"))
		c.Fix = fmt.Sprintf("cần thêm %d %s xếp loại từ %s trở lên (%d/%d)", needed(share, n)-ok-blank.len(), noun, floor.Code(), needed(share, n), n)
		c.Cites = citesOf(&below, &blank)
	case blank.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%s; %d %s chưa được xếp loại: %s", head, blank.len(), noun, blank.list("người"))
		c.Fix = "ghi xếp loại theo quyết định của cấp ủy"
		c.Cites = citesOf(&blank)
	default:
		c.Status = Met
		c.Message = head
	}
	c.Message += extra
	return c
}

// members checks the ratings of a chi bộ's own members. Left out of the
// denominator: the exempt (SPEC §2), the suspended, and new members not
// yet rated (members.go); the message names the new ones.
func (e *evaluator) members(v *view, floor Rating, share float64) CheckResult {
	u := v.u
	if !u.Sheets.Has(SheetMembers) {
		return missingSheet(SheetMembers, "")
	}
	if len(u.Members) == 0 {
		return CheckResult{Status: MissingData, Message: "Trang \"Đảng viên\" không có dòng nào của đơn vị"}
	}
	var out leftOut
	for i := range u.Members {
		m := &u.Members[i]
		out.add(e, m, func() string { return m.Name + " (" + m.Source.String() + ")" })
	}
	extra := out.note(e)
	if out.total() == len(u.Members) {
		return CheckResult{Status: MissingData, Message: "Không có đảng viên nào được xếp loại" + extra}
	}
	return judgeRatings(u.Members, func(m *Member) rated {
		return rated{skip: m.OutOfRating() || e.isNewUnrated(m), name: m.Name, src: m.Source, rating: m.Rating}
	}, floor, share, "đảng viên", extra)
}

// suborgs checks the ratings of a đảng bộ's chi bộ trực thuộc, read from
// their own row in Đơn vị.
func (e *evaluator) suborgs(v *view, floor Rating, share float64) CheckResult {
	kids := e.children[v.u.Code]
	if len(kids) == 0 {
		return CheckResult{Status: MissingData, Message: fmt.Sprintf("Không có chi bộ trực thuộc nào ghi \"%s\" ở cột Trực thuộc", v.u.Code)}
	}
	return judgeRatings(kids, func(k **Unit) rated {
		return rated{name: (*k).Name, code: (*k).Code, src: (*k).Source, rating: (*k).Rating}
	}, floor, share, "chi bộ trực thuộc", "")
}

// staff checks the ratings of cán bộ, công chức, viên chức where the
// workbook lists them; an absent sheet or no rows means the unit records
// none (SPEC §3) unless the criteria file requires the list.
func (e *evaluator) staff(v *view, floor Rating, share float64) CheckResult {
	u := v.u
	if len(u.Staff) == 0 {
		if e.th.RequireStaff {
			if !u.Sheets.Has(SheetStaff) {
				return missingSheet(SheetStaff, "")
			}
			return CheckResult{Status: MissingData, Message: "Tệp tiêu chí yêu cầu danh sách cán bộ, công chức, viên chức nhưng trang \"Cán bộ\" không có dòng nào của đơn vị"}
		}
		if !u.Sheets.Has(SheetStaff) {
			return notApplicable("Sổ không có trang \"Cán bộ\": đơn vị không có danh sách cán bộ, công chức, viên chức")
		}
		return notApplicable("Trang \"Cán bộ\" không có dòng nào của đơn vị")
	}
	return judgeRatings(u.Staff, func(p *Person) rated {
		return rated{name: p.Name, src: p.Source, rating: p.Rating}
	}, floor, share, "cán bộ, công chức, viên chức", "")
}

// massOrgs checks the socio-political organisations (guidance II.1, sixth
// bullet, third "+").
func (e *evaluator) massOrgs(v *view) CheckResult {
	u := v.u
	if !u.Sheets.Has(SheetMassOrgs) {
		return missingSheet(SheetMassOrgs, "")
	}
	if len(u.MassOrgs) == 0 {
		if e.th.RequireMassOrgs {
			return CheckResult{Status: MissingData, Message: "Tệp tiêu chí yêu cầu danh sách tổ chức chính trị - xã hội nhưng trang \"Đoàn thể\" không có dòng nào của đơn vị"}
		}
		return notApplicable("Trang \"Đoàn thể\" không có dòng nào của đơn vị: đơn vị không ghi tổ chức chính trị - xã hội nào")
	}
	return judgeRatings(u.MassOrgs, func(o *MassOrg) rated {
		return rated{name: o.Name, src: o.Source, rating: o.Rating}
	}, e.th.MassOrgsFloor, 1, "tổ chức chính trị - xã hội", "")
}

// admission compares new members with the year's target (guidance II.1,
// second bullet). Judged on the figure given, also under --as-of: the
// Đơn vị sheet holds no dates to project from.
func (e *evaluator) admission(v *view) CheckResult {
	u := v.u
	if !u.HasTarget || u.AdmissionTarget <= 0 {
		return notApplicable("Không có chỉ tiêu kết nạp đảng viên")
	}
	if !u.HasAdmitted {
		return CheckResult{Status: MissingData, Threshold: ptr(float64(u.AdmissionTarget)),
			Message: fmt.Sprintf("Chỉ tiêu kết nạp %d đảng viên nhưng cột \"Đã kết nạp\" để trống (%s)", u.AdmissionTarget, u.Source),
			Fix:     "ghi số đảng viên đã kết nạp trong năm", Cites: []Cite{{Source: u.Source, Field: "admitted", Note: "để trống"}}}
	}
	c := CheckResult{Value: ptr(float64(u.Admitted)), Threshold: ptr(float64(u.AdmissionTarget))}
	c.Message = fmt.Sprintf("Đã kết nạp %d/%d đảng viên theo chỉ tiêu (%s)", u.Admitted, u.AdmissionTarget, u.Source)
	c.Status = Met
	if short := u.AdmissionTarget - u.Admitted; short > 0 {
		// A yearly target: before the year is over it can still be met
		// (SPEC §6, "An unfinished year").
		c.Status = NotMet
		c.Message += fmt.Sprintf("; còn thiếu %d", short)
		c.Fix = fmt.Sprintf("cần kết nạp thêm %d đảng viên", short)
		c.Cites = []Cite{{Source: u.Source, Field: "admitted", Note: "dưới chỉ tiêu kết nạp"}}
		if !e.yearOver() {
			c.Status = Reachable
			c.Message += " (cần kết nạp thêm trước " + e.deadline() + ")"
		}
	}
	return c
}

// caseName is "Khiếu nại 15/03/2024 (Đơn thư vụ việc dòng 5)", with the
// unit code when the case comes from a chi bộ trực thuộc.
func caseName(c *Case, owner *Unit, self *Unit) string {
	s := c.Kind.Label()
	if !c.Date.IsZero() {
		s += " " + date(c.Date)
	}
	if owner != self {
		return s + " (" + owner.Code + ", " + c.Source.String() + ")"
	}
	return s + " (" + c.Source.String() + ")"
}

// casesPending counts every unresolved row of Đơn thư vụ việc, of any kind
// (SPEC §3), of the unit itself: guidance II.1, third bullet, "không để
// vụ việc tồn đọng".
func (e *evaluator) casesPending(v *view) CheckResult {
	u := v.u
	if !u.Sheets.Has(SheetCases) {
		return missingSheet(SheetCases, "")
	}
	var open nameList
	for i := range v.cases {
		if v.cases[i].Resolved {
			continue
		}
		open.at(v.cases[i].Source, "resolved", "chưa giải quyết")
		if open.want() {
			open.add(caseName(&v.cases[i], u, u))
		}
	}
	c := CheckResult{Value: ptr(float64(open.len())), Threshold: ptr(0)}
	if open.len() > 0 {
		c.Status = NotMet
		c.Message = fmt.Sprintf("%d đơn thư, vụ việc chưa giải quyết: %s", open.len(), open.list("vụ việc"))
		c.Fix = "giải quyết dứt điểm rồi ghi \"Có\" ở cột Đã giải quyết"
		c.Cites = citesOf(&open)
		if !e.yearOver() {
			// "Không để tồn đọng" is judged at the year's end: a case
			// open mid-year may still be settled.
			c.Status = Reachable
			c.Message += "; cần giải quyết trước " + e.deadline()
		}
		return c
	}
	c.Status = Met
	if len(v.cases) == 0 {
		c.Message = "Không có đơn thư, vụ việc nào"
	} else {
		c.Message = fmt.Sprintf("Cả %d đơn thư, vụ việc đều đã giải quyết", len(v.cases))
	}
	return c
}
