package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableColor turns on ANSI escape handling in a Windows console (Windows 10
// and later), which is off by default; where it cannot be turned on — an
// older console — colour is left off rather than printing escape codes.
func enableColor(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
