package criteria

import (
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

func (b MeetingBand) best() bool  { return math.IsInf(b.Below, 1) }
func (b MeetingBand) worst() bool { return math.IsInf(b.From, -1) }

// Phrase is the band as a rule states it: "Tốt (từ 90 điểm trở lên)",
// "Khá (từ 70 đến dưới 90 điểm)", "Kém (dưới 50 điểm)".
func (b MeetingBand) Phrase() string {
	switch {
	case b.best():
		return b.Quality.Label() + " (từ " + num(b.From) + " điểm trở lên)"
	case b.worst():
		return b.Quality.Label() + " (dưới " + num(b.Below) + " điểm)"
	}
	return b.Quality.Label() + " (từ " + num(b.From) + " đến dưới " + num(b.Below) + " điểm)"
}

// Short is the band in the guide's signs: "Tốt (≥ 90 điểm)", "Khá (70 đến
// dưới 90 điểm)", "Kém (dưới 50 điểm)".
func (b MeetingBand) Short() string {
	switch {
	case b.best():
		return b.Quality.Label() + " (≥ " + num(b.From) + " điểm)"
	case b.worst():
		return b.Quality.Label() + " (dưới " + num(b.Below) + " điểm)"
	}
	return b.Quality.Label() + " (" + num(b.From) + " đến dưới " + num(b.Below) + " điểm)"
}

// Legend is the band as a chart's category, bounds to one decimal: "Tốt
// (từ 90)", "Khá (70–<90)", "Kém (dưới 50)".
func (b MeetingBand) Legend() string {
	switch {
	case b.best():
		return b.Quality.Label() + " (từ " + FormatDecimal(b.From, 1) + ")"
	case b.worst():
		return b.Quality.Label() + " (dưới " + FormatDecimal(b.Below, 1) + ")"
	}
	return b.Quality.Label() + " (" + FormatDecimal(b.From, 1) + "–<" + FormatDecimal(b.Below, 1) + ")"
}

// MeetingScale lists the bands by their lowest scores: "Tốt từ 90 điểm,
// Khá từ 70, Trung bình từ 50, Kém dưới 50".
func (d Description) MeetingScale() string {
	parts := make([]string, len(d.MeetingBands))
	for i, b := range d.MeetingBands {
		switch {
		case b.worst():
			parts[i] = b.Quality.Label() + " dưới " + num(b.Below)
		case i == 0:
			parts[i] = b.Quality.Label() + " từ " + num(b.From) + " điểm"
		default:
			parts[i] = b.Quality.Label() + " từ " + num(b.From)
		}
	}
	return strings.Join(parts, ", ")
}

// MeetingRanges lists the bands as ranges: "Tốt ≥ 90, Khá 70 đến dưới 90,
// Trung bình 50 đến dưới 70, Kém dưới 50".
func (d Description) MeetingRanges() string {
	parts := make([]string, len(d.MeetingBands))
	for i, b := range d.MeetingBands {
		switch {
		case b.best():
			parts[i] = b.Quality.Label() + " ≥ " + num(b.From)
		case b.worst():
			parts[i] = b.Quality.Label() + " dưới " + num(b.Below)
		default:
			parts[i] = b.Quality.Label() + " " + num(b.From) + " đến dưới " + num(b.Below)
		}
	}
	return strings.Join(parts, ", ")
}

// bandKeyComment is the export comment of the criteria-file key that sets
// the lowest score of band q (meeting_good, meeting_fair,
// meeting_average): a comment says what the key means, not its value.
func bandKeyComment(q Quality) string {
	switch q {
	case QualityGood:
		return "Buổi sinh hoạt từ số điểm này trở lên xếp loại " + q.Label() + " (thang 100 điểm)"
	case QualityFair:
		return "Từ số điểm này đến dưới mức " + QualityGood.Label() + " là " + q.Label()
	}
	return "Từ số điểm này đến dưới mức " + QualityFair.Label() + " là " + q.Label() + "; thấp hơn là " + QualityWeak.Label()
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
