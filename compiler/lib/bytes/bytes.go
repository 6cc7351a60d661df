// Package bytes, as shipped with golift: the functions of package strings for byte slices
// (searching, splitting, trimming, case mapping, ...), the growable Buffer, and Reader.
//
// The functions behave as their strings counterparts; rune-oriented ones decode UTF-8 the
// same way (an invalid byte is utf8.RuneError of width 1). What a slice brings in addition
// is aliasing, and golift keeps Go's rules: functions documented to return a subslice of
// their argument (Split, Fields, Trim, TrimPrefix, Cut, ...) share its memory, with the
// same capacities as Go gives them (Split's pieces end at their length, for example, so that
// appending to one does not overwrite the next), while ToUpper, Map, Replace, Join, Repeat
// and the like return new slices. Go's choices of nil rather than empty results (Trim of
// an all-space slice is nil) are kept too, since a program can see them.
//
// The files: bytes.go (searching and comparing, EqualFold), split.go, trim.go, case.go (case
// mapping, Map, Runes, Replace), buffer.go and reader.go.
package bytes

import (
	"unicode"
	"unicode/utf8"
)

// Equal reports whether a and b have the same length and bytes (nil equals empty).
func Equal(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Compare returns 0 if a == b, -1 if a < b and +1 if a > b, comparing bytes (nil equals
// empty).
func Compare(a, b []byte) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return +1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return +1
	}
	return 0
}

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// hasAt reports whether s holds sep at index i (with room for it).
func hasAt(s []byte, i int, sep []byte) bool {
	for j := range sep {
		if s[i+j] != sep[j] {
			return false
		}
	}
	return true
}

// Index returns the index of the first occurrence of sep in s, or -1. An empty sep is found
// at 0.
func Index(s, sep []byte) int {
	n := len(sep)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return IndexByte(s, sep[0])
	case n > len(s):
		return -1
	}
	// As strings.Index: a first-byte scan, then Rabin-Karp once false starts pile up.
	c0 := sep[0]
	fails := 0
	for i := 0; i <= len(s)-n; i++ {
		if s[i] != c0 {
			continue
		}
		if hasAt(s, i, sep) {
			return i
		}
		fails++
		if fails > 4+i>>4 {
			if j := indexRabinKarp(s[i+1:], sep); j >= 0 {
				return i + 1 + j
			}
			return -1
		}
	}
	return -1
}

// primeRK is the base of the rolling hash of the Rabin-Karp search.
const primeRK = 16777619

// indexRabinKarp is Index comparing the rolling hash of each window of s with sep's.
func indexRabinKarp(s, sep []byte) int {
	n := len(sep)
	if len(s) < n {
		return -1
	}
	var want, pow uint32 = 0, 1
	for i := 0; i < n; i++ {
		want = want*primeRK + uint32(sep[i])
		pow *= primeRK
	}
	var h uint32
	for i := 0; i < n; i++ {
		h = h*primeRK + uint32(s[i])
	}
	if h == want && hasAt(s, 0, sep) {
		return 0
	}
	for i := n; i < len(s); i++ {
		h = h*primeRK + uint32(s[i]) - pow*uint32(s[i-n])
		if h == want && hasAt(s, i-n+1, sep) {
			return i - n + 1
		}
	}
	return -1
}

// LastIndex returns the index of the last occurrence of sep in s, or -1. An empty sep is
// found at len(s).
func LastIndex(s, sep []byte) int {
	n := len(sep)
	switch {
	case n == 0:
		return len(s)
	case n == 1:
		return LastIndexByte(s, sep[0])
	case n > len(s):
		return -1
	}
	for i := len(s) - n; i >= 0; i-- {
		if s[i] == sep[0] && hasAt(s, i, sep) {
			return i
		}
	}
	return -1
}

// IndexRune returns the index of the first rune r in s, or -1. Searching for
// utf8.RuneError finds the first invalid byte or U+FFFD; an invalid rune is never found.
func IndexRune(s []byte, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i := 0; i < len(s); {
			c, size := utf8.DecodeRune(s[i:])
			if c == utf8.RuneError {
				return i
			}
			i += size
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	}
	var enc [utf8.UTFMax]byte
	n := utf8.EncodeRune(enc[:], r)
	return Index(s, enc[:n])
}

