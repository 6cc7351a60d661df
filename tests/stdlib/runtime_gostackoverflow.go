// Unbounded recursion in a goroutine: its stack's guard (runtime.stackguard) catches it
// and the program ends with gc's report.
package main

import "fmt"

func deep(n int) int {
	var pad [16]int
	pad[n%16] = n
	return deep(n+1) + pad[n%16]
}

func main() {
	c := make(chan int)
	go func() { c <- deep(0) }()
	fmt.Println(<-c)
}
