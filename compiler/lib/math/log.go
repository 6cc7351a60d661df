package math

// Logarithms.

// The coefficients of FDLIBM's approximation of log(1+f) (e_log.c): with s = f/(2+f),
// log(1+f) = 2s + s·R(s²), R a minimax polynomial of degree 7 in s² (error < 2**-58.45).
const (
	lg1 = 6.666666666666735130e-01 /* 3FE55555 55555593 */
	lg2 = 3.999999999940941908e-01 /* 3FD99999 9997FA04 */
	lg3 = 2.857142874366239149e-01 /* 3FD24924 94229359 */
	lg4 = 2.222219843214978396e-01 /* 3FCC71C5 1D8E78AF */
	lg5 = 1.818357216161805012e-01 /* 3FC74664 96CB03DE */
	lg6 = 1.531383769920937332e-01 /* 3FC39A09 D078C69F */
	lg7 = 1.479819860511658591e-01 /* 3FC2F112 DF3E5244 */

	// ln2 split in two: ln2Hi has 32 bits, so k·ln2Hi is exact for |k| < 2**20.
	lgLn2Hi = 6.93147180369123816490e-01 /* 3fe62e42 fee00000 */
	lgLn2Lo = 1.90821492927058770002e-10 /* 3dea39ef 35793c76 */
)

// Log returns the natural logarithm of x.
//
// Special cases are:
//
//	Log(+Inf) = +Inf
//	Log(0) = -Inf
//	Log(x < 0) = NaN
//	Log(NaN) = NaN
func Log(x float64) float64 {
	// FDLIBM's method, as Go runs it on amd64 (in assembly):
	//  1. x = 2**k × (1+f) with √2/2 <= 1+f <= √2 (up to rounding);
	//  2. log(1+f) = f - f²/2 + s·(f²/2 + R(s²)) with s = f/(2+f), R as above;
	//  3. log(x) = k·ln2Hi + (log(1+f) + k·ln2Lo), grouped to keep the error small.
	// Like Go's assembly, step 1 reads the exponent and fraction fields directly, without
	// normalising subnormal numbers first (so their logarithms are off: Go on amd64 says
	// Log(5e-324) is -709.09 rather than -744.44), and moves 1+f to [√2/2, √2) from
	// [½, 1) when it is at most √2/2 (not only below).
	const hSqrt2 = 7.07106781186547524401e-01 // √2/2
	b := Float64bits(x)
	switch {
	case b&^signBit == 0:
		return Inf(-1) // ±0
	case b&signBit != 0:
		return NaN() // negative, including -Inf and NaNs with the sign bit set
	case b >= bitsInf:
		return x // +Inf or NaN
	}
	f1 := Float64frombits(b&fracMask | 0x3fe0000000000000) // the fraction, in [½, 1)
	k := float64(int(b>>expShift&expMask) - (bias - 1))
	if f1 <= hSqrt2 {
		k--
		f1 *= 2
	}
	f := f1 - 1
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	// R(s²) evaluated as two interleaved polynomials in s⁴.
	t1 := s2 * (lg1 + s4*(lg3+s4*(lg5+s4*lg7)))
	t2 := s4 * (lg2 + s4*(lg4+s4*lg6))
	R := t1 + t2
	hfsq := 0.5 * f * f
	return k*lgLn2Hi - ((hfsq - (s*(hfsq+R) + k*lgLn2Lo)) - f)
}

// Log10 returns the decimal logarithm of x. The special cases are the same as for Log.
func Log10(x float64) float64 {
	return Log(x) * (1 / Ln10)
}

// Log2 returns the binary logarithm of x. The special cases are the same as for Log.
func Log2(x float64) float64 {
	frac, exp := Frexp(x)
	// Exact powers of two get exact results.
	if frac == 0.5 {
		return float64(exp - 1)
	}
	return Log(frac)*(1/Ln2) + float64(exp)
}

// Log1p returns the natural logarithm of 1 plus its argument x. It is more accurate than
// Log(1 + x) when x is near zero.
//
// Special cases are:
//
//	Log1p(+Inf) = +Inf
//	Log1p(±0) = ±0
//	Log1p(-1) = -Inf
//	Log1p(x < -1) = NaN
//	Log1p(NaN) = NaN
func Log1p(x float64) float64 {
	// FDLIBM's s_log1p.c: 1+x = 2**k × (1+f) as in Log, but the rounding error c of
	// computing u = 1+x is kept and added back (log(u + c) ≈ log(u) + c/u), and small x
	// avoid the reduction altogether.
	const (
		sqrt2M1     = 4.142135623730950488017e-01  // √2-1 = 0x3fda827999fcef34
		sqrt2HalfM1 = -2.928932188134524755992e-01 // √2/2-1 = 0xbfd2bec333018866
		small       = 0x1p-29
		tiny        = 0x1p-54
		two53       = 1 << 53
	)
	switch {
	case x < -1 || IsNaN(x): // includes -Inf
		return NaN()
	case x == -1:
		return Inf(-1)
	case IsInf(x, 1):
		return Inf(1)
	}

	ax := Abs(x)
	var f float64
	var iu uint64 // the fraction bits of 1+f (0 when f is tiny); just non-zero for k == 0
	k := 1
	if ax < sqrt2M1 {
		if ax < small {
			if ax < tiny {
				return x
			}
			return x - x*x*0.5
		}
		if x > sqrt2HalfM1 {
			// √2/2-1 < x < √2-1: 1+x is already in range, no reduction.
			k, f, iu = 0, x, 1
		}
	}
	var c float64 // the correction for the rounding of 1+x
	if k != 0 {
		var u float64
		if ax < two53 {
			u = 1.0 + x
			iu = Float64bits(u)
			k = int((iu >> expShift) - bias)
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			// 1+x is x: no rounding error.
			u = x
			iu = Float64bits(u)
			k = int((iu >> expShift) - bias)
			c = 0
		}
		iu &= fracMask
		if iu < 0x0006a09e667f3bcd { // the fraction bits of √2
			u = Float64frombits(iu | bitsOne) // in [1, √2)
		} else {
			k++
			u = Float64frombits(iu | 0x3fe0000000000000) // in [√2/2, 1)
			iu = (0x0010000000000000 - iu) >> 2
		}
		f = u - 1.0
	}
	hfsq := 0.5 * f * f
	fk := float64(k)
	if iu == 0 {
		// |f| < 2**-20: a short series suffices.
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += fk * lgLn2Lo
			return fk*lgLn2Hi + c
		}
		R := hfsq * (1.0 - 0.66666666666666666*f)
		if k == 0 {
			return f - R
		}
		return fk*lgLn2Hi - ((R - (fk*lgLn2Lo + c)) - f)
	}
	s := f / (2.0 + f)
	z := s * s
	R := z * (lg1 + z*(lg2+z*(lg3+z*(lg4+z*(lg5+z*(lg6+z*lg7))))))
	if k == 0 {
		return f - (hfsq - s*(hfsq+R))
	}
	return fk*lgLn2Hi - ((hfsq - (s*(hfsq+R) + (fk*lgLn2Lo + c))) - f)
}
