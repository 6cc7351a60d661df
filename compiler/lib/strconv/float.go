package strconv

// The layout of IEEE 754 binary floats: a sign bit, then the biased exponent, then the
// mantissa (the fraction bits after the leading 1, which is implicit and not stored,
// except in subnormal numbers and zero, whose exponent field is 0). An exponent field of
// all ones means infinity (mantissa 0) or NaN.
type floatFormat struct {
	mantBits uint // bits of the stored mantissa: 52 or 23
	expBits  uint // bits of the exponent: 11 or 8
	bias     int  // the exponent field of 1.0: 1023 or 127
}

var float64Format = floatFormat{52, 11, 1023}
var float32Format = floatFormat{23, 8, 127}

// The functions below have no body: the runtime implements them
// (runtime/src/floatconv.rs). float32 values cross as float64, which holds them exactly.

// float64bits returns the IEEE 754 bits of f.
func float64bits(f float64) uint64

// float64frombits returns the float64 with the IEEE 754 bits b.
func float64frombits(b uint64) float64

// float32bits64 returns the bits of the float32 value f.
func float32bits64(f float64) uint64

// float32frombits64 returns the float32 with the bits b (the low 32 bits), as a float64.
func float32frombits64(b uint64) float64

// decimalDigits writes to buf the decimal digits of the float (float64 bits, or float32
// bits if bitSize is 32; the sign is ignored), without leading or trailing zeros, and
// returns how many it wrote and the place of the decimal point: the number is
// 0.d1d2d3... × 10^dp (zero gives no digits, and dp 0). The digits are those of:
//
//	mode 0: the shortest decimal that ParseFloat reads back as the same float (the
//	        nearest such decimal to the float, the even one of two equally near)
//	mode 1: the float's exact value rounded to n significant digits (n >= 1)
//	mode 2: the float's exact value rounded to n digits after the decimal point
//
// Rounding is to the nearest, ties to even. buf must have room for 800 digits, unless the
// caller knows there are fewer.
//
//go:noescape
func decimalDigits(buf []byte, bits uint64, bitSize int, mode int, n int) (nd int, dp int)

// parseDecimal returns the bits of the float64 (float32 if bitSize is 32) nearest to the
// decimal number s, infinity if it is too large. s must be a well-formed decimal number of
// Go's syntax without underscores: an optional sign, digits with at most one '.', and an
// optional exponent (e or E, an optional sign, digits).
func parseDecimal(s string, bitSize int) uint64

// Float64bits-like helpers for a float of either format.

// floatBits returns the bits of f as a float of bitSize bits (float32(f) for 32).
func floatBits(f float64, bitSize int) uint64 {
	if bitSize == 32 {
		return float32bits64(float64(float32(f)))
	}
	return float64bits(f)
}

// floatFromBits returns the float64 or float32 (as a float64) with the bits b.
func floatFromBits(b uint64, bitSize int) float64 {
	if bitSize == 32 {
		return float32frombits64(b)
	}
	return float64frombits(b)
}
