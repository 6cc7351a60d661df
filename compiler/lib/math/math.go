// Package math, as shipped with golift: basic constants and mathematical functions on
// float64 (IEEE 754 double precision).
//
// The functions give exactly the results of Go 1.19 on linux/amd64, bit for bit, on every
// target golift builds for. They are therefore computed with the same methods, step by
// step in the same order of floating-point operations:
//   - most functions are the classic polynomial and rational approximations of FDLIBM
//     (Sun's freely distributable libm, 1993) and of the Cephes library (Stephen L.
//     Moshier), after reducing the argument to a small interval;
//   - Exp and Log follow what Go runs on amd64, which is assembly there (Exp: the
//     method of Naoki Shibata's SLEEF library, with fused multiply-adds when the processor
//     has them; Log: FDLIBM's, with its own way of taking the float apart); golift writes
//     the same steps in Go (exp.go, log.go);
//   - Sqrt and FMA are single instructions of the processor, reached through the golift
//     runtime (runtime/src/mathf.rs), as is looking at the bits of a float (Float64bits
//     and friends), which Go does with package unsafe.
//
// Special cases (infinities, NaN, signed zeros) are those that each function documents.
package math

// Mathematical constants (exact: the compiler rounds them when they are used as floats).
const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763 // OEIS A001113
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459 // OEIS A000796
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862 // OEIS A001622

	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974 // OEIS A002193
	SqrtE   = 1.64872127070012814684865078781416357165377610071014801157507931 // OEIS A019774
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779 // OEIS A002161
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038 // OEIS A139339

	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009 // OEIS A002162
	Log2E  = 1 / Ln2
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790 // OEIS A002392
	Log10E = 1 / Ln10
)

// Floating-point limit values. Max is the largest finite value representable by the type;
// SmallestNonzero is the smallest positive (subnormal) value.
const (
	MaxFloat32             = 0x1p127 * (2 - 0x1p-23)  // 3.40282346638528859811704183484516925440e+38
	SmallestNonzeroFloat32 = 0x1p-149                 // 1.401298464324817070923729583289916131280e-45
	MaxFloat64             = 0x1p1023 * (2 - 0x1p-52) // 1.79769313486231570814527423731704356798070e+308
	SmallestNonzeroFloat64 = 0x1p-1074                // 4.9406564584124654417656879286822137236505980e-324
)

// Integer limit values.
const (
	intSize = 32 << (^uint(0) >> 63) // the size of int in bits: 64 on every golift target

	MaxInt    = 1<<(intSize-1) - 1
	MinInt    = -1 << (intSize - 1)
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<intSize - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)

// The layout of a float64: 1 sign bit, 11 exponent bits (biased by 1023), 52 fraction bits.
const (
	expShift = 52                 // position of the exponent field
	expMask  = 0x7ff              // the exponent field, once shifted down
	bias     = 1023               // exponent bias: the field holds exponent + 1023
	signBit  = 1 << 63            // the sign bit
	fracMask = 1<<expShift - 1    // the fraction field
	bitsInf  = 0x7ff0000000000000 // +Inf
	bitsNInf = 0xfff0000000000000 // -Inf
	bitsNaN  = 0x7ff8000000000001 // the NaN that NaN() returns (as Go's)
	bitsOne  = 0x3ff0000000000000 // 1.0
	minNorm  = 0x1p-1022          // the smallest positive normal float64
)

// Float64bits returns the IEEE 754 binary representation of f, with the sign bit of f
// and the result in the same bit position. Float64bits(Float64frombits(x)) == x.
func Float64bits(f float64) uint64 { return float64bits(f) }

// Float64frombits returns the floating-point number corresponding to the IEEE 754 binary
// representation b, with the sign bit of b and the result in the same bit position.
// Float64frombits(Float64bits(x)) == x.
func Float64frombits(b uint64) float64 { return float64frombits(b) }

// Float32bits returns the IEEE 754 binary representation of f, with the sign bit of f
// and the result in the same bit position. Float32bits(Float32frombits(x)) == x.
func Float32bits(f float32) uint32 { return float32bits(f) }

// Float32frombits returns the floating-point number corresponding to the IEEE 754 binary
// representation b, with the sign bit of b and the result in the same bit position.
// Float32frombits(Float32bits(x)) == x.
func Float32frombits(b uint32) float32 { return float32frombits(b) }

// The compiler makes each of these a reinterpretation of the bits, in a register: no code
// (compiler/src/ssa/build/intrinsics.rs). The exported functions above are what inlining
// copies into callers, as gc inlines its own (which go through memory, with unsafe).
func float64bits(f float64) uint64
func float64frombits(b uint64) float64
func float32bits(f float32) uint32
func float32frombits(b uint32) float32

// Inf returns positive infinity if sign >= 0, negative infinity if sign < 0.
func Inf(sign int) float64 {
	if sign >= 0 {
		return Float64frombits(bitsInf)
	}
	return Float64frombits(bitsNInf)
}

// NaN returns an IEEE 754 “not-a-number” value.
func NaN() float64 { return Float64frombits(bitsNaN) }

// IsNaN reports whether f is an IEEE 754 “not-a-number” value.
func IsNaN(f float64) (is bool) {
	// NaN is the only value that is not equal to itself.
	return f != f
}

// IsInf reports whether f is an infinity, according to sign. If sign > 0, IsInf reports
// whether f is positive infinity; if sign < 0, whether f is negative infinity; if
// sign == 0, whether f is either infinity.
func IsInf(f float64, sign int) bool {
	// Only the infinities lie beyond the largest finite value.
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

// Signbit reports whether x is negative or negative zero.
func Signbit(x float64) bool {
	return Float64bits(x)&signBit != 0
}

// Copysign returns a value with the magnitude of f and the sign of sign.
func Copysign(f, sign float64) float64 {
	return Float64frombits(Float64bits(f)&^signBit | Float64bits(sign)&signBit)
}

// Abs returns the absolute value of x.
//
// Special cases are:
//
//	Abs(±Inf) = +Inf
//	Abs(NaN) = NaN
func Abs(x float64) float64 {
	return Float64frombits(Float64bits(x) &^ signBit)
}

// normalize returns a normal number y and an exponent e with x == y × 2**e: a subnormal
// x is scaled up by 2**52. x must be finite and non-zero.
func normalize(x float64) (y float64, e int) {
	if Abs(x) < minNorm {
		return x * (1 << 52), -52
	}
	return x, 0
}
