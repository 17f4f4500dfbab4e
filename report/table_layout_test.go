package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
)

// manyFailing is the fixture with n more units not "dat": copies of CB04's
// neighbour CB03 (thiếu dữ liệu) under new codes.
func manyFailing(t *testing.T, n int) *criteria.Report {
	t.Helper()
	r := fixture()
	src := findUnit(r, "CB03")
	if src == nil || src.Verdict == criteria.Met {
		t.Fatal("fixture: CB03 should exist and not be dat")
	}
	base := *src
	for i := range n {
		u := base
		u.Unit.Code = fmt.Sprintf("CBX%02d", i+1)
		u.Unit.Name = fmt.Sprintf("Chi bộ thêm số %d", i+1)
		r.Units = append(r.Units, u)
	}
	return r
}

// By default the details stop after MaxDetailUnits units and say how many
// were left out and how to see them; --all prints every one.
func TestTableDetailsCapped(t *testing.T) {
	r := manyFailing(t, 12)
	notMet := notMetCount(r)
	if notMet <= MaxDetailUnits {
		t.Fatalf("only %d units not dat", notMet)
	}
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	headings := strings.Count(out, "(hạng ")
	if headings != MaxDetailUnits {
		t.Errorf("%d units detailed by default, want %d", headings, MaxDetailUnits)
	}
	left := fmt.Sprintf("… và %d đơn vị chưa đạt khác không in chi tiết", notMet-MaxDetailUnits)
	if !strings.Contains(out, left) || !strings.Contains(out, "--all") {
		t.Errorf("no line counting the units left out (%q):\n%s", left, out)
	}
	all := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{All: true}) }))
	if n := strings.Count(all, "(hạng "); n != notMet {
		t.Errorf("--all details %d units, want %d", n, notMet)
	}
	if strings.Contains(all, "không in chi tiết") {
		t.Error("--all still says units were left out")
	}
}

// --summary prints the tables, the counts and the commendation list, no
// details, and says so.
func TestTableSummary(t *testing.T) {
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{Summary: true}) }))
	for _, want := range []string{"CHI BỘ CƠ SỞ (4 đơn vị)", "Tổng số 4 · đạt \"bốn tốt\" 2 · tỷ lệ 50%",
		"ĐỀ XUẤT TẶNG GIẤY KHEN (2 đơn vị)", "Không in chi tiết 5 đơn vị chưa đạt (--summary)",
		"VẤN ĐỀ DỮ LIỆU:", "Tổng cộng 9 đơn vị"} {
		if !strings.Contains(out, want) {
			t.Errorf("--summary lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"CÁC ĐƠN VỊ CHƯA ĐẠT", "✗", "TỔ CHỨC THỰC HIỆN"} {
		if strings.Contains(out, not) {
			t.Errorf("--summary shows %q:\n%s", not, out)
		}
	}
}

// Each type's table is followed by its counts, and the commendation list
// names exactly the units proposed.
func TestTableCountsAndCommendations(t *testing.T) {
	r := fixture()
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	for _, typ := range criteria.UnitTypes {
		units := unitsOfType(r, typ)
		if len(units) == 0 {
			continue
		}
		if !strings.Contains(out, fmt.Sprintf("Tổng số %d · đạt", len(units))) {
			t.Errorf("no count line for %s", typ)
		}
	}
	list := out[strings.Index(out, "ĐỀ XUẤT TẶNG GIẤY KHEN"):strings.Index(out, "CÁC ĐƠN VỊ CHƯA ĐẠT")]
	for _, ur := range r.Units {
		if got := strings.Contains(list, ur.Unit.Code+" · "); got != ur.Commendation {
			t.Errorf("%s listed for commendation: %v, proposed: %v", ur.Unit.Code, got, ur.Commendation)
		}
	}
	// No unit proposed: the section says so rather than vanishing.
	for i := range r.Units {
		r.Units[i].Commendation = false
	}
	out = string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	if !strings.Contains(out, "ĐỀ XUẤT TẶNG GIẤY KHEN: không có đơn vị nào") {
		t.Errorf("no sentence for an empty commendation list:\n%s", out)
	}
}

// In a unit's view the "Chưa đạt:" line comes right under its header and
// names the failing checks; a unit that is dat says it has none.
func TestTableUnitNotMetLine(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"CB03", "Chưa đạt: TC4 Nhận xét của nơi cư trú (thiếu dữ liệu)."},
		{"CB01", "Chưa đạt: không có; đạt cả bốn tiêu chí."},
		{"CB04", "Chưa đạt: lỗi dữ liệu (1 lỗi, xem cuối trang); TC2"},
	} {
		out := string(render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{Unit: c.code}) }))
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, c.code+" · ") {
				if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], c.want) {
					t.Errorf("%s: line under the header is %q, want %q", c.code, lines[i+1], c.want)
				}
				break
			}
		}
	}
}

