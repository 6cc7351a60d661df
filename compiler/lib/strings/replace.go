package strings

import (
	"io"
	"sync"
	"unicode/utf8"
)

// Replace returns s with the first n non-overlapping occurrences of old replaced by new (all
// of them if n < 0). An empty old matches at the start of s and after each rune.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	if m := Count(s, old); m == 0 {
		return s
	} else if n < 0 || m < n {
		n = m
	}
	b := make([]byte, 0, len(s)+n*(len(new)-len(old)))
	start := 0 // s[:start] is done
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			// The empty string matches before each rune: after the first match, move past one.
			if i > 0 {
				_, size := utf8.DecodeRuneInString(s[start:])
				j += size
			}
		} else {
			j += Index(s[start:], old)
		}
		b = append(b, s[start:j]...)
		b = append(b, new...)
		start = j + len(old)
	}
	b = append(b, s[start:]...)
	return string(b)
}

// ReplaceAll returns s with all the non-overlapping occurrences of old replaced by new.
func ReplaceAll(s, old, new string) string {
	return Replace(s, old, new, -1)
}

// Replacer replaces a list of strings with replacements, in one pass over the text, and can
// be used again and again.
//
// The text is scanned from left to right. At each position, the old strings are compared in
// argument order and the first one that matches there is replaced; the scan then continues
// after the match, so that matches never overlap. An empty old string matches at every
// position (between any two bytes, and at the end) but not twice in a row at the same place.
type Replacer struct {
	// The fields below oldnew are set up on first use, once: a Replacer may be used by
	// several goroutines at once.
	once   sync.Once
	oldnew []string // old1, new1, old2, new2, ...

	// When every old string is a single byte, byteIndex[c] is the index in oldnew of the pair
	// whose old string is c (the first one), or -1.
	singleBytes bool
	byteIndex   [256]int

	// Otherwise, byFirst[c] lists the indexes of the pairs whose old string begins with byte
	// c, in argument order, and empty is the index of the first pair with an empty old
	// string (or -1).
	byFirst [256][]int
	empty   int
}

// NewReplacer returns a Replacer from pairs of old and new strings. It panics if it is given
// an odd number of strings.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{oldnew: append([]string(nil), oldnew...)}
}

// build sets up the lookup tables (on first use, so that a zero Replacer works too: it
// replaces nothing).
func (r *Replacer) build() {
	r.singleBytes = true
	for i := 0; i < len(r.oldnew); i += 2 {
		if len(r.oldnew[i]) != 1 {
			r.singleBytes = false
		}
	}
	if r.singleBytes {
		for c := range r.byteIndex {
			r.byteIndex[c] = -1
		}
		// Going backwards, the first pair for a byte is the one left in the table.
		for i := len(r.oldnew) - 2; i >= 0; i -= 2 {
			r.byteIndex[r.oldnew[i][0]] = i
		}
		return
	}
	r.empty = -1
	for i := 0; i < len(r.oldnew); i += 2 {
		old := r.oldnew[i]
		if old == "" {
			if r.empty < 0 {
				r.empty = i
			}
			continue
		}
		r.byFirst[old[0]] = append(r.byFirst[old[0]], i)
	}
}

// match returns the index in oldnew of the pair whose old string matches at the start of s,
// or -1; the empty old string is not considered if skipEmpty.
func (r *Replacer) match(s string, skipEmpty bool) int {
	if s != "" {
		for _, k := range r.byFirst[s[0]] {
			if r.empty >= 0 && !skipEmpty && r.empty < k {
				break // the empty string comes first in argument order
			}
			if HasPrefix(s, r.oldnew[k]) {
				return k
			}
		}
	}
	if skipEmpty {
		return -1
	}
	return r.empty
}

// Replace returns s with all the replacements done.
func (r *Replacer) Replace(s string) string {
	var b []byte
	if !r.replace(s, func(piece string) { b = append(b, piece...) }) {
		return s
	}
	return string(b)
}

// WriteString writes s with all the replacements done to w, and returns the number of bytes
// written and the first error of w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	write := func(piece string) {
		if err != nil {
			return
		}
		var m int
		m, err = io.WriteString(w, piece)
		n += m
	}
	if !r.replace(s, write) {
		write(s)
	}
	return n, err
}

// replace calls out with the pieces of the result, in order, and reports whether anything
// was replaced. If nothing is, out is not called at all.
func (r *Replacer) replace(s string, out func(string)) bool {
	r.once.Do(r.build)
	last := 0 // s[:last] has been output
	if r.singleBytes {
		for i := 0; i < len(s); i++ {
			if k := r.byteIndex[s[i]]; k >= 0 {
				out(s[last:i])
				out(r.oldnew[k+1])
				last = i + 1
			}
		}
		if last > 0 {
			out(s[last:])
		}
		return last > 0
	}
	replaced := false
	prevEmpty := false // whether the empty string matched at i last time round
	for i := 0; i <= len(s); {
		k := r.match(s[i:], prevEmpty)
		if k < 0 {
			prevEmpty = false
			i++
			continue
		}
		replaced = true
		out(s[last:i])
		out(r.oldnew[k+1])
		i += len(r.oldnew[k])
		last = i
		prevEmpty = r.oldnew[k] == ""
	}
	if replaced {
		out(s[last:])
	}
	return replaced
}
