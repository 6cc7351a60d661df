// Package bits, as shipped with golift: counting, rotating and reversing the bits of
// unsigned integers, and the arithmetic on double-width numbers (a carry, a borrow, a
// 128-bit product, a 128-by-64-bit division) that multi-precision code is made of.
//
// Everything is plain Go. Counting uses small lookup tables (one byte at a time) or the
// classic tricks of "Hacker's Delight" (summing bits in parallel, a de Bruijn sequence to
// find the lowest set bit); the division is Knuth's long division in base 2^32.
//
// Two functions raise run-time errors exactly as Go's do, through the golift runtime
// (runtime/src/mathf.rs): dividing by zero and a quotient that does not fit.
package bits

// UintSize is the size of a uint in bits (64 on every golift target).
const UintSize = 32 << (^uint(0) >> 63)

// panicDivide raises the run-time error "integer divide by zero".
func panicDivide()

// panicOverflow raises the run-time error "integer overflow".
func panicOverflow()

// --- Counting leading zeros and the bit length ---

// len8tab[b] is the number of bits needed to write the byte b (0 for 0).
var len8tab = [256]uint8{}

// pop8tab[b] is the number of one bits in the byte b.
var pop8tab = [256]uint8{}

// rev8tab[b] is the byte b with its bits in reverse order.
var rev8tab = [256]uint8{}

func init() {
	for i := 1; i < 256; i++ {
		len8tab[i] = len8tab[i/2] + 1
		pop8tab[i] = pop8tab[i/2] + uint8(i&1)
		// Reversing i: take i/2 reversed, shift it right one place, and put i's low bit on top.
		rev8tab[i] = rev8tab[i/2]>>1 | uint8(i&1)<<7
	}
}

// LeadingZeros returns the number of leading zero bits in x; the result is UintSize for x == 0.
func LeadingZeros(x uint) int { return UintSize - Len(x) }

// LeadingZeros8 returns the number of leading zero bits in x; the result is 8 for x == 0.
func LeadingZeros8(x uint8) int { return 8 - Len8(x) }

// LeadingZeros16 returns the number of leading zero bits in x; the result is 16 for x == 0.
func LeadingZeros16(x uint16) int { return 16 - Len16(x) }

// LeadingZeros32 returns the number of leading zero bits in x; the result is 32 for x == 0.
func LeadingZeros32(x uint32) int { return 32 - Len32(x) }

// LeadingZeros64 returns the number of leading zero bits in x; the result is 64 for x == 0.
func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

// Len returns the minimum number of bits required to represent x; the result is 0 for x == 0.
func Len(x uint) int { return Len64(uint64(x)) }

// Len8 returns the minimum number of bits required to represent x; the result is 0 for x == 0.
func Len8(x uint8) int { return int(len8tab[x]) }

// Len16 returns the minimum number of bits required to represent x; the result is 0 for x == 0.
func Len16(x uint16) int {
	if x >= 1<<8 {
		return 8 + int(len8tab[x>>8])
	}
	return int(len8tab[x])
}

// Len32 returns the minimum number of bits required to represent x; the result is 0 for x == 0.
func Len32(x uint32) int {
	n := 0
	if x >= 1<<16 {
		x >>= 16
		n = 16
	}
	if x >= 1<<8 {
		x >>= 8
		n += 8
	}
	return n + int(len8tab[x])
}

// Len64 returns the minimum number of bits required to represent x; the result is 0 for x == 0.
func Len64(x uint64) int {
	// Halve the search: drop 32, 16 and then 8 low bits while the number is that long.
	n := 0
	if x >= 1<<32 {
		x >>= 32
		n = 32
	}
	if x >= 1<<16 {
		x >>= 16
		n += 16
	}
	if x >= 1<<8 {
		x >>= 8
		n += 8
	}
	return n + int(len8tab[x])
}

// --- Counting trailing zeros ---

// x & -x keeps only the lowest set bit of x, a power of two 2^k. Multiplying a de Bruijn
// sequence by 2^k shifts it left by k, and the top bits of the product are then a
// different pattern for each k: a table turns the pattern back into k.
const deBruijn64 = 0x03f79d71b4ca8b09