// containsRune reports whether the string chars has the rune r (RuneError matching invalid
// bytes too).
func containsRune(chars string, r rune) bool {
	for _, c := range chars {
		if c == r {
			return true
		}
	}
	return false
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

// IndexAny returns the index of the first rune of s that is in chars, or -1.
func IndexAny(s []byte, chars string) int {
	if chars == "" {
		return -1
	}
	if as, ok := makeASCIISet(chars); ok {
		for i, c := range s {
			if as.contains(c) {
				return i
			}
		}
		return -1
	}
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(s[i:])
		}
		if containsRune(chars, c) {
			return i
		}
		i += size
	}
	return -1
}

// LastIndexAny returns the index of the last rune of s that is in chars, or -1.
func LastIndexAny(s []byte, chars string) int {
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
		c, size := utf8.DecodeLastRune(s[:i])
		i -= size
		if containsRune(chars, c) {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index of the first rune c of s for which f(c) is true, or -1.
func IndexFunc(s []byte, f func(r rune) bool) int {
	return indexFunc(s, f, true)
}

// LastIndexFunc returns the index of the last rune c of s for which f(c) is true, or -1.
func LastIndexFunc(s []byte, f func(r rune) bool) int {
	return lastIndexFunc(s, f, true)
}

// indexFunc returns the index of the first rune c of s for which f(c) == truth, or -1.
func indexFunc(s []byte, f func(r rune) bool, truth bool) int {
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(s[i:])
		}
		if f(c) == truth {
			return i
		}
		i += size
	}
	return -1
}

// lastIndexFunc is indexFunc from the end, decoding the runes backwards.
func lastIndexFunc(s []byte, f func(r rune) bool, truth bool) int {
	for i := len(s); i > 0; {
		c, size := rune(s[i-1]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeLastRune(s[:i])
		}
		i -= size
		if f(c) == truth {
			return i
		}
	}
	return -1
}

// Contains reports whether subslice is in b.
func Contains(b, subslice []byte) bool {
	return Index(b, subslice) != -1
}

// ContainsAny reports whether a rune of chars is in b.
func ContainsAny(b []byte, chars string) bool {
	return IndexAny(b, chars) >= 0
}

// ContainsRune reports whether the rune r is in b.
func ContainsRune(b []byte, r rune) bool {
	return IndexRune(b, r) >= 0
}

// Count returns the number of non-overlapping occurrences of sep in s; an empty sep occurs
// 1 + (the number of runes) times.
func Count(s, sep []byte) int {
	if len(sep) == 0 {
		return utf8.RuneCount(s) + 1
	}
	if len(sep) == 1 {
		n := 0
		for _, c := range s {
			if c == sep[0] {
				n++
			}
		}
		return n
	}
	n := 0
	for {
		i := Index(s, sep)
		if i == -1 {
			return n
		}
		n++
		s = s[i+len(sep):]
	}
}

// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && Equal(s[:len(prefix)], prefix)
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
}

// Cut slices s around the first sep: it returns the parts before and after it (subslices
// of s) and true, or s, nil and false if sep is not in s.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// EqualFold reports whether s and t, read as UTF-8, are equal under simple Unicode case
// folding (see strings.EqualFold).
func EqualFold(s, t []byte) bool {
	for len(s) != 0 && len(t) != 0 {
		sr, size := rune(s[0]), 1
		if sr >= utf8.RuneSelf {
			sr, size = utf8.DecodeRune(s)
		}
		s = s[size:]
		tr, size := rune(t[0]), 1
		if tr >= utf8.RuneSelf {
			tr, size = utf8.DecodeRune(t)
		}
		t = t[size:]
		if sr == tr {
			continue
		}
		if tr < sr {
			sr, tr = tr, sr
		}
		if tr < utf8.RuneSelf {
			if 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A' {
				continue
			}
			return false
		}
		r := unicode.SimpleFold(sr)
		for r != sr && r < tr {
			r = unicode.SimpleFold(r)
		}
		if r != tr {
			return false
		}
	}
	return len(s) == len(t)
}
