// A panic that no deferred call recovers ends the whole program, whichever goroutine it
// happens in; a goroutine's own deferred calls still run first.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered in goroutine:", r)
			}
		}()
		var m map[string]int
		m["x"] = 1
	}()
	wg.Wait()
	done := make(chan bool)
	go func() {
		defer fmt.Println("deferred in the failing goroutine")
		var s []int
		_ = s[3]
		done <- true
	}()
	<-done
	fmt.Println("not reached")
}