// ASCII marks for a console whose font lacks ✓ and ✗.
func TestTableASCIIMarks(t *testing.T) {
	for _, opts := range []TableOptions{{ASCII: true}, {ASCII: true, Unit: "CB03"}} {
		out := string(render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), opts) }))
		if strings.ContainsAny(out, "✓✗○") {
			t.Errorf("%+v: Unicode marks in ASCII mode", opts)
		}
		if !strings.Contains(out, "x Không đạt") && !strings.Contains(out, "v Đạt") {
			t.Errorf("%+v: no ASCII marks:\n%s", opts, out)
		}
	}
}

// A province's pilot checks: beyond maxListed the summary lists those not
// dat and counts the others per check; --all lists every one.
func TestTableImplementationFolded(t *testing.T) {
	r := fixture()
	r.Implementation = nil
	for i := range 30 {
		st := criteria.Met
		if i%10 == 3 {
			st = criteria.NotMet
		}
		r.Implementation = append(r.Implementation, criteria.ImplementationResult{
			ID: "pilot.suborgs", Unit: fmt.Sprintf("DB%02d", i), Status: st, Message: "chi bộ làm điểm"})
	}
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	if n := strings.Count(out, "· DB"); n != 3 {
		t.Errorf("%d pilot checks listed by default, want the 3 not dat:\n%s", n, out)
	}
	if !strings.Contains(out, "27 đơn vị (xem tất cả bằng --all)") {
		t.Errorf("no count of the 27 dat:\n%s", out)
	}
	all := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{All: true}) }))
	if n := strings.Count(all, "· DB"); n != 30 {
		t.Errorf("--all lists %d pilot checks, want 30", n)
	}
}

// Regression: output to a file or a pipe cut unit
// names to 80 columns; "93" stood beside "93,1" with its digits out of
// line; and each unit type's table had column positions of its own.
func TestRankedTablesLineUp(t *testing.T) {
	tableRow := regexp.MustCompile(`^ *\d+  \S`)
	r := fixture()
	full := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{FullNames: true}) }))
	for i := range r.Units {
		if name := r.Units[i].Unit.Name; !strings.Contains(full, name) {
			t.Errorf("FullNames: %q cut", name)
		}
	}
	narrow := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	for _, out := range []string{full, narrow} {
		var headers []string
		scoreEnd := -1
		for l := range strings.SplitSeq(out, "\n") {
			if strings.Contains(l, "Tên đơn vị") && strings.Contains(l, "Kết quả") {
				headers = append(headers, l)
			}
			// Every score has one decimal and ends in the same column.
			if f := strings.Fields(l); len(f) > 0 && tableRow.MatchString(l) {
				last := f[len(f)-1]
				if _, err := strconv.ParseFloat(strings.Replace(last, ",", ".", 1), 64); err == nil && strings.Contains(last, ",") && strings.HasSuffix(l, last) {
					if !regexp.MustCompile(`^\d+,\d$`).MatchString(last) {
						t.Errorf("score %q not with one decimal: %q", last, l)
					}
					end := utf8.RuneCountInString(l)
					if scoreEnd >= 0 && end != scoreEnd {
						t.Errorf("score column ends at %d and at %d: %q", scoreEnd, end, l)
					}
					scoreEnd = end
				}
			}
		}
		if len(headers) != 3 {
			t.Fatalf("%d table headers, want 3:\n%s", len(headers), out)
		}
		for _, h := range headers[1:] {
			if h != headers[0] {
				t.Errorf("tables differ in column positions:\n%q\n%q", headers[0], h)
			}
		}
	}
}
