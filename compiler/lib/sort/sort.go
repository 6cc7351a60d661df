// Package sort, as shipped with golift: sorting slices and user-defined collections, and
// binary search in sorted ones.
//
// A collection is sorted through its methods (Interface: Len, Less and Swap), so the
// algorithms only ever compare and swap elements by index. Sort is pattern-defeating
// quicksort (pdqsort.go) and Stable is insertion sort on small blocks followed by in-place
// merging (stable.go). Both make exactly the same calls to Less and Swap as Go's own
// package: the order in which Sort leaves equal elements, and how often it calls Less, are
// the same as with Go 1.19.
//
// Slice and SliceStable sort a slice of any type with a less function of indexes; swapping
// two elements of a slice whose type is only known at run time is done by the golift
// runtime (runtime/src/sortswap.rs), as Go does it with reflection.
package sort

import "math/bits"

// An Interface is a collection that can be sorted by the functions of this package: its
// elements are identified by their indexes 0 to Len()-1.
type Interface interface {
	// Len is the number of elements in the collection.
	Len() int

	// Less reports whether the element with index i must sort before the element with
	// index j. When neither Less(i, j) nor Less(j, i) holds, the two elements are equal:
	// Sort may leave equal elements in any order, Stable keeps their original order.
	// Less must be a transitive ordering (which < on floats is not when NaNs are present;
	// Float64Slice.Less is).
	Less(i, j int) bool

	// Swap swaps the elements with indexes i and j.
	Swap(i, j int)
}

// lessSwap is what the sorting algorithms need of a collection: the constraint of their
// type parameter. Sort and Stable instantiate them with Interface (each Less and Swap a
// call through the interface), Slice and SliceStable with sliceSorter.
type lessSwap interface {
	Less(i, j int) bool
	Swap(i, j int)
}

// Sort sorts data in ascending order as determined by the Less method. It makes one call
// to data.Len to determine n, and O(n*log(n)) calls to data.Less and data.Swap. The sort
// is not guaranteed to be stable.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	// The number of bad pivots allowed before falling back to heapsort.
	pdqsort(data, 0, n, bits.Len(uint(n)))
}

// Stable sorts data in ascending order as determined by the Less method, keeping the
// original order of equal elements. It makes one call to data.Len to determine n,
// O(n*log(n)) calls to data.Less and O(n*log(n)*log(n)) calls to data.Swap.
func Stable(data Interface) {
	stable(data, data.Len())
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	// From the end, as Go does: the calls to Less are part of what a program may observe.
	for i := data.Len() - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// reverse is an Interface whose order is the opposite of the one it embeds.
type reverse struct {
	// The embedded Interface lends its Len and Swap methods.
	Interface
}

// Less returns the opposite of the embedded Less: j before i.
func (r reverse) Less(i, j int) bool {
	return r.Interface.Less(j, i)
}

// Reverse returns the reverse order for data.
func Reverse(data Interface) Interface {
	return &reverse{data}
}

// --- Convenience types for common cases ---

// IntSlice attaches the methods of Interface to []int, sorting in increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort is a convenience method: x.Sort() calls Sort(x).
func (x IntSlice) Sort() { Sort(x) }

// Search returns the result of applying SearchInts to the receiver and x.
func (x IntSlice) Search(v int) int { return SearchInts(x, v) }

// Float64Slice attaches the methods of Interface to []float64, sorting in increasing
// order, with not-a-number (NaN) values ordered before other values.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }

// Less reports whether x[i] should be ordered before x[j], as required by the sort
// Interface. This implementation places NaN values before any others.
func (x Float64Slice) Less(i, j int) bool { return x[i] < x[j] || (isNaN(x[i]) && !isNaN(x[j])) }
func (x Float64Slice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort is a convenience method: x.Sort() calls Sort(x).
func (x Float64Slice) Sort() { Sort(x) }

// Search returns the result of applying SearchFloat64s to the receiver and x.
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

// isNaN is math.IsNaN, without importing math: NaN is the only value not equal to itself.
func isNaN(f float64) bool {
	return f != f
}

// StringSlice attaches the methods of Interface to []string, sorting in increasing order.
type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort is a convenience method: x.Sort() calls Sort(x).
func (x StringSlice) Sort() { Sort(x) }

// Search returns the result of applying SearchStrings to the receiver and x.
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Ints sorts a slice of ints in increasing order.
func Ints(x []int) { Sort(IntSlice(x)) }

// Float64s sorts a slice of float64s in increasing order. Not-a-number (NaN) values are
// ordered before other values.
func Float64s(x []float64) { Sort(Float64Slice(x)) }

// Strings sorts a slice of strings in increasing order.
func Strings(x []string) { Sort(StringSlice(x)) }

// IntsAreSorted reports whether the slice x is sorted in increasing order.
func IntsAreSorted(x []int) bool { return IsSorted(IntSlice(x)) }

// Float64sAreSorted reports whether the slice x is sorted in increasing order, with
// not-a-number (NaN) values before any other values.
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

// StringsAreSorted reports whether the slice x is sorted in increasing order.
func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }
