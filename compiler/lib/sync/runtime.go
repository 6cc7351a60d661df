// The runtime's side of package sync: functions declared here without a body are
// implemented in golift's Rust runtime (runtime/src/sema.rs and friends), under the same
// names as in gc's runtime (sync.runtime_Semacquire, ...).
package sync

// A semaphore is a uint32 counter in the sync object. runtime_Semacquire waits until *s > 0
// and then decrements it; runtime_Semrelease increments *s and wakes one goroutine waiting
// on s, if any. Because the count is kept, a release that comes before the acquire is not
// lost: the acquire then returns at once.
func runtime_Semacquire(s *uint32)

// The same, with the wait reason that a deadlock report prints for a Mutex
// ("sync.Mutex.Lock") and for an RWMutex's readers and writers ("sync.RWMutex.RLock",
// "sync.RWMutex.Lock"). lifo asks to be queued first (gc uses it for a waiter that was
// already woken once); skipframes is for gc's profiler.
func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)
func runtime_SemacquireRWMutexR(s *uint32, lifo bool, skipframes int)
func runtime_SemacquireRWMutex(s *uint32, lifo bool, skipframes int)

// runtime_Semrelease: see above. handoff asks to run the woken goroutine at once.
func runtime_Semrelease(s *uint32, handoff bool, skipframes int)

// A notifyList is the queue of goroutines waiting in Cond.Wait, kept by the runtime.
// Waiters take tickets in order (wait is the next ticket to give out, notify the next
// ticket to wake), so a Signal wakes the goroutine that has waited longest. head and tail
// point to the runtime's records of the sleeping goroutines (golift has no unsafe.Pointer,
// so they are uintptrs here; the runtime keeps those records reachable itself).
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uintptr
	head   uintptr
	tail   uintptr
}

// runtime_notifyListAdd hands out the next ticket; runtime_notifyListWait sleeps until that
// ticket has been notified (at once if it already was).
func runtime_notifyListAdd(l *notifyList) uint32
func runtime_notifyListWait(l *notifyList, t uint32)

// runtime_notifyListNotifyAll wakes every waiter; runtime_notifyListNotifyOne the oldest.
func runtime_notifyListNotifyAll(l *notifyList)
func runtime_notifyListNotifyOne(l *notifyList)

// fatal ends the program with "fatal error: " + s, as gc's throw: unlike a panic it cannot
// be recovered (unlocking an unlocked Mutex means the program's locking is broken).
func fatal(s string)
