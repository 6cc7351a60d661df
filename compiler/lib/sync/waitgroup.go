// WaitGroup: waiting for a collection of goroutines to finish.
package sync

// A WaitGroup waits for a collection of goroutines to finish: the main goroutine calls Add
// with the number of goroutines to wait for, each of them calls Done when it finishes, and
// Wait sleeps until all have. The zero value is ready to use.
//
// counter is the number of goroutines still to finish, waiters the number of goroutines
// sleeping in Wait, on the semaphore sema.
type WaitGroup struct {
	counter int32
	waiters int32
	sema    uint32
}

// Add adds delta, which may be negative, to the counter. When the counter becomes zero,
// every goroutine sleeping in Wait is woken. A counter below zero panics.
//
// Calls with a positive delta that start from a zero counter must come before Wait (as in
// gc, typically before the go statement that starts the goroutine). gc also panics when it
// catches Add racing with a Wait that is returning; here the counter of waiters is reset
// the moment they are woken, so the WaitGroup is ready for reuse at once and there is no
// such race to catch.
func (wg *WaitGroup) Add(delta int) {
	wg.counter += int32(delta)
	if wg.counter < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if wg.counter > 0 || wg.waiters == 0 {
		return
	}
	// The counter reached zero: wake every waiter. The count is reset first, so that the
	// WaitGroup can be used again as soon as this returns.
	n := wg.waiters
	wg.waiters = 0
	for i := int32(0); i < n; i++ {
		runtime_Semrelease(&wg.sema, false, 0)
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait sleeps until the counter is zero. It is not inlined where it is called, as in gc
// (whose Wait is too big to inline), so that -m reports the same calls.
//
//go:noinline
func (wg *WaitGroup) Wait() {
	if wg.counter == 0 {
		return
	}
	wg.waiters++
	runtime_Semacquire(&wg.sema)
}
