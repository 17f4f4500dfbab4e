package annotate

import (
	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/internal/xlsxout"
)

// look is how a level marks a cell. The fills differ in lightness as well as
// hue and each level has its own border style, so that a copy printed in
// grey still tells them apart; all are light enough for black text to stay
// legible on them. Every border has its colour (STYLE.md: openpyxl refuses
// a border without one).
type look struct {
	fill   string // RGB hex
	border int    // excelize border style: 5 thick, 2 medium, 3 dashed, 8 medium dashed, 4 dotted
	color  string
}

var looks = [...]look{
	LevelWarning: {fill: "FFF2CC", border: 4, color: "7F6000"},
	LevelToDo:    {fill: "DDEBF7", border: 8, color: "1F4E79"},
	LevelMissing: {fill: "FFD966", border: 3, color: "7F6000"},
	LevelNotMet:  {fill: "F4B183", border: 2, color: "C00000"},
	LevelError:   {fill: "E88F8F", border: 5, color: "7B0000"},
}

// marker makes, once per original style and level, the style of a marked
// cell: the original's number format, font, alignment and protection with
// the level's fill and border, so that a date stays a date.
type marker struct {
	f     *excelize.File
	cache map[[2]int]int
}

func newMarker(f *excelize.File) *marker { return &marker{f: f, cache: map[[2]int]int{}} }

func (m *marker) style(orig int, lv Level) (int, error) {
	key := [2]int{orig, int(lv)}
	if id, ok := m.cache[key]; ok {
		return id, nil
	}
	st, err := m.f.GetStyle(orig)
	if err != nil || st == nil {
		st = &excelize.Style{}
	}
	lk := looks[lv]
	st.Fill = xlsxout.SolidFill(lk.fill)
	st.Border = xlsxout.Borders(lk.border, lk.color)
	id, err := m.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	m.cache[key] = id
	return id, nil
}
