// Map: a map safe for concurrent use, in its simplest form.
package sync

// Map is like a Go map[any]any but safe for concurrent use by many goroutines. The zero
// value is an empty Map ready to use.
//
// gc's Map is built for many Ps: reads go to a read-only copy without locking, writes to a
// second map under a mutex, and the two are reconciled from time to time. golift's is the
// straightforward version: a plain map guarded by a Mutex. (With one P the mutex is never
// contended by running code; it matters only when a goroutine holding it is preempted.)
type Map struct {
	mu Mutex
	m  map[any]any
}

// Load returns the value stored under key, or nil; ok reports whether one was there.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return value, ok
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

// LoadOrStore returns the existing value for the key if present (loaded is true);
// otherwise it stores value and returns it (loaded is false).
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value if any; loaded
// reports whether the key was present.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return value, loaded
}

// Delete deletes the value for a key.
func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

// Range calls f for each key and value in the map, in no particular order, and stops if
// f returns false.
//
// As in gc, f may call any method of m (even Store or Delete): Range works on a snapshot
// of the entries taken at the start, so no lock is held while f runs. A key stored or
// deleted during the Range may or may not be visited (here: stored keys are not visited;
// deleted ones still are, with their value at the start).
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	values := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		values = append(values, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], values[i]) {
			break
		}
	}
}
