package strconv

// ParseFloat converts s to the nearest float64 (or float32 if bitSize is 32, returned as
// a float64 that holds it exactly), rounding to the nearest, ties to even.
//
// s is a decimal or hexadecimal floating-point literal as in Go, with an optional sign:
// "12", "-1.5e-3", ".5", "1_000.5", "0x1.8p+3" (a hexadecimal mantissa needs a 'p'
// exponent, a power of 2); underscores may separate digits. "inf", "infinity" and "nan",
// in any case, are infinity (with an optional sign) and NaN.
//
// Errors are *NumErrors with Func "ParseFloat" and Num s: ErrSyntax (with result 0) for
// a malformed s, ErrRange (with result ±Inf) for a number too large for the float type.
// Numbers too small round to zero without an error.
func ParseFloat(s string, bitSize int) (float64, error) {
	f, n, err := parseFloatPrefix(s, bitSize)
	if n != len(s) && (err == nil || err.(*NumError).Err != ErrSyntax) {
		return 0, syntaxError("ParseFloat", s)
	}
	return f, err
}

// parseFloatPrefix parses the longest prefix of s that is a number, and returns the
// value and the prefix's length (the length is not meaningful after a syntax error).
// Errors carry all of s.
func parseFloatPrefix(s string, bitSize int) (float64, int, error) {
	if bitSize != 32 {
		bitSize = 64
	}
	if f, n, ok := special(s, bitSize); ok {
		return f, n, nil
	}
	var t number
	if !t.scan(s) {
		return 0, t.n, syntaxError("ParseFloat", s)
	}
	ff := &float64Format
	if bitSize == 32 {
		ff = &float32Format
	}
	var bits uint64
	switch {
	case t.hex:
		bits = t.hexBits(ff)
	case !t.underscores && !t.capped:
		// The runtime's parser reads Go's decimal syntax as it is (signs, '.', 'e' or 'E').
		bits = parseDecimal(s[:t.n], bitSize)
	default:
		// Without the underscores, and with the exponent as Go takes it.
		text := make([]byte, 0, t.n+8)
		for i := t.start; i < t.expStart; i++ {
			if s[i] != '_' {
				text = append(text, s[i])
			}
		}
		text = append(text, 'e')
		text = AppendInt(text, int64(t.exp), 10)
		bits = parseDecimal(string(text), bitSize)
	}
	if t.neg {
		bits |= 1 << (ff.expBits + ff.mantBits)
	}
	f := floatFromBits(bits, bitSize)
	// An exponent field of all ones: the value rounded to infinity.
	if int(bits>>ff.mantBits)&(1<<ff.expBits-1) == 1<<ff.expBits-1 {
		return f, t.n, rangeError("ParseFloat", s)
	}
	return f, t.n, nil
}

// special recognizes, at the start of s, the infinities "inf" and "infinity" (any case,
// with an optional sign) and "nan" (any case, no sign).
func special(s string, bitSize int) (f float64, n int, ok bool) {
	if s == "" {
		return 0, 0, false
	}
	sign := 0
	if s[0] == '+' || s[0] == '-' {
		sign = 1
	}
	if hasPrefixFold(s[sign:], "infinity") {
		n = sign + 8
	} else if hasPrefixFold(s[sign:], "inf") {
		n = sign + 3
	} else if sign == 0 && hasPrefixFold(s, "nan") {
		return floatFromBits(0x7FF8000000000001, 64), 3, true
	} else {
		return 0, 0, false
	}
	var ff *floatFormat = &float64Format
	if bitSize == 32 {
		ff = &float32Format
	}
	bits := uint64(1<<ff.expBits-1) << ff.mantBits
	if s[0] == '-' {
		bits |= 1 << (ff.expBits + ff.mantBits)
	}
	return floatFromBits(bits, bitSize), n, true
}

// hasPrefixFold reports whether s starts with prefix (lower-case letters), ignoring the
// case of ASCII letters in s.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// number is what scan finds out about the number at the start of a string.
type number struct {
	n        int  // the length of the number in the string
	neg      bool // it starts with '-'
	hex      bool // it is hexadecimal: worth ±mant × 2^exp
	start    int  // where its digits start (after the sign and any "0x")
	expStart int  // where its exponent starts (the 'e' or 'p'), or n if there is none

	// Decimal numbers are read by the runtime, from the text; but Go's syntax allows
	// underscores, which the runtime does not, and Go reads an exponent only up to the
	// first value of 10000 or more, ignoring any further digits (capped), as no float
	// needs more. Then the text is rewritten first.
	underscores bool
	capped      bool
	exp         int // the value of the exponent (decimal); mant's exponent of 2 (hexadecimal)

	mant   uint64 // hexadecimal: the first 16 digits from the first non-zero one
	sticky bool   // hexadecimal: a non-zero digit came after those 16
}

