package report

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bontot/bontot/criteria"
	goldenfile "github.com/bontot/bontot/internal/golden"
)

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Text(t, filepath.Join("testdata", name), got)
}

func f(v float64) *float64 { return &v }

// checkSpec is a check of the fixture with its default (met) outcome.
type checkSpec struct {
	id               string
	value, threshold *float64
	message          string
}

var cellChecks = map[string][]checkSpec{
	"tc1": {
		{"tc1.key_criteria", f(2), f(2), "2/2 tiêu chí trọng tâm đạt mức Tốt trở lên (Tiêu chí dòng 3–4)"},
		{"tc1.other_criteria", f(3), f(3), "3/3 tiêu chí khác đạt mức Trung bình trở lên"},
		{"tc1.members_floor", f(1), f(1), "18/18 đảng viên xếp loại từ HTNV trở lên"},
		{"tc1.members_good", f(0.8333333333333334), f(0.5), "15/18 đảng viên xếp loại từ HTTNV trở lên"},
		{"tc1.staff_floor", nil, f(1), "Đơn vị không có danh sách cán bộ, công chức, viên chức"},
		{"tc1.staff_good", nil, f(0.5), "Đơn vị không có danh sách cán bộ, công chức, viên chức"},
		{"tc1.mass_orgs", f(2), f(2), "Công đoàn, Đoàn Thanh niên xếp loại từ HTNV trở lên"},
		{"tc1.admission", f(2), f(1), "Kết nạp 2 đảng viên, chỉ tiêu 1"},
		{"tc1.cases_pending", f(0), f(0), "Không có đơn thư, vụ việc tồn đọng"},
	},
	"tc2": {
		{"tc2.regular_count", f(12), f(12), "12 buổi sinh hoạt thường kỳ (tháng 1–12)"},
		{"tc2.regular_good", f(0.9166666666666666), f(0.75), "11/12 buổi đạt Tốt (từ 90 điểm)"},
		{"tc2.regular_no_weak", f(0), f(0), "Không có buổi nào dưới 50 điểm"},
		{"tc2.thematic_count", f(4), f(4), "4 buổi sinh hoạt chuyên đề"},
	},
	"tc3": {
		{"tc3.no_complaints", f(0), f(0), "Không có đơn thư, khiếu nại, tố cáo trong năm"},
		{"tc3.issues_resolved", f(0), f(0), "Không có vấn đề nổi cộm"},
	},
	"tc4": {
		{"tc4.no_violations", f(0), f(0), "Không có đảng viên vi phạm"},
		{"tc4.residence", f(1), f(1), "17/17 đảng viên có nhận xét tốt của nơi cư trú; 1 đảng viên không lấy ý kiến"},
	},
}

var committeeChecks = map[string][]checkSpec{
	"tc1": {
		{"tc1.key_criteria", f(2), f(2), "2/2 tiêu chí trọng tâm đạt mức Tốt trở lên"},
		{"tc1.other_criteria", f(4), f(4), "4/4 tiêu chí khác đạt mức Trung bình trở lên"},
		{"tc1.suborgs_floor", f(1), f(1), "2/2 chi bộ trực thuộc xếp loại từ HTNV trở lên"},
		{"tc1.suborgs_good", f(1), f(0.5), "2/2 chi bộ trực thuộc xếp loại từ HTTNV trở lên"},
		{"tc1.staff_floor", f(1), f(1), "40/40 cán bộ, công chức xếp loại từ HTNV trở lên"},
		{"tc1.staff_good", f(0.7), f(0.5), "28/40 cán bộ, công chức xếp loại từ HTTNV trở lên"},
		{"tc1.mass_orgs", f(3), f(3), "Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh xếp loại từ HTNV trở lên"},
		{"tc1.admission", nil, nil, "Không giao chỉ tiêu kết nạp"},
		{"tc1.cases_pending", f(0), f(0), "Không có đơn thư, vụ việc tồn đọng"},
	},
	"tc2": {
		{"tc2.committee_meetings", f(12), f(12), "Ban Chấp hành họp 12 kỳ"},
		{"tc2.standing_meetings", f(14), f(12), "Ban Thường vụ họp 14 kỳ"},
		{"tc2.assembly", f(1), f(1), "Hội nghị đảng bộ ngày 15/01/2024"},
	},
	"tc3": cellChecks["tc3"],
	"tc4": cellChecks["tc4"],
}

// override changes one check of a unit in the fixture.
type override struct {
	status  criteria.Status
	value   *float64
	message string
}

// unitSpec describes one unit of the fixture; checks not overridden are met.
type unitSpec struct {
	unit      criteria.Unit
	verdict   criteria.Status
	rank      int
	commend   bool
	mean      float64
	overrides map[string]override
	items     map[string]criteria.Status // self-assessment items; absent = dat
}

