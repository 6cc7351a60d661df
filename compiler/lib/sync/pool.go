// Pool: a cache of temporary objects, in its simplest form.
package sync

// A Pool is a set of temporary objects that may be saved (Put) and retrieved (Get) to
// spare the allocator and the garbage collector: a typical use is a pool of buffers.
// Items in a Pool may disappear at any time; a program must not rely on getting back what
// it put.
//
// gc keeps one small cache per P and empties the pool across two garbage collections.
// golift's Pool is a plain stack of items: the last one Put is the first one Get returns
// (as gc does when one goroutine puts and gets). Unlike gc's, it is not emptied by the
// collector, so it holds as many items as were put and not taken out.
type Pool struct {
	items []any

	// New, if not nil, makes a value for Get to return when the Pool is empty.
	New func() any
}

// Put adds x to the pool. Putting nil does nothing.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.items = append(p.items, x)
}

// Get removes an item from the Pool and returns it. When the Pool is empty, it returns
// the result of calling p.New, or nil if New is nil.
func (p *Pool) Get() any {
	n := len(p.items)
	if n == 0 {
		if p.New != nil {
			return p.New()
		}
		return nil
	}
	x := p.items[n-1]
	p.items[n-1] = nil // do not keep it alive from the unused part of the slice
	p.items = p.items[:n-1]
	return x
}
