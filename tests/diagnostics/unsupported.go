package main

// What golift does not compile yet is reported, never crashed on.

import . "strings"

const huge = 1e1000000

func main() {
	println(ToUpper("x"), huge > 0)
}
