package main

func two(a, b int) int { return a + b }

func pair() (int, int) { return 1, 2 }

func main() {
	two(1)
	two(1, 2, 3)
	x := pair()
	y := two("a", 2)
	println(x, y)
}
