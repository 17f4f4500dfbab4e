package workbooktest

import (
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
)

// example2025Seed fixes the names, dates and scores the 2025 example draws.
const example2025Seed = 2025

// streak is the Lịch sử rows of the years from..to, each with rating and
// Bốn tốt "Có".
func streak(from, to int, rating string) []pastYear {
	var rows []pastYear
	for y := from; y <= to; y++ {
		rows = append(rows, pastYear{y, rating, "Có"})
	}
	return rows
}

// example2025Plans is the bloc of testdata/khoi-2024-quy-tac-2025.xlsx:
// the data of 2024 as the 2025 rules judge it (`--profile 2025`), with a
// Lịch sử sheet. testdata/README.md says what each unit shows; keep the
// two in step. A knob another rule adds to unitPlan is set here like the
// others, on the unit meant to show it; the knobs of the columns only this
// book has are in the map returned beside the plans.
func example2025Plans() ([]*unitPlan, map[string]*knobs2025) {
	var ps []*unitPlan
	knobs := map[string]*knobs2025{}
	add := func(p *unitPlan) *unitPlan { ps = append(ps, p); return p }

	// DB01: five chi bộ trực thuộc; met, rated HTXSNV five years running.
	db01 := add(goodParent("DB01", "Đảng bộ Sở Y tế", "Cụm 1", true, rXS))
	db01.history = streak(2020, 2023, rXS)
	// Dat and HTXSNV: on the đảng ủy cơ sở's list; five years: higher award.
	c := add(goodCell("DB01-01", "Chi bộ Văn phòng Sở", typeSub, "DB01", 12, rXS))
	c.pilot, c.history = true, streak(2020, 2023, rXS)
	// Dat and HTXSNV: on the list; four years only.
	c = add(goodCell("DB01-02", "Chi bộ Phòng Nghiệp vụ Y", typeSub, "DB01", 10, rXS))
	c.history = streak(2021, 2023, rXS)
	// HTXSNV, but a member KHTNV: not dat, not on the list.
	c = add(goodCell("DB01-03", "Chi bộ Thanh tra Sở", typeSub, "DB01", 9, rXS))
	c.khtnv = 1
	c.history = streak(2019, 2023, rXS)
	// Dat but HTTNV: not on the list.
	add(goodCell("DB01-04", "Chi bộ Phòng Kế hoạch - Tài chính", typeSub, "DB01", 11, rT))
	// Four thematic meetings, none from April to June: dat under
	// hd17-2023, not under 2025 (tc2.thematic_quarterly).
	c = add(goodCell("DB01-05", "Chi bộ Chi cục Dân số", typeSub, "DB01", 10, rXS))
	c.thematicMonths = []int{1, 3, 8, 11}

	// DB02: two chi bộ trực thuộc; met, rated HTTNV.
	db02 := add(goodParent("DB02", "Đảng bộ Sở Xây dựng", "Cụm 1", false, rT))
	db02.history = []pastYear{{2022, rT, "Có"}, {2023, rXS, ""}}
	// Dat and HTXSNV: on the list of DB02; 2022 missing from Lịch sử.
	c = add(goodCell("DB02-01", "Chi bộ Văn phòng Sở Xây dựng", typeSub, "DB02", 12, rXS))
	c.pilot = true
	c.history = append(streak(2019, 2021, rXS), pastYear{2023, rXS, "Có"})
	// Half its members HTXSNV: over the share (quota.htxsnv).
	c = add(goodCell("DB02-02", "Chi bộ Phòng Quản lý xây dựng", typeSub, "DB02", 12, rT))
	c.excellent = 6

	// Chi bộ cơ sở.
	// HTXSNV six years running, Bốn tốt not written for 2021.
	c = add(goodCell("CB01", "Chi bộ Sở Khoa học và Công nghệ", typeCell, "", 14, rXS))
	c.cluster, c.pilot, c.ratingFull = "Cụm 1", true, true
	c.history = streak(2019, 2023, rXS)
	c.history[2].fourGood = ""
	// Four years HTXSNV before 2024, HTTNV this year; "bốn tốt" four
	// years with this one (2020 not written): no higher award.
	c = add(goodCell("CB02", "Chi bộ Sở Ngoại vụ", typeCell, "", 9, rT))
	c.history = streak(2020, 2023, rXS)
	c.history[0].fourGood = ""

	// The optional columns of Đảng viên and the 2025 score sheet, one
	// chi bộ cơ sở each (rated HTTNV: never commended).
	// Who is rated: one member suspended, one admitted on 15/10/2024
	// without a rating (both left out, the new one named), one admitted
	// on 01/07/2024, exactly six months before the end of the year, rated.
	// One HTXSNV, so that the two left out do not break the HTXSNV share.
	c = add(goodCell("CB03", "Chi bộ Sở Nội vụ", typeCell, "", 12, rT))
	c.excellent = 1
	knobs["CB03"] = &knobs2025{suspended: 1,
		newUnrated: []date{{Year, time.October, 15}}, newRated: []date{{Year, time.July, 1}}}
	// Ratings as Điểm xếp loại; one member written HTXSNV with 85 points.
	add(goodCell("CB04", "Chi bộ Sở Tài chính", typeCell, "", 13, rT))
	knobs["CB04"] = &knobs2025{points: true, conflict: true}
	// A member disciplined (Khiển trách) in the year, still rated HTTNV.
	add(goodCell("CB05", "Chi bộ Sở Giáo dục và Đào tạo", typeCell, "", 11, rT))
	knobs["CB05"] = &knobs2025{discipline: "Khiển trách"}
	// Every meeting scored in the eight groups of the 2025 sheet.
	add(goodCell("CB06", "Chi bộ Sở Công Thương", typeCell, "", 10, rT))
	knobs["CB06"] = &knobs2025{groups8: true}
	// Nine tốt regular meetings by its own score, one of them khá by the
	// upper committee's: 8/12.
	c = add(goodCell("CB07", "Chi bộ Sở Tài nguyên và Môi trường", typeCell, "", 9, rT))
	c.regularGood = 9
	knobs["CB07"] = &knobs2025{upper: true}

	for i, p := range ps {
		p.index = i + 1
	}
	return ps, knobs
}

