// cancelCtx: a Context that can be cancelled, and how a cancellation reaches the
// contexts derived from it.
package context

import "sync"

// A cancelCtx can be cancelled. Cancelling it closes its done channel, records the
// error, and cancels each child that registered itself (see propagateCancel).
//
// The parent is embedded: Deadline and, through value, Value are the parent's.
type cancelCtx struct {
	Context

	mu       sync.Mutex            // guards the three fields below
	done     chan struct{}         // made on the first call of Done, or closedchan
	children map[canceler]struct{} // the children to cancel with it; nil once cancelled
	err      error                 // nil until cancelled, then Canceled or DeadlineExceeded
}

// A canceler is a context that can be cancelled directly: *cancelCtx or *timerCtx.
type canceler interface {
	cancel(removeFromParent bool, err error)
	Done() <-chan struct{}
}

// closedchan is the Done channel of a context cancelled before anybody asked for its
// channel: no need to make a channel only to close it. It is closed once, at start-up.
var closedchan = make(chan struct{})

func init() {
	close(closedchan)
}

// cancelCtxKey is the key of a private question, asked through Value: "which cancelCtx
// are you, or stand for?" Only its address is used; no user key can equal it.
var cancelCtxKey int

// WithCancel returns a copy of parent with a new Done channel, closed when the returned
// cancel function is called or when parent's Done channel is closed, whichever happens
// first. Cancel the context as soon as its work is done, to release what it holds (its
// place among its parent's children, or a watching goroutine).
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{Context: parent}
	propagateCancel(parent, c)
	return c, func() { c.cancel(true, Canceled) }
}

func (c *cancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return c
	}
	return value(c.Context, key)
}

// Done makes the channel on first use: a context that nobody waits on never needs one.
func (c *cancelCtx) Done() <-chan struct{} {
	c.mu.Lock()
	if c.done == nil {
		c.done = make(chan struct{})
	}
	d := c.done
	c.mu.Unlock()
	return d
}

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *cancelCtx) String() string {
	return contextName(c.Context) + ".WithCancel"
}

// cancel closes c's done channel, cancels each of c's children with the same error and,
// if removeFromParent, takes c off its parent's list of children. Only the first call
// does anything: a context is cancelled once, with the first error.
//
// A parent cancelling its children calls them with removeFromParent false: the parent
// drops its whole list itself (and holds its own mutex, which removeChild would take).
func (c *cancelCtx) cancel(removeFromParent bool, err error) {
	if err == nil {
		panic("context: internal error: missing cancel error")
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	if c.done == nil {
		c.done = closedchan
	} else {
		close(c.done)
	}
	children := c.children
	c.children = nil
	c.mu.Unlock()

	// The children are cancelled after c's mutex is released, so that a child never waits
	// for its parent's mutex while the parent waits for the child's. (A map's order is
	// unspecified, as in gc: nobody may rely on the order in which children are cancelled.)
	for child := range children {
		child.cancel(false, err)
	}
	if removeFromParent {
		removeChild(c.Context, c)
	}
}

// propagateCancel arranges for child to be cancelled when parent is. Three cases:
//   - parent can never be cancelled (Done returns nil): nothing to do;
//   - parent is already cancelled: cancel child now, with parent's error;
//   - parent is (or stands for) one of this package's cancelCtx: register child in its
//     children, so that its cancel reaches child directly;
//   - otherwise parent is some other implementation of Context: a goroutine waits for
//     either parent's or child's Done channel to be closed.
func propagateCancel(parent Context, child canceler) {
	done := parent.Done()
	if done == nil {
		return
	}
	select {
	case <-done:
		child.cancel(false, parent.Err())
		return
	default:
	}

	if p, ok := parentCancelCtx(parent); ok {
		p.mu.Lock()
		err := p.err
		if err == nil {
			if p.children == nil {
				p.children = make(map[canceler]struct{})
			}
			p.children[child] = struct{}{}
		}
		p.mu.Unlock()
		if err != nil {
			// Cancelled between the select above and the lock.
			child.cancel(false, err)
		}
		return
	}

	go func() {
		select {
		case <-parent.Done():
			child.cancel(false, parent.Err())
		case <-child.Done():
		}
	}()
}

// parentCancelCtx returns the cancelCtx that parent stands for, if parent's Done channel
// is that cancelCtx's own channel. A context type that wraps a cancelCtx and passes Value
// through (a valueCtx does; so may a user's type) answers the private question
// Value(&cancelCtxKey) with the cancelCtx inside; if it also returns the inner Done
// channel, the child can register there directly. A wrapper with a Done channel of its
// own cannot be bypassed.
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == closedchan || done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok {
		return nil, false
	}
	p.mu.Lock()
	pdone := p.done
	p.mu.Unlock()
	if (<-chan struct{})(pdone) != done {
		return nil, false
	}
	return p, true
}

// removeChild takes child off the list of children of the cancelCtx that parent stands
// for, if any.
func removeChild(parent Context, child canceler) {
	p, ok := parentCancelCtx(parent)
	if !ok {
		return
	}
	p.mu.Lock()
	if p.children != nil {
		delete(p.children, child)
	}
	p.mu.Unlock()
}
