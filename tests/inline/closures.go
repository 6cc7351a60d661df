// Function literals inlined as gc 1.19 inlines them, and -m=2's "as:" bodies: the
// decisions and bodies `-gcflags=-m=2` prints match gc's (tests/inline/closures.m2, costs
// aside: golift's costs count SSA values).
package main

func apply(f func(int) int, x int) int { return f(x) }

func twice(x int) int {
	g := func(y int) int { return y * 2 }
	return g(x)
}

func sign(x int) (int, bool) {
	var y int
	if x > 0 {
		y = x
	} else {
		y = -x
	}
	y++
	return y, x == 0
}

func sum(a []int) int {
	s := 0
	for _, v := range a {
		s += v
	}
	return s
}

func lookup(m map[string]int, k string) int {
	v, ok := m[k]
	if !ok {
		return -1
	}
	return v
}

func main() {
	k := 3
	println(apply(func(x int) int { return x + k }, 4))
	println(twice(5))
	func() {
		println("direct")
	}()
	println(sign(-4))
	println(sum([]int{1, 2, 3}), lookup(nil, "x"))
	// A literal in a variable assigned once is inlined where the variable is called, in a
	// loop too.
	next := func(i int) int { return i + k }
	for i := 0; i < 3; i++ {
		if i > 0 {
			println(next(i))
		}
	}
}
