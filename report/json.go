package report

import (
	"encoding/json"
	"io"
	"math"

	"github.com/bontot/bontot/criteria"
)

// Schema identifies the JSON document's shape; scripts may check it. Keys
// may be added under the same schema, never renamed or removed.
const Schema = "bontot/v1"

// The JSON document of SPEC §5. Structs, not maps, keep the key order stable;
// every list is made non-nil so that an empty one prints as [] not null.
type jsonDoc struct {
	Schema         string               `json:"schema"`
	Year           int                  `json:"year"`
	AsOf           *string              `json:"as_of"`
	Units          []jsonUnit           `json:"units"`
	Implementation []jsonImplementation `json:"implementation"`
	Problems       []jsonProblem        `json:"problems"`
}

type jsonUnit struct {
	Code         string          `json:"code"`
	Name         string          `json:"name"`
	Type         string          `json:"type"`
	Parent       *string         `json:"parent"`
	Cluster      *string         `json:"cluster"`
	Pilot        bool            `json:"pilot"`
	Rating       *string         `json:"rating"`
	Rank         int             `json:"rank"`
	Verdict      string          `json:"verdict"`
	Commendation bool            `json:"commendation"`
	MeanScore    *float64        `json:"mean_score"` // added key: mean regular-meeting score used in ranking
	Criteria     []jsonCriterion `json:"criteria"`
}

type jsonCriterion struct {
	ID      string      `json:"id"`
	Verdict string      `json:"verdict"`
	Checks  []jsonCheck `json:"checks"`
}

type jsonCheck struct {
	ID        string   `json:"id"`
	Status    string   `json:"status"`
	Value     *float64 `json:"value"`
	Threshold *float64 `json:"threshold"`
	Message   string   `json:"message"`
}

// jsonImplementation carries both "unit" and "cluster", one of them null, so
// that every entry has the same keys whatever its check.
type jsonImplementation struct {
	ID      string  `json:"id"`
	Unit    *string `json:"unit"`
	Cluster *string `json:"cluster"`
	Status  string  `json:"status"`
	Message string  `json:"message"`
}

type jsonProblem struct {
	Severity string  `json:"severity"`
	File     *string `json:"file"`
	Sheet    *string `json:"sheet"`
	Cell     *string `json:"cell"`
	Unit     *string `json:"unit"`
	Message  string  `json:"message"`
}

// JSON writes r as the JSON document of SPEC §5: schema "bontot/v1", units
// in report order (grouped by type, ranked), two-space indent and a final
// newline. Absent values (no parent, no cluster, no rating, no as_of, no
// measured value) are null; lists are never null.
func JSON(w io.Writer, r *criteria.Report) error {
	doc := jsonDoc{
		Schema:         Schema,
		Year:           r.Year,
		Units:          make([]jsonUnit, 0, len(r.Units)),
		Implementation: make([]jsonImplementation, 0, len(r.Implementation)),
		Problems:       make([]jsonProblem, 0, len(r.Problems)),
	}
	if !r.AsOf.IsZero() {
		d := r.AsOf.Format("2006-01-02")
		doc.AsOf = &d
	}
	for i := range r.Units {
		doc.Units = append(doc.Units, jsonUnitOf(&r.Units[i]))
	}
	for _, im := range r.Implementation {
		doc.Implementation = append(doc.Implementation, jsonImplementation{
			ID: im.ID, Unit: nullable(im.Unit), Cluster: nullable(im.Cluster),
			Status: string(im.Status), Message: nfc(im.Message),
		})
	}
	for _, p := range r.Problems {
		doc.Problems = append(doc.Problems, jsonProblem{
			Severity: string(p.Severity), File: nullable(p.File), Sheet: nullable(nfc(p.Sheet)),
			Cell: nullable(p.Cell), Unit: nullable(p.Unit), Message: nfc(p.Message),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Vietnamese text and "›" stay readable; there is no HTML to protect.
	enc.SetEscapeHTML(false)
	return enc.Encode(doc) // Encode ends with the trailing newline
}

func jsonUnitOf(ur *criteria.UnitResult) jsonUnit {
	u := ur.Unit
	ju := jsonUnit{
		Code: u.Code, Name: nfc(u.Name), Type: string(u.Type),
		Parent: nullable(u.Parent), Cluster: nullable(nfc(u.Cluster)),
		Pilot: u.Pilot, Rating: nullable(u.Rating.Code()),
		Rank: ur.Rank, Verdict: string(ur.Verdict), Commendation: ur.Commendation,
		Criteria: make([]jsonCriterion, 0, len(ur.Criteria)),
	}
	if ur.HasMeanScore {
		ju.MeanScore = finite(&ur.MeanScore)
	}
	for _, c := range ur.Criteria {
		jc := jsonCriterion{ID: c.ID, Verdict: string(c.Verdict), Checks: make([]jsonCheck, 0, len(c.Checks))}
		for _, ch := range c.Checks {
			jc.Checks = append(jc.Checks, jsonCheck{
				ID: ch.ID, Status: string(ch.Status),
				Value: finite(ch.Value), Threshold: finite(ch.Threshold), Message: nfc(ch.Message),
			})
		}
		ju.Criteria = append(ju.Criteria, jc)
	}
	return ju
}

// nullable maps "" to JSON null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// finite copies a number, mapping NaN and ±Inf (which JSON cannot hold) to
// null rather than failing the whole document.
func finite(v *float64) *float64 {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return nil
	}
	c := *v
	return &c
}
