// The generator writes input workbooks in the layout of SPEC §3: the
// hand-crafted example of testdata/ and large, realistic, deterministic
// workbooks for benchmarks (bloc, province and max scales).
//
// The example is written with excelize; the large scales with a small
// streaming SpreadsheetML writer that stores strings as shared strings
// (t="s" cells and xl/sharedStrings.xml) as Excel saves them, and keeps
// memory bounded whatever the scale.

package workbooktest

import (
	"fmt"
	"io"
	"strings"
)

// Scale selects what Write generates.
type Scale int

// The scales. Row counts are approximate (Sinh hoạt / Đảng viên).
const (
	// ScaleExample is the hand-crafted bloc of testdata/khoi-2024.xlsx.
	ScaleExample Scale = iota
	// ScaleBloc is one Đảng ủy Khối: ~13k meetings, ~12.5k members, ~1.2 MB.
	ScaleBloc
	// ScaleProvince is a whole province: ~134k meetings, ~126k members, ~12 MB.
	ScaleProvince
	// ScaleMax is the stress test: ~980k meetings, ~976k members, ~92 MB.
	ScaleMax
	// ScaleExample2025 is the hand-crafted bloc of
	// testdata/khoi-2024-quy-tac-2025.xlsx, for the 2025 rules: the 2024
	// data with a Lịch sử sheet.
	ScaleExample2025
	// ScaleProvinceProblems is the province with many more flaws (Config.Trouble):
	// ~30k data problems and ~45k checks not met, where the province has
	// ~3k and ~7k; the shape of the Excel report's worst case.
	ScaleProvinceProblems
)

var scaleNames = [...]string{"example", "bloc", "province", "max", "example-2025", "province-problems"}

// String is the scale's name as ParseScale accepts it.
func (s Scale) String() string {
	if s < 0 || int(s) >= len(scaleNames) {
		return fmt.Sprintf("Scale(%d)", int(s))
	}
	return scaleNames[s]
}

// ParseScale reads a scale name: example, bloc, province, max,
// example-2025 or province-problems.
func ParseScale(name string) (Scale, error) {
	for i, n := range scaleNames {
		if strings.EqualFold(strings.TrimSpace(name), n) {
			return Scale(i), nil
		}
	}
	return 0, fmt.Errorf("unknown scale %q (want %s)", name, strings.Join(scaleNames[:], ", "))
}

// Year is the evaluation year of every generated workbook.
const Year = 2024

// Write generates the workbook of the given scale into w. The output is a
// pure function of scale and seed: the same arguments give the same bytes.
// The example ignores the seed: it is hand-crafted and always the same.
func Write(w io.Writer, scale Scale, seed uint64) error {
	switch scale {
	case ScaleExample:
		return writeExample(w)
	case ScaleExample2025:
		return writeExample2025(w)
	case ScaleBloc, ScaleProvince, ScaleMax, ScaleProvinceProblems:
		_, err := WriteConfig(w, ConfigFor(scale), seed)
		return err
	}
	return fmt.Errorf("unknown scale %d", int(scale))
}
