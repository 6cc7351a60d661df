package math

// The error function and its complement, after FDLIBM's s_erf.c, and the inverse error
// function (Giles' rational approximations as in Wichura's algorithm AS241).
//
// erf and erfc are approximated by ranges of |x|:
//   - [0, 0.84375]: erf x = x + x·R(x²)/S(x²);
//   - [0.84375, 1.25]: erf x = erx + P(s)/Q(s) with s = |x|-1 and erx = erf(1) rounded
//     to 24 bits;
//   - [1.25, 28]: erfc x = e**(-x²-0.5625 + R(1/x²)/S(1/x²)) / x, with two rational
//     functions below and above 1/0.35; the exponential is split in two factors, the
//     first with x rounded to 20 bits so that its square is exact;
//   - beyond: erf is ±1, erfc underflows (or is 2 below -6 with erf's sign).

const (
	erx = 8.45062911510467529297e-01 // 0x3FEB0AC160000000

	// [0, 0.84375]
	efx  = 1.28379167095512586316e-01  // 0x3FC06EBA8214DB69: 2/√π - 1
	efx8 = 1.02703333676410069053e+00  // 0x3FF06EBA8214DB69: 8·efx
	pp0  = 1.28379167095512558561e-01  // 0x3FC06EBA8214DB68
	pp1  = -3.25042107247001499370e-01 // 0xBFD4CD7D691CB913
	pp2  = -2.84817495755985104766e-02 // 0xBF9D2A51DBD7194F
	pp3  = -5.77027029648944159157e-03 // 0xBF77A291236668E4
	pp4  = -2.37630166566501626084e-05 // 0xBEF8EAD6120016AC
	qq1  = 3.97917223959155352819e-01  // 0x3FD97779CDDADC09
	qq2  = 6.50222499887672944485e-02  // 0x3FB0A54C5536CEBA
	qq3  = 5.08130628187576562776e-03  // 0x3F74D022C4D36B0F
	qq4  = 1.32494738004321644526e-04  // 0x3F215DC9221C1A10
	qq5  = -3.96022827877536812320e-06 // 0xBED09C4342A26120

	// [0.84375, 1.25]
	pa0 = -2.36211856075265944077e-03 // 0xBF6359B8BEF77538
	pa1 = 4.14856118683748331666e-01  // 0x3FDA8D00AD92B34D
	pa2 = -3.72207876035701323847e-01 // 0xBFD7D240FBB8C3F1
	pa3 = 3.18346619901161753674e-01  // 0x3FD45FCA805120E4
	pa4 = -1.10894694282396677476e-01 // 0xBFBC63983D3E28EC
	pa5 = 3.54783043256182359371e-02  // 0x3FA22A36599795EB
	pa6 = -2.16637559486879084300e-03 // 0xBF61BF380A96073F
	qa1 = 1.06420880400844228286e-01  // 0x3FBB3E6618EEE323
	qa2 = 5.40397917702171048937e-01  // 0x3FE14AF092EB6F33
	qa3 = 7.18286544141962662868e-02  // 0x3FB2635CD99FE9A7
	qa4 = 1.26171219808761642112e-01  // 0x3FC02660E763351F
	qa5 = 1.36370839120290507362e-02  // 0x3F8BEDC26B51DD1C
	qa6 = 1.19844998467991074170e-02  // 0x3F888B545735151D

	// [1.25, 1/0.35]
	ra0 = -9.86494403484714822705e-03 // 0xBF843412600D6435
	ra1 = -6.93858572707181764372e-01 // 0xBFE63416E4BA7360
	ra2 = -1.05586262253232909814e+01 // 0xC0251E0441B0E726
	ra3 = -6.23753324503260060396e+01 // 0xC04F300AE4CBA38D
	ra4 = -1.62396669462573470355e+02 // 0xC0644CB184282266
	ra5 = -1.84605092906711035994e+02 // 0xC067135CEBCCABB2
	ra6 = -8.12874355063065934246e+01 // 0xC054526557E4D2F2
	ra7 = -9.81432934416914548592e+00 // 0xC023A0EFC69AC25C
	sa1 = 1.96512716674392571292e+01  // 0x4033A6B9BD707687
	sa2 = 1.37657754143519042600e+02  // 0x4061350C526AE721
	sa3 = 4.34565877475229228821e+02  // 0x407B290DD58A1A71
	sa4 = 6.45387271733267880336e+02  // 0x40842B1921EC2868
	sa5 = 4.29008140027567833386e+02  // 0x407AD02157700314
	sa6 = 1.08635005541779435134e+02  // 0x405B28A3EE48AE2C
	sa7 = 6.57024977031928170135e+00  // 0x401A47EF8E484A93
	sa8 = -6.04244152148580987438e-02 // 0xBFAEEFF2EE749A62

	// [1/0.35, 28]
	rb0 = -9.86494292470009928597e-03 // 0xBF84341239E86F4A
	rb1 = -7.99283237680523006574e-01 // 0xBFE993BA70C285DE
	rb2 = -1.77579549177547519889e+01 // 0xC031C209555F995A
	rb3 = -1.60636384855821916062e+02 // 0xC064145D43C5ED98
	rb4 = -6.37566443368389627722e+02 // 0xC083EC881375F228
	rb5 = -1.02509513161107724954e+03 // 0xC09004616A2E5992
	rb6 = -4.83519191608651397019e+02 // 0xC07E384E9BDC383F
	sb1 = 3.03380607434824582924e+01  // 0x403E568B261D5190
	sb2 = 3.25792512996573918826e+02  // 0x40745CAE221B9F0A
	sb3 = 1.53672958608443695994e+03  // 0x409802EB189D5118
	sb4 = 3.19985821950859553908e+03  // 0x40A8FFB7688C246A
	sb5 = 2.55305040643316442583e+03  // 0x40A3F219CEDF3BE6
	sb6 = 4.74528541206955367215e+02  // 0x407DA874E79FE763
	sb7 = -2.24409524465858183362e+01 // 0xC03670E242712D62
)

