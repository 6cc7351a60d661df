package bytes

import (
	"unicode"
	"unicode/utf8"
)

// explode splits s into its runes (invalid bytes one by one), at most n pieces (n <= 0: all);
// the last piece holds the rest of s. As in Go, the result has room for len(s) pieces.
func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := make([][]byte, n)
	na := 0
	for len(s) > 0 {
		if na+1 >= n {
			a[na] = s
			na++
			break
		}
		_, size := utf8.DecodeRune(s)
		a[na] = s[0:size:size]
		s = s[size:]
		na++
	}
	return a[0:na]
}

// genSplit splits s at each sep into at most n pieces (n < 0: all), keeping the first
// keepSep bytes of sep at the end of each piece. Each piece but the last has its capacity
// cut at its end.
func genSplit(s, sep []byte, keepSep, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([][]byte, n)
	i := 0
	for i < n-1 {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[: m+keepSep : m+keepSep]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// Split slices s into the subslices between the occurrences of sep (its runes for an empty
// sep).
func Split(s, sep []byte) [][]byte { return genSplit(s, sep, 0, -1) }

// SplitN is Split giving at most n pieces, the last one holding the rest of s: for n == 0 it
// returns nil, for n < 0 all the pieces.
func SplitN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, 0, n) }

// SplitAfter is Split keeping each sep at the end of the piece before it.
func SplitAfter(s, sep []byte) [][]byte { return genSplit(s, sep, len(sep), -1) }

// SplitAfterN is SplitAfter giving at most n pieces, as SplitN.
func SplitAfterN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, len(sep), n) }

// asciiSpace holds the ASCII white space bytes.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Fields splits s around each run of white space (unicode.IsSpace) and returns the non-empty
// subslices, each with its capacity cut at its end.
func Fields(s []byte) [][]byte {
	n := 0
	inSpace := true
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return FieldsFunc(s, unicode.IsSpace)
		}
		if asciiSpace[c] {
			inSpace = true
		} else if inSpace {
			n++
			inSpace = false
		}
	}
	a := make([][]byte, n)
	na := 0
	start := -1
	for i, c := range s {
		if asciiSpace[c] {
			if start >= 0 {
				a[na] = s[start:i:i]
				na++
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		a[na] = s[start:len(s):len(s)]
	}
	return a
}

// FieldsFunc splits s around each run of runes c for which f(c) is true and returns the
// non-empty subslices, each with its capacity cut at its end.
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	type span struct{ start, end int }
	spans := make([]span, 0, 32)
	start := -1
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(s[i:])
		}
		if f(c) {
			if start >= 0 {
				spans = append(spans, span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		spans = append(spans, span{start, len(s)})
	}
	a := make([][]byte, len(spans))
	for i, sp := range spans {
		a[i] = s[sp.start:sp.end:sp.end]
	}
	return a
}

// Join returns a new slice with the elements of s and sep between each two.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	if len(s) == 1 {
		return append([]byte(nil), s[0]...) // a copy (nil if s[0] is empty)
	}
	n := len(sep) * (len(s) - 1)
	for _, v := range s {
		n += len(v)
	}
	b := make([]byte, n)
	bp := copy(b, s[0])
	for _, v := range s[1:] {
		bp += copy(b[bp:], sep)
		bp += copy(b[bp:], v)
	}
	return b
}

// Repeat returns a new slice of count copies of b. It panics if count is negative or if
// the result would be too long to count.
func Repeat(b []byte, count int) []byte {
	if count == 0 {
		return []byte{}
	}
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	if len(b)*count/count != len(b) {
		panic("bytes: Repeat count causes overflow")
	}
	nb := make([]byte, len(b)*count)
	// Copy b once, then double what is there until nb is full.
	done := copy(nb, b)
	for done < len(nb) {
		done += copy(nb[done:], nb[:done])
	}
	return nb
}
