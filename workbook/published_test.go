package workbook

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// Score sheets as provinces write them (SPEC §4 "Score sheets"; the
// layouts of FORMS.md): the published layouts generated in testdata/phieu,
// read end to end, and one test for each look-alike the reader must refuse
// (STYLE, "Reading what offices lay out"). The misread tests fail on the
// first score-sheet reader, which took a date or a word wherever it stood
// (each says, after "Before:", what that reader did).

// kinds counts the regular and thematic meetings of u.
func kinds(u *criteria.Unit) (regular, thematic int) {
	for _, m := range u.Meetings {
		if m.Kind == criteria.Thematic {
			thematic++
		} else {
			regular++
		}
	}
	return regular, thematic
}

// TestHD12FormWorkbook: the Hướng dẫn 12 form (FORMS item 1) — a signing
// line dated the 5th of the next month and a citation "Kèm theo Hướng dẫn
// số 12-HD/BTCTW ngày 18/10/2017" both above the meeting line — reads
// every meeting on the day its meeting line gives: 12 regular (92, March
// 82) and 4 thematic, the upper committee's column deciding, no problem.
func TestHD12FormWorkbook(t *testing.T) {
	res := readOne(t, phieu("phieu-hd12.xlsx"), Options{})
	if got := problemLines(res); len(got) != 0 {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	u := res.Dataset.Units[0]
	if r, th := kinds(u); r != 12 || th != 4 || res.Dataset.Year != 2024 {
		t.Fatalf("%d regular, %d thematic, year %d:\n%s", r, th, res.Dataset.Year, strings.Join(meetingSummary(u), "\n"))
	}
	for i, m := range u.Meetings {
		want, _ := workbooktest.HD12Meeting(i + 1)
		score := 92.0
		if i == 2 {
			score = 82
		}
		if !m.Date.Equal(want) || m.Score != score || !m.UpperScore || len(m.Groups) != 5 || m.Groups[2].Max != 35 {
			t.Errorf("%s: %s %v upper=%v groups %d, want %s %v", m.Source.Sheet(), m.Date.Format("02/01/2006"), m.Score, m.UpperScore, len(m.Groups), want.Format("02/01/2006"), score)
		}
	}
	rep := criteria.Evaluate(res.Dataset, criteria.Default(), criteria.Options{})
	for _, ch := range rep.Units[0].Criteria[1].Checks {
		if (ch.ID == "tc2.regular_count" || ch.ID == "tc2.thematic_count") && ch.Status != criteria.Met {
			t.Errorf("%s %s: %s", ch.ID, ch.Status, ch.Message)
		}
	}
}

// TestHD12FormWithoutUnitsSheet: the same form as a chi bộ keeps it, with
// no Đơn vị sheet and its committee block at the top left: the unit comes
// from the block (the upper committee over the chi bộ: a chi bộ cơ sở),
// every sheet reads as that unit, and a note says from which cell.
func TestHD12FormWithoutUnitsSheet(t *testing.T) {
	res, err := Read([]string{phieu("phieu-hd12-khong-don-vi.xlsx")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dataset.Units) != 1 {
		t.Fatalf("units %d: %v", len(res.Dataset.Units), problemLines(res))
	}
	u := res.Dataset.Units[0]
	if u.Name != "Chi bộ Văn phòng Sở" || u.Type != criteria.CellGrassroots {
		t.Errorf("unit %q of type %s", u.Name, u.Type)
	}
	if r, th := kinds(u); r != 12 || th != 4 {
		t.Errorf("%d regular, %d thematic", r, th)
	}
	noted := false
	for _, p := range res.Dataset.Problems {
		noted = noted || (p.Lead && strings.Contains(p.Message, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\" ở ô A1"))
	}
	if !noted {
		t.Errorf("no note of where the unit was taken from:\n%s", strings.Join(problemLines(res), "\n"))
	}
}

// TestEightGroupFormWorkbook: the eight-group sheet after Hướng dẫn 42
// (FORMS item 2), groups numbered 1–8 with sub-items 1.1…, signed on the
// 10th of the next month, the quarter's thematic meeting held with the
// regular one of March, June, September and December: 12 regular and 4
// thematic meetings, 92 each but July 85, each group under its 2025 name.
func TestEightGroupFormWorkbook(t *testing.T) {
	th := profileGroups(t, criteria.Profile2025)
	opts := readOptions(th)
	opts.Year = workbooktest.AnPhuYear
	res := readOne(t, phieu("phieu-8-nhom.xlsx"), opts)
	if got := problemLines(res); len(got) != 0 {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	u := res.Dataset.Units[0]
	if r, thm := kinds(u); r != 12 || thm != 4 || res.Dataset.Year != workbooktest.AnPhuYear {
		t.Fatalf("%d regular, %d thematic:\n%s", r, thm, strings.Join(meetingSummary(u), "\n"))
	}
	for _, m := range u.Meetings {
		mo := int(m.Date.Month())
		want, _ := workbooktest.AnPhuMeeting(mo)
		score := 92.0
		if mo == 7 {
			score = 85
		}
		if !m.Date.Equal(want) || m.Score != score || len(m.Groups) != 8 || m.Groups[3].Name != "Tổ chức sinh hoạt chi bộ" || m.Groups[1].Max != 5 {
			t.Errorf("%s kind %v: %s %v groups %+v", m.Source.Sheet(), m.Kind, m.Date.Format("02/01/2006"), m.Score, m.Groups)
		}
		if m.Kind == criteria.Thematic && mo%3 != 0 {
			t.Errorf("thematic meeting in %s", m.Source.Sheet())
		}
	}
	rep := criteria.Evaluate(res.Dataset, th, criteria.Options{})
	for _, ch := range rep.Units[0].Criteria[1].Checks {
		if (ch.ID == "tc2.regular_count" || ch.ID == "tc2.thematic_count") && ch.Status != criteria.Met {
			t.Errorf("%s %s: %s", ch.ID, ch.Status, ch.Message)
		}
	}
}

// TestYearSummaryWorkbook: the year's summary of meeting scores (FORMS
// item 3) — two header rows, "Điểm chấm theo nội dung" over four "… (N
// điểm)" columns, a Cộng line, the year's rating and the signature block
// — is read as its sixteen meetings, with a note; the lines below the
// table are no meetings.
func TestYearSummaryWorkbook(t *testing.T) {
	res := readOne(t, phieu("tong-hop-2024.xlsx"), Options{})
	want := []string{`Tổng hợp 2024! note: Sheet "Tổng hợp 2024" được đọc như bảng tổng hợp điểm sinh hoạt của năm (tiêu đề bảng ở dòng 8): 16 buổi sinh hoạt`}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	u := res.Dataset.Units[0]
	rows := workbooktest.SummaryMeetings()
	if len(u.Meetings) != len(rows) {
		t.Fatalf("%d meetings:\n%s", len(u.Meetings), strings.Join(meetingSummary(u), "\n"))
	}
	for i, m := range u.Meetings {
		w := rows[i]
		if !m.Date.Equal(w.Date) || m.Score != w.Total() || (m.Kind == criteria.Thematic) != w.Thematic || len(m.Groups) != 4 || m.Groups[2].Max != 45 || m.Source.Row != 9+i {
			t.Errorf("row %d: %s %v kind %v groups %+v, want %s %v", m.Source.Row, m.Date.Format("02/01/2006"), m.Score, m.Kind, m.Groups, w.Date.Format("02/01/2006"), w.Total())
		}
	}
	if r, th := kinds(u); r != 12 || th != 4 || u.Meetings[3].Score != 82 {
		t.Errorf("%d regular, %d thematic; March %v", r, th, u.Meetings[3].Score)
	}
}

// TestBonTotIsNoMeeting: a chi bộ's yearly "chi bộ bốn tốt" self-scoring
// table (FORMS item 10) has groups I–IV, a scale of 100 and two scorers,
// like a score sheet; it names no meeting, so it is none: a note says
// what it is. Before: it was a meeting of 92 points dated by its
// signing line, 12/12/2024.
func TestBonTotIsNoMeeting(t *testing.T) {
	res := readOne(t, phieu("bon-tot-2024.xlsx"), Options{Year: 2024})
	want := []string{`Tự chấm 2024!A4 note: Sheet "Tự chấm 2024" là bảng chấm điểm chi bộ bốn tốt của năm (ô A4), không ghi một buổi sinh hoạt nào nên không được đọc như phiếu chấm điểm sinh hoạt chi bộ`}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	if u := res.Dataset.Units[0]; len(u.Meetings) != 0 || u.Sheets.Has(criteria.SheetMeetings) {
		t.Errorf("meetings %v", meetingSummary(u))
	}
}

// regularTable is a five-group table scored 90 by the chi bộ.
var regularTable = [][]any{
	{"I", "Tỷ lệ đảng viên dự sinh hoạt", 10, 10},
	{"II", "Công tác chuẩn bị", 15, 14},
	{"III", "Tổ chức sinh hoạt", 40, 36},
	{"IV", "Thực hiện nguyên tắc", 15, 13},
	{"V", "Kết quả sinh hoạt", 20, 17},
	{nil, "Tổng cộng", 100, 90},
}

var formHead = []any{"TT", "Tiêu chí đánh giá", "Thang điểm", "Chi ủy, Bí thư chi bộ chấm"}

// readForms reads a workbook of one chi bộ and the given sheets.
func readForms(t *testing.T, sheets ...sheet) *Result {
	t.Helper()
	path := writeBook(t, t.TempDir(), "b.xlsx", append([]sheet{oneCell()}, sheets...)...)
	return readOne(t, path, Options{Year: 2024})
}

// TestSigningLineIsNotTheMeetingDate: a signing line "Hà Nội, ngày 05
// tháng 4 năm 2024" (or one under ĐẢNG CỘNG SẢN VIỆT NAM without the
// place) above the meeting line does not date the meeting; December's
// stays in the year. Before: every meeting moved a month and December's
// fell into the next year.
func TestSigningLineIsNotTheMeetingDate(t *testing.T) {
	var sheets []sheet
	for _, m := range []int{3, 12} {
		y, next := 2024, m+1
		if next == 13 {
			y, next = 2025, 1
		}
		sheets = append(sheets, sheet{fmt.Sprintf("Tháng %d", m), append([][]any{
			{"ĐẢNG BỘ KHỐI", nil, "ĐẢNG CỘNG SẢN VIỆT NAM"},
			{"CHI BỘ MỘT", nil, fmt.Sprintf("Hà Nội, ngày 05 tháng %d năm %d", next, y)},
			{nil},
			{"BẢNG ĐIỂM ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ"},
			{fmt.Sprintf("Kỳ sinh hoạt thường kỳ tháng %d năm 2024", m)},
			{fmt.Sprintf("Thời gian: ngày 12/%d/2024", m)},
			{nil},
			formHead,
		}, regularTable...)})
	}
	// The party heading with the day under it, no place.
	sheets = append(sheets, sheet{"Sinh hoạt tháng 6", append([][]any{
		{"ĐẢNG BỘ KHỐI", nil, "ĐẢNG CỘNG SẢN VIỆT NAM"},
		{"CHI BỘ MỘT", nil, "ngày 02 tháng 7 năm 2024"},
		{"BẢNG ĐIỂM ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ"},
		{"Kỳ sinh hoạt thường kỳ tháng 6 năm 2024 (ngày 10/6/2024)"},
		formHead,
	}, regularTable...)})
	res := readForms(t, sheets...)
	got := meetingSummary(res.Dataset.Units[0])
	want := []string{"Tháng 3 TK 12/03 90", "Tháng 12 TK 12/12 90", "Sinh hoạt tháng 6 TK 10/06 90"}
	if !slices.Equal(got, want) || len(problemLines(res)) != 0 {
		t.Errorf("meetings %v, problems %v", got, problemLines(res))
	}
}

// TestCitationIsNotTheMeetingDate: "Kèm theo Hướng dẫn số 12-HD/BTCTW
// ngày 18/10/2017" dates the guidance, not the meeting: the month of the
// meeting line dates it. Before: the meeting was dated 18/10/2017.
func TestCitationIsNotTheMeetingDate(t *testing.T) {
	res := readForms(t, sheet{"Phiếu 3", append([][]any{
		{"BẢNG ĐIỂM ĐÁNH GIÁ, PHÂN LOẠI ĐẢNG BỘ, CHI BỘ"},
		{"(Kèm theo Hướng dẫn số 12-HD/BTCTW ngày 18/10/2017 của Ban Tổ chức Trung ương)"},
		{"Kỳ sinh hoạt tháng 3 năm 2024"},
		formHead,
	}, regularTable...)})
	u := res.Dataset.Units[0]
	if got := meetingSummary(u); !slices.Equal(got, []string{"Phiếu 3 TK 01/03 90"}) || !u.Meetings[0].MonthOnly || len(problemLines(res)) != 0 {
		t.Errorf("meetings %v, problems %v", got, problemLines(res))
	}
}

// TestFootnoteDoesNotMakeThematic: "chuyên đề" in a footnote of a regular
// form's header is no evidence; the meeting line and the sheet's name
// say what the meeting is. Before: the meeting counted as thematic.
func TestFootnoteDoesNotMakeThematic(t *testing.T) {
	res := readForms(t, sheet{"T4", append([][]any{
		{"BẢNG ĐIỂM ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ"},
		{"Kỳ sinh hoạt thường kỳ tháng 4 năm 2024, ngày 09/4/2024"},
		{"Ghi chú: buổi sinh hoạt chuyên đề chấm theo phiếu riêng"},
		formHead,
	}, regularTable...)})
	if got := meetingSummary(res.Dataset.Units[0]); !slices.Equal(got, []string{"T4 TK 09/04 90"}) {
		t.Errorf("meetings %v, problems %v", got, problemLines(res))
	}
	// A title for either kind says neither; a title saying chuyên đề over
	// a meeting line saying thường kỳ cannot be told, and says so.
	res = readForms(t,
		sheet{"T5", append([][]any{
			{"PHIẾU CHẤM ĐIỂM SINH HOẠT CHI BỘ THƯỜNG KỲ VÀ CHUYÊN ĐỀ"},
			{"Ngày sinh hoạt: 14/5/2024"},
			{"Thời gian: 8 giờ 14/5/2024"},
			formHead,
		}, regularTable...)},
		sheet{"T6", append([][]any{
			{"BẢNG ĐIỂM SINH HOẠT CHUYÊN ĐỀ"},
			{"Kỳ sinh hoạt thường kỳ tháng 6 năm 2024 (ngày 11/6/2024)"},
			formHead,
		}, regularTable...)})
	want := []string{`T6!A2 error: Không rõ buổi sinh hoạt thường kỳ hay chuyên đề: ô A2 ghi thường kỳ, ô A1 ghi chuyên đề; sửa cho khớp (buổi thường kỳ kết hợp chuyên đề thì ghi "thường kỳ … kết hợp sinh hoạt chuyên đề …")`}
	if got := meetingSummary(res.Dataset.Units[0]); !slices.Equal(got, []string{"T5 TK 14/05 90"}) || !slices.Equal(problemLines(res), want) {
		t.Errorf("meetings %v, problems %v", got, problemLines(res))
	}
}

// TestRegularWithThematicIsTwoMeetings: "thường kỳ … kết hợp (với) sinh
// hoạt chuyên đề" is one regular and one thematic meeting of that date
// (Chỉ thị 50). Before: only a thematic one, so a month without a
// regular meeting.
func TestRegularWithThematicIsTwoMeetings(t *testing.T) {
	res := readForms(t, sheet{"T3", append([][]any{
		{"PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ"},
		{"Kỳ sinh hoạt: thường kỳ tháng 3 năm 2024 kết hợp với sinh hoạt chuyên đề quý I"},
		{"Thời gian: 14 giờ, ngày 05/03/2024"},
		formHead,
	}, regularTable...)})
	u := res.Dataset.Units[0]
	if got := meetingSummary(u); !slices.Equal(got, []string{"T3 TK 05/03 90", "T3 CĐ 05/03 90"}) || len(problemLines(res)) != 0 {
		t.Errorf("meetings %v, problems %v", got, problemLines(res))
	}
}

// TestDateDisagreement: the date, the title's month, the quarter and the
// sheet's name must agree; a disagreement is an error naming both places
// and the sheet is no meeting. Before: the date was taken silently.
func TestDateDisagreement(t *testing.T) {
	block := func(lines ...any) [][]any {
		var rows [][]any
		for _, l := range lines {
			rows = append(rows, []any{l})
		}
		return append(append(rows, formHead), regularTable...)
	}
	res := readForms(t,
		sheet{"Phiếu A", block("Kỳ sinh hoạt thường kỳ tháng 3 năm 2024", "ngày 05/04/2024")},
		sheet{"T5", block("Kỳ sinh hoạt thường kỳ, ngày 12/06/2024")},
		sheet{"Chuyên đề quý I", block("Sinh hoạt chuyên đề, ngày 20/05/2024")},
		sheet{"Phiếu B", block("Kỳ sinh hoạt ngày 10/7/2024", "ngày 11/7/2024")},
	)
	want := []string{
		`Phiếu A!A2 error: Ngày 05/04/2024 ở ô A2 không khớp tháng 3 ghi ở ô A1; sửa cho ngày, tháng ở tiêu đề và tên sheet cùng chỉ buổi sinh hoạt này`,
		`T5!A1 error: Ngày 12/06/2024 ở ô A1 không khớp tháng 5 ghi ở tên sheet "T5"; sửa cho ngày, tháng ở tiêu đề và tên sheet cùng chỉ buổi sinh hoạt này`,
		`Chuyên đề quý I!A1 error: Ngày 20/05/2024 ở ô A1 không thuộc quý I ghi ở tên sheet "Chuyên đề quý I"; sửa cho ngày và quý cùng chỉ buổi sinh hoạt này`,
		`Phiếu B!A2 error: Phần đầu phiếu ghi hai ngày khác nhau: 11/07/2024 ở ô A2 và 10/07/2024 ở ô A1; chỉ ghi ngày sinh hoạt ở dòng kỳ sinh hoạt (ngày ký phiếu ghi dưới bảng, sau "…, ngày … tháng … năm …")`,
	}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if u := res.Dataset.Units[0]; len(u.Meetings) != 0 || !u.HasErrors {
		t.Errorf("meetings %v", meetingSummary(u))
	}
}

// TestArabicGroupsAndSubItems: groups numbered 1, 2, 3 with sub-items
// 1.1, a), and i, ii, iii under a Roman group are sub-items; maxima in a
// "Mức điểm tối đa" or "Biểu điểm" column or in the group's text "(15
// điểm)"; the upper committee's column headed "… thẩm định". Before: the
// arabic form was not read, "ii" was a group of its own, and the thẩm
// định column was ignored (the chi bộ's 95 taken instead of 85).
func TestArabicGroupsAndSubItems(t *testing.T) {
	res := readForms(t,
		sheet{"T1", [][]any{
			{"Kỳ sinh hoạt thường kỳ tháng 1 năm 2024 (ngày 10/01/2024)"},
			{"TT", "Nội dung tiêu chí", "Mức điểm tối đa", "Điểm chi bộ tự chấm", "Cấp ủy cấp trên thẩm định"},
			{1, "Chuẩn bị", 30},
			{"1.1", "Nội dung", 20, 20, 15},
			{"1.2", "Thông báo", 10, 10, 10},
			{2, "Tổ chức", 50},
			{"a)", "Quy trình", 30, 28, 25},
			{"b)", "Thảo luận", 20, 17, 15},
			{3, "Kết quả", 20, 20, 20},
			{nil, "Tổng cộng", 100, 95, 85},
		}},
		sheet{"T2", [][]any{
			{"Kỳ sinh hoạt thường kỳ tháng 2 năm 2024 (ngày 14/02/2024)"},
			{"TT", "Tiêu chí đánh giá", "Biểu điểm", "Chi bộ chấm"},
			{"I", "Chuẩn bị", 40},
			{"i", "Nội dung", 20, 18},
			{"ii", "Thông báo", 20, 20},
			{"II", "Tổ chức", 60, 50},
			{nil, "Cộng", 100, 88},
		}},
		sheet{"T3", [][]any{
			{"Kỳ sinh hoạt thường kỳ tháng 3 năm 2024 (ngày 13/03/2024)"},
			{"TT", "Nội dung", "Chi bộ chấm"},
			{"I", "Công tác chuẩn bị (15 điểm)", 15},
			{"II", "Tỷ lệ đảng viên tham dự (20 điểm)", 20},
			{"III", "Tổ chức sinh hoạt (45 điểm)", 40},
			{"IV", "Kết thúc hội nghị (20 điểm)", 18},
			{nil, "Tổng cộng", nil, 93},
		}},
	)
	u := res.Dataset.Units[0]
	want := []string{"T1 TK 10/01 85", "T2 TK 14/02 88", "T3 TK 13/03 93"}
	if got := meetingSummary(u); !slices.Equal(got, want) || len(problemLines(res)) != 0 {
		t.Fatalf("meetings %v, problems %v", got, problemLines(res))
	}
	if g := u.Meetings[0].Groups; len(g) != 3 || g[1].Score != 40 || g[1].Max != 50 || !u.Meetings[0].UpperScore {
		t.Errorf("T1 groups %+v", g)
	}
	if g := u.Meetings[1].Groups; len(g) != 2 || g[0].Score != 38 || g[0].Max != 40 {
		t.Errorf("T2 groups %+v", g)
	}
	if g := u.Meetings[2].Groups; len(g) != 4 || g[2].Max != 45 || g[2].Score != 40 {
		t.Errorf("T3 groups %+v", g)
	}
}

// TestArabicNumberingThatRestarts: numbers 1, 2, 1, 2 cannot tell groups
// from sub-criteria: the sheet is not read, and the note says how to
// number it.
func TestArabicNumberingThatRestarts(t *testing.T) {
	res := readForms(t, sheet{"T1", [][]any{
		{"Kỳ sinh hoạt ngày 10/01/2024"},
		{"TT", "Tiêu chí đánh giá", "Thang điểm", "Chi bộ chấm"},
		{1, "Chuẩn bị", 50, 40},
		{2, "Tổ chức", 50, 45},
		{1, "Nội dung", 30, 25},
		{nil, "Tổng cộng", 100, 85},
	}})
	want := []string{`T1!A5 note: Sheet "T1": số thứ tự ở ô A5 không nối tiếp nhóm trước nên không phân biệt được nhóm tiêu chí với tiêu chí con; đánh số nhóm I, II, III… (hoặc 1, 2, 3… với tiêu chí con 1.1, 1.2 hoặc a, b) để bontot đọc phiếu này`}
	if got := problemLines(res); !slices.Equal(got, want) || len(res.Dataset.Units[0].Meetings) != 0 {
		t.Errorf("problems %v", got)
	}
}

// TestUncomputedFormulas: score cells that are formulas with no cached
// value (a workbook written by a program that does not calculate) are an
// error asking to open and save the workbook; the template's blank form,
// whose only formulas are its totals, is still a form not yet scored.
// Before: a form not yet scored.
func TestUncomputedFormulas(t *testing.T) {
	path := writeBookOpts(t, t.TempDir(), "b.xlsx", func(f *excelize.File) {
		for r := 3; r <= 7; r++ {
			_ = f.SetCellFormula("T2", fmt.Sprintf("D%d", r), fmt.Sprintf("Nhập!B%d", r))
		}
		_ = f.SetCellFormula("T2", "D8", "SUM(D3:D7)")
	}, oneCell(), sheet{"T2", [][]any{
		{"Kỳ sinh hoạt thường kỳ tháng 2 năm 2024 (ngày 14/02/2024)"},
		formHead,
		{"I", "Tỷ lệ", 10}, {"II", "Chuẩn bị", 15}, {"III", "Tổ chức", 40}, {"IV", "Nguyên tắc", 15}, {"V", "Kết quả", 20},
		{nil, "Tổng cộng", 100},
	}}, sheet{"Nhập", [][]any{{"x"}}})
	res := readOne(t, path, Options{Year: 2024})
	got := problemLines(res)
	if len(got) == 0 || !strings.HasPrefix(got[0], "T2!D3 error: nhóm I Tỷ lệ: ô D3 là công thức =Nhập!B3 chưa có giá trị đã tính; mở sổ bằng Excel") {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	if u := res.Dataset.Units[0]; len(u.Meetings) != 0 || !u.HasErrors {
		t.Errorf("meetings %v", meetingSummary(u))
	}
}

// TestTableBelowRow30AndPastRow1000: a score sheet's table under 40 title
// rows is read, and a table running past row 1,000 is read whole. Before:
// the first was not read and the second cut at row 1,000.
func TestTableBelowRow30AndPastRow1000(t *testing.T) {
	low := make([][]any, 40)
	low[0] = []any{"Kỳ sinh hoạt thường kỳ tháng 5 năm 2024 (ngày 13/05/2024)"}
	low = append(append(low, formHead), regularTable...)
	long := [][]any{{"Kỳ sinh hoạt thường kỳ tháng 6 năm 2024 (ngày 10/06/2024)"}, formHead, regularTable[0]}
	for range 1100 {
		long = append(long, []any{nil, nil, nil, nil})
	}
	long = append(long, regularTable[1:]...)
	res := readForms(t, sheet{"T5", low}, sheet{"T6", long})
	want := []string{"T5 TK 13/05 90", "T6 TK 10/06 90"}
	if got := meetingSummary(res.Dataset.Units[0]); !slices.Equal(got, want) || len(problemLines(res)) != 0 {
		t.Errorf("meetings %v, problems %v", got, problemLines(res))
	}
}

// TestStatisticsFormIsNoData: Biểu số 7A-TCTW counts units per level; it
// is never meetings or members, and its note says what it is.
func TestStatisticsFormIsNoData(t *testing.T) {
	res := readForms(t, sheet{"Biểu 7A", [][]any{
		{"Tỉnh (thành ủy) …", nil, "BÁO CÁO ĐÁNH GIÁ CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG", nil, "Biểu số 7A-TCTW"},
		{"CHỈ TIÊU", "Tổng số", "Tỷ lệ (%)"},
		{"1. Trong sạch vững mạnh", 12, 40},
	}})
	want := []string{`Biểu 7A! note: Sheet "Biểu 7A" là biểu thống kê "Biểu số 7A-TCTW" (số lượng theo mức xếp loại), không phải dữ liệu sinh hoạt hay đảng viên nên không được đọc`}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems %v", got)
	}
}

// TestYearlyPartyScoringIsNoMeeting: a yearly "bảng điểm đánh giá, phân
// loại đảng bộ, chi bộ" (FORMS item 7) naming no meeting is none; the
// same title over a meeting line (FORMS item 1) is a meeting; a bốn tốt
// title over a meeting line cannot be told and is an error naming both.
func TestYearlyPartyScoringIsNoMeeting(t *testing.T) {
	table := [][]any{
		{"TT", "Tiêu chuẩn đánh giá", "Biểu điểm", "Chi bộ tự chấm", "Đảng ủy chấm"},
		{1, "Lãnh đạo triển khai nhiệm vụ chính trị", 40, 36, 35},
		{2, "Xây dựng tổ chức đảng", 30, 28, 28},
		{3, "Công tác kiểm tra, giám sát", 15, 14, 14},
		{4, "Lãnh đạo đoàn thể", 15, 14, 13},
		{nil, "Tổng cộng", 100, 92, 90},
	}
	res := readForms(t,
		sheet{"Năm 2024", append([][]any{{"Hà Nội, ngày 15 tháng 12 năm 2024"}, {"BẢNG ĐIỂM ĐÁNH GIÁ, PHÂN LOẠI ĐẢNG BỘ, CHI BỘ"}}, table...)},
		sheet{"Bốn tốt", append([][]any{{"BẢNG CHẤM ĐIỂM CHI BỘ BỐN TỐT"}, {"Kỳ sinh hoạt tháng 12 năm 2024"}}, table...)},
	)
	want := []string{
		`Năm 2024!A2 note: Sheet "Năm 2024" là bảng điểm đánh giá, phân loại tổ chức đảng (ô A2), không ghi một buổi sinh hoạt nào nên không được đọc như phiếu chấm điểm sinh hoạt chi bộ; nếu đây là phiếu của một buổi sinh hoạt thì ghi dòng "Kỳ sinh hoạt tháng … năm … (ngày dd/mm/yyyy)" ở phần đầu sheet`,
		`Bốn tốt!A1 error: Không rõ sheet "Bốn tốt" là phiếu chấm điểm một buổi sinh hoạt (A2) hay bảng chấm điểm chi bộ bốn tốt của năm (ô A1); tách hai bảng ra hai sheet, hoặc xóa dòng không đúng`,
	}
	if got := problemLines(res); !slices.Equal(got, want) || len(res.Dataset.Units[0].Meetings) != 0 {
		t.Errorf("problems:\n%s\nmeetings %v", strings.Join(got, "\n"), meetingSummary(res.Dataset.Units[0]))
	}
}

// TestYearSummaryRowsMustAgree: a summary row whose date is not in the
// month or quarter it names is an error naming both cells; a row not yet
// filled is a note; a row "Thường kỳ tháng 3 kết hợp chuyên đề quý I" is
// two meetings.
func TestYearSummaryRowsMustAgree(t *testing.T) {
	res := readForms(t, sheet{"Tổng hợp", [][]any{
		{"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM SINH HOẠT CHI BỘ NĂM 2024"},
		{"STT", "Kỳ sinh hoạt", "Ngày sinh hoạt", "Điểm chấm theo nội dung", nil, "Tổng điểm", "Xếp loại"},
		{nil, nil, nil, "Chuẩn bị (40 điểm)", "Tổ chức (60 điểm)"},
		{1, "Thường kỳ tháng 1", "10/01/2024", 38, 55, 93, "Tốt"},
		{2, "Thường kỳ tháng 2", "10/03/2024", 38, 55, 93, "Tốt"},
		{3, "Thường kỳ tháng 3 kết hợp chuyên đề quý I", "12/03/2024", 30, 50, 80, "Khá"},
		{4, "Chuyên đề quý II", "20/08/2024", 40, 50, 90, "Tốt"},
		{5, "Thường kỳ tháng 4"},
		{"Cộng", nil, "5 buổi"},
	}})
	want := []string{
		`Tổng hợp! note: 1 dòng của bảng tổng hợp chưa có ngày và điểm; chưa tính là buổi sinh hoạt đã tổ chức`,
		`Tổng hợp! note: Sheet "Tổng hợp" được đọc như bảng tổng hợp điểm sinh hoạt của năm (tiêu đề bảng ở dòng 3): 3 buổi sinh hoạt`,
		`Tổng hợp!C5 error: Ngày 10/03/2024 ở ô C5 không thuộc tháng 2 ghi ở ô B5; sửa cho ngày và kỳ sinh hoạt khớp nhau`,
		`Tổng hợp!C7 error: Ngày 20/08/2024 ở ô C7 không thuộc quý II ghi ở ô B7; sửa cho ngày và kỳ sinh hoạt khớp nhau`,
	}
	if got := problemLines(res); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := meetingSummary(res.Dataset.Units[0]); !slices.Equal(got, []string{"Tổng hợp TK 10/01 93", "Tổng hợp TK 12/03 80", "Tổng hợp CĐ 12/03 80"}) {
		t.Errorf("meetings %v", got)
	}
}

// TestYearSummaryHeaderOnTwoRows: the summary's columns named only by
// the two header rows together (Tổng điểm on the second row) are found.
func TestYearSummaryHeaderOnTwoRows(t *testing.T) {
	res := readForms(t, sheet{"Năm 2024", [][]any{
		{"STT", "Kỳ sinh hoạt", "Ngày sinh hoạt", "Điểm chấm"},
		{nil, nil, nil, "Chuẩn bị (40 điểm)", "Tổ chức (60 điểm)", "Tổng điểm"},
		{1, "Thường kỳ tháng 1", "10/01/2024", 38, 55, 93},
		{2, "Chuyên đề quý I", "20/02/2024", 40, 50, 90},
	}})
	if got := meetingSummary(res.Dataset.Units[0]); !slices.Equal(got, []string{"Năm 2024 TK 10/01 93", "Năm 2024 CĐ 20/02 90"}) {
		t.Errorf("meetings %v, problems %v", got, problemLines(res))
	}
}
