// Package sync, as shipped with golift: mutual exclusion locks (Mutex, RWMutex), WaitGroup,
// Once, Cond, and simple versions of Map and Pool.
//
// How they can be so simple: golift runs every goroutine on one P (GOMAXPROCS=1), and the
// scheduler switches goroutines only when one blocks (a channel operation, a semaphore,
// Sleep, ...) or when it is preempted, which can happen only where the compiled code
// checks the stack guard: at the entry of a Go function and at a loop's back-edge. So a
// stretch of Go code without calls to Go functions, without loops and without blocking
// calls runs without interruption: it is atomic. The methods here read and change their
// state in such stretches, and block by calling the runtime's semaphores (runtime.go).
//
// Go's own sync (gc) must work with many Ps running at once: it changes its state with
// atomic instructions (compare-and-swap), spins before sleeping, and its Mutex switches to
// a "starvation mode" so that a waiter is not overtaken for ever. None of that is needed
// with one P; the state machines below keep only what one P needs: who holds the lock and
// how many goroutines wait for it. They would need gc's atomic versions to run on more Ps.
package sync

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}
