package workbook

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
	"github.com/bontot/bontot/workbook/schema"
)

func TestMatchKey(t *testing.T) {
	same := []string{"Mã đơn vị", "ma don vi", "MÃ  ĐƠN VỊ", " Mã\tđơn\nvị ", "Ma\u0303 đơn vi\u0323", "Mã\u00a0đơn vị"}
	for _, s := range same {
		if got := matchKey(s); got != "ma don vi" {
			t.Errorf("matchKey(%q) = %q, want %q", s, got, "ma don vi")
		}
	}
	if got := matchKey("Đảng ủy"); got != "dang uy" {
		t.Errorf("matchKey(Đảng ủy) = %q", got)
	}
}

func TestParseRating(t *testing.T) {
	tests := map[string]criteria.Rating{
		"Hoàn thành xuất sắc nhiệm vụ": criteria.HTXSNV, "HTXSNV": criteria.HTXSNV, "htxsnv": criteria.HTXSNV,
		"Hoàn thành xuất sắc": criteria.HTXSNV, "Xuất sắc": criteria.HTXSNV, "xuat sac": criteria.HTXSNV,
		"HTXS NV": criteria.HTXSNV, "H.T.X.S.N.V": criteria.HTXSNV, "hoan thanh xuat sac nhiem vu": criteria.HTXSNV,
		"Hoàn thành tốt nhiệm vụ": criteria.HTTNV, "HTTNV": criteria.HTTNV, "Hoàn thành tốt": criteria.HTTNV,
		"HOÀN THÀNH TỐT NV": criteria.HTTNV, "Tốt": criteria.HTTNV,
		"Hoàn thành nhiệm vụ": criteria.HTNV, "HTNV": criteria.HTNV, "Hoàn thành": criteria.HTNV, "hoan thanh nhiem vu": criteria.HTNV,
		"Không hoàn thành nhiệm vụ": criteria.KHTNV, "KHTNV": criteria.KHTNV, "Không hoàn thành": criteria.KHTNV,
		"khong hoan thanh nhiem vu": criteria.KHTNV,
	}
	for in, want := range tests {
		got, msg := parseRating(in)
		if got != want || !msg.ok() {
			t.Errorf("parseRating(%q) = %v, %q; want %v", in, got, msg, want)
		}
	}
	_, msg := parseRating("Hoàn thàn tốt")
	if want := `Xếp loại "Hoàn thàn tốt" không hợp lệ; có phải "Hoàn thành tốt nhiệm vụ"?`; msg.msg != want {
		t.Errorf("unknown rating message = %q, want %q", msg, want)
	}
	_, msg = parseRating("Tháng Năm rực rỡ")
	if msg.ok() || !strings.Contains(msg.msg, "cần một trong các giá trị") {
		t.Errorf("far-off rating message = %q, want the list of accepted values", msg)
	}
}

// TestRatingForms: the table of forms read exactly holds every full name
// and code, each read as the rating it names.
func TestRatingForms(t *testing.T) {
	for i, want := range []criteria.Rating{criteria.HTXSNV, criteria.HTTNV, criteria.HTNV, criteria.KHTNV} {
		for _, f := range []string{schema.Ratings[i], schema.RatingCodes[i]} {
			if got, ok := ratingForms[f]; !ok || got != want {
				t.Errorf("ratingForms[%q] = %v, %v; want %v", f, got, ok, want)
			}
		}
	}
}

// TestLookupKeys: lookup.get looks cells up by their matching key, so a
// key that is not its own matching key could never be found.
func TestLookupKeys(t *testing.T) {
	keys := func(name string, ks []string) {
		for _, k := range ks {
			if got := matchKey(k); got != k {
				t.Errorf("%s: key %q folds to %q; write it folded", name, k, got)
			}
		}
	}
	keys("ratingNames", slices.Collect(maps.Keys(ratingNames)))
	keys("levelNames", slices.Collect(maps.Keys(levelNames)))
	keys("residenceNames", slices.Collect(maps.Keys(residenceNames)))
	keys("unitTypeNames", slices.Collect(maps.Keys(unitTypeNames)))
	keys("meetingKindNames", slices.Collect(maps.Keys(meetingKindNames)))
	keys("committeeKindNames", slices.Collect(maps.Keys(committeeKindNames)))
	keys("groupNames", slices.Collect(maps.Keys(groupNames)))
	keys("caseKindNames", slices.Collect(maps.Keys(caseKindNames)))
	keys("resultNames", slices.Collect(maps.Keys(resultNames)))
}

