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

// show prints a list of strings with its length, capacity and nil-ness.
func show(name string, a []string) {
	print(name, " len=", len(a), " cap=", cap(a), " nil=", a == nil, " [")
	for i, s := range a {
		if i > 0 {
			print(" ")
		}
		print(q(s))
	}
	println("]")
}

func tryRepeat(s string, n int) {
	defer func() {
		if e := recover(); e != nil {
			println("Repeat", q(s), n, "panics:", e.(string))
		}
	}()
	r := strings.Repeat(s, n)
	println("Repeat", q(s), n, "=", len(r), q(r))
}

func main() {
	texts := []string{"", "a", "a,b,c", ",a,,b,", ",,", "a,b,c,", "héllo, wörld", "日本,語", "\xff,\xfe\xff", "abc"}
	seps := []string{",", "", ",,", "b", "abc", "é", "\xff", "x"}
	for _, s := range texts {
		for _, sep := range seps {
			println("--", q(s), q(sep))
			show(" Split", strings.Split(s, sep))
			show(" SplitAfter", strings.SplitAfter(s, sep))
			for _, n := range []int{-1, 0, 1, 2, 3, 10} {
				show(" SplitN", strings.SplitN(s, sep, n))
				show(" SplitAfterN", strings.SplitAfterN(s, sep, n))
			}
		}
	}

	for _, s := range []string{"", "   ", "a", " a b  c ", "\tfoo\nbar\r\nbaz\v\fqux ", "héllo  wörld", "a\u00a0b\u2003c\u3000d",
		"\xff \xfe", "x\u0085y", "  leading", "trailing  ", "日本 語"} {
		show("Fields "+q(s), strings.Fields(s))
		show("FieldsFunc", strings.FieldsFunc(s, func(r rune) bool { return r == 'a' || unicode.IsSpace(r) }))
	}
	calls := 0
	show("FieldsFunc digits", strings.FieldsFunc("a1b22c333d", func(r rune) bool { calls++; return unicode.IsDigit(r) }))
	println("calls", calls)
	show("FieldsFunc all", strings.FieldsFunc("abc", func(rune) bool { return true }))
	show("FieldsFunc none", strings.FieldsFunc("abc", func(rune) bool { return false }))

	println(q(strings.Join(nil, ",")), q(strings.Join([]string{}, ",")), q(strings.Join([]string{"a"}, ",")),
		q(strings.Join([]string{"a", "b", "c"}, ", ")), q(strings.Join([]string{"", ""}, "")), q(strings.Join([]string{"x", "", "y"}, "--")))
	parts := strings.Split("a/b/c", "/")
	println(strings.Join(parts, "\\"))

	tryRepeat("ab", 3)
	tryRepeat("", 5)
	tryRepeat("xyz", 0)
	tryRepeat("-", 1)
	tryRepeat("0123456789", 7)
	tryRepeat("é", 4)
	tryRepeat("x", -1)
	tryRepeat("", -1)
	tryRepeat("ab", 1<<62)
	tryRepeat("abcd", 1<<62+1)
	tryRepeat("", 1<<62)
	println(len(strings.Repeat("abc", 1000)), strings.Count(strings.Repeat("abc", 1000), "ca"))
}
