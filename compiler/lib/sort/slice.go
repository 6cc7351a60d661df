package sort

import (
	"math/bits"
	"unsafe"
)

// Sorting a slice of any type with a less function. The slice comes as an interface value
// (any); the golift runtime reads its type descriptor to find its length and to swap two
// of its elements, whatever their type.

// kindOf returns the kind of x's dynamic type, numbered as reflect.Kind (0 for nil).
func kindOf(x any) int

// lenOf returns the length of x (a slice, array, string or map), or -1 for other kinds.
func lenOf(x any) int

// elemBase returns the address of the first element of the slice held in x.
func elemBase(x any) unsafe.Pointer

// elemSize returns the size of the elements of the slice held in x.
func elemSize(x any) uintptr

// swapElems swaps elements i and j, of size bytes each, of the array at base.
func swapElems(base unsafe.Pointer, size uintptr, i, j int)

// kindNames are the names of the kinds, as Go's reflection spells them in its panics.
var kindNames = []string{
	"invalid", "bool", "int", "int8", "int16", "int32", "int64",
	"uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"float32", "float64", "complex64", "complex128",
	"array", "chan", "func", "interface", "map", "ptr", "slice", "string", "struct",
	"unsafe.Pointer",
}

// A valueError is the panic of a reflection operation on a value of the wrong kind, as
// Go's reflect.ValueError.
type valueError struct {
	method string
	kind   int
}

func (e *valueError) Error() string {
	if e.kind == 0 {
		return "reflect: call of " + e.method + " on zero Value"
	}
	return "reflect: call of " + e.method + " on " + kindNames[e.kind] + " Value"
}

// sliceSorter sorts the array at base, of elements of size bytes, by the function less.
// The sorting algorithms are generic: instantiated with sliceSorter, a value of three
// words, their calls of Less and Swap are direct calls (and inlined), and the less
// function, which only ever gets called, does not escape (as with gc, whose sort package
// has a copy of each algorithm written for its own lessSwap struct).
type sliceSorter struct {
	base unsafe.Pointer
	size uintptr
	less func(i, j int) bool
}

func (s sliceSorter) Less(i, j int) bool { return s.less(i, j) }
func (s sliceSorter) Swap(i, j int)      { swapElems(s.base, s.size, i, j) }

// sorterOf returns the sliceSorter of the slice x, panicking as Go does when x is not a
// slice, and its length. x leaks, as it does in gc's Slice (whose swap function keeps it).
func sorterOf(x any, less func(i, j int) bool) (sliceSorter, int) {
	n := sliceLen(x)
	return sliceSorter{elemBase(x), elemSize(x), less}, n
}

// sliceLen returns the length of the slice x, panicking as Go does when x is not a slice.
func sliceLen(x any) int {
	const slice = 23 // reflect.Slice
	if k := kindOf(x); k != slice {
		panic(&valueError{"Swapper", k})
	}
	return lenOf(x)
}

// Slice sorts the slice x given the provided less function. It panics if x is not a slice.
//
// The sort is not guaranteed to be stable: equal elements may be reversed from their
// original order. For a stable sort, use SliceStable. The less function must satisfy
// the same requirements as the Interface type's Less method.
func Slice(x any, less func(i, j int) bool) {
	s, n := sorterOf(x, less)
	pdqsort(s, 0, n, bits.Len(uint(n)))
}

// SliceStable sorts the slice x using the provided less function, keeping equal elements
// in their original order. It panics if x is not a slice. The less function must satisfy
// the same requirements as the Interface type's Less method.
func SliceStable(x any, less func(i, j int) bool) {
	s, n := sorterOf(x, less)
	stable(s, n)
}

// SliceIsSorted reports whether the slice x is sorted according to the provided less
// function. It panics if x is not a slice.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	// Go only asks for a length here, which arrays, strings and maps have too.
	n := lenOf(x)
	if n < 0 {
		panic(&valueError{"reflect.Value.Len", kindOf(x)})
	}
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
