// A value handed straight to a parked receiver is only in the receiver's variable until it
// runs: collections in between (the sender allocating) must keep it, for unbuffered and
// buffered channels, plain receives, comma-ok receives, range loops and select.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	v    int
	next *node
	name string
}

func list(n int) *node {
	var l *node
	for i := 0; i < n; i++ {
		l = &node{i, l, fmt.Sprint("n", i)}
	}
	return l
}

func check(l *node) int {
	s := 0
	for ; l != nil; l = l.next {
		if l.name != fmt.Sprint("n", l.v) {
			return -1
		}
		s += l.v
	}
	return s
}

func churn() {
	for i := 0; i < 100; i++ {
		_ = make([]*node, 10)
	}
	runtime.GC()
}

func main() {
	res := make(chan int, 100)
	u := make(chan *node)
	go func() { res <- check(<-u) }()
	go func() { l, ok := <-u; _ = ok; res <- check(l) }()
	go func() {
		for l := range u {
			res <- check(l)
		}
	}()
	go func() {
		select {
		case l := <-u:
			res <- check(l)
		}
	}()
	runtime.Gosched()
	for i := 0; i < 6; i++ {
		u <- list(30)
		churn()
	}
	close(u)
	total := 0
	for i := 0; i < 6; i++ {
		total += <-res
	}
	fmt.Println("handed off", total)

	// Strings and interfaces through a buffered channel while it is full of them.
	b := make(chan interface{}, 3)
	go func() {
		for i := 0; i < 10; i++ {
			b <- fmt.Sprint("item", i)
			churn()
		}
		close(b)
	}()
	for v := range b {
		churn()
		fmt.Print(v, " ")
	}
	fmt.Println()

	// A blocked sender's value waits in the sender's frame while collections run.
	s := make(chan []string)
	go func() {
		x := []string{fmt.Sprint("a", 1), fmt.Sprint("b", 2)}
		s <- x
	}()
	runtime.Gosched()
	churn()
	fmt.Println(<-s)
}
