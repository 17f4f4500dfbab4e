package workbook

import (
	"fmt"
	"strings"

	"github.com/bontot/bontot/criteria"
)

// One unit in several workbooks (SPEC §4 "One unit, several workbooks"): the
// same code declared with the same name, type and parent in two workbooks is
// one unit. A secretary keeps the score-sheet workbook beside the sổ; a chi
// bộ sends its score sheets, member list and mass organisations as three
// files. Declarations that differ stay an error naming both places, and so
// does one unit whose same sheet is in both workbooks: that is a workbook
// copied twice, whose rows would count twice.

// sameness compares declarations, their parents resolved against every
// workbook's units.
type sameness struct {
	byCode map[string]*criteria.Unit
	byName map[string][]*criteria.Unit
}

func newSameness(files []*fileData) *sameness {
	s := &sameness{byCode: map[string]*criteria.Unit{}, byName: map[string][]*criteria.Unit{}}
	for _, fd := range files {
		for _, d := range fd.units {
			if k := matchKey(d.unit.Code); s.byCode[k] == nil {
				s.byCode[k] = d.unit
			}
			k := unitNameKey(d.unit.Name)
			s.byName[k] = append(s.byName[k], d.unit)
		}
	}
	return s
}

// parent is what a Trực thuộc names: a unit's code when it resolves to
// one, else its text.
func (s *sameness) parent(p string) string {
	if u, ok := s.byCode[matchKey(p)]; ok {
		return "code:" + matchKey(u.Code)
	}
	if us := s.byName[unitNameKey(p)]; len(us) == 1 {
		return "code:" + matchKey(us[0].Code)
	}
	return "text:" + unitNameKey(p)
}

// differ says how two declarations of one code differ, "" when they are
// alike: name, type and, for a chi bộ trực thuộc, its đảng bộ.
func (s *sameness) differ(a, b *definedUnit) string {
	ua, ub := a.unit, b.unit
	switch {
	case unitNameKey(ua.Name) != unitNameKey(ub.Name):
		return fmt.Sprintf("tên khác nhau (%s và %s)", quote(ua.Name), quote(ub.Name))
	case ua.Type != ub.Type:
		return fmt.Sprintf("loại khác nhau (%s và %s)", strings.ToLower(ua.Type.Label()), strings.ToLower(ub.Type.Label()))
	case ua.Type == criteria.CellSubordinate && s.parent(a.parent) != s.parent(b.parent):
		return fmt.Sprintf("trực thuộc khác nhau (%s và %s)", quote(a.parent), quote(b.parent))
	}
	return ""
}

// sharedTable is an input sheet both workbooks hold, "" when none: the
// name as the second workbook writes it.
func sharedTable(a, b *fileData) string {
	for _, id := range b.seq {
		if id == criteria.SheetUnits {
			continue
		}
		if _, ok := a.found[id]; ok {
			return b.found[id]
		}
	}
	return ""
}

// isMerged reports whether d is a declaration merged into an earlier one.
func (m *merger) isMerged(d *definedUnit) bool {
	for _, mu := range m.merged {
		if mu.d == d {
			return true
		}
	}
	return false
}

// foldMerged moves what the rows of each merged declaration gave its copy
// into the unit of the first declaration, once every row is placed. The
// unit-level cells both declarations write must agree; a cell one leaves
// blank is taken from the other.
func (m *merger) foldMerged() {
	for _, mu := range m.merged {
		from, into := mu.d.unit, mu.into.d.unit
		into.Meetings = append(into.Meetings, from.Meetings...)
		into.CommitteeMeetings = append(into.CommitteeMeetings, from.CommitteeMeetings...)
		into.Members = append(into.Members, from.Members...)
		into.Staff = append(into.Staff, from.Staff...)
		into.MassOrgs = append(into.MassOrgs, from.MassOrgs...)
		into.Criteria = append(into.Criteria, from.Criteria...)
		into.Cases = append(into.Cases, from.Cases...)
		into.SelfAssessment = append(into.SelfAssessment, from.SelfAssessment...)
		into.History = append(into.History, from.History...)
		into.Sheets |= from.Sheets
		into.HasErrors = into.HasErrors || from.HasErrors
		into.ErrorSheets |= from.ErrorSheets
		into.Pilot = into.Pilot || from.Pilot
		into.Standing = into.Standing || from.Standing
		var differ []string
		switch {
		case into.Cluster == "":
			into.Cluster = from.Cluster
		case from.Cluster != "" && matchKey(from.Cluster) != matchKey(into.Cluster):
			differ = append(differ, fmt.Sprintf("Cụm %s và %s", quote(into.Cluster), quote(from.Cluster)))
		}
		switch {
		case into.Rating == criteria.RatingNone:
			into.Rating = from.Rating
		case from.Rating != criteria.RatingNone && from.Rating != into.Rating:
			differ = append(differ, fmt.Sprintf("Xếp loại %s và %s", into.Rating.Code(), from.Rating.Code()))
		}
		switch {
		case !into.HasTarget:
			into.AdmissionTarget, into.HasTarget = from.AdmissionTarget, from.HasTarget
		case from.HasTarget && from.AdmissionTarget != into.AdmissionTarget:
			differ = append(differ, fmt.Sprintf("Chỉ tiêu kết nạp %d và %d", into.AdmissionTarget, from.AdmissionTarget))
		}
		switch {
		case !into.HasAdmitted:
			into.Admitted, into.HasAdmitted = from.Admitted, from.HasAdmitted
		case from.HasAdmitted && from.Admitted != into.Admitted:
			differ = append(differ, fmt.Sprintf("Đã kết nạp %d và %d", into.Admitted, from.Admitted))
		}
		if len(differ) > 0 {
			markError(into, criteria.SheetUnits)
			there := criteria.Problem{File: m.files[mu.into.fi].base, Sheet: into.Source.Sheet(), Cell: mu.into.d.codeCell}
			m.add(mu.fi, criteria.Problem{File: m.files[mu.fi].base, Sheet: from.Source.Sheet(), Cell: mu.d.codeCell, Unit: into.Code}.Of(criteria.UnitConflict,
				into.Code, where(there), strings.Join(differ, "; ")))
		}
		*from = criteria.Unit{Code: from.Code, Name: from.Name, Type: from.Type, Source: from.Source}
	}
}
