package sort

import "math/bits"

// Pattern-defeating quicksort (Orson Peters, "Pattern-defeating Quicksort", 2021,
// https://arxiv.org/abs/2106.05123), the algorithm of Go's Sort since Go 1.19.
//
// It is quicksort with safeguards:
//   - short ranges (12 elements or fewer) are sorted by insertion sort;
//   - the pivot is the median of 3 elements, or for long ranges the median of 3 medians
//     of 3 neighbours (Tukey's ninther); while choosing it, the number of swaps the
//     comparisons would have made tells whether the range looks sorted (no swap) or
//     reversed (all swaps);
//   - a range that looks reversed is reversed first; a range that looks sorted after a
//     good partition is finished by an insertion sort that gives up after a few moves;
//   - after an unbalanced partition, a few elements are swapped pseudo-randomly to break
//     the pattern, and after too many unbalanced partitions the range goes to heapsort,
//     which bounds the worst case to O(n log n);
//   - when the pivot equals the element just before the range (which is known to be no
//     greater than anything in it), the range has many equal elements: they are gathered
//     at the front in one pass and skipped.
//
// Every comparison and swap below happens in the same order as in Go's implementation,
// so that equal elements end up in the same order.

// What choosePivot learnt about the order of the range.
const (
	unknownHint    = 0
	increasingHint = 1
	decreasingHint = 2
)

// Ranges of at most this many elements are sorted by insertion sort.
const maxInsertion = 12

// pdqsort sorts data[a:b]; limit is the number of unbalanced partitions still allowed
// before switching to heapsort.
func pdqsort[D lessSwap](data D, a, b, limit int) {
	balanced := true    // the last partition split the range reasonably evenly
	partitioned := true // the last partition found the range already partitioned
	for {
		n := b - a
		if n <= maxInsertion {
			insertionSort(data, a, b)
			return
		}
		if limit == 0 {
			heapSort(data, a, b)
			return
		}
		if !balanced {
			breakPatterns(data, a, b)
			limit--
		}

		pivot, hint := choosePivot(data, a, b)
		if hint == decreasingHint {
			reverseRange(data, a, b)
			// The pivot moved with the reversal: it is now as far from the end as it was
			// from the start.
			pivot = (b - 1) - (pivot - a)
			hint = increasingHint
		}

		// Probably sorted already: try to finish with a few insertions.
		if balanced && partitioned && hint == increasingHint && partialInsertionSort(data, a, b) {
			return
		}

		// data[a-1] is no greater than anything in data[a:b] (it was the pivot of an
		// enclosing partition). If it is not less than the pivot either, the pivot is the
		// smallest value here: move all the elements equal to it to the front and go on
		// with the rest.
		if a > 0 && !data.Less(a-1, pivot) {
			a = partitionEqual(data, a, b, pivot)
			continue
		}

		mid, already := partition(data, a, b, pivot)
		partitioned = already

		// Recurse into the shorter side, loop on the longer one.
		left, right := mid-a, b-mid
		threshold := n / 8
		if left < right {
			balanced = left >= threshold
			pdqsort(data, a, mid, limit)
			a = mid + 1
		} else {
			balanced = right >= threshold
			pdqsort(data, mid+1, b, limit)
			b = mid
		}
	}
}

// insertionSort sorts data[a:b] by moving each element left, swap by swap, past the
// larger elements before it.
func insertionSort[D lessSwap](data D, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// heapSort sorts data[a:b] with a max-heap whose root is at a.
func heapSort[D lessSwap](data D, a, b int) {
	n := b - a
	for root := (n - 1) / 2; root >= 0; root-- {
		siftDown(data, root, n, a)
	}
	// Move the largest element to the end of the heap, and shrink the heap by one.
	for last := n - 1; last >= 0; last-- {
		data.Swap(a, a+last)
		siftDown(data, 0, last, a)
	}
}

// siftDown moves the element at heap position root (counted from base) down until it is
// no smaller than its children, in a heap of n elements.
func siftDown[D lessSwap](data D, root, n, base int) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		// The greater of the two children.
		if child+1 < n && data.Less(base+child, base+child+1) {
			child++
		}
		if !data.Less(base+root, base+child) {
			return
		}
		data.Swap(base+root, base+child)
		root = child
	}
}

