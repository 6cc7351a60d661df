package strconv

// FormatComplex returns c as "(re+imi)", each part formatted by FormatFloat with fmt and
// prec, as float32s if bitSize is 64 (complex64) or float64s if it is 128 (complex128).
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize")
	}
	bitSize /= 2
	im := FormatFloat(imag(c), fmt, prec, bitSize)
	if im[0] != '+' && im[0] != '-' {
		im = "+" + im
	}
	return "(" + FormatFloat(real(c), fmt, prec, bitSize) + im + "i)"
}

// ParseComplex converts s to a complex128 (complex64 if bitSize is 64, returned as a
// complex128 that holds it exactly). s is "N", "Ni" or "N±Ni", each N a number as
// ParseFloat reads it, possibly in parentheses: "(1+2i)", "3i", "-1e3-0x1p-2i", "NaN+Infi".
//
// Errors are *NumErrors with Func "ParseComplex" and Num s. A part that is out of range
// is ±Inf with ErrRange, but a syntax error elsewhere is reported first.
func ParseComplex(s string, bitSize int) (complex128, error) {
	const fn = "ParseComplex"
	size := 64
	if bitSize == 64 {
		size = 32 // complex64 has float32 parts
	}
	orig := s
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	var pending error // a range error, reported if nothing worse turns up

	// part parses the number at the start of s and moves s past it.
	part := func() (float64, error) {
		f, n, err := parseFloatPrefix(s, size)
		if err != nil {
			e := err.(*NumError)
			e.Func, e.Num = fn, orig
			if e.Err != ErrRange {
				return 0, e
			}
			pending = e
		}
		s = s[n:]
		return f, nil
	}

	re, err := part()
	if err != nil {
		return 0, err
	}
	if s == "" {
		return complex(re, 0), pending
	}
	switch s[0] {
	case '+':
		// Skip the '+', unless a second '+' follows ("1++2i", which then fails to parse);
		// the imaginary part may have its own sign ("1+-2i").
		if len(s) > 1 && s[1] != '+' {
			s = s[1:]
		}
	case '-':
	case 'i':
		if len(s) == 1 {
			return complex(0, re), pending // just an imaginary part
		}
		return 0, syntaxError(fn, orig)
	default:
		return 0, syntaxError(fn, orig)
	}
	im, err := part()
	if err != nil {
		return 0, err
	}
	if s != "i" {
		return 0, syntaxError(fn, orig)
	}
	return complex(re, im), pending
}
