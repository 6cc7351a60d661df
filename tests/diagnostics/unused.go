package main

import "os"

func main() {
	a := 1
	var b int
	c, d := 2, 3
	println(c)
	_ = d
}
