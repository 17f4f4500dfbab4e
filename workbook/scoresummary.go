package workbook

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/bontot/bontot/criteria"
)

// The year's summary of meeting scores (the Phú Thọ year summary, FORMS
// item 3): the sheet
// a chi bộ sends up at the end of the year, one row per meeting —
// STT | Kỳ sinh hoạt | Ngày sinh hoạt | "Điểm chấm theo nội dung" merged
// over one column per content ("Công tác chuẩn bị (15 điểm)") | Tổng điểm |
// Xếp loại | Cấp ủy viên cấp trên xác nhận — rows "Thường kỳ tháng 1",
// "Chuyên đề quý I", a "Cộng" line, the chi bộ's rating of the year and
// the signatures. Each row names its meeting; a row is read as the meeting
// it names, and only when its date agrees with the month or quarter it
// names.

// summaryCols is where the columns of a summary are, 0-based; -1 when
// absent.
type summaryCols struct {
	end                         int // the last header row
	kind, date, total, rate, up int
	groups                      []summaryGroup
}

// summaryGroup is a content column and the maximum its header gives.
type summaryGroup struct {
	col  int
	name string
	max  float64
}

var (
	summaryKindHeads  = map[string]bool{"ky sinh hoat": true, "buoi sinh hoat": true, "ky sinh hoat chi bo": true, "hinh thuc sinh hoat": true, "loai sinh hoat": true, "ky hop": true}
	summaryDateHeads  = map[string]bool{"ngay sinh hoat": true, "ngay hop": true, "ngay": true, "thoi gian": true, "ngay thang": true, "thoi gian sinh hoat": true}
	summaryTotalHeads = map[string]bool{"tong diem": true, "tong cong": true, "tong so diem": true, "tong diem dat": true, "diem": true, "tong": true}
	summaryEnd        = regexp.MustCompile(`^(?:t/m|tm |bi thu|pho bi thu|nguoi lap|xac nhan cua|chi bo tu xep loai|xep loai chung|chi bo xep loai)`)
)

// summaryHeaderOf reads texts (one per column) as a summary's header: it
// needs the column naming the meeting, its date and the total.
func summaryHeaderOf(texts []string) (summaryCols, bool) {
	h := summaryCols{kind: -1, date: -1, total: -1, rate: -1, up: -1}
	for c, t := range texts {
		if t == "" {
			continue
		}
		k := scoreHeadKey(t)
		raw := matchKey(t)
		switch {
		case summaryKindHeads[k] && h.kind < 0:
			h.kind = c
		case summaryDateHeads[k] && h.date < 0:
			h.date = c
		case summaryTotalHeads[k] && h.total < 0:
			h.total = c
		case strings.HasPrefix(k, "xep loai") && h.rate < 0:
			h.rate = c
		case upperStep.MatchString(k) || (scorerWord.MatchString(k) && upperWords.MatchString(k)):
			if h.up < 0 {
				h.up = c
			}
		default:
			if m := pointsInText.FindStringSubmatch(raw); m != nil {
				v, _ := parseNumber(strings.Replace(m[1], ",", ".", 1))
				h.groups = append(h.groups, summaryGroup{col: c, name: shortText(t), max: v})
			}
		}
	}
	return h, h.kind >= 0 && h.date >= 0 && h.total >= 0
}

// findSummaryHeader finds a summary's header in one row or two (a title
// merged over the content columns, the columns merged over both rows).
func findSummaryHeader(rows [][]string) (summaryCols, bool) {
	for r := range rows {
		if h, ok := summaryHeaderOf(rows[r]); ok {
			h.end = r
			if r+1 < len(rows) {
				// A second header row under a one-row match: its contents.
				if h2, ok2 := summaryHeaderOf(mergeDown(rows[r], rows[r+1])); ok2 && len(h2.groups) > len(h.groups) {
					h2.end = r + 1
					return h2, true
				}
			}
			return h, true
		}
		if r+1 < len(rows) {
			// Tổng điểm under the merged title row rather than merged
			// over both rows: only the two rows together are the header.
			if _, alone := summaryHeaderOf(rows[r+1]); alone {
				continue // the next row is the header by itself
			}
			if h, ok := summaryHeaderOf(mergeDown(rows[r], rows[r+1])); ok {
				h.end = r + 1
				return h, true
			}
		}
	}
	return summaryCols{}, false
}

// mergeDown is two header rows as one: the bottom's text, the top's where
// the bottom is blank (a cell merged over both rows).
func mergeDown(top, bottom []string) []string {
	out := make([]string, max(len(top), len(bottom)))
	for c := range out {
		out[c] = cellAt(bottom, c)
		if out[c] == "" {
			out[c] = cellAt(top, c)
		}
	}
	return out
}

