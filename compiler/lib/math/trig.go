package math

import "math/bits"

// Sine, cosine and tangent, after the Cephes library (sin.c, tan.c by Stephen L. Moshier).
//
// The argument x >= 0 is reduced to z in [-π/4, π/4] with x = j·(π/4) + z and j even
// (the octant is rounded up to the next even one); then sin z and cos z come from
// polynomials in z², and the octant j mod 8 says which one is wanted and with which sign.
// For x below 2**29 the reduction subtracts j·(π/4) in three parts (π/4 split into
// pieces whose products with j are exact); for larger x it uses a long binary expansion
// of 4/π (Payne and Hanek's method, trigReduce).

// The coefficients of sin z = z + z³·S(z²) and cos z = 1 - z²/2 + z⁴·C(z²).
var sinCoef = [...]float64{
	1.58962301576546568060e-10, // 0x3de5d8fd1fd19ccd
	-2.50507477628578072866e-8, // 0xbe5ae5e5a9291f5d
	2.75573136213857245213e-6,  // 0x3ec71de3567d48a1
	-1.98412698295895385996e-4, // 0xbf2a01a019bfdf03
	8.33333333332211858878e-3,  // 0x3f8111111110f7d0
	-1.66666666666666307295e-1, // 0xbfc5555555555548
}

var cosCoef = [...]float64{
	-1.13585365213876817300e-11, // 0xbda8fa49a0861a9b
	2.08757008419747316778e-9,   // 0x3e21ee9d7b4e3f05
	-2.75573141792967388112e-7,  // 0xbe927e4f7eac4bc6
	2.48015872888517045348e-5,   // 0x3efa01a019c844f5
	-1.38888888888730564116e-3,  // 0xbf56c16c16c14f91
	4.16666666666665929218e-2,   // 0x3fa555555555554b
}

// π/4 in three parts: the first two have few enough bits that j·part is exact.
const (
	pi4A = 7.85398125648498535156e-1  // 0x3fe921fb40000000
	pi4B = 3.77489470793079817668e-8  // 0x3e64442d00000000
	pi4C = 2.69515142907905952645e-15 // 0x3ce8469898cc5170
)

// Beyond reduceThreshold, j·(π/4) is no longer exact in three parts: use trigReduce.
const reduceThreshold = 1 << 29

// reduce returns j (the even octant, mod 8) and z = x - j·(π/4) for x >= 0.
func reduce(x float64) (j uint64, z float64) {
	if x >= reduceThreshold {
		return trigReduce(x)
	}
	j = uint64(x * (4 / Pi)) // the octant (truncated)
	y := float64(j)
	if j&1 == 1 {
		// Map the odd octants onto the next even one: z is then in [-π/4, π/4].
		j++
		y++
	}
	j &= 7
	z = ((x - y*pi4A) - y*pi4B) - y*pi4C
	return j, z
}

// sinPoly returns sin z for |z| <= π/4, given zz = z².
func sinPoly(z, zz float64) float64 {
	return z + z*zz*((((((sinCoef[0]*zz)+sinCoef[1])*zz+sinCoef[2])*zz+sinCoef[3])*zz+sinCoef[4])*zz+sinCoef[5])
}

// cosPoly returns cos z for |z| <= π/4, given zz = z².
func cosPoly(zz float64) float64 {
	return 1.0 - 0.5*zz + zz*zz*((((((cosCoef[0]*zz)+cosCoef[1])*zz+cosCoef[2])*zz+cosCoef[3])*zz+cosCoef[4])*zz+cosCoef[5])
}

