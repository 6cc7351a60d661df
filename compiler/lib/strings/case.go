package strings

import (
	"unicode"
	"unicode/utf8"
)

// Map returns s with each rune c replaced by mapping(c); the rune is dropped if mapping
// returns a negative value. mapping is called once for each rune, in order. An invalid byte
// is passed as utf8.RuneError and written out as the encoding of what mapping returns for
// it (U+FFFD if it returns RuneError). If nothing changes, s itself is returned.
func Map(mapping func(rune) rune, s string) string {
	// Nothing is copied until the first rune that changes: the output buffer starts then,
	// with the unchanged text before that rune.
	var b []byte
	changed := false
	for i, c := range s {
		r := mapping(c)
		if !changed {
			if r == c && (c != utf8.RuneError || !isInvalidAt(s, i)) {
				continue
			}
			changed = true
			b = make([]byte, 0, len(s)+utf8.UTFMax)
			b = append(b, s[:i]...)
		}
		if r >= 0 {
			b = utf8.AppendRune(b, r)
		}
	}
	if !changed {
		return s
	}
	return string(b)
}

// isInvalidAt reports whether s has an invalid byte at i (rather than an encoded U+FFFD).
func isInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// isASCIIWith reports whether s is all ASCII, and whether it has a byte in lo..hi.
func isASCIIWith(s string, lo, hi byte) (ascii, has bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		if lo <= c && c <= hi {
			has = true
		}
	}
	return true, has
}

// shiftASCII returns the ASCII string s with the bytes in lo..hi moved by delta.
func shiftASCII(s string, lo, hi byte, delta int) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if lo <= c && c <= hi {
			c = byte(int(c) + delta)
		}
		b[i] = c
	}
	return string(b)
}

// ToUpper returns s with all its runes in upper case (unicode.ToUpper).
func ToUpper(s string) string {
	if ascii, has := isASCIIWith(s, 'a', 'z'); ascii {
		if !has {
			return s
		}
		return shiftASCII(s, 'a', 'z', 'A'-'a')
	}
	return Map(unicode.ToUpper, s)
}

// ToLower returns s with all its runes in lower case (unicode.ToLower).
func ToLower(s string) string {
	if ascii, has := isASCIIWith(s, 'A', 'Z'); ascii {
		if !has {
			return s
		}
		return shiftASCII(s, 'A', 'Z', 'a'-'A')
	}
	return Map(unicode.ToLower, s)
}

// ToTitle returns s with all its runes in title case (unicode.ToTitle).
func ToTitle(s string) string {
	return Map(unicode.ToTitle, s)
}

// ToUpperSpecial returns s in upper case, with c's special mappings first.
func ToUpperSpecial(c unicode.SpecialCase, s string) string {
	return Map(c.ToUpper, s)
}

// ToLowerSpecial returns s in lower case, with c's special mappings first.
func ToLowerSpecial(c unicode.SpecialCase, s string) string {
	return Map(c.ToLower, s)
}

// ToTitleSpecial returns s in title case, with c's special mappings first.
func ToTitleSpecial(c unicode.SpecialCase, s string) string {
	return Map(c.ToTitle, s)
}

// Title returns s with the first letter of each word in title case. A word starts after
// a separator: ASCII bytes other than letters, digits and '_', and white space. (Deprecated
// in Go: it does not handle punctuation or languages properly.)
func Title(s string) string {
	prev := ' ' // Map calls the function once per rune, in order, so it can remember this
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

// ToValidUTF8 returns s with each run of invalid bytes replaced by replacement.
func ToValidUTF8(s, replacement string) string {
	var b []byte
	inInvalid := false // whether the previous byte was invalid (its run is replaced already)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, c)
			i++
			inInvalid = false
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
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
	return string(b)
}
