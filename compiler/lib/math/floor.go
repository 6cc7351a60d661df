package math

// Functions that take floats apart: rounding to integers, splitting into fraction and
// exponent, remainders, neighbours. Most of them work directly on the bits: a float64
// with exponent e (1 <= |x| < 2**53) has 52-e fraction bits below its integer part.

// Trunc returns the integer value of x.
//
// Special cases are:
//
//	Trunc(±0) = ±0
//	Trunc(±Inf) = ±Inf
//	Trunc(NaN) = NaN
func Trunc(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - bias
	switch {
	case e < 0:
		// |x| < 1: only the sign is left.
		return Float64frombits(b & signBit)
	case e >= expShift:
		// Already an integer (or Inf, or NaN).
		return x
	}
	// Clear the 52-e bits of the fraction that lie below the binary point.
	return Float64frombits(b &^ (fracMask >> uint(e)))
}

// Floor returns the greatest integer value less than or equal to x.
//
// Special cases are:
//
//	Floor(±0) = ±0
//	Floor(±Inf) = ±Inf
//	Floor(NaN) = NaN
func Floor(x float64) float64 {
	t := Trunc(x)
	if x < 0 && t != x {
		// Truncating a negative number went up: go one further down.
		return t - 1
	}
	return t
}

// Ceil returns the least integer value greater than or equal to x.
//
// Special cases are:
//
//	Ceil(±0) = ±0
//	Ceil(±Inf) = ±Inf
//	Ceil(NaN) = NaN
func Ceil(x float64) float64 {
	t := Trunc(x)
	if x > 0 && t != x {
		return t + 1
	}
	// (Ceil(-0.5) is -0, as Trunc gives it.)
	return t
}

// Round returns the nearest integer, rounding half away from zero.
//
// Special cases are:
//
//	Round(±0) = ±0
//	Round(±Inf) = ±Inf
//	Round(NaN) = NaN
func Round(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - bias
	switch {
	case e < -1:
		// |x| < 0.5 rounds to zero.
		b &= signBit
	case e == -1:
		// 0.5 <= |x| < 1 rounds to one.
		b = b&signBit | bitsOne
	case e < expShift:
		// Add one half (the bit just below the binary point; a carry may ripple into the
		// exponent, which is right), then clear the fraction.
		b += 1 << (expShift - 1) >> uint(e)
		b &^= fracMask >> uint(e)
	}
	// (Otherwise x is an integer already, or Inf, or NaN.)
	return Float64frombits(b)
}

// RoundToEven returns the nearest integer, rounding ties to even.
//
// Special cases are:
//
//	RoundToEven(±0) = ±0
//	RoundToEven(±Inf) = ±Inf
//	RoundToEven(NaN) = NaN
func RoundToEven(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - bias
	switch {
	case e < -1 || e == -1 && b&fracMask == 0:
		// |x| <= 0.5 rounds to zero (0.5 is a tie, and 0 is even).
		return Float64frombits(b & signBit)
	case e == -1:
		// 0.5 < |x| < 1 rounds to one.
		return Float64frombits(b&signBit | bitsOne)
	case e >= expShift:
		return x
	}
	// Add just under one half, plus one more unit when the integer part is odd: a tie then
	// carries up to the even neighbour only when the integer part is odd.
	odd := b >> uint(expShift-e) & 1
	b += (1<<(expShift-1) - 1 + odd) >> uint(e)
	return Float64frombits(b &^ (fracMask >> uint(e)))
}

// Modf returns integer and fractional floating-point numbers that sum to f. Both values
// have the same sign as f.
//
// Special cases are:
//
//	Modf(±Inf) = ±Inf, NaN
//	Modf(NaN) = NaN, NaN
func Modf(f float64) (int float64, frac float64) {
	if f < 1 {
		switch {
		case f < 0:
			// Work on |f| and give both parts f's sign (Modf(-3) is -3, -0).
			int, frac = Modf(-f)
			return -int, -frac
		case f == 0:
			return f, f // -0 gives -0, -0
		}
		return 0, f
	}
	int = Trunc(f)
	frac = f - int
	return
}

