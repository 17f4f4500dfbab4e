package criteria

import (
	"strings"
	"testing"
)

// TestProfileSwitchesOfItem7: hd17-2023 has neither the second
// commendation list nor the streaks; 2025 has both; five years in both.
func TestProfileSwitchesOfItem7(t *testing.T) {
	for _, c := range []struct {
		name             string
		commend, history bool
	}{{ProfileHD17, false, false}, {Profile2025, true, true}} {
		th := profileTh(t, c.name)
		if th.CommendationSubordinate != c.commend || th.HistoryStreaks != c.history || th.HistoryStreakYears != 5 {
			t.Errorf("%s: commendation_subordinate %v, history_streaks %v, history_streak_years %d",
				c.name, th.CommendationSubordinate, th.HistoryStreaks, th.HistoryStreakYears)
		}
	}
}

// commendBloc is DB01 with chi bộ trực thuộc CB01 (dat, HTXSNV), CB02
// (dat, HTTNV), CB03 (HTXSNV but not dat: a member KHTNV), a second đảng
// bộ DB02 with CB21 (dat, HTXSNV), and a chi bộ cơ sở CS01 (dat, HTXSNV).
func commendBloc() *Dataset {
	cb01, cb02, cb03 := sub("CB01", "DB01"), sub("CB02", "DB01"), sub("CB03", "DB01")
	cb01.Rating, cb03.Rating = HTXSNV, HTXSNV
	cb03.Members[3].Rating = KHTNV
	cb21 := sub("CB21", "DB02")
	cb21.Rating = HTXSNV
	db02 := committee("DB02")
	db02.Rating = HTTNV
	return dataset(committee("DB01"), db02, cb01, cb02, cb03, cb21, cell("CS01"))
}

// TestGrassrootsCommendationBoundary: a chi bộ trực thuộc needs both dat
// and its own HTXSNV to be on the second list, and only in 2025; the
// first list is the same in both profiles.
func TestGrassrootsCommendationBoundary(t *testing.T) {
	for _, prof := range []string{ProfileHD17, Profile2025} {
		rep := Evaluate(commendBloc(), profileTh(t, prof), Options{})
		second := CommendationLevel("")
		if prof == Profile2025 {
			second = CommendGrassroots
		}
		for _, c := range []struct {
			code    string
			verdict Status
			level   CommendationLevel
		}{
			{"DB01", Met, CommendUpper}, // đảng bộ cơ sở, dat, HTXSNV
			{"DB02", Met, ""},           // dat but HTTNV
			{"CS01", Met, CommendUpper}, // chi bộ cơ sở, dat, HTXSNV
			{"CB01", Met, second},       // chi bộ trực thuộc, dat, HTXSNV
			{"CB02", Met, ""},           // dat but HTTNV
			{"CB03", NotMet, ""},        // HTXSNV but not dat
			{"CB21", Met, second},       // of the other đảng bộ
		} {
			r := result(t, rep, c.code)
			if r.Verdict != c.verdict || r.CommendationLevel != c.level || r.Commendation != (c.level != "") {
				t.Errorf("%s %s: verdict %s, commendation %v level %q; want %s, level %q",
					prof, c.code, r.Verdict, r.Commendation, r.CommendationLevel, c.verdict, c.level)
			}
		}
		groups := rep.GrassrootsCommendations()
		if prof == ProfileHD17 {
			if len(groups) != 0 {
				t.Errorf("hd17-2023 has a second list: %+v", groups)
			}
			continue
		}
		var got []string
		for _, g := range groups {
			var codes []string
			for _, ur := range g.Units {
				codes = append(codes, ur.Unit.Code)
			}
			got = append(got, g.Parent+" "+g.Name+": "+strings.Join(codes, ","))
		}
		if want := "DB01 Đảng bộ DB01: CB01|DB02 Đảng bộ DB02: CB21"; strings.Join(got, "|") != want {
			t.Errorf("groups %q, want %q", strings.Join(got, "|"), want)
		}
	}
}

