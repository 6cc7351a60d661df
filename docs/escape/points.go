package main

type Point struct{ X, Y int }

var origin *Point

// newPoint returns its allocation: the caller decides where it goes.
func newPoint(x, y int) *Point {
	return &Point{x, y}
}

// keep stores its argument in a global: whatever p points to must live on the heap.
func keep(p *Point) {
	origin = p
}

// first returns what its argument points to, one dereference down.
func first(ps []*Point) *Point {
	return ps[0]
}

func sum(ps ...*Point) int {
	s := 0
	for _, p := range ps {
		s += p.X + p.Y
	}
	return s
}

func main() {
	a := Point{1, 2}
	b := newPoint(3, 4)
	keep(b)
	var last *Point
	for i := 0; i < 3; i++ {
		c := Point{i, i}
		last = &c
	}
	println(sum(&a, first([]*Point{last})), origin.X)
}
