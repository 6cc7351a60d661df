// Every goroutine waits and none can proceed: the runtime notices and stops the program,
// as gc's does, with exit status 2.
package main

import "fmt"

func main() {
	results := make(chan int)
	done := make(chan bool)
	go func() {
		for v := range results {
			fmt.Println("got", v)
		}
		done <- true
	}()
	results <- 1
	results <- 2
	close(results)
	<-done
	fmt.Println("waiting for an answer that never comes")
	answer := make(chan int)
	<-answer
}
