package workbook

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
	"github.com/xuri/excelize/v2"
)

// The cell parsers below take a cleaned, non-blank cell and return the value
// or a fault whose Vietnamese message says what was found and what was
// expected. Faults never carry the location: the caller adds file, sheet
// and cell.

// lookup maps matching keys to values; each closed set is built once.
type lookup[T any] map[string]T

func (l lookup[T]) get(s string) (T, bool) {
	v, ok := l[matchKey(s)]
	return v, ok
}

// ratingNames maps every written form of a rating, minus a trailing
// "nhiệm vụ"/"NV", to the rating; abbreviations are compared without spaces
// or dots, so "HTT NV" and "H.T.X.S" are read too.
var ratingNames = lookup[criteria.Rating]{
	"hoan thanh xuat sac": criteria.HTXSNV, "xuat sac": criteria.HTXSNV, "htxs": criteria.HTXSNV, "xs": criteria.HTXSNV,
	"hoan thanh tot": criteria.HTTNV, "tot": criteria.HTTNV, "htt": criteria.HTTNV,
	"hoan thanh": criteria.HTNV, "ht": criteria.HTNV,
	"khong hoan thanh": criteria.KHTNV, "kht": criteria.KHTNV, "khong ht": criteria.KHTNV, "chua hoan thanh": criteria.KHTNV,
}

// ratingForms holds the ratings as written in full and as codes, read once
// (filled by init: parseRating reads the map).
var ratingForms map[string]criteria.Rating

func init() {
	m := map[string]criteria.Rating{}
	for _, f := range append(append([]string{}, schema.Ratings...), schema.RatingCodes...) {
		m[f], _ = parseRating(f)
	}
	ratingForms = m
}

var ratingAccepted = append(append([]string{}, schema.Ratings...), schema.RatingCodes...)

// parseRating reads a rating: "Hoàn thành tốt nhiệm vụ", "HTTNV",
// "hoan thanh tot", "Xuất sắc"…
func parseRating(s string) (criteria.Rating, fault) {
	if r, ok := ratingForms[s]; ok {
		return r, fault{} // as the template's dropdown writes it: most cells
	}
	k := matchKey(s)
	k = strings.TrimSuffix(k, ".")
	for _, suf := range []string{" nhiem vu", " nv", "nv"} {
		if t, ok := strings.CutSuffix(k, suf); ok && t != "" {
			if _, known := ratingNames[strings.TrimSpace(t)]; known {
				k = strings.TrimSpace(t)
				break
			}
		}
	}
	if r, ok := ratingNames[k]; ok {
		return r, fault{}
	}
	compact := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(k)
	compact = strings.TrimSuffix(compact, "nv")
	if r, ok := ratingNames[compact]; ok {
		return r, fault{}
	}
	return criteria.RatingNone, unknownValueHint("Xếp loại", s, ratingAccepted, ratingHints)
}

// ratingChoice ends the hint of a word that was a rating once but maps to
// no one rating now: the decision says which.
const ratingChoice = "ghi theo quyết định xếp loại: HTXSNV, HTTNV, HTNV hoặc KHTNV"

