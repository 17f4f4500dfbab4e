// Command bontot evaluates the "chi bộ bốn tốt" / "đảng bộ cơ sở bốn tốt"
// model from the Excel workbooks party cells keep.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	tuneMemory()
	os.Exit(runMain())
}

// runMain runs the command line with a context that Ctrl+C, SIGTERM or
// SIGHUP (the terminal or SSH session closed) cancels, so that an
// interrupted run removes its temporary files (its own and excelize's) on
// the way out instead of dying with them on disk.
// A second signal is not caught: it ends the process at once, as users
// expect of a second Ctrl+C.
func runMain() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	args := os.Args[1:]
	// Only a console of its own (Windows, started from Explorer) can mean
	// a double-click or a drop; elsewhere the command line is as typed.
	if ownConsole() {
		if how := launchKind(args, true, pathExists, commandNames()); how != launchCLI {
			return runExplorer(ctx, how, args, systemStreams())
		}
	}
	return runContext(ctx, args, systemStreams())
}
