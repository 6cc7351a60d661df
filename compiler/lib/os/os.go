// Package os, as shipped with golift: the part of Go's os package that golift supports so
// far: the command line, the environment, exiting, the standard streams, and reading,
// writing, creating and removing files. Functions declared without a body are implemented
// by the golift runtime (runtime/src/start.rs, runtime/src/files.rs), on top of its OS layer
// (runtime/src/os/), which returns errors as OS error numbers (syscall.Errno).
package os

import (
	"io"
	"io/fs"
	"syscall"
)

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	n := argCount()
	Args = make([]string, n)
	for i := 0; i < n; i++ {
		Args[i] = argAt(i)
	}
}

func argCount() int
func argAt(i int) string

// Exit causes the current program to exit with the given status code. Deferred functions
// are not run.
func Exit(code int)

func envCount() int
func envAt(i int) string
func sysOpen(path string, flag int, perm uint32) (fd int, errno int)
func sysRead(fd int, b []byte) (n int, errno int)
func sysWrite(fd int, b []byte) (n int, errno int)
func sysClose(fd int) (errno int)
func sysRemove(path string) (errno int)

// Environ returns a copy of the environment, as "key=value" strings.
func Environ() []string {
	n := envCount()
	env := make([]string, n)
	for i := 0; i < n; i++ {
		env[i] = envAt(i)
	}
	return env
}

// LookupEnv returns the value of the environment variable key and whether it is set.
func LookupEnv(key string) (string, bool) {
	n := envCount()
	for i := 0; i < n; i++ {
		kv := envAt(i)
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:], true
		}
	}
	return "", false
}

// Getenv returns the value of the environment variable key, or "" if it is not set.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// The errors that os functions wrap; test for them with errors.Is (or IsNotExist, ...).
var (
	ErrInvalid    = fs.ErrInvalid    // "invalid argument"
	ErrPermission = fs.ErrPermission // "permission denied"
	ErrExist      = fs.ErrExist      // "file already exists"
	ErrNotExist   = fs.ErrNotExist   // "file does not exist"
	ErrClosed     = fs.ErrClosed     // "file already closed"
)

// Flags for OpenFile (one of the first three, or-ed with any of the others).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// A FileMode holds a file's mode and permission bits (0644, ...).
type FileMode = fs.FileMode

// ModePerm is the mask of the permission bits; ModeDir marks a directory.
const (
	ModePerm = fs.ModePerm
	ModeDir  = fs.ModeDir
)

// A File is an open file.
type File struct {
	fd     int
	name   string
	closed bool
}

// Stdin, Stdout and Stderr are the standard input, output and error.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// NewFile returns a File for the file descriptor fd.
func NewFile(fd uintptr, name string) *File {
	return &File{fd: int(fd), name: name}
}

// Name returns the name of the file as it was given.
func (f *File) Name() string { return f.name }

// Fd returns the file's descriptor.
func (f *File) Fd() uintptr { return uintptr(f.fd) }

// Write writes b to the file; it returns the number of bytes written and an error, if any.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.closed {
		return 0, &PathError{Op: "write", Path: f.name, Err: ErrClosed}
	}
	n, e := sysWrite(f.fd, b)
	if e != 0 {
		return n, &PathError{Op: "write", Path: f.name, Err: syscall.Errno(e)}
	}
	return n, nil
}

// WriteString is Write of the bytes of s.
//
// Not inlined: gc's WriteString is too big to inline, and callers see gc's decisions.
//
//go:noinline
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Read reads up to len(b) bytes; at the end of the input it returns 0 and io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.closed {
		return 0, &PathError{Op: "read", Path: f.name, Err: ErrClosed}
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, e := sysRead(f.fd, b)
	if e != 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: syscall.Errno(e)}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Close closes the file.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	return f.close()
}

// close is Close of a File that is not nil: apart, so that Close is small enough to be
// inlined (as gc's is).
func (f *File) close() error {
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if e := sysClose(f.fd); e != 0 {
		return &PathError{Op: "close", Path: f.name, Err: syscall.Errno(e)}
	}
	return nil
}

// OpenFile opens the named file with the flags (O_RDONLY, ...) and, if it creates the
// file, the permission bits perm.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, e := sysOpen(name, flag, uint32(perm&ModePerm))
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: syscall.Errno(e)}
	}
	return &File{fd: fd, name: name}, nil
}

// Open opens the named file for reading.
func Open(name string) (*File, error) {
	return OpenFile(name, O_RDONLY, 0)
}

// Create creates or truncates the named file (mode 0666 before the umask) for reading and
// writing.
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// ReadFile reads the whole named file. Reaching the end is not an error.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// WriteFile writes data to the named file, creating it with permission bits perm if
// needed, truncating it otherwise.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// Remove removes the named file or empty directory.
func Remove(name string) error {
	if e := sysRemove(name); e != 0 {
		return &PathError{Op: "remove", Path: name, Err: syscall.Errno(e)}
	}
	return nil
}

// underlyingError returns the error a PathError wraps, or err itself.
func underlyingError(err error) error {
	if pe, ok := err.(*PathError); ok {
		return pe.Err
	}
	return err
}

func underlyingErrorIs(err, target error) bool {
	err = underlyingError(err)
	if err == target {
		return true
	}
	e, ok := err.(syscall.Errno)
	return ok && e.Is(target)
}

// IsNotExist reports whether err says that a file does not exist.
func IsNotExist(err error) bool { return underlyingErrorIs(err, ErrNotExist) }

// IsExist reports whether err says that a file already exists.
func IsExist(err error) bool { return underlyingErrorIs(err, ErrExist) }

// IsPermission reports whether err says that permission was denied.
func IsPermission(err error) bool { return underlyingErrorIs(err, ErrPermission) }

// PathError records an error and the operation and file path that caused it.
type PathError = fs.PathError
