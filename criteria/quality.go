package criteria

// Quality is the quality band of one cell meeting on the 100-point scale of
// Quy định 1178-QĐ/TU, quoted in guidance II.2.
type Quality int

// Meeting quality bands, ascending; QualityNone means no score was given.
const (
	QualityNone    Quality = iota
	QualityWeak            // kém: below MeetingAverage
	QualityAverage         // trung bình
	QualityFair            // khá
	QualityGood            // tốt: at least MeetingGood
)

// Code is the JSON identifier of the band ("tot"), or "" when not scored.
func (q Quality) Code() string {
	return [...]string{"", "kem", "trung_binh", "kha", "tot"}[q]
}

// Label is the Vietnamese name of the band.
func (q Quality) Label() string {
	return [...]string{"", "Kém", "Trung bình", "Khá", "Tốt"}[q]
}

// MeetingQuality places a score in the bands of guidance II.2: Tốt from
// MeetingGood (90) up, Khá from MeetingFair (70), Trung bình from
// MeetingAverage (50), Kém below. Bands are "at least", so 90 is Tốt and
// 89.5 is Khá.
func (t Thresholds) MeetingQuality(score float64) Quality {
	switch {
	case score+eps >= t.MeetingGood:
		return QualityGood
	case score+eps >= t.MeetingFair:
		return QualityFair
	case score+eps >= t.MeetingAverage:
		return QualityAverage
	}
	return QualityWeak
}

// Quality is the band of the meeting under t, QualityNone when unscored.
// Under the full-marks gate (FullMarksGroups) a meeting whose score is in
// the tốt band but that lost points in a listed group, or does not show
// that group's score, is khá.
func (m Meeting) Quality(t Thresholds) Quality {
	return t.meetingQuality(&m)
}

func (t *Thresholds) meetingQuality(m *Meeting) Quality {
	if !m.HasScore {
		return QualityNone
	}
	q := t.MeetingQuality(m.Score)
	if q == QualityGood && len(t.FullMarksGroups) > 0 && !t.fullMarks(m) {
		q = QualityFair
	}
	return q
}

// CriterionLevel turns a 0–100 Tiêu chí score into a level by the bands of
// Quy định 366-QĐ/TW (SPEC §3): Xuất sắc from CriteriaExcellent, Tốt from
// CriteriaGood, Trung bình from CriteriaAverage, Kém below.
func (t Thresholds) CriterionLevel(score float64) Level {
	switch {
	case score+eps >= t.CriteriaExcellent:
		return LevelExcellent
	case score+eps >= t.CriteriaGood:
		return LevelGood
	case score+eps >= t.CriteriaAverage:
		return LevelAverage
	}
	return LevelWeak
}

// LevelUnder is the criterion's level: the level given, or its score
// placed in t's bands; LevelNone when neither was given.
func (c Criterion528) LevelUnder(t Thresholds) Level {
	if c.Level != LevelNone {
		return c.Level
	}
	if c.HasScore {
		return t.CriterionLevel(c.Score)
	}
	return LevelNone
}
