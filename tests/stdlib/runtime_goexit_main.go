// runtime.Goexit in the main goroutine: the other goroutines go on; when none is left the
// program fails with gc's message.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	c := make(chan int)
	start := make(chan bool)
	go func() {
		<-start
		for i := 0; i < 3; i++ {
			c <- i
		}
	}()
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Println("got", <-c)
		}
	}()
	// Deferred calls run newest first: the print, then the start of the others.
	defer close(start)
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
}
