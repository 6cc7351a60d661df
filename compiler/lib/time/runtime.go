// The runtime's side of package time: functions declared here without a body are
// implemented in golift's Rust runtime (its scheduler keeps the timers), under the names
// time.Sleep, time.runtimeNano, ... .
package time

// Sleep pauses the current goroutine for at least the duration d; the others run
// meanwhile. A duration of zero or less returns at once.
func Sleep(d Duration)

// runtimeNano returns the monotonic clock in nanoseconds: it never goes back, even when
// the wall clock is set back, so it is what durations are measured with.
func runtimeNano() int64

// unixNano returns the wall clock: nanoseconds since January 1, 1970 UTC.
func unixNano() int64

// A runtimeTimer is the runtime's record of a timer, which lives in the scheduler's heap of
// timers. The runtime reads and writes it in place, so the fields must stay in this order
// (the issue 9 contract gives the layout).
type runtimeTimer struct {
	when   int64                      // runtimeNano() at which f is to run
	period int64                      // if > 0, f runs again every period nanoseconds
	f      func(arg any, seq uintptr) // run by the scheduler: must not block
	arg    any                        // f's first argument
	seq    uintptr                    // f's second argument
	idx    int                        // the runtime's: index in the heap, -1 when not in it
}

// startTimer puts t in the heap. stopTimer takes it out and reports whether it was there
// (false: it already ran, or was stopped). resetTimer moves it to run at when (putting it
// back if need be) and reports whether it was still pending.
func startTimer(t *runtimeTimer)
func stopTimer(t *runtimeTimer) bool
func resetTimer(t *runtimeTimer, when int64) bool

// when returns the runtimeNano() time that is d from now, for a timer: a duration of zero
// or less means now, and a time beyond the int64 range means never (the largest int64).
func when(d Duration) int64 {
	if d <= 0 {
		return runtimeNano()
	}
	t := runtimeNano() + int64(d)
	if t < 0 {
		t = 1<<63 - 1 // overflowed
	}
	return t
}
