// Map benchmark: struct keys (the generic path: hashing and equality by descriptor).
package main

type Point struct{ X, Y int32 }

type Key struct {
	Name string
	N    int
}

func main() {
	grid := make(map[Point]int)
	for y := int32(0); y < 600; y++ {
		for x := int32(0); x < 600; x++ {
			grid[Point{x, y}] = int(x ^ y)
		}
	}
	s := 0
	for r := 0; r < 12; r++ {
		for y := int32(0); y < 600; y++ {
			for x := int32(0); x < 600; x++ {
				s += grid[Point{y, x}]
			}
		}
	}
	names := []string{"alpha", "beta", "gamma", "delta"}
	km := make(map[Key]int)
	for i := 0; i < 200000; i++ {
		km[Key{names[i%4], i % 5000}] += i
	}
	println(len(grid), s, len(km), km[Key{"beta", 17}])
}
