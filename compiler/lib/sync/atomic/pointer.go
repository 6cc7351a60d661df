// Pointer[T]: Go 1.19's generic atomic pointer.
package atomic

// A Pointer is an atomic pointer of type *T. The zero value is a nil *T.
//
// gc keeps an unsafe.Pointer and uses the atomic pointer operations (with the write barrier
// the collector needs). golift keeps the *T itself: with one P, each method below is one
// uninterrupted step (doc.go), and the collector sees an ordinary pointer field.
type Pointer[T any] struct {
	// A Pointer[T] must not convert to a Pointer[U]: the zero-length array of *T makes
	// the two struct types differ (as in gc).
	_ [0]*T
	v *T
}

// Load atomically loads and returns the value stored in x.
func (x *Pointer[T]) Load() *T { return x.v }

// Store atomically stores val into x.
func (x *Pointer[T]) Store(val *T) { x.v = val }

// Swap atomically stores new into x and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	old = x.v
	x.v = new
	return old
}

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	if x.v != old {
		return false
	}
	x.v = new
	return true
}