// Frexp breaks f into a normalized fraction and an integral power of two. It returns
// frac and exp satisfying f == frac × 2**exp, with the absolute value of frac in the
// interval [½, 1).
//
// Special cases are:
//
//	Frexp(±0) = ±0, 0
//	Frexp(±Inf) = ±Inf, 0
//	Frexp(NaN) = NaN, 0
func Frexp(f float64) (frac float64, exp int) {
	if f == 0 || IsInf(f, 0) || IsNaN(f) {
		return f, 0
	}
	f, exp = normalize(f)
	b := Float64bits(f)
	// The exponent of a number in [1, 2) is 0; in [½, 1) it is -1: that is the one to keep.
	exp += int(b>>expShift&expMask) - bias + 1
	b = b&^(expMask<<expShift) | (bias-1)<<expShift
	return Float64frombits(b), exp
}

// Ldexp is the inverse of Frexp. It returns frac × 2**exp.
//
// Special cases are:
//
//	Ldexp(±0, exp) = ±0
//	Ldexp(±Inf, exp) = ±Inf
//	Ldexp(NaN, exp) = NaN
func Ldexp(frac float64, exp int) float64 {
	if frac == 0 || IsInf(frac, 0) || IsNaN(frac) {
		return frac
	}
	frac, e := normalize(frac)
	exp += e
	b := Float64bits(frac)
	// The exponent of the result (the additions wrap around for absurd exp, as in Go).
	exp += int(b>>expShift&expMask) - bias
	if exp < -1075 {
		// Less than half the smallest subnormal: rounds to zero.
		return Copysign(0, frac)
	}
	if exp > 1023 {
		return Copysign(Inf(1), frac)
	}
	scale := 1.0
	if exp < -1022 {
		// A subnormal result: build a normal number 2**53 times too large, and let one
		// multiplication round it into place.
		exp += 53
		scale = 0x1p-53
	}
	b = b&^(expMask<<expShift) | uint64(exp+bias)<<expShift
	return scale * Float64frombits(b)
}

// Mod returns the floating-point remainder of x/y. The magnitude of the result is less
// than y and its sign agrees with that of x.
//
// Special cases are:
//
//	Mod(±Inf, y) = NaN
//	Mod(NaN, y) = NaN
//	Mod(x, 0) = NaN
//	Mod(x, ±Inf) = x
//	Mod(x, NaN) = NaN
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	y = Abs(y)
	yfrac, yexp := Frexp(y)
	r := x
	if x < 0 {
		r = -x // (not Abs: Mod(-0, y) is -0)
	}
	// Long division in binary: subtract from r the largest y × 2**k that is not larger
	// than r, until r < y. Each subtraction is exact.
	for r >= y {
		rfrac, rexp := Frexp(r)
		if rfrac < yfrac {
			rexp--
		}
		r -= Ldexp(y, rexp-yexp)
	}
	if x < 0 {
		r = -r
	}
	return r
}

// Remainder returns the IEEE 754 floating-point remainder of x/y: x - n×y where n is the
// integer nearest x/y (ties to even).
//
// Special cases are:
//
//	Remainder(±Inf, y) = NaN
//	Remainder(NaN, y) = NaN
//	Remainder(x, 0) = NaN
//	Remainder(x, ±Inf) = x
//	Remainder(x, NaN) = NaN
func Remainder(x, y float64) float64 {
	// FDLIBM's method (e_remainder.c): reduce modulo 2y with Mod, then subtract y once
	// or twice to land in [-y/2, y/2].
	const (
		tiny    = 0x1p-1021 // below 2*tiny, y/2 would lose bits
		halfMax = MaxFloat64 / 2
	)
	switch {
	case IsNaN(x) || IsNaN(y) || IsInf(x, 0) || y == 0:
		return NaN()
	case IsInf(y, 0):
		return x
	}
	neg := false
	if x < 0 {
		// (-0 stays as it is, and so is the result: Remainder(-0, y) is -0.)
		x = -x
		neg = true
	}
	y = Abs(y)
	if x == y {
		if neg {
			return Copysign(0, -1)
		}
		return 0
	}
	if y <= halfMax {
		x = Mod(x, y+y) // now x < 2y
	}
	if y < tiny {
		// Compare 2x with y rather than x with y/2, which could be inexact.
		if x+x > y {
			x -= y
			if x+x >= y {
				x -= y
			}
		}
	} else {
		half := 0.5 * y
		if x > half {
			x -= y
			if x >= half {
				x -= y
			}
		}
	}
	if neg {
		x = -x
	}
	return x
}

