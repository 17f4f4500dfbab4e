package criteria

import (
	"fmt"
	"strings"
)

// tc4Checks are the measured checks of TC4, in the guidance's order: each
// record holds the check's rule, its judge and the criteria-file keys it
// reads.
var tc4Checks = []CheckDef{
	// II.4, third bullet. The texts name the prohibitions by their content,
	// as the guidance does, not by the number of the regulation in force
	// (Quy định 37-QĐ/TW in 2023): a renumbered regulation must not make
	// the report wrong.
	{ID: "tc4.no_violations", Criterion: "tc4", Scope: ScopeAll, Sheet: SheetMembers, Title: "Không có đảng viên vi phạm",
		Rule:  fixed("Không có đảng viên vi phạm quy định những điều đảng viên không được làm hoặc bị kỷ luật trong năm (cột Kỷ luật, nếu có); đảng bộ cơ sở tính mọi đảng viên"),
		judge: (*evaluator).noViolations},
	// II.4, fourth bullet: Quy định 213-QĐ/TW.
	{ID: "tc4.residence", Criterion: "tc4", Scope: ScopeAll, Sheet: SheetMembers, Title: "Nhận xét của nơi cư trú", Share: true,
		Keys: []string{"new_member_months", "new_members_not_rated"},
		Rule: func(th Thresholds) string {
			out := "đảng viên miễn sinh hoạt và đảng viên không lấy ý kiến nhận xét định kỳ theo Hướng dẫn 33-HD/BTCTW"
			if th.NewMembersNotRated && th.NewMemberMonths > 0 {
				// Quy định 366-QĐ/TW art. 5: not reviewed at all.
				out = fmt.Sprintf("đảng viên miễn sinh hoạt, đảng viên không lấy ý kiến nhận xét định kỳ theo Hướng dẫn 33-HD/BTCTW và đảng viên kết nạp chưa đủ %d tháng đến ngày kiểm điểm", th.NewMemberMonths)
			}
			return "Mọi đảng viên (trừ " + out + ") có nhận xét của chi ủy, chi bộ nơi cư trú, không có nhận xét chưa tốt (Quy định 213-QĐ/TW); đảng bộ cơ sở tính mọi đảng viên"
		},
		judge: (*evaluator).residence},
}

func memberName(m *Member, owner, self *Unit) string {
	if owner != self {
		return m.Name + " (" + owner.Code + ", " + m.Source.String() + ")"
	}
	return m.Name + " (" + m.Source.String() + ")"
}

// poolMembers finds the members TC4 counts: a chi bộ's own, or every
// member of a đảng bộ (SPEC §2). It returns the units whose Members are
// counted and how many members they hold, rather than a copy of them all.
// missing names the units with no member list: members are always
// assessed (SPEC §3), so a chi bộ with no rows leaves the check open.
func (e *evaluator) poolMembers(v *view) (owners []*Unit, n int, missing []string) {
	pool := v.pool
	for _, p := range pool {
		if p.Type == Committee && len(pool) > 1 && len(p.Members) == 0 {
			continue // a đảng bộ's members are listed under its chi bộ
		}
		if !p.Sheets.Has(SheetMembers) || (len(p.Members) == 0 && p.Type.IsCell()) {
			missing = append(missing, p.Code)
			continue
		}
		owners = append(owners, p)
		n += len(p.Members)
	}
	if n == 0 && len(missing) == 0 {
		missing = append(missing, v.u.Code)
	}
	return owners, n, missing
}

func (e *evaluator) membersMissing(v *view, missing []string) CheckResult {
	if len(missing) == 1 && missing[0] == v.u.Code {
		if !v.u.Sheets.Has(SheetMembers) {
			return missingSheet(SheetMembers, "")
		}
		return CheckResult{Status: MissingData, Message: "Trang \"Đảng viên\" không có dòng nào của đơn vị"}
	}
	return CheckResult{Status: MissingData,
		Message: "Chưa có danh sách đảng viên (trang \"Đảng viên\") của " + listNames(missing, "đơn vị")}
}

