package math

import "math/bits"

// Square and cube roots, the hypotenuse, and the fused multiply-add.

// archSqrt is the processor's square root instruction (correctly rounded, as IEEE 754
// requires), in the golift runtime.
func archSqrt(x float64) float64

// hasFMA reports whether the processor has a fused multiply-add instruction.
func hasFMA() bool

// archFMA is the processor's fused multiply-add; call it only when useFMA is true.
func archFMA(x, y, z float64) float64

// useFMA is true when the hardware can compute x*y+z with a single rounding.
var useFMA = hasFMA()

// Sqrt returns the square root of x.
//
// Special cases are:
//
//	Sqrt(+Inf) = +Inf
//	Sqrt(±0) = ±0
//	Sqrt(x < 0) = NaN
//	Sqrt(NaN) = NaN
func Sqrt(x float64) float64 {
	return archSqrt(x)
}

// Cbrt returns the cube root of x.
//
// Special cases are:
//
//	Cbrt(±0) = ±0
//	Cbrt(±Inf) = ±Inf
//	Cbrt(NaN) = NaN
func Cbrt(x float64) float64 {
	// FDLIBM's s_cbrt.c: a first guess from the bits (dividing the exponent by 3), one
	// step of a rational approximation good to about 23 bits, rounded to 20 bits so that
	// its square is exact, then one step of Newton's iteration.
	const (
		b1 = 715094163                   // (682-0.03306235651)*2**20: the bias adjustment of the guess
		b2 = 696219795                   // (664-0.03306235651)*2**20: the same for scaled subnormals
		c  = 5.42857142857142815906e-01  // 19/35
		d  = -7.05306122448979611050e-01 // -864/1225
		e  = 1.41428571428571436819e+00  // 99/70
		f  = 1.60714285714285720630e+00  // 45/28
		g  = 3.57142857142857150787e-01  // 5/14
	)
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := x < 0
	x = Abs(x)

	// Dividing the bits by 3 divides the exponent by 3 (roughly, for the fraction too).
	t := Float64frombits(Float64bits(x)/3 + b1<<32)
	if x < minNorm {
		// Subnormal: scale by 2**54 first.
		t = float64(1<<54) * x
		t = Float64frombits(Float64bits(t)/3 + b2<<32)
	}

	// The rational approximation.
	r := t * t / x
	s := c + r*t
	t *= g + f/(s+e+d/s)

	// Round t to 20 significant bits (away from zero), so that t*t is exact.
	t = Float64frombits(Float64bits(t)&(0xFFFFFFFFC<<28) + 1<<30)

	// One Newton step: t + t*(x/t² - t)/(2t + x/t²).
	s = t * t
	r = x / s
	w := t + t
	r = (r - t) / (w + r)
	t = t + t*r
	if neg {
		t = -t
	}
	return t
}

// Hypot returns Sqrt(p*p + q*q), taking care to avoid unnecessary overflow and underflow.
//
// Special cases are:
//
//	Hypot(±Inf, q) = +Inf
//	Hypot(p, ±Inf) = +Inf
//	Hypot(NaN, q) = NaN
//	Hypot(p, NaN) = NaN
func Hypot(p, q float64) float64 {
	// As Max: the wrapper inlines, the work does not.
	return hypot(p, q)
}

// gc finds hypot too long to inline; golift's measure (SSA values, not syntax nodes) does
// not, and inlining it would copy the special cases into every caller.
//
//go:noinline
func hypot(p, q float64) float64 {
	switch {
	case IsInf(p, 0) || IsInf(q, 0):
		return Inf(1)
	case IsNaN(p) || IsNaN(q):
		return NaN()
	}
	p, q = Abs(p), Abs(q)
	if p < q {
		p, q = q, p
	}
	if p == 0 {
		return 0
	}
	// p × sqrt(1 + (q/p)²), with q/p <= 1.
	q = q / p
	return p * Sqrt(1+q*q)
}

// FMA returns x * y + z, computed with only one rounding. (That is, FMA returns the fused
// multiply-add of x, y, and z.)
func FMA(x, y, z float64) float64 {
	if useFMA {
		return archFMA(x, y, z)
	}
	return softFMA(x, y, z)
}

