// Unbounded recursion: gc's report of a stack overflow (exit status 2), not the OS's fault.
package main

import "fmt"

type frame struct {
	depth int
	pad   [6]int
}

func descend(f frame) int {
	f.depth++
	f.pad[f.depth%6] = f.depth
	return descend(f) + f.pad[0]
}

func main() {
	fmt.Println("descending")
	fmt.Println(descend(frame{}))
}
