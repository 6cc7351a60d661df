package main

import (
	"bytes"
	"unicode"
)

// q quotes b, showing bytes outside printable ASCII in hex, and whether it is nil.
func q(b []byte) string {
	const hex = "0123456789abcdef"
	out := []byte{'"'}
	if b == nil {
		out = []byte("nil\"")
	}
	for _, c := range b {
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			out = append(out, c)
		} else {
			out = append(out, '\\', 'x', hex[c>>4], hex[c&15])
		}
	}
	return string(append(out, '"'))
}

// qc is q with the capacity.
func qc(b []byte) string {
	return q(b) + "/" + itoa(cap(b))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var d []byte
	for n > 0 {
		d = append([]byte{byte('0' + n%10)}, d...)
		n /= 10
	}
	if neg {
		d = append([]byte{'-'}, d...)
	}
	return string(d)
}

// bs returns a copy of t as a slice of exactly len(t) bytes (the capacity of a plain
// []byte(t) conversion is up to the compiler).
func bs(t string) []byte {
	b := make([]byte, len(t))
	copy(b, t)
	return b
}

func show(name string, a [][]byte) {
	print(name, " len=", len(a), " cap=", cap(a), " nil=", a == nil, " [")
	for i, s := range a {
		if i > 0 {
			print(" ")
		}
		print(qc(s))
	}
	println("]")
}

func tryRepeat(s []byte, n int) {
	defer func() {
		if e := recover(); e != nil {
			println("Repeat", q(s), n, "panics:", e.(string))
		}
	}()
	r := bytes.Repeat(s, n)
	println("Repeat", q(s), n, "=", qc(r))
}

