// Sorting: sort.Ints on a million pseudo-random ints, three times, then sort.Slice on
// structs by a key: comparisons, swaps and the closure calls of sort.Slice.
package main

import "sort"

type rec struct {
	key  int
	name string
}

func main() {
	x := uint32(12345)
	next := func() int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % 1000000)
	}
	sum := 0
	for r := 0; r < 3; r++ {
		a := make([]int, 1000000)
		for i := range a {
			a[i] = next()
		}
		sort.Ints(a)
		sum += a[0] + a[len(a)/2] + a[len(a)-1]
	}
	recs := make([]rec, 300000)
	for i := range recs {
		recs[i] = rec{next(), "r"}
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].key < recs[j].key })
	println(sum, recs[0].key, recs[len(recs)-1].key, sort.IntsAreSorted([]int{1, 2, 3}))
}
