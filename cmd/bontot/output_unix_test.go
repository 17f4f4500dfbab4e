//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// nonRegularOutputs are -o targets a Unix system offers that are no
// regular file: a device, a FIFO, a link into /proc; each with what the
// refusal says.
func nonRegularOutputs(t *testing.T, dir string) [][2]string {
	out := [][2]string{}
	if _, err := os.Stat("/dev/null"); err == nil {
		out = append(out, [2]string{"/dev/null", "là một thiết bị"})
	}
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		out = append(out, [2]string{fifo, "là một FIFO"})
	}
	if _, err := os.Stat("/proc/self/status"); err == nil {
		link := filepath.Join(dir, "proc.json")
		if err := os.Symlink("/proc/self/status", link); err == nil {
			out = append(out, [2]string{link, "là một liên kết"})
		}
	}
	return out
}

// nonRegularInputs are files that reading would block on or never finish.
func nonRegularInputs(t *testing.T, dir string) []string {
	var out []string
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		out = append(out, fifo)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		out = append(out, "/dev/zero")
	}
	return out
}
