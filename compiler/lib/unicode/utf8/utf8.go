// Package utf8, as shipped with golift: encoding and decoding runes as UTF-8.
//
// A rune takes 1 to 4 bytes. The first byte says how many follow (0xxxxxxx: none,
// 110xxxxx: one, 1110xxxx: two, 11110xxx: three); each following byte is 10xxxxxx. An
// encoding is valid only if it is the shortest one for its rune, and the rune is not a
// surrogate half (U+D800-U+DFFF) and not above U+10FFFF. Decoding an invalid sequence gives
// (RuneError, 1): one byte is skipped, so a decoding loop always moves on.
package utf8

const (
	RuneError = '\uFFFD'     // the "replacement character" given for invalid input
	RuneSelf  = 0x80         // runes below this are single bytes, the same as ASCII
	MaxRune   = '\U0010FFFF' // the largest valid rune
	UTFMax    = 4            // the most bytes a rune takes
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// seqInfo returns the length n of the sequence that byte b starts (0: b cannot start one)
// and the range lo..hi that its second byte must be in: narrower than 0x80..0xBF after the
// first bytes where part of that range would give overlong forms, surrogates or runes
// beyond MaxRune.
func seqInfo(b byte) (n int, lo, hi byte) {
	switch {
	case b < 0x80:
		return 1, 0, 0
	case b < 0xC2: // continuation bytes, and C0/C1, which would only start overlong forms
		return 0, 0, 0
	case b < 0xE0:
		return 2, 0x80, 0xBF
	case b == 0xE0:
		return 3, 0xA0, 0xBF // below A0: overlong
	case b == 0xED:
		return 3, 0x80, 0x9F // above 9F: surrogates
	case b < 0xF0:
		return 3, 0x80, 0xBF
	case b == 0xF0:
		return 4, 0x90, 0xBF // below 90: overlong
	case b < 0xF4:
		return 4, 0x80, 0xBF
	case b == 0xF4:
		return 4, 0x80, 0x8F // above 8F: beyond U+10FFFF
	}
	return 0, 0, 0
}

// starts describes each byte as the first of an encoding (as seqInfo does): the length of
// the sequence it starts in the low four bits (0: it starts none), and in the high four
// bits which of seconds the second byte must be in. A table, so that FullRune is small
// enough to be inlined (as gc's is).
var starts = [256]uint8{
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, // 00-0F
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, // 10-1F
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, // 20-2F
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, // 30-3F
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, // 40-4F
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, // 50-5F
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, // 60-6F
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, // 70-7F
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 80-8F
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 90-9F
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // A0-AF
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // B0-BF
	0x00, 0x00, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, // C0-CF
	0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, // D0-DF
	0x23, 0x13, 0x13, 0x13, 0x13, 0x13, 0x13, 0x13, 0x13, 0x13, 0x13, 0x13, 0x13, 0x33, 0x13, 0x13, // E0-EF
	0x44, 0x14, 0x14, 0x14, 0x54, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // F0-FF
}

// seconds are the ranges a second byte may be in (the first is for sequences of one byte).
// Sixteen, so that any high half of a starts entry indexes it without a bounds check.
var seconds = [16]struct{ lo, hi byte }{{0, 0}, {0x80, 0xBF}, {0xA0, 0xBF}, {0x80, 0x9F}, {0x90, 0xBF}, {0x80, 0x8F}}

// FullRune reports whether p begins with a full encoding of a rune (an invalid encoding
// counts as full: it decodes to RuneError of width 1).
func FullRune(p []byte) bool {
	n := len(p)
	if n == 0 {
		return false
	}
	s := starts[p[0]]
	if n >= int(s&15) {
		return true
	}
	// Too short for the whole sequence, but it is already full if a byte so far is wrong.
	r := seconds[s>>4]
	if n > 1 && (p[1] < r.lo || p[1] > r.hi) {
		return true
	}
	return n > 2 && (p[2] < 0x80 || p[2] > 0xBF)
}

// FullRuneInString is FullRune for a string.
func FullRuneInString(p string) bool {
	n := len(p)
	if n == 0 {
		return false
	}
	s := starts[p[0]]
	if n >= int(s&15) {
		return true
	}
	r := seconds[s>>4]
	if n > 1 && (p[1] < r.lo || p[1] > r.hi) {
		return true
	}
	return n > 2 && (p[2] < 0x80 || p[2] > 0xBF)
}

// DecodeRune decodes the first rune of p and returns it and its width in bytes. For an
// empty p it returns (RuneError, 0); for an invalid encoding (RuneError, 1).
func DecodeRune(p []byte) (r rune, size int) {
	n := len(p)
	if n < 1 {
		return RuneError, 0
	}
	b0 := p[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	want, lo, hi := seqInfo(b0)
	if want == 0 || n < want {
		return RuneError, 1
	}
	b1 := p[1]
	if b1 < lo || b1 > hi {
		return RuneError, 1
	}
	if want == 2 {
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	}
	b2 := p[2]
	if b2 < 0x80 || b2 > 0xBF {
		return RuneError, 1
	}
	if want == 3 {
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	}
	b3 := p[3]
	if b3 < 0x80 || b3 > 0xBF {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
}

// DecodeRuneInString is DecodeRune for a string. The two are twins rather than one calling
// the other because converting between []byte and string copies (as does Go, which keeps
// them separate for the same reason); the same holds for DecodeLastRune and its twin.
func DecodeRuneInString(s string) (r rune, size int) {
	n := len(s)
	if n < 1 {
		return RuneError, 0
	}
	b0 := s[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	want, lo, hi := seqInfo(b0)
	if want == 0 || n < want {
		return RuneError, 1
	}
	b1 := s[1]
	if b1 < lo || b1 > hi {
		return RuneError, 1
	}
	if want == 2 {
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	}
	b2 := s[2]
	if b2 < 0x80 || b2 > 0xBF {
		return RuneError, 1
	}
	if want == 3 {
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	}
	b3 := s[3]
	if b3 < 0x80 || b3 > 0xBF {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
}

// DecodeLastRune decodes the last rune of p: it returns (RuneError, 0) for an empty p and
// (RuneError, 1) when p does not end with a valid encoding.
func DecodeLastRune(p []byte) (r rune, size int) {
	end := len(p)
	if end == 0 {
		return RuneError, 0
	}
	if p[end-1] < RuneSelf {
		return rune(p[end-1]), 1
	}
	// Back up over at most three continuation bytes to the byte that starts the rune.
	start := end - 1
	limit := end - UTFMax
	if limit < 0 {
		limit = 0
	}
	for start--; start >= limit; start-- {
		if RuneStart(p[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRune(p[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRuneInString is DecodeLastRune for a string.
func DecodeLastRuneInString(s string) (r rune, size int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	if s[end-1] < RuneSelf {
		return rune(s[end-1]), 1
	}
	start := end - 1
	limit := end - UTFMax
	if limit < 0 {
		limit = 0
	}
	for start--; start >= limit; start-- {
		if RuneStart(s[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// RuneLen returns the number of bytes that encode r, or -1 if r is not a valid rune.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes the UTF-8 encoding of r into p (which must be long enough) and
// returns the number of bytes written. An invalid rune is written as RuneError.
func EncodeRune(p []byte, r rune) int {
	if uint32(r) < 0x80 {
		p[0] = byte(r)
		return 1
	}
	if uint32(r) < 0x800 {
		_ = p[1]
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
		return 2
	}
	if uint32(r) > MaxRune || (surrogateMin <= r && r <= surrogateMax) {
		r = RuneError
	}
	if uint32(r) < 0x10000 {
		_ = p[2]
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
		return 3
	}
	_ = p[3]
	p[0] = 0xF0 | byte(r>>18)
	p[1] = 0x80 | byte(r>>12)&0x3F
	p[2] = 0x80 | byte(r>>6)&0x3F
	p[3] = 0x80 | byte(r)&0x3F
	return 4
}

// AppendRune appends the UTF-8 encoding of r to p and returns the extended slice.
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < RuneSelf {
		return append(p, byte(r))
	}
	return appendMultibyte(p, r)
}

// appendMultibyte is AppendRune for a rune of more than one byte: apart, so that
// AppendRune's ASCII case is small enough to be inlined (as gc's is).
//
//go:noinline
func appendMultibyte(p []byte, r rune) []byte {
	var buf [UTFMax]byte
	n := EncodeRune(buf[:], r)
	return append(p, buf[:n]...)
}

// RuneCount returns the number of runes in p; each invalid byte counts as one.
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); n++ {
		if p[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRune(p[i:])
		i += size
	}
	return n
}

// RuneCountInString is RuneCount for a string.
func RuneCountInString(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		if s[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// RuneStart reports whether b can be the first byte of an encoding (it is not a
// continuation byte 10xxxxxx).
func RuneStart(b byte) bool {
	return b&0xC0 != 0x80
}

// Valid reports whether p consists entirely of valid UTF-8 encodings.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRune(p[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidString reports whether s consists entirely of valid UTF-8 encodings.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRuneInString(s[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidRune reports whether r can be encoded as UTF-8: it is in 0..MaxRune and not a
// surrogate half.
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < surrogateMin:
		return true
	case surrogateMax < r && r <= MaxRune:
		return true
	}
	return false
}
