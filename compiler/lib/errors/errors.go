// Package errors, as shipped with golift: making errors, and walking the chain of errors
// that wrap one another (an error wraps another when it has a method `Unwrap() error`).
//
// Is and As need to know about types at run time (is a type comparable, can a value be
// stored in a variable of another type); the three functions without a body below ask the
// golift runtime, which reads the type descriptors (runtime/src/reflectlite.rs).
package errors

// New returns an error whose Error method returns text. Each call gives a distinct error,
// even for the same text: an errorString is compared by its address.
func New(text string) error {
	return &errorString{text}
}

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// Unwrap returns the error that err wraps, or nil if err has no Unwrap method.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether err or an error it wraps (following Unwrap) equals target, or has a
// method `Is(error) bool` that says it does.
func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	// A target of an uncomparable type is never equal to anything: comparing it would panic.
	canCompare := comparable(target)
	for {
		if canCompare && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		if err = Unwrap(err); err == nil {
			return false
		}
	}
}

// As finds the first error in err's chain that can be stored in *target, stores it there
// and returns true; an error with a method `As(any) bool` may also say that it matches.
// target must be a non-nil pointer to an interface type or to a type that implements error.
func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	switch checkTarget(target) {
	case 1:
		panic("errors: target must be a non-nil pointer")
	case 2:
		panic("errors: *target must be interface or implement error")
	}
	for err != nil {
		if storeIfAssignable(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}

// comparable reports whether the dynamic type of x supports ==.
func comparable(x error) bool

// checkTarget returns 0 if target is a non-nil pointer to an interface type or to a type
// that implements error, 1 if it is not a non-nil pointer, 2 otherwise.
func checkTarget(target any) int

// storeIfAssignable stores err's dynamic value in *target if it is assignable to target's
// element type (the same type, or an interface type that it implements).
func storeIfAssignable(err error, target any) bool