// readSummary reads the year's summary whose header is h: a meeting per
// row naming one. It reports how many meetings it recorded.
func (fd *fileData) readSummary(name string, rows [][]string, h summaryCols) int {
	s := &scoreSheet{fd: fd, name: name, rows: rows, cols: scoreCols{end: h.end, tt: -1, crit: -1, scale: -1, own: -1, up: -1}, total: -1, rating: -1, numbering: -1}
	head := s.header() // the unit, from "Mã đơn vị: …"
	s.probs = nil      // its date is none of the meetings'
	unit := ""
	if !fd.single {
		unit = head.unit
	}
	sum := 0.0
	for _, g := range h.groups {
		sum += g.max
	}
	if len(h.groups) > 0 && math.Abs(sum-100) > 0.001 {
		fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name, Cell: s.cell(h.end, h.groups[0].col)}.Of(criteria.ScoresheetScaleNot100,
			"Các cột điểm theo nội dung", criteria.FormatNumber(round3(sum))+" điểm"))
		return 0
	}
	if head.unit == "" && !fd.single {
		fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name}.Of(criteria.ScoresheetNoUnit, "Bảng tổng hợp điểm sinh hoạt", "bảng"))
		return 0
	}
	start := h.end + 1
	if start < len(rows) && isNumberingRow(rows[start]) {
		start++
	}
	n, blank := 0, 0
	for r := start; r < len(rows); r++ {
		kind := s.at(r, h.kind)
		k := scoreHeadKey(kind)
		if totalLabels[k] || totalLabels[scoreHeadKey(s.at(r, 0))] || totalLabels[scoreHeadKey(s.at(r, 1))] || summaryEnd.MatchString(matchKey(kind)) || summaryEnd.MatchString(matchKey(s.at(r, 0))) {
			break // the count line, the year's rating, the signatures
		}
		if kind == "" {
			continue
		}
		before := len(s.probs)
		s.failed = false
		got := s.summaryRow(r, h, unit)
		if got == 0 && len(s.probs) == before {
			blank++
			continue
		}
		n += got
	}
	fd.problems = append(fd.problems, s.probs...)
	if blank > 0 {
		fd.problems = append(fd.problems, criteria.Problem{File: fd.base, Sheet: name}.Of(criteria.ScoresheetBlank,
			fmt.Sprintf("%d dòng của bảng tổng hợp", blank), "ngày và điểm"))
	}
	return n
}

