package main

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	println(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
	q, r := divmod(-7, 2)
	println(q, r)
	const minInt = -1 << 63
	x := minInt
	var u8 uint8 = 200
	var i8 int8 = -128
	m1 := int8(-1)
	println(x/-1, x%-1, u8+100, i8/m1)
	var sh uint = 40
	var u32 uint32 = 1
	println(1<<62, uint64(1)<<63, -5>>1, u32<<sh, u32<<31)
}
