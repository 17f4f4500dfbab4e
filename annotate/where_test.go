package annotate

import (
	"testing"

	"github.com/bontot/bontot/criteria"
)

// TestWhereOf: a finding without a cell is sent to the sheet its check
// reads, as the check's record says, for every measured check; an item
// to Tự đánh giá, an unknown ID to Đơn vị.
func TestWhereOf(t *testing.T) {
	want := map[string]string{
		"tc1.key_criteria":       "Tiêu chí",
		"tc1.other_criteria":     "Tiêu chí",
		"tc1.members_floor":      "Đảng viên",
		"tc1.members_good":       "Đảng viên",
		"tc1.suborgs_floor":      "Đơn vị",
		"tc1.suborgs_good":       "Đơn vị",
		"tc1.staff_floor":        "Cán bộ",
		"tc1.staff_good":         "Cán bộ",
		"tc1.mass_orgs":          "Đoàn thể",
		"tc1.admission":          "Đơn vị",
		"tc1.cases_pending":      "Đơn thư vụ việc",
		"tc2.regular_count":      "Sinh hoạt",
		"tc2.regular_good":       "Sinh hoạt",
		"tc2.regular_no_weak":    "Sinh hoạt",
		"tc2.thematic_count":     "Sinh hoạt",
		"tc2.thematic_quarterly": "Sinh hoạt",
		"tc2.committee_meetings": "Họp cấp ủy",
		"tc2.standing_meetings":  "Họp cấp ủy",
		"tc2.assembly":           "Họp cấp ủy",
		"tc3.no_complaints":      "Đơn thư vụ việc",
		"tc3.issues_resolved":    "Đơn thư vụ việc",
		"tc4.no_violations":      "Đảng viên",
		"tc4.residence":          "Đảng viên",
		"x.unknown":              "Đơn vị",
	}
	if len(want) != len(criteria.Checks)+1 {
		t.Fatalf("the table covers %d checks, the catalogue has %d", len(want)-1, len(criteria.Checks))
	}
	for id, sheet := range want {
		if got := whereOf(criteria.CheckResult{ID: id}); got != "trang \""+sheet+"\"" {
			t.Errorf("%s: %s, want trang %q", id, got, sheet)
		}
	}
	if got := whereOf(criteria.CheckResult{ID: "tc2.q1", Item: true}); got != `trang "Tự đánh giá" (thêm dòng cho mục tc2.q1)` {
		t.Errorf("item: %s", got)
	}
}
