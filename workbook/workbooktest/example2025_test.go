package workbooktest

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"testing"
)

// The 2025 example in testdata is what the generator writes: regenerate it
// with go run ./tools/gen -scale example-2025 -o
// testdata/khoi-2024-quy-tac-2025.xlsx.
func TestExample2025IsCommitted(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, ScaleExample2025, 0); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../testdata/khoi-2024-quy-tac-2025.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, buf.Bytes()) {
		t.Error("testdata/khoi-2024-quy-tac-2025.xlsx is stale: go run ./tools/gen -scale example-2025 -o testdata/khoi-2024-quy-tac-2025.xlsx")
	}
	heads, rows := readBook(t, buf.Bytes())
	if got := heads["Lịch sử"]; !slices.Equal(got, []string{"Mã đơn vị", "Năm", "Xếp loại", "Bốn tốt"}) {
		t.Errorf("Lịch sử headers %q", got)
	}
	delete(heads, "Lịch sử")
	// Sinh hoạt is headed as an office on the published eight-group sheet
	// heads it, numbered and with the maxima, not canonically.
	wantMeet := []string{"Mã đơn vị", "Ngày", "Loại", "Tổng điểm", "I. Chấp hành thời gian, thời lượng (5 điểm)",
		"II. Tỷ lệ đảng viên dự sinh hoạt (5 điểm)", "III. Công tác chuẩn bị (10 điểm)", "IV. Tổ chức sinh hoạt chi bộ (30 điểm)",
		"V. Công tác điều hành của Bí thư (10 điểm)", "VI. Thực hiện nguyên tắc tổ chức, sinh hoạt đảng (5 điểm)",
		"VII. Kết quả lãnh đạo thực hiện kết luận, nghị quyết (30 điểm)", "VIII. Kết thúc sinh hoạt chi bộ (5 điểm)",
		"Điểm cấp trên chấm", "Có mặt", "Tổng số đảng viên", "Ghi chú"}
	if got := heads["Sinh hoạt"]; !slices.Equal(got, wantMeet) {
		t.Errorf("Sinh hoạt headers %q", got)
	}
	heads["Sinh hoạt"] = meetingsSpec().headers
	checkHeaders(t, heads) // the other sheets with canonical headers, Đảng viên with its optional columns
	if first := rows["Lịch sử"][0]; !slices.Equal(first, []string{"DB01", "2020", "HTXSNV", "Có"}) {
		t.Errorf("first Lịch sử row %q", first)
	}

	// CB03's members as testdata/README.md describes them.
	at := func(r []string, i int) string {
		if i < len(r) {
			return r[i]
		}
		return ""
	}
	var suspended, fresh, sixMonths int
	for _, r := range rows["Đảng viên"] {
		if at(r, 0) != "CB03" {
			continue
		}
		switch {
		case at(r, 4) == "Có" && at(r, 6) == "":
			suspended++
		case at(r, 5) == "15/10/2024" && at(r, 6) == "":
			fresh++
		case at(r, 5) == "01/07/2024" && at(r, 6) == "HTTNV":
			sixMonths++
		}
	}
	if suspended != 1 || fresh != 1 || sixMonths != 1 {
		t.Errorf("CB03: %d suspended, %d admitted 15/10/2024 unrated, %d admitted 01/07/2024 rated; want one each", suspended, fresh, sixMonths)
	}
	// CB06's meetings: eight groups adding up to Tổng điểm.
	n := 0
	for _, r := range rows["Sinh hoạt"] {
		if at(r, 0) != "CB06" {
			continue
		}
		n++
		var sum, total float64
		for i := 4; i < 12; i++ {
			sum += parseF(t, at(r, i))
		}
		total = parseF(t, at(r, 3))
		if sum != total {
			t.Errorf("CB06 %s: groups add up to %v, Tổng điểm %v", at(r, 1), sum, total)
		}
	}
	if n < 16 {
		t.Errorf("CB06 has %d meetings", n)
	}
}

func parseF(t *testing.T, s string) float64 {
	t.Helper()
	var f float64
	if _, err := fmt.Sscan(s, &f); err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return f
}
