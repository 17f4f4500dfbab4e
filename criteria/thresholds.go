package criteria

// Thresholds holds every number and switch of SPEC §2 that a grassroots
// committee may make concrete (guidance I.2), and every rule a profile
// turns on or off (SPEC §6): it is the one place a setting lives. Default
// returns the guidance's values; ProfileThresholds those of a profile; a
// criteria file overrides any of them.
type Thresholds struct {
	// Profile names the rule profile these thresholds start from
	// (ProfileHD17, Profile2025); "" for thresholds built by hand.
	Profile string

	// TC1
	KeyCriteriaLevel   Level   // every "trọng tâm" 528 criterion at least this level (tốt)
	OtherCriteriaLevel Level   // every other 528 criterion at least this level (trung bình)
	MembersFloorShare  float64 // share of rated members ≥ HTNV (1.0)
	MembersGoodShare   float64 // share of rated members ≥ HTTNV (0.5)
	SuborgsFloorShare  float64 // đảng bộ: share of subordinate chi bộ ≥ HTNV (1.0)
	SuborgsGoodShare   float64 // đảng bộ: share ≥ HTTNV (0.5)
	StaffFloorShare    float64 // share of staff ≥ HTNV (1.0)
	StaffGoodShare     float64 // share of staff ≥ HTTNV (0.5)
	MassOrgsFloor      Rating  // every mass organisation at least this rating (HTNV)
	// MassOrgWords read a mass organisation's rating written in its own
	// vocabulary (Công đoàn, Đoàn thanh niên: "vững mạnh", "khá"…) as a party
	// rating (SPEC §4 "Office layouts"). Only the words listed here are read;
	// any other word is an error, never a guess. The default table is
	// DefaultMassOrgWords; a criteria file replaces it whole.
	MassOrgWords []MassOrgWord
	// NewMemberMonths: a member admitted (Ngày kết nạp) fewer than this
	// many months before the end of the evaluation year may have a blank
	// rating; the member checks leave them out and name them (6: a member
	// of less than six months is reviewed but not rated). 0 turns it off.
	NewMemberMonths int
	// NewMembersNotRated: a member admitted fewer than NewMemberMonths
	// before the review date (Options.ReviewDate) is not reviewed at all
	// (Quy định 366-QĐ/TW art. 5; Hướng dẫn 43-HD/BTCTW): out of every
	// rating denominator, quota.htxsnv and tc4.residence even when a
	// rating was written, which is then a warning (profile 2025). Off, as
	// in hd17-2023, only a blank rating of such a member is left out, and
	// the cutoff is the end of the evaluation year whatever the review date.
	NewMembersNotRated bool

	// RatingBands turn a rating given as 0–100 points (Điểm xếp loại) on
	// Đảng viên, Cán bộ, Đoàn thể and Đơn vị into a level (Quy định
	// 366-QĐ/TW: HTXSNV ≥ 90, HTTNV ≥ 70, HTNV ≥ 50). The reader applies
	// them; where the written rating is given too, it decides.
	RatingBands RatingBands
	// DisciplineCeiling is the highest rating a member disciplined in the
	// year (Kỷ luật) should have; one rated above it is a warning (HTNV in
	// hd17-2023; KHTNV in 2025: Quy định 366-QĐ/TW art. 11 rates a member
	// disciplined in the year "không hoàn thành nhiệm vụ").
	DisciplineCeiling Rating
	// ViolationCeiling is the same for a member who violated the
	// prohibitions (Vi phạm, Quy định 37-QĐ/TW): KHTNV in 2025 (Quy định
	// 366-QĐ/TW art. 11); RatingNone, as in hd17-2023, never warns.
	ViolationCeiling Rating

	// TC2
	RegularMeetings   int     // regular cell meetings a year (12)
	RegularGoodShare  float64 // share of regular meetings scoring tốt (0.75)
	ThematicMeetings  int     // thematic meetings a year (4)
	CommitteeMeetings int     // ban chấp hành meetings a year (12)
	StandingMeetings  int     // ban thường vụ meetings a year (12)
	Assemblies        int     // whole-đảng bộ conferences a year (1)

	// Meeting score bands on the 100-point scale: tốt ≥ Good, khá ≥ Fair,
	// trung bình ≥ Average, kém below.
	MeetingGood, MeetingFair, MeetingAverage float64
	// ScoreGroups are the groups of the meeting score sheet, in order (SPEC
	// §6, declared score groups): their names and spellings find the
	// group-score columns of Sinh hoạt and the group rows of a score sheet,
	// and their maxima add up to 100. hd17-2023 declares the five of Hướng
	// dẫn 12-HD/BTCTW (HD12ScoreGroups), 20 points each.
	ScoreGroups []ScoreGroup
	// FullMarksGroups names declared groups that must be at their maximum
	// for a meeting to be tốt, whatever its total (an optional gate some
	// provinces set); empty, as in both profiles, there is no gate.
	FullMarksGroups []string
	// UpperScoreGap: where the upper committee scored a meeting too
	// (Điểm cấp trên chấm), its score decides; a gap of more than this
	// many points from the chi bộ's own score is a warning naming the
	// cell. 0 turns the warning off (hd17-2023).
	UpperScoreGap float64

	// Bands that turn a 0–100 Tiêu chí score into a level (Quy định 366-QĐ/TW).
	CriteriaExcellent, CriteriaGood, CriteriaAverage float64

	// Warnings
	AttendanceWarn float64 // warn when Có mặt / Tổng số is at or below this (0.85), or below it under AttendanceWarnBelow
	// AttendanceWarnBelow warns only of attendance below AttendanceWarn,
	// not at it: on the published 2025 score sheet 90 % itself earns the
	// attendance group's full marks, so the 2025 profile warns below 90 %.
	// Off, as in hd17-2023, a meeting at the level is warned too (Hướng
	// dẫn 12-HD/BTCTW asks for attendance above 85 %).
	AttendanceWarnBelow bool

	// ThematicQuarterly makes "at least one thematic meeting each quarter"
	// (Chỉ thị 50-CT/TW) the TC2 check tc2.thematic_quarterly; off, as in
	// hd17-2023, a quarter without one is only the warning of SPEC §2.
	ThematicQuarterly bool

	// Strict makes an unrecorded qualitative item count as missing data, as
	// --strict does (Options.Strict); either one turns it on.
	Strict bool

	// Populations that must be recorded. By SPEC §3 a unit with no Cán bộ
	// or Đoàn thể rows records none, so their checks are khong_ap_dung; a
	// committee that wants every unit to list them turns these on, and
	// missing rows become thieu_du_lieu.
	RequireStaff    bool
	RequireMassOrgs bool

	// SkipChecks lists check IDs the grassroots committee has set aside when
	// making the criteria concrete (guidance I.2); they are khong_ap_dung.
	SkipChecks []string

	// Implementation checks (guidance III.1 and III.4.1): a đảng bộ with at
	// least PilotLargeSuborgs chi bộ trực thuộc picks PilotLargeCount pilot
	// chi bộ, a smaller one PilotSmallCount; each cluster has exactly
	// PilotClusterCommittees pilot đảng bộ cơ sở and PilotClusterCells pilot
	// chi bộ cơ sở.
	PilotLargeSuborgs      int
	PilotLargeCount        int
	PilotSmallCount        int
	PilotClusterCommittees int
	PilotClusterCells      int

	// QuotaHTXSNV turns on the implementation check quota.htxsnv: members
	// rated HTXSNV at most HTXSNVShare (0.2) of the base HTXSNVBase names
	// (Quy định 366-QĐ/TW art. 11), in each chi bộ cơ sở and each đảng bộ
	// cơ sở pooled; QuotaHTXSNVSubordinate adds an entry for each chi bộ
	// trực thuộc's own members (off in both profiles).
	QuotaHTXSNV            bool
	QuotaHTXSNVSubordinate bool
	HTXSNVShare            float64
	// HTXSNVBase is what the share is taken of: BaseHTTNV, those rated
	// exactly HTTNV (2025, the text of art. 11), or BaseHTTNVOrAbove,
	// HTXSNV included (hd17-2023, the share as bontot read it before the
	// 2025 profile).
	HTXSNVBase HTXSNVBase
	// QuotaHTXSNVOrgs turns on quota.htxsnv_orgs: the same share over the
	// ratings of organisations — each đảng bộ cơ sở's chi bộ trực thuộc,
	// and the chi bộ cơ sở and đảng bộ cơ sở evaluated together (2025).
	QuotaHTXSNVOrgs bool

	// CommendationSubordinate adds the second commendation list of
	// Hướng dẫn 06-HD/TW: a chi bộ trực thuộc that is dat and rated HTXSNV
	// is proposed for a giấy khen of its đảng ủy cơ sở (hd17-2023 leaves
	// chi bộ trực thuộc to their đảng ủy without a list, guidance III.4.1).
	CommendationSubordinate bool
	// HistoryStreaks reads the optional Lịch sử sheet (earlier years) and
	// reports each unit's years in a row rated HTXSNV and "bốn tốt",
	// flagging those reaching HistoryStreakYears (5) for a higher award
	// (Hướng dẫn 06-HD/TW). Off, the sheet is not read.
	HistoryStreaks     bool
	HistoryStreakYears int
}

