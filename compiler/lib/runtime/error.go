// Package runtime, as shipped with golift: the run-time errors and the functions that
// raise them. The mechanisms (panicking, deferring, recovering, interfaces, maps, memory)
// are in golift's Rust runtime; functions declared here without a body are implemented
// there.
package runtime

// Error identifies a run-time error: the value of a panic that the Go runtime raises
// (index out of range, nil dereference, failed type assertion, ...).
type Error interface {
	error
	// RuntimeError marks the error as a run-time error.
	RuntimeError()
}

// errorString is a run-time error with a fixed message ("runtime error: " + message).
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// plainError is a run-time error whose message has no "runtime error: " prefix, such as
// "assignment to entry in nil map".
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string {
	return string(e)
}

// A boundsError is an index or slice expression out of range: x is the offending index,
// y the length, capacity or other bound it was checked against.
type boundsError struct {
	x      int64
	y      int
	signed bool
	code   uint8
}

// The checks that can fail, in the order of boundsFormats.
const (
	boundsIndex      = iota // s[x], 0 <= x < len(s)
	boundsSliceAlen         // s[?:x], 0 <= x <= len(s)
	boundsSliceAcap         // s[?:x], 0 <= x <= cap(s)
	boundsSliceB            // s[x:y], 0 <= x <= y
	boundsSlice3Alen        // s[?:?:x], 0 <= x <= len(s)
	boundsSlice3Acap        // s[?:?:x], 0 <= x <= cap(s)
	boundsSlice3B           // s[?:x:y], 0 <= x <= y
	boundsSlice3C           // s[x:y:?], 0 <= x <= y
)

// The message of a failed check, with x in place of %x and y in place of %y; for a
// negative x, y does not matter.
func boundsFormat(code uint8, negative bool) string {
	if negative {
		switch code {
		case boundsIndex:
			return "index out of range [%x]"
		case boundsSliceAlen, boundsSliceAcap:
			return "slice bounds out of range [:%x]"
		case boundsSliceB:
			return "slice bounds out of range [%x:]"
		case boundsSlice3Alen, boundsSlice3Acap:
			return "slice bounds out of range [::%x]"
		case boundsSlice3B:
			return "slice bounds out of range [:%x:]"
		}
		return "slice bounds out of range [%x::]"
	}
	switch code {
	case boundsIndex:
		return "index out of range [%x] with length %y"
	case boundsSliceAlen:
		return "slice bounds out of range [:%x] with length %y"
	case boundsSliceAcap:
		return "slice bounds out of range [:%x] with capacity %y"
	case boundsSliceB:
		return "slice bounds out of range [%x:%y]"
	case boundsSlice3Alen:
		return "slice bounds out of range [::%x] with length %y"
	case boundsSlice3Acap:
		return "slice bounds out of range [::%x] with capacity %y"
	case boundsSlice3B:
		return "slice bounds out of range [:%x:%y]"
	}
	return "slice bounds out of range [%x:%y:]"
}

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string {
	format := boundsFormat(e.code, e.signed && e.x < 0)
	b := []byte("runtime error: ")
	for i := 0; i < len(format); i++ {
		if format[i] == '%' && i+1 < len(format) {
			i++
			if format[i] == 'x' {
				if e.signed {
					b = appendInt(b, e.x)
				} else {
					b = appendUint(b, uint64(e.x))
				}
			} else {
				b = appendInt(b, int64(e.y))
			}
			continue
		}
		b = append(b, format[i])
	}
	return string(b)
}

func appendUint(b []byte, v uint64) []byte {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

func appendInt(b []byte, v int64) []byte {
	if v < 0 {
		return appendUint(append(b, '-'), uint64(-v))
	}
	return appendUint(b, uint64(v))
}

// A TypeAssertionError explains a failed type assertion. The types are descriptors
// (0 when absent: a nil interface, or an assertion from an unknown interface type).
type TypeAssertionError struct {
	_interface    uintptr
	concrete      uintptr
	asserted      uintptr
	missingMethod string // the first method the concrete type lacks
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	inter := "interface"
	if e._interface != 0 {
		inter = typestring(e._interface)
	}
	as := typestring(e.asserted)
	if e.concrete == 0 {
		return "interface conversion: " + inter + " is nil, not " + as
	}
	cs := typestring(e.concrete)
	if e.missingMethod == "" {
		msg := "interface conversion: " + inter + " is " + cs + ", not " + as
		if cs == as {
			// Two different types with one name.
			msg += " (types from different scopes)"
		}
		return msg
	}
	return "interface conversion: " + cs + " is not " + as + ": missing method " + e.missingMethod
}

// typestring is the name of the type with descriptor t, as Go prints it.
func typestring(t uintptr) string
