//go:build !windows

package main

import (
	"errors"
	"os/exec"
	"runtime"
)

// ownConsole is false outside Windows: a terminal always runs a shell, and
// a program started from a file manager has no window to keep open.
func ownConsole() bool { return false }

// openFile opens path with the desktop's default program.
func openFile(path string) error {
	switch runtime.GOOS {
	case "darwin":
		return exec.Command("open", path).Start()
	case "linux", "freebsd", "openbsd", "netbsd":
		return exec.Command("xdg-open", path).Start()
	}
	return errors.New("không biết chương trình mặc định trên hệ điều hành này")
}
