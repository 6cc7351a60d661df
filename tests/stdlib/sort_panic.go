// sort: Slice on a value that is not a slice panics as Go's reflection does.
package main

import "sort"

func main() {
	x := []string{"b", "c", "a"}
	sort.Slice(x, func(i, j int) bool { return x[i] < x[j] })
	println(x[0], x[1], x[2])
	m := map[string]int{"a": 1}
	sort.Slice(m, func(i, j int) bool { return false })
}
