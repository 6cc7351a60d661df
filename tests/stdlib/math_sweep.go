// math: every function over thousands of arguments (special values, pseudo-random values
// of all magnitudes, integers, halves): a checksum of the result bits per function must
// equal Go's, so every last bit of every result is Go's. NaN results count as one value,
// whatever their bits (those depend on the processor).
package main

import "math"

var seed uint64 = 0x9E3779B97F4A7C15

func rnd() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func unif() float64 { return float64(rnd()>>11) / (1 << 53) }

var inputs []float64

func gen() {
	sp := []float64{0, math.Copysign(0, -1), 1, -1, 2, -2, 0.5, -0.5, 3, 0.25, 0.75, 1.5, 2.5, -2.5, 10, 100, 1e10, 1e300, -1e300, 1e-300, 5e-324, -5e-324, 1e-310, 2.2250738585072014e-308,
		math.MaxFloat64, -math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), math.Pi, -math.Pi, math.Pi / 2, math.Pi / 4, math.E, 709.78, 709.79, -745.1, -745.2, -708.4, 1 << 29, 1 << 30, 1e20, 1<<52 + 0.5, 1 << 53, 1 << 63, 4503599627370495.5, 0.49999999999999994, 1.4616321449683622, 33.5, -33.5, 171.6, 171.7, -170.5, 0.7071067811865476, 0.7071067811865475, 1e-8, 1e-9, 1e-20, 1 << 28, 0.84375, 1.25, 6, 28, 2.857142857142857, 21, 22, 0.625, 44.01}
	inputs = append(inputs, sp...)
	for i := 0; i < 300; i++ {
		inputs = append(inputs, (unif()*2-1)*10)
		inputs = append(inputs, (unif()*2-1)*2)
		inputs = append(inputs, math.Float64frombits(rnd()))
		inputs = append(inputs, float64(int64(rnd()%2001)-1000)/4)
		inputs = append(inputs, unif()*1000-500)
		e := int(rnd()%120) - 60
		inputs = append(inputs, (unif()*2-1)*math.Ldexp(1, e))
	}
}

type sum struct{ h uint64 }

func (s *sum) add(v float64) {
	b := math.Float64bits(v)
	if v != v {
		b = 0x7ff8000000000000
	}
	s.h = (s.h ^ b) * 1099511628211
}

func (s *sum) addInt(i int) { s.h = (s.h ^ uint64(i)) * 1099511628211 }

func main() {
	gen()
	println(len(inputs), "arguments")
	f1 := []struct {
		n string
		f func(float64) float64
	}{
		{"Abs", math.Abs}, {"Ceil", math.Ceil}, {"Floor", math.Floor}, {"Trunc", math.Trunc}, {"Round", math.Round}, {"RoundToEven", math.RoundToEven},
		{"Sqrt", math.Sqrt}, {"Cbrt", math.Cbrt}, {"Exp", math.Exp}, {"Exp2", math.Exp2}, {"Expm1", math.Expm1}, {"Log", math.Log}, {"Log2", math.Log2},
		{"Log10", math.Log10}, {"Log1p", math.Log1p}, {"Sin", math.Sin}, {"Cos", math.Cos}, {"Tan", math.Tan}, {"Asin", math.Asin}, {"Acos", math.Acos},
		{"Atan", math.Atan}, {"Sinh", math.Sinh}, {"Cosh", math.Cosh}, {"Tanh", math.Tanh}, {"Asinh", math.Asinh}, {"Acosh", math.Acosh}, {"Atanh", math.Atanh},
		{"Gamma", math.Gamma}, {"Erf", math.Erf}, {"Erfc", math.Erfc}, {"Erfinv", math.Erfinv}, {"Erfcinv", math.Erfcinv}, {"Logb", math.Logb},
		{"J0", math.J0}, {"J1", math.J1}, {"Y0", math.Y0}, {"Y1", math.Y1},
	}
	for _, f := range f1 {
		var s sum
		for _, x := range inputs {
			s.add(f.f(x))
		}
		// A few values in full, then the checksum.
		println(f.n, f.f(inputs[100]), f.f(inputs[101]), f.f(inputs[102]), s.h)
	}
	var lg, fx, mf, sc, il, ld, p10, jn sum
	for _, x := range inputs {
		l, sg := math.Lgamma(x)
		lg.add(l)
		lg.addInt(sg)
		fr, ex := math.Frexp(x)
		fx.add(fr)
		fx.addInt(ex)
		ip, fp := math.Modf(x)
		mf.add(ip)
		mf.add(fp)
		sn, cs := math.Sincos(x)
		sc.add(sn)
		sc.add(cs)
		il.addInt(math.Ilogb(x))
		for _, e := range []int{0, 1, -1, 5, -1074, 1023, -1022, 2000, -2000, 60} {
			ld.add(math.Ldexp(x, e))
		}
		if math.Abs(x) < 1e6 {
			p10.add(math.Pow10(int(x) % 400))
		}
		for _, n := range []int{-3, 2, 5, 30} {
			jn.add(math.Jn(n, x))
			jn.add(math.Yn(n, x))
		}
	}
	println("Lgamma", lg.h, "Frexp", fx.h, "Modf", mf.h, "Sincos", sc.h)
	println("Ilogb", il.h, "Ldexp", ld.h, "Pow10", p10.h, "Jn/Yn", jn.h)

	f2 := []struct {
		n string
		f func(float64, float64) float64
	}{
		{"Pow", math.Pow}, {"Atan2", math.Atan2}, {"Hypot", math.Hypot}, {"Mod", math.Mod}, {"Remainder", math.Remainder}, {"Max", math.Max}, {"Min", math.Min},
		{"Dim", math.Dim}, {"Copysign", math.Copysign}, {"Nextafter", math.Nextafter},
	}
	n := len(inputs)
	for _, f := range f2 {
		var s sum
		for i := 0; i < 6000; i++ {
			var x, y float64
			if i < 70*70 {
				x, y = inputs[i/70], inputs[i%70]
			} else {
				x, y = inputs[rnd()%uint64(n)], inputs[rnd()%uint64(n)]
			}
			s.add(f.f(x, y))
		}
		println(f.n, f.f(inputs[100], inputs[101]), s.h)
	}
	var fm, n32 sum
	for i := 0; i < 6000; i++ {
		var x, y, z float64
		if i < 2000 {
			x, y, z = inputs[rnd()%70], inputs[rnd()%70], inputs[rnd()%70]
		} else {
			x, y, z = inputs[rnd()%uint64(n)], inputs[rnd()%uint64(n)], inputs[rnd()%uint64(n)]
		}
		fm.add(math.FMA(x, y, z))
		r := math.Nextafter32(float32(x), float32(y))
		n32.add(float64(r))
	}
	println("FMA", fm.h, "Nextafter32", n32.h)
	// Pow with integer exponents, bases near 1, and negative bases.
	var pi, pf, pn sum
	for i := 0; i < 2000; i++ {
		x := 1 + (unif()-0.5)*0.01
		y := float64(int64(rnd()%4001) - 2000)
		pi.add(math.Pow(x, y))
		pf.add(math.Pow(unif()*100, (unif()-0.5)*50))
		pn.add(math.Pow(-unif()*10, float64(int64(rnd()%41)-20)))
	}
	println("Pow", pi.h, pf.h, pn.h)
}
