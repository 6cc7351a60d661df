package strconv

// FormatFloat returns the text of f in the format fmt with precision prec, f being taken
// as a float of bitSize bits (32: float32(f), 64).
//
// The formats are:
//
//	'e'  -d.dddde±dd, a decimal exponent ('E' writes E)
//	'f'  -ddd.dddd, no exponent
//	'g'  'e' for large or small exponents, 'f' otherwise ('G': 'E' or 'f')
//	'b'  -ddddp±ddd, the integer mantissa and the binary exponent
//	'x'  -0x1.hhhhp±dd, a hexadecimal fraction and a binary exponent ('X': 0X, P)
//
// The precision is the number of digits after the point for 'e', 'f' and 'x', and the
// number of significant digits for 'g' (whose trailing zeros are removed). Precision -1
// asks for the fewest digits that ParseFloat reads back as the same float. Infinities
// and NaN are written "+Inf", "-Inf" and "NaN"; an unknown format gives '%' and fmt.
//
// (gc does not inline FormatFloat; golift measures differently and is told.)
//
//go:noinline
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	// The text is written into an array on the stack (append moves it to the heap if it is
	// longer), then copied into the string.
	var buf [64]byte
	return string(appendFloat(buf[:0], f, fmt, prec, bitSize))
}

// AppendFloat appends FormatFloat(f, fmt, prec, bitSize) to dst and returns the extended
// buffer. (A call of the work, so that it is inlined where it is called, as gc's is.)
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return appendFloat(dst, f, fmt, prec, bitSize)
}

func appendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	var ff *floatFormat
	switch bitSize {
	case 32:
		ff = &float32Format
	case 64:
		ff = &float64Format
	default:
		panic("strconv: illegal AppendFloat/FormatFloat bitSize")
	}
	bits := floatBits(f, bitSize)

	// Take the float apart: f = ±mant × 2^(exp-mantBits), mant having its leading 1.
	neg := bits>>(ff.expBits+ff.mantBits) != 0
	expField := int(bits>>ff.mantBits) & (1<<ff.expBits - 1)
	mant := bits & (uint64(1)<<ff.mantBits - 1)
	exp := expField - ff.bias
	switch expField {
	case 1<<ff.expBits - 1:
		if mant != 0 {
			return append(dst, "NaN"...)
		}
		if neg {
			return append(dst, "-Inf"...)
		}
		return append(dst, "+Inf"...)
	case 0:
		exp = 1 - ff.bias // subnormal: no leading 1, and the smallest exponent
	default:
		mant |= uint64(1) << ff.mantBits
	}

	switch fmt {
	case 'b':
		return appendBinary(dst, neg, mant, exp-int(ff.mantBits))
	case 'x', 'X':
		return appendHex(dst, neg, mant, exp, ff.mantBits, prec, fmt)
	case 'e', 'E', 'f', 'g', 'G':
	default:
		return append(dst, '%', fmt)
	}

	// The decimal digits, from the runtime, into an array on the stack when they fit: the
	// shortest digits (at most 17), n significant digits for n up to its size, and 'f' when
	// the digits before the point (from the binary exponent: 2^e has e×log10(2) of them)
	// and prec together do. Otherwise a buffer that holds every digit of any float64.
	absBits := bits &^ (uint64(1) << (ff.expBits + ff.mantBits))
	shortest := prec < 0
	var small [32]byte
	buf := small[:]
	need := prec + 1
	if fmt == 'f' && exp > 0 {
		need += exp*30103/100000 + 1
	}
	if !shortest && need > len(small) {
		buf = make([]byte, 800)
	}
	var d digits
	switch {
	case shortest:
		d = getDigits(buf, absBits, bitSize, 0, 0)
		// The precision that shows all of these digits.
		switch fmt {
		case 'e', 'E':
			prec = d.nd - 1
			if prec < 0 {
				prec = 0
			}
		case 'f':
			prec = d.nd - d.dp
			if prec < 0 {
				prec = 0
			}
		default: // 'g', 'G'
			prec = d.nd
		}
	case fmt == 'f':
		d = getDigits(buf, absBits, bitSize, 2, prec)
	default:
		n := prec + 1 // 'e': one digit before the point
		if fmt == 'g' || fmt == 'G' {
			if prec == 0 {
				prec = 1
			}
			n = prec
		}
		d = getDigits(buf, absBits, bitSize, 1, n)
	}

	switch fmt {
	case 'e', 'E':
		return appendExp(dst, neg, d, prec, fmt)
	case 'f':
		return appendFixed(dst, neg, d, prec)
	}

	// 'g' and 'G': the exponent form if the exponent is below -4 or at least eprec, which
	// is the precision; or 6 for the shortest form; or the number of digits if there are
	// fewer and they reach the decimal point (the integer part needs no padding zeros).
	// Neither form shows trailing zeros.
	eprec := prec
	if eprec > d.nd && d.nd >= d.dp {
		eprec = d.nd
	}
	if shortest {
		eprec = 6
	}
	if x := d.dp - 1; x < -4 || x >= eprec {
		if prec > d.nd {
			prec = d.nd
		}
		return appendExp(dst, neg, d, prec-1, fmt+'e'-'g')
	}
	if prec > d.dp {
		prec = d.nd
	}
	prec -= d.dp
	if prec < 0 {
		prec = 0
	}
	return appendFixed(dst, neg, d, prec)
}

