package math

// Exponentials and powers.

// Exp returns e**x, the base-e exponential of x.
//
// Special cases are:
//
//	Exp(+Inf) = +Inf
//	Exp(NaN) = NaN
//
// Very large values overflow to 0 or +Inf. Very small values underflow to 1.
func Exp(x float64) float64 {
	// This is the method that Go runs on amd64 (in assembly), after Naoki Shibata,
	// "Efficient evaluation methods of elementary functions suitable for SIMD
	// computation" (ISC 2010), as in his SLEEF library:
	//  1. x = k·ln2 + r with k the integer nearest x/ln2 and |r| <= ln2/2, computing
	//     r = x - k·ln2 in two steps with ln2 split into a short high part and a low part;
	//  2. e**(r/16) - 1 by its Taylor series to the 8th power;
	//  3. squaring 4 times, with u = e**s - 1: e**(2s) - 1 = u·(u + 2);
	//  4. adding 1 and multiplying by 2**k (as two factors when the result is subnormal).
	// When the processor has fused multiply-adds, Go's assembly uses them in steps 1 to 3,
	// which changes the last bit of some results: golift does the same.
	const (
		ln2Hi    = 0.69314718055966295651160180568695068359375 // ln2, rounded to 32 bits
		ln2Lo    = 0.28235290563031577122588448175013436025525412068e-12
		log2e    = 1.4426950408889634073599246810018920 // 1/ln2
		overflow = 7.09782712893384e+02                 // above this, e**x is +Inf
	)
	// The Taylor coefficients 1/n! of e**r - 1, from the 8th power down to the 1st.
	const (
		t8 = 2.4801587301587301587e-5
		t7 = 1.9841269841269841270e-4
		t6 = 1.3888888888888888889e-3
		t5 = 8.3333333333333333333e-3
		t4 = 4.1666666666666666667e-2
		t3 = 1.6666666666666666667e-1
		t2 = 0.5
		t1 = 1.0
	)
	b := Float64bits(x)
	if b&^signBit >= bitsInf {
		// ±Inf or NaN.
		if b == bitsNInf {
			return 0
		}
		return x
	}
	if x > overflow {
		return Inf(1)
	}
	// k: x/ln2 rounded to the nearest integer, ties to even, as the processor converts a
	// float to a 32-bit integer; out of range (only for very negative x) it gives -2**31.
	t := log2e * x
	k := MinInt32
	if t > MinInt32 {
		k = int(RoundToEven(t))
	}
	fk := float64(k)

	var r, p float64
	if useFMA {
		r = archFMA(-fk, ln2Hi, x)
		r = archFMA(-fk, ln2Lo, r)
		r *= 0.0625
		p = archFMA(t8, r, t7)
		p = archFMA(p, r, t6)
		p = archFMA(p, r, t5)
		p = archFMA(p, r, t4)
		p = archFMA(p, r, t3)
		p = archFMA(p, r, t2)
		p = archFMA(p, r, t1)
		r *= p
		r *= r + 2
		r *= r + 2
		r *= r + 2
		r = archFMA(r, r+2, 1)
	} else {
		r = x - fk*ln2Hi
		r -= fk * ln2Lo
		r *= 0.0625
		p = t8*r + t7
		p = p*r + t6
		p = p*r + t5
		p = p*r + t4
		p = p*r + t3
		p = p*r + t2
		p = p*r + t1
		r *= p
		r *= r + 2
		r *= r + 2
		r *= r + 2
		r *= r + 2
		r += 1
	}

	// Multiply by 2**k, built from its bits.
	e := int32(k) + bias // the biased exponent
	if e >= 0x7ff {
		return Inf(1)
	}
	if e <= 0 {
		// Subnormal or zero result: 2**k is not a normal float; use 2**(k+1022) and 2**-1022.
		if e < -52 {
			return 0
		}
		r *= Float64frombits(uint64(e+bias-1) << expShift)
		e = 1
	}
	return r * Float64frombits(uint64(e)<<expShift)
}

// Exp2 returns 2**x, the base-2 exponential of x.
//
// Special cases are the same as Exp.
func Exp2(x float64) float64 {
	// FDLIBM's method: 2**x = 2**k · e**(t·ln2) with k the integer nearest x and
	// |t| <= 1/2; t·ln2 is carried as hi + lo for precision.
	const (
		ln2Hi     = 6.93147180369123816490e-01
		ln2Lo     = 1.90821492927058770002e-10
		overflow  = 1.0239999999999999e+03
		underflow = -1.0740e+03
	)
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return 0
	case x > overflow:
		return Inf(1)
	case x < underflow:
		return 0
	}
	// k = x rounded half away from zero (the conversion truncates).
	var k int
	switch {
	case x > 0:
		k = int(x + 0.5)
	case x < 0:
		k = int(x - 0.5)
	}
	t := x - float64(k)
	return expmulti(t*ln2Hi, -t*ln2Lo, k)
}

