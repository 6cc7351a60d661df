// Ticker and Tick: events repeated at a fixed interval, on the runtime's periodic timers.
// (This file needs channels, like sleep.go.)
package time

// A Ticker holds a channel that delivers the current time at intervals. Ticks that the
// receiver is too slow to take are dropped (the channel holds one), so the ticks adjust
// to a slow receiver.
type Ticker struct {
	C <-chan Time
	r runtimeTimer
}

// NewTicker returns a new Ticker that sends the time on its channel every d. d must be
// greater than zero. Stop the ticker to release its resources.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{
		C: c,
		r: runtimeTimer{when: when(d), period: int64(d), f: sendTime, arg: c, idx: -1},
	}
	startTimer(&t.r)
	return t
}

// Stop turns off a ticker: no more ticks are sent. Stop does not close the channel.
func (t *Ticker) Stop() {
	stopTimer(&t.r)
}

// Reset stops the ticker and resets its period to d; the next tick comes d after now.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r.f == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	t.r.period = int64(d)
	resetTimer(&t.r, when(d))
}

// Tick is NewTicker(d).C, for clients that never stop the ticker (it cannot be stopped, so
// it ticks for the rest of the program). It returns nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