func buildUnit(s unitSpec) criteria.UnitResult {
	u := s.unit
	set := cellChecks
	if u.Type == criteria.Committee {
		set = committeeChecks
	}
	ur := criteria.UnitResult{Unit: &u, Verdict: s.verdict, Rank: s.rank, Commendation: s.commend}
	if s.mean > 0 {
		ur.MeanScore, ur.HasMeanScore = s.mean, true
	}
	measured, met := 0, 0
	for _, cid := range []string{"tc1", "tc2", "tc3", "tc4"} {
		cr := criteria.CriterionResult{ID: cid, Verdict: criteria.Met}
		for _, spec := range set[cid] {
			ch := criteria.CheckResult{ID: spec.id, Status: criteria.Met, Value: spec.value, Threshold: spec.threshold, Message: spec.message}
			if spec.id == "tc1.admission" && spec.value == nil || spec.id == "tc1.staff_floor" && spec.value == nil || spec.id == "tc1.staff_good" && spec.value == nil {
				ch.Status = criteria.NotApplicable
			}
			if o, ok := s.overrides[spec.id]; ok {
				ch.Status, ch.Value, ch.Message = o.status, o.value, o.message
			}
			cr.Checks = append(cr.Checks, ch)
			if ch.Status != criteria.NotApplicable {
				measured++
				if ch.Status == criteria.Met {
					met++
				}
			}
		}
		for _, it := range criteria.Items {
			if it.Criterion != cid {
				continue
			}
			st, ok := s.items[it.ID]
			if !ok {
				st = criteria.Met
			}
			msg := "Đạt (Tự đánh giá dòng 2)"
			switch st {
			case criteria.NotMet:
				msg = "Không đạt: chưa xây dựng kế hoạch (Tự đánh giá dòng 5)"
			case criteria.NotAssessed:
				msg = "Chưa tự đánh giá"
			}
			cr.Checks = append(cr.Checks, criteria.CheckResult{ID: it.ID, Item: true, Status: st, Message: msg})
		}
		cr.Verdict = criterionVerdict(cr.Checks)
		if cr.Verdict == criteria.Met {
			ur.CriteriaMet++
		}
		ur.Criteria = append(ur.Criteria, cr)
	}
	ur.MeasuredMet = float64(met) / float64(measured)
	return ur
}

func criterionVerdict(checks []criteria.CheckResult) criteria.Status {
	v := criteria.Met
	for _, ch := range checks {
		switch ch.Status {
		case criteria.NotMet:
			return criteria.NotMet
		case criteria.MissingData:
			v = criteria.MissingData
		case criteria.Reachable:
			if v == criteria.Met {
				v = criteria.Reachable
			}
		}
	}
	return v
}

