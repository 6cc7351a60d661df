// Calls through a variable that holds a function literal: inlined where the variable is
// assigned once (gc's StaticValue), loops included; not where it may be nil or another
// function when called.
package main

func main() {
	var f func() int
	defer func() { println("recovered:", recover() != nil) }()
	k := 10
	g := func(i int) int { return i + k }
	sum := 0
	for i := 0; i < 4; i++ {
		switch i % 2 {
		case 0:
			sum += g(i)
		default:
			sum -= g(-i)
		}
	}
	println("sum", sum)
	h := g
	if sum > 0 {
		h = func(i int) int { return i * k }
	}
	println(h(3))
	println(f()) // nil: panics
	f = func() int { return 1 }
	println(f())
}
