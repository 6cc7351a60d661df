// RUnlock without RLock is a fatal error.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	fmt.Println("read-unlocking an unlocked RWMutex")
	rw.RUnlock()
}
