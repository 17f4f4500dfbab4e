//go:build !windows

package syserr

// platformCauses: on Unix the syscall package's E… constants in causes
// are the system's own numbers; nothing more is needed.
var platformCauses []cause

// deniedReplaceMeansInUse: a Unix system lets a program replace a file
// another one holds open, so a refusal there is a real permission problem.
var deniedReplaceMeansInUse = false