// HTXSNVBase names the ratings the HTXSNV share is taken of.
type HTXSNVBase string

// The two readings of "số đảng viên được xếp loại Hoàn thành tốt nhiệm vụ".
const (
	// BaseHTTNV: those rated exactly HTTNV, HTXSNV not among them (Quy
	// định 366-QĐ/TW art. 11 as written; profile 2025): 2 HTXSNV beside 8
	// HTTNV is over 20 %, since 20 % of 8 allows 1.
	BaseHTTNV HTXSNVBase = "httnv"
	// BaseHTTNVOrAbove: those rated HTTNV or HTXSNV (the reading hd17-2023
	// kept before the 2026 review): 2 HTXSNV beside 8 HTTNV is 2/10.
	BaseHTTNVOrAbove HTXSNVBase = "httnv_or_above"
)

// Label is the base in the words of a message: "xếp loại HTTNV".
func (b HTXSNVBase) Label() string {
	if b == BaseHTTNV {
		return "xếp loại HTTNV"
	}
	return "xếp loại từ HTTNV trở lên"
}

// Skipped reports whether the criteria file sets check id aside.
func (t Thresholds) Skipped(id string) bool {
	for _, s := range t.SkipChecks {
		if s == id {
			return true
		}
	}
	return false
}

// Default returns the thresholds of the guidance and SPEC §2: the
// hd17-2023 profile.
func Default() Thresholds {
	return Thresholds{
		Profile: ProfileHD17,

		KeyCriteriaLevel:   LevelGood,
		OtherCriteriaLevel: LevelAverage,
		MembersFloorShare:  1.0,
		MembersGoodShare:   0.5,
		SuborgsFloorShare:  1.0,
		SuborgsGoodShare:   0.5,
		StaffFloorShare:    1.0,
		StaffGoodShare:     0.5,
		MassOrgsFloor:      HTNV,
		MassOrgWords:       DefaultMassOrgWords(),
		NewMemberMonths:    6,
		RatingBands:        RatingBands{90, 70, 50},
		DisciplineCeiling:  HTNV,

		RegularMeetings:   12,
		RegularGoodShare:  0.75,
		ThematicMeetings:  4,
		CommitteeMeetings: 12,
		StandingMeetings:  12,
		Assemblies:        1,

		MeetingGood:    90,
		MeetingFair:    70,
		MeetingAverage: 50,
		ScoreGroups:    HD12ScoreGroups(),

		CriteriaExcellent: 90,
		CriteriaGood:      70,
		CriteriaAverage:   50,

		AttendanceWarn: 0.85,

		PilotLargeSuborgs:      7,
		PilotLargeCount:        2,
		PilotSmallCount:        1,
		PilotClusterCommittees: 2,
		PilotClusterCells:      1,

		HTXSNVShare: 0.2,
		HTXSNVBase:  BaseHTTNVOrAbove,

		HistoryStreakYears: 5,
	}
}

