package workbooktest

import (
	"io"
	"testing"
)

// PhieuFiles are the score-sheet workbooks of testdata/phieu and how each
// is made.
var PhieuFiles = map[string]ScoreSheetOptions{
	"phieu-trong.xlsx":       {Upper: true},
	"phieu-cham.xlsx":        {Filled: true, Upper: true},
	"phieu-chi-bo-cham.xlsx": {Filled: true},
	"phieu-tong-sai.xlsx":    {Filled: true, BadTotal: "T4"},
	"phieu-khong-ngay.xlsx":  {Filled: true, UnknownDate: true},
	"phieu-2025.xlsx":        {Filled: true, Published2025: true},
	// Published layouts (FORMS.md items 1, 2, 3 and 10).
	"phieu-hd12.xlsx":              {Layout: LayoutHD12},
	"phieu-hd12-khong-don-vi.xlsx": {Layout: LayoutHD12, NoUnitsSheet: true},
	"phieu-8-nhom.xlsx":            {Layout: LayoutAnPhu},
	"tong-hop-2024.xlsx":           {Layout: LayoutSummary},
	"bon-tot-2024.xlsx":            {Layout: LayoutBonTot},
}

// TestPhieuIsCommitted: the score-sheet workbooks in testdata are what the
// generator writes (go test ./workbook/workbooktest -run Phieu -update).
func TestPhieuIsCommitted(t *testing.T) {
	for name, o := range PhieuFiles {
		committed(t, "phieu/"+name, func(w io.Writer) error { return WriteScoreSheets(w, o) })
	}
}