// erfSmall returns x·R(x²)/S(x²) for the first range.
func erfSmall(x float64) float64 {
	z := x * x
	r := pp0 + z*(pp1+z*(pp2+z*(pp3+z*pp4)))
	s := 1 + z*(qq1+z*(qq2+z*(qq3+z*(qq4+z*qq5))))
	return r / s
}

// erfMiddle returns P(s)/Q(s) for the second range, s = |x| - 1.
func erfMiddle(s float64) float64 {
	P := pa0 + s*(pa1+s*(pa2+s*(pa3+s*(pa4+s*(pa5+s*pa6)))))
	Q := 1 + s*(qa1+s*(qa2+s*(qa3+s*(qa4+s*(qa5+s*qa6)))))
	return P / Q
}

// erfcLarge returns erfc x for x in [1.25, 28).
func erfcLarge(x float64) float64 {
	s := 1 / (x * x)
	var R, S float64
	if x < 1/0.35 {
		R = ra0 + s*(ra1+s*(ra2+s*(ra3+s*(ra4+s*(ra5+s*(ra6+s*ra7))))))
		S = 1 + s*(sa1+s*(sa2+s*(sa3+s*(sa4+s*(sa5+s*(sa6+s*(sa7+s*sa8)))))))
	} else {
		R = rb0 + s*(rb1+s*(rb2+s*(rb3+s*(rb4+s*(rb5+s*rb6)))))
		S = 1 + s*(sb1+s*(sb2+s*(sb3+s*(sb4+s*(sb5+s*(sb6+s*sb7))))))
	}
	z := Float64frombits(Float64bits(x) & 0xffffffff00000000) // x with 20 significant bits
	r := Exp(-z*z-0.5625) * Exp((z-x)*(z+x)+R/S)
	return r / x
}

