// runtime.Goexit in the main goroutine: the other goroutines go on; when none is left the
// program fails with gc's message.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	c := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			c <- i
		}
	}()
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Println("got", <-c)
		}
	}()
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
}