func TestParseLevel(t *testing.T) {
	tests := map[string]criteria.Level{
		"Xuất sắc": criteria.LevelExcellent, "XS": criteria.LevelExcellent, "xuat sac": criteria.LevelExcellent,
		"Tốt": criteria.LevelGood, "TOT": criteria.LevelGood, "Mức tốt": criteria.LevelGood,
		"Trung bình": criteria.LevelAverage, "TB": criteria.LevelAverage, "trung binh": criteria.LevelAverage,
		"Kém": criteria.LevelWeak, "kem": criteria.LevelWeak,
	}
	for in, want := range tests {
		if got, msg := parseLevel(in); got != want || !msg.ok() {
			t.Errorf("parseLevel(%q) = %v, %q; want %v", in, got, msg, want)
		}
	}
	if _, msg := parseLevel("Trung bnh"); msg.msg != `Mức "Trung bnh" không hợp lệ; có phải "Trung bình"?` {
		t.Errorf("unknown level message = %q", msg)
	}
}

func TestParseScore(t *testing.T) {
	tests := map[string]float64{"85": 85, "8.5": 8.5, "8,5": 8.5, " 90 ": 90, "90 điểm": 90, "100": 100, "0": 0, "92.75": 92.75, "85%": 85}
	for in, want := range tests {
		if got, msg := parseScore("Điểm", in); got != want || !msg.ok() {
			t.Errorf("parseScore(%q) = %v, %q; want %v", in, got, msg, want)
		}
	}
	bad := map[string]string{
		"105":   "Điểm 105 ngoài khoảng 0–100",
		"-1":    "Điểm -1 ngoài khoảng 0–100",
		"100,5": "Điểm 100,5 ngoài khoảng 0–100",
		"tốt":   `Điểm "tốt" không phải là số; cần một số từ 0 đến 100, ví dụ 85 hoặc 8,5`,
		"NaN":   `Điểm "NaN" không phải là số; cần một số từ 0 đến 100, ví dụ 85 hoặc 8,5`,
		"0x10":  `Điểm "0x10" không phải là số; cần một số từ 0 đến 100, ví dụ 85 hoặc 8,5`,
		"1.2,5": `Điểm "1.2,5" không phải là số; cần một số từ 0 đến 100, ví dụ 85 hoặc 8,5`,
	}
	for in, want := range bad {
		if _, msg := parseScore("Điểm", in); msg.msg != want {
			t.Errorf("parseScore(%q) message = %q, want %q", in, msg, want)
		}
	}
}

func TestParseCount(t *testing.T) {
	if n, msg := parseCount("Có mặt", "18"); n != 18 || !msg.ok() {
		t.Errorf("parseCount(18) = %d, %q", n, msg)
	}
	for _, in := range []string{"18,5", "-2", "mười"} {
		if _, msg := parseCount("Có mặt", in); msg.ok() {
			t.Errorf("parseCount(%q) accepted", in)
		}
	}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		date1904 bool
		want     time.Time
	}{
		{"45306", false, date(2024, 1, 15)},      // a real date cell, read raw
		{"45306.625", false, date(2024, 1, 15)},  // with a time of day
		{"43844", true, date(2024, 1, 15)},       // the 1904 date system (old Mac workbooks)
		{"15/01/2024", false, date(2024, 1, 15)}, // dd/mm/yyyy
		{"5/3/2024", false, date(2024, 3, 5)},    // d/m/yyyy
		{"05-03-2024", false, date(2024, 3, 5)},  // dd-mm-yyyy
		{"05.03.2024", false, date(2024, 3, 5)},
		{"2024-03-05", false, date(2024, 3, 5)}, // yyyy-mm-dd
		{"2024-03-05T08:00:00Z", false, date(2024, 3, 5)},
		{"15/01/2024 14:30", false, date(2024, 1, 15)},
		{"ngày 5 tháng 3 năm 2024", false, date(2024, 3, 5)},
		{"29/02/2024", false, date(2024, 2, 29)},
	}
	for _, tt := range tests {
		got, msg := parseDate(tt.in, tt.date1904)
		if !msg.ok() || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q, %v) = %v, %q; want %v", tt.in, tt.date1904, got, msg, tt.want)
		}
	}
	for _, in := range []string{"31/02/2024", "15/13/2024", "hôm qua", "2024", "0", "-5", "1e300", "3/2024", "15/01/24"} {
		if _, msg := parseDate(in, false); msg.ok() {
			t.Errorf("parseDate(%q) accepted", in)
		}
	}
	if _, msg := parseDate("31/02/2024", false); msg.msg != `Ngày "31/02/2024" không tồn tại; cần ngày dạng dd/mm/yyyy` {
		t.Errorf("impossible date message = %q", msg)
	}
}

