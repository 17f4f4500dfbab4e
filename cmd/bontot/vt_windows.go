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

// legacyConsole reports whether f is a console whose code page is not
// UTF-8 outside Windows Terminal: conhost's default fonts (Consolas, Lucida
// Console, raster fonts) have no ✓ or ✗, which then show as boxes. Windows
// Terminal (WT_SESSION set) draws them whatever the code page.
func legacyConsole(f *os.File) bool {
	var mode uint32
	if windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) != nil {
		return false // not a console: a file or pipe takes UTF-8
	}
	if os.Getenv("WT_SESSION") != "" {
		return false
	}
	cp, err := windows.GetConsoleOutputCP()
	return err != nil || cp != cpUTF8
}

// cpUTF8 is the UTF-8 code page (CP_UTF8), which x/sys does not name.
const cpUTF8 = 65001