// digits is a decimal number 0.d[0]d[1]...d[nd-1] × 10^dp, without trailing zeros (zero
// has nd 0).
type digits struct {
	d      []byte
	nd, dp int
}

// getDigits asks the runtime for the digits of the float (see decimalDigits), in buf.
func getDigits(buf []byte, bits uint64, bitSize, mode, n int) digits {
	nd, dp := decimalDigits(buf, bits, bitSize, mode, n)
	return digits{buf, nd, dp}
}

// digit returns the i-th digit of d, '0' beyond its digits.
func (d digits) digit(i int) byte {
	if 0 <= i && i < d.nd {
		return d.d[i]
	}
	return '0'
}

// appendExp appends d in the 'e' format: the first digit, '.' and prec more digits if
// prec > 0, then e (or E) and the exponent, signed and of at least two digits.
func appendExp(dst []byte, neg bool, d digits, prec int, e byte) []byte {
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, d.digit(0))
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			dst = append(dst, d.digit(i))
		}
	}
	x := d.dp - 1
	if d.nd == 0 {
		x = 0 // zero is 0e+00
	}
	dst = append(dst, e)
	if x < 0 {
		dst = append(dst, '-')
		x = -x
	} else {
		dst = append(dst, '+')
	}
	if x < 10 {
		dst = append(dst, '0')
	}
	return AppendInt(dst, int64(x), 10)
}

// appendFixed appends d in the 'f' format: the integer part (at least "0"), then '.' and
// prec digits if prec > 0.
func appendFixed(dst []byte, neg bool, d digits, prec int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	if d.dp > 0 {
		for i := 0; i < d.dp; i++ {
			dst = append(dst, d.digit(i))
		}
	} else {
		dst = append(dst, '0')
	}
	if prec > 0 {
		dst = append(dst, '.')
		for i := 0; i < prec; i++ {
			dst = append(dst, d.digit(d.dp+i))
		}
	}
	return dst
}

// appendBinary appends the 'b' format: mant, then 'p' and the signed binary exponent exp.
func appendBinary(dst []byte, neg bool, mant uint64, exp int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	dst = AppendUint(dst, mant, 10)
	dst = append(dst, 'p')
	if exp >= 0 {
		dst = append(dst, '+')
	}
	return AppendInt(dst, int64(exp), 10)
}

// appendHex appends the 'x' format (fmt 'x' or 'X') of ±mant × 2^(exp-mantBits): 0x1,
// then the fraction in hexadecimal (prec digits, or all the digits it needs if prec < 0),
// then p and the signed binary exponent, of at least two digits. Zero is 0x0p+00.
func appendHex(dst []byte, neg bool, mant uint64, exp int, mantBits uint, prec int, fmt byte) []byte {
	if mant == 0 {
		exp = 0
	}
	// Move the mantissa so that its leading 1 is bit 60: then bits 59..0 are the fraction,
	// 15 hexadecimal digits. (Subnormals need to be moved further, lowering exp.)
	mant <<= 60 - mantBits
	for mant != 0 && mant&(1<<60) == 0 {
		mant <<= 1
		exp--
	}

	// Round to prec hexadecimal digits, to the nearest, ties to even.
	if prec >= 0 && prec < 15 {
		drop := uint(60 - 4*prec) // the bits to drop
		rest := mant & (1<<drop - 1)
		half := uint64(1) << (drop - 1)
		mant >>= drop
		if rest > half || rest == half && mant&1 == 1 {
			mant++
		}
		mant <<= drop
		if mant&(1<<61) != 0 { // 1.fff... rounded up to 2
			mant >>= 1
			exp++
		}
	}

	hexDigits := "0123456789abcdef"
	p := byte('p')
	if fmt == 'X' {
		hexDigits = "0123456789ABCDEF"
		p = 'P'
	}
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, '0', fmt, '0'+byte(mant>>60&1))
	frac := mant << 4 // the fraction's first digit in the top 4 bits
	if prec < 0 && frac != 0 {
		dst = append(dst, '.')
		for frac != 0 {
			dst = append(dst, hexDigits[frac>>60])
			frac <<= 4
		}
	} else if prec > 0 {
		dst = append(dst, '.')
		for i := 0; i < prec; i++ {
			dst = append(dst, hexDigits[frac>>60])
			frac <<= 4
		}
	}
	dst = append(dst, p)
	if exp < 0 {
		dst = append(dst, '-')
		exp = -exp
	} else {
		dst = append(dst, '+')
	}
	if exp < 10 {
		dst = append(dst, '0')
	}
	return AppendInt(dst, int64(exp), 10)
}
