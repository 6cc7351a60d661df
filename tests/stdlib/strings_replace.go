package main

import (
	"errors"
	"strings"
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

// limited accepts up to n bytes, then fails.
type limited struct {
	n   int
	got []byte
}

func (w *limited) Write(p []byte) (int, error) {
	if len(p) > w.n {
		w.got = append(w.got, p[:w.n]...)
		m := w.n
		w.n = 0
		return m, errors.New("full")
	}
	w.n -= len(p)
	w.got = append(w.got, p...)
	return len(p), nil
}

func newReplacer(args ...string) (r *strings.Replacer) {
	defer func() {
		if e := recover(); e != nil {
			println("NewReplacer panics:", e.(string))
			r = nil
		}
	}()
	return strings.NewReplacer(args...)
}

func main() {
	texts := []string{"", "a", "banana", "abcabc", "aaaa", "héllo wörld", "\xffab\xff", "日本語", "x"}
	reps := [][3]string{{"a", "o"}, {"an", "AN"}, {"", "-"}, {"a", "a"}, {"aa", "b"}, {"ö", "oe"}, {"\xff", "?"},
		{"本", ""}, {"abc", ""}, {"z", "y"}}
	for _, s := range texts {
		for _, r := range reps {
			print(q(s), " ", q(r[0]), "->", q(r[1]), ":")
			for _, n := range []int{-1, 0, 1, 2, 5} {
				print(" ", q(strings.Replace(s, r[0], r[1], n)))
			}
			println(" ", q(strings.ReplaceAll(s, r[0], r[1])))
		}
	}

	// Replacers: the algorithms Go picks (single bytes, byte to string, one long string,
	// generic) must all behave as described.
	replacers := [][]string{
		{},
		{"a", "1"},
		{"a", "1", "b", "2", "a", "3"},
		{"a", "one", "b", "", "c", "three"},
		{"<", "&lt;", ">", "&gt;", "&", "&amp;", "\"", "&quot;"},
		{"abc", "X"},
		{"aaa", "3", "aa", "2", "a", "1"},
		{"a", "1", "aa", "2", "aaa", "3"},
		{"", "X"},
		{"a", "1", "", "X"},
		{"", "X", "a", "1"},
		{"", "X", "", "Y"},
		{"ab", "AB", "", "_"},
		{"hello", "HELLO", "world", "WORLD", "hell", "HELL", "wor", "WOR"},
		{"é", "e", "ö", "o", "\xff", "?"},
		{"a", "b", "b", "a"},
		{"xy", "yx", "yx", "xy"},
		{"abc", "1", "bcd", "2", "cde", "3"},
		{"a", "", "b", ""},
		{"a", "aa"},
		{"a", "A", "a", "B"},
		{"ab", "1", "ab", "2"},
	}
	inputs := []string{"", "a", "abc", "aaaaa", "banana", "abcdef", "<a href=\"x\">&</a>", "hello world, hell, wor",
		"héllo wörld\xff", "xyxyyx", "abababab", "bcdcde", "日本"}
	for _, args := range replacers {
		print("replacer")
		for _, a := range args {
			print(" ", q(a))
		}
		println()
		r := newReplacer(args...)
		for _, in := range inputs {
			var b strings.Builder
			n, err := r.WriteString(&b, in)
			out := r.Replace(in)
			println("  ", q(in), q(out), n, err == nil, b.String() == out)
		}
	}
	newReplacer("a")
	newReplacer("a", "b", "c")

	// A zero Replacer replaces nothing.
	var zero strings.Replacer
	println(q(zero.Replace("abc")))

	// WriteString to a writer that fails part way.
	r := strings.NewReplacer("a", "[A]", "b", "[B]")
	for _, limit := range []int{0, 1, 3, 4, 10, 100} {
		w := &limited{n: limit}
		n, err := r.WriteString(w, "xaybz")
		msg := "nil"
		if err != nil {
			msg = err.Error()
		}
		println(limit, n, msg, q(string(w.got)))
	}
	r2 := strings.NewReplacer("long", "short")
	w := &limited{n: 7}
	n, err := r2.WriteString(w, "a long long way")
	println(n, err != nil, q(string(w.got)))

	// A Replacer is used many times, and its arguments are copied.
	args := []string{"x", "1"}
	r3 := strings.NewReplacer(args...)
	args[1] = "2"
	println(r3.Replace("xxx"), r3.Replace("axa"), r3.Replace(""))
	big := strings.Repeat("the cat sat on the mat; ", 200)
	r4 := strings.NewReplacer("cat", "dog", "mat", "rug", "the", "a")
	out := r4.Replace(big)
	println(len(out), out[:40], strings.Count(out, "dog"))
}