// noViolations checks "không có đảng viên vi phạm quy định những điều đảng
// viên không được làm" (guidance II.4, third bullet). A member
// disciplined in the year (Kỷ luật) counts too: discipline is given for a
// violation. An exempt or suspended member who violated still counts:
// exemption removes them from denominators, not from discipline.
func (e *evaluator) noViolations(v *view) CheckResult {
	owners, total, missing := e.poolMembers(v)
	var bad nameList
	disciplined := false
	for _, p := range owners {
		for i := range p.Members {
			m := &p.Members[i]
			if !m.Violation && m.Discipline == DisciplineNone {
				continue
			}
			disciplined = disciplined || m.Discipline != DisciplineNone
			if m.Violation {
				bad.at(m.Source, "violation", "vi phạm")
			} else {
				bad.at(m.Source, "discipline", "bị kỷ luật trong năm")
			}
			if bad.want() {
				bad.add(memberName(m, p, v.u) + violationText(m) + disciplineText(m))
			}
		}
	}
	if bad.len() > 0 {
		what := "vi phạm những điều đảng viên không được làm"
		if disciplined {
			what = "vi phạm những điều đảng viên không được làm hoặc bị kỷ luật trong năm"
		}
		return CheckResult{Status: NotMet, Value: ptr(float64(bad.len())), Threshold: ptr(0),
			Message: fmt.Sprintf("%d đảng viên %s: %s", bad.len(), what, bad.list("người")), Cites: citesOf(&bad)}
	}
	if len(missing) > 0 {
		return e.membersMissing(v, missing)
	}
	return CheckResult{Status: Met, Value: ptr(0), Threshold: ptr(0),
		Message: fmt.Sprintf("Không có đảng viên vi phạm (%d đảng viên)", total)}
}

// residence checks the feedback of the place of residence (guidance II.4,
// fourth bullet, Quy định 213-QĐ/TW); members exempt, suspended, or for
// whom no yearly feedback is taken (Hướng dẫn 33-HD/BTCTW) are left out.
func (e *evaluator) residence(v *view) CheckResult {
	owners, _, missing := e.poolMembers(v)
	var neg, blank nameList
	n, pos, out, suspended := 0, 0, 0, 0
	var fresh nameList
	for _, p := range owners {
		for i := range p.Members {
			m := &p.Members[i]
			// Under the 2025 rules a member too new to be reviewed is out
			// of the review altogether, residence feedback included (Quy
			// định 366-QĐ/TW art. 5).
			if e.th.NewMembersNotRated && e.isNew(m) {
				if fresh.want() {
					fresh.add(strings.TrimSuffix(memberName(m, p, v.u), ")") + admittedWhen(m) + ")")
				}
				continue
			}
			if m.OutOfRating() || m.Residence == ResidenceNotTaken {
				out++
				if m.Suspended && !m.Exempt {
					suspended++
				}
				continue
			}
			n++
			switch m.Residence {
			case ResidencePositive:
				pos++
			case ResidenceNegative:
				neg.at(m.Source, "residence", "nơi cư trú nhận xét chưa tốt")
				if neg.want() {
					neg.add(memberName(m, p, v.u))
				}
			default:
				blank.at(m.Source, "residence", "chưa có nhận xét của nơi cư trú")
				if blank.want() {
					blank.add(memberName(m, p, v.u))
				}
			}
		}
	}
	extra := ""
	switch {
	case suspended > 0:
		extra = fmt.Sprintf("; không tính %d đảng viên miễn sinh hoạt, bị đình chỉ sinh hoạt hoặc không lấy ý kiến nhận xét", out)
	case out > 0:
		extra = fmt.Sprintf("; không tính %d đảng viên miễn sinh hoạt hoặc không lấy ý kiến nhận xét", out)
	}
	if fresh.len() > 0 {
		extra += fmt.Sprintf("; không tính %d đảng viên %s: %s", fresh.len(), e.newNote(), fresh.list("người"))
	}
	c := CheckResult{Threshold: ptr(1)}
	if n > 0 {
		c.Value = ptr(float64(pos) / float64(n))
	}
	head := ratio(pos, n) + " đảng viên có nhận xét tốt của nơi cư trú"
	switch {
	case neg.len() > 0:
		c.Status = NotMet
		c.Message = fmt.Sprintf("%s; %d đảng viên bị nơi cư trú nhận xét chưa tốt: %s%s", head, neg.len(), neg.list("người"), extra)
		c.Cites = citesOf(&neg, &blank)
	case len(missing) > 0:
		return e.membersMissing(v, missing)
	case blank.len() > 0:
		c.Status = MissingData
		c.Message = fmt.Sprintf("%s; %d đảng viên chưa có nhận xét: %s%s", head, blank.len(), blank.list("người"), extra)
		c.Fix = "ghi nhận xét của chi ủy, chi bộ nơi cư trú (hoặc \"Không lấy ý kiến\" nếu thuộc diện không lấy)"
		c.Cites = citesOf(&blank)
	case n == 0:
		c.Status = Met
		c.Message = "Không có đảng viên nào phải lấy ý kiến nhận xét của nơi cư trú" + extra
	default:
		c.Status = Met
		c.Message = head + extra
	}
	return c
}