// fixture is a small bloc: two đảng bộ cơ sở with their chi bộ trực thuộc
// and four chi bộ cơ sở, covering every verdict, a commendation, a long
// name, a cluster, pilots, implementation checks and problems of every
// severity.
func fixture() *criteria.Report {
	src := func(row int) criteria.Source {
		return criteria.NewSource("khoi-2024.xlsx", "Đơn vị", row)
	}
	specs := []unitSpec{
		{unit: criteria.Unit{Code: "DB01", Name: "Đảng bộ Sở Tài chính", Type: criteria.Committee, Cluster: "Cụm 1", Pilot: true, Standing: true, Rating: criteria.HTXSNV, Source: src(2)},
			verdict: criteria.Met, rank: 1, commend: true, mean: 91.25},
		{unit: criteria.Unit{Code: "DB02", Name: "Đảng bộ Sở Giáo dục và Đào tạo tỉnh", Type: criteria.Committee, Cluster: "Cụm 1", Rating: criteria.HTTNV, Source: src(3)},
			verdict: criteria.NotMet, rank: 2, mean: 84.5,
			overrides: map[string]override{
				"tc1.suborgs_good":       {criteria.NotMet, f(0.3333333333333333), "1/3 chi bộ trực thuộc xếp loại từ HTTNV trở lên (cần 50%): DB02-CB2 HTNV, DB02-CB3 HTNV"},
				"tc2.committee_meetings": {criteria.NotMet, f(10), "Ban Chấp hành họp 10 kỳ, cần 12 (thiếu tháng 8, tháng 12)"},
			}},
		{unit: criteria.Unit{Code: "CB01", Name: "Chi bộ Sở Tư pháp", Type: criteria.CellGrassroots, Cluster: "Cụm 1", Pilot: true, Rating: criteria.HTXSNV, Source: src(4)},
			verdict: criteria.Met, rank: 1, commend: true, mean: 93.5},
		{unit: criteria.Unit{Code: "CB02", Name: "Chi bộ Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh", Type: criteria.CellGrassroots, Rating: criteria.HTTNV, Source: src(5)},
			verdict: criteria.Met, rank: 2, mean: 90},
		{unit: criteria.Unit{Code: "CB03", Name: "Chi bộ Văn phòng Đoàn ĐBQH", Type: criteria.CellGrassroots, Rating: criteria.HTNV, Source: src(6)},
			verdict: criteria.MissingData, rank: 3, mean: 88,
			overrides: map[string]override{
				"tc4.residence": {criteria.MissingData, f(0.9375), "15/16 đảng viên có nhận xét nơi cư trú; chưa có nhận xét của Trần Thị Bình (Đảng viên dòng 14)"},
			},
			items: map[string]criteria.Status{"tc1.q4": criteria.NotAssessed}},
		{unit: criteria.Unit{Code: "CB04", Name: "Chi bộ Hội Nông dân", Type: criteria.CellGrassroots, Cluster: "Cụm 1", Rating: criteria.HTNV, HasErrors: true, Source: src(7)},
			verdict: criteria.DataError, rank: 4, mean: 71.2,
			overrides: map[string]override{
				"tc2.regular_count": {criteria.NotMet, f(11), "11 buổi sinh hoạt thường kỳ, cần 12 (tháng 7 không có); 1 dòng lỗi bị bỏ qua"},
				"tc2.regular_good":  {criteria.NotMet, f(0.45454545454545453), "5/11 buổi đạt Tốt, cần 75%"},
			},
			items: map[string]criteria.Status{"tc2.q1": criteria.NotMet}},
		{unit: criteria.Unit{Code: "DB01-CB1", Name: "Chi bộ Phòng Ngân sách", Type: criteria.CellSubordinate, Parent: "DB01", Rating: criteria.HTXSNV, Source: src(8)},
			verdict: criteria.Met, rank: 1, mean: 94},
		{unit: criteria.Unit{Code: "DB02-CB1", Name: "Chi bộ Trường THPT Chuyên", Type: criteria.CellSubordinate, Parent: "DB02", Pilot: true, Rating: criteria.HTTNV, Source: src(9)},
			verdict: criteria.MissingData, rank: 2, mean: 89,
			overrides: map[string]override{
				"tc3.no_complaints":   {criteria.MissingData, nil, "Sổ không có trang Đơn thư vụ việc: chưa ghi nhận không phải là không có"},
				"tc3.issues_resolved": {criteria.MissingData, nil, "Sổ không có trang Đơn thư vụ việc"},
			}},
		{unit: criteria.Unit{Code: "DB02-CB2", Name: "Chi bộ Phòng Giáo dục trung học", Type: criteria.CellSubordinate, Parent: "DB02", Rating: criteria.HTNV, Source: src(10)},
			verdict: criteria.NotMet, rank: 3,
			overrides: map[string]override{
				"tc1.members_floor": {criteria.NotMet, f(0.9), "9/10 đảng viên xếp loại từ HTNV trở lên; Lê Văn Cường KHTNV (Đảng viên dòng 31)"},
				"tc4.no_violations": {criteria.NotMet, f(1), "1 đảng viên vi phạm những điều đảng viên không được làm: Lê Văn Cường (Đảng viên dòng 31)"},
				"tc2.regular_count": {criteria.MissingData, nil, "Không có dòng Sinh hoạt nào của chi bộ"},
				"tc2.regular_good":  {criteria.MissingData, nil, "Không có dòng Sinh hoạt nào của chi bộ"},
			}},
	}
	r := &criteria.Report{Year: 2024, Thresholds: criteria.Default(), Rules: criteria.Rules{Profile: criteria.ProfileHD17}}
	for _, s := range specs {
		r.Units = append(r.Units, buildUnit(s))
	}
	r.Implementation = []criteria.ImplementationResult{
		{ID: "pilot.suborgs", Unit: "DB01", Status: criteria.NotMet, Message: "Đảng bộ có 1 chi bộ trực thuộc, cần ít nhất 1 chi bộ làm điểm; chưa có chi bộ nào làm điểm"},
		{ID: "pilot.suborgs", Unit: "DB02", Status: criteria.Met, Message: "Có 1 chi bộ làm điểm (DB02-CB1) trên 2 chi bộ trực thuộc, cần 1"},
		{ID: "pilot.cluster", Cluster: "Cụm 1", Status: criteria.NotMet, Message: "Cụm 1 có 1 đảng bộ cơ sở làm điểm (cần 2) và 1 chi bộ cơ sở làm điểm (cần 1)"},
	}
	r.Problems = []criteria.Problem{
		{Code: "score.out_of_range", Severity: criteria.SeverityError, File: "khoi-2024.xlsx", Sheet: "Sinh hoạt", Cell: "D17", Unit: "CB04", Message: "Điểm 105 ngoài khoảng 0–100"},
		{Code: "meeting.low_attendance", Severity: criteria.SeverityWarning, File: "khoi-2024.xlsx", Sheet: "Sinh hoạt", Cell: "F40", Unit: "CB03", Message: "Buổi sinh hoạt ngày 12/03/2024 có 14/18 đảng viên dự (77,8%), không quá 85%"},
		{Code: "self_assessment.missing", Severity: criteria.SeverityWarning, File: "khoi-2024.xlsx", Sheet: "Tự đánh giá", Unit: "CB03", Message: "Chưa tự đánh giá mục tc1.q4"},
		{Code: "year.rows_left_out", Severity: criteria.SeverityNote, File: "khoi-2024.xlsx", Sheet: "Sinh hoạt", Message: "3 dòng của năm 2023 được bỏ qua"},
	}
	return r
}

// asOfFixture is the fixture as a mid-year self-check.
func asOfFixture() *criteria.Report {
	r := fixture()
	r.AsOf = time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC)
	return r
}
