package strings

import (
	"unicode"
	"unicode/utf8"
)

// explode splits s into its runes, at most n pieces (n < 0: all); the last piece holds the
// rest of s. As in Go, an invalid byte (and U+FFFD) gives a piece "\uFFFD", except in the
// last piece, which is left as it is.
func explode(s string, n int) []string {
	l := utf8.RuneCountInString(s)
	if n < 0 || n > l {
		n = l
	}
	a := make([]string, n)
	for i := 0; i < n-1; i++ {
		c, size := utf8.DecodeRuneInString(s)
		a[i] = s[:size]
		if c == utf8.RuneError {
			a[i] = string(utf8.RuneError)
		}
		s = s[size:]
	}
	if n > 0 {
		a[n-1] = s
	}
	return a
}

// genSplit splits s at each sep into at most n pieces (n < 0: all), keeping the first
// keepSep bytes of sep at the end of each piece (0 for Split, len(sep) for SplitAfter).
func genSplit(s, sep string, keepSep, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([]string, n)
	i := 0
	for i < n-1 {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[:m+keepSep]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// Split slices s into the pieces between the occurrences of sep. Without sep in s, the
// result is [s]; with an empty sep, s is split into its runes (and "" into no pieces).
func Split(s, sep string) []string { return genSplit(s, sep, 0, -1) }

// SplitN is Split giving at most n pieces, the last one holding the rest of s: for n == 0 it
// returns nil, for n < 0 all the pieces.
func SplitN(s, sep string, n int) []string { return genSplit(s, sep, 0, n) }

// SplitAfter is Split keeping each sep at the end of the piece before it.
func SplitAfter(s, sep string) []string { return genSplit(s, sep, len(sep), -1) }

// SplitAfterN is SplitAfter giving at most n pieces, as SplitN.
func SplitAfterN(s, sep string, n int) []string { return genSplit(s, sep, len(sep), n) }

// asciiSpace holds the ASCII white space bytes.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Fields splits s around each run of white space (unicode.IsSpace), and returns the non-empty
// pieces: none if s is only white space.
func Fields(s string) []string {
	// ASCII text is split by bytes, counting the fields first to allocate the result once.
	n := 0
	inSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
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
	a := make([]string, n)
	na := 0
	start := -1 // the start of the current field, or -1 in a space
	for i := 0; i < len(s); i++ {
		if asciiSpace[s[i]] {
			if start >= 0 {
				a[na] = s[start:i]
				na++
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		a[na] = s[start:]
	}
	return a
}

// FieldsFunc splits s around each run of runes c for which f(c) is true, and returns the
// non-empty pieces. f is called once for each rune, in order.
func FieldsFunc(s string, f func(rune) bool) []string {
	// The fields are found first, as pairs of indexes, so that the result is allocated once.
	type span struct{ start, end int }
	spans := make([]span, 0, 32)
	start := -1
	for i, c := range s {
		if f(c) {
			if start >= 0 {
				spans = append(spans, span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		spans = append(spans, span{start, len(s)})
	}
	a := make([]string, len(spans))
	for i, sp := range spans {
		a[i] = s[sp.start:sp.end]
	}
	return a
}

// Join concatenates elems with sep between each two.
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	n := len(sep) * (len(elems) - 1)
	for _, e := range elems {
		n += len(e)
	}
	var b Builder
	b.Grow(n)
	b.WriteString(elems[0])
	for _, e := range elems[1:] {
		b.WriteString(sep)
		b.WriteString(e)
	}
	return b.String()
}

// Repeat returns count copies of s. It panics if count is negative or if the result would be
// too long to count.
//
// Not inlined: its body is small here, but not in gc, whose Repeat is too complex to
// inline; callers see the same decisions as under gc.
//
//go:noinline
func Repeat(s string, count int) string {
	if count == 0 {
		return ""
	}
	if count < 0 {
		panic("strings: negative Repeat count")
	}
	if len(s)*count/count != len(s) {
		panic("strings: Repeat count causes overflow")
	}
	n := len(s) * count
	b := make([]byte, 0, n)
	// Copy s once, then double what is there until the result is full.
	b = append(b, s...)
	for len(b) < n {
		if len(b) <= n/2 {
			b = append(b, b...)
		} else {
			b = append(b, b[:n-len(b)]...)
		}
	}
	return string(b)
}
