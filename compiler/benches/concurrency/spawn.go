// Goroutine creation and completion: 200,000 goroutines, each finishing at once.
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

func main() {
	const n = 200000
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			mu.Lock()
			sum += i
			mu.Unlock()
			wg.Done()
		}(i)
	}
	wg.Wait()
	el := time.Since(start)
	fmt.Println(sum)
	fmt.Fprintf(os.Stderr, "metric %.0f goroutines/s\n", n/el.Seconds())
}
