package main

import (
	"strings"
	"unicode"
)

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

func main() {
	texts := []string{"", " ", "  hello  ", "\t\n x y \r\n", "xxhixx", "abcba", "\u00a0\u2003 wide \u3000", "\xff\xfeab\xfe\xff",
		"\uFFFDa\uFFFD", "ééaéé", "日本日", "  \xff  ", "\x85x\x85", "a\u0085", "\u0085a", "aaa", "ab\xe4\xb8"}
	cutsets := []string{"", " ", "x", "ab", "é", "\xff", "\uFFFD", "日", " \t\n\r", "abc\xfe", "a"}
	for _, s := range texts {
		println("text", q(s))
		println("  TrimSpace", q(strings.TrimSpace(s)))
		for _, c := range cutsets {
			println("  ", q(c), q(strings.Trim(s, c)), q(strings.TrimLeft(s, c)), q(strings.TrimRight(s, c)),
				q(strings.TrimPrefix(s, c)), q(strings.TrimSuffix(s, c)))
		}
		println("  func", q(strings.TrimFunc(s, unicode.IsSpace)), q(strings.TrimLeftFunc(s, unicode.IsLetter)),
			q(strings.TrimRightFunc(s, unicode.IsLetter)), q(strings.TrimFunc(s, func(r rune) bool { return r == 0xFFFD })),
			q(strings.TrimRightFunc(s, func(r rune) bool { return r != 'a' })))
		println("  case", q(strings.ToUpper(s)), q(strings.ToLower(s)), q(strings.ToTitle(s)), q(strings.Title(s)))
		println("  valid", q(strings.ToValidUTF8(s, "?")), q(strings.ToValidUTF8(s, "")), q(strings.ToValidUTF8(s, "\uFFFD")))
	}

	words := []string{"hello world", "HELLO WORLD", "hELLO wORLD", "ǆemal ǳ", "straße", "ﬁne", "ΣΑΣ σας", "İstanbul ıi",
		"ǅ", "MiXeD 123 _x_", "ἀρχή", "a-b_c.d e\tf", "don't", "ÿ", "ß", "ŉ", "Ⅻ ⅻ", "Ꭰ ꭰ", "𐐀 𐐨", "abc\xffdef", "\xff",
		"\uFFFD", "ABC", "abc", "123", "", "ωΩ", "ĳ Ĳ", "ǈ ǉ Ǉ"}
	for _, w := range words {
		println(q(w), q(strings.ToUpper(w)), q(strings.ToLower(w)), q(strings.ToTitle(w)), q(strings.Title(w)),
			q(strings.ToUpperSpecial(unicode.TurkishCase, w)), q(strings.ToLowerSpecial(unicode.TurkishCase, w)),
			q(strings.ToTitleSpecial(unicode.AzeriCase, w)))
	}

	// Map: dropping, growing, shrinking, invalid input, call order.
	drop := func(r rune) rune {
		if r == 'a' || r == 0xFFFD {
			return -1
		}
		return r
	}
	rot := func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case 'A' <= r && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		}
		return r
	}
	widen := func(r rune) rune {
		if r < 0x80 {
			return r + 0x10000
		}
		return r
	}
	bad := func(r rune) rune {
		if r == 'x' {
			return 0x110000
		}
		if r == 'y' {
			return 0xD800
		}
		return r
	}
	same := func(r rune) rune { return r }
	order := ""
	record := func(r rune) rune {
		order += string(r)
		return unicode.ToUpper(r)
	}
	for _, s := range []string{"", "banana", "Hello, World!", "\xffa\xfe", "a\uFFFDb", "xyz", "日本"} {
		println(q(s), q(strings.Map(drop, s)), q(strings.Map(rot, s)), q(strings.Map(widen, s)), q(strings.Map(bad, s)),
			q(strings.Map(same, s)))
	}
	println(q(strings.Map(record, "héllo\xff")), q(order))
}
