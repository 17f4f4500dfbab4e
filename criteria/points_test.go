package criteria

import (
	"strings"
	"testing"
)

// TestRatingBandsBoundary: points at a band's floor reach it, a hundredth
// less does not (Quy định 366-QĐ/TW), in both profiles.
func TestRatingBandsBoundary(t *testing.T) {
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		for _, c := range []struct {
			points float64
			want   Rating
		}{
			{100, HTXSNV}, {90, HTXSNV}, {89.99, HTTNV}, {70, HTTNV}, {69.99, HTNV},
			{50, HTNV}, {49.99, KHTNV}, {0, KHTNV},
		} {
			if got := th.RatingBands.Rating(c.points); got != c.want {
				t.Errorf("%v points: %s, want %s", c.points, got.Code(), c.want.Code())
			}
		}
	})
	if got := (RatingBands{95, 80, 60}).Rating(94.5); got != HTTNV {
		t.Errorf("custom bands: 94.5 is %s, want HTTNV", got.Code())
	}
}

// cellDisciplined is CS01 plus a member rated r and disciplined with d.
func cellDisciplined(r Rating, d Discipline, text string) *Dataset {
	u := cell("CS01")
	m := member("Bùi Văn Kỷ", r)
	m.Discipline, m.DisciplineText = d, text
	u.Members = append(u.Members, m)
	return dataset(u)
}

func disciplineWarnings(rep *Report) []string {
	var out []string
	for _, p := range rep.Problems {
		if p.Code == MemberRatingTooHigh.Code {
			out = append(out, p.Message)
		}
	}
	return out
}

// TestDisciplineCountsAsViolation: a member disciplined in the year fails
// tc4.no_violations, the evidence quoting the cell; in both profiles.
func TestDisciplineCountsAsViolation(t *testing.T) {
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		rep := Evaluate(cellDisciplined(HTNV, Reprimand, "Khiển trách (QĐ số 12-QĐ/ĐU)"), th, Options{})
		c := expect(t, rep, "CS01", "tc4.no_violations", NotMet)
		if !hasAll(c.Message, "1 đảng viên vi phạm những điều đảng viên không được làm hoặc bị kỷ luật trong năm: Bùi Văn Kỷ (Đảng viên dòng", `): kỷ luật "Khiển trách (QĐ số 12-QĐ/ĐU)"`) {
			t.Errorf("message %q", c.Message)
		}
		// With a written violation too, both are quoted.
		ds := cellDisciplined(HTNV, Warning, "Cảnh cáo")
		m := &find(ds, "CS01").Members[4]
		m.Violation, m.ViolationText = true, "Vi phạm Quy định 37-QĐ/TW (điều 2)"
		c = expect(t, Evaluate(ds, th, Options{}), "CS01", "tc4.no_violations", NotMet)
		if !strings.Contains(c.Message, `: "Vi phạm Quy định 37-QĐ/TW (điều 2)"; kỷ luật "Cảnh cáo"`) {
			t.Errorf("violation and discipline: %q", c.Message)
		}
		// Without discipline the words of hd17-2023 stand.
		expect(t, Evaluate(cellDisciplined(HTNV, DisciplineNone, ""), th, Options{}), "CS01", "tc4.no_violations", Met)
	})
}

// TestDisciplineCeilingBoundary: a disciplined member rated exactly the
// ceiling (HTNV in hd17-2023, KHTNV in 2025: Quy định 366-QĐ/TW art. 11)
// raises nothing; one rated a level above is a warning naming the
// member; the verdict is the same either way. A ceiling of HTTNV in the
// criteria file moves the boundary.
func TestDisciplineCeilingBoundary(t *testing.T) {
	bothProfiles(t, func(t *testing.T, th Thresholds) {
		at, above := HTNV, HTTNV
		if th.Profile == Profile2025 {
			at, above = KHTNV, HTNV
		}
		if w := disciplineWarnings(Evaluate(cellDisciplined(at, Dismissal, "Cách chức"), th, Options{})); len(w) != 0 {
			t.Errorf("rated %s: warnings %q", at.Code(), w)
		}
		rep := Evaluate(cellDisciplined(above, Dismissal, "Cách chức"), th, Options{})
		w := disciplineWarnings(rep)
		if len(w) != 1 || !hasAll(w[0], "Đảng viên Bùi Văn Kỷ (Đảng viên dòng", "bị kỷ luật cách chức trong năm nhưng xếp loại "+above.Code()+", cao hơn mức tối đa "+at.Code()) {
			t.Errorf("rated %s: warnings %q", above.Code(), w)
		}
		for _, p := range rep.Problems {
			if p.Code == MemberRatingTooHigh.Code && (p.Severity != SeverityWarning || p.Sheet != "Đảng viên" || p.Unit != "CS01") {
				t.Errorf("warning %+v", p)
			}
		}
		high := th
		high.DisciplineCeiling = HTTNV
		if w := disciplineWarnings(Evaluate(cellDisciplined(HTTNV, Dismissal, "Cách chức"), high, Options{})); len(w) != 0 {
			t.Errorf("ceiling HTTNV, rated HTTNV: %q", w)
		}
		if w := disciplineWarnings(Evaluate(cellDisciplined(HTXSNV, Dismissal, "Cách chức"), high, Options{})); len(w) != 1 {
			t.Errorf("ceiling HTTNV, rated HTXSNV: %q", w)
		}
	})
}

// TestRatingDefaultsOfProfiles: the rating bands, ceilings and the months
// of a new member each profile starts from.
func TestRatingDefaultsOfProfiles(t *testing.T) {
	for _, c := range []struct {
		name        string
		discipline  Rating
		violation   Rating
		notRatedNew bool
	}{{ProfileHD17, HTNV, RatingNone, false}, {Profile2025, KHTNV, KHTNV, true}} {
		d := profileTh(t, c.name)
		if d.RatingBands != (RatingBands{90, 70, 50}) || d.DisciplineCeiling != c.discipline || d.NewMemberMonths != 6 ||
			d.ViolationCeiling != c.violation || d.NewMembersNotRated != c.notRatedNew {
			t.Errorf("%s defaults: %v %s %d %q %v", c.name, d.RatingBands, d.DisciplineCeiling.Code(), d.NewMemberMonths, d.ViolationCeiling.Code(), d.NewMembersNotRated)
		}
	}
}
