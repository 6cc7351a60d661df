// math: the special cases that each function documents (NaN, ±Inf, ±0, domain edges),
// printed both as println prints floats and as bits (except NaN, whose bits depend on the
// processor when an operation creates it).
package main

import "math"

var (
	inf  = math.Inf(1)
	ninf = math.Inf(-1)
	nan  = math.NaN()
	nz   = math.Copysign(0, -1)
)

func show(name string, xs []float64, f func(float64) float64) {
	print(name, ":")
	for _, x := range xs {
		r := f(x)
		if math.IsNaN(r) {
			print(" NaN")
		} else {
			print(" ", r, "/", math.Float64bits(r))
		}
	}
	println()
}

func show2(name string, xs [][2]float64, f func(float64, float64) float64) {
	print(name, ":")
	for _, x := range xs {
		r := f(x[0], x[1])
		if math.IsNaN(r) {
			print(" NaN")
		} else {
			print(" ", r, "/", math.Float64bits(r))
		}
	}
	println()
}

func main() {
	basic := []float64{0, nz, inf, ninf, nan, 1, -1, 0.5, -0.5, 2, -2, 1e-310, -1e-310, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64}
	for _, c := range []struct {
		n string
		f func(float64) float64
	}{
		{"Abs", math.Abs}, {"Ceil", math.Ceil}, {"Floor", math.Floor}, {"Trunc", math.Trunc}, {"Round", math.Round},
		{"RoundToEven", math.RoundToEven}, {"Sqrt", math.Sqrt}, {"Cbrt", math.Cbrt}, {"Exp", math.Exp}, {"Exp2", math.Exp2},
		{"Expm1", math.Expm1}, {"Log", math.Log}, {"Log2", math.Log2}, {"Log10", math.Log10}, {"Log1p", math.Log1p},
		{"Sin", math.Sin}, {"Cos", math.Cos}, {"Tan", math.Tan}, {"Asin", math.Asin}, {"Acos", math.Acos}, {"Atan", math.Atan},
		{"Sinh", math.Sinh}, {"Cosh", math.Cosh}, {"Tanh", math.Tanh}, {"Asinh", math.Asinh}, {"Acosh", math.Acosh},
		{"Atanh", math.Atanh}, {"Gamma", math.Gamma}, {"Erf", math.Erf}, {"Erfc", math.Erfc}, {"Erfinv", math.Erfinv},
		{"Erfcinv", math.Erfcinv}, {"Logb", math.Logb}, {"J0", math.J0}, {"J1", math.J1}, {"Y0", math.Y0}, {"Y1", math.Y1},
	} {
		show(c.n, basic, c.f)
	}
	// Rounding at the halves and near the limits of exactness.
	halves := []float64{0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370495.5, -4503599627370495.5, 4503599627370497, 1 << 52, 1<<53 + 2, 0.75, -0.75, 1e300}
	show("Round", halves, math.Round)
	show("RoundToEven", halves, math.RoundToEven)
	show("Floor", halves, math.Floor)
	show("Ceil", halves, math.Ceil)
	show("Trunc", halves, math.Trunc)
	// Domain edges.
	show("Exp", []float64{709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, -708.4, -1e10, 1e-17}, math.Exp)
	show("Log", []float64{math.E, 10, 0.7071067811865476, 5e-324, 1e-310, 2.2250738585072014e-308}, math.Log)
	show("Log2", []float64{8, 0.125, 1 << 62, 10, 5e-324}, math.Log2)
	show("Log10", []float64{100, 1e-300, 1e300, 2}, math.Log10)
	show("Log1p", []float64{-1, -2, -0.5, 1e-20, 1e20, 0.41, -0.29}, math.Log1p)
	show("Asin", []float64{1, -1, 1.0000000000000002, 0.7}, math.Asin)
	show("Acos", []float64{1, -1, 1.0000000000000002, 0}, math.Acos)
	show("Atanh", []float64{1, -1, 1.0000000000000002, 0.5, 1e-30}, math.Atanh)
	show("Acosh", []float64{1, 0.9999999999999999, 2, 1e300}, math.Acosh)
	show("Gamma", []float64{-1, -2, -1e300, 171.6, 171.7, -170.5, -171.5, -183.5, 1e-10, -1e-10, 33.5, -33.5, 5}, math.Gamma)
	show("Erfinv", []float64{1, -1, 0.9999999999, 0.85, 0.86, -1.5}, math.Erfinv)
	show("Sin", []float64{1 << 29, 1e22, math.Pi, 1e300, -1e300}, math.Sin)
	show("Cos", []float64{1 << 29, 1e22, math.Pi, 1e300}, math.Cos)
	show("Tan", []float64{1 << 29, 1e22, math.Pi / 2, 1e300}, math.Tan)

	pairs := [][2]float64{{0, 0}, {nz, 0}, {0, nz}, {nz, nz}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}, {nz, -1}, {inf, 1}, {ninf, 1}, {1, inf}, {1, ninf},
		{inf, inf}, {ninf, ninf}, {inf, ninf}, {ninf, inf}, {nan, 1}, {1, nan}, {2, 3}, {-2, 3}, {2, -3}, {-2, -3}, {5, 0.5}, {-1, 0.5}}
	for _, c := range []struct {
		n string
		f func(float64, float64) float64
	}{
		{"Pow", math.Pow}, {"Atan2", math.Atan2}, {"Hypot", math.Hypot}, {"Mod", math.Mod}, {"Remainder", math.Remainder},
		{"Max", math.Max}, {"Min", math.Min}, {"Dim", math.Dim}, {"Copysign", math.Copysign}, {"Nextafter", math.Nextafter},
	} {
		show2(c.n, pairs, c.f)
	}
	show2("Pow", [][2]float64{{nz, -3}, {nz, -2}, {nz, 3}, {nz, 2}, {0, -3}, {-1, inf}, {-1, ninf}, {0.5, inf}, {0.5, ninf}, {2, inf}, {2, ninf},
		{ninf, 3}, {ninf, -3}, {ninf, 2}, {-8, 1.0 / 3}, {-2, 1e19}, {-2, -1e19}, {1.0000001, 1e19}, {2, 1024}, {2, -1075}, {10, 308}, {-10, 309}, {4, -0.5}}, math.Pow)
	show2("Mod", [][2]float64{{5.5, 2}, {-5.5, 2}, {5.5, -2}, {1e300, 3}, {3, 1e300}, {nz, 1}, {1, 5e-324}}, math.Mod)
	show2("Remainder", [][2]float64{{5.5, 2}, {-5.5, 2}, {4.5, 1}, {5.5, 1}, {nz, 1}, {3, 2}, {1e-308, 3e-308}}, math.Remainder)
	show2("Nextafter", [][2]float64{{1, 2}, {1, 0}, {0, -1}, {math.MaxFloat64, inf}, {5e-324, 0}}, math.Nextafter)

	fr, e := math.Frexp(8)
	println(fr, e)
	for _, x := range []float64{0, nz, inf, ninf, 1e-310, -3, 0.1} {
		fr, e = math.Frexp(x)
		println(fr, math.Float64bits(fr), e)
		i, f := math.Modf(x)
		println(i, math.Float64bits(i), f, math.IsNaN(f))
		l, s := math.Lgamma(x)
		println(l, s, math.Ilogb(x))
		sn, cs := math.Sincos(x)
		println(math.IsNaN(sn), math.IsNaN(cs), math.Float64bits(sn), math.Float64bits(cs))
	}
	for _, x := range []float64{-1, -2.5, 0.5, 1, 2, 3, -1e-30, 1e-30, 1e300, -1e300, -0.5, 2.5} {
		l, s := math.Lgamma(x)
		println(x, l, s)
	}
	for _, e := range []int{0, 1, -1, 1023, 1024, -1022, -1074, -1075, -1076, 5000, -5000, math.MaxInt64, math.MinInt64} {
		println(e, math.Ldexp(1, e), math.Ldexp(0.75, e), math.Ldexp(3, e), math.Ldexp(-1e-310, e))
	}
	for _, n := range []int{-400, -324, -323, -322, -1, 0, 1, 22, 23, 308, 309, 1000} {
		println(n, math.Pow10(n), math.Float64bits(math.Pow10(n)))
	}
	println(math.FMA(0.1, 10, -1), math.FMA(1e308, 10, -inf), math.FMA(2, 3, 4), math.FMA(nz, 1, nz), math.FMA(1e-300, 1e-300, 5e-324))
	println(math.Nextafter32(1, 2), math.Nextafter32(0, -1), math.Float32bits(math.Nextafter32(1, 0)), math.IsNaN(float64(math.Nextafter32(float32(nan), 1))))
	println(math.Jn(0, 1), math.Jn(1, 1), math.Jn(-2, 1), math.Jn(5, -2), math.Yn(0, 1), math.Yn(-3, 1), math.Yn(2, 0), math.Yn(-3, 0))
	println(math.Ilogb(0), math.Ilogb(inf), math.Ilogb(nan), math.Ilogb(1e-310))
}
