package workbook

import (
	"fmt"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/schema"
)

// colKey is a schema column key as a small number: a province has a
// million rows of some ten cells each, and finding a cell by array index
// instead of a map lookup by string is a good share of reading them.
type colKey uint8

const (
	kUnit colKey = iota
	kDate
	kItemText
	kAdmitted
	kCluster
	kCode
	kCriterion
	kExempt
	kG1
	kG2
	kG3
	kG4
	kG5
	// kG6 … kG16: the further groups a criteria file may declare
	// (criteria.MaxScoreGroups); kG1+i is the i-th declared group.
	kG6
	kG7
	kG8
	kG9
	kG10
	kG11
	kG12
	kG13
	kG14
	kG15
	kG16
	kGroup
	kID
	kItem
	kKind
	kLevel
	kMonth
	kName
	kNote
	kOrg
	kParent
	kPilot
	kPresent
	kRating
	kResidence
	kResolved
	kResult
	kScore
	kStanding
	kTarget
	kTotal
	kType
	kUpper
	kViolation
	kSuspended
	kAdmittedOn
	kYear
	kFourGood
	kPoints
	kDiscipline
	kCommitteeMember
	numKeys
)

// The group keys run from kG1 without a gap, one per declared group.
var _ = [1]struct{}{}[kG16-kG1+1-criteria.MaxScoreGroups]

// groupKey is the column key of the i-th declared score group.
func groupKey(i int) colKey { return kG1 + colKey(i) }

// groupKeyName is the schema key of the i-th declared score group: "g1"….
func groupKeyName(i int) string { return keyNames[groupKey(i)] }

// keyNames are the schema keys the colKeys stand for.
var keyNames = [numKeys]string{
	kUnit: schema.KeyUnit, kDate: schema.KeyDate, kItemText: schema.KeyItemText,
	kAdmitted: "admitted", kCluster: "cluster", kCode: "code", kCriterion: "criterion",
	kExempt: "exempt", kG1: "g1", kG2: "g2", kG3: "g3", kG4: "g4", kG5: "g5",
	kG6: "g6", kG7: "g7", kG8: "g8", kG9: "g9", kG10: "g10", kG11: "g11", kG12: "g12",
	kG13: "g13", kG14: "g14", kG15: "g15", kG16: "g16",
	kGroup: "group", kID: "id", kItem: "item", kKind: "kind", kLevel: "level",
	kMonth: "month", kName: "name", kNote: "note", kOrg: "org", kParent: "parent",
	kPilot: "pilot", kPresent: "present", kRating: "rating", kResidence: "residence",
	kResolved: "resolved", kResult: "result", kScore: "score", kStanding: "standing",
	kTarget: "target", kTotal: "total", kType: "type", kUpper: "upper", kViolation: "violation",
	kSuspended: "suspended", kAdmittedOn: "admitted_on", kYear: "year", kFourGood: "fourgood",
	kPoints: "points", kDiscipline: "discipline", kCommitteeMember: "committee_member",
}

// keyHeader is each key's header in the first sheet that has it: what a
// message names a column by when the sheet lacks it.
var keyHeader [numKeys]string

func init() {
	byName := map[string]colKey{}
	for k, name := range keyNames {
		byName[name] = colKey(k)
	}
	var found [numKeys]bool
	for _, s := range schema.Sheets {
		for _, col := range s.Columns {
			k, ok := byName[col.Key]
			if !ok {
				// A schema column without a colKey could not be read:
				// fail at start-up, in every test, not on some workbook.
				panic(fmt.Sprintf("workbook: schema column key %q has no colKey", col.Key))
			}
			if !found[k] {
				keyHeader[k], found[k] = col.Header, true
			}
		}
	}
	for k, name := range keyNames {
		if !found[k] {
			keyHeader[k] = name
		}
	}
}

// resolve fills the per-key tables of c from its maps, once per sheet.
func (c *columns) resolve() {
	c.pos, c.head = new([numKeys]int), new([numKeys]string)
	for k, name := range keyNames {
		c.pos[k] = -1
		c.head[k] = keyHeader[k]
		if i, ok := c.index[name]; ok {
			c.pos[k] = i
		}
		if t, ok := c.text[name]; ok {
			c.head[k] = t
		}
	}
	if c.marks != nil {
		c.pos[c.marks.key] = -1 // no one cell holds it: marked reads it
	}
	c.sttAt = nil
	for i := range c.stt {
		if i >= len(c.sttAt) {
			c.sttAt = append(c.sttAt, make([]bool, i+1-len(c.sttAt))...)
		}
		c.sttAt[i] = true
	}
}
