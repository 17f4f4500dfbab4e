package report

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// The JSON document of SPEC §5 as structs, encoded by encoding/json: the
// reference that the streaming writer must match byte for byte.
type jsonDoc struct {
	Schema         string               `json:"schema"`
	Year           int                  `json:"year"`
	AsOf           *string              `json:"as_of"`
	AsOfToday      bool                 `json:"as_of_today"`
	Rules          jsonRules            `json:"rules"`
	Units          []jsonUnit           `json:"units"`
	Implementation []jsonImplementation `json:"implementation"`
	Problems       []jsonProblem        `json:"problems"`
}

type jsonRules struct {
	Profile      *string `json:"profile"`
	CriteriaFile *string `json:"criteria_file"`
	SHA256       *string `json:"sha256"`
	ChosenBy     *string `json:"chosen_by"`
}

type jsonUnit struct {
	Code         string  `json:"code"`
	Name         string  `json:"name"`
	Type         string  `json:"type"`
	Parent       *string `json:"parent"`
	Cluster      *string `json:"cluster"`
	Pilot        bool    `json:"pilot"`
	Rating       *string `json:"rating"`
	Rank         int     `json:"rank"`
	Verdict      string  `json:"verdict"`
	Commendation bool    `json:"commendation"`
	// Keys of the 2025 rules only (commend2025.go).
	CommendationLevel json.RawMessage `json:"commendation_level,omitempty"`
	History           json.RawMessage `json:"history,omitempty"`
	MeanScore         *float64        `json:"mean_score"`
	Criteria          []jsonCriterion `json:"criteria"`
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

type jsonImplementation struct {
	ID      string  `json:"id"`
	Unit    *string `json:"unit"`
	Cluster *string `json:"cluster"`
	Status  string  `json:"status"`
	Message string  `json:"message"`
}

type jsonProblem struct {
	Code     string  `json:"code"`
	Severity string  `json:"severity"`
	File     *string `json:"file"`
	Sheet    *string `json:"sheet"`
	Cell     *string `json:"cell"`
	Unit     *string `json:"unit"`
	Message  string  `json:"message"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// referenceJSON is how report.JSON encoded the document before it streamed.
func referenceJSON(t *testing.T, r *criteria.Report) []byte {
	t.Helper()
	doc := jsonDoc{
		Schema: Schema, Year: r.Year,
		Units:          []jsonUnit{},
		Implementation: []jsonImplementation{},
		Problems:       []jsonProblem{},
	}
	if !r.AsOf.IsZero() {
		doc.AsOf = nullable(r.AsOf.Format("2006-01-02"))
	}
	doc.AsOfToday = r.AsOfToday
	doc.Rules = jsonRules{Profile: nullable(r.Rules.Profile), CriteriaFile: nullable(r.Rules.CriteriaFile), SHA256: nullable(r.Rules.SHA256), ChosenBy: nullable(r.Rules.ChosenBy)}
	for _, ur := range r.Units {
		u := ur.Unit
		ju := jsonUnit{
			Code: u.Code, Name: nfc.String(u.Name), Type: string(u.Type),
			Parent: nullable(u.Parent), Cluster: nullable(nfc.String(u.Cluster)),
			Pilot: u.Pilot, Rating: nullable(u.Rating.Code()),
			Rank: ur.Rank, Verdict: string(ur.Verdict), Commendation: ur.Commendation,
			Criteria: []jsonCriterion{},
		}
		if ur.HasMeanScore {
			ju.MeanScore = finite(&ur.MeanScore)
		}
		if r.Thresholds.CommendationSubordinate {
			ju.CommendationLevel = rawJSON(t, nullable(string(ur.CommendationLevel)))
		}
		if r.Thresholds.HistoryStreaks {
			ju.History = rawJSON(t, historyDoc(ur.History))
		}
		for _, c := range ur.Criteria {
			jc := jsonCriterion{ID: c.ID, Verdict: string(c.Verdict), Checks: []jsonCheck{}}
			for _, ch := range c.Checks {
				jc.Checks = append(jc.Checks, jsonCheck{ID: ch.ID, Status: string(ch.Status),
					Value: finite(ch.Value), Threshold: finite(ch.Threshold), Message: nfc.String(ch.Message)})
			}
			ju.Criteria = append(ju.Criteria, jc)
		}
		doc.Units = append(doc.Units, ju)
	}
	for _, im := range r.Implementation {
		doc.Implementation = append(doc.Implementation, jsonImplementation{ID: im.ID,
			Unit: nullable(im.Unit), Cluster: nullable(im.Cluster), Status: string(im.Status), Message: nfc.String(im.Message)})
	}
	for _, p := range r.Problems {
		doc.Problems = append(doc.Problems, jsonProblem{Code: p.Code, Severity: string(p.Severity), File: nullable(p.File),
			Sheet: nullable(nfc.String(p.Sheet)), Cell: nullable(p.Cell), Unit: nullable(p.Unit), Message: nfc.String(p.Message)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestJSONMatchesEncodingJSON: the streaming writer escapes strings and
// formats numbers exactly as encoding/json did, on the fixtures and on the
// awkward cases a workbook can bring (control characters, invalid UTF-8,
// U+2028, HTML characters, extreme and non-finite numbers, empty lists).
func TestJSONMatchesEncodingJSON(t *testing.T) {
	odd := fixture()
	u := *odd.Units[0].Unit
	u.Name = "Chi bộ \"A\" <b>&</b> \\ \t\n\r\b\f\x01\x1f \xff\xfe \u2028\u2029 ›"
	u.Cluster = "Cụm\x00 1"
	odd.Units[0].Unit = &u
	odd.Units[0].HasMeanScore, odd.Units[0].MeanScore = true, math.NaN()
	odd.Rules = criteria.Rules{Profile: criteria.Profile2025, CriteriaFile: "tiêu chí \"đảng ủy\" <2025>.yaml",
		SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}
	c := &odd.Units[0].Criteria[0].Checks[0]
	for i, v := range []float64{1e-7, 1.5e-9, 1e21, -2.5e22, 123456789012345680000, 0.000001, -0, math.Inf(1), 0.1 + 0.2} {
		c.Value, c.Threshold = f(v), f(-v)
		c.Message = string(rune(0x2028+i%2)) + "x\x7f Nguye\u0302\u0303n “Tốt” – ổn định, đoàn kết"[i%3:]
		var got bytes.Buffer
		if err := JSON(&got, odd); err != nil {
			t.Fatal(err)
		}
		if want := referenceJSON(t, odd); !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("value %v: streamed JSON differs from encoding/json\n--- got ---\n%s\n--- want ---\n%s", v, got.Bytes(), want)
		}
	}
	empty := &criteria.Report{Year: 2024, AsOf: time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)}
	for _, r := range []*criteria.Report{fixture(), asOfFixture(), empty} {
		var got bytes.Buffer
		if err := JSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if want := referenceJSON(t, r); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("streamed JSON differs from encoding/json\n--- got ---\n%s\n--- want ---\n%s", got.Bytes(), want)
		}
	}
}

// TestJSONManyUnitsInOrder covers the windows of units encoded in parallel:
// more units than all cores take in one round, an uneven last round,
// windows over several buffers, and the bytes still those of
// encoding/json, units in report order.
func TestJSONManyUnitsInOrder(t *testing.T) {
	base := fixture()
	big := *base
	big.Units = nil
	for i := 0; len(big.Units) < 3*unitWindow*runtime.GOMAXPROCS(0)+7; i++ {
		ur := base.Units[i%len(base.Units)]
		u := *ur.Unit
		u.Code = fmt.Sprintf("%s-%04d", u.Code, i)
		if i%3 == 0 {
			// Long enough that a window spans several of the writer's buffers.
			u.Name = strings.Repeat(fmt.Sprintf("Chi bộ số %d – ", i), 60)
		}
		ur.Unit = &u
		big.Units = append(big.Units, ur)
	}
	var got bytes.Buffer
	if err := JSON(&got, &big); err != nil {
		t.Fatal(err)
	}
	if want := referenceJSON(t, &big); !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("%d units: JSON differs from encoding/json", len(big.Units))
	}
}

// FuzzJSONString: a string goes out exactly as encoding/json writes it, and
// text writes the NFC form of whatever it is given, whichever way through
// escape (eight ASCII bytes at once, the NFC fast path, the normaliser) the
// bytes take.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain ascii text of some length", "Nguye\u0302\u0303n Văn Đức \"x\" \\ \t",
		"\u2028\u2029\u2027\u202a", "\xff\xe1\xbb", "abcdefg\x1fhijklmn", "<b>&amp;</b>…›", "\u00e9\u0301 e\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		j := &jsonWriter{}
		j.str(s)
		if got := string(j.buf) + "\n"; got != want.String() {
			t.Fatalf("str(%q) = %s, encoding/json writes %s", s, got, want.String())
		}
		nj, tj := &jsonWriter{}, &jsonWriter{}
		nj.str(norm.NFC.String(s))
		tj.text(s)
		if !bytes.Equal(tj.buf, nj.buf) {
			t.Fatalf("text(%q) = %s, want %s", s, tj.buf, nj.buf)
		}
	})
}

// TestSpecial puts every byte value at every place among plain letters,
// alone and before a second odd byte: special must mark exactly the first
// byte that needs escaping or decoding, or none.
func TestSpecial(t *testing.T) {
	plain := func(c byte) bool { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' }
	for pos := range 8 {
		for c := range 256 {
			for _, after := range []byte{'a', 0x00, 0x1f, '"', '\\', 0x80, 0xff} {
				b := []byte("abcdefgh")
				b[pos] = byte(c)
				if pos < 7 {
					b[7] = after
				}
				want := 8 // the place of the first odd byte, 8 for none
				for k := range b {
					if !plain(b[k]) {
						want = k
						break
					}
				}
				got := 8
				if m := special(binary.LittleEndian.Uint64(b)); m != 0 {
					got = bits.TrailingZeros64(m) >> 3
				}
				if got != want {
					t.Fatalf("special(%q) marks byte %d first, want %d", b, got, want)
				}
			}
		}
	}
}
