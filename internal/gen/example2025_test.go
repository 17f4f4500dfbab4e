package gen

import (
	"bytes"
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
	checkHeaders(t, heads) // the other sheets as the 2024 example has them
	if first := rows["Lịch sử"][0]; !slices.Equal(first, []string{"DB01", "2020", "HTXSNV", "Có"}) {
		t.Errorf("first Lịch sử row %q", first)
	}
}
