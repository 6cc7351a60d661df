// Package strings, as shipped with golift: searching, splitting, joining, trimming, case
// mapping and replacing in UTF-8 strings, and the types Builder (building a string piece by
// piece), Reader (reading a string through io interfaces) and Replacer (several replacements
// in one pass).
//
// Byte-oriented functions (Index, Split, Count, ...) work on bytes and do not care whether the
// text is valid UTF-8. Rune-oriented ones (IndexRune, Fields, Map, ToUpper, Trim, EqualFold,
// ...) decode the string as a `for range` loop does: each byte that does not start a valid
// encoding is one rune, utf8.RuneError (U+FFFD), of width 1. So an invalid byte and a real
// U+FFFD look alike to them, and functions that build new text (Map, ToUpper, ...) write
// invalid bytes out as U+FFFD.
//
// The files: strings.go (searching and comparing, EqualFold), split.go (splitting, joining,
// repeating), trim.go, case.go (case mapping, Map), replace.go (Replace and Replacer),
// builder.go and reader.go.
package strings

import (
	"unicode"
	"unicode/utf8"
)

// IndexByte returns the index of the first c in s, or -1.
func IndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Index returns the index of the first occurrence of substr in s, or -1. An empty substr is
// found at 0.
func Index(s, substr string) int {
	n := len(substr)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return IndexByte(s, substr[0])
	case n == len(s):
		if s == substr {
			return 0
		}
		return -1
	case n > len(s):
		return -1
	}
	// Try each place where the first byte matches. That is fast in practice, but a text such
	// as "aaaa...ab" searched for "aaab" would cost len(s)*n; once the false starts have cost
	// more than the bytes scanned justify, switch to Rabin-Karp, which is linear.
	c0 := substr[0]
	fails := 0
	for i := 0; i <= len(s)-n; i++ {
		if s[i] != c0 {
			continue
		}
		if s[i:i+n] == substr {
			return i
		}
		fails++
		if fails > 4+i>>4 {
			if j := indexRabinKarp(s[i+1:], substr); j >= 0 {
				return i + 1 + j
			}
			return -1
		}
	}
	return -1
}

// primeRK is the base of the rolling hash of the Rabin-Karp search.
const primeRK = 16777619

// hashOf returns the rolling hash of sep and primeRK to the power len(sep) (both modulo
// 2^32), which removes a byte from the hash when the window slides past it.
func hashOf(sep string) (uint32, uint32) {
	var h, pow uint32 = 0, 1
	for i := 0; i < len(sep); i++ {
		h = h*primeRK + uint32(sep[i])
		pow *= primeRK
	}
	return h, pow
}

// indexRabinKarp is Index by comparing the hash of each window of s of len(substr) bytes with
// the hash of substr, and the bytes only when the hashes are equal.
func indexRabinKarp(s, substr string) int {
	n := len(substr)
	if len(s) < n {
		return -1
	}
	want, pow := hashOf(substr)
	var h uint32
	for i := 0; i < n; i++ {
		h = h*primeRK + uint32(s[i])
	}
	if h == want && s[:n] == substr {
		return 0
	}
	for i := n; i < len(s); i++ {
		h = h*primeRK + uint32(s[i]) - pow*uint32(s[i-n])
		if h == want && s[i-n+1:i+1] == substr {
			return i - n + 1
		}
	}
	return -1
}

