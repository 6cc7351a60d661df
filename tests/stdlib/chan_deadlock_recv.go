// A receive with a goroutine blocked too: gc's deadlock report lists goroutine 1
// [chan receive] and the other goroutine [chan send], exit 2.
package main

import "fmt"

func main() {
	c := make(chan int)
	d := make(chan int)
	go func() { d <- 1 }()
	fmt.Println("waiting")
	<-c
}