// ratingHints are words with a meaning for a rating that none of the four
// ratings spells: the levels before 2019 and the words of other
// scales, with the rating they now are, or why the decision must say.
// Without them the nearest spelling of "Khá" was KHTNV, the worst rating.
var ratingHints = map[string]string{
	"kha":                                   "\"Khá\" là mức xếp loại trước năm 2019; ghi HTTNV hoặc HTNV theo quyết định xếp loại",
	"gioi":                                  "\"Giỏi\" không phải mức xếp loại chất lượng; " + ratingChoice,
	"trung binh":                            "\"Trung bình\" không phải mức xếp loại chất lượng; " + ratingChoice,
	"tb":                                    "\"TB\" (trung bình) không phải mức xếp loại chất lượng; " + ratingChoice,
	"yeu":                                   "\"Yếu\" không phải mức xếp loại chất lượng; " + ratingChoice,
	"kem":                                   "\"Kém\" không phải mức xếp loại chất lượng; " + ratingChoice,
	"dat":                                   "\"Đạt\" không cho biết mức; " + ratingChoice,
	"khong dat":                             "\"Không đạt\" không cho biết mức; " + ratingChoice,
	"yeu kem":                               "\"Yếu kém\" là mức xếp loại tổ chức đảng trước năm 2019, nay là " + didYouMean("Không hoàn thành nhiệm vụ"),
	"trong sach vung manh":                  "\"Trong sạch, vững mạnh\" là mức xếp loại tổ chức đảng trước năm 2019; " + ratingChoice,
	"trong sach, vung manh":                 "\"Trong sạch, vững mạnh\" là mức xếp loại tổ chức đảng trước năm 2019; " + ratingChoice,
	"tsvm":                                  "\"TSVM\" (trong sạch, vững mạnh) là mức xếp loại tổ chức đảng trước năm 2019; " + ratingChoice,
	"trong sach vung manh tieu bieu":        "\"Trong sạch, vững mạnh tiêu biểu\" là mức xếp loại tổ chức đảng trước năm 2019, nay là " + didYouMean("Hoàn thành xuất sắc nhiệm vụ"),
	"hoan thanh nhiem vu nhung con han che": "mức \"Hoàn thành nhiệm vụ nhưng còn hạn chế\" trước năm 2019 nay là " + didYouMean("Hoàn thành nhiệm vụ"),
	"hoan thanh nhiem vu nhung con han che ve nang luc": "mức \"Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực\" trước năm 2019 nay là " + didYouMean("Hoàn thành nhiệm vụ"),
	"du tu cach hoan thanh xuat sac nhiem vu":           "mức xếp loại đảng viên cũ, nay là " + didYouMean("Hoàn thành xuất sắc nhiệm vụ"),
	"du tu cach, hoan thanh xuat sac nhiem vu":          "mức xếp loại đảng viên cũ, nay là " + didYouMean("Hoàn thành xuất sắc nhiệm vụ"),
	"du tu cach hoan thanh tot nhiem vu":                "mức xếp loại đảng viên cũ, nay là " + didYouMean("Hoàn thành tốt nhiệm vụ"),
	"du tu cach, hoan thanh tot nhiem vu":               "mức xếp loại đảng viên cũ, nay là " + didYouMean("Hoàn thành tốt nhiệm vụ"),
	"du tu cach hoan thanh nhiem vu":                    "mức xếp loại đảng viên cũ, nay là " + didYouMean("Hoàn thành nhiệm vụ"),
	"du tu cach, hoan thanh nhiem vu":                   "mức xếp loại đảng viên cũ, nay là " + didYouMean("Hoàn thành nhiệm vụ"),
	"vi pham tu cach":                                   "mức xếp loại đảng viên cũ, nay là " + didYouMean("Không hoàn thành nhiệm vụ"),
}

var levelNames = lookup[criteria.Level]{
	"xuat sac": criteria.LevelExcellent, "xs": criteria.LevelExcellent, "muc xuat sac": criteria.LevelExcellent,
	"tot": criteria.LevelGood, "muc tot": criteria.LevelGood,
	"trung binh": criteria.LevelAverage, "tb": criteria.LevelAverage, "muc trung binh": criteria.LevelAverage,
	"kem": criteria.LevelWeak, "muc kem": criteria.LevelWeak, "yeu": criteria.LevelWeak, "yeu kem": criteria.LevelWeak,
}

// parseLevel reads the level of a 528 criterion: "Xuất sắc", "Tốt",
// "Trung bình" ("TB"), "Kém".
func parseLevel(s string) (criteria.Level, fault) {
	if l, ok := levelNames.get(strings.TrimSuffix(s, ".")); ok {
		return l, fault{}
	}
	return criteria.LevelNone, unknownValueHint("Mức", s, schema.Levels, levelHints)
}

// levelHints: a criterion's level is one of four; the words of other
// scales say a result but not which level.
var levelHints = map[string]string{
	"kha":       "\"Khá\" không phải mức của tiêu chí; ghi Tốt hoặc Trung bình theo kết quả đánh giá",
	"gioi":      "\"Giỏi\" không phải mức của tiêu chí; ghi Xuất sắc hoặc Tốt theo kết quả đánh giá",
	"dat":       "\"Đạt\" không cho biết mức; ghi Xuất sắc, Tốt hoặc Trung bình, hoặc ghi Điểm",
	"khong dat": "\"Không đạt\" không cho biết mức; ghi Kém (hoặc mức đánh giá được), hoặc ghi Điểm",
}

var numberSuffix = regexp.MustCompile(`\s*(diem|d|%)$`)

// parseNumber reads a number written by Excel (raw "8.5") or by hand
// ("8,5", "90 điểm"). A lone comma is a decimal comma, as Vietnamese writes
// it; thousands separators have no place in these small numbers.
func parseNumber(s string) (float64, bool) {
	if plainNumber(s) {
		// What Excel stores: the common case, without the text handling.
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil && !math.IsInf(v, 0)
	}
	k := numberSuffix.ReplaceAllString(matchKey(s), "")
	k = strings.ReplaceAll(k, " ", "")
	if strings.Count(k, ",") == 1 && !strings.Contains(k, ".") {
		k = strings.Replace(k, ",", ".", 1)
	}
	if k == "" || strings.ContainsAny(k, "xXpP_") {
		// Keep hex floats and digit separators out: nobody types them in
		// a score cell, and accepting them would read garbage as numbers.
		return 0, false
	}
	v, err := strconv.ParseFloat(k, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// plainNumber reports whether s is digits with at most a sign, a point and
// an exponent, as Excel writes raw numbers; anything else takes the slow
// path of parseNumber.
func plainNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.', c == '-', c == '+', c == 'e', c == 'E':
		default:
			return false
		}
	}
	return s[0] != 'e' && s[0] != 'E'
}

