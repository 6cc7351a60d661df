package fmt

import (
	"strconv"
	"unicode/utf8"
)

// formatter turns one operand, already known to be an integer, a float, a string, ...,
// into text in buf, following the flags, width and precision of the verb being printed.
// It is the bottom layer of fmt: print.go decides what to print, this file how.
type formatter struct {
	buf *[]byte

	// The flags of the current verb.
	minus, plus, sharp, space, zero bool
	// %+v and %#v set these instead of plus and sharp: they change how values are
	// printed, not how numbers are.
	plusV, sharpV bool

	wid, prec                 int
	widPresent, precPresent   bool
	// ASCII-only quoting (%+q).
	asciiQ bool
	// A scratch buffer for number conversions.
	intbuf [68]byte
}

func (f *formatter) clearFlags() {
	f.minus, f.plus, f.sharp, f.space, f.zero = false, false, false, false, false
	f.plusV, f.sharpV = false, false
	f.wid, f.prec = 0, 0
	f.widPresent, f.precPresent = false, false
}

func (f *formatter) init(buf *[]byte) {
	f.buf = buf
	f.clearFlags()
}

// writePadding appends n bytes of padding: zeros when the 0 flag applies, else spaces.
func (f *formatter) writePadding(n int) {
	if n <= 0 {
		return
	}
	c := byte(' ')
	if f.zero {
		c = '0'
	}
	for i := 0; i < n; i++ {
		*f.buf = append(*f.buf, c)
	}
}

// pad appends b, padded to the width on the left or (with -) on the right. Width counts
// runes, not bytes.
func (f *formatter) pad(b []byte) {
	if !f.widPresent || f.wid == 0 {
		*f.buf = append(*f.buf, b...)
		return
	}
	width := f.wid - utf8.RuneCount(b)
	if !f.minus {
		f.writePadding(width)
		*f.buf = append(*f.buf, b...)
	} else {
		*f.buf = append(*f.buf, b...)
		f.writePadding(width)
	}
}

// padString is pad for a string.
func (f *formatter) padString(s string) {
	if !f.widPresent || f.wid == 0 {
		*f.buf = append(*f.buf, s...)
		return
	}
	width := f.wid - utf8.RuneCountInString(s)
	if !f.minus {
		f.writePadding(width)
		*f.buf = append(*f.buf, s...)
	} else {
		*f.buf = append(*f.buf, s...)
		f.writePadding(width)
	}
}

func (f *formatter) fmtBoolean(v bool) {
	if v {
		f.padString("true")
	} else {
		f.padString("false")
	}
}

