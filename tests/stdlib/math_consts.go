// math: the constants (exact, rounded when used as floats), the integer and float limits,
// and the bit conversions.
package main

import "math"

func main() {
	fs := []float64{math.E, math.Pi, math.Phi, math.Sqrt2, math.SqrtE, math.SqrtPi, math.SqrtPhi,
		math.Ln2, math.Log2E, math.Ln10, math.Log10E, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.MaxFloat32, math.SmallestNonzeroFloat32}
	for _, f := range fs {
		println(f, math.Float64bits(f))
	}
	println(math.Float32bits(math.MaxFloat32), math.Float32bits(math.SmallestNonzeroFloat32), math.Float32bits(float32(math.Pi)))
	// Constant expressions stay exact until they are used.
	println(math.Pi/2 == 1.5707963267948966, math.Log2E*math.Ln2 == 1, math.MaxFloat64/math.MaxFloat64)
	println(math.MaxInt, math.MinInt, math.MaxInt8, math.MinInt8, math.MaxInt16, math.MinInt16)
	println(math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64)
	println(uint(math.MaxUint), math.MaxUint8, math.MaxUint16, math.MaxUint32, uint64(math.MaxUint64))
	var u8 uint8 = math.MaxUint8
	var i16 int16 = math.MinInt16
	println(u8, i16)

	// Bit conversions, both ways.
	for _, b := range []uint64{0, 1 << 63, 0x3ff0000000000000, 0x7ff0000000000000, 0xfff0000000000000, 1, 0x000fffffffffffff, 0x7fefffffffffffff, 0x400921fb54442d18} {
		f := math.Float64frombits(b)
		println(b, f, math.Float64bits(f) == b)
	}
	for _, b := range []uint32{0, 1 << 31, 0x3f800000, 0x7f800000, 0xff800000, 1, 0x7f7fffff, 0x40490fdb} {
		f := math.Float32frombits(b)
		println(b, f, math.Float32bits(f) == b)
	}
	nan := math.NaN()
	println(math.Float64bits(nan), math.IsNaN(nan), nan == nan, math.Float64bits(math.Inf(1)), math.Float64bits(math.Inf(-1)), math.Float64bits(math.Inf(0)))
	println(math.IsInf(math.Inf(1), 0), math.IsInf(math.Inf(1), 1), math.IsInf(math.Inf(1), -1), math.IsInf(math.Inf(-1), -1), math.IsInf(math.MaxFloat64, 0), math.IsInf(nan, 0))
	println(math.Signbit(math.Copysign(0, -1)), math.Signbit(0), math.Signbit(-1), math.Signbit(math.Inf(-1)), math.Signbit(nan))
	println(math.Float64bits(math.Copysign(3, -1)), math.Float64bits(math.Copysign(-3, 1)), math.Float64bits(math.Copysign(0, -2)), math.Float64bits(math.Abs(math.Copysign(0, -1))))
}
