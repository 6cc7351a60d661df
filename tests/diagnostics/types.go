package main

type Point struct{ X, Y int }

func main() {
	p := Point{1, 2, 3}
	q := Point{Z: 1}
	p.Z = 3
	var n int
	n.X = 1
	println(p.X, q.X, n)
	var arr [3]int
	arr[5] = 1
	println(len(5))
}
