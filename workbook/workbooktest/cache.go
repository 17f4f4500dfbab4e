package workbooktest

import (
	"fmt"
	"os"
	"path/filepath"
)

// CachedFile returns the path of a generated workbook of the given scale and
// seed in the system temp folder, writing it on first use. Benchmarks share
// it so that a run measures reading, not generating.
func CachedFile(scale Scale, seed uint64) (string, error) {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("bontot-bench-%s-%d.xlsx", scale, seed))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if err := Write(tmp, scale, seed); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(tmp.Name(), path)
}
