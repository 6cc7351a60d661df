package strconv

import "unicode/utf8"

const lowerHex = "0123456789abcdef"

// Quote returns s as a double-quoted Go string literal. Printable runes (IsPrint) stand
// for themselves, except '"' and '\', which are escaped; the others are escaped as \a, \b,
// \f, \n, \r, \t, \v, \xHH (other control characters), \uHHHH or \UHHHHHHHH. Bytes that
// are not valid UTF-8 come out as \xHH.
func Quote(s string) string {
	return quoteWith(s, '"', false, false)
}

// AppendQuote appends Quote(s) to dst and returns the extended buffer.
func AppendQuote(dst []byte, s string) []byte {
	return appendQuotedWith(dst, s, '"', false, false)
}

// QuoteToASCII is Quote, but it also escapes every rune that is not ASCII.
func QuoteToASCII(s string) string {
	return quoteWith(s, '"', true, false)
}

// AppendQuoteToASCII appends QuoteToASCII(s) to dst and returns the extended buffer.
func AppendQuoteToASCII(dst []byte, s string) []byte {
	return appendQuotedWith(dst, s, '"', true, false)
}

// QuoteToGraphic is Quote, but it leaves all graphic runes (IsGraphic, which adds some
// spaces to the printable runes) unescaped.
func QuoteToGraphic(s string) string {
	return quoteWith(s, '"', false, true)
}

// AppendQuoteToGraphic appends QuoteToGraphic(s) to dst and returns the extended buffer.
func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return appendQuotedWith(dst, s, '"', false, true)
}

// QuoteRune returns r as a single-quoted Go character literal, escaped as Quote escapes
// (an invalid rune becomes U+FFFD).
func QuoteRune(r rune) string {
	return string(appendQuotedRune(nil, r, false, false))
}

// AppendQuoteRune appends QuoteRune(r) to dst and returns the extended buffer.
func AppendQuoteRune(dst []byte, r rune) []byte {
	return appendQuotedRune(dst, r, false, false)
}

// QuoteRuneToASCII is QuoteRune, but it escapes a rune that is not ASCII.
func QuoteRuneToASCII(r rune) string {
	return string(appendQuotedRune(nil, r, true, false))
}

// AppendQuoteRuneToASCII appends QuoteRuneToASCII(r) to dst and returns the extended
// buffer.
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return appendQuotedRune(dst, r, true, false)
}

// QuoteRuneToGraphic is QuoteRune, but it leaves a graphic rune unescaped.
func QuoteRuneToGraphic(r rune) string {
	return string(appendQuotedRune(nil, r, false, true))
}

// AppendQuoteRuneToGraphic appends QuoteRuneToGraphic(r) to dst and returns the extended
// buffer.
func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return appendQuotedRune(dst, r, false, true)
}

// quoteWith is s between quote characters, escaped as the flags say, in a new string (room
// for half as much again as s, in case some runes need escapes).
func quoteWith(s string, quote byte, ASCIIonly, graphicOnly bool) string {
	return string(appendQuotedWith(make([]byte, 0, 3*len(s)/2), s, quote, ASCIIonly, graphicOnly))
}

// appendQuotedWith appends s to buf between quote characters, escaped as the flags say.
func appendQuotedWith(buf []byte, s string, quote byte, asciiOnly, graphicOnly bool) []byte {
	buf = append(buf, quote)
	for i := 0; i < len(s); {
		r, width := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s[i:])
		}
		if width == 1 && r == utf8.RuneError { // a byte that is not valid UTF-8
			buf = append(buf, '\\', 'x', lowerHex[s[i]>>4], lowerHex[s[i]&0xF])
		} else {
			buf = appendEscapedRune(buf, r, quote, asciiOnly, graphicOnly)
		}
		i += width
	}
	return append(buf, quote)
}

func appendQuotedRune(buf []byte, r rune, asciiOnly, graphicOnly bool) []byte {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	buf = append(buf, '\'')
	buf = appendEscapedRune(buf, r, '\'', asciiOnly, graphicOnly)
	return append(buf, '\'')
}

