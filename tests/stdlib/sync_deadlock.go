// Locking a Mutex twice in the only goroutine: every goroutine is asleep.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locking again")
	mu.Lock()
}
