package sort

// Binary search, in the form of a search for the first index where a condition becomes
// true: all the lookups of sorted data reduce to that.

// Search uses binary search to find and return the smallest index i in [0, n) at which
// f(i) is true, assuming that on the range [0, n), f(i) == true implies f(i+1) == true.
// If there is no such index, Search returns n. Search calls f(i) only for i in [0, n).
//
// For instance, with a sorted slice data, Search(len(data), func(i int) bool { return
// data[i] >= 23 }) is the index of the first element that is at least 23.
func Search(n int, f func(int) bool) int {
	// Everything before lo is false, everything from hi on is true (as if f(n) were).
	lo, hi := 0, n
	for lo < hi {
		// The middle, computed without overflowing int.
		h := int(uint(lo+hi) >> 1)
		if f(h) {
			hi = h
		} else {
			lo = h + 1
		}
	}
	return lo
}

// Find uses binary search to find and return the smallest index i in [0, n) at which
// cmp(i) <= 0. If there is no such index i, Find returns i = n. The found result is true
// if i < n and cmp(i) == 0. Find calls cmp(i) only for i in [0, n).
//
// cmp(i) must be positive for a prefix of the range ("the target is after i"), then zero
// ("found"), then negative.
func Find(n int, cmp func(int) int) (i int, found bool) {
	lo, hi := 0, n
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if cmp(h) > 0 {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo, lo < n && cmp(lo) == 0
}

// SearchInts searches for x in a sorted slice of ints and returns the index as specified
// by Search: the index to insert x at if x is not present (it could be len(a)).
func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchFloat64s searches for x in a sorted slice of float64s and returns the index as
// specified by Search: the index to insert x at if x is not present (it could be len(a)).
func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchStrings searches for x in a sorted slice of strings and returns the index as
// specified by Search: the index to insert x at if x is not present (it could be len(a)).
func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}
