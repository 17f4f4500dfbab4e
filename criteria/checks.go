package criteria

import (
	"slices"
	"unicode"
)

// Scope says which unit types a check applies to.
type Scope int

// Check scopes.
const (
	ScopeAll       Scope = iota // every unit type
	ScopeCell                   // chi bộ cơ sở and chi bộ trực thuộc
	ScopeCommittee              // đảng bộ cơ sở
)

// Label is the Vietnamese name of the scope.
func (s Scope) Label() string {
	switch s {
	case ScopeCell:
		return "chi bộ"
	case ScopeCommittee:
		return "đảng bộ cơ sở"
	}
	return "mọi đơn vị"
}

// Includes reports whether a unit of type t falls in the scope.
func (s Scope) Includes(t UnitType) bool {
	switch s {
	case ScopeCell:
		return t.IsCell()
	case ScopeCommittee:
		return t == Committee
	}
	return true
}

// CheckDef is one check of SPEC §2, whole: its stable ID, its criterion,
// the unit types it applies to, a Vietnamese title, the rule worded from
// the thresholds in force, the function that judges it and the
// criteria-file keys it reads. As golang.org/x/tools go/analysis makes an
// Analyzer one value (name, doc, flags, run), a renderer asks the record
// and keeps no list of check IDs of its own (STYLE, "One record per
// rule").
type CheckDef struct {
	// ID is stable: JSON, CSV and a criteria file's skip_checks name the
	// check by it.
	ID        string
	Criterion string // "tc1" … "tc4"; "" for implementation checks
	Scope     Scope
	Title     string // short Vietnamese name
	// Sheet is the input sheet whose rows the check reads: where a
	// finding without a cell of its own belongs in an annotated copy.
	Sheet Sheet
	// Keys are the criteria-file keys (package criteriafile) whose values the rule and
	// its judge read. Not listed: skip_checks and strict, which act on
	// every check, and the keys the workbook reader applies to the rows
	// before any check (rating_bands, mass_org_ratings, score group
	// spellings).
	Keys []string
	// Rule states the rule in Vietnamese with the numbers of th.
	Rule func(th Thresholds) string
	// judge measures the check on one unit. nil for the implementation
	// checks, which are judged over sets of units (implementation.go).
	judge func(*evaluator, *view) CheckResult
	// Share marks a check whose value and threshold are fractions (SPEC
	// §3 "Shares are fractions"), shown to people as percentages; the
	// others count meetings, members or cases.
	Share bool
	// AsOf marks the count and share checks that --as-of judges against
	// what the rest of the year can still bring.
	AsOf bool
	// On reports whether a profile's rules include the check at all; nil
	// for the checks of every profile. A check that is not on is neither
	// run nor listed, so that the rules of hd17-2023 read as they always
	// have; a check the criteria file skips is still on, and listed as
	// khong_ap_dung.
	On func(th Thresholds) bool
	// EachUnit marks an implementation check with one result per unit
	// evaluated (quota.htxsnv): a bloc's summary counts its met results
	// rather than listing a line per unit.
	EachUnit bool
}

// AppliesTo reports whether the check is listed for a unit of type t.
func (d CheckDef) AppliesTo(t UnitType) bool { return d.Scope.Includes(t) }

// Enabled reports whether the rules th include the check (CheckDef.On).
func (d CheckDef) Enabled(th Thresholds) bool { return d.On == nil || d.On(th) }

func fixed(s string) func(Thresholds) string { return func(Thresholds) string { return s } }

// Checks lists every measured check of SPEC §2 in criterion order; each
// criterion's file (tc1.go … tc4.go) holds its checks' records, the
// paragraph of the guidance each comes from beside it, and the functions
// that judge them.
var Checks = slices.Concat(tc1Checks, tc2Checks, tc3Checks, tc4Checks)

// checkIndex finds a measured or implementation check by ID: the report
// asks it for every row of a province's detail sheets.
var checkIndex = func() map[string]*CheckDef {
	m := make(map[string]*CheckDef, len(Checks)+len(ImplementationChecks))
	for _, list := range [][]CheckDef{Checks, ImplementationChecks} {
		for i := range list {
			m[list[i].ID] = &list[i]
		}
	}
	return m
}()

// CheckDefByID returns the definition of a measured or implementation check.
func CheckDefByID(id string) (CheckDef, bool) {
	if d := checkIndex[id]; d != nil {
		return *d, true
	}
	return CheckDef{}, false
}

// CheckShare reports whether the check's value and threshold are
// fractions (CheckDef.Share); false for an item or an unknown ID.
func CheckShare(id string) bool {
	d := checkIndex[id]
	return d != nil && d.Share
}

// ItemByID returns the qualitative item with the given ID.
func ItemByID(id string) (Item, bool) {
	for _, it := range Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// CheckTitle is the Vietnamese name of a check, item or implementation
// check, for report columns; an unknown ID is returned as is. An item's
// title is its full text.
func CheckTitle(id string) string {
	if d := checkIndex[id]; d != nil {
		return d.Title
	}
	if it, ok := ItemByID(id); ok {
		return it.Text
	}
	return id
}

// capitalize upper-cases the first letter of a rule that starts with a
// phrase.
func capitalize(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