// appendEscapedRune appends r as it appears between quotes.
func appendEscapedRune(buf []byte, r rune, quote byte, asciiOnly, graphicOnly bool) []byte {
	if r == rune(quote) || r == '\\' {
		return append(buf, '\\', byte(r))
	}
	if asciiOnly {
		if r < utf8.RuneSelf && IsPrint(r) {
			return append(buf, byte(r))
		}
	} else if IsPrint(r) || graphicOnly && isGraphicSpace(r) {
		return utf8.AppendRune(buf, r)
	}
	switch r {
	case '\a':
		return append(buf, '\\', 'a')
	case '\b':
		return append(buf, '\\', 'b')
	case '\f':
		return append(buf, '\\', 'f')
	case '\n':
		return append(buf, '\\', 'n')
	case '\r':
		return append(buf, '\\', 'r')
	case '\t':
		return append(buf, '\\', 't')
	case '\v':
		return append(buf, '\\', 'v')
	}
	switch {
	case r < ' ' || r == 0x7F:
		return append(buf, '\\', 'x', lowerHex[byte(r)>>4], lowerHex[byte(r)&0xF])
	case !utf8.ValidRune(r):
		r = utf8.RuneError
	}
	if r < 0x10000 {
		buf = append(buf, '\\', 'u')
		for shift := 12; shift >= 0; shift -= 4 {
			buf = append(buf, lowerHex[r>>uint(shift)&0xF])
		}
		return buf
	}
	buf = append(buf, '\\', 'U')
	for shift := 28; shift >= 0; shift -= 4 {
		buf = append(buf, lowerHex[r>>uint(shift)&0xF])
	}
	return buf
}

// CanBackquote reports whether s can be written as a raw (back-quoted) string literal
// that is a single line: it must be valid UTF-8 without a byte order mark, a back quote
// or control characters other than tab.
func CanBackquote(s string) bool {
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		if width > 1 {
			if r == '\uFEFF' {
				return false
			}
			continue
		}
		if r == utf8.RuneError || r < ' ' && r != '\t' || r == '`' || r == 0x7F {
			return false
		}
	}
	return true
}

// unhex returns the value of the hexadecimal digit b.
func unhex(b byte) (rune, bool) {
	switch {
	case '0' <= b && b <= '9':
		return rune(b - '0'), true
	case 'a' <= b && b <= 'f':
		return rune(b-'a') + 10, true
	case 'A' <= b && b <= 'F':
		return rune(b-'A') + 10, true
	}
	return 0, false
}

// UnquoteChar decodes the first character (or escape sequence) of s, the text of a
// string or character literal quoted by quote, and returns the character, whether it
// must be written back as UTF-8 (a rune beyond ASCII, or a \u or \U escape), and the
// rest of s. It is a syntax error if s starts with quote (when quote is ' or ") or with
// an invalid escape; \' is allowed only in ' literals and \" only in " literals.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	if s == "" {
		return 0, false, "", ErrSyntax
	}
	c := s[0]
	switch {
	case c == quote && (quote == '\'' || quote == '"'):
		return 0, false, "", ErrSyntax
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(s)
		return r, true, s[size:], nil
	case c != '\\':
		return rune(c), false, s[1:], nil
	}

	// An escape sequence.
	if len(s) < 2 {
		return 0, false, "", ErrSyntax
	}
	c = s[1]
	s = s[2:]
	switch c {
	case 'a':
		value = '\a'
	case 'b':
		value = '\b'
	case 'f':
		value = '\f'
	case 'n':
		value = '\n'
	case 'r':
		value = '\r'
	case 't':
		value = '\t'
	case 'v':
		value = '\v'
	case '\\':
		value = '\\'
	case '\'', '"':
		if c != quote {
			return 0, false, "", ErrSyntax
		}
		value = rune(c)
	case 'x', 'u', 'U':
		// Exactly 2, 4 or 8 hexadecimal digits. \x gives a byte; \u and \U a rune.
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		if len(s) < n {
			return 0, false, "", ErrSyntax
		}
		var v rune
		for j := 0; j < n; j++ {
			d, ok := unhex(s[j])
			if !ok {
				return 0, false, "", ErrSyntax
			}
			v = v<<4 | d
		}
		s = s[n:]
		if c != 'x' {
			if !utf8.ValidRune(v) {
				return 0, false, "", ErrSyntax
			}
			multibyte = true
		}
		value = v
	case '0', '1', '2', '3', '4', '5', '6', '7':
		// Exactly three octal digits, a byte.
		if len(s) < 2 {
			return 0, false, "", ErrSyntax
		}
		v := rune(c - '0')
		for j := 0; j < 2; j++ {
			d := rune(s[j]) - '0'
			if d < 0 || d > 7 {
				return 0, false, "", ErrSyntax
			}
			v = v<<3 | d
		}
		s = s[2:]
		if v > 255 {
			return 0, false, "", ErrSyntax
		}
		value = v
	default:
		return 0, false, "", ErrSyntax
	}
	return value, multibyte, s, nil
}

// QuotedPrefix returns the quoted string (as it is written, quotes included) at the
// start of s, or ErrSyntax if s does not start with a valid one.
func QuotedPrefix(s string) (string, error) {
	out, _, err := unquote(s, false)
	return out, err
}

