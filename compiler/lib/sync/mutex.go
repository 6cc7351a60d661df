// Mutex: a mutual exclusion lock.
package sync

// A Mutex is a mutual exclusion lock. The zero value is an unlocked mutex. At most one
// goroutine holds it; the others that call Lock sleep until it is their turn.
//
// state packs two facts: bit 0 says whether the mutex is locked, and the bits above count
// the goroutines sleeping in Lock. sema is the semaphore they sleep on.
//
// Unlock with waiters hands the lock over directly: the mutex stays locked, and the woken
// goroutine returns from Lock owning it. So no goroutine can slip in between (gc gets the
// same fairness from its starvation mode), and Lock needs no retry loop.
type Mutex struct {
	state int32
	sema  uint32
}

const (
	mutexLocked      = 1 // state bit 0: the mutex is held
	mutexWaiterShift = 1 // state >> mutexWaiterShift: goroutines sleeping in Lock
)

// Lock locks m. If the lock is already in use, the calling goroutine sleeps until the
// mutex is handed to it. The fast path, an unlocked mutex, is small enough to be inlined
// where Lock is called (as gc's is); the rest is lockSlow.
func (m *Mutex) Lock() {
	if m.state == 0 {
		m.state = mutexLocked
		return
	}
	m.lockSlow()
}

// lockSlow locks m when it may be in use. Kept out of line, so that Lock, whose fast path is
// a few instructions, can be inlined (as gc's is).
//
//go:noinline
func (m *Mutex) lockSlow() {
	if m.state&mutexLocked == 0 {
		m.state |= mutexLocked
		return
	}
	// Count ourselves as a waiter and sleep. Unlock takes us off the count when it hands
	// the mutex over, and leaves it locked for us.
	m.state += 1 << mutexWaiterShift
	runtime_SemacquireMutex(&m.sema, false, 1)
}

// TryLock tries to lock m and reports whether it succeeded. (Correct uses of TryLock are
// rare, as gc's documentation says: the answer may be out of date as soon as it is given.)
func (m *Mutex) TryLock() bool {
	if m.state&mutexLocked != 0 {
		return false
	}
	m.state |= mutexLocked
	return true
}

// Unlock unlocks m. It is a fatal error if m is not locked. A locked Mutex is not tied to
// a goroutine: one goroutine may lock it and another unlock it.
func (m *Mutex) Unlock() {
	// The fast path: locked, and nobody waits.
	if m.state == mutexLocked {
		m.state = 0
		return
	}
	m.unlockSlow()
}

// unlockSlow unlocks m when it may not be locked, or goroutines wait for it.
func (m *Mutex) unlockSlow() {
	if m.state&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	if m.state>>mutexWaiterShift == 0 {
		m.state = 0
		return
	}
	// Hand the lock to the longest waiter: it stays locked, one waiter fewer.
	m.state -= 1 << mutexWaiterShift
	runtime_Semrelease(&m.sema, true, 1)
}
