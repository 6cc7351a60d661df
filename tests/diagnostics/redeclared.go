package main

var x int
var x string

func f() {}
func f() {}

func main() {
	a := 1
	a := 2
	var b int
	var b int
	println(a, b)
}
