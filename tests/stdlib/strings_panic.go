package main

import "strings"

func main() {
	var b strings.Builder
	b.WriteString("before the panic")
	println(b.String())
	println(strings.Repeat("ab", 2))
	println(strings.Repeat("ab", -2))
}
