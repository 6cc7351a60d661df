package main

import (
	"strings"
	"unicode"
)

// q quotes s, showing bytes outside printable ASCII in hex.
func q(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			b = append(b, c)
		} else {
			b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
		}
	}
	return string(append(b, '"'))
}

// naiveIndex is the obvious Index, to check the real one.
func naiveIndex(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func naiveLastIndex(s, sub string) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func main() {
	texts := []string{"", "a", "abc", "hello, world", "ababababc", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
		"héllo wörld", "日本語のテキスト", "\xff\xfeab\xff", "a\uFFFDb\xffc", "x\x00y\x00z", "Go Gopher GOPHER gopher"}
	subs := []string{"", "a", "b", "ab", "abc", "aab", "o", "l", "ll", "wörld", "本語", "\xff", "\uFFFD", "\x00",
		"gopher", "Gopher", "zz", "aaaab", "hello, world!"}
	for _, s := range texts {
		println("text", q(s), len(s))
		for _, sub := range subs {
			i, li, c := strings.Index(s, sub), strings.LastIndex(s, sub), strings.Count(s, sub)
			if i != naiveIndex(s, sub) || li != naiveLastIndex(s, sub) {
				println("  MISMATCH", q(sub))
			}
			print("  ", q(sub), " ", i, " ", li, " ", c, " ", strings.Contains(s, sub), " ",
				strings.HasPrefix(s, sub), " ", strings.HasSuffix(s, sub), " ", strings.IndexAny(s, sub), " ",
				strings.LastIndexAny(s, sub), " ", strings.ContainsAny(s, sub), " ", strings.Compare(s, sub), "\n")
			before, after, found := strings.Cut(s, sub)
			println("   cut", q(before), q(after), found, strings.EqualFold(s, sub))
		}
		for _, r := range []rune{'a', 'l', 'ö', '本', 0xFFFD, 0, -1, 0x110000, 0xD800, 'z'} {
			print(" ", strings.IndexRune(s, r), "/", strings.ContainsRune(s, r))
		}
		println()
		for _, c := range []byte{'a', 'o', 0xff, 0, 'z'} {
			print(" ", strings.IndexByte(s, c), "/", strings.LastIndexByte(s, c))
		}
		println()
		println(" func", strings.IndexFunc(s, unicode.IsUpper), strings.LastIndexFunc(s, unicode.IsUpper),
			strings.IndexFunc(s, unicode.IsSpace), strings.LastIndexFunc(s, unicode.IsLetter),
			strings.IndexFunc(s, func(r rune) bool { return r == 0xFFFD }),
			strings.LastIndexFunc(s, func(r rune) bool { return r == 0xFFFD }))
	}

	// Long texts where a first-byte scan has many false starts (the linear-time fallback).
	long := strings.Repeat("a", 5000) + "b" + strings.Repeat("a", 300)
	for _, sub := range []string{"aab", "ab", strings.Repeat("a", 100) + "b", "ba", strings.Repeat("a", 301), strings.Repeat("a", 300) + "c", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"} {
		println(len(sub), strings.Index(long, sub), naiveIndex(long, sub), strings.LastIndex(long, sub), strings.Count(long, sub))
	}
	// A pseudo-random check of Index against the naive version.
	seed := uint32(12345)
	next := func() uint32 {
		seed = seed*1103515245 + 12345
		return (seed >> 16) & 0x7fff
	}
	bad := 0
	for round := 0; round < 400; round++ {
		n := int(next() % 60)
		b := make([]byte, n)
		for i := range b {
			b[i] = "ab"[next()%2]
		}
		m := int(next()%6) + 1
		p := make([]byte, m)
		for i := range p {
			p[i] = "ab"[next()%2]
		}
		s, sub := string(b), string(p)
		if strings.Index(s, sub) != naiveIndex(s, sub) || strings.LastIndex(s, sub) != naiveLastIndex(s, sub) {
			bad++
		}
	}
	println("random mismatches", bad)

	// EqualFold.
	pairs := [][2]string{{"Go", "GO"}, {"go", "gO"}, {"σς", "ΣΣ"}, {"ǅ", "ǆ"}, {"K", "\u212A"}, {"k", "\u212A"},
		{"s", "ſ"}, {"straße", "STRASSE"}, {"ß", "ẞ"}, {"\xff", "\xfe"}, {"\xff", "\uFFFD"}, {"a", "ab"}, {"", ""},
		{"@", "`"}, {"[", "{"}, {"Ω", "ω"}, {"Ω", "\u2126"}, {"İ", "i"}, {"ı", "I"}, {"µ", "μ"}, {"µ", "Μ"}, {"Ʀ", "ʀ"}}
	for _, p := range pairs {
		print(strings.EqualFold(p[0], p[1]), " ")
	}
	println()
	println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("", ""), strings.Compare("ab", "a"), strings.Compare("\xff", "a"))
	c := strings.Clone("clone me")
	println(c, strings.Clone("") == "")
}
