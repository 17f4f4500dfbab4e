package criteria

import (
	"fmt"
	"math"
	"strings"
)

// Description is the rules in force worded for people, from one set of
// thresholds: each check's rule, the quality bands of a meeting's score,
// the levels of a 528-QĐ/TU criterion's score and the ratings given as
// points. `bontot criteria`, the template's Hướng dẫn sheet and score
// sheets, the criteria-file export and the report's chart word the rules
// through it, so that a band is worded here once and a criteria file's
// numbers show the same everywhere.
type Description struct {
	th Thresholds
	// Checks are the measured checks the rules include (CheckDef.Enabled)
	// in criterion order, Implementation those of section III.
	Checks, Implementation []DescribedCheck
	// MeetingBands are the quality bands of a meeting's score on the
	// 100-point scale (guidance II.2, after Quy định 1178-QĐ/TU), best
	// first.
	MeetingBands []MeetingBand
}

// DescribedCheck is a check with its rule worded from the thresholds.
type DescribedCheck struct {
	CheckDef
	Text    string // CheckDef.Rule under the thresholds
	Skipped bool   // the criteria file skips it (skip_checks)
}

// MeetingBand is one quality band of a meeting's score: From up to, not
// including, Below. The weakest band has no From (−Inf), the best no
// Below (+Inf).
type MeetingBand struct {
	Quality     Quality
	From, Below float64
}

// Describe words the rules th holds.
func Describe(th Thresholds) Description {
	d := Description{th: th, MeetingBands: th.meetingBands()}
	for _, list := range []struct {
		defs []CheckDef
		out  *[]DescribedCheck
	}{{Checks, &d.Checks}, {ImplementationChecks, &d.Implementation}} {
		for _, c := range list.defs {
			if c.Enabled(th) {
				*list.out = append(*list.out, DescribedCheck{CheckDef: c, Text: c.Rule(th), Skipped: th.Skipped(c.ID)})
			}
		}
	}
	return d
}

// meetingBands are the bands of MeetingQuality, best first.
func (t Thresholds) meetingBands() []MeetingBand {
	return []MeetingBand{
		{QualityGood, t.MeetingGood, math.Inf(1)},
		{QualityFair, t.MeetingFair, t.MeetingGood},
		{QualityAverage, t.MeetingAverage, t.MeetingFair},
		{QualityWeak, math.Inf(-1), t.MeetingAverage},
	}
}

// MeetingBand is the band of quality q under t. The checks' rules word a
// band through it, not through Describe, which words them.
func (t Thresholds) MeetingBand(q Quality) MeetingBand {
	for _, b := range t.meetingBands() {
		if b.Quality == q {
			return b
		}
	}
	return MeetingBand{Quality: q, From: math.NaN(), Below: math.NaN()}
}

// bandWording is how one text writes a band after its label: the best
// band's words around its lowest score, the weakest band's around the score
// above it, a band between around both (%[1]s lowest, %[2]s above), and
// how a bound is written. Each text that states the bands has its own
// wording, kept as it always read; they stand here side by side.
type bandWording struct {
	best, between, worst string
	bound                func(float64) string
}

var (
	// the checks' rules and messages: "Tốt (từ 90 điểm trở lên)"
	phraseWording = bandWording{"(từ %s điểm trở lên)", "(từ %s đến dưới %s điểm)", "(dưới %s điểm)", num}
	// the guide's thresholds: "Tốt (≥ 90 điểm)"
	shortWording = bandWording{"(≥ %s điểm)", "(%s đến dưới %s điểm)", "(dưới %s điểm)", num}
	// the chart's categories, bounds to one decimal: "Khá (70–<90)"
	legendWording = bandWording{"(từ %s)", "(%s–<%s)", "(dưới %s)", func(v float64) string { return FormatDecimal(v, 1) }}
	// `bontot criteria`: "Tốt từ 90 điểm, Khá từ 70, …, Kém dưới 50"
	scaleWording = bandWording{"từ %s điểm", "từ %[1]s", "dưới %s", num}
	// the guide's scale: "Tốt ≥ 90, Khá 70 đến dưới 90, …, Kém dưới 50"
	rangesWording = bandWording{"≥ %s", "%s đến dưới %s", "dưới %s", num}
)

