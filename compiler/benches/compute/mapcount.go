// Maps: counting with map[int]int and map[string]int, then iterating: the map operations
// a word count or a histogram makes.
package main

import "strconv"

func main() {
	m := map[int]int{}
	for i := 0; i < 8000000; i++ {
		m[(i*7919)%100000]++
	}
	words := make([]string, 1000)
	for i := range words {
		words[i] = "w" + strconv.Itoa(i)
	}
	c := map[string]int{}
	for i := 0; i < 8000000; i++ {
		c[words[(i*31)%len(words)]]++
	}
	sum := 0
	for k, v := range m {
		sum += k ^ v
	}
	for k, v := range c {
		sum += len(k) * v
	}
	println(len(m), len(c), sum)
}