// LastIndex returns the index of the last occurrence of substr in s, or -1. An empty substr
// is found at len(s).
func LastIndex(s, substr string) int {
	n := len(substr)
	switch {
	case n == 0:
		return len(s)
	case n == 1:
		return LastIndexByte(s, substr[0])
	case n == len(s):
		if s == substr {
			return 0
		}
		return -1
	case n > len(s):
		return -1
	}
	c0 := substr[0]
	for i := len(s) - n; i >= 0; i-- {
		if s[i] == c0 && s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// IndexRune returns the index of the first rune r in s, or -1. Searching for
// utf8.RuneError finds the first invalid byte or U+FFFD; an invalid rune is never found.
func IndexRune(s string, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i, c := range s {
			if c == utf8.RuneError {
				return i
			}
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	}
	return Index(s, string(r))
}

// asciiSet is a set of ASCII bytes: bit c of the 128 bits is set for each byte c in it.
type asciiSet [4]uint32

// makeASCIISet returns the set of the bytes of chars, and whether they are all ASCII.
func makeASCIISet(chars string) (as asciiSet, ok bool) {
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		if c >= utf8.RuneSelf {
			return as, false
		}
		as[c/32] |= 1 << (c % 32)
	}
	return as, true
}

// contains reports whether c is in the set.
func (as *asciiSet) contains(c byte) bool {
	return c < utf8.RuneSelf && as[c/32]&(1<<(c%32)) != 0
}

// IndexAny returns the index of the first rune of s that is also in chars, or -1.
func IndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	if as, ok := makeASCIISet(chars); ok {
		// Only ASCII bytes can match, and those are whole runes.
		for i := 0; i < len(s); i++ {
			if as.contains(s[i]) {
				return i
			}
		}
		return -1
	}
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

// LastIndexAny returns the index of the last rune of s that is also in chars, or -1.
func LastIndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	if as, ok := makeASCIISet(chars); ok {
		for i := len(s) - 1; i >= 0; i-- {
			if as.contains(s[i]) {
				return i
			}
		}
		return -1
	}
	for i := len(s); i > 0; {
		c, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index of the first rune c of s for which f(c) is true, or -1.
func IndexFunc(s string, f func(rune) bool) int {
	return indexFunc(s, f, true)
}

// LastIndexFunc returns the index of the last rune c of s for which f(c) is true, or -1.
func LastIndexFunc(s string, f func(rune) bool) int {
	return lastIndexFunc(s, f, true)
}

// indexFunc returns the index of the first rune c of s for which f(c) == truth, or -1.
func indexFunc(s string, f func(rune) bool, truth bool) int {
	for i, c := range s {
		if f(c) == truth {
			return i
		}
	}
	return -1
}

// lastIndexFunc is indexFunc from the end, decoding the runes backwards.
func lastIndexFunc(s string, f func(rune) bool, truth bool) int {
	for i := len(s); i > 0; {
		c, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if f(c) == truth {
			return i
		}
	}
	return -1
}

// Contains reports whether substr is in s.
func Contains(s, substr string) bool {
	return Index(s, substr) >= 0
}

// ContainsAny reports whether a rune of chars is in s.
func ContainsAny(s, chars string) bool {
	return IndexAny(s, chars) >= 0
}

// ContainsRune reports whether the rune r is in s.
func ContainsRune(s string, r rune) bool {
	return IndexRune(s, r) >= 0
}

// Count returns the number of non-overlapping occurrences of substr in s. An empty substr
// occurs before each rune and at the end: 1 + the number of runes.
func Count(s, substr string) int {
	if len(substr) == 0 {
		return utf8.RuneCountInString(s) + 1
	}
	if len(substr) == 1 {
		c, n := substr[0], 0
		for i := 0; i < len(s); i++ {
			if s[i] == c {
				n++
			}
		}
		return n
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// Compare returns 0 if a == b, -1 if a < b and +1 if a > b, comparing bytes.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return +1
}

// Cut slices s around the first sep: it returns the text before and after it and true, or
// s, "" and false if sep is not in s.
func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// Clone returns a fresh copy of s (useful to let go of a large string that s is part of).
func Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	b := make([]byte, len(s))
	copy(b, s)
	return string(b)
}

// EqualFold reports whether s and t are equal under simple Unicode case folding: each rune
// of one is in the SimpleFold orbit of the rune of the other at the same place ("Go" and
// "GO", "straße" and "STRAßE", but not "ß" and "ss").
func EqualFold(s, t string) bool {
	for s != "" && t != "" {
		var sr, tr rune
		if s[0] < utf8.RuneSelf {
			sr, s = rune(s[0]), s[1:]
		} else {
			r, size := utf8.DecodeRuneInString(s)
			sr, s = r, s[size:]
		}
		if t[0] < utf8.RuneSelf {
			tr, t = rune(t[0]), t[1:]
		} else {
			r, size := utf8.DecodeRuneInString(t)
			tr, t = r, t[size:]
		}
		if sr == tr {
			continue
		}
		if tr < sr {
			sr, tr = tr, sr
		}
		// Two different ASCII runes are equal only as an upper case and a lower case letter.
		if tr < utf8.RuneSelf {
			if 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A' {
				continue
			}
			return false
		}
		// Walk sr's orbit upwards from sr, looking for tr (the orbit is sorted but for its
		// wrap-around to the smallest member).
		r := unicode.SimpleFold(sr)
		for r != sr && r < tr {
			r = unicode.SimpleFold(r)
		}
		if r != tr {
			return false
		}
	}
	return s == t
}
