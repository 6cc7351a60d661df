// valueCtx: a Context carrying one key-value pair; the lookup of values along a chain of
// contexts; and the names that the contexts' String methods print.
package context

import "internal/reflectlite"

// A valueCtx carries one key-value pair and delegates everything else to its parent.
type valueCtx struct {
	Context
	key, val any
}

// WithValue returns a copy of parent in which Value(key) is val. key must be comparable
// and should be of a type of the caller's own (not string or another built-in type), so
// that packages using contexts cannot collide. Values are for request-scoped data that
// crosses APIs and goroutines, not for passing optional parameters.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	// Value compares keys with ==, which would panic for a key of a slice, map or func
	// type; reject such a key now, where the mistake is made.
	if !reflectlite.TypeOf(key).Comparable() {
		panic("key is not comparable")
	}
	return &valueCtx{parent, key, val}
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return value(c.Context, key)
}

// value looks key up from c towards the root. A chain of this package's contexts is
// walked in a loop, not by each Value calling its parent's, so a deep chain costs no
// stack; a context of another type is asked through its own Value method.
func value(c Context, key any) any {
	for {
		switch ctx := c.(type) {
		case *valueCtx:
			if key == ctx.key {
				return ctx.val
			}
			c = ctx.Context
		case *cancelCtx:
			if key == &cancelCtxKey {
				return ctx
			}
			c = ctx.Context
		case *timerCtx:
			if key == &cancelCtxKey {
				return &ctx.cancelCtx
			}
			c = ctx.Context
		case *emptyCtx:
			return nil
		default:
			return c.Value(key)
		}
	}
}

// A stringer is what fmt calls for %v; here it names contexts and values.
type stringer interface {
	String() string
}

// contextName names a context for the String methods: its own String if it has one, or
// else its dynamic type ("*main.myCtx"), read from the type descriptor by reflectlite.
func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return reflectlite.TypeOf(c).String()
}

// stringify shows a value inside a context's String: without fmt (which the context
// package does not import), only strings and Stringers can be shown.
func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	}
	return "<not Stringer>"
}

// String: "context.Background.WithValue(type main.key, val hello)".
func (c *valueCtx) String() string {
	return contextName(c.Context) + ".WithValue(type " +
		reflectlite.TypeOf(c.key).String() + ", val " + stringify(c.val) + ")"
}
