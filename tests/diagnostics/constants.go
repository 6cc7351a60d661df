package main

func main() {
	var a int8 = 200
	var b uint = -1
	var c int = 3.99
	const big = 1 << 70
	var d int64 = big
	x := int(3.99)
	println(a, b, c, d, x)
}
