// sort: comparison functions that are not orderings (random answers, always true, index
// based, an adversary that decides values as they are compared) steer pdqsort into all
// its paths (partial insertion sort, pattern breaking, equal partitions, the heapsort
// fallback); Go's and golift's call sequences must agree call for call.
package main

import "sort"

var seed uint32 = 2463534242

func rnd() int {
	seed ^= seed << 13
	seed ^= seed >> 17
	seed ^= seed << 5
	return int(seed >> 1)
}

type chaos struct {
	v     []int
	calls int
}

func (c *chaos) Len() int           { return len(c.v) }
func (c *chaos) Less(i, j int) bool { c.calls++; return rnd()%3 == 0 }
func (c *chaos) Swap(i, j int)      { c.v[i], c.v[j] = c.v[j], c.v[i] }

type liar struct {
	v     []int
	mode  int
	calls int
}

func (c *liar) Len() int { return len(c.v) }
func (c *liar) Less(i, j int) bool {
	c.calls++
	switch c.mode {
	case 0:
		return true
	case 1:
		return i < j
	case 2:
		return (i+j)%3 == 0
	}
	return c.v[i]%5 < c.v[j]%5 || i > j
}
func (c *liar) Swap(i, j int) { c.v[i], c.v[j] = c.v[j], c.v[i] }

type adv struct {
	val               []int
	gas, nsolid, cand int
	calls             int
}

func (a *adv) Len() int { return len(a.val) }
func (a *adv) Less(i, j int) bool {
	a.calls++
	if a.val[i] == a.gas && a.val[j] == a.gas {
		if i == a.cand {
			a.val[i] = a.nsolid
		} else {
			a.val[j] = a.nsolid
		}
		a.nsolid++
	}
	if a.val[i] == a.gas {
		a.cand = i
	} else if a.val[j] == a.gas {
		a.cand = j
	}
	return a.val[i] < a.val[j]
}
func (a *adv) Swap(i, j int) { a.val[i], a.val[j] = a.val[j], a.val[i] }

func main() {
	for _, n := range []int{10, 13, 30, 49, 50, 51, 100, 1000, 10000} {
		c := &chaos{v: make([]int, n)}
		for i := range c.v {
			c.v[i] = i
		}
		sort.Sort(c)
		var h uint64
		for _, x := range c.v {
			h = h*31 + uint64(x)
		}
		println(n, c.calls, h)
		c.calls = 0
		sort.Stable(c)
		h = 0
		for _, x := range c.v {
			h = h*31 + uint64(x)
		}
		println(n, c.calls, h)
	}

	for mode := 0; mode < 4; mode++ {
		for _, n := range []int{20, 60, 100, 1000} {
			c := &liar{v: make([]int, n), mode: mode}
			for i := range c.v {
				c.v[i] = i * 7 % n
			}
			sort.Sort(c)
			var h uint64
			for _, x := range c.v {
				h = h*31 + uint64(x)
			}
			println(mode, n, c.calls, h)
		}
	}

	for _, n := range []int{100, 1000, 5000} {
		a := &adv{val: make([]int, n), gas: n}
		for i := range a.val {
			a.val[i] = n
		}
		sort.Sort(a)
		var h uint64
		for _, x := range a.val {
			h = h*31 + uint64(x)
		}
		println(n, a.calls, h)
	}
}
