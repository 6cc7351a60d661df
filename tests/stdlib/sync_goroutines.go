// sync's types between goroutines: Mutex, RWMutex, WaitGroup, Once, Cond, Map and the
// atomic types, with output that does not depend on how the goroutines interleave.
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	// A Mutex guards a counter that goroutines update in two steps, yielding in between.
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				mu.Lock()
				v := counter
				if j%10 == 0 {
					time.Sleep(time.Microsecond) // another goroutine may run: it must wait
				}
				counter = v + 1
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter", counter)

	// A goroutine blocked in Lock gets the mutex when it is unlocked.
	mu.Lock()
	got := make(chan string)
	go func() {
		mu.Lock()
		got <- "second locker got it"
		mu.Unlock()
	}()
	time.Sleep(5 * time.Millisecond)
	fmt.Println("TryLock while held:", mu.TryLock())
	mu.Unlock()
	fmt.Println(<-got)

	// RWMutex: readers share, a writer excludes them.
	var rw sync.RWMutex
	var readers, maxReaders, writers int32
	bad := false
	var rwg sync.WaitGroup
	for i := 0; i < 5; i++ {
		rwg.Add(2)
		go func() {
			defer rwg.Done()
			for j := 0; j < 20; j++ {
				rw.RLock()
				n := atomic.AddInt32(&readers, 1)
				if n > atomic.LoadInt32(&maxReaders) {
					atomic.StoreInt32(&maxReaders, n)
				}
				if atomic.LoadInt32(&writers) != 0 {
					bad = true
				}
				time.Sleep(10 * time.Microsecond)
				atomic.AddInt32(&readers, -1)
				rw.RUnlock()
			}
		}()
		go func() {
			defer rwg.Done()
			for j := 0; j < 20; j++ {
				rw.Lock()
				if atomic.AddInt32(&writers, 1) != 1 || atomic.LoadInt32(&readers) != 0 {
					bad = true
				}
				time.Sleep(10 * time.Microsecond)
				atomic.AddInt32(&writers, -1)
				rw.Unlock()
			}
		}()
	}
	rwg.Wait()
	fmt.Println("rwmutex exclusion broken:", bad, "readers shared:", maxReaders > 1)

	// A writer waiting for a reader keeps new readers out.
	rw.RLock()
	order := make(chan string, 3)
	go func() {
		rw.Lock()
		order <- "writer"
		rw.Unlock()
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		rw.RLock()
		order <- "late reader"
		rw.RUnlock()
	}()
	time.Sleep(5 * time.Millisecond)
	order <- "first reader leaves"
	rw.RUnlock()
	fmt.Println(<-order, "/", <-order, "/", <-order)

	// Once: every caller returns after the one call of f.
	var once sync.Once
	var onceWG sync.WaitGroup
	value := 0
	calls := int32(0)
	seen := make([]int, 5)
	for i := 0; i < 5; i++ {
		onceWG.Add(1)
		go func(i int) {
			defer onceWG.Done()
			once.Do(func() {
				atomic.AddInt32(&calls, 1)
				time.Sleep(2 * time.Millisecond)
				value = 42
			})
			seen[i] = value
		}(i)
	}
	onceWG.Wait()
	fmt.Println("once:", calls, seen)

	// Cond: a queue with a consumer that waits while it is empty.
	var qmu sync.Mutex
	cond := sync.NewCond(&qmu)
	var queue []int
	done := make(chan []int)
	go func() {
		var taken []int
		for len(taken) < 10 {
			qmu.Lock()
			for len(queue) == 0 {
				cond.Wait()
			}
			taken = append(taken, queue[0])
			queue = queue[1:]
			qmu.Unlock()
		}
		done <- taken
	}()
	for i := 0; i < 10; i++ {
		qmu.Lock()
		queue = append(queue, i*i)
		cond.Signal()
		qmu.Unlock()
		if i%3 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	fmt.Println("cond:", <-done)

	// Broadcast wakes every waiter.
	ready := false
	var bwg sync.WaitGroup
	var woken int32
	for i := 0; i < 4; i++ {
		bwg.Add(1)
		go func() {
			defer bwg.Done()
			qmu.Lock()
			for !ready {
				cond.Wait()
			}
			qmu.Unlock()
			atomic.AddInt32(&woken, 1)
		}()
	}
	time.Sleep(5 * time.Millisecond)
	qmu.Lock()
	ready = true
	cond.Broadcast()
	qmu.Unlock()
	bwg.Wait()
	fmt.Println("broadcast woke", woken)

	// Map and atomic counters from many goroutines.
	var m sync.Map
	var total atomic.Int64
	var mwg sync.WaitGroup
	for i := 0; i < 8; i++ {
		mwg.Add(1)
		go func(i int) {
			defer mwg.Done()
			for j := 0; j < 50; j++ {
				m.Store(i*100+j, j)
				total.Add(int64(j))
				if j%7 == 0 {
					time.Sleep(time.Microsecond)
				}
			}
			m.Delete(i * 100)
		}(i)
	}
	mwg.Wait()
	var keys []int
	m.Range(func(k, v any) bool {
		keys = append(keys, k.(int))
		return true
	})
	sort.Ints(keys)
	fmt.Println("map:", len(keys), keys[:5], "total", total.Load())

	// WaitGroup: several waiters, and reuse.
	var gate sync.WaitGroup
	gate.Add(1)
	var waiters sync.WaitGroup
	var passed int32
	for i := 0; i < 3; i++ {
		waiters.Add(1)
		go func() {
			defer waiters.Done()
			gate.Wait()
			atomic.AddInt32(&passed, 1)
		}()
	}
	time.Sleep(2 * time.Millisecond)
	fmt.Println("passed before Done:", atomic.LoadInt32(&passed))
	gate.Done()
	waiters.Wait()
	fmt.Println("passed after Done:", passed)
	gate.Add(2)
	go gate.Done()
	go gate.Done()
	gate.Wait()
	fmt.Println("reused")
}