func main() {
	texts := []string{"", "a", "abc", "banana", "héllo, wörld", "日本語", "\xff\xfeab\xff", "a\uFFFDb", "Go GOPHER gopher", "aaaaaaaaaaaaaaaaab"}
	subs := []string{"", "a", "an", "ö", "\xff", "gopher", "aab", "zz", "abc"}
	for _, t := range texts {
		s := bs(t)
		println("text", q(s))
		for _, u := range subs {
			sub := bs(u)
			before, after, found := bytes.Cut(s, sub)
			println("  ", q(sub), bytes.Index(s, sub), bytes.LastIndex(s, sub), bytes.Count(s, sub), bytes.Contains(s, sub),
				bytes.HasPrefix(s, sub), bytes.HasSuffix(s, sub), bytes.IndexAny(s, u), bytes.LastIndexAny(s, u),
				bytes.ContainsAny(s, u), bytes.Compare(s, sub), bytes.Equal(s, sub), bytes.EqualFold(s, sub),
				qc(before), qc(after), found)
		}
		for _, r := range []rune{'a', 'ö', '本', 0xFFFD, -1, 0x110000} {
			print(" ", bytes.IndexRune(s, r), "/", bytes.ContainsRune(s, r))
		}
		println(" ", bytes.IndexByte(s, 'a'), bytes.LastIndexByte(s, 'a'), bytes.IndexFunc(s, unicode.IsUpper),
			bytes.LastIndexFunc(s, unicode.IsLetter))
		rs := bytes.Runes(s)
		print(" runes", len(rs))
		for _, r := range rs {
			print(" ", r)
		}
		println()
	}
	println(bytes.Equal(nil, nil), bytes.Equal(nil, []byte{}), bytes.Compare(nil, []byte{}), bytes.Compare(bs("a"), nil),
		bytes.Compare(bs("ab"), bs("b")), bytes.Compare(bs("b"), bs("ab")), bytes.Compare(bs("a"), bs("ab")))

	// Splitting, with capacities (pieces share the text's memory).
	for _, t := range []string{"", "a,b,c", ",a,,b,", "héllo", "\xff,\xfe"} {
		for _, sep := range []string{",", "", "b"} {
			s := bs(t)
			println("--", q(s), q(bs(sep)))
			show(" Split", bytes.Split(s, bs(sep)))
			show(" SplitAfter", bytes.SplitAfter(s, bs(sep)))
			for _, n := range []int{-1, 0, 1, 2, 3} {
				show(" SplitN", bytes.SplitN(s, bs(sep), n))
				show(" SplitAfterN", bytes.SplitAfterN(s, bs(sep), n))
			}
		}
	}
	var nilSlice []byte
	show("Split nil", bytes.Split(nilSlice, bs(",")))
	show("Split nil empty", bytes.Split(nilSlice, nil))
	text := bs("one,two,three")
	parts := bytes.Split(text, bs(","))
	parts[0] = append(parts[0], '!') // the capacity stops at the piece's end: no overwrite
	println(string(text), string(parts[0]))
	parts[2] = append(parts[2][:2], 'X') // the last piece reaches the end of text
	println(string(text))
	for _, t := range []string{"", "  ", " a b  c ", "\tx\ny\r\n", "a\u00a0b\u3000c", "\xff \xfe"} {
		show("Fields "+q(bs(t)), bytes.Fields(bs(t)))
		show("FieldsFunc", bytes.FieldsFunc(bs(t), func(r rune) bool { return r == 'a' || unicode.IsSpace(r) }))
	}
	println(qc(bytes.Join(nil, bs(","))), qc(bytes.Join([][]byte{bs("")}, bs(","))), qc(bytes.Join([][]byte{bs("a")}, bs(","))),
		qc(bytes.Join([][]byte{bs("a"), bs("b"), nil}, bs(", "))))
	tryRepeat(bs("ab"), 3)
	tryRepeat(nil, 3)
	tryRepeat(bs("x"), 0)
	tryRepeat(bs("x"), -1)
	tryRepeat(bs("xy"), 1<<62)

	// Trimming: subslices, and nil when everything goes.
	for _, t := range []string{"", "  ", "  hi  ", "xxhixx", "\u00a0é\u00a0", "\xffa\xff", "aaa"} {
		s := bs(t)
		println("trim", q(s), qc(bytes.TrimSpace(s)), qc(bytes.Trim(s, " x")), qc(bytes.TrimLeft(s, " x")), qc(bytes.TrimRight(s, " x")),
			qc(bytes.Trim(s, "")), qc(bytes.Trim(s, "a")), qc(bytes.Trim(s, "\xff")), qc(bytes.TrimLeft(s, "\u00a0é")),
			qc(bytes.TrimRight(s, "\u00a0é")), qc(bytes.TrimFunc(s, unicode.IsSpace)), qc(bytes.TrimLeftFunc(s, unicode.IsLetter)),
			qc(bytes.TrimRightFunc(s, unicode.IsLetter)), qc(bytes.TrimPrefix(s, bs(" "))), qc(bytes.TrimSuffix(s, bs("x"))))
	}
	println(qc(bytes.TrimSpace(nil)), qc(bytes.Trim(nil, "a")), qc(bytes.TrimRight(nil, "a")), qc(bytes.TrimLeft([]byte{}, "a")),
		qc(bytes.TrimRight([]byte{}, "a")), qc(bytes.TrimPrefix(nil, nil)))

	// Case mapping and Map always give new slices.
	for _, t := range []string{"", "abc", "ABC", "123", "héllo wörld", "ǆemal", "\xffx", "İı", "ß"} {
		s := bs(t)
		println("case", q(s), qc(bytes.ToUpper(s)), qc(bytes.ToLower(s)), qc(bytes.ToTitle(s)), qc(bytes.Title(s)),
			qc(bytes.ToUpperSpecial(unicode.TurkishCase, s)), qc(bytes.ToLowerSpecial(unicode.TurkishCase, s)),
			qc(bytes.ToValidUTF8(s, bs("?"))), qc(bytes.ToValidUTF8(s, nil)))
	}
	up := bs("abc")
	u2 := bytes.ToUpper(up)
	u2[0] = 'Z'
	println(string(up), string(u2))
	widen := func(r rune) rune { return r + 0x10000 }
	drop := func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return r
	}
	bad := func(r rune) rune { return 0x110000 }
	for _, t := range []string{"", "a", "banana", "abcdefghij", "\xff"} {
		s := bs(t)
		println("map", qc(bytes.Map(widen, s)), qc(bytes.Map(drop, s)), qc(bytes.Map(bad, s)))
	}

	// Replace always copies.
	for _, t := range []string{"", "banana", "aaa", "héllo"} {
		s := bs(t)
		for _, r := range [][2]string{{"a", "o"}, {"", "-"}, {"an", ""}, {"a", "a"}, {"z", "y"}} {
			print("replace ", q(s), " ", r[0], "->", r[1])
			for _, n := range []int{-1, 0, 1, 2} {
				print(" ", qc(bytes.Replace(s, bs(r[0]), bs(r[1]), n)))
			}
			println(" ", qc(bytes.ReplaceAll(s, bs(r[0]), bs(r[1]))))
		}
	}
}
