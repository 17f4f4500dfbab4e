package workbooktest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// FolderConfig is the folder scale: the workbooks a Ban Tổ
// chức receives from its units, 100 đảng bộ cơ sở (each with its chi bộ
// trực thuộc) and 300 chi bộ cơ sở, so 400 one-unit workbooks. The same
// data also goes in one workbook (WriteConfig with this configuration and
// seed), so that reading the folder can be compared with reading the one
// workbook.
func FolderConfig() Config {
	return Config{Grassroots: 100, SubCells: [2]int{3, 12}, Cells: 300, Members: [2]int{8, 24}, Thematic: [2]int{4, 5}, PerCluster: 8}
}

// WriteFolder writes the units of the configuration as one workbook per
// unit of the top level: a đảng bộ cơ sở with its chi bộ trực thuộc, or a
// chi bộ cơ sở, each named by its code. The rows are those WriteConfig
// writes for the same configuration and seed, unit by unit (every unit
// draws its rows from its own generator), so the folder and the one
// workbook hold the same data. create opens the file of one workbook;
// WriteFolder closes it. It returns the number of files and the data rows
// written per sheet, over all files.
func WriteFolder(cfg Config, seed uint64, create func(name string) (io.WriteCloser, error)) (int, Stats, error) {
	plans := synthPlans(cfg, seed)
	var groups [][]*unitPlan
	at := map[string]int{}
	for _, p := range plans {
		if p.parent != "" {
			if g, ok := at[p.parent]; ok {
				groups[g] = append(groups[g], p)
				continue
			}
		}
		at[p.code] = len(groups)
		groups = append(groups, []*unitPlan{p})
	}
	total := Stats{}
	for _, g := range groups {
		f, err := create(g[0].code + ".xlsx")
		if err != nil {
			return 0, nil, err
		}
		stats, err := writeBook(newStreamSink(f), g, seed)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return 0, nil, fmt.Errorf("%s: %w", g[0].code, err)
		}
		for k, n := range stats {
			total[k] += n
		}
	}
	return len(groups), total, nil
}

// CachedFolder returns the folder scale of the seed in the system temp
// folder, writing it on first use: the folder of one-unit workbooks and
// the one workbook holding the same data. Benchmarks share it so that a
// run measures reading, not generating.
func CachedFolder(seed uint64) (dir, one string, err error) {
	base := filepath.Join(os.TempDir(), fmt.Sprintf("bontot-bench-folder-%d", seed))
	dir, one = filepath.Join(base, "units"), filepath.Join(base, "one.xlsx")
	if _, err := os.Stat(one); err == nil {
		return dir, one, nil
	}
	// Build beside the target and rename, so that a run cut short leaves
	// no half-written folder for the next one to take.
	if err := os.MkdirAll(filepath.Dir(base), 0o755); err != nil {
		return "", "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(base), filepath.Base(base)+".tmp-*")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(tmp)
	if err := os.Mkdir(filepath.Join(tmp, "units"), 0o755); err != nil {
		return "", "", err
	}
	cfg := FolderConfig()
	if _, _, err := WriteFolder(cfg, seed, func(name string) (io.WriteCloser, error) {
		return os.Create(filepath.Join(tmp, "units", name))
	}); err != nil {
		return "", "", err
	}
	f, err := os.Create(filepath.Join(tmp, "one.xlsx"))
	if err != nil {
		return "", "", err
	}
	if _, err := WriteConfig(f, cfg, seed); err != nil {
		f.Close()
		return "", "", err
	}
	if err := f.Close(); err != nil {
		return "", "", err
	}
	if err := os.Rename(tmp, base); err != nil {
		if _, serr := os.Stat(one); serr == nil {
			return dir, one, nil // another run made it first
		}
		return "", "", err
	}
	return dir, one, nil
}
