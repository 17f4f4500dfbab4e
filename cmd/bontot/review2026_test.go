package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book2026 writes a bloc kept through November 2026, as offices hold it
// at the review on 6 December: CB01 held a regular meeting every month
// and a thematic one every quarter; CB02 the same but no thematic meeting
// in the third quarter (Chỉ thị 50-CT/TW: one each quarter); both have
// admitted one member of a target of two.
func book2026(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet string, rows [][]any) { setSheet(t, f, sheet, rows) }
	set("Sheet1", [][]any{
		{"Mã đơn vị", "Tên đơn vị", "Loại", "Chỉ tiêu kết nạp", "Đã kết nạp"},
		{"CB01", "Chi bộ Sở Tư pháp", "Chi bộ cơ sở", 2, 1},
		{"CB02", "Chi bộ Sở Nội vụ", "Chi bộ cơ sở", 2, 1},
	})
	if err := f.SetSheetName("Sheet1", "Đơn vị"); err != nil {
		t.Fatal(err)
	}
	meetings := [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}}
	for _, code := range []string{"CB01", "CB02"} {
		for m := 1; m <= 11; m++ {
			meetings = append(meetings, []any{code, fmt.Sprintf("%02d/%02d/2026", 10, m), "Thường kỳ", 95})
		}
		for q := 1; q <= 4; q++ {
			if code == "CB02" && q == 3 {
				continue
			}
			meetings = append(meetings, []any{code, fmt.Sprintf("20/%02d/2026", 3*q-1), "Chuyên đề", 92})
		}
	}
	set("Sinh hoạt", meetings)
	path := filepath.Join(t.TempDir(), "khoi-2026.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// review2026 is the part of the JSON document the 2026 review is about.
type review2026 struct {
	AsOf      *string `json:"as_of"`
	AsOfToday bool    `json:"as_of_today"`
	Rules     struct {
		Profile  string `json:"profile"`
		ChosenBy string `json:"chosen_by"`
	} `json:"rules"`
	jsonReport
}

// status is unit code → check ID → status, with the verdict under "".
func (r review2026) status() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, u := range r.Units {
		m := map[string]string{"": u.Verdict}
		for _, c := range u.Criteria {
			for _, ch := range c.Checks {
				m[ch.ID] = ch.Status
			}
		}
		out[u.Code] = m
	}
	return out
}

