package criteria

import (
	"fmt"
	"strings"
)

// Rule profiles (SPEC §6): a named, versioned set of rules and thresholds.
// A profile is nothing but a Thresholds value: every rule a profile turns
// on or off is a field of Thresholds, so a criteria file can set it too.
const (
	// ProfileHD17 is Hướng dẫn 17-HD/ĐUK as written in September 2023,
	// with the documents it cites (SPEC §2–§5).
	ProfileHD17 = "hd17-2023"
	// Profile2025 adds the rules of the documents that replaced them in
	// 2025 (Quy định 366-QĐ/TW, Chỉ thị 50-CT/TW, Hướng dẫn 06-HD/TW).
	Profile2025 = "2025"
	// DefaultProfile is the profile of thresholds built without a year
	// (Default, a criteria file read on its own). An evaluation that names
	// no profile takes ProfileForYear of its year instead (SPEC §6, "Default
	// profile by year").
	DefaultProfile = ProfileHD17
	// FirstYear2025 is the first evaluation year the 2025 rules are in
	// force for: Quy định 366-QĐ/TW and Chỉ thị 50-CT/TW were issued in
	// 2025, and the review of 2025 was the first held under them.
	FirstYear2025 = 2025
)

// ProfileForYear is the profile in force for an evaluation year: 2025 from
// FirstYear2025 on, hd17-2023 before. A review of 2026 run without a flag
// must not apply the rules Chỉ thị 50-CT/TW replaced.
func ProfileForYear(year int) string {
	if year >= FirstYear2025 {
		return Profile2025
	}
	return ProfileHD17
}

// profileDef is one entry of profiles.
type profileDef struct {
	name  string
	title string // Vietnamese, for `bontot criteria` and the reports
	short string // the first line of every report: the rules and their documents in a few words
	base  func() Thresholds
}

// profiles lists every profile, oldest first. A profile's thresholds are
// built from the one before it, so that what a new profile changes is
// written where it is defined and nowhere else.
var profiles = []profileDef{
	{ProfileHD17, "Hướng dẫn 17-HD/ĐUK (2023)", "Quy tắc hd17-2023 — HD 17-HD/ĐUK, QĐ 124, HD 12", hd17},
	{Profile2025, "Hướng dẫn 17-HD/ĐUK với các văn bản năm 2025 (Quy định 366-QĐ/TW, Chỉ thị 50-CT/TW, Hướng dẫn 42-HD/BTCTW, Hướng dẫn 06-HD/TW)", "Quy tắc 2025 — QĐ 366, CT 50, HD 42, HD 06", profile2025},
}

// hd17 is the guidance as written. The settings of who is rated and of
// ratings as points (new_member_months, rating_bands; SPEC §6, "in
// every profile") have the same default in every profile: they act only where a
// workbook has the columns they read (Đình chỉ sinh hoạt, Ngày kết nạp,
// Điểm xếp loại, Kỷ luật), which no hd17-2023 workbook had. What the 2026
// review changed in them (SPEC §6: new_members_not_rated,
// discipline_ceiling, violation_ceiling) is the 2025 profile's.
func hd17() Thresholds { return Default() }

// profile2025 starts from hd17-2023 and switches on every rule SPEC §6
// gives the 2025 profile; README.md lists them with their
// defaults in both profiles.
func profile2025() Thresholds {
	t := hd17()
	t.Profile = Profile2025
	t.ThematicQuarterly = true // Chỉ thị 50-CT/TW
	t.QuotaHTXSNV = true
	// Quy định 366-QĐ/TW art. 11: the share is of those
	// rated HTTNV, HTXSNV not in the base, and organisations have it too.
	t.HTXSNVBase = BaseHTTNV
	t.QuotaHTXSNVOrgs = true
	// Quy định 366-QĐ/TW art. 5, Hướng dẫn 43-HD/BTCTW.
	t.NewMembersNotRated = true
	// Quy định 366-QĐ/TW art. 11: a member who violated
	// the prohibitions or was disciplined in the year is rated KHTNV.
	t.DisciplineCeiling = KHTNV
	t.ViolationCeiling = KHTNV
	// The published eight-group score sheet after Hướng dẫn 42-HD/BTCTW,
	// bands unchanged (90/70/50); a province with its own declares it.
	t.ScoreGroups = Sheet2025ScoreGroups()
	// That sheet gives group II (Tỉ lệ đảng viên dự sinh hoạt) full marks
	// from 90 %: a meeting below it is warned, one at it is not.
	t.AttendanceWarn, t.AttendanceWarnBelow = attendanceFullMarks2025, true
	t.UpperScoreGap = 10
	t.CommendationSubordinate = true // Hướng dẫn 06-HD/TW
	t.HistoryStreaks = true          // Hướng dẫn 06-HD/TW
	return t
}

// ProfileNames lists the known profiles, oldest first.
func ProfileNames() []string {
	names := make([]string, len(profiles))
	for i, p := range profiles {
		names[i] = p.name
	}
	return names
}

// ProfileTitle is the Vietnamese description of a profile, "" when the
// name is unknown.
func ProfileTitle(name string) string {
	for _, p := range profiles {
		if p.name == name {
			return p.title
		}
	}
	return ""
}

// ProfileShort is the few words that name a profile's rules and their
// documents at the head of a report ("Quy tắc 2025 — QĐ 366, CT 50, HD 42,
// HD 06"); the name itself when it is unknown.
func ProfileShort(name string) string {
	for _, p := range profiles {
		if p.name == name {
			return p.short
		}
	}
	return name
}

// ProfileThresholds returns the thresholds of the named profile. An
// unknown name is refused with one Vietnamese sentence listing the known
// ones; "" is DefaultProfile.
func ProfileThresholds(name string) (Thresholds, error) {
	if name == "" {
		name = DefaultProfile
	}
	for _, p := range profiles {
		if p.name == name {
			return p.base(), nil
		}
	}
	return Default(), unknownProfile(name)
}

func unknownProfile(name string) error {
	return fmt.Errorf("không có bộ quy tắc %q; các bộ quy tắc có: %s", name, strings.Join(ProfileNames(), ", "))
}
