package main

type Point struct{ X, Y int }

type Grid [3][3]int

func NewPoint(x, y int) Point { return Point{x, y} }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func ident() (g Grid) {
	for i := 0; i < 3; i++ {
		g[i][i] = 1
	}
	return
}

var origin Point

func getOrigin() Point { return origin }

func two() (Point, int) { return Point{7, 8}, 9 }

func main() {
	p := NewPoint(1, 2).Add(NewPoint(10, 20))
	println(p.X, p.Y)
	g := ident()
	println(g[0][0], g[1][1], g[0][1], len(g))
	o := getOrigin()
	origin.X = 5
	println(o.X, getOrigin().X)
	q, n := two()
	println(q.X, q.Y, n, p == NewPoint(11, 22))
}
