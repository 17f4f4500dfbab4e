//go:build !windows

package main

import "os"

// enableColor reports whether f can show ANSI colours; terminals outside
// Windows always can.
func enableColor(*os.File) bool { return true }

// legacyConsole reports whether f is a console that cannot show ✓ and ✗;
// terminals outside Windows use Unicode fonts.
func legacyConsole(*os.File) bool { return false }
