// Package fs, as shipped with golift: the file system types that package os shares with
// Go's io/fs (PathError, FileMode and the common errors); os's names are aliases of these,
// so that %T prints *fs.PathError as with Go.
package fs

import "internal/oserror"

var (
	ErrInvalid    = oserror.ErrInvalid    // "invalid argument"
	ErrPermission = oserror.ErrPermission // "permission denied"
	ErrExist      = oserror.ErrExist      // "file already exists"
	ErrNotExist   = oserror.ErrNotExist   // "file does not exist"
	ErrClosed     = oserror.ErrClosed     // "file already closed"
)

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// A FileMode holds a file's mode and permission bits.
type FileMode uint32

// The mode bits golift knows (Go's have more kinds of file).
const (
	ModeDir  FileMode = 1 << (32 - 1 - 0)
	ModePerm FileMode = 0777
)

// IsDir reports whether m describes a directory.
func (m FileMode) IsDir() bool { return m&ModeDir != 0 }

// Perm returns the permission bits.
func (m FileMode) Perm() FileMode { return m & ModePerm }

// String returns the mode as ls prints it: "drwxr-xr-x", "-rw-r--r--".
func (m FileMode) String() string {
	var buf [10]byte
	buf[0] = '-'
	if m&ModeDir != 0 {
		buf[0] = 'd'
	}
	const rwx = "rwxrwxrwx"
	for i := 0; i < 9; i++ {
		if m&(1<<uint(8-i)) != 0 {
			buf[1+i] = rwx[i]
		} else {
			buf[1+i] = '-'
		}
	}
	return string(buf[:])
}