// past is a Lịch sử row of year: rating r, "bốn tốt" as given ("" blank).
func past(year int, r Rating, fourGood string) PastYear {
	return PastYear{Year: year, Rating: r, FourGood: fourGood == "x", HasFourGood: fourGood != "", Source: src("Lịch sử")}
}

// withHistory is CS01 (dat, HTXSNV in 2024) with the given earlier years.
func withHistory(rows ...PastYear) *Dataset {
	u := cell("CS01")
	u.History = rows
	return dataset(u)
}

func htxsnvYears(from, to int) []PastYear {
	var rows []PastYear
	for y := from; y <= to; y++ {
		rows = append(rows, past(y, HTXSNV, "x"))
	}
	return rows
}

// TestHistoryStreakBoundary: four earlier years HTXSNV plus this year make
// five and the flag; three make four and no flag; a gap year ends the run;
// a "bốn tốt" run of five or more is shown but never raises the flag
// (Hướng dẫn 06-HD/TW §19: HTXSNV years only); under hd17-2023 there is no
// history at all.
func TestHistoryStreakBoundary(t *testing.T) {
	th := profileTh(t, Profile2025)
	for _, c := range []struct {
		name       string
		ds         *Dataset
		htx, good  int
		flag       bool
		wantInText string
	}{
		{"five in a row", withHistory(htxsnvYears(2020, 2023)...), 5, 5, true,
			"HTXSNV: 5 năm liên tục (2020–2024); trước đó năm 2019 không có trong Lịch sử; bốn tốt: 5 năm liên tục (2020–2024); trước đó năm 2019 không có trong Lịch sử — HTXSNV đủ 5 năm liên tục: đề nghị khen thưởng cấp cao hơn"},
		{"four in a row", withHistory(htxsnvYears(2021, 2023)...), 4, 4, false,
			"HTXSNV: 4 năm liên tục (2021–2024); trước đó năm 2020 không có trong Lịch sử"},
		{"a gap year", withHistory(append(htxsnvYears(2018, 2021), past(2023, HTXSNV, "x"))...), 2, 2, false,
			"HTXSNV: 2 năm liên tục (2023–2024); trước đó năm 2022 không có trong Lịch sử"},
		// Hướng dẫn 06-HD/TW §19: six years "bốn tốt", three HTXSNV: no flag.
		{"a year HTTNV", withHistory(append(htxsnvYears(2019, 2020), past(2021, HTTNV, "x"), past(2022, HTXSNV, "x"), past(2023, HTXSNV, "x"))...), 3, 6, false,
			"HTXSNV: 3 năm liên tục (2022–2024); trước đó năm 2021 xếp loại HTTNV; bốn tốt: 6 năm liên tục (2019–2024); trước đó năm 2018 không có trong Lịch sử"},
		// Hướng dẫn 06-HD/TW §19, the boundary: five years "bốn tốt" with four
		// HTXSNV is no higher award; the five are still shown.
		{"five bốn tốt, four HTXSNV", withHistory(append([]PastYear{past(2020, HTTNV, "x")}, htxsnvYears(2021, 2023)...)...), 4, 5, false,
			"HTXSNV: 4 năm liên tục (2021–2024); trước đó năm 2020 xếp loại HTTNV; bốn tốt: 5 năm liên tục (2020–2024); trước đó năm 2019 không có trong Lịch sử"},
		// One more HTXSNV year, the same five "bốn tốt": the flag.
		{"five bốn tốt, five HTXSNV", withHistory(htxsnvYears(2020, 2023)...), 5, 5, true,
			"— HTXSNV đủ 5 năm liên tục: đề nghị khen thưởng cấp cao hơn"},
		{"bốn tốt not recorded one year", withHistory(append(htxsnvYears(2019, 2021), past(2022, HTXSNV, ""), past(2023, HTXSNV, "x"))...), 6, 2, true,
			"bốn tốt: 2 năm liên tục (2023–2024); trước đó năm 2022 chưa ghi Bốn tốt — HTXSNV đủ 5 năm liên tục"},
		{"bốn tốt not met one year", withHistory(append(htxsnvYears(2020, 2021), past(2022, HTXSNV, "-"), past(2023, HTXSNV, "x"))...), 5, 2, true,
			"trước đó năm 2022 không đạt bốn tốt"},
	} {
		rep := Evaluate(c.ds, th, Options{})
		h := result(t, rep, "CS01").History
		if h == nil {
			t.Fatalf("%s: no history", c.name)
		}
		if h.HTXSNV.Years != c.htx || h.FourGood.Years != c.good || h.HigherAward != c.flag || !strings.Contains(h.Message, c.wantInText) {
			t.Errorf("%s: HTXSNV %d, bốn tốt %d, flag %v; want %d, %d, %v\n%s", c.name, h.HTXSNV.Years, h.FourGood.Years, h.HigherAward, c.htx, c.good, c.flag, h.Message)
		}
		if strings.Contains(h.Message, "đề nghị khen thưởng cấp cao hơn") != c.flag || strings.Contains(h.Message, "bốn tốt đủ") {
			t.Errorf("%s: the message proposes %v, or gives bốn tốt as a ground: %s", c.name, !c.flag, h.Message)
		}
		if got := len(rep.HigherAwards()); got != map[bool]int{true: 1}[c.flag] {
			t.Errorf("%s: %d units to propose for a higher award", c.name, got)
		}

		hd := Evaluate(c.ds, profileTh(t, ProfileHD17), Options{})
		if r := result(t, hd, "CS01"); r.History != nil || r.Verdict != Met || len(hd.HigherAwards()) != 0 {
			t.Errorf("%s: hd17-2023 history %+v, verdict %s", c.name, r.History, r.Verdict)
		}
	}
}

