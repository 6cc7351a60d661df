// What the optimiser does, in one small program: open its pages in ssa-dumps/optimise/.
//
//   - square and the method Point.Dist2 are small: they are inlined into their callers
//     (`golift build -gcflags=-m examples/optimise.go` says "can inline" and
//     "inlining call to"); their calls are gone from main's SSA from the first column on.
//   - sum indexes s[i] in `for i := 0; i < len(s); i++`: prove removes the bounds check
//     (`-gcflags=-d=ssa/prove/debug=1` says "Proved IsInBounds").
//   - collatz is recursive: it is never inlined (`-gcflags=-m=2` says why).
package main

type Point struct{ X, Y int }

func (p Point) Dist2() int { return square(p.X) + square(p.Y) }

func square(x int) int { return x * x }

func sum(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	return t
}

func collatz(n, steps int) int {
	if n == 1 {
		return steps
	}
	if n%2 == 0 {
		return collatz(n/2, steps+1)
	}
	return collatz(3*n+1, steps+1)
}

func main() {
	pts := []Point{{3, 4}, {1, 2}, {5, 12}}
	d := make([]int, len(pts))
	for i, p := range pts {
		d[i] = p.Dist2()
	}
	println(sum(d), square(7), collatz(27, 0))
}
