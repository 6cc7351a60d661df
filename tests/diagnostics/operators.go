package main

func main() {
	x := 1
	s := "a"
	f := 1.5
	println(x + s)
	println(x + 1.5)
	println(f % 2)
	println(!x)
	println(s - s)
	println(x / 0)
}