// TestHistoryThisYearMustQualify: this year counts only when it
// qualifies; the earlier run is still shown, without the flag.
func TestHistoryThisYearMustQualify(t *testing.T) {
	th := profileTh(t, Profile2025)

	// Rated HTTNV this year after five HTXSNV years; still bốn tốt, six
	// years running: no higher award, the HTXSNV run having ended in 2023
	// (Hướng dẫn 06-HD/TW §19 counts HTXSNV years only).
	ds := withHistory(htxsnvYears(2019, 2023)...)
	ds.Units[0].Rating = HTTNV
	h := result(t, Evaluate(ds, th, Options{}), "CS01").History
	if h.HTXSNV.Years != 5 || h.HTXSNV.ThisYear || h.HTXSNV.To != 2023 || h.FourGood.Years != 6 || !h.FourGood.ThisYear || h.HigherAward {
		t.Errorf("HTTNV this year: %+v", h)
	}
	if !strings.Contains(h.Message, "HTXSNV: 5 năm liên tục (2019–2023), năm 2024 xếp loại HTTNV") ||
		!strings.Contains(h.Message, "bốn tốt: 6 năm liên tục (2019–2024)") || strings.Contains(h.Message, "đề nghị") {
		t.Errorf("message: %s", h.Message)
	}

	// Not dat this year (a member KHTNV), rated HTXSNV.
	ds = withHistory(htxsnvYears(2020, 2023)...)
	ds.Units[0].Members[3].Rating = KHTNV
	r := result(t, Evaluate(ds, th, Options{}), "CS01")
	if h := r.History; r.Verdict != NotMet || h.FourGood.Years != 4 || h.FourGood.ThisYear || h.HTXSNV.Years != 5 || !h.HigherAward {
		t.Errorf("not dat this year: verdict %s, %+v", r.Verdict, h)
	}

	// Neither this year nor the year before.
	ds = withHistory(past(2023, HTTNV, "-"))
	ds.Units[0].Rating = HTTNV
	ds.Units[0].Members[3].Rating = KHTNV
	h = result(t, Evaluate(ds, th, Options{}), "CS01").History
	if h.HTXSNV.Years != 0 || h.FourGood.Years != 0 || h.HigherAward ||
		h.Message != "HTXSNV: năm 2024 xếp loại HTTNV; năm 2023 xếp loại HTTNV; bốn tốt: năm 2024 không đạt bốn tốt; năm 2023 không đạt bốn tốt" {
		t.Errorf("no streak: %+v", h)
	}

	// Mid-year (--as-of): this year's verdict is still open and does not
	// count yet; a blank own rating does not count either.
	ds = withHistory(htxsnvYears(2020, 2023)...)
	ds.Units[0].Rating = RatingNone
	r = result(t, Evaluate(ds, th, Options{AsOf: day(9, 30)}), "CS01")
	if h := r.History; r.Verdict != Reachable || h.FourGood.Years != 4 || h.FourGood.ThisYear || h.HTXSNV.Years != 4 || h.HigherAward ||
		!strings.Contains(h.Message, "HTXSNV: 4 năm liên tục (2020–2023), năm 2024 chưa có xếp loại (sheet Đơn vị)") ||
		!strings.Contains(h.Message, "bốn tốt: 4 năm liên tục (2020–2023), năm 2024 chưa kết luận (còn khả năng)") {
		t.Errorf("as of 30/9: verdict %s, %+v", r.Verdict, r.History)
	}

	// A workbook without Lịch sử has no history, even in 2025.
	ds = withHistory(htxsnvYears(2020, 2023)...)
	ds.Units[0].Sheets &^= 1 << SheetHistory
	if h := result(t, Evaluate(ds, th, Options{}), "CS01").History; h != nil {
		t.Errorf("no Lịch sử sheet: %+v", h)
	}

	// history_streak_years 4 flags four.
	th.HistoryStreakYears = 4
	if h := result(t, Evaluate(withHistory(htxsnvYears(2021, 2023)...), th, Options{}), "CS01").History; !h.HigherAward ||
		!strings.Contains(h.Message, "đủ 4 năm liên tục") {
		t.Errorf("four years set: %+v", h)
	}
}