// parseScore reads a 0–100 score.
func parseScore(what, s string) (float64, fault) {
	v, ok := parseNumber(s)
	if !ok {
		return 0, faultOf(criteria.ValueNotNumber, what, quote(s), "số; cần một số từ 0 đến 100, ví dụ 85 hoặc 8,5")
	}
	if v < 0 || v > 100 {
		return 0, faultOf(criteria.ScoreOutOfRange, what, criteria.FormatNumber(v), "100")
	}
	return v, fault{}
}

// parseCount reads a whole, non-negative number (members present, targets).
func parseCount(what, s string) (int, fault) {
	v, ok := parseNumber(s)
	if !ok || v != math.Trunc(v) || v < 0 || v > 1e6 {
		return 0, faultOf(criteria.ValueInvalid, what, quote(s), "cần một số nguyên không âm")
	}
	return int(v), fault{}
}

var (
	dmyDate   = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$`)
	ymdDate   = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	wordsDate = regexp.MustCompile(`^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam|,)?\s*(\d{4})$`)
	timeTail  = regexp.MustCompile(`(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)$`)
)

// The earliest and latest years a date may fall in: a serial number that
// lands outside is a number typed in a date column, not a date.
const minYear, maxYear = 1950, 2100

// parseDate reads a date: an Excel serial number (what a real date cell
// holds when read raw), or text dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
// dd.mm.yyyy, yyyy-mm-dd or "ngày 5 tháng 3 năm 2024". A time of day after
// the date is ignored. date1904 is the workbook's date system.
func parseDate(s string, date1904 bool) (time.Time, fault) {
	// Built only when needed: this runs for every dated row.
	bad := func() fault {
		return faultOf(criteria.ValueBadDate, "Ngày", quote(s), "không đọc được", "ngày dạng dd/mm/yyyy, ví dụ 15/03/2024")
	}
	if t, ok := serialDate(s, date1904); ok {
		return checkYear(s, t)
	}
	k := matchKey(s)
	if v, err := strconv.ParseFloat(k, 64); err == nil && !strings.ContainsAny(k, "xXpP_") {
		if v < 1 || v > 2958465 || math.IsNaN(v) {
			return time.Time{}, bad()
		}
		t, err := excelize.ExcelDateToTime(v, date1904)
		if err != nil {
			return time.Time{}, bad()
		}
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		return checkYear(s, t)
	}
	k = timeTail.ReplaceAllString(k, "")
	var d, m, y string
	if p := dmyDate.FindStringSubmatch(k); p != nil {
		d, m, y = p[1], p[2], p[3]
	} else if p := ymdDate.FindStringSubmatch(k); p != nil {
		y, m, d = p[1], p[2], p[3]
	} else if p := wordsDate.FindStringSubmatch(k); p != nil {
		d, m, y = p[1], p[2], p[3]
	} else {
		return time.Time{}, bad()
	}
	t, ok := makeDate(y, m, d)
	if !ok {
		return time.Time{}, faultOf(criteria.ValueBadDate, "Ngày", quote(s), "không tồn tại", "ngày dạng dd/mm/yyyy")
	}
	return checkYear(s, t)
}

// serialDate is parseDate's fast path for what a date cell holds nearly
// always, a whole serial number past the days Excel's 1900 calendar gets
// wrong (it counts a 29/02/1900); it gives excelize.ExcelDateToTime's date
// without its float arithmetic. ok is false for anything else.
func serialDate(s string, date1904 bool) (t time.Time, ok bool) {
	if len(s) == 0 || len(s) > 7 {
		return time.Time{}, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		n = n*10 + int(c-'0')
	}
	if n <= 61 || n > 2958465 {
		return time.Time{}, false
	}
	if date1904 {
		return time.Date(1904, time.January, 1+n, 0, 0, 0, 0, time.UTC), true
	}
	return time.Date(1899, time.December, 30+n, 0, 0, 0, 0, time.UTC), true
}

func checkYear(s string, t time.Time) (time.Time, fault) {
	if t.Year() < minYear || t.Year() > maxYear {
		return time.Time{}, faultOf(criteria.ValueBadDate, "Ngày", quote(s)+" ("+t.Format("02/01/2006")+")", "không hợp lý", "ngày dạng dd/mm/yyyy")
	}
	return t, fault{}
}

// makeDate builds a date and refuses ones that time.Date would roll over,
// such as 31/02.
func makeDate(ys, ms, ds string) (time.Time, bool) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// month is what a Tháng cell holds; year is 0 when the cell gives none and
// the evaluation year must supply it.
type month struct {
	year, month int
}

var (
	monthOnly = regexp.MustCompile(`^(?:thang|t)?\s*(\d{1,2})$`)
	monthYear = regexp.MustCompile(`^(?:thang|t)?\s*(\d{1,2})\s*(?:[/.\-]|nam)\s*(\d{4})$`)
)

// parseMonth reads a Tháng cell: 1–12, "3/2024", "Tháng 3", "T3",
// "tháng 3 năm 2024", or a real date (a cell formatted mm/yyyy holds a
// serial number), whose month is taken.
func parseMonth(s string, date1904 bool) (month, fault) {
	bad := func() fault {
		return faultOf(criteria.ValueBadDate, "Tháng", quote(s), "không đọc được", "số 1–12, \"3/2024\" hoặc \"Tháng 3\"")
	}
	k := matchKey(s)
	if p := monthOnly.FindStringSubmatch(k); p != nil {
		m, _ := strconv.Atoi(p[1])
		if m < 1 || m > 12 {
			return month{}, bad()
		}
		return month{month: m}, fault{}
	}
	if p := monthYear.FindStringSubmatch(k); p != nil {
		m, _ := strconv.Atoi(p[1])
		y, _ := strconv.Atoi(p[2])
		if m < 1 || m > 12 || y < minYear || y > maxYear {
			return month{}, bad()
		}
		return month{year: y, month: m}, fault{}
	}
	if v, err := strconv.ParseFloat(k, 64); err == nil && v >= 1000 {
		t, f := parseDate(s, date1904)
		if !f.ok() {
			return month{}, bad()
		}
		return month{year: t.Year(), month: int(t.Month())}, fault{}
	}
	if t, f := parseDate(s, date1904); f.ok() {
		return month{year: t.Year(), month: int(t.Month())}, fault{}
	}
	return month{}, bad()
}

var yesWords = map[string]bool{"co": true, "x": true, "✓": true, "✔": true, "☑": true, "v": true, "1": true,
	"da": true, "roi": true, "yes": true, "y": true, "true": true, "dung": true}
var noWords = map[string]bool{"khong": true, "chua": true, "0": true, "-": true, "no": true, "n": true,
	"false": true, "k": true, "sai": true}

// yesNoTails are what may follow Có, Đã, Rồi, Không or Chưa in a yes/no
// cell and keep its meaning: the words of the yes/no columns themselves
// ("Đã giải quyết", "Không vi phạm", "Có ban thường vụ"). Anything else
// may change it — "Không rõ", "Chưa xác định", "Có lẽ" — and is an error,
// not a guess (SPEC §3: a closed-set value outside its set is an error,
// never a default).
var yesNoTails = map[string]bool{
	"giai quyet": true, "giai quyet xong": true, "duoc giai quyet": true, "xong": true,
	"xu ly": true, "xu ly xong": true, "duoc xu ly": true,
	"vi pham": true, "mien": true, "duoc mien": true, "mien sinh hoat": true,
	"lam diem": true, "ban thuong vu": true, "btv": true, "co ban thuong vu": true,
}

// inProgress are the phrases saying a case is still being dealt with: not
// resolved. Only parseYesNo reads them: in Vi phạm, a violation being
// dealt with is no "no".
var inProgress = map[string]bool{"dang giai quyet": true, "dang xu ly": true}

// yesNoKey reads a yes/no cell's matching key: yes, no, or not one
// (known false). A phrase counts only when its first word is a yes/no
// word and the rest one of yesNoTails.
func yesNoKey(k string) (yes, known bool) {
	k = strings.TrimRight(k, " .!")
	switch {
	case yesWords[k]:
		return true, true
	case noWords[k]:
		return false, true
	}
	first, tail, ok := strings.Cut(k, " ")
	if !ok || !yesNoTails[tail] {
		return false, false
	}
	switch first {
	case "co", "da", "roi":
		return true, true
	case "khong", "chua":
		return false, true
	}
	return false, false
}

// parseYesNo reads a yes/no cell: Có, x, ✓, 1, Đã, Rồi are yes; Không,
// Chưa, 0 are no (blank, also no, is handled by the caller); "Đã giải
// quyết", "Chưa giải quyết", "Đang giải quyết" too. Any other value is an
// error, never a default: "Không rõ" is not "Không".
func parseYesNo(what, s string) (bool, fault) {
	k := matchKey(s)
	if yes, ok := yesNoKey(k); ok {
		return yes, fault{}
	}
	if inProgress[strings.TrimRight(k, " .!")] {
		return false, fault{}
	}
	return false, unknownValueHint(what, s, schema.YesNo, yesNoHints)
}

// yesNoHints: the usual shorthands of Không, too short for a spelling
// hint ("Ko" is one letter from "Có"), and the hedges that say neither.
var yesNoHints = map[string]string{
	"ko": didYouMean("Không"), "k0": didYouMean("Không"), "kg": didYouMean("Không"), "khg": didYouMean("Không"), "hok": didYouMean("Không"),
	"khong ro":      "\"Không rõ\" không cho biết có hay không; ghi Có hoặc Không",
	"chua ro":       "\"Chưa rõ\" không cho biết có hay không; ghi Có hoặc Không",
	"chua xac dinh": "\"Chưa xác định\" không cho biết có hay không; ghi Có hoặc Không",
}

// hedgeWords begin a Vi phạm text that is neither a "no" nor a violation:
// "Không rõ", "Chưa xác minh", "Đang xem xét". Not every no word: "Sai
// phạm …" and "- Vi phạm …" are violations written out.
var hedgeWords = map[string]bool{"khong": true, "chua": true, "dang": true, "k": true, "0": true, "no": true}

// parseViolation reads a Vi phạm cell (SPEC §3): a yes/no value, or the
// violation itself written out ("Vi phạm Quy định 37-QĐ/TW (điều 2)"),
// which means yes and is returned as the evidence. Text that begins like
// a "no" but is not one ("Không rõ", "Chưa xác minh") says neither, and is
// an error rather than a violation nobody recorded.
func parseViolation(what, s string) (violated bool, evidence string, f fault) {
	k := matchKey(s)
	if yes, ok := yesNoKey(k); ok {
		return yes, "", fault{}
	}
	first, _, _ := strings.Cut(strings.TrimRight(k, " .!"), " ")
	if hedgeWords[strings.TrimRight(first, ",;:")] {
		return false, "", faultOf(criteria.ValueUnclear, what, quote(s), "rõ là có hay không vi phạm", "ghi \"Không\" nếu không vi phạm, hoặc ghi nội dung vi phạm")
	}
	return true, s, fault{}
}

// isSuspension recognises "Đình chỉ", "Đình chỉ sinh hoạt (đảng)", "Bị
// đình chỉ sinh hoạt" in a Miễn sinh hoạt cell.
func isSuspension(s string) bool {
	k := strings.Trim(matchKey(s), " .!")
	k = strings.TrimPrefix(k, "bi ")
	switch k {
	case "dinh chi", "dinh chi sinh hoat", "dinh chi sinh hoat dang", "dinh chi sh":
		return true
	}
	return false
}

var disciplineNames = lookup[criteria.Discipline]{
	"khien trach": criteria.Reprimand, "canh cao": criteria.Warning,
	"cach chuc": criteria.Dismissal, "khai tru": criteria.Expulsion,
}

// parseDiscipline reads a Kỷ luật cell: one of the four measures for a
// party member, alone or followed by its decision ("Khiển trách (QĐ số
// 12-QĐ/ĐU)", "Khai trừ ra khỏi Đảng"), with or without "Kỷ luật" before
// it; a "no" value is none. Anything else is an error: "Có" does not say
// which measure, and a guess would be a silent wrong answer.
func parseDiscipline(what, s string) (criteria.Discipline, fault) {
	k := strings.TrimRight(matchKey(s), " .!")
	if yes, ok := yesNoKey(k); ok {
		if !yes {
			return criteria.DisciplineNone, fault{}
		}
		return criteria.DisciplineNone, faultOf(criteria.ValueUnclear, what, quote(s), "cho biết hình thức kỷ luật", "ghi Khiển trách, Cảnh cáo, Cách chức hoặc Khai trừ (Không nếu không bị kỷ luật)")
	}
	for _, p := range []string{"bi ky luat ", "ky luat ", "hinh thuc "} {
		k = strings.TrimPrefix(k, p)
	}
	for name, d := range disciplineNames {
		if rest, ok := strings.CutPrefix(k, name); ok && (rest == "" || !isLetter(rest[0])) {
			return d, fault{}
		}
	}
	return criteria.DisciplineNone, unknownValue(what, s, schema.Disciplines)
}

// parseOrgDiscipline reads the Kỷ luật cell of a unit: one of the
// measures against an organisation (Khiển trách, Cảnh cáo, Giải tán),
// returned as written, or "" for none. "Có" does not say which, and is an
// error like a member's.
func parseOrgDiscipline(what, s string) (string, fault) {
	k := strings.TrimRight(matchKey(s), " .!")
	if yes, ok := yesNoKey(k); ok {
		if !yes {
			return "", fault{}
		}
		return "", faultOf(criteria.ValueUnclear, what, quote(s), "cho biết hình thức kỷ luật", "ghi Khiển trách, Cảnh cáo hoặc Giải tán (Không nếu không bị kỷ luật)")
	}
	for _, p := range []string{"bi ky luat ", "ky luat ", "hinh thuc "} {
		k = strings.TrimPrefix(k, p)
	}
	for _, name := range []string{"khien trach", "canh cao", "giai tan"} {
		if rest, ok := strings.CutPrefix(k, name); ok && (rest == "" || !isLetter(rest[0])) {
			return s, fault{}
		}
	}
	return "", unknownValue(what, s, schema.OrgDisciplines)
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 0x80 }

var residenceNames = lookup[criteria.Residence]{
	"khong lay y kien": criteria.ResidenceNotTaken, "khong lay": criteria.ResidenceNotTaken,
	"khong lay nhan xet": criteria.ResidenceNotTaken, "khong lay y kien nhan xet": criteria.ResidenceNotTaken,
	"khong dat": criteria.ResidenceNegative, "chua dat": criteria.ResidenceNegative, "chua tot": criteria.ResidenceNegative,
	"khong tot": criteria.ResidenceNegative, "kem": criteria.ResidenceNegative, "yeu": criteria.ResidenceNegative,
	"yeu kem": criteria.ResidenceNegative, "khong hoan thanh": criteria.ResidenceNegative,
	"co nhan xet khong tot": criteria.ResidenceNegative, "nhan xet khong tot": criteria.ResidenceNegative,
	"tot": criteria.ResidencePositive, "kha": criteria.ResidencePositive, "dat": criteria.ResidencePositive,
	"hoan thanh": criteria.ResidencePositive, "co nhan xet tot": criteria.ResidencePositive,
	"nhan xet tot": criteria.ResidencePositive, "xuat sac": criteria.ResidencePositive,
	"hoan thanh tot": criteria.ResidencePositive, "tot, kha": criteria.ResidencePositive,
}

// parseResidence reads the residence feedback of Quy định 213-QĐ/TW as
// SPEC §3 lists it; a rating written there ("HTTNV") counts by its level.
func parseResidence(s string) (criteria.Residence, fault) {
	if r, ok := residenceNames.get(strings.TrimSuffix(s, ".")); ok {
		return r, fault{}
	}
	if r, f := parseRating(s); f.ok() {
		if r == criteria.KHTNV {
			return criteria.ResidenceNegative, fault{}
		}
		return criteria.ResidencePositive, fault{}
	}
	return criteria.ResidenceBlank, unknownValueHint("Nhận xét nơi cư trú", s, schema.Residence, residenceHints)
}

// residenceHints: words that say no feedback was given or is known yet,
// never a spelling of a negative one ("Không rõ" is not "Không tốt").
var residenceHints = map[string]string{
	"khong ro":        "\"Không rõ\" không phải nhận xét; ghi nhận xét của chi ủy nơi cư trú (Tốt, Không tốt…), hoặc \"Không lấy ý kiến\" nếu không lấy",
	"chua ro":         "\"Chưa rõ\" không phải nhận xét; ghi nhận xét khi có, hoặc \"Không lấy ý kiến\" nếu không lấy",
	"chua co":         "chưa có nhận xét thì để trống ô cho đến khi có; \"Không lấy ý kiến\" nếu không lấy",
	"chua co y kien":  "chưa có nhận xét thì để trống ô cho đến khi có; \"Không lấy ý kiến\" nếu không lấy",
	"chua lay":        "chưa lấy ý kiến thì để trống ô cho đến khi có nhận xét; \"Không lấy ý kiến\" nếu không lấy",
	"chua lay y kien": "chưa lấy ý kiến thì để trống ô cho đến khi có nhận xét; \"Không lấy ý kiến\" nếu không lấy",
	"binh thuong":     "\"Bình thường\" không cho biết nhận xét tốt hay không; ghi Tốt, Đạt hoặc Không tốt theo nhận xét",
}

var unitTypeNames = lookup[criteria.UnitType]{
	"chi bo co so": criteria.CellGrassroots, "cbcs": criteria.CellGrassroots,
	"chi bo truc thuoc": criteria.CellSubordinate, "cbtt": criteria.CellSubordinate,
	"chi bo truc thuoc dang bo co so": criteria.CellSubordinate, "chi bo truc thuoc dang uy co so": criteria.CellSubordinate,
	"chi bo truc thuoc dang bo": criteria.CellSubordinate,

	"dang bo co so": criteria.Committee, "dbcs": criteria.Committee, "dang uy co so": criteria.Committee,
}

// unitTypeHints are values once read as a type that may mean another unit
// ("Đảng bộ" may be a đảng bộ bộ phận): an error now, with a suggestion.
var unitTypeHints = map[string]string{
	"dang bo": didYouMean("Đảng bộ cơ sở"),
	"dang uy": didYouMean("Đảng bộ cơ sở"),
	"chi bo":  "\"Chi bộ\" chưa nói chi bộ cơ sở hay trực thuộc; ghi \"Chi bộ cơ sở\" hoặc \"Chi bộ trực thuộc\"",
}

func parseUnitType(s string) (criteria.UnitType, fault) {
	if t, ok := unitTypeNames.get(s); ok {
		return t, fault{}
	}
	return "", unknownValueHint("Loại đơn vị", s, schema.UnitTypes, unitTypeHints)
}

var meetingKindNames = lookup[criteria.MeetingKind]{
	"thuong ky": criteria.Regular, "tk": criteria.Regular, "sinh hoat thuong ky": criteria.Regular,
	"dinh ky": criteria.Regular, "hang thang": criteria.Regular, "thuong le": criteria.Regular,
	// Both spellings of kỳ/kì are in use (the 1980s spelling reform).
	"thuong ki": criteria.Regular, "dinh ki": criteria.Regular, "sinh hoat thuong ki": criteria.Regular,
	"chuyen de": criteria.Thematic, "cd": criteria.Thematic, "sinh hoat chuyen de": criteria.Thematic,
}

func parseMeetingKind(s string) (criteria.MeetingKind, fault) {
	if k, ok := meetingKindNames.get(s); ok {
		return k, fault{}
	}
	return 0, unknownValueHint("Loại sinh hoạt", s, schema.MeetingKinds, meetingKindHints)
}

// meetingKindHints: meetings that are neither kind by their name.
var meetingKindHints = map[string]string{
	"bat thuong": "buổi họp bất thường không phải sinh hoạt thường kỳ; ghi \"Thường kỳ\" hoặc \"Chuyên đề\" theo nội dung buổi sinh hoạt",
	"dot xuat":   "buổi họp đột xuất không phải sinh hoạt thường kỳ; ghi \"Thường kỳ\" hoặc \"Chuyên đề\" theo nội dung buổi sinh hoạt",
	"mo rong":    "\"Mở rộng\" không cho biết loại; ghi \"Thường kỳ\" hoặc \"Chuyên đề\"",
}

var committeeKindNames = lookup[criteria.CommitteeKind]{
	"ban chap hanh": criteria.ExecutiveBoard, "bch": criteria.ExecutiveBoard, "dang uy": criteria.ExecutiveBoard,
	"hop ban chap hanh": criteria.ExecutiveBoard, "hop dang uy": criteria.ExecutiveBoard, "ban chap hanh dang bo": criteria.ExecutiveBoard,
	"ban thuong vu": criteria.StandingBoard, "btv": criteria.StandingBoard, "thuong vu": criteria.StandingBoard,
	"hop ban thuong vu": criteria.StandingBoard, "ban thuong vu dang uy": criteria.StandingBoard,
	"hoi nghi dang bo": criteria.Assembly, "hoi nghi toan dang bo": criteria.Assembly,
	"dai hoi": criteria.Congress, "dai hoi dang bo": criteria.Congress,
}

// committeeKindHints: a bare "Hội nghị" may be a hội nghị ban chấp hành as
// well as one of the whole đảng bộ, so it is no longer read as either.
var committeeKindHints = map[string]string{
	"hoi nghi": "\"Hội nghị\" có thể là hội nghị ban chấp hành; ghi \"Ban chấp hành\" hoặc \"Hội nghị đảng bộ\"",
}

func parseCommitteeKind(s string) (criteria.CommitteeKind, fault) {
	if k, ok := committeeKindNames.get(s); ok {
		return k, fault{}
	}
	return 0, unknownValueHint("Loại họp", s, schema.CommitteeKinds, committeeKindHints)
}

var groupNames = lookup[bool]{
	"trong tam": true, "nhom trong tam": true, "tieu chi trong tam": true,
	"khac": false, "nhom khac": false, "tieu chi khac": false, "con lai": false,
}

// parseGroup reports whether a Tiêu chí row is in the group "Trọng tâm".
func parseGroup(s string) (bool, fault) {
	if g, ok := groupNames.get(s); ok {
		return g, fault{}
	}
	return false, unknownValue("Nhóm", s, schema.CriteriaGroups)
}

var caseKindNames = lookup[criteria.CaseKind]{
	"don thu":   criteria.Petition,
	"khieu nai": criteria.Complaint, "don khieu nai": criteria.Complaint,
	"to cao": criteria.Denunciation, "don to cao": criteria.Denunciation,
	"van de noi com": criteria.PressingIssue, "noi com": criteria.PressingIssue, "vu viec noi com": criteria.PressingIssue,
}

func parseCaseKind(s string) (criteria.CaseKind, fault) {
	if k, ok := caseKindNames.get(s); ok {
		return k, fault{}
	}
	return 0, unknownValueHint("Loại vụ việc", s, schema.CaseKinds, caseKindHints)
}

// caseKindHints are kinds of letters outside the four of SPEC §3, once
// read as Đơn thư without a word: an error now, suggesting it (SPEC §3,
// never a default).
// The words say what they are, not a misspelling: the message says how to
// record them rather than asking.
var caseKindHints = map[string]string{
	"kien nghi": letterHint, "phan anh": letterHint, "kien nghi, phan anh": letterHint, "kien nghi phan anh": letterHint,
	"don thu kien nghi": letterHint, "don kien nghi": letterHint,
	"don": "\"Đơn\" chưa nói loại; ghi \"Đơn thư\", \"Khiếu nại\" hoặc \"Tố cáo\" theo nội dung đơn",
	"thu": "\"Thư\" chưa nói loại; ghi \"Đơn thư\", \"Khiếu nại\" hoặc \"Tố cáo\" theo nội dung",
}

// letterHint: a kiến nghị or phản ánh is none of the four kinds by name.
const letterHint = "kiến nghị, phản ánh không phải khiếu nại hay tố cáo: ghi \"Đơn thư\" nếu là đơn gửi tới, \"Vấn đề nổi cộm\" nếu là vụ việc nổi cộm"

var resultNames = lookup[bool]{
	"dat": true, "x": true, "✓": true, "co": true,
	"khong dat": false, "chua dat": false, "khong": false,
}

// parseResult reads a Tự đánh giá result, Đạt or Không đạt.
func parseResult(s string) (bool, fault) {
	if r, ok := resultNames.get(strings.TrimSuffix(s, ".")); ok {
		return r, fault{}
	}
	return false, unknownValueHint("Kết quả", s, schema.Results, resultHints)
}

// resultHints: a result not yet known is not a slip of either.
var resultHints = map[string]string{
	"khong ro":      "\"Không rõ\" không phải kết quả; ghi Đạt hoặc Không đạt",
	"chua danh gia": "chưa đánh giá thì để trống ô; ghi Đạt hoặc Không đạt khi đã đánh giá",
	"dat mot phan":  "\"Đạt một phần\" chưa là Đạt; ghi Đạt hoặc Không đạt",
	"co ban dat":    "\"Cơ bản đạt\" chưa là Đạt; ghi Đạt hoặc Không đạt",
}

var itemIDPattern = regexp.MustCompile(`^(tc[1-4])\s*[.\-_ ]?\s*(q\d{1,2})$`)

// parseItem maps a Tự đánh giá Mục cell to an item ID: the ID itself
// ("tc1.q1", "TC1.Q1") or the item's text, whole or as its unambiguous
// beginning (office sheets often shorten long bullets).
// itemKeys are the matching keys of criteria.Items' texts, computed once.
var itemKeys = func() []string {
	keys := make([]string, len(criteria.Items))
	for i, it := range criteria.Items {
		keys[i] = strings.TrimRight(matchKey(it.Text), " .;:")
	}
	return keys
}()

func parseItem(s string) (string, fault) {
	k := strings.TrimRight(matchKey(s), " .;:")
	if _, ok := criteria.ItemByID(k); ok {
		return k, fault{} // the ID itself, as the template writes it
	}
	if p := itemIDPattern.FindStringSubmatch(k); p != nil {
		id := p[1] + "." + p[2]
		for _, it := range criteria.Items {
			if it.ID == id {
				return id, fault{}
			}
		}
	}
	found := ""
	for i, it := range criteria.Items {
		t := itemKeys[i]
		if t == k {
			return it.ID, fault{}
		}
		if len(k) >= 20 && (strings.HasPrefix(t, k) || strings.HasPrefix(k, t)) {
			if found != "" {
				found = "?"
				continue
			}
			found = it.ID
		}
	}
	if found != "" && found != "?" {
		return found, fault{}
	}
	ids := make([]string, len(criteria.Items))
	texts := make([]string, len(criteria.Items))
	for i, it := range criteria.Items {
		ids[i], texts[i] = it.ID, it.Text
	}
	if sug, ok := closest(s, texts); ok {
		return "", faultOf(criteria.ValueUnknownItem, quote(s), didYouMean(sug))
	}
	if sug, ok := closest(s, ids); ok {
		return "", faultOf(criteria.ValueUnknownItem, quote(s), didYouMean(sug))
	}
	return "", faultOf(criteria.ValueUnknownItem, quote(s), "cần mã mục (tc1.q1 … tc4.q4) hoặc nguyên văn nội dung mục")
}
