package strings

import (
	"unicode"
	"unicode/utf8"
)

// TrimLeftFunc returns s without its leading runes c for which f(c) is true.
func TrimLeftFunc(s string, f func(rune) bool) string {
	i := indexFunc(s, f, false)
	if i == -1 {
		return ""
	}
	return s[i:]
}

// TrimRightFunc returns s without its trailing runes c for which f(c) is true.
func TrimRightFunc(s string, f func(rune) bool) string {
	i := lastIndexFunc(s, f, false)
	// Keep the rune that starts at i, whatever its width.
	if i >= 0 && s[i] >= utf8.RuneSelf {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	} else {
		i++
	}
	return s[:i]
}

// TrimFunc returns s without its leading and trailing runes c for which f(c) is true.
func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimSpace returns s without its leading and trailing white space (unicode.IsSpace).
func TrimSpace(s string) string {
	// ASCII white space is trimmed by bytes; at the first other byte that is not ASCII, the
	// rest is left to TrimFunc.
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
			return TrimRightFunc(s[start:end], unicode.IsSpace)
		}
		if !asciiSpace[c] {
			break
		}
	}
	return s[start:end]
}

// Trim returns s without its leading and trailing runes that are in cutset.
func Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return trimLeft(trimRight(s, cutset), cutset)
}

// TrimLeft returns s without its leading runes that are in cutset. (To remove a prefix,
// use TrimPrefix.)
func TrimLeft(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	if len(cutset) == 1 && cutset[0] < utf8.RuneSelf {
		// One ASCII byte, the common case: no set to build.
		return trimLeftByte(s, cutset[0])
	}
	return trimLeft(s, cutset)
}

// trimLeftByte returns s without its leading bytes c.
func trimLeftByte(s string, c byte) string {
	for len(s) > 0 && s[0] == c {
		s = s[1:]
	}
	return s
}

// TrimRight returns s without its trailing runes that are in cutset. (To remove a suffix,
// use TrimSuffix.)
func TrimRight(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	if len(cutset) == 1 && cutset[0] < utf8.RuneSelf {
		return trimRightByte(s, cutset[0])
	}
	return trimRight(s, cutset)
}

// trimRightByte returns s without its trailing bytes c.
func trimRightByte(s string, c byte) string {
	for len(s) > 0 && s[len(s)-1] == c {
		s = s[:len(s)-1]
	}
	return s
}

func trimLeft(s, cutset string) string {
	if as, ok := makeASCIISet(cutset); ok {
		for len(s) > 0 && as.contains(s[0]) {
			s = s[1:]
		}
		return s
	}
	for len(s) > 0 {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s)
		}
		if !ContainsRune(cutset, r) {
			break
		}
		s = s[n:]
	}
	return s
}

func trimRight(s, cutset string) string {
	if as, ok := makeASCIISet(cutset); ok {
		for len(s) > 0 && as.contains(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
		return s
	}
	for len(s) > 0 {
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s)
		}
		if !ContainsRune(cutset, r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// TrimPrefix returns s without prefix, if s begins with it, or else s.
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without suffix, if s ends with it, or else s.
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}
