// A counter shared by 100 goroutines, protected by a sync.Mutex, with a sync.Once and an
// RWMutex-protected map beside it.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

type Registry struct {
	mu    sync.RWMutex
	names map[string]int
}

func (r *Registry) Add(name string) {
	r.mu.Lock()
	r.names[name]++
	r.mu.Unlock()
}

func (r *Registry) Get(name string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.names[name]
}

func main() {
	var c Counter
	var once sync.Once
	var wg sync.WaitGroup
	reg := &Registry{names: map[string]int{}}
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			once.Do(func() { fmt.Println("initialised once") })
			for k := 0; k < 1000; k++ {
				c.Inc()
			}
			reg.Add(fmt.Sprint("g", i%3))
		}(i)
	}
	wg.Wait()
	fmt.Println("count:", c.n)
	fmt.Println("g0:", reg.Get("g0"), "g1:", reg.Get("g1"), "g2:", reg.Get("g2"))
}
