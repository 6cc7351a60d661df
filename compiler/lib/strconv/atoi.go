package strconv

import "errors"

// The kinds of failure of parseDigits, which its callers turn into *NumErrors.
const (
	digitsOK = iota
	digitsSyntax
	digitsRange
	digitsBadBase
	digitsBadBitSize
)

// ParseUint is like ParseInt but for unsigned numbers: a sign is not allowed.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	n, failure := parseDigits(s, base, bitSize)
	if failure != digitsOK {
		return n, numError("ParseUint", s, failure, base, bitSize)
	}
	return n, nil
}

// ParseInt interprets s, an optional sign ('+' or '-') and digits, in the given base (2
// to 36) and returns the value if it fits in bitSize bits (0 means IntSize).
//
// With base 0 the base comes from a prefix after the sign: "0b" for 2, "0o" or a lone "0"
// for 8, "0x" for 16, none for 10; then (and only then) underscores may separate digits,
// as in Go literals.
//
// Errors are *NumErrors, with Func "ParseInt" and Num s: ErrSyntax if s is empty or has a
// bad character; ErrRange, with the largest value of that sign as result, if the value
// does not fit.
func ParseInt(s string, base int, bitSize int) (int64, error) {
	const fn = "ParseInt"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	digits := s
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		digits = s[1:]
	}
	u, failure := parseDigits(digits, base, bitSize)
	if failure != digitsOK && failure != digitsRange {
		return 0, numError(fn, s, failure, base, bitSize)
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	// On a range failure u is the largest value of bitSize bits, which is out of range here
	// too. The magnitude of the most negative value is one more than the largest positive.
	limit := uint64(1) << uint(bitSize-1)
	if !neg && u >= limit {
		return int64(limit - 1), rangeError(fn, s)
	}
	if neg && u > limit {
		return -int64(limit), rangeError(fn, s)
	}
	if neg {
		return -int64(u), nil
	}
	return int64(u), nil
}

// Atoi is ParseInt(s, 10, 0) converted to int, but its errors say "Atoi".
func Atoi(s string) (int, error) {
	// A short string of decimal digits cannot overflow: add up the digits at once.
	if 0 < len(s) && len(s) < 19 {
		digits := s
		if s[0] == '+' || s[0] == '-' {
			digits = s[1:]
		}
		if digits != "" {
			n := 0
			ok := true
			for i := 0; i < len(digits); i++ {
				c := digits[i]
				if c < '0' || c > '9' {
					ok = false
					break
				}
				n = n*10 + int(c-'0')
			}
			if ok {
				if s[0] == '-' {
					n = -n
				}
				return n, nil
			}
		}
	}
	i, err := ParseInt(s, 10, 0)
	if err != nil {
		err.(*NumError).Func = "Atoi"
	}
	return int(i), err
}

// parseDigits reads the unsigned number s in base (0: from its prefix) and checks that
// it fits in bitSize bits. On a range failure it returns the largest value of bitSize
// bits. Failures are reported in the order Go finds them: the base, the bit size, then
// the digits from left to right (a range failure stops the scan), then the underscores.
func parseDigits(s string, base int, bitSize int) (uint64, int) {
	if s == "" {
		return 0, digitsSyntax
	}
	whole := s
	prefixed := base == 0
	if base == 0 {
		base = 10
		if s[0] == '0' {
			if len(s) >= 3 && lower(s[1]) == 'b' {
				base, s = 2, s[2:]
			} else if len(s) >= 3 && lower(s[1]) == 'o' {
				base, s = 8, s[2:]
			} else if len(s) >= 3 && lower(s[1]) == 'x' {
				base, s = 16, s[2:]
			} else {
				base, s = 8, s[1:]
			}
		}
	} else if base < 2 || base > 36 {
		return 0, digitsBadBase
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, digitsBadBitSize
	}
	max := uint64(1)<<uint(bitSize) - 1 // bitSize 64: 1<<64 is 0, and 0-1 is all ones
	b := uint64(base)
	underscores := false
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d uint64
		switch {
		case c == '_' && prefixed:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = uint64(lower(c)-'a') + 10
		default:
			return 0, digitsSyntax
		}
		if d >= b {
			return 0, digitsSyntax
		}
		// n*b + d > max, written so that nothing overflows.
		if d > max || n > (max-d)/b {
			return max, digitsRange
		}
		n = n*b + d
	}
	if underscores && !underscoreOK(whole) {
		return 0, digitsSyntax
	}
	return n, digitsOK
}

// numError makes the *NumError for a failure of parseDigits.
func numError(fn, s string, failure, base, bitSize int) *NumError {
	switch failure {
	case digitsRange:
		return rangeError(fn, s)
	case digitsBadBase:
		return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
	case digitsBadBitSize:
		return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	return syntaxError(fn, s)
}

// underscoreOK reports whether the underscores in the number s (which may start with a
// sign and a base prefix) are where Go literals allow them: each one between two digits,
// or between the base prefix and a digit.
func underscoreOK(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	// prev describes the previous character: 'd' a digit (or the base prefix), '_' an
	// underscore, 'o' anything else, and '^' the start.
	prev := byte('^')
	hex := false
	i := 0
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		hex = lower(s[1]) == 'x'
		prev = 'd'
		i = 2
	}
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f':
			prev = 'd'
		case c == '_':
			if prev != 'd' {
				return false
			}
			prev = '_'
		default:
			if prev == '_' {
				return false
			}
			prev = 'o'
		}
	}
	return prev != '_'
}