// fmtUnicode formats u as U+0078, or with # as U+0078 'x'.
func (f *formatter) fmtUnicode(u uint64) {
	var b []byte
	prec := 4
	if f.precPresent && f.prec > 4 {
		prec = f.prec
	}
	b = append(b, "U+"...)
	hex := strconv.FormatUint(u, 16)
	for i := len(hex); i < prec; i++ {
		b = append(b, '0')
	}
	for i := 0; i < len(hex); i++ {
		c := hex[i]
		if 'a' <= c && c <= 'f' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	if f.sharp && u <= utf8.MaxRune && strconv.IsPrint(rune(u)) {
		b = append(b, " '"...)
		b = utf8.AppendRune(b, rune(u))
		b = append(b, '\'')
	}
	oldZero := f.zero
	f.zero = false
	f.pad(b)
	f.zero = oldZero
}

const (
	ldigits = "0123456789abcdefx"
	udigits = "0123456789ABCDEFX"
)

// fmtInteger formats an integer in base 2, 8, 10 or 16 (digits: the lower or upper case
// digit set) with the sign, prefix, precision (a minimum number of digits) and width.
func (f *formatter) fmtInteger(u uint64, base int, isSigned bool, verb rune, digits string) {
	negative := isSigned && int64(u) < 0
	if negative {
		u = -u
	}
	// Precision 0 and value 0 print no digits at all, only padding.
	if f.precPresent && f.prec == 0 && u == 0 {
		oldZero := f.zero
		f.zero = false
		f.writePadding(f.wid)
		f.zero = oldZero
		return
	}
	// The digits are written from the right end of a buffer.
	var buf []byte
	need := 68
	if f.widPresent && f.wid+3 > need {
		need = f.wid + 3
	}
	if f.precPresent && f.prec+3 > need {
		need = f.prec + 3
	}
	if need > len(f.intbuf) {
		buf = make([]byte, need)
	} else {
		buf = f.intbuf[:need]
	}
	// Two ways to ask for leading zeros: a precision, or the 0 flag with a width (then the
	// zeros fill the width, leaving room for a sign).
	prec := 0
	if f.precPresent {
		prec = f.prec
	} else if f.zero && f.widPresent {
		prec = f.wid
		if negative || f.plus || f.space {
			prec--
		}
	}
	i := len(buf)
	switch base {
	case 10:
		for u >= 10 {
			i--
			next := u / 10
			buf[i] = byte('0' + u - next*10)
			u = next
		}
	case 16:
		for u >= 16 {
			i--
			buf[i] = digits[u&0xF]
			u >>= 4
		}
	case 8:
		for u >= 8 {
			i--
			buf[i] = byte('0' + u&7)
			u >>= 3
		}
	case 2:
		for u >= 2 {
			i--
			buf[i] = byte('0' + u&1)
			u >>= 1
		}
	default:
		panic("fmt: unknown base; can't happen")
	}
	i--
	buf[i] = digits[u]
	for i > 0 && prec > len(buf)-i {
		i--
		buf[i] = '0'
	}
	// The prefixes that # asks for; %O always has one.
	if f.sharp {
		switch base {
		case 2:
			i--
			buf[i] = 'b'
			i--
			buf[i] = '0'
		case 8:
			if buf[i] != '0' {
				i--
				buf[i] = '0'
			}
		case 16:
			i--
			buf[i] = digits[16]
			i--
			buf[i] = '0'
		}
	}
	if verb == 'O' {
		i--
		buf[i] = 'o'
		i--
		buf[i] = '0'
	}
	if negative {
		i--
		buf[i] = '-'
	} else if f.plus {
		i--
		buf[i] = '+'
	} else if f.space {
		i--
		buf[i] = ' '
	}
	// The zeros, if any, are already in the digits: pad with spaces.
	oldZero := f.zero
	f.zero = false
	f.pad(buf[i:])
	f.zero = oldZero
}

// truncateString cuts s to the precision, counted in runes.
func (f *formatter) truncateString(s string) string {
	if f.precPresent {
		n := f.prec
		for i := range s {
			n--
			if n < 0 {
				return s[:i]
			}
		}
	}
	return s
}

// truncate cuts b to the precision, counted in runes.
func (f *formatter) truncate(b []byte) []byte {
	if f.precPresent {
		n := f.prec
		for i := 0; i < len(b); {
			n--
			if n < 0 {
				return b[:i]
			}
			wid := 1
			if b[i] >= utf8.RuneSelf {
				_, wid = utf8.DecodeRune(b[i:])
			}
			i += wid
		}
	}
	return b
}

func (f *formatter) fmtS(s string) {
	s = f.truncateString(s)
	f.padString(s)
}

func (f *formatter) fmtBs(b []byte) {
	b = f.truncate(b)
	f.pad(b)
}

// fmtSbx formats a string or byte slice (s if b is nil) as hexadecimal, two digits per
// byte: with a space, separated by spaces; with #, each byte (or the whole, without the
// space flag) prefixed by 0x. The precision limits the number of input bytes.
func (f *formatter) fmtSbx(s string, b []byte, digits string) {
	length := len(b)
	if b == nil {
		length = len(s)
	}
	if f.precPresent && f.prec < length {
		length = f.prec
	}
	width := 2 * length
	if width > 0 {
		if f.space {
			if f.sharp {
				width *= 2
			}
			width += length - 1
		} else if f.sharp {
			width += 2
		}
	} else {
		if f.widPresent {
			f.writePadding(f.wid)
		}
		return
	}
	if f.widPresent && f.wid > width && !f.minus {
		f.writePadding(f.wid - width)
	}
	buf := *f.buf
	if f.sharp {
		buf = append(buf, '0', digits[16])
	}
	for i := 0; i < length; i++ {
		if f.space && i > 0 {
			buf = append(buf, ' ')
			if f.sharp {
				buf = append(buf, '0', digits[16])
			}
		}
		var c byte
		if b != nil {
			c = b[i]
		} else {
			c = s[i]
		}
		buf = append(buf, digits[c>>4], digits[c&0xF])
	}
	*f.buf = buf
	if f.widPresent && f.wid > width && f.minus {
		f.writePadding(f.wid - width)
	}
}

func (f *formatter) fmtSx(s, digits string) { f.fmtSbx(s, nil, digits) }

func (f *formatter) fmtBx(b []byte, digits string) { f.fmtSbx("", b, digits) }

// fmtQ formats a string as a double-quoted Go string, or with # as a back-quoted raw
// string when that is possible.
func (f *formatter) fmtQ(s string) {
	s = f.truncateString(s)
	if f.sharp && strconv.CanBackquote(s) {
		f.padString("`" + s + "`")
		return
	}
	if f.plus {
		f.pad(strconv.AppendQuoteToASCII(f.intbuf[:0], s))
	} else {
		f.pad(strconv.AppendQuote(f.intbuf[:0], s))
	}
}

// fmtC formats an integer as the character it encodes (invalid ones as U+FFFD).
func (f *formatter) fmtC(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	f.pad(utf8.AppendRune(f.intbuf[:0], r))
}

// fmtQc formats an integer as a single-quoted Go character literal.
func (f *formatter) fmtQc(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	if f.plus {
		f.pad(strconv.AppendQuoteRuneToASCII(f.intbuf[:0], r))
	} else {
		f.pad(strconv.AppendQuoteRune(f.intbuf[:0], r))
	}
}

// fmtFloat formats a float of size 32 or 64 bits with strconv, then applies what strconv
// does not know about: the + and space flags, %#g's kept trailing zeros, zero padding
// after the sign, and Go's spelling of infinities and NaN.
func (f *formatter) fmtFloat(v float64, size int, verb rune, prec int) {
	if f.precPresent {
		prec = f.prec
	}
	// Room for a sign in front; the digits go into the formatter's scratch buffer (appending
	// moves them to the heap only for very long numbers).
	f.intbuf[0] = '+'
	num := strconv.AppendFloat(f.intbuf[:1], v, byte(verb), prec, size)
	if num[1] == '-' || num[1] == '+' {
		num = num[1:]
	} else {
		num[0] = '+'
	}
	// A space instead of a plus sign when asked.
	if f.space && num[0] == '+' && !f.plus {
		num[0] = ' '
	}
	// Infinities and NaN are never padded with zeros; NaN has no sign unless asked.
	if num[1] == 'I' || num[1] == 'N' {
		oldZero := f.zero
		f.zero = false
		if num[1] == 'N' && !f.space && !f.plus {
			num = num[1:]
		}
		f.pad(num)
		f.zero = oldZero
		return
	}
	// With #, %e %f %g keep a decimal point, and %g its trailing zeros.
	if f.sharp && verb != 'b' {
		digits := 0
		switch verb {
		case 'v', 'g', 'G', 'x':
			digits = prec
			// %#g with the shortest form prints 6 significant digits.
			if digits == -1 {
				digits = 6
			}
		}
		// The exponent part (e+05, p-02) is put aside while the digits are worked on.
		var tailBuf [6]byte
		tail := tailBuf[:0]
		hasDecimalPoint := false
		sawNonzeroDigit := false
		for i := 1; i < len(num); i++ {
			switch num[i] {
			case '.':
				hasDecimalPoint = true
			case 'p', 'P':
				tail = append(tail, num[i:]...)
				num = num[:i]
			case 'e', 'E':
				if verb != 'x' && verb != 'X' {
					tail = append(tail, num[i:]...)
					num = num[:i]
					break
				}
				fallthrough
			default:
				if num[i] != '0' {
					sawNonzeroDigit = true
				}
				// Leading zeros do not count as significant digits.
				if sawNonzeroDigit {
					digits--
				}
			}
		}
		if !hasDecimalPoint {
			// A leading 0 ("0.") counts as a digit of %#g's precision when the number is 0.
			if len(num) == 2 && num[1] == '0' {
				digits--
			}
			num = append(num, '.')
		}
		for digits > 0 {
			num = append(num, '0')
			digits--
		}
		num = append(num, tail...)
	}
	// The sign is shown when asked for or when negative.
	if f.plus || num[0] != '+' {
		// Zero padding goes between the sign and the digits.
		if f.zero && f.widPresent && f.wid > len(num) {
			*f.buf = append(*f.buf, num[0])
			f.writePadding(f.wid - len(num))
			*f.buf = append(*f.buf, num[1:]...)
			return
		}
		f.pad(num)
		return
	}
	// No sign wanted.
	f.pad(num[1:])
}

// fmtComplex formats a complex number as (r+ii), each part with fmtFloat.
func (f *formatter) fmtComplex(v complex128, size int, verb rune, prec int) {
	oldPlus := f.plus
	*f.buf = append(*f.buf, '(')
	f.fmtFloat(real(v), size/2, verb, prec)
	// The imaginary part always has a sign.
	f.plus = true
	f.fmtFloat(imag(v), size/2, verb, prec)
	*f.buf = append(*f.buf, "i)"...)
	f.plus = oldPlus
}
