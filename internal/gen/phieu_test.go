package gen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updatePhieu = flag.Bool("update-phieu", false, "rewrite testdata/phieu/*.xlsx")

// PhieuFiles are the score-sheet workbooks of testdata/phieu and how each
// is made.
var PhieuFiles = map[string]ScoreSheetOptions{
	"phieu-trong.xlsx":       {Upper: true},
	"phieu-cham.xlsx":        {Filled: true, Upper: true},
	"phieu-chi-bo-cham.xlsx": {Filled: true},
	"phieu-tong-sai.xlsx":    {Filled: true, BadTotal: "T4"},
	"phieu-khong-ngay.xlsx":  {Filled: true, UnknownDate: true},
	"phieu-2025.xlsx":        {Filled: true, Published2025: true},
	// Published layouts (issue 17).
	"phieu-hd12.xlsx":              {Layout: LayoutHD12},
	"phieu-hd12-khong-don-vi.xlsx": {Layout: LayoutHD12, NoUnitsSheet: true},
	"phieu-8-nhom.xlsx":            {Layout: LayoutAnPhu},
	"tong-hop-2024.xlsx":           {Layout: LayoutSummary},
	"bon-tot-2024.xlsx":            {Layout: LayoutBonTot},
}

// TestPhieuIsCommitted: the score-sheet workbooks in testdata are what the
// generator writes (go test ./internal/gen -run Phieu -update-phieu).
func TestPhieuIsCommitted(t *testing.T) {
	for name, o := range PhieuFiles {
		var b bytes.Buffer
		if err := WriteScoreSheets(&b, o); err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		if err := WriteScoreSheets(&again, o); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
			t.Fatalf("%s: not the same bytes twice (%v)", name, err)
		}
		path := filepath.Join("..", "..", "testdata", "phieu", name)
		if *updatePhieu {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		committed, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(committed, b.Bytes()) {
			t.Errorf("testdata/phieu/%s is stale: go test ./internal/gen -run Phieu -update-phieu (%v)", name, err)
		}
	}
}
