// A select whose channels are all nil blocks forever: goroutine 1 [select]; and a
// goroutine blocked in `select {}` [select (no cases)].
package main

func main() {
	go func() { select {} }()
	var a chan int
	var b chan string
	select {
	case <-a:
	case b <- "x":
	}
}
