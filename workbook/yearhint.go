package workbook

import (
	"path/filepath"
	"strconv"
	"strings"
)

// YearHint is the year the workbooks are most likely about, before any row
// is read: for each workbook, the one year its name (or folder) writes,
// else the year it was last saved in; the year most workbooks point to,
// the later on a tie. False when none says.
//
// It is a guess and only a guess: the evaluation year is always the one
// the rows give (SPEC §3). The command reads under the rules of the year
// it guesses and reads again when the rows turn out to be of a year under
// other rules, so a right guess saves that second read (a 2024 workbook
// evaluated in 2026 was read twice) and a wrong one costs no more than no
// guess. The workbooks it opens stay in bs for the read.
func (bs *Books) YearHint(in *Inputs, password string) (int, bool) {
	years := make([]int, len(in.Files))
	_ = forEachFile(len(in.Files), func(i int) error {
		f := in.Files[i]
		if y, ok := yearInName(f.Name); ok {
			years[i] = y
			return nil
		}
		// A workbook that does not open says nothing here: the read
		// opens it again and says why.
		b, err := bs.open(f.Path, password)
		if err != nil {
			return nil
		}
		if b.scan != nil {
			if t, ok := b.scan.Modified(); ok {
				years[i] = t.Year()
			}
		}
		if bs == nil {
			b.Close()
		}
		return nil
	})
	votes := map[int]int{}
	for _, y := range years {
		if y != 0 {
			votes[y]++
		}
	}
	return mostVoted(votes)
}

// yearInName is the one year a file's name and folders write ("khoi-2024",
// "2024/chi-bo-a"): a run of four digits from 1900 to 2099 standing apart
// from other digits. False when they write none, or several
// ("bao-cao-2025-ve-nam-2024").
func yearInName(name string) (int, bool) {
	name = strings.TrimSuffix(name, filepath.Ext(name))
	year := 0
	for _, run := range strings.FieldsFunc(name, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(run) != 4 || (run[:2] != "19" && run[:2] != "20") {
			continue
		}
		y, _ := strconv.Atoi(run)
		if year != 0 && y != year {
			return 0, false
		}
		year = y
	}
	return year, year != 0
}