// MassOrgWord is one word of a mass organisation's rating vocabulary and
// the party rating it is read as.
type MassOrgWord struct {
	Word   string // as written, e.g. "Vững mạnh"
	Rating Rating
}

// DefaultMassOrgWords is the table shipped for the ratings mass
// organisations give themselves: Công đoàn's "vững mạnh xuất sắc, vững
// mạnh, khá, trung bình, yếu" and Đoàn thanh niên's "vững mạnh, khá,
// trung bình, yếu". The top word of either is the top party level;
// "vững mạnh" is HTTNV; "khá" and "trung bình" are HTNV (the task done,
// not well); "yếu" and "yếu kém" are KHTNV. A committee that grades
// otherwise writes its own table under mass_org_ratings.
func DefaultMassOrgWords() []MassOrgWord {
	return []MassOrgWord{
		{"Vững mạnh xuất sắc", HTXSNV},
		{"Vững mạnh", HTTNV},
		{"Khá", HTNV},
		{"Trung bình", HTNV},
		{"Yếu", KHTNV},
		{"Yếu kém", KHTNV},
	}
}

// MassOrgRating reads a word of a mass organisation's own vocabulary
// through ws, compared as headers are (case, diacritics, spaces).
func MassOrgRating(ws []MassOrgWord, word string) (Rating, bool) {
	k := Fold(word)
	for _, w := range ws {
		if Fold(w.Word) == k {
			return w.Rating, true
		}
	}
	return RatingNone, false
}