// summaryRow reads row r of a summary as the meeting (or, "thường kỳ … kết
// hợp chuyên đề", the two meetings) it names; 0 for a row not yet filled
// in or in error (the error recorded).
func (s *scoreSheet) summaryRow(r int, h summaryCols, unit string) int {
	fd := s.fd
	kind, k := s.at(r, h.kind), matchKey(s.at(r, h.kind))
	regular, thematic := strings.Contains(k, "thuong ky"), strings.Contains(k, "chuyen de")
	combined := regular && thematic && strings.Contains(k, "ket hop")
	if regular && thematic && !combined {
		s.problem(r, h.kind, faultOf(criteria.MeetingKindUnclear, quote(kind)+" là buổi sinh hoạt",
			"; ghi \"Thường kỳ tháng …\", \"Chuyên đề quý …\" hoặc \"Thường kỳ tháng … kết hợp chuyên đề quý …\""))
		return 0
	}
	if !regular && !thematic {
		s.problem(r, h.kind, faultOf(criteria.MeetingKindUnclear, quote(kind)+" là buổi sinh hoạt", "; ghi \"Thường kỳ tháng …\" hoặc \"Chuyên đề quý …\""))
		return 0
	}
	dateText := s.at(r, h.date)
	own := make([]float64, len(h.groups))
	anyGroup, allGroups := false, true
	for i, g := range h.groups {
		v, ok := s.number(r, g.col, "nhóm "+quote(g.name))
		if !ok {
			allGroups = false
			continue
		}
		anyGroup = true
		own[i] = v
		if v > g.max+0.001 {
			s.problem(r, g.col, faultOf(criteria.ScoreOverScale, g.name+":", criteria.FormatNumber(v), criteria.FormatNumber(g.max)))
		}
	}
	total, hasTotal := s.number(r, h.total, "Tổng điểm")
	if dateText == "" && !anyGroup && !hasTotal && !s.failed {
		return 0 // a meeting not yet held
	}
	if dateText == "" {
		s.problem(r, h.date, faultOf(criteria.ScoreIncomplete, "Dòng "+quote(kind)+" có điểm nhưng", "ghi ngày sinh hoạt", "ngày dd/mm/yyyy"))
		return 0
	}
	t, f := parseDate(dateText, fd.date1904)
	if !f.ok() {
		s.problem(r, h.date, faultOf(criteria.ValueBadDate, "Ngày sinh hoạt", quote(dateText), "không đọc được", "ngày dd/mm/yyyy"))
		return 0
	}
	// The date must be in the month (or quarter) the row names.
	if m := namedMonth.FindStringSubmatch(k); m != nil && regular {
		if mo, _ := strconv.Atoi(m[1]); mo != int(t.Month()) {
			s.problem(r, h.date, faultOf(criteria.MeetingDateConflict, "Ngày "+t.Format("02/01/2006")+" ở ô "+s.cell(r, h.date),
				fmt.Sprintf("thuộc tháng %d", mo), "ô "+s.cell(r, h.kind), "ngày và kỳ sinh hoạt khớp nhau"))
			return 0
		}
	}
	if m := namedQuarter.FindStringSubmatch(k); m != nil && thematic {
		if q := quarterOf(m[1]); (int(t.Month())-1)/3+1 != q {
			s.problem(r, h.date, faultOf(criteria.MeetingDateConflict, "Ngày "+t.Format("02/01/2006")+" ở ô "+s.cell(r, h.date),
				"thuộc quý "+quarterNumerals[q-1], "ô "+s.cell(r, h.kind), "ngày và kỳ sinh hoạt khớp nhau"))
			return 0
		}
	}
	if anyGroup && !allGroups {
		s.problem(r, h.groups[0].col, faultOf(criteria.ScoreIncomplete, "Dòng "+quote(kind), "chấm đủ các nội dung", "điểm của mọi cột"))
		return 0
	}
	sum := 0.0
	for _, v := range own {
		sum += v
	}
	sum = round3(sum)
	switch {
	case anyGroup && hasTotal && math.Abs(sum-total) > 0.001:
		s.problem(r, h.total, faultOf(criteria.ScoreTotalMismatch, "Tổng điểm", criteria.FormatNumber(total), "điểm các nội dung", criteria.FormatNumber(sum), ""))
		return 0
	case anyGroup && !hasTotal:
		total, hasTotal = sum, true
	case !hasTotal:
		s.problem(r, h.total, faultOf(criteria.ScoreIncomplete, "Dòng "+quote(kind), "có điểm", "Tổng điểm"))
		return 0
	}
	if total > 100+0.001 {
		s.problem(r, h.total, faultOf(criteria.ScoreOverScale, "Tổng điểm", criteria.FormatNumber(total), "100"))
		return 0
	}
	if s.failed {
		return 0
	}
	m := criteria.Meeting{Source: criteria.NewSource(fd.base, s.name, r+1), Score: total, HasScore: true}
	if anyGroup {
		for i, g := range h.groups {
			m.Groups = append(m.Groups, criteria.GroupScore{Name: g.name, Label: g.name, Score: own[i], Max: g.max})
		}
	}
	// The upper committee's column confirms; a number in it is its score,
	// which decides as on a score sheet.
	if up := s.at(r, h.up); up != "" {
		if v, ok := parseNumber(up); ok {
			if v > 100 || v < 0 {
				s.problem(r, h.up, faultOf(criteria.ScoreUpperInvalid, criteria.FormatNumber(v)))
				return 0
			}
			if fd.meet.gap > 0 && math.Abs(v-total) > fd.meet.gap+0.001 {
				s.problem(r, h.up, upperGap(quote(s.at(h.end, h.up)), v, total, fd.meet.gap))
			}
			m.Score, m.UpperScore, m.Groups = v, true, nil
		}
	}
	if rate := s.at(r, h.rate); rate != "" && !strings.ContainsAny(rate, "….") {
		q := m.Quality(*fd.meet.th)
		if w, ok := writtenQuality(rate); !ok {
			s.problem(r, h.rate, faultOf(criteria.ScoresheetBadRating, quote(rate), criteria.MeetingBandNames()))
		} else if w != q {
			s.problem(r, h.rate, faultOf(criteria.ScoresheetRatingMismatch, quote(rate), criteria.FormatNumber(m.Score), q.Label()))
		}
	}
	kinds := []criteria.MeetingKind{criteria.Regular}
	switch {
	case combined:
		kinds = append(kinds, criteria.Thematic)
	case thematic:
		kinds = []criteria.MeetingKind{criteria.Thematic}
	}
	for _, kd := range kinds {
		m.Kind = kd
		pr := &pendingRow{sheet: criteria.SheetMeetings, src: m.Source, unit: unit, unitCol: -1, date: rowDate{set: true, t: t}, hasRec: true}
		fd.votes[t.Year()]++
		rec := &record{meeting: m}
		pr.add = rec.adder(pr.sheet)
		fd.rows = append(fd.rows, pr)
	}
	return len(kinds)
}
