package fmt

import "errors"

// Errorf formats like Sprintf and returns the text as an error. If the format has a %w
// verb with an error operand, the error returned wraps that operand: errors.Unwrap gives
// it back, and errors.Is and errors.As look through it. A second %w, or a %w whose operand
// is not an error, prints as %!w(...).
func Errorf(format string, a ...any) error {
	p := newPrinter()
	p.wrapErrs = true
	p.doPrintf(format, a)
	s := string(p.buf)
	wrapped := p.wrappedErr
	p.free()
	if wrapped == nil {
		return errors.New(s)
	}
	return &wrapError{s, wrapped}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }
