// Goroutines and the scheduler: a ping-pong over unbuffered channels, many goroutines
// blocked on one channel and then released, Gosched, NumGoroutine, Goexit in a goroutine
// (its deferred calls run), a recovered panic in a goroutine, goroutines that allocate
// while others hold pointers on their stacks.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	next *node
	v    int
}

func pingpong(n int) int {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < n; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	if _, ok := <-pong; ok {
		panic("pong not closed")
	}
	return sum
}

func many(n int) int {
	start := make(chan int)
	res := make(chan int, 16)
	for i := 0; i < n; i++ {
		go func(i int) {
			k := <-start
			res <- i * k
		}(i)
	}
	for i := 0; i < n; i++ {
		start <- 2
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-res
	}
	return sum
}

func builders() []int {
	out := make(chan [2]int)
	for w := 0; w < 4; w++ {
		go func(w int) {
			var l *node
			for j := 0; j < 3000; j++ {
				l = &node{l, j + w}
				if j%250 == 0 {
					runtime.Gosched()
				}
			}
			s := 0
			for ; l != nil; l = l.next {
				s += l.v
			}
			out <- [2]int{w, s}
		}(w)
	}
	sums := make([]int, 4)
	for i := 0; i < 4; i++ {
		r := <-out
		sums[r[0]] = r[1]
	}
	return sums
}

func main() {
	fmt.Println("pingpong", pingpong(10000))
	fmt.Println("many", many(20000))
	fmt.Println("builders", builders())

	done := make(chan string)
	go func() {
		defer func() { done <- "goexit ran the deferred calls" }()
		runtime.Goexit()
		done <- "not reached"
	}()
	fmt.Println(<-done)

	go func() {
		defer func() { done <- fmt.Sprint("recovered: ", recover()) }()
		var a []int
		_ = a[5]
	}()
	fmt.Println(<-done)

	// The goroutines above end soon after their last send.
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	block := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() { <-block }()
	}
	runtime.Gosched()
	fmt.Println("goroutines", runtime.NumGoroutine())
	close(block)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("goroutines", runtime.NumGoroutine())
	fmt.Println("NumCPU > 0:", runtime.NumCPU() > 0)
}