func TestParseMonth(t *testing.T) {
	tests := map[string]month{
		"3": {0, 3}, "03": {0, 3}, "12": {0, 12}, "Tháng 3": {0, 3}, "tháng 03": {0, 3}, "T3": {0, 3},
		"3/2024": {2024, 3}, "03/2024": {2024, 3}, "3-2024": {2024, 3}, "Tháng 3/2024": {2024, 3},
		"tháng 3 năm 2024": {2024, 3}, "45352": {2024, 3}, "15/03/2024": {2024, 3},
	}
	for in, want := range tests {
		if got, msg := parseMonth(in, false); got != want || !msg.ok() {
			t.Errorf("parseMonth(%q) = %v, %q; want %v", in, got, msg, want)
		}
	}
	for _, in := range []string{"0", "13", "Tháng 13", "13/2024", "mùa xuân", "3/1800"} {
		if _, msg := parseMonth(in, false); msg.ok() {
			t.Errorf("parseMonth(%q) accepted", in)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	yes := []string{"Có", "có", "CO", "x", "X", "✓", "✔", "1", "Đã", "đã", "Rồi", "roi", "Đã giải quyết", "Có BTV", "TRUE"}
	no := []string{"Không", "khong", "Chưa", "0", "Chưa giải quyết", "Đang giải quyết", "FALSE", "-"}
	for _, in := range yes {
		if v, msg := parseYesNo("Làm điểm", in); !v || !msg.ok() {
			t.Errorf("parseYesNo(%q) = %v, %q; want yes", in, v, msg)
		}
	}
	for _, in := range no {
		if v, msg := parseYesNo("Làm điểm", in); v || !msg.ok() {
			t.Errorf("parseYesNo(%q) = %v, %q; want no", in, v, msg)
		}
	}
	if _, msg := parseYesNo("Làm điểm", "Khôg"); msg.msg != `Làm điểm "Khôg" không hợp lệ; có phải "Không"?` {
		t.Errorf("unknown yes/no message = %q", msg)
	}
}

func TestParseResidence(t *testing.T) {
	tests := map[string]criteria.Residence{
		"Tốt": criteria.ResidencePositive, "Khá": criteria.ResidencePositive, "Đạt": criteria.ResidencePositive,
		"Hoàn thành": criteria.ResidencePositive, "có nhận xét tốt": criteria.ResidencePositive, "Có nhận xét tốt": criteria.ResidencePositive,
		"HTTNV": criteria.ResidencePositive, "tot": criteria.ResidencePositive,
		"Không đạt": criteria.ResidenceNegative, "Chưa tốt": criteria.ResidenceNegative, "Không tốt": criteria.ResidenceNegative,
		"Kém": criteria.ResidenceNegative, "Yếu": criteria.ResidenceNegative, "KHTNV": criteria.ResidenceNegative,
		"Không lấy ý kiến": criteria.ResidenceNotTaken, "khong lay y kien": criteria.ResidenceNotTaken,
	}
	for in, want := range tests {
		if got, msg := parseResidence(in); got != want || !msg.ok() {
			t.Errorf("parseResidence(%q) = %v, %q; want %v", in, got, msg, want)
		}
	}
	if _, msg := parseResidence("Khá tốt lắm"); msg.ok() {
		t.Error("parseResidence accepted an unknown phrase")
	}
}

func TestParseClosedSets(t *testing.T) {
	types := map[string]criteria.UnitType{
		"Chi bộ cơ sở": criteria.CellGrassroots, "chi bo co so": criteria.CellGrassroots, "CBCS": criteria.CellGrassroots,
		"Chi bộ trực thuộc": criteria.CellSubordinate, "Chi bộ trực thuộc đảng bộ cơ sở": criteria.CellSubordinate,
		"Đảng bộ cơ sở": criteria.Committee, "ĐẢNG BỘ CƠ SỞ": criteria.Committee, "Đảng ủy cơ sở": criteria.Committee,
	}
	for in, want := range types {
		if got, msg := parseUnitType(in); got != want || !msg.ok() {
			t.Errorf("parseUnitType(%q) = %v, %q", in, got, msg)
		}
	}
	kinds := map[string]criteria.MeetingKind{"Thường kỳ": criteria.Regular, "thuong ky": criteria.Regular, "Định kỳ": criteria.Regular,
		"Chuyên đề": criteria.Thematic, "SINH HOẠT CHUYÊN ĐỀ": criteria.Thematic}
	for in, want := range kinds {
		if got, msg := parseMeetingKind(in); got != want || !msg.ok() {
			t.Errorf("parseMeetingKind(%q) = %v, %q", in, got, msg)
		}
	}
	ck := map[string]criteria.CommitteeKind{"Ban chấp hành": criteria.ExecutiveBoard, "BCH": criteria.ExecutiveBoard, "Đảng ủy": criteria.ExecutiveBoard,
		"Ban thường vụ": criteria.StandingBoard, "btv": criteria.StandingBoard, "Hội nghị đảng bộ": criteria.Assembly,
		"Hội nghị toàn đảng bộ": criteria.Assembly, "Đại hội": criteria.Congress}
	for in, want := range ck {
		if got, msg := parseCommitteeKind(in); got != want || !msg.ok() {
			t.Errorf("parseCommitteeKind(%q) = %v, %q", in, got, msg)
		}
	}
	cases := map[string]criteria.CaseKind{"Đơn thư": criteria.Petition, "Khiếu nại": criteria.Complaint, "TỐ CÁO": criteria.Denunciation,
		"Vấn đề nổi cộm": criteria.PressingIssue, "nổi cộm": criteria.PressingIssue}
	for in, want := range cases {
		if got, msg := parseCaseKind(in); got != want || !msg.ok() {
			t.Errorf("parseCaseKind(%q) = %v, %q", in, got, msg)
		}
	}
	for in, want := range map[string]bool{"Trọng tâm": true, "trong tam": true, "Khác": false, "KHAC": false} {
		if got, msg := parseGroup(in); got != want || !msg.ok() {
			t.Errorf("parseGroup(%q) = %v, %q", in, got, msg)
		}
	}
	for in, want := range map[string]bool{"Đạt": true, "dat": true, "Không đạt": false, "Chưa đạt": false} {
		if got, msg := parseResult(in); got != want || !msg.ok() {
			t.Errorf("parseResult(%q) = %v, %q", in, got, msg)
		}
	}
	if _, msg := parseUnitType("Chi bộ co so x"); msg.msg != `Loại đơn vị "Chi bộ co so x" không hợp lệ; có phải "Chi bộ cơ sở"?` {
		t.Errorf("unknown unit type message = %q", msg)
	}
}

func TestParseItem(t *testing.T) {
	tests := map[string]string{
		"tc1.q1": "tc1.q1", "TC2.Q1": "tc2.q1", "tc4 q4": "tc4.q4",
		criteria.Items[3].Text:                            criteria.Items[3].ID,
		"cong tac dan van, phat huy dan chu o co so":      "tc1.q4",
		"Công tác kiểm tra, giám sát và kỷ luật của Đảng": "tc1.q3", // shortened, unambiguous
	}
	for in, want := range tests {
		if got, msg := parseItem(in); got != want || !msg.ok() {
			t.Errorf("parseItem(%q) = %q, %q; want %q", in, got, msg, want)
		}
	}
	for _, in := range []string{"tc9.q1", "Công tác", "Nội dung khác hẳn"} {
		if id, msg := parseItem(in); msg.ok() {
			t.Errorf("parseItem(%q) = %q, want an error", in, id)
		}
	}
}

// quickNFC may only say "already NFC" for text the normaliser leaves as it
// is; decomposed and unusual text must go to the normaliser.
func TestQuickNFCAgreesWithNormaliser(t *testing.T) {
	for _, s := range []string{
		"", "CB01", "Nguyễn Thị Hường", "Đảng bộ Sở Tư pháp", "Thường kỳ", "Hoàn thành xuất sắc nhiệm vụ",
		"Nguye\u0302\u0303n", "a\u0301", "Ω \u2126", "\u1E9B\u0323", "ơ\u0300", "\u00e9", "“Tốt”…", "x\xff",
	} {
		if nfc.Quick(s) && !norm.NFC.IsNormalString(s) {
			t.Errorf("nfc.Quick(%q) = true, but it is not NFC", s)
		}
		if got, want := clean(s), strings.TrimSpace(norm.NFC.String(s)); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"Nguyễn Thị Hường", "Đảng bộ", "Kém"} {
		if !nfc.Quick(s) {
			t.Errorf("nfc.Quick(%q) = false; the fast path should take Vietnamese NFC text", s)
		}
	}
}

// TestParseOrgDiscipline: a unit's Kỷ luật is one of the measures against
// an organisation, "Không" or blank for none; "Có" and a member's measure
// (Khai trừ) are errors naming the closed set.
func TestParseOrgDiscipline(t *testing.T) {
	for in, want := range map[string]string{"Khiển trách": "Khiển trách", "kỷ luật cảnh cáo": "kỷ luật cảnh cáo", "Giải tán": "Giải tán", "Không": "", "không": ""} {
		if got, msg := parseOrgDiscipline("Kỷ luật", in); got != want || !msg.ok() {
			t.Errorf("%q: %q, %q", in, got, msg)
		}
	}
	for _, in := range []string{"Có", "Khai trừ", "nặng"} {
		if got, msg := parseOrgDiscipline("Kỷ luật", in); got != "" || msg.ok() {
			t.Errorf("%q: %q accepted", in, got)
		}
	}
}
