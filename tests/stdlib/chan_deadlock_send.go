// A send that nobody receives: gc's deadlock report (goroutine 1 [chan send]), exit 2.
package main

import "fmt"

func main() {
	c := make(chan int, 1)
	c <- 1
	fmt.Println("buffered one")
	c <- 2
	fmt.Println("unreachable")
}
