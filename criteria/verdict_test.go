package criteria

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestCombine(t *testing.T) {
	tests := []struct {
		in   []Status
		want Status
	}{
		{[]Status{Met, Met, NotApplicable}, Met},
		{[]Status{Met, MissingData}, MissingData},
		{[]Status{Met, MissingData, Reachable}, Reachable},
		{[]Status{Reachable, NotMet, MissingData}, NotMet},
		{[]Status{NotApplicable}, Met},
		{nil, Met},
	}
	for _, tt := range tests {
		if got := combine(tt.in); got != tt.want {
			t.Errorf("combine(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestItems(t *testing.T) {
	setItem := func(ds *Dataset, code, id string, met, present bool) {
		u := find(ds, code)
		var kept []SelfItem
		for _, s := range u.SelfAssessment {
			if s.ItemID != id {
				kept = append(kept, s)
			}
		}
		if present {
			kept = append(kept, SelfItem{ItemID: id, Met: met, Note: "ghi chú", Source: src("Tự đánh giá")})
		}
		u.SelfAssessment = kept
	}
	t.Run("không đạt fails its criterion", func(t *testing.T) {
		ds := bloc()
		setItem(ds, "CS01", "tc3.q2", false, true)
		rep := Evaluate(ds, Default(), Options{})
		r := result(t, rep, "CS01")
		c := r.Check("tc3.q2")
		want := fmt.Sprintf("Không đạt — ghi chú (Tự đánh giá dòng %d)", find(ds, "CS01").SelfAssessment[len(find(ds, "CS01").SelfAssessment)-1].Source.Row)
		if c.Status != NotMet || !c.Item || c.Value != nil || c.Message != want {
			t.Errorf("item: %+v, want message %q", c, want)
		}
		if m := r.Check("tc3.q1").Message; !strings.HasPrefix(m, "Đạt (Tự đánh giá dòng ") || !strings.HasSuffix(m, ")") {
			t.Errorf("tc3.q1 message %q", m)
		}
		if r.Criterion("tc3").Verdict != NotMet || r.Verdict != NotMet || r.CriteriaMet != 3 {
			t.Errorf("verdicts: tc3 %s, unit %s, met %d", r.Criterion("tc3").Verdict, r.Verdict, r.CriteriaMet)
		}
	})
	t.Run("unrecorded item warns but does not block", func(t *testing.T) {
		ds := bloc()
		setItem(ds, "CS01", "tc4.q1", false, false)
		rep := Evaluate(ds, Default(), Options{})
		r := result(t, rep, "CS01")
		if r.Check("tc4.q1").Status != NotAssessed || r.Verdict != Met {
			t.Errorf("item %s, verdict %s", r.Check("tc4.q1").Status, r.Verdict)
		}
		if !slices.ContainsFunc(rep.Problems, func(p Problem) bool {
			// The item is named as the secretary reads it: criterion and text.
			return p.Unit == "CS01" && p.Sheet == "Tự đánh giá" && p.Code == SelfAssessmentMissing.Code && strings.Contains(p.Message, "1/12 mục: TC4 “Nêu gương về đạo đức")
		}) {
			t.Errorf("no warning for the unrecorded item: %v", rep.Problems)
		}
	})
	for _, strict := range []struct {
		name string
		opts Options
		th   func(*Thresholds)
	}{
		{"--strict", Options{Strict: true}, nil},
		{"strict in criteria file", Options{}, func(th *Thresholds) { th.Strict = true }},
	} {
		t.Run("unrecorded item under "+strict.name, func(t *testing.T) {
			ds := bloc()
			find(ds, "CS01").SelfAssessment = nil
			th := Default()
			if strict.th != nil {
				strict.th(&th)
			}
			r := result(t, Evaluate(ds, th, strict.opts), "CS01")
			for _, cr := range r.Criteria {
				if cr.Verdict != MissingData {
					t.Errorf("%s: %s, want thieu_du_lieu", cr.ID, cr.Verdict)
				}
			}
			if r.Verdict != MissingData {
				t.Errorf("verdict %s", r.Verdict)
			}
		})
	}
	t.Run("không đạt wins over đạt for the same item", func(t *testing.T) {
		ds := bloc()
		u := find(ds, "CS01")
		u.SelfAssessment = append(u.SelfAssessment, SelfItem{ItemID: "tc1.q1", Met: false}, SelfItem{ItemID: "tc1.q1", Met: true})
		if s := result(t, Evaluate(ds, Default(), Options{}), "CS01").Check("tc1.q1").Status; s != NotMet {
			t.Errorf("status %s", s)
		}
	})
}

func TestUnitVerdicts(t *testing.T) {
	t.Run("missing data without failure", func(t *testing.T) {
		ds := bloc()
		withoutSheet("CS01", SheetCases)(ds)
		r := result(t, Evaluate(ds, Default(), Options{}), "CS01")
		if r.Criterion("tc1").Verdict != MissingData || r.Criterion("tc3").Verdict != MissingData || r.Verdict != MissingData || r.CriteriaMet != 2 {
			t.Errorf("tc1 %s, tc3 %s, unit %s, met %d", r.Criterion("tc1").Verdict, r.Criterion("tc3").Verdict, r.Verdict, r.CriteriaMet)
		}
		if r.Commendation {
			t.Error("commended without dat")
		}
	})
	t.Run("failure beats missing data", func(t *testing.T) {
		ds := bloc()
		withoutSheet("CS01", SheetCases)(ds)
		find(ds, "CS01").Members[0].Violation = true
		if v := result(t, Evaluate(ds, Default(), Options{}), "CS01").Verdict; v != NotMet {
			t.Errorf("verdict %s", v)
		}
	})
	t.Run("data error", func(t *testing.T) {
		ds := bloc()
		find(ds, "CS01").HasErrors = true
		r := result(t, Evaluate(ds, Default(), Options{}), "CS01")
		if r.Verdict != DataError || r.Commendation || !slices.Equal(r.ErrorsIn, []string{"CS01"}) {
			t.Errorf("verdict %s, commendation %v, errors in %v", r.Verdict, r.Commendation, r.ErrorsIn)
		}
		if r.CriteriaMet != 4 {
			t.Errorf("criteria still judged: met %d", r.CriteriaMet)
		}
	})
	t.Run("a cell's data error reaches its committee", func(t *testing.T) {
		ds := bloc()
		find(ds, "CB02").HasErrors = true
		rep := Evaluate(ds, Default(), Options{})
		r := result(t, rep, "DB01")
		if r.Verdict != DataError || !slices.Equal(r.ErrorsIn, []string{"CB02"}) {
			t.Errorf("verdict %s, errors in %v", r.Verdict, r.ErrorsIn)
		}
		if v := result(t, rep, "CB01").Verdict; v != Met {
			t.Errorf("sibling verdict %s", v)
		}
	})
	t.Run("a cell's data error reaches its committee only from the rows the committee reads", func(t *testing.T) {
		// SPEC §3: a đảng bộ reads its chi bộ's Đơn vị (rating), Đảng
		// viên (TC4) and Đơn thư vụ việc (TC3) rows; the rest are the chi
		// bộ's alone.
		for _, tt := range []struct {
			sheet   Sheet
			reaches bool
		}{
			{SheetUnits, true}, {SheetMembers, true}, {SheetCases, true},
			{SheetCriteria, false}, {SheetMeetings, false}, {SheetCommittee, false},
			{SheetStaff, false}, {SheetMassOrgs, false}, {SheetSelfAssessment, false},
		} {
			ds := bloc()
			cb := find(ds, "CB02")
			cb.HasErrors, cb.ErrorSheets = true, SheetSet(0).With(tt.sheet)
			rep := Evaluate(ds, Default(), Options{})
			if v := result(t, rep, "CB02").Verdict; v != DataError {
				t.Errorf("%s error: the chi bộ itself is %s, want loi_du_lieu", tt.sheet, v)
			}
			r := result(t, rep, "DB01")
			if got := r.Verdict == DataError; got != tt.reaches {
				t.Errorf("%s error in CB02: DB01 verdict %s (errors in %v), want loi_du_lieu %v", tt.sheet, r.Verdict, r.ErrorsIn, tt.reaches)
			}
		}
		// The committee's own errors stay its own, whatever the sheet.
		ds := bloc()
		db := find(ds, "DB01")
		db.HasErrors, db.ErrorSheets = true, SheetSet(0).With(SheetCriteria)
		if v := result(t, Evaluate(ds, Default(), Options{}), "DB01").Verdict; v != DataError {
			t.Errorf("DB01 with a Tiêu chí error of its own: %s", v)
		}
	})
	t.Run("commendation", func(t *testing.T) {
		ds := bloc()
		find(ds, "CB01").Rating = HTXSNV
		rep := Evaluate(ds, Default(), Options{})
		for code, want := range map[string]bool{"DB01": true, "CS01": true, "CB01": false} {
			if got := result(t, rep, code).Commendation; got != want {
				t.Errorf("%s: commendation %v, want %v", code, got, want)
			}
		}
		ds = bloc()
		find(ds, "CS01").Rating = HTTNV
		if result(t, Evaluate(ds, Default(), Options{}), "CS01").Commendation {
			t.Error("HTTNV unit commended")
		}
	})
}

func TestRanking(t *testing.T) {
	build := func() *Dataset {
		ds := bloc()
		// Four more chi bộ cơ sở: CS10 and CS2 tie on everything (code
		// decides, naturally: CS2 before CS10); CS03 is khong_dat; CS04
		// lacks data; CS05 has data errors.
		for _, code := range []string{"CS10", "CS2", "CS03", "CS04", "CS05"} {
			ds.Units = append(ds.Units, cell(code))
		}
		find(ds, "CS03").Members[0].Violation = true
		withoutSheet("CS04", SheetCases)(ds)
		find(ds, "CS05").HasErrors = true
		// CS01 has a better mean score than CS2/CS10 (95).
		for i := range find(ds, "CS01").Meetings {
			find(ds, "CS01").Meetings[i].Score = 98
		}
		return ds
	}
	order := func(rep *Report) []string {
		var out []string
		for _, r := range rep.Units {
			out = append(out, r.Unit.Code)
		}
		return out
	}
	want := []string{"DB01", "CS01", "CS2", "CS10", "CS04", "CS03", "CS05", "CB01", "CB02"}
	rep := Evaluate(build(), Default(), Options{})
	if got := order(rep); !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	wantRank := []int{1, 1, 2, 3, 4, 5, 6, 1, 2}
	for i, r := range rep.Units {
		if r.Rank != wantRank[i] {
			t.Errorf("%s: rank %d, want %d", r.Unit.Code, r.Rank, wantRank[i])
		}
	}
	if m := result(t, rep, "DB01"); !m.HasMeanScore || m.MeanScore != 95 {
		t.Errorf("committee mean score %v %v, want its cells' 95", m.HasMeanScore, m.MeanScore)
	}
	// The same order whatever order the units were read in.
	for seed := range uint64(5) {
		ds := build()
		rand.New(rand.NewPCG(seed, 1)).Shuffle(len(ds.Units), func(i, j int) { ds.Units[i], ds.Units[j] = ds.Units[j], ds.Units[i] })
		if got := order(Evaluate(ds, Default(), Options{})); !slices.Equal(got, want) {
			t.Errorf("seed %d: order %v", seed, got)
		}
	}
}

func TestMeasuredShareRanks(t *testing.T) {
	// Both khong_dat with 3 criteria met; CSB fails two checks of tc4,
	// CSA one: CSA ranks first despite its code.
	ds := dataset(cell("CSB"), cell("CSA"))
	ds.Units[0].Members[0].Violation = true
	ds.Units[0].Members[1].Residence = ResidenceNegative
	ds.Units[1].Members[0].Violation = true
	ds.Units[0].Code, ds.Units[1].Code = "CSA", "CSB"
	rep := Evaluate(ds, Default(), Options{})
	if rep.Units[0].Unit.Code != "CSB" || rep.Units[0].MeasuredMet <= rep.Units[1].MeasuredMet {
		t.Errorf("order %s (%v) before %s (%v)", rep.Units[0].Unit.Code, rep.Units[0].MeasuredMet, rep.Units[1].Unit.Code, rep.Units[1].MeasuredMet)
	}
}

func TestNaturalCompare(t *testing.T) {
	in := []string{"Cụm 10", "Cụm 2", "CB010", "CB9", "Cụm 1", "CB10"}
	slices.SortStableFunc(in, naturalCompare)
	want := []string{"CB9", "CB010", "CB10", "Cụm 1", "Cụm 2", "Cụm 10"}
	if !slices.Equal(in, want) {
		t.Errorf("%v, want %v", in, want)
	}
}

func TestImplementation(t *testing.T) {
	withCells := func(n, pilots int) *Dataset {
		ds := dataset(committee("DB01"))
		for i := range n {
			c := sub("CB"+string(rune('A'+i)), "DB01")
			c.Pilot = i < pilots
			ds.Units = append(ds.Units, c)
		}
		return ds
	}
	tests := []struct {
		cells, pilots int
		want          Status
	}{
		{7, 2, Met}, {7, 1, NotMet}, {6, 1, Met}, {6, 0, NotMet}, {6, 2, Met}, {0, 0, MissingData},
	}
	for _, tt := range tests {
		rep := Evaluate(withCells(tt.cells, tt.pilots), Default(), Options{})
		got := rep.Implementation[0]
		if got.ID != "pilot.suborgs" || got.Unit != "DB01" || got.Status != tt.want {
			t.Errorf("%d cells, %d pilots: %+v, want %s", tt.cells, tt.pilots, got, tt.want)
			continue
		}
		record("pilot.suborgs", tt.want)
	}

	cluster := func(dbs, cbs int) *Dataset {
		ds := dataset()
		for i := range dbs {
			u := committee("DB0" + string(rune('1'+i)))
			u.Cluster, u.Pilot = "Cụm 1", true
			ds.Units = append(ds.Units, u)
		}
		for i := range cbs {
			u := cell("CS0" + string(rune('1'+i)))
			u.Cluster, u.Pilot = "Cụm 1", true
			ds.Units = append(ds.Units, u)
		}
		// A pilot chi bộ trực thuộc does not count for the cluster.
		s := sub("CB99", "DB01")
		s.Cluster, s.Pilot = "Cụm 1", true
		ds.Units = append(ds.Units, s)
		return ds
	}
	for _, tt := range []struct {
		dbs, cbs int
		want     Status
	}{{2, 1, Met}, {3, 1, NotMet}, {2, 0, NotMet}, {2, 2, NotMet}} {
		rep := Evaluate(cluster(tt.dbs, tt.cbs), Default(), Options{})
		i := slices.IndexFunc(rep.Implementation, func(r ImplementationResult) bool { return r.ID == "pilot.cluster" })
		if i < 0 {
			t.Fatal("no pilot.cluster")
		}
		got := rep.Implementation[i]
		if got.Cluster != "Cụm 1" || got.Status != tt.want {
			t.Errorf("%d+%d: %+v, want %s", tt.dbs, tt.cbs, got, tt.want)
			continue
		}
		record("pilot.cluster", tt.want)
	}
}

func TestWarnings(t *testing.T) {
	ds := bloc()
	ds.Problems = []Problem{{Severity: SeverityError, Message: "reader"}}
	u := find(ds, "CS01")
	var kept []Meeting
	for _, m := range u.Meetings {
		switch {
		case m.Kind == Regular && m.Date.Month() == 4:
			continue // no regular meeting in April
		case m.Kind == Thematic && m.Date.Month() == 8:
			continue // no thematic meeting in the third quarter
		}
		kept = append(kept, m)
	}
	kept = append(kept, regular(6, 25, 95)) // two in June
	kept[0].Present, kept[0].Total = 17, 20 // 85%: warned
	kept[1].Present, kept[1].Total = 18, 20 // 90%: not warned
	u.Meetings = kept
	rep := Evaluate(ds, Default(), Options{})
	if rep.Problems[0].Message != "reader" {
		t.Fatalf("reader problems must come first: %v", rep.Problems)
	}
	var mine []string
	for _, p := range rep.Problems[1:] {
		if p.Unit == "CS01" {
			if p.Severity != SeverityWarning || p.Sheet != "Sinh hoạt" || p.File != "t.xlsx" {
				t.Errorf("bad warning %+v", p)
			}
			mine = append(mine, p.Message)
		} else {
			t.Errorf("unexpected warning %+v", p)
		}
	}
	for _, want := range []string{
		"không có buổi sinh hoạt thường kỳ trong tháng 4/2024",
		"có 2 buổi sinh hoạt thường kỳ trong tháng 6/2024",
		"không có buổi sinh hoạt chuyên đề trong quý III/2024",
		"10/01/2024 của CS01 (Sinh hoạt dòng",
	} {
		if !slices.ContainsFunc(mine, func(m string) bool { return strings.Contains(m, want) }) {
			t.Errorf("no warning %q in %q", want, mine)
		}
	}
	if len(mine) != 4 {
		t.Errorf("%d warnings, want 4: %q", len(mine), mine)
	}
}

// TestReleaseRowsChangesNothing: dropping rows as soon as no check needs
// them (what the command does, to save memory) gives the same report, with
// đảng bộ listed both before and after their chi bộ.
func TestReleaseRowsChangesNothing(t *testing.T) {
	for _, reversed := range []bool{false, true} {
		build := func() *Dataset {
			rowCounter = 0 // the same rows, so the same evidence sentences
			ds := bloc()
			// Enough chi bộ between the đảng bộ and its own that they are
			// evaluated in different chunks, on different cores (Evaluate).
			var fill []*Unit
			for i := range 8*evalChunk*runtime.GOMAXPROCS(0) + 3 {
				fill = append(fill, cell(fmt.Sprintf("CS%04d", i+2)))
			}
			ds.Units = slices.Insert(ds.Units, 1, fill...)
			// A complaint in a chi bộ fails its đảng bộ too: the pooled
			// rows must still be there when the đảng bộ is evaluated.
			cb := find(ds, "CB02")
			cb.Cases = append(cb.Cases, Case{Date: day(5, 2), Kind: Complaint, Resolved: true, Source: src("Đơn thư vụ việc")})
			if reversed {
				slices.Reverse(ds.Units)
			}
			return ds
		}
		for _, opts := range []Options{{}, {AsOf: day(6, 30)}} {
			want := Evaluate(build(), Default(), opts)
			if w := result(t, want, "DB01"); w.Verdict != NotMet {
				t.Fatalf("DB01 verdict %s, want khong_dat from CB02's complaint", w.Verdict)
			}
			released := build()
			opts.ReleaseRows = true
			got := Evaluate(released, Default(), opts)
			if len(got.Units) != len(want.Units) {
				t.Fatalf("%d units, want %d", len(got.Units), len(want.Units))
			}
			for i := range want.Units {
				w, g := want.Units[i], got.Units[i]
				if g.Unit.Code != w.Unit.Code || g.Verdict != w.Verdict || g.Rank != w.Rank ||
					g.MeanScore != w.MeanScore || !reflect.DeepEqual(g.Criteria, w.Criteria) {
					t.Errorf("reversed=%v as-of=%v: %s differs with ReleaseRows", reversed, !opts.AsOf.IsZero(), w.Unit.Code)
				}
			}
			if !reflect.DeepEqual(got.Problems, want.Problems) || !reflect.DeepEqual(got.Implementation, want.Implementation) {
				t.Errorf("reversed=%v: problems or implementation differ with ReleaseRows", reversed)
			}
			for _, u := range released.Units {
				if u.Meetings != nil || u.Members != nil || u.SelfAssessment != nil {
					t.Fatalf("%s still holds its rows", u.Code)
				}
			}
		}
	}
}

// TestRankKeysAgree: the numbers rank copies into its sort keys order
// results exactly as comparing the results themselves does, on many
// results that tie in every way the keys can.
func TestRankKeysAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	statuses := []Status{Met, Reachable, MissingData, NotMet, DataError}
	var rs []UnitResult
	for i := range 600 {
		u := &Unit{Code: fmt.Sprintf("CB%d", rng.IntN(40)), Name: fmt.Sprintf("Chi bộ %d", i%7), Type: UnitTypes[rng.IntN(len(UnitTypes))]}
		r := UnitResult{Unit: u, Verdict: statuses[rng.IntN(len(statuses))], CriteriaMet: rng.IntN(5),
			MeasuredMet: float64(rng.IntN(4)) / 4, HasMeanScore: rng.IntN(3) > 0}
		if r.HasMeanScore {
			r.MeanScore = float64(85 + rng.IntN(4))
		}
		rs = append(rs, r)
	}
	want := slices.Clone(rs)
	slices.SortStableFunc(want, func(a, b UnitResult) int {
		if c := cmp.Compare(slices.Index(UnitTypes, a.Unit.Type), slices.Index(UnitTypes, b.Unit.Type)); c != 0 {
			return c
		}
		if c := cmp.Compare(verdictOrder[a.Verdict], verdictOrder[b.Verdict]); c != 0 {
			return c
		}
		return compareRanked(&a, &b)
	})
	got := slices.Clone(rs)
	rank(got)
	for i := range want {
		if got[i].Unit != want[i].Unit {
			t.Fatalf("position %d: %s (%s) where comparing the results puts %s (%s)", i,
				got[i].Unit.Code, got[i].Verdict, want[i].Unit.Code, want[i].Verdict)
		}
	}
}

// TestAttendanceWarnBoundary: hd17-2023 warns of attendance at or below
// 85 % (17/20 warned, 18/20 not); 2025 warns below 90 %, the level at
// which the published sheet gives full marks (9/10 and 18/20 not warned,
// 179/200 and 8/9 warned, 17/20 warned too).
func TestAttendanceWarnBoundary(t *testing.T) {
	for _, c := range []struct {
		profile        string
		present, total int32
		warned         bool
	}{
		{ProfileHD17, 17, 20, true},
		{ProfileHD17, 171, 200, false},
		{ProfileHD17, 18, 20, false},
		{ProfileHD17, 8, 9, false},
		{Profile2025, 18, 20, false},
		{Profile2025, 9, 10, false},
		{Profile2025, 27, 30, false},
		{Profile2025, 179, 200, true},
		{Profile2025, 8, 9, true},
		{Profile2025, 17, 20, true},
	} {
		th := profileTh(t, c.profile)
		ds := dataset(cell("CS01"))
		u := find(ds, "CS01")
		u.Meetings[0].Present, u.Meetings[0].Total = c.present, c.total
		rep := Evaluate(ds, th, Options{})
		var got []string
		for _, p := range rep.Problems {
			if p.Code == MeetingLowAttendance.Code {
				got = append(got, p.Message)
			}
		}
		if c.warned != (len(got) == 1) || len(got) > 1 {
			t.Errorf("%s, %d/%d present: warnings %q, want warned %v", c.profile, c.present, c.total, got, c.warned)
			continue
		}
		if c.warned {
			want := "không quá 85% (Hướng dẫn 12-HD/BTCTW yêu cầu cao hơn)"
			if c.profile == Profile2025 {
				want = "dưới 90% (phiếu chấm điểm sinh hoạt chi bộ cho đủ điểm tỉ lệ đảng viên dự sinh hoạt từ 90%)"
			}
			if !strings.HasSuffix(got[0], want) {
				t.Errorf("%s: %q, want it to end %q", c.profile, got[0], want)
			}
		}
	}
	// The setting alone: hd17-2023 with attendance_warn_below keeps 85 %
	// unwarned.
	th := profileTh(t, ProfileHD17)
	th.AttendanceWarnBelow = true
	if th.AttendanceWarned(0.85) || !th.AttendanceWarned(0.849) || th.AttendanceWarnText() != "dưới 85%" {
		t.Errorf("attendance_warn_below over hd17-2023: %v %v %q", th.AttendanceWarned(0.85), th.AttendanceWarned(0.849), th.AttendanceWarnText())
	}
}
