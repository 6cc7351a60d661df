// Timer, After and AfterFunc: single events in the future, on the runtime's timers.
// (This file and tick.go need channels: they compile once golift has them.)
package time

// The Timer type represents a single event. When the Timer expires, the current time is
// sent on C, unless the Timer was made by AfterFunc. A Timer must be made with NewTimer
// or AfterFunc.
type Timer struct {
	C <-chan Time
	r runtimeTimer
}

// NewTimer creates a new Timer that will send the current time on its channel after at
// least duration d.
//
// The channel has a buffer of one: the scheduler runs the timer's function (sendTime),
// which must not block, and a receiver may come later.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{
		C: c,
		r: runtimeTimer{when: when(d), f: sendTime, arg: c, idx: -1},
	}
	startTimer(&t.r)
	return t
}

// Stop prevents the Timer from firing. It returns true if the call stops the timer, false
// if the timer has already expired or been stopped. Stop does not close the channel, and
// does not drain it: a value already sent stays there.
func (t *Timer) Stop() bool {
	if t.r.f == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(&t.r)
}

// Reset changes the timer to expire after duration d. It returns true if the timer had
// been active, false if the timer had expired or been stopped. (For a Timer from NewTimer,
// Reset should be called only on a stopped or expired timer with a drained channel.)
func (t *Timer) Reset(d Duration) bool {
	if t.r.f == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(&t.r, when(d))
}

// sendTime is the function of a channel timer: it sends the current time on the channel c
// without blocking. If the buffer is full (nobody took the last tick), the time is dropped.
func sendTime(c any, seq uintptr) {
	select {
	case c.(chan Time) <- Now():
	default:
	}
}

// After waits for the duration to elapse and then sends the current time on the returned
// channel. It is NewTimer(d).C; the Timer cannot be stopped, so it stays in the runtime's
// heap until it fires.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine. It
// returns a Timer whose Stop method cancels the call. Its C is nil.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{
		r: runtimeTimer{when: when(d), f: goFunc, arg: f, idx: -1},
	}
	startTimer(&t.r)
	return t
}

// goFunc is the function of an AfterFunc timer: the scheduler runs it and must not wait
// for f, so f gets a goroutine of its own.
func goFunc(arg any, seq uintptr) {
	go arg.(func())()
}
