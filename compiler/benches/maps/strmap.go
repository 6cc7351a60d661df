// Map benchmark: string keys (word counting over generated text).
package main

func main() {
	words := make([]string, 0, 5000)
	for i := 0; i < 5000; i++ {
		b := make([]byte, 3+i%9)
		x := i * 2654435761
		for j := range b {
			b[j] = byte('a' + x%26)
			x /= 26
			x += j * 7
		}
		words = append(words, string(b))
	}
	counts := make(map[string]int)
	for r := 0; r < 6000; r++ {
		for i := 0; i < len(words); i += 1 + r%3 {
			counts[words[i]]++
		}
	}
	total := 0
	for _, w := range words {
		total += counts[w]
	}
	println(len(counts), total)
}
