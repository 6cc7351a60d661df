package strconv

// digitChars holds the digits of every base up to 36: 0-9, then a-z.
const digitChars = "0123456789abcdefghijklmnopqrstuvwxyz"

// FormatInt returns i in the given base (2 to 36), with lower-case letters for the digits
// from 10 on, and a '-' if i is negative.
//
// gc does not inline FormatInt (its measure of the body is over its budget) but inlines
// Itoa, a call of it; golift measures differently and is told.
//
//go:noinline
func FormatInt(i int64, base int) string {
	var buf [65]byte // 64 binary digits and a sign; on the stack
	return string(appendBits(buf[:0], uint64(i), base, i < 0))
}

// FormatUint returns i in the given base (2 to 36), with lower-case letters for the
// digits from 10 on. Not inlined, as gc's is not (its body is over gc's budget there).
//
//go:noinline
func FormatUint(i uint64, base int) string {
	var buf [65]byte
	return string(appendBits(buf[:0], i, base, false))
}

// Itoa is FormatInt(int64(i), 10).
func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

// AppendInt appends FormatInt(i, base) to dst and returns the extended buffer.
func AppendInt(dst []byte, i int64, base int) []byte {
	return appendBits(dst, uint64(i), base, i < 0)
}

// AppendUint appends FormatUint(i, base) to dst and returns the extended buffer.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return appendBits(dst, i, base, false)
}

// appendBits appends the digits of u in base, after a '-' if neg is set; then u holds the
// two's complement bits of a negative number, and its magnitude is -u (which is right
// even for the most negative int64, whose magnitude does not fit in an int64).
func appendBits(dst []byte, u uint64, base int, neg bool) []byte {
	if base < 2 || base > len(digitChars) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	if neg {
		u = -u
	}
	b := uint64(base)
	// The digits come out last first: count them, make room for them at the end of dst
	// (at most 64 binary digits and a sign), then write them from right to left.
	n := 1
	for v := u; v >= b; v /= b {
		n++
	}
	if neg {
		n++
	}
	dst = append(dst, "00000000000000000000000000000000000000000000000000000000000000000"[:n]...)
	i := len(dst)
	if base == 10 {
		// The common case, with a constant divisor that the compiler can make cheap.
		for u >= 10 {
			i--
			dst[i] = byte('0' + u%10)
			u /= 10
		}
	} else {
		for u >= b {
			i--
			dst[i] = digitChars[u%b]
			u /= b
		}
	}
	i--
	dst[i] = digitChars[u]
	if neg {
		dst[i-1] = '-'
	}
	return dst
}