// Cos returns the cosine of the radian argument x.
//
// Special cases are:
//
//	Cos(±Inf) = NaN
//	Cos(NaN) = NaN
func Cos(x float64) float64 {
	if IsNaN(x) || IsInf(x, 0) {
		return NaN()
	}
	j, z := reduce(Abs(x))
	neg := false
	if j > 3 {
		// Octants 4 to 7: cos(z + π) = -cos z.
		j -= 4
		neg = !neg
	}
	if j > 1 {
		// Octant 2: cos(z + π/2) = -sin z.
		neg = !neg
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z, zz)
	} else {
		y = cosPoly(zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sin returns the sine of the radian argument x.
//
// Special cases are:
//
//	Sin(±0) = ±0
//	Sin(±Inf) = NaN
//	Sin(NaN) = NaN
func Sin(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case IsInf(x, 0):
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	j, z := reduce(x)
	if j > 3 {
		// sin(z + π) = -sin z.
		j -= 4
		neg = !neg
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		// sin(z + π/2) = cos z.
		y = cosPoly(zz)
	} else {
		y = sinPoly(z, zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sincos returns Sin(x), Cos(x).
//
// Special cases are:
//
//	Sincos(±0) = ±0, 1
//	Sincos(±Inf) = NaN, NaN
//	Sincos(NaN) = NaN, NaN
func Sincos(x float64) (sin, cos float64) {
	switch {
	case x == 0:
		return x, 1
	case IsNaN(x) || IsInf(x, 0):
		return NaN(), NaN()
	}
	sinNeg, cosNeg := false, false
	if x < 0 {
		x = -x
		sinNeg = true
	}
	j, z := reduce(x)
	if j > 3 {
		j -= 4
		sinNeg, cosNeg = !sinNeg, !cosNeg
	}
	if j > 1 {
		cosNeg = !cosNeg
	}
	zz := z * z
	cos = cosPoly(zz)
	sin = sinPoly(z, zz)
	if j == 1 || j == 2 {
		sin, cos = cos, sin
	}
	if cosNeg {
		cos = -cos
	}
	if sinNeg {
		sin = -sin
	}
	return
}

// The coefficients of tan z = z + z³·P(z²)/Q(z²) (Cephes).
var tanP = [...]float64{
	-1.30936939181383777646e4, // 0xc0c992d8d24f3f38
	1.15351664838587416140e6,  // 0x413199eca5fc9ddd
	-1.79565251976484877988e7, // 0xc1711fead3299176
}

var tanQ = [...]float64{
	1.00000000000000000000e0,
	1.36812963470692954678e4,  // 0x40cab8a5eeb36572
	-1.32089234440210967447e6, // 0xc13427bc582abc96
	2.50083801823357915839e7,  // 0x4177d98fc2ead8ef
	-5.38695755929454629881e7, // 0xc189afe03cbe5a31
}

// Tan returns the tangent of the radian argument x.
//
// Special cases are:
//
//	Tan(±0) = ±0
//	Tan(±Inf) = NaN
//	Tan(NaN) = NaN
func Tan(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case IsInf(x, 0):
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var j uint64
	var z float64
	if x >= reduceThreshold {
		j, z = trigReduce(x)
	} else {
		// As reduce, but the octant is not taken mod 8 (only its bit 1 matters).
		j = uint64(x * (4 / Pi))
		y := float64(j)
		if j&1 == 1 {
			j++
			y++
		}
		z = ((x - y*pi4A) - y*pi4B) - y*pi4C
	}
	zz := z * z
	y := z
	if zz > 1e-14 {
		y = z + z*(zz*(((tanP[0]*zz)+tanP[1])*zz+tanP[2])/((((zz+tanQ[1])*zz+tanQ[2])*zz+tanQ[3])*zz+tanQ[4]))
	}
	if j&2 == 2 {
		// tan(z + π/2) = -1/tan z.
		y = -1 / y
	}
	if neg {
		y = -y
	}
	return y
}

// trigReduce returns j and z such that x = j·(π/4) + z with z in [-π/4, π/4] and j even
// (mod 8), for large x (>= reduceThreshold). x is an integer m × 2**e, so x·(4/π) mod 8
// only needs the bits of 4/π from position e-3 or so on: it multiplies m by 192 bits of
// 4/π taken from there (mPi4), the integer part of the product is the octant and the
// fraction times π/4 is z.
func trigReduce(x float64) (j uint64, z float64) {
	const pi4 = Pi / 4
	if x < pi4 {
		return 0, x
	}
	// x = m × 2**e with m the 53-bit significand.
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - bias - expShift
	m := b&fracMask | 1<<expShift

	// The 192 bits of 4/π that matter, starting at bit e+61 of the expansion (the
	// integer bit of 4/π is bit 63 of mPi4[0], which holds only it).
	digit, shift := uint(e+61)/64, uint(e+61)%64
	w0 := mPi4[digit]<<shift | mPi4[digit+1]>>(64-shift)
	w1 := mPi4[digit+1]<<shift | mPi4[digit+2]>>(64-shift)
	w2 := mPi4[digit+2]<<shift | mPi4[digit+3]>>(64-shift)

	// m × (w0, w1, w2), keeping the middle 128 bits (hi, lo): the bits above are
	// multiples of 8 octants, the bits below too small to matter.
	w2hi, _ := bits.Mul64(w2, m)
	w1hi, w1lo := bits.Mul64(w1, m)
	w0lo := w0 * m
	lo, carry := bits.Add64(w1lo, w2hi, 0)
	hi, _ := bits.Add64(w0lo, w1hi, carry)

	// The top 3 bits are the octant; the rest is the fraction of an octant.
	j = hi >> 61
	hi = hi<<3 | lo>>61
	// Make a float64 of the fraction: normalise its leading one bit and build the bits.
	lz := uint(bits.LeadingZeros64(hi))
	exp := uint64(bias - (lz + 1))
	hi = hi<<(lz+1) | lo>>(64-(lz+1))
	hi >>= 64 - expShift
	hi |= exp << expShift
	z = Float64frombits(hi)
	// Round odd octants up, as the small-argument reduction does.
	if j&1 == 1 {
		j++
		j &= 7
		z--
	}
	return j, z * pi4
}

// mPi4 is the binary expansion of 4/π, 64 bits per word, starting with its integer part
// (1) alone in the first word: enough bits for the reduction of any float64.
var mPi4 = [...]uint64{
	0x0000000000000001,
	0x45f306dc9c882a53,
	0xf84eafa3ea69bb81,
	0xb6c52b3278872083,
	0xfca2c757bd778ac3,
	0x6e48dc74849ba5c0,
	0x0c925dd413a32439,
	0xfc3bd63962534e7d,
	0xd1046bea5d768909,
	0xd338e04d68befc82,
	0x7323ac7306a673e9,
	0x3908bf177bf25076,
	0x3ff12fffbc0b301f,
	0xde5e2316b414da3e,
	0xda6cfd9e4f96136e,
	0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6,
	0x7a0e73ef14a525d4,
	0xd7f6bf623f1aba10,
	0xac06608df8f6d757,
}
