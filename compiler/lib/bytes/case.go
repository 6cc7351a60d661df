package bytes

import (
	"unicode"
	"unicode/utf8"
)

// Map returns a new slice holding s with each rune c replaced by mapping(c), dropped if
// mapping returns a negative value (invalid bytes are passed as utf8.RuneError, and an
// invalid result is written as U+FFFD). mapping is called once per rune, in order.
func Map(mapping func(r rune) rune, s []byte) []byte {
	// The result starts with room for len(s) bytes and, when full, grows to twice that plus
	// utf8.UTFMax (the capacities are Go's, so that cap gives the same answers).
	b := make([]byte, len(s))
	n := 0
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(s[i:])
		}
		i += size
		r := mapping(c)
		if r < 0 {
			continue
		}
		rl := utf8.RuneLen(r)
		if rl < 0 {
			rl = 3 // written as RuneError
		}
		if n+rl > len(b) {
			nb := make([]byte, len(b)*2+utf8.UTFMax)
			copy(nb, b[:n])
			b = nb
		}
		n += utf8.EncodeRune(b[n:], r)
	}
	return b[:n]
}

// shiftASCII returns a copy of the ASCII slice s with the bytes in lo..hi moved by delta
// (an exact copy if there are none, with the capacity that append gives).
func shiftASCII(s []byte, lo, hi byte, delta int) []byte {
	has := false
	for _, c := range s {
		if lo <= c && c <= hi {
			has = true
			break
		}
	}
	if !has {
		return append([]byte(""), s...)
	}
	b := make([]byte, len(s))
	for i, c := range s {
		if lo <= c && c <= hi {
			c = byte(int(c) + delta)
		}
		b[i] = c
	}
	return b
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s []byte) bool {
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ToUpper returns a new slice with the runes of s in upper case.
func ToUpper(s []byte) []byte {
	if isASCII(s) {
		return shiftASCII(s, 'a', 'z', 'A'-'a')
	}
	return Map(unicode.ToUpper, s)
}

// ToLower returns a new slice with the runes of s in lower case.
func ToLower(s []byte) []byte {
	if isASCII(s) {
		return shiftASCII(s, 'A', 'Z', 'a'-'A')
	}
	return Map(unicode.ToLower, s)
}

// ToTitle returns a new slice with the runes of s in title case.
func ToTitle(s []byte) []byte { return Map(unicode.ToTitle, s) }

// ToUpperSpecial returns a new slice with s in upper case, with c's special mappings first.
func ToUpperSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToUpper, s) }

// ToLowerSpecial returns a new slice with s in lower case, with c's special mappings first.
func ToLowerSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToLower, s) }

// ToTitleSpecial returns a new slice with s in title case, with c's special mappings first.
func ToTitleSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToTitle, s) }

// Title returns a new slice with the first letter of each word of s in title case (see
// strings.Title; deprecated in Go).
func Title(s []byte) []byte {
	prev := ' '
	return Map(func(r rune) rune {
		if isSeparator(prev) {
			prev = r
			return unicode.ToTitle(r)
		}
		prev = r
		return r
	}, s)
}

// isSeparator reports whether r separates words for Title.
func isSeparator(r rune) bool {
	if r <= 0x7F {
		return !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_')
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// ToValidUTF8 returns a new slice holding s with each run of invalid bytes replaced by
// replacement.
func ToValidUTF8(s, replacement []byte) []byte {
	b := make([]byte, 0, len(s)+len(replacement))
	inInvalid := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, c)
			i++
			inInvalid = false
			continue
		}
		_, size := utf8.DecodeRune(s[i:])
		if size == 1 {
			if !inInvalid {
				b = append(b, replacement...)
				inInvalid = true
			}
			i++
			continue
		}
		b = append(b, s[i:i+size]...)
		i += size
		inInvalid = false
	}
	return b
}

// Runes returns the runes of s (invalid bytes as utf8.RuneError).
func Runes(s []byte) []rune {
	t := make([]rune, utf8.RuneCount(s))
	for i := 0; len(s) > 0; i++ {
		r, size := utf8.DecodeRune(s)
		t[i] = r
		s = s[size:]
	}
	return t
}

// Replace returns a new slice holding s with the first n non-overlapping occurrences of old
// replaced by new (all of them if n < 0). An empty old matches at the start and after each
// rune.
func Replace(s, old, new []byte, n int) []byte {
	m := 0
	if n != 0 {
		m = Count(s, old)
	}
	if m == 0 {
		return append([]byte(nil), s...) // a copy (nil if s is empty)
	}
	if n < 0 || m < n {
		n = m
	}
	t := make([]byte, len(s)+n*(len(new)-len(old)))
	w, start := 0, 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				_, size := utf8.DecodeRune(s[start:])
				j += size
			}
		} else {
			j += Index(s[start:], old)
		}
		w += copy(t[w:], s[start:j])
		w += copy(t[w:], new)
		start = j + len(old)
	}
	w += copy(t[w:], s[start:])
	return t[0:w]
}

// ReplaceAll returns a new slice holding s with all the non-overlapping occurrences of old
// replaced by new.
func ReplaceAll(s, old, new []byte) []byte {
	return Replace(s, old, new, -1)
}
