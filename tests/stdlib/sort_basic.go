// sort: Sort, Stable, Slice, SliceStable and Reverse on many patterns and sizes (the
// order of equal elements and the number of Less and Swap calls must be Go's), the
// convenience types and functions, searching, and Slice's panics on non-slices.
package main

import "sort"

type rec struct {
	key int
	id  int
}

type byKey struct {
	r     []rec
	less  *int
	swaps *int
}

func (b byKey) Len() int           { return len(b.r) }
func (b byKey) Less(i, j int) bool { *b.less++; return b.r[i].key < b.r[j].key }
func (b byKey) Swap(i, j int)      { *b.swaps++; b.r[i], b.r[j] = b.r[j], b.r[i] }

var seed uint32 = 2463534242

func rnd() int {
	seed ^= seed << 13
	seed ^= seed >> 17
	seed ^= seed << 5
	return int(seed >> 1)
}

func gen(kind, n int) []rec {
	r := make([]rec, n)
	for i := range r {
		var k int
		switch kind {
		case 0:
			k = rnd() % 10
		case 1:
			k = i
		case 2:
			k = n - i
		case 3:
			k = i % 7
		case 4:
			k = rnd()
		case 5:
			k = 5
		case 6:
			if i%10 == 0 {
				k = rnd() % 100
			} else {
				k = i
			}
		case 7:
			k = (n - i) / 3
		case 8:
			if i < n/2 {
				k = i
			} else {
				k = n - i
			}
		case 9:
			k = i ^ 0x55
		}
		r[i] = rec{k, i}
	}
	return r
}

func hash(r []rec) uint64 {
	var h uint64 = 14695981039346656037
	for _, x := range r {
		h = (h ^ uint64(x.id)) * 1099511628211
		h = (h ^ uint64(x.key)) * 1099511628211
	}
	return h
}

func main() {
	sizes := []int{0, 1, 2, 3, 5, 8, 12, 13, 20, 21, 40, 49, 50, 51, 64, 100, 127, 300, 1000, 5000}
	for kind := 0; kind < 10; kind++ {
		for _, n := range sizes {
			r := gen(kind, n)
			l, s := 0, 0
			sort.Sort(byKey{r, &l, &s})
			ok := sort.IsSorted(byKey{r, &l, &s})
			r2 := gen(kind, n)
			l2, s2 := 0, 0
			sort.Stable(byKey{r2, &l2, &s2})
			r3 := gen(kind, n)
			c3 := 0
			sort.Slice(r3, func(i, j int) bool { c3++; return r3[i].key < r3[j].key })
			r4 := gen(kind, n)
			c4 := 0
			sort.SliceStable(r4, func(i, j int) bool { c4++; return r4[i].key < r4[j].key })
			r5 := gen(kind, n)
			l5, s5 := 0, 0
			sort.Sort(sort.Reverse(byKey{r5, &l5, &s5}))
			println(kind, n, ok, l, s, hash(r), l2, s2, hash(r2), c3, hash(r3), c4, hash(r4), l5, s5, hash(r5))
			if n <= 21 {
				for _, x := range r {
					print(x.key, ":", x.id, " ")
				}
				println()
			}
		}
	}
	a := []int{5, 2, 8, -1, 0, 3, 3, 9}
	sort.Ints(a)
	println(sort.IntsAreSorted(a), a[0], a[7], sort.SearchInts(a, 3), sort.SearchInts(a, 4), sort.SearchInts(a, 100), sort.IntSlice(a).Search(-5))
	f := []float64{3.5, -1, 0, 2, -0.5, 1e9}
	nan := 0.0
	nan = nan / nan
	f = append(f, nan, 7, nan)
	sort.Float64s(f)
	for _, x := range f {
		print(x, " ")
	}
	println(sort.Float64sAreSorted(f), sort.SearchFloat64s(f[2:], 2))
	s := []string{"pear", "apple", "", "banana", "Apple", "äpfel", "apple"}
	sort.Strings(s)
	for _, x := range s {
		print(x, ",")
	}
	println(sort.StringsAreSorted(s), sort.SearchStrings(s, "b"), sort.StringSlice(s).Search("zz"))
	sort.Sort(sort.Reverse(sort.StringSlice(s)))
	println(s[0], s[6], sort.IsSorted(sort.StringSlice(s)))
	sort.IntSlice(a).Sort()
	sort.StringSlice(s).Sort()
	sort.Float64Slice(f).Sort()
	println(s[0], a[0])
	i, found := sort.Find(len(a), func(i int) int { return 3 - a[i] })
	println(i, found)
	i, found = sort.Find(len(a), func(i int) int { return 4 - a[i] })
	println(i, found)
	println(sort.Search(100, func(i int) bool { return i*i >= 50 }), sort.Search(0, func(int) bool { return true }))
	println(sort.SliceIsSorted(a, func(i, j int) bool { return a[i] < a[j] }))
	// slices of various element types
	bs := []byte("hello, world")
	sort.Slice(bs, func(i, j int) bool { return bs[i] < bs[j] })
	println(string(bs))
	type big struct {
		a, b, c int
		s       string
	}
	bg := []big{{3, 1, 1, "c"}, {1, 2, 2, "a"}, {2, 3, 3, "b"}, {1, 0, 0, "a2"}}
	sort.SliceStable(bg, func(i, j int) bool { return bg[i].a < bg[j].a })
	for _, x := range bg {
		print(x.s, " ")
	}
	println()
	ss := []string{"b", "a", "c"}
	sort.Slice(ss, func(i, j int) bool { return ss[i] < ss[j] })
	println(ss[0], ss[1], ss[2])
	arr := [3]int{3, 1, 2}
	println(sort.SliceIsSorted(arr, func(i, j int) bool { return arr[i] < arr[j] }))
	sh := []int16{5, -3, 2}
	sort.Slice(sh, func(i, j int) bool { return sh[i] < sh[j] })
	println(sh[0], sh[1], sh[2])
	func() {
		defer func() { r := recover(); println(r.(error).Error()) }()
		sort.Slice(5, func(i, j int) bool { return false })
	}()
	func() {
		defer func() { r := recover(); println(r.(error).Error()) }()
		sort.Slice(nil, func(i, j int) bool { return false })
	}()
	func() {
		defer func() { r := recover(); println(r.(error).Error()) }()
		sort.SliceIsSorted(map[int]int{1: 1}, func(i, j int) bool { return false })
		println("ok map")
		sort.SliceIsSorted(&arr, func(i, j int) bool { return false })
	}()
	func() {
		defer func() { r := recover(); println(r.(error).Error()) }()
		sort.SliceStable(arr, func(i, j int) bool { return false })
	}()
}