// Unquote interprets s as a single-quoted, double-quoted or back-quoted Go literal and
// returns its value (for a single-quoted one, the character as a string). Carriage
// returns are dropped from back-quoted literals, as the Go compiler does.
func Unquote(s string) (string, error) {
	out, rest, err := unquote(s, true)
	if rest != "" {
		return "", ErrSyntax
	}
	return out, err
}

// unquote reads the quoted literal at the start of in, and returns its value (unescape)
// or its text, and what follows it.
func unquote(in string, unescape bool) (out, rest string, err error) {
	if len(in) < 2 {
		return "", in, ErrSyntax
	}
	quote := in[0]
	end := indexByte(in[1:], quote)
	if end < 0 {
		return "", in, ErrSyntax
	}
	end += 2 // just past the next quote character (the closing one unless escaped)

	switch quote {
	case '`':
		if !unescape {
			return in[:end], in[end:], nil
		}
		body := in[1 : end-1]
		if indexByte(body, '\r') < 0 {
			return body, in[end:], nil
		}
		buf := make([]byte, 0, len(body))
		for i := 0; i < len(body); i++ {
			if body[i] != '\r' {
				buf = append(buf, body[i])
			}
		}
		return string(buf), in[end:], nil

	case '"', '\'':
		// Without escapes or newlines, the literal is its text, if that is valid.
		if indexByte(in[:end], '\\') < 0 && indexByte(in[:end], '\n') < 0 {
			body := in[1 : end-1]
			valid := false
			if quote == '"' {
				valid = utf8.ValidString(body)
			} else {
				// One rune, valid (an empty body passes too, as in Go 1.19).
				r, n := utf8.DecodeRuneInString(body)
				valid = n == len(body) && (r != utf8.RuneError || n != 1)
			}
			if valid {
				if unescape {
					return body, in[end:], nil
				}
				return in[:end], in[end:], nil
			}
		}

		// Decode character by character.
		var buf []byte
		whole := in
		in = in[1:]
		if unescape {
			buf = make([]byte, 0, 3*end/2)
		}
		for in != "" && in[0] != quote {
			r, multibyte, tail, err := UnquoteChar(in, quote)
			if in[0] == '\n' || err != nil {
				return "", whole, ErrSyntax
			}
			in = tail
			if unescape {
				if r < utf8.RuneSelf || !multibyte {
					buf = append(buf, byte(r))
				} else {
					buf = utf8.AppendRune(buf, r)
				}
			}
			if quote == '\'' {
				break // a single character
			}
		}
		if in == "" || in[0] != quote {
			return "", whole, ErrSyntax
		}
		in = in[1:]
		if unescape {
			return string(buf), in, nil
		}
		return whole[:len(whole)-len(in)], in, nil
	}
	return "", in, ErrSyntax
}

// indexByte returns the index of the first c in s, or -1.
func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// IsPrint reports whether r is printable as Go defines it: a letter, mark, number,
// punctuation, symbol or the ASCII space (unicode.IsPrint), as listed in isprint.go.
func IsPrint(r rune) bool {
	if r < 0x100 {
		// Latin-1, quickly: ASCII's printable characters, and the upper half but its
		// no-break space and soft hyphen.
		return 0x20 <= r && r <= 0x7E || 0xA1 <= r && r <= 0xFF && r != 0xAD
	}
	if r < 0x10000 {
		return inRanges16(print16, uint16(r))
	}
	return r <= utf8.MaxRune && inRanges32(print32, uint32(r))
}

// IsGraphic reports whether r is graphic: printable, or one of the spaces of Unicode's
// category Zs (U+00A0, U+2000...).
func IsGraphic(r rune) bool {
	return IsPrint(r) || isGraphicSpace(r)
}

func isGraphicSpace(r rune) bool {
	if r < 0 || r >= 0x10000 {
		return false
	}
	x := uint16(r)
	lo, hi := 0, len(graphicSpaces)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if graphicSpaces[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(graphicSpaces) && graphicSpaces[lo] == x
}

// inRanges16 reports whether x is in one of the ranges lo, hi of t: a binary search
// for the first range whose hi is at least x.
func inRanges16(t []uint16, x uint16) bool {
	lo, hi := 0, len(t)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t[2*m+1] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(t)/2 && t[2*lo] <= x
}

// inRanges32 is inRanges16 for a table of uint32.
func inRanges32(t []uint32, x uint32) bool {
	lo, hi := 0, len(t)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t[2*m+1] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(t)/2 && t[2*lo] <= x
}
