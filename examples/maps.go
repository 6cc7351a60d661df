// Maps: word counts, lookups with comma-ok, deletion, struct and interface keys, maps of
// slices, and iteration in sorted key order (Go randomises map order on purpose).
package main

func words(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// sortedKeys returns the keys in increasing order (insertion sort).
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

type Point struct{ X, Y int }

func main() {
	text := "the quick brown fox jumps over the lazy dog the fox"
	counts := make(map[string]int)
	for _, w := range words(text) {
		counts[w]++
	}
	println(len(counts), "distinct words")
	for _, k := range sortedKeys(counts) {
		println(k, counts[k])
	}

	if n, ok := counts["fox"]; ok {
		println("fox appears", n, "times")
	}
	if _, ok := counts["cat"]; !ok {
		println("no cat; a missing key reads as", counts["cat"])
	}
	delete(counts, "the")
	delete(counts, "nothing")
	println(len(counts), counts["the"])

	// Struct keys, and a map literal.
	grid := map[Point]string{{0, 0}: "origin", {1, 2}: "P"}
	grid[Point{3, 4}] = "Q"
	println(grid[Point{0, 0}], grid[Point{1, 2}], grid[Point{3, 4}], len(grid))

	// Interface keys: equal dynamic types and values are the same key.
	any := map[interface{}]int{}
	any[1] = 1
	any["1"] = 2
	any[1.0] = 3
	any[1] += 10
	println(any[1], any["1"], any[1.0], len(any))

	// A map of slices: appending to a missing key starts from nil.
	groups := map[int][]string{}
	for _, w := range words(text) {
		groups[len(w)] = append(groups[len(w)], w)
	}
	for n := 1; n <= 5; n++ {
		println(n, len(groups[n]))
	}

	// Deleting during range is allowed; the entries deleted are not seen.
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i * i
	}
	seen := 0
	for k := range m {
		if k%2 == 0 {
			delete(m, k+1)
		}
		seen++
	}
	println(len(m), seen <= 100)

	var nilMap map[string]bool
	println(nilMap["x"], len(nilMap))
}
