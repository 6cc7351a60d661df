package main

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	s := "Hello, 世界"
	println(reverse(s), len(s), s[0], s[7:])
	b := []byte("abc")
	b = append(b, "def"...)
	println(string(b), len(b))
	out := ""
	for i := 0; i < 5; i++ {
		out += string(rune('a' + i))
	}
	println(out, out < "abd", out == "abcde", "x"+out[1:3])
	n := copy(b, "XY")
	println(n, string(b))
}
