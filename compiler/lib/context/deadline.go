// timerCtx: a cancelCtx that also cancels itself at a deadline, on a time.Timer.
package context

import "time"

// A timerCtx is a cancelCtx with a deadline: a timer cancels it with DeadlineExceeded
// when the deadline comes. Cancelling it earlier stops the timer.
type timerCtx struct {
	cancelCtx
	timer    *time.Timer // nil once the timer is stopped (guarded by cancelCtx.mu)
	deadline time.Time
}

// WithDeadline returns a copy of parent whose deadline is no later than d. If parent's
// deadline is already earlier, the copy is WithCancel(parent): the parent's deadline will
// cancel it anyway. Otherwise its Done channel is closed when d passes, when the returned
// cancel function is called, or when parent's Done channel is closed, whichever is first.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent)
	}
	c := &timerCtx{cancelCtx: cancelCtx{Context: parent}, deadline: d}
	propagateCancel(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		// Too late already.
		c.cancel(true, DeadlineExceeded)
		return c, func() { c.cancel(false, Canceled) }
	}
	c.mu.Lock()
	if c.err == nil {
		// (The parent may have cancelled c in propagateCancel: then no timer is needed.)
		c.timer = time.AfterFunc(dur, func() {
			c.cancel(true, DeadlineExceeded)
		})
	}
	c.mu.Unlock()
	return c, func() { c.cancel(true, Canceled) }
}

// WithTimeout returns WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

func (c *timerCtx) Deadline() (deadline time.Time, ok bool) {
	return c.deadline, true
}

// String shows the deadline and the time left until it (negative once it has passed), as
// gc does: "context.Background.WithDeadline(2009-11-10 23:00:01 +0000 UTC m=+1.000 [999ms])".
func (c *timerCtx) String() string {
	return contextName(c.cancelCtx.Context) + ".WithDeadline(" +
		c.deadline.String() + " [" + time.Until(c.deadline).String() + "])"
}

// cancel cancels the embedded cancelCtx (and so the children), leaves the parent if
// asked to, and stops the timer.
func (c *timerCtx) cancel(removeFromParent bool, err error) {
	c.cancelCtx.cancel(false, err)
	if removeFromParent {
		// Removed as c, the timerCtx: that is what propagateCancel registered.
		removeChild(c.cancelCtx.Context, c)
	}
	c.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
}
