// Two goroutines pass a value back and forth over unbuffered channels: the cost of one
// round trip (two sends, two receives, two goroutine switches).
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	const n = 500000
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	start := time.Now()
	v := 0
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	el := time.Since(start)
	close(ping)
	fmt.Println(v)
	fmt.Fprintf(os.Stderr, "metric %.1f ns/round-trip\n", float64(el.Nanoseconds())/n)
}
