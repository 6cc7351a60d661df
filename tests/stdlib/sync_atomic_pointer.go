// sync/atomic.Pointer[T], Go 1.19's generic atomic pointer: Load, Store, Swap and
// CompareAndSwap on a *T, shared by goroutines.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Version int
}

func main() {
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)

	first := &Config{"first", 1}
	p.Store(first)
	fmt.Println(p.Load().Name, p.Load().Version)

	second := &Config{"second", 2}
	old := p.Swap(second)
	fmt.Println(old.Name, p.Load().Name)

	fmt.Println(p.CompareAndSwap(first, &Config{"never", 0}))
	fmt.Println(p.CompareAndSwap(second, first), p.Load().Name)

	// Many goroutines publish new versions; each reads a consistent one.
	var wg sync.WaitGroup
	var cur atomic.Pointer[int]
	zero := 0
	cur.Store(&zero)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				o := cur.Load()
				n := *o + 1
				if cur.CompareAndSwap(o, &n) {
					return
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(*cur.Load())
	fmt.Printf("%T\n", &p)
}
