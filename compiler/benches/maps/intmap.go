// Map benchmark: int keys (the runtime's 64-bit fast path): insert, look up, update,
// delete, over a table that grows to a million entries.
package main

func main() {
	const n = 1 << 20
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7919%n] = i
	}
	sum := 0
	for r := 0; r < 4; r++ {
		for i := 0; i < n; i++ {
			sum += m[i]
		}
	}
	for i := 0; i < n; i += 2 {
		delete(m, i)
	}
	for i := 0; i < n; i++ {
		if v, ok := m[i]; ok {
			sum += v
		}
	}
	for i := 0; i < n; i++ {
		m[i]++
	}
	println(len(m), sum)
}