func runReview(t *testing.T, args ...string) review2026 {
	t.Helper()
	out, stderr, code := runCmd(t, append([]string{"evaluate", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r review2026
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReview2026ByDefault: on 6 December 2026 (the tests' clock) a plain
// evaluate of 2026 data applies the 2025 rules and judges the year as of
// that day; --as-of 31/12/2026 judges it as ended; an explicit profile
// wins over the year.
func TestReview2026ByDefault(t *testing.T) {
	book := book2026(t)

	plain := runReview(t, book)
	if plain.Rules.Profile != "2025" || plain.Rules.ChosenBy != "year" {
		t.Errorf("rules %+v, want 2025 chosen by year", plain.Rules)
	}
	if plain.AsOf == nil || *plain.AsOf != "2026-12-06" || !plain.AsOfToday {
		t.Errorf("as_of %v (today %v), want 2026-12-06 from the day of the run", plain.AsOf, plain.AsOfToday)
	}
	st := plain.status()
	for check, want := range map[string]string{
		"":                       "con_kha_nang",
		"tc2.regular_count":      "con_kha_nang", // 11 held, December may bring the 12th
		"tc2.thematic_quarterly": "dat",
		"tc2.thematic_count":     "dat",
		"tc1.admission":          "con_kha_nang", // 1 of 2, a yearly target
	} {
		if st["CB01"][check] != want {
			t.Errorf("today: CB01 %q = %q, want %q", check, st["CB01"][check], want)
		}
	}
	// The quarter with no thematic meeting is over: nothing can mend it.
	if st["CB02"]["tc2.thematic_quarterly"] != "khong_dat" || st["CB02"][""] != "khong_dat" {
		t.Errorf("today: CB02 quarterly %q, verdict %q, want khong_dat", st["CB02"]["tc2.thematic_quarterly"], st["CB02"][""])
	}

	ended := runReview(t, book, "--as-of", "31/12/2026")
	if ended.AsOfToday || ended.Rules.Profile != "2025" {
		t.Errorf("--as-of 31/12/2026: today %v, profile %q", ended.AsOfToday, ended.Rules.Profile)
	}
	st = ended.status()
	for check, want := range map[string]string{
		"":                  "khong_dat",
		"tc2.regular_count": "khong_dat",
		"tc1.admission":     "khong_dat",
	} {
		if st["CB01"][check] != want {
			t.Errorf("year-end: CB01 %q = %q, want %q", check, st["CB01"][check], want)
		}
	}

	// The rules of 2023 are still there when asked for by name: no
	// quarterly check, and the missing quarter is no failure.
	old := runReview(t, book, "--profile", "hd17-2023")
	if old.Rules.Profile != "hd17-2023" || old.Rules.ChosenBy != "flag" || !old.AsOfToday {
		t.Errorf("--profile hd17-2023: rules %+v, today %v", old.Rules, old.AsOfToday)
	}
	st = old.status()
	if _, ok := st["CB02"]["tc2.thematic_quarterly"]; ok || st["CB02"][""] != "con_kha_nang" {
		t.Errorf("hd17-2023: CB02 %v", st["CB02"])
	}
}

// TestReviewFirstLines: the terminal report and validate say first which
// rules apply and why, and that the year is judged as of today.
func TestReviewFirstLines(t *testing.T) {
	book := book2026(t)
	out, _, _ := runCmd(t, "evaluate", book)
	lines := strings.SplitN(out, "\n", 4)
	if len(lines) < 4 ||
		lines[1] != "Năm 2026 chưa kết thúc: tính đến ngày 06/12/2026; thêm --as-of 31/12/2026 để" ||
		!strings.HasPrefix(lines[2], "đánh giá như cả năm.") {
		t.Errorf("first lines:\n%s", strings.Join(lines[:min(3, len(lines))], "\n"))
	}
	if !strings.Contains(out, "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo năm đánh giá 2026.") {
		t.Errorf("no rules line:\n%.600s", out)
	}
	out, _, _ = runCmd(t, "validate", book)
	if !strings.HasPrefix(out, "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo năm đánh giá 2026.\nNăm 2026 chưa kết thúc") {
		t.Errorf("validate does not begin with the rules and the unfinished year:\n%.300s", out)
	}
	for _, want := range []string{
		"Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo năm đánh giá 2026.",
		"Năm 2026 chưa kết thúc: tính đến ngày 06/12/2026",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate does not say %q:\n%s", want, out)
		}
	}
	// A finished year is judged whole, under the rules of its year.
	out, _, _ = runCmd(t, "evaluate", example)
	if strings.Contains(out, "chưa kết thúc") || !strings.Contains(out, "Quy tắc hd17-2023 — HD 17-HD/ĐUK, QĐ 124, HD 12 — theo năm đánh giá 2024.") {
		t.Errorf("2024 example:\n%.400s", out)
	}
}

// TestYearUnfinished: the year is over from 31/12 on, as --as-of 31/12
// judges it.
func TestYearUnfinished(t *testing.T) {
	for _, c := range []struct {
		year       int
		today      string
		unfinished bool
	}{
		{2026, "30/12/2026", true},
		{2026, "31/12/2026", false},
		{2026, "01/01/2027", false},
		{2025, "06/12/2026", false},
		{2027, "06/12/2026", true},
		{0, "06/12/2026", false},
	} {
		d, err := parseDate(c.today)
		if err != nil {
			t.Fatal(err)
		}
		if got := yearUnfinished(c.year, d); got != c.unfinished {
			t.Errorf("yearUnfinished(%d, %s) = %v", c.year, c.today, got)
		}
	}
}

// TestDroppedUnfinishedYear: a workbook dropped on bontot.exe in December
// is judged as of that day too, and its window says so first.
func TestDroppedUnfinishedYear(t *testing.T) {
	book := book2026(t)
	openReport = func(string) error { return nil }
	defer func() { openReport = openFile }()
	var out, errb bytes.Buffer
	code := runExplorer(context.Background(), launchDropped, []string{book}, streams{In: strings.NewReader("\n"), Out: &out, Err: &errb, Now: fixedNow})
	if code != exitOK {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "Năm 2026 chưa kết thúc: tính đến ngày 06/12/2026") ||
		!strings.Contains(out.String(), "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06 — theo năm đánh giá 2026.") {
		t.Errorf("window:\n%s", out.String())
	}
	f, err := excelize.OpenFile(strings.TrimSuffix(book, ".xlsx") + "-bao-cao.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Tổng hợp")
	if err != nil {
		t.Fatal(err)
	}
	var heading []string
	for _, r := range rows[:10] {
		heading = append(heading, strings.Join(r, " "))
	}
	head := strings.Join(heading, "\n")
	if !strings.Contains(head, "năm 2026 (tính đến ngày 06/12/2026)") || !strings.Contains(head, "Năm 2026 chưa kết thúc") ||
		!strings.Contains(head, "theo năm đánh giá 2026") {
		t.Errorf("report heading:\n%s", head)
	}
}

// TestReviewDateFlag: the review date is the day of the run in the
// current year, --review-date when given; a member admitted on 07/06/2026
// has six months on 07/12 but not on 06/12 (QĐ 366 art. 5).
func TestReviewDateFlag(t *testing.T) {
	book := membersBookWith(t, []any{"Họ và tên", "Ngày kết nạp", "Xếp loại"},
		[]any{"Nguyễn Văn An", "06/06/2026", "HTTNV"},
		[]any{"Trần Thị Bình", "07/06/2026", "HTTNV"},
		[]any{"Lê Văn Cường", "10/01/2010", "HTNV"})
	for _, c := range []struct {
		args    []string
		left    bool
		because string
	}{
		{nil, true, "đến ngày kiểm điểm 06/12/2026 (ngày chạy"},
		{[]string{"--review-date", "07/12/2026"}, false, ""},
		{[]string{"--review-date", "2026-12-06"}, true, "đến ngày kiểm điểm 06/12/2026 (theo --review-date)"},
	} {
		out, stderr, code := runCmd(t, append([]string{"evaluate", book, "--year", "2026", "--format", "json"}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		named := strings.Contains(out, "Trần Thị Bình (Đảng viên dòng 3, kết nạp 07/06/2026")
		if named != c.left || (c.left && !strings.Contains(out, c.because)) || strings.Contains(out, "Nguyễn Văn An (Đảng viên dòng 2, kết nạp") {
			t.Errorf("%v: left out %v, want %v (because %q):\n%s", c.args, named, c.left, c.because, out)
		}
	}
	_, stderr, code := runCmd(t, "evaluate", book, "--review-date", "31/13/2026")
	if code != exitFailure || !strings.Contains(stderr, "--review-date \"31/13/2026\" không phải ngày hợp lệ") {
		t.Errorf("bad --review-date: exit %d, %s", code, stderr)
	}
}

// TestReviewRulesFromCriteriaFile: a criteria file without a profile
// key overrides the rules of the year; one that names a profile chooses it.
func TestReviewRulesFromCriteriaFile(t *testing.T) {
	book := book2026(t)
	dir := t.TempDir()
	for _, c := range []struct {
		yaml, profile, chosenBy string
	}{
		{"regular_good_share: 0.6\n", "2025", "year"},
		{"profile: hd17-2023\nregular_good_share: 0.6\n", "hd17-2023", "criteria_file"},
	} {
		path := filepath.Join(dir, "tc.yaml")
		if err := os.WriteFile(path, []byte(c.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runReview(t, book, "--criteria", path)
		if r.Rules.Profile != c.profile || r.Rules.ChosenBy != c.chosenBy {
			t.Errorf("%q: rules %+v, want %s by %s", c.yaml, r.Rules, c.profile, c.chosenBy)
		}
	}
}

// TestCommitteeMemberDisciplineRead: the Cấp ủy viên and Kỷ luật columns
// of Đảng viên are read, and a chi bộ rated HTXSNV (90 points) with a
// disciplined committee member gets the warning of QĐ 366 art. 11.
func TestCommitteeMemberDisciplineRead(t *testing.T) {
	book := membersBookWith(t, []any{"Họ và tên", "Cấp ủy viên", "Kỷ luật", "Xếp loại"},
		[]any{"Nguyễn Văn An", "Có", "Khiển trách", "KHTNV"},
		[]any{"Trần Thị Bình", "Không", "", "HTTNV"})
	out, stderr, code := runCmd(t, "evaluate", book, "--year", "2025", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "cấp ủy viên Nguyễn Văn An bị kỷ luật khiển trách (Đảng viên dòng 2)") ||
		!strings.Contains(out, "tổ chức đảng như vậy không xếp loại HTXSNV") {
		t.Errorf("no warning of the disciplined committee member:\n%s", out)
	}
}

// TestWatchListUnderAsOf: under an as-of date the
// terminal report lists the units that can no longer reach bốn tốt with
// the check that rules it out, then those that can and what each still
// needs, then those whose data blocks the judgement — in that order; a
// whole year's report has no such list.
func TestWatchListUnderAsOf(t *testing.T) {
	book := book2026(t)
	out, _, _ := runCmd(t, "evaluate", book, "--summary")
	at := func(s string) int {
		i := strings.Index(out, s)
		if i < 0 {
			t.Fatalf("no %q in:\n%s", s, out)
		}
		return i
	}
	head := at("THEO DÕI ĐẾN CUỐI NĂM 2026 (số liệu đến ngày 06/12/2026)")
	out1 := at("Không còn đạt được “bốn tốt” năm nay: 1 đơn vị")
	cb02 := at("  - CB02 Chi bộ Sở Nội vụ: TC2 Sinh hoạt chuyên đề mỗi quý:")
	open := at("Còn khả năng đạt — còn cần: 1 đơn vị")
	cb01 := at("  - CB01 Chi bộ Sở Tư pháp: TC1 Kết nạp đảng viên theo chỉ tiêu:")
	blocked := at("Thiếu dữ liệu để kết luận: 0 đơn vị")
	if !(head < out1 && out1 < cb02 && cb02 < open && open < cb01 && cb01 < blocked) {
		t.Errorf("watch list out of order:\n%s", out)
	}
	year, _, _ := runCmd(t, "evaluate", book, "--summary", "--as-of", "31/12/2026")
	if !strings.Contains(year, "Không còn đạt được “bốn tốt” năm nay: 2 đơn vị") {
		t.Errorf("31/12: both units out of reach:\n%s", year)
	}
	whole, _, _ := runCmd(t, "evaluate", example, "--summary")
	if strings.Contains(whole, "THEO DÕI") {
		t.Error("a whole year's report has a watch list")
	}
}

// TestWatchSheetUnderAsOf: the Excel report carries the watch list as a
// sheet of its own under an as-of date, the groups in order.
func TestWatchSheetUnderAsOf(t *testing.T) {
	book := book2026(t)
	out := filepath.Join(t.TempDir(), "bao-cao.xlsx")
	if _, stderr, code := runCmd(t, "evaluate", book, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Theo dõi cuối năm")
	if err != nil || len(rows) != 3 {
		t.Fatalf("rows %q, %v", rows, err)
	}
	if rows[1][1] != "Không còn đạt được" || rows[1][2] != "CB02" || !strings.Contains(rows[1][5], "quý III/2026") ||
		rows[2][1] != "Còn khả năng đạt — còn cần" || rows[2][2] != "CB01" || !strings.Contains(rows[2][5], "cần thêm 1 buổi") {
		t.Errorf("watch sheet:\n%q", rows)
	}
}
