// Caesar and ROT13 ciphers: strings.Map, unicode letter tests, runes, strings.Builder.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func shift(r rune, k int) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+rune(k)+26)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+rune(k)+26)%26
	}
	return r
}

func caesar(s string, k int) string {
	return strings.Map(func(r rune) rune { return shift(r, k) }, s)
}

func main() {
	msg := "The Quick Brown Fox Jumps Over The Lazy Dog! ¿Qué tal, Zürich?"
	for _, k := range []int{1, 3, 13, 25} {
		enc := caesar(msg, k)
		fmt.Printf("k=%2d %s\n", k, enc)
		if caesar(enc, -k) != msg {
			fmt.Println("round trip failed")
		}
	}
	var b strings.Builder
	letters, upper, spaces, other := 0, 0, 0, 0
	for _, r := range msg {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsLetter(r):
			letters++
			b.WriteRune(unicode.ToUpper(r))
		case unicode.IsSpace(r):
			spaces++
			b.WriteByte('_')
		default:
			other++
			b.WriteRune(r)
		}
	}
	fmt.Println(b.String())
	fmt.Printf("letters=%d upper=%d spaces=%d other=%d bytes=%d runes=%d\n", letters, upper, spaces, other, len(msg), len([]rune(msg)))
	fmt.Println(strings.ToUpper(msg))
	fmt.Println(strings.Title("hello wide world"), strings.EqualFold("Go", "GO"))
}