// sheetPlans2025 are the sheets of the 2025 example: those of the 2024
// one, with Sinh hoạt and Đảng viên in the columns of the 2025 rules, and
// Lịch sử.
func sheetPlans2025(knobs map[string]*knobs2025) []sheetPlan {
	sheets := append(slices.Clone(sheetPlans), historySheetPlan)
	for i := range sheets {
		switch sheets[i].id {
		case criteria.SheetMeetings:
			sheets[i].spec, sheets[i].rows = meetings2025Spec(), meetingRows2025(knobs)
		case criteria.SheetMembers:
			sheets[i].spec, sheets[i].rows = members2025Spec(), memberRows2025(knobs)
		}
	}
	return sheets
}

func writeExample2025(w io.Writer) error {
	s, err := newExcelizeSink(w)
	if err != nil {
		return err
	}
	plans, knobs := example2025Plans()
	_, err = writeSheets(s, sheetPlans2025(knobs), plans, example2025Seed)
	return err
}

// knobs2025 are the settings of the 2025 example that the 2024 plans do not
// have: the optional columns of Đảng viên that SPEC §6 reads in every profile
// and the eight-group Sinh hoạt sheet with the upper committee's score (SPEC
// §6, the 2025 profile). They live here, beside the only book that writes
// them, so that unitPlan and the 2024 sheets stay as they are.
type knobs2025 struct {
	// Members, taken in the order the sheet lists them from those the
	// 2024 plan rates HTTNV.
	suspended  int    // Đình chỉ sinh hoạt: Có, no rating
	newUnrated []date // Ngày kết nạp this late in the year, no rating
	newRated   []date // Ngày kết nạp, rating kept
	discipline string // Kỷ luật of one member, who keeps HTTNV
	// points writes every rating as Điểm xếp loại (Xếp loại blank), and
	// conflict gives one member both, disagreeing.
	points, conflict bool

	// groups8 scores every meeting in the eight groups of the published
	// 2025 sheet (criteria.Sheet2025ScoreGroups) as well as in Tổng điểm.
	groups8 bool
	// upper gives the upper committee's score (Điểm cấp trên chấm) to two
	// regular meetings: decides turns the first tốt meeting (own score
	// set to 92) into khá (86); gap gives the first khá meeting (own 75)
	// 88, 13 points apart.
	upper bool
}

// Band scores of ratings written as Điểm xếp loại (Quy định 366-QĐ/TW):
// the lowest of each band, then a draw within it.
var bandLow = map[string]float64{rXS: 90, rT: 70, rHT: 50, rK: 30}

// members2025Spec is Đảng viên with every optional column of SPEC §6.
func members2025Spec() sheetSpec {
	s := membersSpec()
	s.headers = headers(criteria.SheetMembers, "unit", "name", "id", "exempt", "suspended", "admitted_on",
		"rating", "points", "violation", "discipline", "residence")
	s.widths = []float64{11, 28, 13, 10, 10, 13, 11, 10, 9, 12, 18}
	s.headerHeight = 32 // two lines: "Đình chỉ / sinh hoạt"
	return s
}

