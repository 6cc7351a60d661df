// Duration: an elapsed time in nanoseconds, and how it prints.
package time

// A Duration is the time elapsed between two instants, as an int64 count of nanoseconds:
// at most about 290 years either way.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// The common durations. To count units in a Duration, divide: d / time.Millisecond. To turn
// an integer number of units into a Duration, multiply: time.Duration(n) * time.Second.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns the duration as "72h3m0.5s": hours, minutes and seconds, with the seconds'
// fraction without trailing zeros. Under a second it uses a smaller unit ("1.5ms", "2µs",
// "40ns"), and zero is "0s".
func (d Duration) String() string {
	// Work on the magnitude as a uint64, so that the smallest Duration (whose negation does
	// not fit in an int64) needs no special case.
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	var b []byte
	if neg {
		b = append(b, '-')
	}
	switch {
	case u == 0:
		return "0s"
	case u < uint64(Microsecond):
		b = appendUint(b, u)
		b = append(b, "ns"...)
	case u < uint64(Millisecond):
		b = appendFixed(b, u, 3)
		b = append(b, "µs"...) // U+00B5, the micro sign
	case u < uint64(Second):
		b = appendFixed(b, u, 6)
		b = append(b, "ms"...)
	default:
		secs := u / uint64(Second)
		mins := secs / 60
		if hours := mins / 60; hours > 0 {
			b = appendUint(b, hours)
			b = append(b, 'h')
		}
		if mins > 0 {
			b = appendUint(b, mins%60)
			b = append(b, 'm')
		}
		b = appendFixed(b, secs%60*uint64(Second)+u%uint64(Second), 9)
		b = append(b, 's')
	}
	return string(b)
}

// appendUint appends the decimal digits of v.
func appendUint(b []byte, v uint64) []byte {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

// appendFixed appends v / 10^digits as a decimal number: the integer part, then, if the
// rest is not zero, a point and the fraction's digits without trailing zeros.
func appendFixed(b []byte, v uint64, digits int) []byte {
	scale := uint64(1)
	for i := 0; i < digits; i++ {
		scale *= 10
	}
	b = appendUint(b, v/scale)
	frac := v % scale
	if frac == 0 {
		return b
	}
	b = append(b, '.')
	for frac != 0 {
		scale /= 10
		b = append(b, byte('0'+frac/scale))
		frac %= scale
	}
	return b
}

// Nanoseconds returns the duration as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns the duration as an integer microsecond count (rounded toward zero).
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns the duration as an integer millisecond count (rounded toward zero).
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds, Minutes and Hours return the duration as a floating-point number of units. The
// whole units and the rest are converted separately, so that a large duration loses as
// little precision as possible.
func (d Duration) Seconds() float64 {
	whole := d / Second
	rest := d % Second
	return float64(whole) + float64(rest)/1e9
}

// Minutes returns the duration as a floating point number of minutes.
func (d Duration) Minutes() float64 {
	whole := d / Minute
	rest := d % Minute
	return float64(whole) + float64(rest)/(60*1e9)
}

// Hours returns the duration as a floating point number of hours.
func (d Duration) Hours() float64 {
	whole := d / Hour
	rest := d % Hour
	return float64(whole) + float64(rest)/(60*60*1e9)
}

// Truncate returns d rounded toward zero to a multiple of m. If m <= 0, it returns d.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round returns d rounded to the nearest multiple of m; a halfway value rounds away from
// zero. A result that does not fit in a Duration is the largest (or smallest) Duration.
// If m <= 0, it returns d.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m // |r| < m, with d's sign
	if d < 0 {
		r = -r
		if closerToZero(r, m) {
			return d + r
		}
		// Round away from zero, down to the next multiple: d - (m - r).
		if down := d - m + r; down < d {
			return down
		}
		return minDuration // wrapped around
	}
	if closerToZero(r, m) {
		return d - r
	}
	if up := d + m - r; up > d {
		return up
	}
	return maxDuration // wrapped around
}

// closerToZero reports whether the remainder r (0 <= r < m) is less than half of m. The sum
// is taken unsigned, where 2r cannot overflow.
func closerToZero(r, m Duration) bool {
	return uint64(r)+uint64(r) < uint64(m)
}

// Abs returns the absolute value of d; the smallest Duration, whose opposite does not fit,
// gives the largest.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	}
	return -d
}
