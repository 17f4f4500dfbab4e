package criteria

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// asserted records every (check ID, status) pair a test has asserted, so
// TestMain can fail when a check of SPEC §2 lacks a test of both outcomes.
var (
	assertedMu sync.Mutex
	asserted   = map[string]map[Status]bool{}
)

func record(id string, s Status) {
	assertedMu.Lock()
	defer assertedMu.Unlock()
	if asserted[id] == nil {
		asserted[id] = map[Status]bool{}
	}
	asserted[id][s] = true
}

// TestMain runs the tests, then — on a full run — checks that every check
// ID of Checks and ImplementationChecks was asserted both dat and
// khong_dat: a check ID listed in SPEC with no test of both outcomes
// fails the run.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.skip").Value.String() == "" {
		var missing []string
		for _, list := range [][]CheckDef{Checks, ImplementationChecks} {
			for _, d := range list {
				for _, s := range []Status{Met, NotMet} {
					if !asserted[d.ID][s] {
						missing = append(missing, fmt.Sprintf("%s/%s", d.ID, s))
					}
				}
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			fmt.Fprintf(os.Stderr, "FAIL: checks without a test of this outcome: %s\n", strings.Join(missing, ", "))
			code = 1
		}
	}
	os.Exit(code)
}

const testYear = 2024

var rowCounter int

func src(sheet string) Source {
	rowCounter++
	return NewSource("t.xlsx", sheet, rowCounter+1)
}

func day(month, d int) time.Time {
	return time.Date(testYear, time.Month(month), d, 0, 0, 0, 0, time.UTC)
}

func regular(month, d int, score float64) Meeting {
	return Meeting{Date: day(month, d), Kind: Regular, Score: score, HasScore: true, Present: 10, Total: 10, Source: src("Sinh hoạt")}
}

func thematic(month, d int) Meeting {
	return Meeting{Date: day(month, d), Kind: Thematic, Score: 95, HasScore: true, Present: 10, Total: 10, Source: src("Sinh hoạt")}
}

func member(name string, r Rating) Member {
	return Member{Name: name, Rating: r, Residence: ResidencePositive, Source: src("Đảng viên")}
}

func allSheets() SheetSet {
	var s SheetSet
	for _, sh := range AllSheets() {
		s = s.With(sh)
	}
	return s
}

// goodMeetings is a year of one regular meeting a month scoring score and
// one thematic meeting a quarter.
func goodMeetings(score float64) []Meeting {
	var ms []Meeting
	for m := 1; m <= 12; m++ {
		ms = append(ms, regular(m, 10, score))
	}
	for q := 0; q < 4; q++ {
		ms = append(ms, thematic(3*q+2, 20))
	}
	return ms
}

func selfAll() []SelfItem {
	var out []SelfItem
	for _, it := range Items {
		out = append(out, SelfItem{ItemID: it.ID, Met: true, Source: src("Tự đánh giá")})
	}
	return out
}

func commonRows(u *Unit) {
	u.Sheets = allSheets()
	u.Rating = HTXSNV
	u.Criteria = []Criterion528{
		{Name: "Kết quả xây dựng Đảng", Key: true, Level: LevelGood, Source: src("Tiêu chí")},
		{Name: "Kết quả nhiệm vụ chính trị", Key: true, Level: LevelExcellent, Source: src("Tiêu chí")},
		{Name: "Công tác dân vận", Level: LevelAverage, Source: src("Tiêu chí")},
	}
	u.MassOrgs = []MassOrg{{Name: "Công đoàn", Rating: HTTNV, Source: src("Đoàn thể")}}
	u.SelfAssessment = selfAll()
}

// cell builds a chi bộ cơ sở that meets every check.
func cell(code string) *Unit {
	u := &Unit{Code: code, Name: "Chi bộ " + code, Type: CellGrassroots, Source: src("Đơn vị")}
	commonRows(u)
	u.Meetings = goodMeetings(95)
	u.Members = []Member{
		member("Nguyễn Văn An", HTXSNV), member("Trần Thị Bình", HTTNV),
		member("Lê Văn Cường", HTTNV), member("Phạm Thị Dung", HTNV),
	}
	return u
}

// sub builds a chi bộ trực thuộc of parent that meets every check.
func sub(code, parent string) *Unit {
	u := cell(code)
	u.Type = CellSubordinate
	u.Parent = parent
	u.Rating = HTTNV
	return u
}

// committee builds a đảng bộ cơ sở that meets every check; its chi bộ
// trực thuộc are built with sub.
func committee(code string) *Unit {
	u := &Unit{Code: code, Name: "Đảng bộ " + code, Type: Committee, Standing: true, Source: src("Đơn vị")}
	commonRows(u)
	for m := 1; m <= 12; m++ {
		u.CommitteeMeetings = append(u.CommitteeMeetings,
			CommitteeMeeting{Date: day(m, 5), Kind: ExecutiveBoard, Source: src("Họp cấp ủy")},
			CommitteeMeeting{Date: day(m, 6), Kind: StandingBoard, Source: src("Họp cấp ủy")})
	}
	u.CommitteeMeetings = append(u.CommitteeMeetings, CommitteeMeeting{Date: day(12, 20), Kind: Assembly, Source: src("Họp cấp ủy")})
	return u
}

func dataset(units ...*Unit) *Dataset {
	return &Dataset{Year: testYear, Units: units}
}

// bloc is a đảng bộ DB01 with chi bộ CB01, CB02 and a chi bộ cơ sở CS01,
// all meeting every check.
func bloc() *Dataset {
	return dataset(committee("DB01"), sub("CB01", "DB01"), sub("CB02", "DB01"), cell("CS01"))
}

func find(ds *Dataset, code string) *Unit {
	for _, u := range ds.Units {
		if u.Code == code {
			return u
		}
	}
	panic("no unit " + code)
}

func result(t *testing.T, rep *Report, code string) *UnitResult {
	t.Helper()
	for i := range rep.Units {
		if rep.Units[i].Unit.Code == code {
			return &rep.Units[i]
		}
	}
	t.Fatalf("no result for %s", code)
	return nil
}

// expect asserts the status of check id of unit code and records it for
// the coverage meta-test; it returns the check for further assertions.
func expect(t *testing.T, rep *Report, code, id string, want Status) *CheckResult {
	t.Helper()
	r := result(t, rep, code)
	c := r.Check(id)
	if c == nil {
		t.Fatalf("%s: no check %s", code, id)
	}
	if c.Status != want {
		t.Errorf("%s %s: status %s, want %s; message: %s", code, id, c.Status, want, c.Message)
		return c
	}
	record(id, want)
	return c
}

func hasAll(s string, subs ...string) bool {
	return !slices.ContainsFunc(subs, func(x string) bool { return !strings.Contains(s, x) })
}
