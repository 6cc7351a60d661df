// Shift errors: a non-constant shift of an untyped constant takes the type of its context.
package main

func main() {
	s := uint(2)
	var f float64 = 1 << s
	var i interface{} = 1.0 << s
	var g = 2.5 << 1
	println(f, i, g, 1<<-1)
}
