// unicode/utf8's FullRune and FullRuneInString on every first byte with a sample of second
// bytes, and on short and invalid sequences; AppendRune on ASCII, multibyte and invalid runes.
package main

import (
	"fmt"
	"unicode/utf8"
)

func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

func main() {
	cases := []string{"", "a", "\xc3", "\xc3\xa9", "\xe2", "\xe2\x82", "\xe2\x82\xac", "\xe0\x80", "\xe0\xa0", "\xed\xa0", "\xed\x9f", "\xf0", "\xf0\x90", "\xf0\x90\x80", "\xf0\x80", "\xf4\x90", "\xf4\x8f\x80", "\xff", "\x80", "\xe2\x28", "\xf0\x90\x28", "\xf0\x90\x80\x80"}
	for _, c := range cases {
		fmt.Printf("%q %v %v\n", c, utf8.FullRune([]byte(c)), utf8.FullRuneInString(c))
	}
	fmt.Println(utf8.AppendRune(nil, 'é'), utf8.AppendRune([]byte("x"), 'A'), utf8.AppendRune(nil, 0x10FFFF+1), utf8.AppendRune(nil, 0xD800), utf8.AppendRune(nil, '€'), utf8.AppendRune(nil, 0x1F600))
	for b := 0; b < 256; b++ {
		for c := 0; c < 256; c += 5 {
			s := string([]byte{byte(b), byte(c)})
			if utf8.FullRuneInString(s) != utf8.FullRune([]byte(s)) {
				fmt.Println("mismatch", b, c)
			}
			fmt.Print(bit(utf8.FullRuneInString(s[:1])), bit(utf8.FullRuneInString(s)))
		}
		fmt.Println()
	}
}
