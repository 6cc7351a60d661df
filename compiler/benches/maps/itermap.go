// Map benchmark: iteration, and a map of slices built by appending.
package main

func main() {
	m := make(map[int][]int)
	for i := 0; i < 200000; i++ {
		k := i % 10007
		m[k] = append(m[k], i)
	}
	total := 0
	for r := 0; r < 2000; r++ {
		for k, v := range m {
			total += k + len(v)
		}
	}
	println(len(m), total)
}