// memberRows2025 writes the 2024 plan's members in the columns of
// members2025Spec: every member gets a Ngày kết nạp of an earlier year,
// as party lists have, and the knobs of k change a few of them.
func memberRows2025(knobs map[string]*knobs2025) func(p *unitPlan, seed uint64, emit func([]any) error) error {
	return func(p *unitPlan, seed uint64, emit func([]any) error) error {
		k := knobs[p.code]
		if k == nil {
			k = &knobs2025{}
		}
		// Its own stream, so the 2024 rows are drawn as before.
		r := rand.New(rand.NewPCG(seed, uint64(p.index)<<8|0xd7))
		httnv := 0 // members rated HTTNV seen so far
		conflicted := false
		return p.memberRows(seed, func(row []any) error {
			rating, _ := row[4].(string)
			admitted := any(date{1985 + r.IntN(38), time.Month(1 + r.IntN(12)), 1 + r.IntN(28)})
			var suspended, points, discipline any
			if rating == rT {
				// The n-th HTTNV member takes the n-th special role.
				n := httnv
				httnv++
				switch {
				case n < k.suspended:
					suspended, rating = "Có", ""
				case n < k.suspended+len(k.newUnrated):
					admitted, rating = k.newUnrated[n-k.suspended], ""
				case n < k.suspended+len(k.newUnrated)+len(k.newRated):
					admitted = k.newRated[n-k.suspended-len(k.newUnrated)]
				case n == k.suspended+len(k.newUnrated)+len(k.newRated) && k.discipline != "":
					discipline = k.discipline
				}
			}
			if k.points && rating != "" {
				if k.conflict && !conflicted && rating == rXS {
					// Written and given as points, disagreeing: the
					// written rating decides, with a warning.
					conflicted = true
					points = 85.0
				} else {
					points = bandLow[rating] + float64(r.IntN(9))
					rating = ""
				}
			}
			var ratingCell any
			if rating != "" {
				ratingCell = rating
			}
			return emit([]any{row[0], row[1], row[2], row[3], suspended, admitted, ratingCell, points, row[5], discipline, row[6]})
		})
	}
}

// groups2025Headers are the group columns of the published eight-group
// sheet as offices head them: numbered as the sheet numbers its groups,
// with the maximum beside the name, and "Tỷ lệ" where the sheet writes
// "Tỉ lệ". The reader finds each by the spellings of
// criteria.Sheet2025ScoreGroups.
var groups2025Headers = []string{
	"I. Chấp hành thời gian, thời lượng (5 điểm)",
	"II. Tỷ lệ đảng viên dự sinh hoạt (5 điểm)",
	"III. Công tác chuẩn bị (10 điểm)",
	"IV. Tổ chức sinh hoạt chi bộ (30 điểm)",
	"V. Công tác điều hành của Bí thư (10 điểm)",
	"VI. Thực hiện nguyên tắc tổ chức, sinh hoạt đảng (5 điểm)",
	"VII. Kết quả lãnh đạo thực hiện kết luận, nghị quyết (30 điểm)",
	"VIII. Kết thúc sinh hoạt chi bộ (5 điểm)",
}

// meetings2025Spec is Sinh hoạt as a province on the 2025 sheet keeps it:
// Tổng điểm, the eight groups and the upper committee's score.
func meetings2025Spec() sheetSpec {
	h := []string{header(criteria.SheetMeetings, "unit"), header(criteria.SheetMeetings, "date"),
		header(criteria.SheetMeetings, "kind"), "Tổng điểm"}
	h = append(h, groups2025Headers...)
	h = append(h, header(criteria.SheetMeetings, "upper"), header(criteria.SheetMeetings, "present"),
		header(criteria.SheetMeetings, "total"), header(criteria.SheetMeetings, "note"))
	return sheetSpec{name: sheetName(criteria.SheetMeetings), headers: h,
		widths:       []float64{11, 12, 11, 8, 13, 13, 12, 13, 13, 14, 14, 13, 11, 9, 12, 50},
		headerHeight: 80} // five lines: "VII. Kết quả / lãnh đạo thực / hiện kết luận, / nghị quyết / (30 điểm)"
}

// meetingRows2025 writes the 2024 plan's meetings in the columns of
// meetings2025Spec.
func meetingRows2025(knobs map[string]*knobs2025) func(p *unitPlan, seed uint64, emit func([]any) error) error {
	return func(p *unitPlan, seed uint64, emit func([]any) error) error {
		k := knobs[p.code]
		if k == nil {
			k = &knobs2025{}
		}
		r := rand.New(rand.NewPCG(seed, uint64(p.index)<<8|0x8b))
		decided, gapped := false, false
		return p.meetingRows(seed, func(row []any) error {
			score, _ := row[3].(float64)
			var upper any
			if k.upper && row[2] == schema.MeetingKinds[0] {
				switch {
				case !decided && score >= 90:
					decided, score, upper = true, 92, 86.0
				case !gapped && score < 90:
					gapped, score, upper = true, 75, 88.0
				}
			}
			out := []any{row[0], row[1], row[2], score}
			groups := make([]any, 8)
			if k.groups8 {
				for i, g := range split2025(r, score) {
					groups[i] = g
				}
			}
			out = append(out, groups...)
			return emit(append(out, upper, row[9], row[10], row[11]))
		})
	}
}

// split2025 splits a total (0–100) into the eight groups of the 2025
// sheet, each at most its maximum, adding up to it exactly.
func split2025(r *rand.Rand, total float64) []float64 {
	groups := criteria.Sheet2025ScoreGroups()
	g := make([]float64, len(groups))
	for i, sg := range groups {
		g[i] = sg.Max
	}
	for deficit := 100 - total; deficit > 0; {
		i := r.IntN(len(g))
		step := min(1.0, deficit)
		if g[i] >= step {
			g[i] -= step
			deficit -= step
		}
	}
	return g
}