// softFMA computes x*y + z with one rounding, in integer arithmetic: the exact product of
// the two 53-bit significands is a 106-bit number; z's significand is aligned with it
// (the bits shifted out are remembered as a "sticky" bit), added or subtracted, and the
// 128-bit result rounded to 53 bits, to nearest, ties to even.
func softFMA(x, y, z float64) float64 {
	bx, by, bz := Float64bits(x), Float64bits(y), Float64bits(z)
	// Zeros, infinities and NaNs: the ordinary operations get them right (a zero product
	// is exact, and an infinite or NaN one makes the result what x*y+z gives).
	if x == 0 || y == 0 || z == 0 || bx&bitsInf == bitsInf || by&bitsInf == bitsInf {
		return x*y + z
	}
	if bz&bitsInf == bitsInf {
		// A finite product plus an infinite or NaN z.
		return z
	}

	xneg, xe, xm := unpack(bx)
	yneg, ye, ym := unpack(by)
	zneg, ze, zm := unpack(bz)

	// Both terms become 128-bit integers (h, l) whose top bit is bit 126 (bit 127 stays
	// free for the carry of an addition), with the exponent e of that top bit: the value
	// is (h, l) × 2**(e-126).
	//
	// The product of the significands is in [2**104, 2**106); shifted left by 21 its top
	// bit is at 125 or 126.
	ph, pl := bits.Mul64(xm<<10, ym<<11)
	pe := xe + ye + 1
	pneg := xneg != yneg
	if ph>>62 == 0 {
		ph, pl = ph<<1|pl>>63, pl<<1
		pe--
	}
	// z's significand has its top bit at 52: shifted left by 74 it is at 126.
	zh, zl := zm<<10, uint64(0)

	// Make p the term of larger magnitude, and align z with it, keeping a sticky bit.
	if pe < ze || pe == ze && ph < zh {
		pneg, pe, ph, pl, zneg, ze, zh, zl = zneg, ze, zh, zl, pneg, pe, ph, pl
	}
	zh, zl = shiftRightSticky(zh, zl, uint(pe-ze))

	// Add or subtract, then take the top 64 bits m of the result (with a sticky bit for
	// the rest) and the exponent e of m's top bit.
	var m uint64
	var e int
	if pneg == zneg {
		var c uint64
		pl, c = bits.Add64(pl, zl, 0)
		ph, _ = bits.Add64(ph, zh, c)
		if ph>>63 == 1 {
			// A carry into bit 127.
			m, e = ph|nonzero(pl), pe+1
		} else {
			m, e = ph<<1|pl>>63|nonzero(pl<<1), pe
		}
	} else {
		var b uint64
		pl, b = bits.Sub64(pl, zl, 0)
		ph, _ = bits.Sub64(ph, zh, b)
		if ph == 0 && pl == 0 {
			// Exact cancellation gives +0 when rounding to nearest.
			return 0
		}
		// Bring the top bit up to bit 127.
		n := bits.LeadingZeros64(ph)
		if n == 64 {
			n += bits.LeadingZeros64(pl)
		}
		ph, pl = shiftLeft128(ph, pl, uint(n))
		m, e = ph|nonzero(pl), pe+1-n
	}
	return round64(pneg, e, m)
}

// unpack splits the bits of a finite non-zero float64 into its sign, its unbiased
// exponent and its 53-bit significand m (normalised: m has bit 52 set), so that the value
// is m × 2**(e-52).
func unpack(b uint64) (neg bool, e int, m uint64) {
	neg = b&signBit != 0
	e = int(b>>expShift&expMask) - bias
	m = b & fracMask
	if e == -bias {
		// Subnormal: normalise the significand.
		s := bits.LeadingZeros64(m) - 11
		m <<= uint(s)
		e = -1022 - s
	} else {
		m |= 1 << 52
	}
	return
}

// nonzero is 1 if x != 0, else 0.
func nonzero(x uint64) uint64 {
	if x != 0 {
		return 1
	}
	return 0
}

// shiftLeft128 shifts the 128-bit number (h, l) left by n < 128 bits.
func shiftLeft128(h, l uint64, n uint) (uint64, uint64) {
	if n >= 64 {
		return l << (n - 64), 0
	}
	if n == 0 {
		return h, l
	}
	return h<<n | l>>(64-n), l << n
}

// shiftRightSticky shifts the 128-bit number (h, l) right by n bits, or-ing into the
// lowest bit whether any one bit was shifted out.
func shiftRightSticky(h, l uint64, n uint) (uint64, uint64) {
	switch {
	case n == 0:
		return h, l
	case n < 64:
		return h >> n, l>>n | h<<(64-n) | nonzero(l<<(64-n))
	case n == 64:
		return 0, h | nonzero(l)
	case n < 128:
		return 0, h>>(n-64) | nonzero(h<<(128-n)|l)
	}
	return 0, nonzero(h | l)
}

// round64 returns the float64 nearest to (-1)**neg × m × 2**(e-63), where m has its top
// bit set and its lowest bit is sticky (set if any non-zero bits were dropped below it).
func round64(neg bool, e int, m uint64) float64 {
	var sign uint64
	if neg {
		sign = signBit
	}
	if e > 1023 {
		return Float64frombits(sign | bitsInf)
	}
	// 53 bits are kept for a normal result; fewer for a subnormal one.
	drop := uint(11)
	if e < -1022 {
		d := -1022 - e
		if d > 53 {
			// Below half the smallest subnormal (2**-1075): rounds to 0.
			return Float64frombits(sign)
		}
		drop += uint(d)
	}
	keep := m >> drop
	rest := m & (1<<drop - 1)
	half := uint64(1) << (drop - 1)
	if rest > half || rest == half && keep&1 == 1 {
		keep++
	}
	// keep is now the significand (possibly 2**53 after a carry, which moves into the
	// exponent by itself below). Assemble: for a normal number, the exponent field is
	// e+bias and the leading bit of keep is implicit, which adding does.
	if e < -1022 {
		// Subnormal (or rounded up to the smallest normal: keep == 2**52, exponent 1).
		return Float64frombits(sign | keep)
	}
	return Float64frombits(sign | (uint64(e+bias-1)<<expShift + keep))
}
