// Package context, as shipped with golift: a Context carries a deadline, a cancellation
// signal and request-scoped values across API boundaries and between goroutines.
//
// Contexts form a tree. Background (or TODO) is the root; WithCancel, WithDeadline,
// WithTimeout and WithValue each make a child of an existing Context. Cancelling a
// Context (calling its CancelFunc, or reaching its deadline) closes its Done channel and
// cancels every Context derived from it; the parent is not affected.
//
// The files: context.go (the interface, the two errors and the empty roots), cancel.go
// (cancelCtx and how cancellation reaches children), deadline.go (timerCtx: a cancelCtx
// with a timer), value.go (valueCtx, the lookup of values, and the String forms).
//
// On golift's one P, a goroutine is interrupted only where it calls a Go function, loops
// or blocks; the package still guards each cancelCtx with a sync.Mutex, as a multi-P
// runtime will need, and never holds two of these mutexes at once (so two contexts can
// never wait for each other).
package context

import (
	"errors"
	"time"
)

// A Context carries a deadline, a cancellation signal, and other values across API
// boundaries. Its methods may be called by several goroutines at once.
type Context interface {
	// Deadline returns the time when work done for this context should be cancelled, and
	// ok == false when there is no deadline.
	Deadline() (deadline time.Time, ok bool)

	// Done returns a channel that is closed when work done for this context should be
	// cancelled, or nil if this context can never be cancelled. Successive calls return
	// the same channel.
	Done() <-chan struct{}

	// Err returns nil while Done is not closed; afterwards, Canceled if the context was
	// cancelled or DeadlineExceeded if its deadline passed. It does not change afterwards.
	Err() error

	// Value returns the value associated with key in this context, or nil.
	Value(key any) any
}

// Canceled is the error returned by Context.Err when the context is cancelled.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the error returned by Context.Err when the context's deadline
// passes. It is a value of a struct type with Timeout and Temporary methods (both true),
// which is how packages such as net recognise a timeout.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

// An emptyCtx is never cancelled, has no values and no deadline. It is a distinct
// pointer type (not struct{}) so that Background and TODO are two different addresses,
// which String tells apart.
type emptyCtx int

func (*emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (*emptyCtx) Done() <-chan struct{}                   { return nil }
func (*emptyCtx) Err() error                              { return nil }
func (*emptyCtx) Value(key any) any                       { return nil }

func (e *emptyCtx) String() string {
	if e == background {
		return "context.Background"
	}
	if e == todo {
		return "context.TODO"
	}
	return "unknown empty Context"
}

var (
	background = new(emptyCtx)
	todo       = new(emptyCtx)
)

// Background returns a non-nil, empty Context: never cancelled, no values, no deadline.
// It is the root of the contexts made by main, initialisation and tests.
func Background() Context {
	return background
}

// TODO returns a non-nil, empty Context, like Background. Code uses it where it is not
// yet clear which Context to use.
func TODO() Context {
	return todo
}

// A CancelFunc tells an operation to abandon its work. It does not wait for the work to
// stop. It may be called by several goroutines at once; calls after the first do nothing.
type CancelFunc func()
