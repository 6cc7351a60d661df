// Sprintf throughput: a million formatted lines of mixed verbs.
package main

import "fmt"

type point struct{ X, Y int }

func main() {
	total := 0
	p := point{3, -4}
	for i := 0; i < 1000000; i++ {
		s := fmt.Sprintf("%d|%5s|%x|%.2f|%v|%q", i, "ab", i*7, float64(i)/3, p, "q")
		total += len(s)
	}
	fmt.Println(total)
}
