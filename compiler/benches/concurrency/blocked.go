// 100,000 goroutines blocked on one channel at the same time, then released: the memory a
// parked goroutine costs (peak RSS is measured from outside).
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	const n = 100000
	gate := make(chan int)
	done := make(chan int, n)
	start := time.Now()
	for i := 0; i < n; i++ {
		go func(i int) {
			<-gate
			done <- i
		}(i)
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	close(gate)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	fmt.Println(sum)
	fmt.Fprintf(os.Stderr, "metric %.1f ms\n", float64(time.Since(start).Microseconds())/1000)
}
