package syserr

import "golang.org/x/sys/windows"

// platformCauses are Windows' own error numbers for the causes that the
// syscall package's E… constants name only on Unix: Go maps access denied
// and not found to fs.ErrPermission and fs.ErrNotExist, but not these.
var platformCauses = []cause{
	// A file open in Excel cannot be opened for writing, nor replaced.
	{windows.ERROR_SHARING_VIOLATION, msgInUse},
	{windows.ERROR_LOCK_VIOLATION, msgInUse},
	{windows.ERROR_DISK_FULL, msgDiskFull},
	{windows.ERROR_HANDLE_DISK_FULL, msgDiskFull},
	{windows.ERROR_WRITE_PROTECT, msgReadOnly},
	{windows.ERROR_FILENAME_EXCED_RANGE, msgNameTooLong},
	{windows.ERROR_CANT_RESOLVE_FILENAME, msgLoop},
}

// deniedReplaceMeansInUse: see replaceRefused.
var deniedReplaceMeansInUse = true
