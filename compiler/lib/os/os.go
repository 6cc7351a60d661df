// Package os, as shipped with golift: the part of Go's os package that golift supports so
// far: the command line, the environment, exiting, and the standard input, output and error
// as files. Functions declared without a body are implemented by the golift runtime
// (runtime/src/start.rs), on top of its OS layer (runtime/src/os/).
package os

import (
	"errors"
	"io"
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
func sysWrite(fd int, b []byte) int
func sysRead(fd int, b []byte) int

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

// ErrClosed is returned by operations on a closed file.
var ErrClosed = errors.New("file already closed")

// A File is an open file. So far golift's files are the standard ones.
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
	return sysWrite(f.fd, b), nil
}

// WriteString is Write of the bytes of s.
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
	n = sysRead(f.fd, b)
	if n < 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: errors.New("input/output error")}
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
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	return nil
}

// ErrInvalid is returned for an invalid argument, such as a nil *File.
var ErrInvalid = errors.New("invalid argument")

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }
