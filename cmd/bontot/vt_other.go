//go:build !windows

package main

import "os"

// enableColor reports whether f can show ANSI colours; terminals outside
// Windows always can.
func enableColor(*os.File) bool { return true }
