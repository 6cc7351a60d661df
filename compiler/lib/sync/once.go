// Once: an action performed exactly once.
package sync

// A Once performs exactly one action: the first call of Do runs its function, later calls
// do nothing. The zero value is ready to use.
type Once struct {
	done uint32 // 1 once the function has returned (or panicked)
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time for this Once.
//
// Every call of Do returns only after f has returned: a second goroutine calling Do while
// the first is still running f sleeps on the mutex until f is done. If f panics, Do
// considers it returned: later calls of Do do not call f. f must not call Do on the same
// Once: that waits for itself for ever.
func (o *Once) Do(f func()) {
	if o.done == 0 {
		// The fast path above is a single test, so that Do can be inlined cheaply; the
		// rest is out of line, as in gc.
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer o.markDone()
		f()
	}
}

func (o *Once) markDone() {
	o.done = 1
}