// TestHistoryErrorsStayInHistory: a bad Lịch sử row (left out by the
// reader) makes the unit's streaks a floor, not its verdict loi_du_lieu;
// an error in any other sheet still does.
func TestHistoryErrorsStayInHistory(t *testing.T) {
	th := profileTh(t, Profile2025)
	ds := withHistory(past(2021, HTXSNV, "x"), past(2023, HTXSNV, "x")) // 2022's row was bad
	u := ds.Units[0]
	u.HasErrors, u.ErrorSheets = true, SheetSet(0).With(SheetHistory)
	r := result(t, Evaluate(ds, th, Options{}), "CS01")
	if r.Verdict != Met || r.CommendationLevel != CommendUpper || len(r.ErrorsIn) != 0 || !r.History.Incomplete || r.History.HigherAward ||
		!strings.HasSuffix(r.History.Message, "— Lịch sử của đơn vị có dòng lỗi bị bỏ qua: số năm liên tục có thể nhiều hơn, hãy sửa các dòng đó") {
		t.Errorf("history error: verdict %s, level %q, errors in %v, %+v", r.Verdict, r.CommendationLevel, r.ErrorsIn, r.History)
	}

	// Five years already: the award stands whatever the bad row held.
	ds = withHistory(htxsnvYears(2020, 2023)...)
	ds.Units[0].HasErrors, ds.Units[0].ErrorSheets = true, SheetSet(0).With(SheetHistory)
	if h := result(t, Evaluate(ds, th, Options{}), "CS01").History; !h.HigherAward || !h.Incomplete || strings.Contains(h.Message, "có dòng lỗi") {
		t.Errorf("five years with a bad row: %+v", h)
	}

	for _, sheets := range []SheetSet{SheetSet(0).With(SheetHistory).With(SheetMembers), 0} {
		ds = withHistory(htxsnvYears(2020, 2023)...)
		ds.Units[0].HasErrors, ds.Units[0].ErrorSheets = true, sheets
		if r := result(t, Evaluate(ds, th, Options{}), "CS01"); r.Verdict != DataError {
			t.Errorf("errors in %b: verdict %s", sheets, r.Verdict)
		}
	}

	// A chi bộ's Lịch sử errors do not reach its đảng bộ.
	b := bloc()
	find(b, "CB01").HasErrors, find(b, "CB01").ErrorSheets = true, SheetSet(0).With(SheetHistory)
	rep := Evaluate(b, th, Options{})
	if v := result(t, rep, "DB01").Verdict; v != Met {
		t.Errorf("DB01 %s from CB01's Lịch sử", v)
	}
}
