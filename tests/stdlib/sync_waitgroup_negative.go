// A negative WaitGroup counter panics in the goroutine that calls Done once too often.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	done := make(chan bool)
	go func() {
		wg.Done()
		wg.Done()
		done <- true
	}()
	<-done
	fmt.Println("not reached")
}
