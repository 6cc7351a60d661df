// sync's types used by one goroutine: nothing ever waits, so only the bookkeeping shows.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func catch(name string, f func()) {
	defer func() {
		fmt.Printf("%s: recovered %v\n", name, recover())
	}()
	f()
}

func main() {
	// Mutex.
	var mu sync.Mutex
	fmt.Println(mu.TryLock(), mu.TryLock())
	mu.Unlock()
	mu.Lock()
	fmt.Println(mu.TryLock())
	mu.Unlock()
	fmt.Println(mu.TryLock())
	mu.Unlock()
	var l sync.Locker = &mu
	l.Lock()
	l.Unlock()
	c := counter{n: map[string]int{}}
	for _, w := range strings.Fields("a b a c a b") {
		c.inc(w)
	}
	fmt.Println(c.n)

	// RWMutex.
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	fmt.Println(rw.TryLock(), rw.TryRLock())
	rw.RUnlock()
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println(rw.TryLock(), rw.TryRLock(), rw.TryLock())
	rw.Unlock()
	rw.Lock()
	rw.Unlock()
	r := rw.RLocker()
	r.Lock()
	fmt.Println(rw.TryLock())
	r.Unlock()
	fmt.Println(rw.TryLock())
	rw.Unlock()

	// WaitGroup.
	var wg sync.WaitGroup
	wg.Wait()
	wg.Add(3)
	wg.Done()
	wg.Add(-2)
	wg.Wait()
	for i := 0; i < 4; i++ {
		wg.Add(1)
		func() {
			defer wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("waited")
	catch("negative", func() { wg.Done() })
	var wg2 sync.WaitGroup
	catch("negative add", func() { wg2.Add(-5) })

	// Once.
	var once sync.Once
	calls := 0
	for i := 0; i < 3; i++ {
		once.Do(func() { calls++ })
	}
	fmt.Println("calls", calls)
	var once2 sync.Once
	catch("once panic", func() { once2.Do(func() { panic("in f") }) })
	once2.Do(func() { fmt.Println("not called") })
	fmt.Println("once2 done")

	// Cond with no waiter: Signal and Broadcast do nothing.
	cond := sync.NewCond(&mu)
	cond.Signal()
	cond.Broadcast()
	fmt.Println(cond.L == &mu)

	// Map.
	var m sync.Map
	fmt.Println(m.Load("x"))
	m.Store("x", 1)
	m.Store("y", 2)
	m.Store(3, "three")
	fmt.Println(m.Load("x"))
	fmt.Println(m.LoadOrStore("x", 10))
	fmt.Println(m.LoadOrStore("z", 26))
	fmt.Println(m.LoadAndDelete("y"))
	fmt.Println(m.LoadAndDelete("y"))
	m.Delete("nothing")
	m.Delete(3)
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		m.Store("added", true) // allowed inside Range
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return false
	})
	fmt.Println("stopped after", n)
	var empty sync.Map
	empty.Range(func(k, v any) bool { panic("empty") })
	empty.Delete(1)
	fmt.Println(empty.LoadAndDelete(1))
	catch("unhashable", func() { m.Store([]int{1}, 1) })

	// Pool.
	var p sync.Pool
	fmt.Println(p.Get())
	p.Put("a")
	p.Put(nil)
	fmt.Println(p.Get(), p.Get())
	made := 0
	bufs := sync.Pool{New: func() any { made++; return new(strings.Builder) }}
	b := bufs.Get().(*strings.Builder)
	b.WriteString("hello")
	bufs.Put(b)
	b2 := bufs.Get().(*strings.Builder)
	fmt.Println(b2 == b, b2.String(), made)
	bufs.Get()
	fmt.Println("made", made)
}
