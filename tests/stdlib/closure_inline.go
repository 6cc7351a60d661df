// Function literals that golift inlines as gc does: called where written, through a
// variable assigned once, passed to an inlined function, and a top-level function called
// through a func value. Captured variables are shared with the enclosing function.
package main

import "fmt"

func apply(f func(int) int, x int) int { return f(x) }

func twice(x int) int {
	g := func(y int) int { return y * 2 }
	return g(x)
}

func h(x int) int { return x + 100 }

func swap() (int, string) {
	return func(a int, b string) (int, string) { return a * 3, b + "!" }(7, "hi")
}

func counter() (func() int, *int) {
	n := 0
	inc := func() int { n++; return n }
	inc()
	return inc, &n
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = func() int { return a / b }()
	return
}

func main() {
	k := 3
	fmt.Println(apply(func(x int) int { return x + k }, 4))
	fmt.Println(twice(5))
	sum := 0
	for i := 0; i < 5; i++ {
		func() { sum += i }()
	}
	fmt.Println(sum)
	f := h
	fmt.Println(f(1))
	fmt.Println(swap())
	inc, p := counter()
	inc()
	fmt.Println(inc(), *p)
	x := 10
	add := func(d int) { x += d }
	add(5)
	add(-2)
	fmt.Println(x)
	fmt.Println(divide(7, 2))
	fmt.Println(divide(1, 0))
	v := func(s ...string) int { return len(s) }("a", "b", "c")
	fmt.Println(v)
}
