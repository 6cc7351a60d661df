// Package syscall, as shipped with golift: only Errno, the error number an operating
// system call failed with. Its text and its class (does it mean "does not exist"?) depend
// on the operating system and come from the runtime's OS layer (runtime/src/os/).
package syscall

import "internal/oserror"

// An Errno is an operating system error number (errno on Unix, GetLastError on Windows).
type Errno uintptr

func errstr(e int) string

// errclass: 1 for "does not exist", 2 for "already exists", 3 for "permission denied".
func errclass(e int) int

func (e Errno) Error() string { return errstr(int(e)) }

// Is lets errors.Is(err, fs.ErrNotExist) and its kind see through an Errno.
func (e Errno) Is(target error) bool {
	switch target {
	case oserror.ErrNotExist:
		return errclass(int(e)) == 1
	case oserror.ErrExist:
		return errclass(int(e)) == 2
	case oserror.ErrPermission:
		return errclass(int(e)) == 3
	}
	return false
}
