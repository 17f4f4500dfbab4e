package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/term"
)

// terminalWidth is the width the terminal report is laid out for: the
// terminal's own when stdout is one, else $COLUMNS (a shell or script may
// say how wide the reader's window is), else 0, which the report takes as
// 80 columns.
func terminalWidth(f *os.File, tty bool, getenv func(string) string) int {
	if tty {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return columnsEnv(getenv)
}

// columnsEnv reads $COLUMNS; anything but a positive number is ignored.
func columnsEnv(getenv func(string) string) int {
	w, err := strconv.Atoi(strings.TrimSpace(getenv("COLUMNS")))
	if err != nil || w <= 0 {
		return 0
	}
	return w
}

// phaseDelay is how long a step runs before its status line appears: a
// quick run should print nothing at all.
const phaseDelay = 300 * time.Millisecond

// startPhase shows "label… 3 giây" on stderr, redrawn every few tenths of
// a second, while a step without a progress count runs (evaluating a
// province, writing its Excel report), so that the screen never sits
// blank for seconds. Only on a terminal; the returned function clears the
// line and must be called before anything else is written to stderr.
func startPhase(s streams, label string) (stop func()) {
	if !s.ErrTTY {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	start := time.Now()
	go func() {
		defer wg.Done()
		width := 0
		timer := time.NewTimer(phaseDelay)
		defer timer.Stop()
		for {
			select {
			case <-done:
				if width > 0 {
					// Spaces, not an erase sequence: a legacy Windows
					// console shows escape codes as text.
					fmt.Fprint(s.Err, "\r"+strings.Repeat(" ", width)+"\r")
				}
				return
			case <-timer.C:
				line := phaseLine(label, time.Since(start))
				fmt.Fprint(s.Err, "\r"+line+strings.Repeat(" ", max(0, width-utf8.RuneCountInString(line))))
				width = max(width, utf8.RuneCountInString(line))
				timer.Reset(250 * time.Millisecond)
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
		})
	}
}

// phaseLine is the status line of a step that has run for d.
func phaseLine(label string, d time.Duration) string {
	return fmt.Sprintf("%s… %d giây", label, int(d.Seconds()))
}