// deBruijn64tab[(deBruijn64<<k)>>58] == k.
var deBruijn64tab = [64]uint8{}

func init() {
	for k := uint(0); k < 64; k++ {
		deBruijn64tab[uint64(deBruijn64)<<k>>58] = uint8(k)
	}
}

// TrailingZeros returns the number of trailing zero bits in x; the result is UintSize for x == 0.
func TrailingZeros(x uint) int { return TrailingZeros64(uint64(x)) }

// TrailingZeros8 returns the number of trailing zero bits in x; the result is 8 for x == 0.
func TrailingZeros8(x uint8) int {
	if x == 0 {
		return 8
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros16 returns the number of trailing zero bits in x; the result is 16 for x == 0.
func TrailingZeros16(x uint16) int {
	if x == 0 {
		return 16
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros32 returns the number of trailing zero bits in x; the result is 32 for x == 0.
func TrailingZeros32(x uint32) int {
	if x == 0 {
		return 32
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros64 returns the number of trailing zero bits in x; the result is 64 for x == 0.
func TrailingZeros64(x uint64) int {
	if x == 0 {
		return 64
	}
	return int(deBruijn64tab[(x&-x)*deBruijn64>>58])
}

// --- Counting one bits ---

// OnesCount returns the number of one bits ("population count") in x.
func OnesCount(x uint) int { return OnesCount64(uint64(x)) }

// OnesCount8 returns the number of one bits ("population count") in x.
func OnesCount8(x uint8) int { return int(pop8tab[x]) }

// OnesCount16 returns the number of one bits ("population count") in x.
func OnesCount16(x uint16) int { return int(pop8tab[x>>8] + pop8tab[x&0xff]) }

// OnesCount32 returns the number of one bits ("population count") in x.
func OnesCount32(x uint32) int {
	return int(pop8tab[x>>24] + pop8tab[x>>16&0xff] + pop8tab[x>>8&0xff] + pop8tab[x&0xff])
}

// OnesCount64 returns the number of one bits ("population count") in x.
func OnesCount64(x uint64) int {
	// Count in parallel: first the bits of each 2-bit field, then add neighbouring fields
	// into 4-bit and 8-bit fields; a multiplication then sums the 8 bytes into the top one.
	x = x - x>>1&0x5555555555555555
	x = x&0x3333333333333333 + x>>2&0x3333333333333333
	x = (x + x>>4) & 0x0f0f0f0f0f0f0f0f
	return int(x * 0x0101010101010101 >> 56)
}

// --- Rotating ---

// RotateLeft returns the value of x rotated left by (k mod UintSize) bits.
// To rotate x right by k bits, call RotateLeft(x, -k).
func RotateLeft(x uint, k int) uint { return uint(RotateLeft64(uint64(x), k)) }

// RotateLeft8 returns the value of x rotated left by (k mod 8) bits.
// To rotate x right by k bits, call RotateLeft8(x, -k).
func RotateLeft8(x uint8, k int) uint8 {
	s := uint(k) & 7
	return x<<s | x>>(8-s)
}

// RotateLeft16 returns the value of x rotated left by (k mod 16) bits.
// To rotate x right by k bits, call RotateLeft16(x, -k).
func RotateLeft16(x uint16, k int) uint16 {
	s := uint(k) & 15
	return x<<s | x>>(16-s)
}

// RotateLeft32 returns the value of x rotated left by (k mod 32) bits.
// To rotate x right by k bits, call RotateLeft32(x, -k).
func RotateLeft32(x uint32, k int) uint32 {
	s := uint(k) & 31
	return x<<s | x>>(32-s)
}

// RotateLeft64 returns the value of x rotated left by (k mod 64) bits.
// To rotate x right by k bits, call RotateLeft64(x, -k).
func RotateLeft64(x uint64, k int) uint64 {
	// (A shift by the full width gives 0 in Go, so s == 0 needs no special case.)
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

// --- Reversing ---

// Reverse returns the value of x with its bits in reversed order.
func Reverse(x uint) uint { return uint(Reverse64(uint64(x))) }

// Reverse8 returns the value of x with its bits in reversed order.
func Reverse8(x uint8) uint8 { return rev8tab[x] }

// Reverse16 returns the value of x with its bits in reversed order.
func Reverse16(x uint16) uint16 {
	return uint16(rev8tab[x&0xff])<<8 | uint16(rev8tab[x>>8])
}

// Reverse32 returns the value of x with its bits in reversed order.
func Reverse32(x uint32) uint32 {
	return uint32(Reverse16(uint16(x)))<<16 | uint32(Reverse16(uint16(x>>16)))
}

// Reverse64 returns the value of x with its bits in reversed order.
func Reverse64(x uint64) uint64 {
	return uint64(Reverse32(uint32(x)))<<32 | uint64(Reverse32(uint32(x>>32)))
}

// ReverseBytes returns the value of x with its bytes in reversed order.
func ReverseBytes(x uint) uint { return uint(ReverseBytes64(uint64(x))) }

// ReverseBytes16 returns the value of x with its bytes in reversed order.
func ReverseBytes16(x uint16) uint16 { return x>>8 | x<<8 }

// ReverseBytes32 returns the value of x with its bytes in reversed order.
func ReverseBytes32(x uint32) uint32 {
	// Swap the bytes within each half, then the halves.
	x = x>>8&0x00ff00ff | x&0x00ff00ff<<8
	return x>>16 | x<<16
}

// ReverseBytes64 returns the value of x with its bytes in reversed order.
func ReverseBytes64(x uint64) uint64 {
	// Swap neighbouring bytes, then neighbouring 16-bit halves, then the 32-bit halves.
	x = x>>8&0x00ff00ff00ff00ff | x&0x00ff00ff00ff00ff<<8
	x = x>>16&0x0000ffff0000ffff | x&0x0000ffff0000ffff<<16
	return x>>32 | x<<32
}

// --- Double-width arithmetic ---

// Add returns the sum with carry of x, y and carry: sum = x + y + carry.
// The carry input must be 0 or 1; carryOut is 0 or 1.
func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

// Add32 returns the sum with carry of x, y and carry: sum = x + y + carry.
// The carry input must be 0 or 1; carryOut is 0 or 1.
func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	s := uint64(x) + uint64(y) + uint64(carry)
	return uint32(s), uint32(s >> 32)
}

// Add64 returns the sum with carry of x, y and carry: sum = x + y + carry.
// The carry input must be 0 or 1; carryOut is 0 or 1.
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// The top bit of the carry out: both top bits were set, or one of them was and the
	// sum's top bit was cleared by a carry coming up from below.
	carryOut = (x&y | (x|y)&^sum) >> 63
	return
}

// Sub returns the difference of x, y and borrow: diff = x - y - borrow.
// The borrow input must be 0 or 1; borrowOut is 0 or 1.
func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// Sub32 returns the difference of x, y and borrow: diff = x - y - borrow.
// The borrow input must be 0 or 1; borrowOut is 0 or 1.
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	d := uint64(x) - uint64(y) - uint64(borrow)
	return uint32(d), uint32(d>>32) & 1
}

// Sub64 returns the difference of x, y and borrow: diff = x - y - borrow.
// The borrow input must be 0 or 1; borrowOut is 0 or 1.
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	// A borrow leaves when y's top bit is set and x's is not, or when they are equal and
	// the borrow from below made the difference's top bit set.
	borrowOut = (^x&y | ^(x^y)&diff) >> 63
	return
}

// Mul returns the double-width product of x and y: (hi, lo) = x * y, with the upper
// half of the product in hi and the lower half in lo.
func Mul(x, y uint) (hi, lo uint) {
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

// Mul32 returns the 64-bit product of x and y: (hi, lo) = x * y, with the upper half in
// hi and the lower half in lo.
func Mul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

// Mul64 returns the 128-bit product of x and y: (hi, lo) = x * y, with the upper half in
// hi and the lower half in lo.
func Mul64(x, y uint64) (hi, lo uint64) {
	// Schoolbook multiplication with 32-bit digits: x = x1·2^32 + x0, y = y1·2^32 + y0.
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	p00 := x0 * y0
	// The middle column: x1·y0 plus the carry of the low product, then x0·y1.
	mid := x1*y0 + p00>>32
	midLo, midHi := mid&mask32, mid>>32
	midLo += x0 * y1
	hi = x1*y1 + midHi + midLo>>32
	lo = x * y
	return
}

// Div returns the quotient and remainder of (hi, lo) divided by y: quo = (hi, lo)/y,
// rem = (hi, lo)%y, with the dividend's upper half in hi and its lower half in lo.
// Div panics for y == 0 (division by zero) or y <= hi (quotient overflow).
func Div(hi, lo, y uint) (quo, rem uint) {
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

// Div32 returns the quotient and remainder of (hi, lo) divided by y: quo = (hi, lo)/y,
// rem = (hi, lo)%y, with the dividend's upper half in hi and its lower half in lo.
// Div32 panics for y == 0 (division by zero) or y <= hi (quotient overflow).
func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y == 0 {
		panicDivide()
	}
	if y <= hi {
		panicOverflow()
	}
	n := uint64(hi)<<32 | uint64(lo)
	return uint32(n / uint64(y)), uint32(n % uint64(y))
}

// Div64 returns the quotient and remainder of (hi, lo) divided by y: quo = (hi, lo)/y,
// rem = (hi, lo)%y, with the dividend's upper half in hi and its lower half in lo.
// Div64 panics for y == 0 (division by zero) or y <= hi (quotient overflow).
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		panicDivide()
	}
	if y <= hi {
		panicOverflow()
	}
	if hi == 0 {
		return lo / y, lo % y
	}
	// Knuth's algorithm D with two 32-bit digits in the quotient. First normalise: shift
	// the divisor (and the dividend with it) until its top bit is set, which makes each
	// estimated quotient digit at most 2 too large.
	const b = 1 << 32
	const mask32 = b - 1
	s := uint(LeadingZeros64(y))
	y <<= s
	yHi, yLo := y>>32, y&mask32
	// The dividend is now three 64-bit pieces: un64 (the top 64 bits), then two digits.
	un64 := hi<<s | lo>>(64-s)
	if s == 0 {
		// lo>>64 is 0 in Go, but be explicit: nothing moves up from lo.
		un64 = hi
	}
	un10 := lo << s
	un1, un0 := un10>>32, un10&mask32

	// The first quotient digit: estimate with the top digit of the divisor, then correct.
	q1 := un64 / yHi
	rhat := un64 - q1*yHi
	for q1 >= b || q1*yLo > b*rhat+un1 {
		q1--
		rhat += yHi
		if rhat >= b {
			break
		}
	}
	un21 := un64*b + un1 - q1*y

	// The second digit, the same way from what is left.
	q0 := un21 / yHi
	rhat = un21 - q0*yHi
	for q0 >= b || q0*yLo > b*rhat+un0 {
		q0--
		rhat += yHi
		if rhat >= b {
			break
		}
	}
	// The remainder was scaled by the normalisation: shift it back.
	return q1*b + q0, (un21*b + un0 - q0*y) >> s
}

// Rem returns the remainder of (hi, lo) divided by y. Rem panics for y == 0 (division
// by zero) but, unlike Div, it does not panic when the quotient would overflow.
func Rem(hi, lo, y uint) uint {
	return uint(Rem64(uint64(hi), uint64(lo), uint64(y)))
}

// Rem32 returns the remainder of (hi, lo) divided by y. Rem32 panics for y == 0
// (division by zero) but, unlike Div32, it does not panic when the quotient would overflow.
func Rem32(hi, lo, y uint32) uint32 {
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

// Rem64 returns the remainder of (hi, lo) divided by y. Rem64 panics for y == 0
// (division by zero) but, unlike Div64, it does not panic when the quotient would overflow.
func Rem64(hi, lo, y uint64) uint64 {
	// hi·2^64 + lo and (hi mod y)·2^64 + lo have the same remainder, and the second one's
	// quotient fits in 64 bits. (hi % y panics for y == 0, as it should.)
	_, r := Div64(hi%y, lo, y)
	return r
}
