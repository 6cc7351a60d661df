// select: default when nothing is ready, fairness among ready cases, nil channels (never
// ready), send cases, receives from closed channels (ok=false), a blocked select woken by a
// sender, a receiver and a close, many selects on one channel, and a timeout-like pattern
// with a done channel.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	c := make(chan int)
	select {
	case v := <-c:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("default (recv)")
	}
	select {
	case c <- 1:
		fmt.Println("unexpected send")
	default:
		fmt.Println("default (send)")
	}

	// Fairness: both ready cases get chosen.
	a, b := make(chan int, 1000), make(chan int, 1000)
	for i := 0; i < 1000; i++ {
		a <- i
		b <- i
	}
	na, nb := 0, 0
	for i := 0; i < 1000; i++ {
		select {
		case <-a:
			na++
		case <-b:
			nb++
		}
	}
	fmt.Println("fair:", na > 100, nb > 100, na+nb)

	// Nil channels are never ready.
	var nilc chan int
	ready := make(chan int, 1)
	ready <- 5
	for i := 0; i < 3; i++ {
		select {
		case v := <-nilc:
			fmt.Println("nil recv?", v)
		case nilc <- 1:
			fmt.Println("nil send?")
		case v, ok := <-ready:
			fmt.Println("ready", v, ok)
		default:
			fmt.Println("default with nil channels")
		}
	}

	// Send cases into a buffer.
	s := make(chan string, 2)
	for i := 0; i < 3; i++ {
		select {
		case s <- fmt.Sprint("v", i):
			fmt.Println("sent", i)
		default:
			fmt.Println("full at", i)
		}
	}
	fmt.Println(<-s, <-s)

	// Closed channel: ready, ok=false.
	cl := make(chan int)
	close(cl)
	select {
	case v, ok := <-cl:
		fmt.Println("closed:", v, ok)
	}

	// Blocked select woken by a sender.
	in1, in2 := make(chan int), make(chan string)
	go func() {
		runtime.Gosched()
		in2 <- "hello"
	}()
	select {
	case v := <-in1:
		fmt.Println("in1", v)
	case v := <-in2:
		fmt.Println("in2", v)
	}

	// Blocked select on a send, woken by a receiver.
	out := make(chan int)
	got := make(chan int)
	go func() { got <- <-out }()
	select {
	case out <- 99:
		fmt.Println("sent 99")
	case v := <-in1:
		fmt.Println("in1?", v)
	}
	fmt.Println("receiver got", <-got)

	// Blocked select woken by a close.
	done := make(chan struct{})
	go func() { close(done) }()
	select {
	case _, ok := <-done:
		fmt.Println("done closed", ok)
	case v := <-in1:
		fmt.Println("in1?", v)
	}

	// Many goroutines selecting on the same channels; a quit channel stops them.
	work := make(chan int)
	quit := make(chan bool)
	results := make(chan int, 10)
	for w := 0; w < 4; w++ {
		go func() {
			n := 0
			for {
				select {
				case v := <-work:
					n += v
				case <-quit:
					results <- n
					return
				}
			}
		}()
	}
	for i := 1; i <= 100; i++ {
		work <- i
	}
	close(quit)
	total := 0
	for w := 0; w < 4; w++ {
		total += <-results
	}
	fmt.Println("workers", total)

	// A select with the same channel twice, both sending and receiving.
	d := make(chan int, 1)
	for i := 0; i < 4; i++ {
		select {
		case d <- i:
			fmt.Println("put", i)
		case v := <-d:
			fmt.Println("took", v)
		}
	}
	// Select in a goroutine that loops on a send with a receiver elsewhere.
	pipe := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			select {
			case pipe <- i:
			}
		}
		close(pipe)
	}()
	for v := range pipe {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
