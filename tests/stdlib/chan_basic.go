// Channels: unbuffered ping-pong, buffered FIFO order, close and range, comma-ok receives,
// len and cap, nil channels' len and cap, zero-size and large elements, channels of
// channels, and pointer-carrying elements surviving collections.
package main

import (
	"fmt"
	"runtime"
)

type big struct {
	a [10]int
	s string
	p *int
}

type node struct {
	v    int
	next *node
}

func pingpong() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < 1000; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("pingpong", sum, ok)
}

func fifo() {
	c := make(chan int, 5)
	fmt.Println("len/cap", len(c), cap(c))
	for i := 0; i < 5; i++ {
		c <- i * i
	}
	fmt.Println("len/cap full", len(c), cap(c))
	for i := 0; i < 3; i++ {
		fmt.Print(<-c, " ")
	}
	c <- 100
	c <- 200
	c <- 300
	close(c)
	for v := range c {
		fmt.Print(v, " ")
	}
	fmt.Println()
	v, ok := <-c
	fmt.Println("after close", v, ok, len(c))
}

func blockedSenders() {
	// Senders block on a full buffer; a receiver drains in FIFO order of sends.
	c := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for i := 0; i < 10; i++ {
			c <- i
		}
		close(c)
		done <- true
	}()
	got := []int{}
	for v := range c {
		got = append(got, v)
	}
	<-done
	fmt.Println("blocked senders", got)
}

func manyGoroutines() {
	res := make(chan int)
	for i := 0; i < 100; i++ {
		go func(i int) { res <- i }(i)
	}
	sum := 0
	for i := 0; i < 100; i++ {
		sum += <-res
	}
	fmt.Println("many", sum)
}

func closeWakesReceivers() {
	c := make(chan string)
	out := make(chan string, 3)
	for i := 0; i < 3; i++ {
		go func() {
			v, ok := <-c
			out <- fmt.Sprintf("%q %v", v, ok)
		}()
	}
	runtime.Gosched()
	close(c)
	for i := 0; i < 3; i++ {
		fmt.Println("woken:", <-out)
	}
}

func elems() {
	e := make(chan struct{}, 3)
	e <- struct{}{}
	e <- struct{}{}
	fmt.Println("struct{}", len(e), cap(e))
	<-e
	u := make(chan struct{})
	go func() { u <- struct{}{} }()
	<-u
	x := 42
	b := make(chan big, 1)
	b <- big{a: [10]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, s: "big", p: &x}
	r := <-b
	fmt.Println("big", r.a, r.s, *r.p)
	ub := make(chan big)
	go func() { ub <- big{a: [10]int{9: 9}, s: "unbuffered", p: &x} }()
	r = <-ub
	fmt.Println("big", r.a[9], r.s, *r.p)
	cc := make(chan chan int, 1)
	inner := make(chan int, 1)
	cc <- inner
	(<-cc) <- 7
	fmt.Println("chan chan", <-inner)
	var nilc chan int
	fmt.Println("nil", len(nilc), cap(nilc))
	var ro <-chan int = inner
	var so chan<- int = inner
	so <- 8
	fmt.Println("directional", <-ro)
	// A discarded receive.
	inner <- 9
	<-inner
	fmt.Println("discarded", len(inner))
}

func list(n int) *node {
	var l *node
	for i := 0; i < n; i++ {
		l = &node{i, l}
	}
	return l
}

func sumList(l *node) int {
	s := 0
	for ; l != nil; l = l.next {
		s += l.v
	}
	return s
}

func pointers() {
	c := make(chan *node, 4)
	u := make(chan *node)
	done := make(chan int)
	go func() {
		s := 0
		for l := range c {
			runtime.GC()
			s += sumList(l)
		}
		for l := range u {
			_ = make([]byte, 1000)
			s += sumList(l)
		}
		done <- s
	}()
	for i := 0; i < 20; i++ {
		c <- list(50)
		_ = make([]int, 100)
	}
	close(c)
	for i := 0; i < 20; i++ {
		u <- list(10)
	}
	close(u)
	fmt.Println("pointers", <-done)
	sc := make(chan []string, 2)
	sc <- []string{"a", "b"}
	sc <- []string{"c"}
	runtime.GC()
	fmt.Println("slices", <-sc, <-sc)
	ic := make(chan interface{}, 2)
	ic <- "str"
	ic <- 3.5
	runtime.GC()
	fmt.Println("interfaces", <-ic, <-ic)
}

func main() {
	pingpong()
	fifo()
	blockedSenders()
	manyGoroutines()
	closeWakesReceivers()
	elems()
	pointers()
}
