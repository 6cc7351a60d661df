// All goroutines blocked: gc's deadlock report (the goroutine trace is not compared).
package main

import "fmt"

func main() {
	c := make(chan int)
	go func() {
		c <- 1
		c <- 2
	}()
	fmt.Println(<-c)
	var nilc chan int
	go func() { nilc <- 1 }()
	go func() { select {} }()
	<-make(chan int)
}