// scan reads the number at the start of s: a sign, "0x" if hexadecimal, digits with at
// most one '.' and at least one digit, then an exponent (e or E and a decimal number for
// decimals, which may be left out; p or P for hexadecimals, which is required). It
// reports whether it found a well-formed number (which need not go to the end of s).
func (t *number) scan(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		t.neg = s[i] == '-'
		i++
	}
	if i+2 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x' {
		t.hex = true
		i += 2
	}
	t.start = i
	sawDot := false
	sawDigit := false
	nd := 0 // hexadecimal digits seen from the first non-zero one
	dp := 0 // where the point is, counted in those digits
	for ; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			t.underscores = true
			continue
		}
		if c == '.' {
			if sawDot {
				break
			}
			sawDot = true
			dp = nd
			continue
		}
		var v uint64
		if '0' <= c && c <= '9' {
			v = uint64(c - '0')
		} else if t.hex && 'a' <= lower(c) && lower(c) <= 'f' {
			v = uint64(lower(c)-'a') + 10
		} else {
			break
		}
		sawDigit = true
		if !t.hex {
			continue
		}
		if v == 0 && nd == 0 {
			dp-- // a leading zero: after the point, it moves the point left
			continue
		}
		nd++
		if nd <= 16 {
			t.mant = t.mant<<4 | v
		} else if v != 0 {
			t.sticky = true
		}
	}
	t.n = i
	t.expStart = i
	if !sawDigit {
		return false
	}

	expChar := byte('e')
	if t.hex {
		expChar = 'p'
	}
	if i < len(s) && lower(s[i]) == expChar {
		i++
		esign := 1
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			if s[i] == '-' {
				esign = -1
			}
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		e := 0
		for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
			if s[i] == '_' {
				t.underscores = true
			} else if e < 10000 {
				e = e*10 + int(s[i]-'0')
			} else {
				t.capped = true
			}
		}
		t.exp = esign * e
	} else if t.hex {
		return false
	}
	t.n = i
	if t.underscores && !underscoreOK(s[:i]) {
		return false
	}
	if t.hex {
		// mant holds the first min(nd, 16) digits: it is worth 16^(dp-kept) times more.
		if !sawDot {
			dp = nd
		}
		kept := nd
		if kept > 16 {
			kept = 16
		}
		t.exp += 4 * (dp - kept)
	}
	return true
}

// hexBits rounds mant × 2^exp (with sticky bits beyond mant) to the float format ff, to
// the nearest, ties to even, and returns the float's bits without the sign: infinity if
// the rounded number is too large, a subnormal or zero if it is very small.
func (t *number) hexBits(ff *floatFormat) uint64 {
	m := t.mant
	if m == 0 {
		return 0
	}
	mantBits := int(ff.mantBits)
	minExp := 1 - ff.bias // exponent of the smallest normal number
	maxExp := ff.bias     // exponent of the largest numbers
	inf := uint64(1<<ff.expBits-1) << ff.mantBits

	// The number is in [2^top, 2^(top+1)).
	length := 0
	for x := m; x != 0; x >>= 1 {
		length++
	}
	top := length - 1 + t.exp
	if top > maxExp {
		return inf
	}
	// The place of the last bit kept: mantBits below the leading one, or the last bit of
	// the subnormals.
	low := top - mantBits
	if low < minExp-mantBits {
		low = minExp - mantBits
	}
	shift := low - t.exp // how many bits of m are dropped (negative: none, m grows)
	var kept uint64
	if shift <= 0 {
		kept = m << uint(-shift)
	} else {
		// Round on the dropped bits rest, compared with half of the last kept bit.
		var rest, half uint64
		above := false // the dropped part is certainly more than half
		switch {
		case shift > 64:
			kept, rest, half = 0, 0, 1 // m < half: round down (rest 0 < half 1)
		case shift == 64:
			kept, rest, half = 0, m, 1<<63
		default:
			kept, rest, half = m>>uint(shift), m&(1<<uint(shift)-1), 1<<uint(shift-1)
		}
		if rest == half && t.sticky {
			above = true
		}
		if rest > half || above || rest == half && kept&1 == 1 {
			kept++
		}
	}
	if kept>>(ff.mantBits+1) != 0 { // rounded up to the next power of two
		kept >>= 1
		low++
	}
	if kept>>ff.mantBits == 0 {
		return kept // subnormal (or zero): exponent field 0
	}
	expField := low + mantBits + ff.bias
	if expField >= 1<<ff.expBits-1 {
		return inf
	}
	return uint64(expField)<<ff.mantBits | kept&(1<<ff.mantBits-1)
}
