package runtime

// The functions that compiled code calls when a check fails. Each raises a panic with a
// run-time error; panic itself is the Rust runtime's gopanic.

func panicIndex(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsIndex})
}

// s[:x] with x > len(s) for strings, and with x > cap(s) for slices and arrays.
func panicSlice_len(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSliceAlen})
}

func panicSlice_cap(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSliceAcap})
}

// s[x:y] with x > y.
func panicSlice_b(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSliceB})
}

// s[::x] with x > cap(s).
func panicSlice_3cap(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSlice3Acap})
}

// s[:x:y] with x > y.
func panicSlice_3b(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSlice3B})
}

func panicdivide() {
	panic(errorString("integer divide by zero"))
}

func panicshift() {
	panic(errorString("negative shift amount"))
}

// panicmem is a nil pointer dereference (the Rust runtime's panicnil marks it as coming
// from a memory fault, for the "[signal SIGSEGV ...]" line gc prints).
func panicmem() {
	panic(errorString("invalid memory address or nil pointer dereference"))
}

// panicwrap: a value method called through a nil pointer.
func panicwrap(msg string) {
	panic(plainError(msg))
}

// panicdottype: x.(T) failed; have is x's dynamic type, iface x's static type.
func panicdottype(have, want, iface uintptr) {
	panic(&TypeAssertionError{iface, have, want, ""})
}

// panicmissing: an assertion to an interface failed (want is the interface type).
func panicmissing(have, want uintptr, missing string) {
	panic(&TypeAssertionError{0, have, want, missing})
}

// panicErrorString and panicPlain raise the errors of the Rust runtime's checks.
func panicErrorString(s string) {
	panic(errorString(s))
}

func panicPlain(s string) {
	panic(plainError(s))
}

// panicSliceConvert: (*[y]T)(s) with len(s) == x < y.
func panicSliceConvert(x int, y int) {
	b := []byte("cannot convert slice with length ")
	b = appendInt(b, int64(x))
	b = append(b, " to pointer to array with length "...)
	b = appendInt(b, int64(y))
	panic(errorString(string(b)))
}

// panicunsafeslicelen and panicunsafeslicenilptr: unsafe.Slice(ptr, len) with a negative
// len, or a nil ptr and a len that is not zero.
func panicunsafeslicelen() {
	panic(errorString("unsafe.Slice: len out of range"))
}

func panicunsafeslicenilptr() {
	panic(errorString("unsafe.Slice: ptr is nil and len is not zero"))
}

// deadMethod stands in, in method tables and itabs, for the methods that type flow
// (compiler/src/ssa/typeflow.rs) found no interface call can reach, which are not compiled:
// an itab needs code for every method of its interface. No run of the program gets here.
func deadMethod() {
	panic(plainError("golift: type flow left out a method that was called"))
}
