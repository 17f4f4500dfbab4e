package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

// TestTableSummaryCountsMetQuota: the summary of a bloc lists the units
// over the HTXSNV share and counts the others in one line; a unit's own
// view gives its result in full.
func TestTableSummaryCountsMetQuota(t *testing.T) {
	r := fixture()
	r.Implementation = append(r.Implementation,
		criteria.ImplementationResult{ID: "quota.htxsnv", Unit: "CB03", Status: criteria.NotMet, Message: "3 HTXSNV / 12 đảng viên xếp loại từ HTTNV trở lên = 25%, vượt 20%"},
		criteria.ImplementationResult{ID: "quota.htxsnv", Unit: "CB04", Status: criteria.Met, Message: "1 HTXSNV / 8 đảng viên xếp loại từ HTTNV trở lên = 12,5%, không quá 20%"},
		criteria.ImplementationResult{ID: "quota.htxsnv", Unit: "DB01", Status: criteria.Met, Message: "Toàn đảng bộ: 2 HTXSNV / 10"},
	)
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	if !strings.Contains(out, "3 HTXSNV / 12 đảng viên") || strings.Contains(out, "1 HTXSNV / 8") || strings.Contains(out, "2 HTXSNV / 10") {
		t.Errorf("summary lists the wrong quota results:\n%s", out)
	}
	// The count line wraps like any other within 80 columns.
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "✓ Đạt · Tỷ lệ đảng viên xếp loại HTXSNV · 2 đơn vị (xem từng đơn vị bằng --unit MÃ)") {
		t.Errorf("summary does not count the units within the share:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(l); n > MinWidth {
			t.Errorf("line of %d columns: %q", n, l)
		}
	}
	unit := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{Unit: "CB04"}) }))
	if !strings.Contains(unit, "1 HTXSNV / 8 đảng viên xếp loại từ HTTNV trở lên = 12,5%, không quá 20%") {
		t.Errorf("unit view lacks its quota result:\n%s", unit)
	}
}

// TestCommendationListsCarryTheOrgQuota: when quota.htxsnv_orgs is not
// dat (Quy định 366-QĐ/TW art. 11), the terminal and the Excel report
// print it beside the list it concerns — the đảng ủy's list of chi bộ trực
// thuộc, the first list for the evaluation as a whole — instead of
// listing every HTXSNV unit silently; the entry over the evaluation is
// named "Toàn bộ đơn vị được đánh giá" and its JSON unit is null.
func TestCommendationListsCarryTheOrgQuota(t *testing.T) {
	r := fixture2025(t)
	r.Implementation = append(r.Implementation,
		criteria.ImplementationResult{ID: "quota.htxsnv_orgs", Unit: "DB01", Status: criteria.NotMet, Message: "Chi bộ trực thuộc của DB01: 4 HTXSNV / 1 chi bộ trực thuộc xếp loại HTTNV = 400%, vượt 20% (tối đa 0 HTXSNV)"},
		criteria.ImplementationResult{ID: "quota.htxsnv_orgs", Status: criteria.NotMet, Message: "Các chi bộ cơ sở, đảng bộ cơ sở được đánh giá (6 đơn vị): 2 HTXSNV / 0 tổ chức cơ sở đảng xếp loại HTTNV, vượt 20% (tối đa 0 HTXSNV)"},
	)
	out := strings.Join(strings.Fields(string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))), " ")
	for _, want := range []string{
		"Lưu ý — số đơn vị xếp loại HTXSNV vượt tỷ lệ (Quy định 366-QĐ/TW, Điều 11), cần xem lại xếp loại trước khi đề nghị: Các chi bộ cơ sở, đảng bộ cơ sở được đánh giá (6 đơn vị)",
		"- DB01-CB1 Chi bộ Phòng Ngân sách (hạng 1/3 chi bộ trực thuộc) Lưu ý — số đơn vị xếp loại HTXSNV vượt tỷ lệ (Quy định 366-QĐ/TW, Điều 11), cần xem lại xếp loại trước khi đề nghị: Chi bộ trực thuộc của DB01: 4 HTXSNV",
		"✗ Không đạt · Tỷ lệ tổ chức đảng xếp loại HTXSNV · Toàn bộ đơn vị được đánh giá",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}

	data := render(t, func(b *bytes.Buffer) error { return XLSX(b, r, XLSXOptions{}) })
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cells []string
	for _, sheet := range []string{SheetCommendation, SheetImplementation} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			cells = append(cells, strings.Join(row, "|"))
		}
	}
	got := strings.Join(cells, "\n")
	for _, want := range []string{
		"(Hướng dẫn 17-HD/ĐUK). Lưu ý — số đơn vị xếp loại HTXSNV vượt tỷ lệ",
		"thuộc DB01 Đảng bộ Sở Tài chính. Lưu ý — số đơn vị xếp loại HTXSNV vượt tỷ lệ (Quy định 366-QĐ/TW, Điều 11), cần xem lại xếp loại trước khi đề nghị: Chi bộ trực thuộc của DB01",
		"|Tỷ lệ tổ chức đảng xếp loại HTXSNV|Toàn bộ đơn vị được đánh giá|Không đạt|",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("xlsx lacks %q:\n%s", want, got)
		}
	}

	var doc struct {
		Implementation []struct {
			ID      string  `json:"id"`
			Unit    *string `json:"unit"`
			Cluster *string `json:"cluster"`
		} `json:"implementation"`
	}
	if err := json.Unmarshal(render(t, func(b *bytes.Buffer) error { return JSON(b, r) }), &doc); err != nil {
		t.Fatal(err)
	}
	last := doc.Implementation[len(doc.Implementation)-1]
	if last.ID != "quota.htxsnv_orgs" || last.Unit != nil || last.Cluster != nil {
		t.Errorf("JSON entry over the evaluation: %+v", last)
	}
}
