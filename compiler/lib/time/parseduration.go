// ParseDuration: reading a Duration written as "1h15m", "-2.5s" or "300ms".
package time

import "errors"

// ParseDuration parses a duration: an optional sign, then one or more decimal numbers,
// each with an optional fraction and a unit, such as "300ms", "-1.5h" or "2h45m". The
// units are "ns", "us" (or "µs", with U+00B5 or U+03BC), "ms", "s", "m" and "h". "0" alone
// needs no unit.
func ParseDuration(s string) (Duration, error) {
	orig := s
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, invalidDuration(orig)
	}
	// The total is summed as a uint64 magnitude, which may reach 1<<63 (the smallest
	// Duration's magnitude) when negative.
	var total uint64
	for s != "" {
		if s[0] != '.' && !isDigit(s[0]) {
			return 0, invalidDuration(orig)
		}
		// The integer part.
		whole, n, ok := leadingDigits(s)
		if !ok {
			return 0, invalidDuration(orig)
		}
		hasWhole := n > 0
		s = s[n:]
		// The fraction, as frac / scale.
		var frac uint64
		scale := 1.0
		hasFrac := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			frac, scale, n = leadingFraction(s)
			hasFrac = n > 0
			s = s[n:]
		}
		if !hasWhole && !hasFrac {
			return 0, invalidDuration(orig) // a point without digits: ".s"
		}
		// The unit runs up to the next digit or point.
		n = 0
		for n < len(s) && s[n] != '.' && !isDigit(s[n]) {
			n++
		}
		if n == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		unitName := s[:n]
		s = s[n:]
		unit := unitNanoseconds(unitName)
		if unit == 0 {
			return 0, errors.New("time: unknown unit " + quote(unitName) + " in duration " + quote(orig))
		}
		if whole > 1<<63/unit {
			return 0, invalidDuration(orig)
		}
		v := whole * unit
		if frac > 0 {
			// The fraction goes through float64, which is exact to the nanosecond even for
			// a fraction of an hour (at most 3.6e12 ns).
			v += uint64(float64(frac) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, invalidDuration(orig)
			}
		}
		total += v
		if total > 1<<63 {
			return 0, invalidDuration(orig)
		}
	}
	if neg {
		return -Duration(total), nil
	}
	if total > 1<<63-1 {
		return 0, invalidDuration(orig)
	}
	return Duration(total), nil
}

func invalidDuration(orig string) error {
	return errors.New("time: invalid duration " + quote(orig))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// unitNanoseconds returns the length of a unit of ParseDuration in nanoseconds, or 0 for
// an unknown unit.
func unitNanoseconds(unit string) uint64 {
	switch unit {
	case "ns":
		return uint64(Nanosecond)
	case "us", "µs", "μs": // the micro sign U+00B5, the Greek letter mu U+03BC
		return uint64(Microsecond)
	case "ms":
		return uint64(Millisecond)
	case "s":
		return uint64(Second)
	case "m":
		return uint64(Minute)
	case "h":
		return uint64(Hour)
	}
	return 0
}

// leadingDigits reads the decimal number at the start of s: its value, how many digits it
// had, and false if it does not fit in 63 bits (1<<63 itself is allowed).
func leadingDigits(s string) (v uint64, n int, ok bool) {
	for n < len(s) && isDigit(s[n]) {
		if v > 1<<63/10 {
			return 0, 0, false
		}
		v = v*10 + uint64(s[n]-'0')
		if v > 1<<63 {
			return 0, 0, false
		}
		n++
	}
	return v, n, true
}

// leadingFraction reads the digits after a decimal point: the fraction is v / scale. Digits
// beyond what fits in 63 bits are read but ignored (they are far below a nanosecond).
func leadingFraction(s string) (v uint64, scale float64, n int) {
	scale = 1
	full := false
	for n < len(s) && isDigit(s[n]) {
		if !full {
			next := v*10 + uint64(s[n]-'0')
			if v > (1<<63-1)/10 || next > 1<<63 {
				full = true
			} else {
				v = next
				scale *= 10
			}
		}
		n++
	}
	return v, scale, n
}

// quote puts s in double quotes for an error message, with backslashes before quotes and
// backslashes, and each byte of a non-ASCII or control character as \xNN.
func quote(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); {
		c := s[i]
		if c < ' ' || c >= 0x80 {
			// A whole UTF-8 sequence (or one invalid byte) is escaped byte by byte.
			n := utf8Len(s[i:])
			for j := 0; j < n; j++ {
				b = append(b, '\\', 'x', hex[s[i+j]>>4], hex[s[i+j]&0xF])
			}
			i += n
			continue
		}
		if c == '"' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, c)
		i++
	}
	return string(append(b, '"'))
}

// utf8Len is the length of the UTF-8 sequence starting s, or 1 if it is not a valid one.
func utf8Len(s string) int {
	for _, r := range s {
		if r == 0xFFFD {
			// Invalid: one byte (unless s really starts with an encoded U+FFFD).
			if len(s) >= 3 && s[:3] == "\uFFFD" {
				return 3
			}
			return 1
		}
		return len(string(r))
	}
	return 1
}
