// Cond: a condition variable.
package sync

// Cond is a condition variable, a meeting point for goroutines waiting for, or announcing,
// that something happened. Each Cond has a Locker L (often a *Mutex), which must be held
// when changing the condition and when calling Wait.
type Cond struct {
	// L is held while observing or changing the condition.
	L Locker

	notify notifyList // the waiting goroutines, kept by the runtime
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends the calling goroutine; when woken by Signal or
// Broadcast, it locks c.L again before returning. Since the condition may have changed
// again by then, the caller usually waits in a loop:
//
//	c.L.Lock()
//	for !condition() {
//		c.Wait()
//	}
//	... use the condition ...
//	c.L.Unlock()
//
// The ticket taken before unlocking is what makes it atomic: a Signal sent after the
// Unlock but before this goroutine sleeps is not lost, it marks the ticket as notified.
func (c *Cond) Wait() {
	t := runtime_notifyListAdd(&c.notify)
	c.L.Unlock()
	runtime_notifyListWait(&c.notify, t)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c (the one waiting longest), if there is any.
// The caller may hold c.L, but need not.
func (c *Cond) Signal() {
	runtime_notifyListNotifyOne(&c.notify)
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	runtime_notifyListNotifyAll(&c.notify)
}
