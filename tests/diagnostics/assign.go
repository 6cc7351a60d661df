package main

func main() {
	var i int = "hello"
	var s string = 1
	var f float64
	i = f
	s = i
	println(i, s, f)
}
