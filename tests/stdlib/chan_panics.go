// The run-time errors of channels, recovered: send on a closed channel (also a sender
// blocked when the channel is closed), close of a closed channel, close of a nil channel,
// make with a negative or huge size; then an unrecovered one.
package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(runtime.Error); ok {
			fmt.Println(name, "->", e.Error())
		} else {
			fmt.Println(name, "->", r)
		}
	}()
	f()
}

func main() {
	try("send on closed", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("close closed", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("close nil", func() {
		var c chan int
		close(c)
	})
	n := -1
	try("make negative", func() {
		_ = make(chan int, n)
	})
	n = 1 << 62
	try("make huge", func() {
		_ = make(chan int64, n)
	})
	try("blocked sender, then close", func() {
		c := make(chan int)
		go func() {
			runtime.Gosched()
			close(c)
		}()
		c <- 1
	})
	try("select send on closed", func() {
		c := make(chan int)
		close(c)
		select {
		case c <- 1:
		default:
		}
	})
	c := make(chan bool)
	close(c)
	fmt.Println("now unrecovered")
	c <- true
}
