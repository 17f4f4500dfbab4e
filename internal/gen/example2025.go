package gen

import (
	"io"
	"slices"
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
// others, on the unit meant to show it.
func example2025Plans() []*unitPlan {
	var ps []*unitPlan
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

	for i, p := range ps {
		p.index = i + 1
	}
	return ps
}

// sheetPlans2025 are the sheets of the 2025 example: those of the 2024
// one and Lịch sử.
var sheetPlans2025 = append(slices.Clip(sheetPlans), historySheetPlan)

func writeExample2025(w io.Writer) error {
	s, err := newExcelizeSink(w)
	if err != nil {
		return err
	}
	_, err = writeSheets(s, sheetPlans2025, example2025Plans(), example2025Seed)
	return err
}
