// A receive from a nil channel blocks forever: goroutine 1 [chan receive (nil chan)].
package main

func main() {
	var c chan int
	println("before")
	<-c
}