// Nextafter returns the next representable float64 value after x towards y.
//
// Special cases are:
//
//	Nextafter(x, x)   = x
//	Nextafter(NaN, y) = NaN
//	Nextafter(x, NaN) = NaN
func Nextafter(x, y float64) (r float64) {
	switch {
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == y:
		return x
	case x == 0:
		// The smallest subnormal, with the sign of the direction.
		return Copysign(Float64frombits(1), y)
	case (y > x) == (x > 0):
		// Away from zero: the next bit pattern up (floats of one sign are ordered like
		// their bit patterns).
		return Float64frombits(Float64bits(x) + 1)
	}
	return Float64frombits(Float64bits(x) - 1)
}

// Nextafter32 returns the next representable float32 value after x towards y.
//
// Special cases are:
//
//	Nextafter32(x, x)   = x
//	Nextafter32(NaN, y) = NaN
//	Nextafter32(x, NaN) = NaN
func Nextafter32(x, y float32) (r float32) {
	switch {
	case IsNaN(float64(x)) || IsNaN(float64(y)):
		return float32(NaN())
	case x == y:
		return x
	case x == 0:
		return float32(Copysign(float64(Float32frombits(1)), float64(y)))
	case (y > x) == (x > 0):
		return Float32frombits(Float32bits(x) + 1)
	}
	return Float32frombits(Float32bits(x) - 1)
}

// Logb returns the binary exponent of x.
//
// Special cases are:
//
//	Logb(±Inf) = +Inf
//	Logb(0) = -Inf
//	Logb(NaN) = NaN
func Logb(x float64) float64 {
	switch {
	case x == 0:
		return Inf(-1)
	case IsInf(x, 0):
		return Inf(1)
	case IsNaN(x):
		return x
	}
	return float64(ilogb(x))
}

// Ilogb returns the binary exponent of x as an integer.
//
// Special cases are:
//
//	Ilogb(±Inf) = MaxInt32
//	Ilogb(0) = MinInt32
//	Ilogb(NaN) = MaxInt32
func Ilogb(x float64) int {
	switch {
	case x == 0:
		return MinInt32
	case IsNaN(x) || IsInf(x, 0):
		return MaxInt32
	}
	return ilogb(x)
}

// ilogb returns the binary exponent of a finite, non-zero x.
func ilogb(x float64) int {
	x, e := normalize(x)
	return int(Float64bits(x)>>expShift&expMask) - bias + e
}

// Dim returns the maximum of x-y or 0.
//
// Special cases are:
//
//	Dim(+Inf, +Inf) = NaN
//	Dim(-Inf, -Inf) = NaN
//	Dim(x, NaN) = Dim(NaN, x) = NaN
func Dim(x, y float64) float64 {
	// A NaN difference fails the test and is returned.
	v := x - y
	if v <= 0 {
		return 0
	}
	return v
}

// Max returns the larger of x or y.
//
// Special cases are:
//
//	Max(x, +Inf) = Max(+Inf, x) = +Inf
//	Max(x, NaN) = Max(NaN, x) = NaN
//	Max(+0, ±0) = Max(±0, +0) = +0
//	Max(-0, -0) = -0
func Max(x, y float64) float64 {
	// The special cases make the whole too long to inline; the call is not.
	return max(x, y)
}

// gc finds max too long to inline; golift's measure (SSA values, not syntax nodes) does
// not, and inlining it would copy the special cases into every caller.
//
//go:noinline
func max(x, y float64) float64 {
	switch {
	case IsInf(x, 1) || IsInf(y, 1):
		return Inf(1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		// The two zeros: +0 is the larger.
		if Signbit(x) {
			return y
		}
		return x
	case x > y:
		return x
	}
	return y
}

// Min returns the smaller of x or y.
//
// Special cases are:
//
//	Min(x, -Inf) = Min(-Inf, x) = -Inf
//	Min(x, NaN) = Min(NaN, x) = NaN
//	Min(-0, ±0) = Min(±0, -0) = -0
func Min(x, y float64) float64 {
	return min(x, y)
}

// gc finds min too long to inline; golift's measure (SSA values, not syntax nodes) does
// not, and inlining it would copy the special cases into every caller.
//
//go:noinline
func min(x, y float64) float64 {
	switch {
	case IsInf(x, -1) || IsInf(y, -1):
		return Inf(-1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return x
		}
		return y
	case x < y:
		return x
	}
	return y
}