// Erf returns the error function of x.
//
// Special cases are:
//
//	Erf(+Inf) = 1
//	Erf(-Inf) = -1
//	Erf(NaN) = NaN
func Erf(x float64) float64 {
	const (
		veryTiny = 2.848094538889218e-306 // 0x0080000000000000
		small    = 0x1p-28
	)
	switch {
	case IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 1
	case IsInf(x, -1):
		return -1
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	if x < 0.84375 {
		var temp float64
		switch {
		case x < veryTiny:
			temp = 0.125 * (8.0*x + efx8*x) // scaled to avoid underflow
		case x < small:
			temp = x + efx*x
		default:
			temp = x + x*erfSmall(x)
		}
		if neg {
			return -temp
		}
		return temp
	}
	if x < 1.25 {
		if neg {
			return -erx - erfMiddle(x-1)
		}
		return erx + erfMiddle(x-1)
	}
	if x >= 6 {
		if neg {
			return -1
		}
		return 1
	}
	r := erfcLarge(x)
	if neg {
		return r - 1
	}
	return 1 - r
}

// Erfc returns the complementary error function of x.
//
// Special cases are:
//
//	Erfc(+Inf) = 0
//	Erfc(-Inf) = 2
//	Erfc(NaN) = NaN
func Erfc(x float64) float64 {
	const tiny = 0x1p-56
	switch {
	case IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 0
	case IsInf(x, -1):
		return 2
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	if x < 0.84375 {
		var temp float64
		switch {
		case x < tiny:
			temp = x
		case x < 0.25:
			temp = x + x*erfSmall(x)
		default:
			temp = 0.5 + (x*erfSmall(x) + (x - 0.5))
		}
		if neg {
			return 1 + temp
		}
		return 1 - temp
	}
	if x < 1.25 {
		if neg {
			return 1 + erx + erfMiddle(x-1)
		}
		return 1 - erx - erfMiddle(x-1)
	}
	if x < 28 {
		if neg && x > 6 {
			return 2
		}
		r := erfcLarge(x)
		if neg {
			return 2 - r
		}
		return r
	}
	if neg {
		return 2
	}
	return 0
}

// The coefficients of Erfinv's three rational approximations.
const (
	// |x| <= 0.85: in r = 0.180625 - x²/4
	ia0 = 1.1975323115670912564578e0
	ia1 = 4.7072688112383978012285e1
	ia2 = 6.9706266534389598238465e2
	ia3 = 4.8548868893843886794648e3
	ia4 = 1.6235862515167575384252e4
	ia5 = 2.3782041382114385731252e4
	ia6 = 1.1819493347062294404278e4
	ia7 = 8.8709406962545514830200e2
	ib0 = 1.0000000000000000000e0
	ib1 = 4.2313330701600911252e1
	ib2 = 6.8718700749205790830e2
	ib3 = 5.3941960214247511077e3
	ib4 = 2.1213794301586595867e4
	ib5 = 3.9307895800092710610e4
	ib6 = 2.8729085735721942674e4
	ib7 = 5.2264952788528545610e3

	// r = √(ln2 - log(1-|x|)) <= 5: in r - 1.6
	ic0 = 1.42343711074968357734e0
	ic1 = 4.63033784615654529590e0
	ic2 = 5.76949722146069140550e0
	ic3 = 3.64784832476320460504e0
	ic4 = 1.27045825245236838258e0
	ic5 = 2.41780725177450611770e-1
	ic6 = 2.27238449892691845833e-2
	ic7 = 7.74545014278341407640e-4
	id0 = 1.4142135623730950488016887e0
	id1 = 2.9036514445419946173133295e0
	id2 = 2.3707661626024532365971225e0
	id3 = 9.7547832001787427186894837e-1
	id4 = 2.0945065210512749128288442e-1
	id5 = 2.1494160384252876777097297e-2
	id6 = 7.7441459065157709165577218e-4
	id7 = 1.4859850019840355905497876e-9

	// r > 5: in r - 5
	ie0 = 6.65790464350110377720e0
	ie1 = 5.46378491116411436990e0
	ie2 = 1.78482653991729133580e0
	ie3 = 2.96560571828504891230e-1
	ie4 = 2.65321895265761230930e-2
	ie5 = 1.24266094738807843860e-3
	ie6 = 2.71155556874348757815e-5
	ie7 = 2.01033439929228813265e-7
	if0 = 1.414213562373095048801689e0
	if1 = 8.482908416595164588112026e-1
	if2 = 1.936480946950659106176712e-1
	if3 = 2.103693768272068968719679e-2
	if4 = 1.112800997078859844711555e-3
	if5 = 2.611088405080593625138020e-5
	if6 = 2.010321207683943062279931e-7
	if7 = 2.891024605872965461538222e-15
)

// Erfinv returns the inverse error function of x.
//
// Special cases are:
//
//	Erfinv(1) = +Inf
//	Erfinv(-1) = -Inf
//	Erfinv(x) = NaN if x < -1 or x > 1
//	Erfinv(NaN) = NaN
func Erfinv(x float64) float64 {
	if IsNaN(x) || x <= -1 || x >= 1 {
		if x == -1 || x == 1 {
			return Inf(int(x))
		}
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var ans float64
	if x <= 0.85 {
		r := 0.180625 - 0.25*x*x
		z1 := ((((((ia7*r+ia6)*r+ia5)*r+ia4)*r+ia3)*r+ia2)*r+ia1)*r + ia0
		z2 := ((((((ib7*r+ib6)*r+ib5)*r+ib4)*r+ib3)*r+ib2)*r+ib1)*r + ib0
		ans = (x * z1) / z2
	} else {
		var z1, z2 float64
		r := Sqrt(Ln2 - Log(1.0-x))
		if r <= 5.0 {
			r -= 1.6
			z1 = ((((((ic7*r+ic6)*r+ic5)*r+ic4)*r+ic3)*r+ic2)*r+ic1)*r + ic0
			z2 = ((((((id7*r+id6)*r+id5)*r+id4)*r+id3)*r+id2)*r+id1)*r + id0
		} else {
			r -= 5.0
			z1 = ((((((ie7*r+ie6)*r+ie5)*r+ie4)*r+ie3)*r+ie2)*r+ie1)*r + ie0
			z2 = ((((((if7*r+if6)*r+if5)*r+if4)*r+if3)*r+if2)*r+if1)*r + if0
		}
		ans = z1 / z2
	}
	if neg {
		return -ans
	}
	return ans
}

// Erfcinv returns the inverse of Erfc(x).
//
// Special cases are:
//
//	Erfcinv(0) = +Inf
//	Erfcinv(2) = -Inf
//	Erfcinv(x) = NaN if x < 0 or x > 2
//	Erfcinv(NaN) = NaN
func Erfcinv(x float64) float64 {
	return Erfinv(1 - x)
}
