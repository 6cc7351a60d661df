package bytes

import (
	"unicode"
	"unicode/utf8"
)

// nilIfEmpty returns s, or nil if it is empty: Go's trimming functions return nil rather than
// an empty slice when they trim everything from the left.
func nilIfEmpty(s []byte) []byte {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TrimLeftFunc returns the subslice of s without its leading runes c for which f(c) is
// true (nil if that is all of s).
func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	i := indexFunc(s, f, false)
	if i == -1 {
		return nil
	}
	return s[i:]
}

// TrimRightFunc returns the subslice of s without its trailing runes c for which f(c) is
// true.
func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	i := lastIndexFunc(s, f, false)
	if i >= 0 && s[i] >= utf8.RuneSelf {
		_, size := utf8.DecodeRune(s[i:])
		i += size
	} else {
		i++
	}
	return s[0:i]
}

// TrimFunc returns the subslice of s without its leading and trailing runes c for which
// f(c) is true.
func TrimFunc(s []byte, f func(r rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimSpace returns the subslice of s without its leading and trailing white space (nil if
// that is all of s).
func TrimSpace(s []byte) []byte {
	start := 0
	for ; start < len(s); start++ {
		c := s[start]
		if c >= utf8.RuneSelf {
			return TrimFunc(s[start:], unicode.IsSpace)
		}
		if !asciiSpace[c] {
			break
		}
	}
	end := len(s)
	for ; end > start; end-- {
		c := s[end-1]
		if c >= utf8.RuneSelf {
			return TrimFunc(s[start:end], unicode.IsSpace)
		}
		if !asciiSpace[c] {
			break
		}
	}
	if start == end {
		return nil
	}
	return s[start:end]
}

// Trim returns the subslice of s without its leading and trailing runes that are in cutset
// (nil for an empty s or if everything is trimmed).
func Trim(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return trimLeft(trimRight(s, cutset), cutset)
}

// TrimLeft returns the subslice of s without its leading runes that are in cutset (nil for
// an empty s or if everything is trimmed).
func TrimLeft(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return trimLeft(s, cutset)
}

// TrimRight returns the subslice of s without its trailing runes that are in cutset.
func TrimRight(s []byte, cutset string) []byte {
	if len(s) == 0 || cutset == "" {
		return s
	}
	return trimRight(s, cutset)
}

func trimLeft(s []byte, cutset string) []byte {
	if as, ok := makeASCIISet(cutset); ok {
		for len(s) > 0 && as.contains(s[0]) {
			s = s[1:]
		}
		return nilIfEmpty(s)
	}
	for len(s) > 0 {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(s)
		}
		if !containsRune(cutset, r) {
			break
		}
		s = s[n:]
	}
	return nilIfEmpty(s)
}

func trimRight(s []byte, cutset string) []byte {
	if as, ok := makeASCIISet(cutset); ok {
		for len(s) > 0 && as.contains(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
		return s
	}
	for len(s) > 0 {
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRune(s)
		}
		if !containsRune(cutset, r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// TrimPrefix returns s without prefix (a subslice), if s begins with it, or else s.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without suffix (a subslice), if s ends with it, or else s.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}
