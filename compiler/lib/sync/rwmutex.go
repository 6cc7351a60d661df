// RWMutex: a reader/writer mutual exclusion lock.
package sync

// An RWMutex is a reader/writer mutual exclusion lock: it is held by any number of readers
// or by one writer. The zero value is an unlocked mutex.
//
// As in gc, a writer that calls Lock keeps new readers out: readers that arrive while a
// writer holds the lock or waits for it sleep until it unlocks, so a stream of readers
// cannot starve a writer. Writers take turns on the Mutex w.
//
// The fields:
//   - readers: readers holding the lock now;
//   - writer: a writer holds the lock, or waits for the readers to leave;
//   - readersWaiting: readers sleeping until the writer unlocks;
//   - writerSem: where the writer sleeps until the last reader leaves;
//   - readerSem: where readers sleep until the writer unlocks.
type RWMutex struct {
	w              Mutex
	writer         bool
	readers        int32
	readersWaiting int32
	writerSem      uint32
	readerSem      uint32
}

// RLock locks rw for reading. It should not be used for recursive read locking: a blocked
// Lock call keeps new readers out, the recursive RLock included.
func (rw *RWMutex) RLock() {
	if rw.writer {
		// The writer's Unlock counts us among the readers before waking us.
		rw.readersWaiting++
		runtime_SemacquireRWMutexR(&rw.readerSem, false, 0)
		return
	}
	rw.readers++
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	if rw.writer {
		return false
	}
	rw.readers++
	return true
}

// RUnlock undoes one RLock call. It is a fatal error if rw is not locked for reading.
func (rw *RWMutex) RUnlock() {
	// The fast path, small enough to inline (as gc's is): another reader stays.
	if rw.readers > 1 {
		rw.readers--
		return
	}
	rw.rUnlockSlow()
}

// rUnlockSlow undoes an RLock that may leave no reader: the last reader to leave wakes a
// writer waiting for the readers. It reads the state again (the call may have let other
// goroutines run). It is a fatal error if rw is not locked for reading.
func (rw *RWMutex) rUnlockSlow() {
	if rw.readers <= 0 {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	rw.readers--
	if rw.readers == 0 && rw.writer {
		// The last reader leaves: the waiting writer may go on.
		runtime_Semrelease(&rw.writerSem, false, 1)
	}
}

// Lock locks rw for writing: it waits for the other writers (on w), keeps new readers
// out, then waits for the readers inside to leave.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	rw.writer = true
	if rw.readers > 0 {
		runtime_SemacquireRWMutex(&rw.writerSem, false, 0)
	}
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if rw.readers > 0 {
		rw.w.Unlock()
		return false
	}
	rw.writer = true
	return true
}

// Unlock unlocks rw for writing. It is a fatal error if rw is not locked for writing.
// The readers that arrived meanwhile all get the lock, then the next writer may have it.
func (rw *RWMutex) Unlock() {
	if !rw.writer {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	rw.writer = false
	// Let the waiting readers in: count them as holders first, then wake them.
	n := rw.readersWaiting
	rw.readersWaiting = 0
	rw.readers += n
	for i := int32(0); i < n; i++ {
		runtime_Semrelease(&rw.readerSem, false, 0)
	}
	rw.w.Unlock()
}

// RLocker returns a Locker whose Lock and Unlock call rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
