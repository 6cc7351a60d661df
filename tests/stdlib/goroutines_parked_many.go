// 1,500 goroutines parked at once: beyond the first thousand or so, golift copies a
// parked goroutine's stack out and gives its memory back (runtime/src/sched/stash.rs). Values
// go into and out of those stacks while they are copied out (channel hand-offs, select, close),
// and collections run meanwhile: what only those stacks point to must survive.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type node struct {
	val  int
	next *node
}

func build(n, base int) *node {
	var l *node
	for i := 0; i < n; i++ {
		l = &node{base + i, l}
	}
	return l
}

func sum(l *node) int {
	s := 0
	for ; l != nil; l = l.next {
		s += l.val
	}
	return s
}

const n = 1500

// Receivers parked on an unbuffered channel; each keeps a list that only its stack points
// to, and an array on its stack. Then they park again as senders.
func handoffs() {
	in := make(chan *node)
	out := make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) {
			mine := build(i%40+1, i)
			var arr [24]int
			for k := range arr {
				arr[k] = i * k
			}
			p := <-in
			out <- sum(mine) + sum(p) + arr[23]
		}(i)
	}
	runtime.Gosched()
	runtime.GC()
	for i := 0; i < n; i++ {
		in <- build(3, i)
	}
	runtime.GC()
	total := 0
	for i := 0; i < n; i++ {
		total += <-out
	}
	fmt.Println("handoffs:", total)
}

// Goroutines parked in selects: a send case whose value is on the stack, a receive case, and
// a channel closed under them. Which goroutine takes which case is up to the scheduler; how
// many take each, and what they carry, is not.
func selects() {
	a := make(chan [4]int)
	b := make(chan string)
	quit := make(chan struct{})
	res := make(chan int, n)
	for i := 0; i < n; i++ {
		go func(i int) {
			v := [4]int{i, i + 1, i + 2, i + 3}
			select {
			case a <- v:
				res <- 0
			case s := <-b:
				if len(s) == 10 && s[:6] == "value " {
					res <- 1
				} else {
					res <- 3
				}
			case _, ok := <-quit:
				if !ok {
					res <- 2
				}
			}
		}(i)
	}
	runtime.Gosched()
	runtime.GC()
	bad := 0
	for i := 0; i < 700; i++ {
		x := <-a
		if x[1] != x[0]+1 || x[2] != x[0]+2 || x[3] != x[0]+3 {
			bad++
		}
	}
	for i := 0; i < 300; i++ {
		b <- fmt.Sprintf("value %04d", i)
	}
	close(quit)
	var cases [4]int
	for i := 0; i < n; i++ {
		cases[<-res]++
	}
	fmt.Println("selects:", cases, "bad:", bad)
}

// Mutex, WaitGroup, Cond and Sleep waiters.
func syncs() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	cond := sync.NewCond(&sync.Mutex{})
	ready := false
	count := 0
	mu.Lock()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			keep := build(5, i)
			switch i % 3 {
			case 0:
				mu.Lock()
				count += sum(keep)
				mu.Unlock()
			case 1:
				cond.L.Lock()
				for !ready {
					cond.Wait()
				}
				cond.L.Unlock()
				mu.Lock()
				count += sum(keep)
				mu.Unlock()
			case 2:
				time.Sleep(time.Millisecond)
				mu.Lock()
				count += sum(keep)
				mu.Unlock()
			}
		}(i)
	}
	runtime.Gosched()
	time.Sleep(20 * time.Millisecond)
	runtime.GC()
	cond.L.Lock()
	ready = true
	cond.Broadcast()
	cond.L.Unlock()
	mu.Unlock()
	wg.Wait()
	// (A goroutine may still be ending after its deferred Done: wait until it has.)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("syncs:", count, runtime.NumGoroutine())
}

func main() {
	handoffs()
	selects()
	syncs()
}