// partition moves data[pivot] to a, then rearranges data[a+1:b] into the elements less
// than it followed by the others, and puts the pivot between the two groups. It returns
// the pivot's final index, and whether nothing had to be swapped (the range was already
// partitioned).
func partition[D lessSwap](data D, a, b, pivot int) (int, bool) {
	data.Swap(a, pivot)
	// data[a+1:i] are known to be less than the pivot, data[j+1:b] not less.
	i, j := a+1, b-1
	already := true
	for {
		for i <= j && data.Less(i, a) {
			i++
		}
		for i <= j && !data.Less(j, a) {
			j--
		}
		if i > j {
			break
		}
		// data[i] belongs to the right and data[j] to the left.
		data.Swap(i, j)
		already = false
		i++
		j--
	}
	data.Swap(j, a)
	return j, already
}

// partitionEqual moves data[pivot] to a and gathers the elements equal to it (not less
// than it, as nothing in data[a:b] is less) at the front. It returns the index of the
// first element greater than the pivot.
func partitionEqual[D lessSwap](data D, a, b, pivot int) int {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for {
		for i <= j && !data.Less(a, i) {
			i++
		}
		for i <= j && data.Less(a, j) {
			j--
		}
		if i > j {
			return i
		}
		data.Swap(i, j)
		i++
		j--
	}
}

// partialInsertionSort sorts data[a:b] if it takes at most a few insertions, and reports
// whether it did; on ranges shorter than 50 it only checks whether they are sorted.
func partialInsertionSort[D lessSwap](data D, a, b int) bool {
	const maxSteps = 5 // misplaced pairs fixed before giving up
	const shortest = 50
	i := a + 1
	for step := 0; step < maxSteps; step++ {
		// Find the next pair out of order.
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < shortest {
			return false
		}
		data.Swap(i, i-1)
		// Move the smaller element of the pair further left where it belongs (down to the
		// start of the whole data, as Go does, not just of the range: data[a-1] is never
		// greater, so the loop stops there anyway) ...
		if i-a >= 2 {
			for k := i - 1; k >= 1 && data.Less(k, k-1); k-- {
				data.Swap(k, k-1)
			}
		}
		// ... and the greater one further right.
		if b-i >= 2 {
			for k := i + 1; k < b && data.Less(k, k-1); k++ {
				data.Swap(k, k-1)
			}
		}
	}
	return false
}

// breakPatterns swaps three elements in the middle of data[a:b] with pseudo-random others,
// to avoid running into the same bad pivot again. The random numbers come from a
// xorshift generator seeded with the length, so sorting is deterministic.
func breakPatterns[D lessSwap](data D, a, b int) {
	n := b - a
	if n < 8 {
		return
	}
	state := uint64(n)
	// Random indexes are drawn below the next power of two above n, and folded into range.
	mask := uint(1)<<uint(bits.Len(uint(n))) - 1
	middle := a + (n/4)*2
	for idx := middle - 1; idx <= middle+1; idx++ {
		state ^= state << 13
		state ^= state >> 17
		state ^= state << 5
		other := int(uint(state) & mask)
		if other >= n {
			other -= n
		}
		data.Swap(idx, a+other)
	}
}

// choosePivot returns the index of a pivot for data[a:b] and what the comparisons said
// about the order of the range. Ranges under 8 elements take the middle element; then the
// median of the elements at 1/4, 2/4 and 3/4; from 50 elements on, each of those three is
// first replaced by the median of itself and its two neighbours.
func choosePivot[D lessSwap](data D, a, b int) (int, int) {
	n := b - a
	i, j, k := a+n/4, a+n/4*2, a+n/4*3
	// The number of comparisons that found a pair out of order: 0 of 3 (or 12) means
	// increasing, all of them decreasing.
	swaps := 0
	if n >= 8 {
		if n >= 50 {
			i = median(data, i-1, i, i+1, &swaps)
			j = median(data, j-1, j, j+1, &swaps)
			k = median(data, k-1, k, k+1, &swaps)
		}
		j = median(data, i, j, k, &swaps)
	}
	switch swaps {
	case 0:
		return j, increasingHint
	case 12:
		return j, decreasingHint
	}
	return j, unknownHint
}

// median returns the index of the median of data[x], data[y] and data[z] with three
// comparisons (sorting the three indexes by their elements), counting in *swaps the
// comparisons that found a pair out of order.
func median[D lessSwap](data D, x, y, z int, swaps *int) int {
	if data.Less(y, x) {
		*swaps++
		x, y = y, x
	}
	if data.Less(z, y) {
		*swaps++
		y, z = z, y
	}
	if data.Less(y, x) {
		*swaps++
		x, y = y, x
	}
	return y
}

// reverseRange reverses the order of data[a:b].
func reverseRange[D lessSwap](data D, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}