// expmulti returns e**r × 2**k where r = hi - lo and |r| <= ln2/2: FDLIBM's e_exp.c
// approximates e**r by a rational function R(r²) (a Remez minimax polynomial of degree 5
// for the correction c), e**r = 1 + r + r·c/(2-c).
func expmulti(hi, lo float64, k int) float64 {
	const (
		p1 = 1.66666666666666657415e-01  /* 0x3FC55555; 0x55555555 */
		p2 = -2.77777777770155933842e-03 /* 0xBF66C16C; 0x16BEBD93 */
		p3 = 6.61375632143793436117e-05  /* 0x3F11566A; 0xAF25DE2C */
		p4 = -1.65339022054652515390e-06 /* 0xBEBBBD41; 0xC5D26BF1 */
		p5 = 4.13813679705723846039e-08  /* 0x3E663769; 0x72BEA4D0 */
	)
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return Ldexp(y, k)
}

// Expm1 returns e**x - 1, the base-e exponential of x minus 1. It is more accurate than
// Exp(x) - 1 when x is near zero.
//
// Special cases are:
//
//	Expm1(+Inf) = +Inf
//	Expm1(-Inf) = -1
//	Expm1(NaN) = NaN
//
// Very large values overflow to -1 or +Inf.
func Expm1(x float64) float64 {
	// FDLIBM's s_expm1.c: x = k·ln2 + r with |r| <= ln2/2 (r as hi - lo, with the
	// rounding error c of that subtraction); e**r - 1 from a rational approximation in r
	// (a minimax polynomial in r² of degree 5); then scaled by 2**k with care for
	// cancellation, by cases on k.
	const (
		oThreshold = 7.09782712893383973096e+02 // 0x40862E42FEFA39EF: above, overflow
		ln2X56     = 3.88162421113569373274e+01 // 0x4043687a9f1af2b1: 56·ln2
		ln2HalfX3  = 1.03972077083991796413e+00 // 0x3ff0a2b23f3bab73: 1.5·ln2
		ln2Half    = 3.46573590279972654709e-01 // 0x3fd62e42fefa39ef: 0.5·ln2
		ln2Hi      = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
		ln2Lo      = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
		invLn2     = 1.44269504088896338700e+00 // 0x3ff71547652b82fe
		tiny       = 0x1p-54

		q1 = -3.33333333333331316428e-02 // 0xBFA11111111110F4
		q2 = 1.58730158725481460165e-03  // 0x3F5A01A019FE5585
		q3 = -7.93650757867487942473e-05 // 0xBF14CE199EAADBB7
		q4 = 4.00821782732936239552e-06  // 0x3ED0CFCA86E65239
		q5 = -2.01099218183624371326e-07 // 0xBE8AFDB76E09C32D
	)
	switch {
	case IsInf(x, 1) || IsNaN(x):
		return x
	case IsInf(x, -1):
		return -1
	}
	neg := x < 0
	ax := Abs(x)

	// Large arguments: e**x - 1 is -1 or overflows.
	if ax >= ln2X56 {
		if neg {
			return -1
		}
		if ax >= oThreshold {
			return Inf(1)
		}
	}

	// The argument reduction.
	var c float64
	var k int
	if ax > ln2Half {
		var hi, lo float64
		if ax < ln2HalfX3 {
			// |x| < 1.5·ln2: k is ±1.
			if !neg {
				hi, lo, k = x-ln2Hi, ln2Lo, 1
			} else {
				hi, lo, k = x+ln2Hi, -ln2Lo, -1
			}
		} else {
			if !neg {
				k = int(invLn2*x + 0.5)
			} else {
				k = int(invLn2*x - 0.5)
			}
			t := float64(k)
			hi = x - t*ln2Hi // exact: ln2Hi has few bits
			lo = t * ln2Lo
		}
		x = hi - lo
		c = (hi - x) - lo
	} else if ax < tiny {
		return x
	} else {
		k = 0
	}

	// e**x - 1 for |x| <= ln2/2, as x + x²/2 + correction.
	hfx := 0.5 * x
	hxs := x * hfx
	r1 := 1 + hxs*(q1+hxs*(q2+hxs*(q3+hxs*(q4+hxs*q5))))
	t := 3 - r1*hfx
	e := hxs * ((r1 - t) / (6.0 - x*t))
	if k == 0 {
		return x - (x*e - hxs)
	}

	// Scale back by 2**k.
	e = x*(e-c) - c
	e -= hxs
	switch {
	case k == -1:
		return 0.5*(x-e) - 0.5
	case k == 1:
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return 1 + 2*(x-e)
	case k <= -2 || k > 56:
		// The -1 no longer matters much: compute e**x and subtract 1 at the end.
		y := 1 - (e - x)
		y = Float64frombits(Float64bits(y) + uint64(k)<<expShift) // y × 2**k
		return y - 1
	}
	if k < 20 {
		t := Float64frombits(bitsOne - (0x20000000000000 >> uint(k))) // 1 - 2**-k
		y := t - (e - x)
		return Float64frombits(Float64bits(y) + uint64(k)<<expShift)
	}
	t = Float64frombits(uint64(bias-k) << expShift) // 2**-k
	y := x - (e + t)
	y++
	return Float64frombits(Float64bits(y) + uint64(k)<<expShift)
}

