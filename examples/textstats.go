// Text statistics over UTF-8: bytes versus runes, unicode categories, searching and
// splitting with the strings package.
package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	lines := []string{
		"Go is expressive, concise, clean, and efficient.",
		"日本語のテキストも扱えます。",
		"Ünïcödé, émojis 🎉 and digits 0123456789!",
		"   leading and trailing spaces   ",
	}
	for i, l := range lines {
		var letters, digits, spaces, punct, other int
		for _, r := range l {
			switch {
			case unicode.IsLetter(r):
				letters++
			case unicode.IsDigit(r):
				digits++
			case unicode.IsSpace(r):
				spaces++
			case unicode.IsPunct(r):
				punct++
			default:
				other++
			}
		}
		fmt.Printf("line %d: %d bytes, %d runes, %d words\n", i+1, len(l), utf8.RuneCountInString(l), len(strings.Fields(l)))
		fmt.Printf("  letters=%d digits=%d spaces=%d punct=%d other=%d\n", letters, digits, spaces, punct, other)
		fmt.Printf("  trimmed=%q upper=%q\n", strings.TrimSpace(l), strings.ToUpper(strings.TrimSpace(l))[:10])
	}
	s := lines[0]
	fmt.Println(strings.Contains(s, "clean"), strings.Index(s, "c"), strings.LastIndex(s, "c"), strings.Count(s, "e"))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("a,b,,c", ",")), strings.SplitN("a,b,c,d", ",", 2))
	fmt.Println(strings.HasPrefix(s, "Go"), strings.HasSuffix(s, "."), strings.Replace(s, "c", "C", 2))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(r.Replace("<a href=\"x&y\">"))
	fmt.Println(strings.TrimLeft("xxhixx", "x"), strings.TrimSuffix("file.go", ".go"), strings.Fields(" a  b\tc\n"))
	r2, size := utf8.DecodeRuneInString(lines[1])
	fmt.Printf("%c %d %U %v\n", r2, size, r2, utf8.ValidString("\xff"))
}