// in words the band after its label.
func (b MeetingBand) in(w bandWording) string {
	var s string
	switch {
	case math.IsInf(b.Below, 1):
		s = fmt.Sprintf(w.best, w.bound(b.From))
	case math.IsInf(b.From, -1):
		s = fmt.Sprintf(w.worst, w.bound(b.Below))
	default:
		s = fmt.Sprintf(w.between, w.bound(b.From), w.bound(b.Below))
	}
	return b.Quality.Label() + " " + s
}

// list words every band, best first, joined by commas.
func (d Description) list(w bandWording) string {
	parts := make([]string, len(d.MeetingBands))
	for i, b := range d.MeetingBands {
		parts[i] = b.in(w)
	}
	return strings.Join(parts, ", ")
}

// Phrase is the band as a rule states it: "Tốt (từ 90 điểm trở lên)",
// "Khá (từ 70 đến dưới 90 điểm)", "Kém (dưới 50 điểm)".
func (b MeetingBand) Phrase() string { return b.in(phraseWording) }

// Short is the band in the guide's signs: "Tốt (≥ 90 điểm)", "Khá (70 đến
// dưới 90 điểm)", "Kém (dưới 50 điểm)".
func (b MeetingBand) Short() string { return b.in(shortWording) }

// Legend is the band as a chart's category, bounds to one decimal: "Tốt
// (từ 90)", "Khá (70–<90)", "Kém (dưới 50)".
func (b MeetingBand) Legend() string { return b.in(legendWording) }

// MeetingScale lists the bands by their lowest scores: "Tốt từ 90 điểm,
// Khá từ 70, Trung bình từ 50, Kém dưới 50".
func (d Description) MeetingScale() string { return d.list(scaleWording) }

// MeetingRanges lists the bands as ranges: "Tốt ≥ 90, Khá 70 đến dưới 90,
// Trung bình 50 đến dưới 70, Kém dưới 50".
func (d Description) MeetingRanges() string { return d.list(rangesWording) }

// MeetingBandNames offers the bands' labels, best first, as a message
// asking for one does: "Tốt, Khá, Trung bình hoặc Kém".
func MeetingBandNames() string {
	return QualityGood.Label() + ", " + QualityFair.Label() + ", " + QualityAverage.Label() + " hoặc " + QualityWeak.Label()
}

// LevelScale lists the levels of a 528-QĐ/TU criterion's score (Quy định
// 366-QĐ/TW): "Xuất sắc từ 90, Tốt từ 70, Trung bình từ 50, Kém dưới 50".
func (d Description) LevelScale() string {
	t := d.th
	return LevelExcellent.Label() + " từ " + num(t.CriteriaExcellent) + ", " + LevelGood.Label() + " từ " + num(t.CriteriaGood) + ", " +
		LevelAverage.Label() + " từ " + num(t.CriteriaAverage) + ", " + LevelWeak.Label() + " dưới " + num(t.CriteriaAverage)
}

// LevelRanges is LevelScale in the guide's signs: "xuất sắc ≥ 90, tốt ≥
// 70, trung bình ≥ 50, dưới 50 là kém".
func (d Description) LevelRanges() string {
	t := d.th
	lower := func(l Level) string { return strings.ToLower(l.Label()) }
	return lower(LevelExcellent) + " ≥ " + num(t.CriteriaExcellent) + ", " + lower(LevelGood) + " ≥ " + num(t.CriteriaGood) + ", " +
		lower(LevelAverage) + " ≥ " + num(t.CriteriaAverage) + ", dưới " + num(t.CriteriaAverage) + " là " + lower(LevelWeak)
}

// RatingScale lists the ratings given as points (Điểm xếp loại, Quy định
// 366-QĐ/TW): "HTXSNV từ 90, HTTNV từ 70, HTNV từ 50, KHTNV dưới 50".
func (d Description) RatingScale() string {
	b := d.th.RatingBands
	return HTXSNV.Code() + " từ " + num(b[0]) + ", " + HTTNV.Code() + " từ " + num(b[1]) + ", " +
		HTNV.Code() + " từ " + num(b[2]) + ", " + KHTNV.Code() + " dưới " + num(b[2])
}