// Pow returns x**y, the base-x exponential of y.
//
// Special cases are (in order):
//
//	Pow(x, ±0) = 1 for any x
//	Pow(1, y) = 1 for any y
//	Pow(x, 1) = x for any x
//	Pow(NaN, y) = NaN
//	Pow(x, NaN) = NaN
//	Pow(±0, y) = ±Inf for y an odd integer < 0
//	Pow(±0, -Inf) = +Inf
//	Pow(±0, +Inf) = +0
//	Pow(±0, y) = +Inf for finite y < 0 and not an odd integer
//	Pow(±0, y) = ±0 for y an odd integer > 0
//	Pow(±0, y) = +0 for finite y > 0 and not an odd integer
//	Pow(-1, ±Inf) = 1
//	Pow(x, +Inf) = +Inf for |x| > 1
//	Pow(x, -Inf) = +0 for |x| > 1
//	Pow(x, +Inf) = +0 for |x| < 1
//	Pow(x, -Inf) = +Inf for |x| < 1
//	Pow(+Inf, y) = +Inf for y > 0
//	Pow(+Inf, y) = +0 for y < 0
//	Pow(-Inf, y) = Pow(-0, -y)
//	Pow(x, y) = NaN for finite x < 0 and finite non-integer y
func Pow(x, y float64) float64 {
	// A call that inlines, around the work that does not (as gc has it).
	return pow(x, y)
}

func pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		switch {
		case y < 0:
			if isOddInt(y) {
				return Copysign(Inf(1), x)
			}
			return Inf(1)
		case y > 0:
			if isOddInt(y) {
				return x
			}
			return 0
		}
	case IsInf(y, 0):
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == IsInf(y, 1):
			return 0
		default:
			return Inf(1)
		}
	case IsInf(x, 0):
		if IsInf(x, -1) {
			return pow(1/x, -y) // Pow(-0, -y)
		}
		switch {
		case y < 0:
			return 0
		case y > 0:
			return Inf(1)
		}
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}

	// y = yi + yf: the integer part by repeated squaring, the fraction with Exp and Log.
	yi, yf := Modf(Abs(y))
	if yf != 0 && x < 0 {
		return NaN()
	}
	if yi >= 1<<63 {
		// yi is an even integer so large that the result is 0, 1 or +Inf.
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == (y > 0):
			return 0
		default:
			return Inf(1)
		}
	}

	// The result is a1 × 2**ae.
	a1 := 1.0
	ae := 0
	if yf != 0 {
		// Keep the fraction in (-½, ½].
		if yf > 0.5 {
			yf--
			yi++
		}
		a1 = Exp(yf * Log(x))
	}

	// Binary powering of x = x1 × 2**xe, keeping the fraction x1 in [½, 1) so that it
	// never overflows, and the exponents apart.
	x1, xe := Frexp(x)
	for i := int64(yi); i != 0; i >>= 1 {
		if xe < -1<<12 || 1<<12 < xe {
			// The exponent has left the range of float64 for good: Ldexp overflows or
			// underflows correctly from here.
			ae += xe
			break
		}
		if i&1 == 1 {
			a1 *= x1
			ae += xe
		}
		x1 *= x1
		xe <<= 1
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}

	// x**-y = 1 / x**y.
	if y < 0 {
		a1 = 1 / a1
		ae = -ae
	}
	return Ldexp(a1, ae)
}

// isOddInt reports whether x is an odd integer.
func isOddInt(x float64) bool {
	if Abs(x) >= 1<<53 {
		// Every float this large is an even integer.
		return false
	}
	xi, xf := Modf(x)
	return xf == 0 && int64(xi)&1 == 1
}

// pow10tab holds 10**0 to 10**31, pow10pos32 10**(32·i) and pow10neg32 10**(-32·i): all
// the powers of ten are one multiplication (or division) of two of them.
var pow10tab = [...]float64{
	1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
	1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
	1e30, 1e31,
}

var pow10pos32 = [...]float64{
	1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
}

var pow10neg32 = [...]float64{
	1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
}

// Pow10 returns 10**n, the base-10 exponential of n.
//
// Special cases are:
//
//	Pow10(n) =    0 for n < -323
//	Pow10(n) = +Inf for n > 308
func Pow10(n int) float64 {
	switch {
	case 0 <= n && n <= 308:
		return pow10pos32[n/32] * pow10tab[n%32]
	case -323 <= n && n <= 0:
		return pow10neg32[-n/32] / pow10tab[-n%32]
	case n > 0:
		return Inf(1)
	}
	return 0
}
