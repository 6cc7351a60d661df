// Value: an atomically loaded and stored value of any (but always the same) type.
package atomic

import "internal/reflectlite"

// A Value provides an atomic load and store of a value. The zero Value returns nil from
// Load. Once Store has been called, every later Store, Swap or CompareAndSwap must use a
// value of the same concrete type, or it panics. A Value must not be copied after first
// use.
//
// gc keeps the interface's two words (type, data) and writes them with the atomic pointer
// operations. golift keeps the value as an interface and, beside it, its type, found once
// per call by internal/reflectlite before the state is touched: so each method's check and
// update are one uninterrupted step with one P (doc.go).
type Value struct {
	v   any
	typ reflectlite.Type // the concrete type of v; no type before the first Store
}

// noType is the Type of nil: the type of an empty Value. (Comparing with it, rather than
// calling Type.IsNil, keeps the check and the update free of calls, hence uninterrupted.)
var noType reflectlite.Type

// Load returns the value set by the most recent Store, or nil if there was none.
func (v *Value) Load() (val any) {
	return v.v
}

// Store sets the value of the Value to val. Store(nil) panics, as does storing a value of
// another concrete type than the first one stored.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	t := reflectlite.TypeOf(val)
	if v.typ != noType && v.typ != t {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	v.v = val
	v.typ = t
}

// Swap stores new into the Value and returns the previous value, or nil if it was empty.
// It panics as Store does.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	t := reflectlite.TypeOf(new)
	if v.typ != noType && v.typ != t {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	old = v.v
	v.v = new
	v.typ = t
	return old
}

// CompareAndSwap stores new into the Value if it holds old (compared with ==, so a value
// of an uncomparable type panics, as in gc), and reports whether it did. An empty Value
// holds nil. new must not be nil, and old, unless nil, must have new's type.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	t := reflectlite.TypeOf(new)
	if old != nil && reflectlite.TypeOf(old) != t {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	if v.typ == noType {
		if old != nil {
			return false
		}
		v.v = new
		v.typ = t
		return true
	}
	if v.typ != t {
		panic("sync/atomic: compare and swap of inconsistently typed value into Value")
	}
	if v.v != old {
		return false
	}
	v.v = new
	return true
}
