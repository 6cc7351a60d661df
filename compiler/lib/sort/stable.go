package sort

// Stable sorting without extra memory: insertion sort on blocks of 20 elements, then
// bottom-up merging of neighbouring blocks of doubling size. The merge is SymMerge
// (Pok-Son Kim and Arne Kutzner, "Stable Minimum Storage Merging by Symmetric
// Comparisons", ESA 2004): it finds, by binary search, how much of the end of the left run
// and of the start of the right run must change places, rotates those two pieces (with
// swaps only), and merges the two smaller problems on each side recursively.
// It needs O(n log n) calls to Less and O(n log² n) calls to Swap.

// stable sorts data[0:n], keeping equal elements in their original order.
func stable[D lessSwap](data D, n int) {
	block := 20
	a := 0
	for ; a+block <= n; a += block {
		insertionSort(data, a, a+block)
	}
	insertionSort(data, a, n)

	for ; block < n; block *= 2 {
		// Merge pairs of neighbouring blocks; the last block may be short, or alone.
		a = 0
		for ; a+2*block <= n; a += 2 * block {
			symMerge(data, a, a+block, a+2*block)
		}
		if m := a + block; m < n {
			symMerge(data, a, m, n)
		}
	}
}

// symMerge merges the sorted runs data[a:m] and data[m:b] (both non-empty) into one
// sorted run, stably.
func symMerge[D lessSwap](data D, a, m, b int) {
	if m-a == 1 {
		// A single element on the left: find the first element of the right run that is
		// not less than it, and move it just before that one.
		lo, hi := m, b
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if data.Less(h, a) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		for k := a; k < lo-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// A single element on the right: find the first element of the left run that is
		// greater than it, and move it just before that one.
		lo, hi := a, m
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if !data.Less(m, h) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		for k := m; k > lo; k-- {
			data.Swap(k, k-1)
		}
		return
	}

	// The middle of the whole range, and the point n it is symmetric about: searching
	// with comparisons of data[p-c] and data[c] finds where the rotation starts.
	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start, r = n-b, mid
	} else {
		start, r = a, m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !data.Less(p-c, c) {
			start = c + 1
		} else {
			r = c
		}
	}

	// data[start:m] and data[m:end] change places; then each side is merged.
	end := n - start
	if start < m && m < end {
		rotate(data, start, m, end)
	}
	if a < start && start < mid {
		symMerge(data, a, start, mid)
	}
	if mid < end && end < b {
		symMerge(data, mid, end, b)
	}
}

// rotate exchanges the neighbouring blocks data[a:m] and data[m:b] (both non-empty),
// making "x u v y" into "x v u y" with at most b-a swaps: it repeatedly swaps the shorter
// block with the part of the longer one next to it, which puts the shorter block in its
// final place.
func rotate[D lessSwap](data D, a, m, b int) {
	i, j := m-a, b-m
	for i != j {
		if i > j {
			swapRange(data, m-i, m, j)
			i -= j
		} else {
			swapRange(data, m-i, m+j-i, i)
			j -= i
		}
	}
	swapRange(data, m-i, m, i)
}

// swapRange swaps data[a:a+n] with data[b:b+n], element by element.
func swapRange[D lessSwap](data D, a, b, n int) {
	for i := 0; i < n; i++ {
		data.Swap(a+i, b+i)
	}
}
