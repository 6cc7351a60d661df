// The atomic functions on integers: Swap, CompareAndSwap, Add, Load and Store for each of
// int32, int64, uint32, uint64 and uintptr. Each body is a single step with no call and no
// loop, so with one P it runs without another goroutine in between (see doc.go).
package atomic

// SwapInt32 stores new into *addr and returns the previous value.
func SwapInt32(addr *int32, new int32) (old int32) {
	old = *addr
	*addr = new
	return old
}

// CompareAndSwapInt32 stores new into *addr if *addr is old, and reports whether it did.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// AddInt32 adds delta to *addr and returns the new value.
func AddInt32(addr *int32, delta int32) (new int32) {
	*addr += delta
	return *addr
}

// LoadInt32 returns *addr.
func LoadInt32(addr *int32) (val int32) {
	return *addr
}

// StoreInt32 stores val into *addr.
func StoreInt32(addr *int32, val int32) {
	*addr = val
}

// SwapInt64 stores new into *addr and returns the previous value.
func SwapInt64(addr *int64, new int64) (old int64) {
	old = *addr
	*addr = new
	return old
}

// CompareAndSwapInt64 stores new into *addr if *addr is old, and reports whether it did.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// AddInt64 adds delta to *addr and returns the new value.
func AddInt64(addr *int64, delta int64) (new int64) {
	*addr += delta
	return *addr
}

// LoadInt64 returns *addr.
func LoadInt64(addr *int64) (val int64) {
	return *addr
}

// StoreInt64 stores val into *addr.
func StoreInt64(addr *int64, val int64) {
	*addr = val
}

// SwapUint32 stores new into *addr and returns the previous value.
func SwapUint32(addr *uint32, new uint32) (old uint32) {
	old = *addr
	*addr = new
	return old
}

// CompareAndSwapUint32 stores new into *addr if *addr is old, and reports whether it did.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// AddUint32 adds delta to *addr and returns the new value.
// (To subtract a constant c, add ^uint32(c-1): unsigned values have no negative deltas.)
func AddUint32(addr *uint32, delta uint32) (new uint32) {
	*addr += delta
	return *addr
}

// LoadUint32 returns *addr.
func LoadUint32(addr *uint32) (val uint32) {
	return *addr
}

// StoreUint32 stores val into *addr.
func StoreUint32(addr *uint32, val uint32) {
	*addr = val
}

// SwapUint64 stores new into *addr and returns the previous value.
func SwapUint64(addr *uint64, new uint64) (old uint64) {
	old = *addr
	*addr = new
	return old
}

// CompareAndSwapUint64 stores new into *addr if *addr is old, and reports whether it did.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// AddUint64 adds delta to *addr and returns the new value.
// (To subtract a constant c, add ^uint64(c-1): unsigned values have no negative deltas.)
func AddUint64(addr *uint64, delta uint64) (new uint64) {
	*addr += delta
	return *addr
}

// LoadUint64 returns *addr.
func LoadUint64(addr *uint64) (val uint64) {
	return *addr
}

// StoreUint64 stores val into *addr.
func StoreUint64(addr *uint64, val uint64) {
	*addr = val
}

// SwapUintptr stores new into *addr and returns the previous value.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) {
	old = *addr
	*addr = new
	return old
}

// CompareAndSwapUintptr stores new into *addr if *addr is old, and reports whether it did.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// AddUintptr adds delta to *addr and returns the new value.
// (To subtract a constant c, add ^uintptr(c-1): unsigned values have no negative deltas.)
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	*addr += delta
	return *addr
}

// LoadUintptr returns *addr.
func LoadUintptr(addr *uintptr) (val uintptr) {
	return *addr
}

// StoreUintptr stores val into *addr.
func StoreUintptr(addr *uintptr, val uintptr) {
	*addr = val
}
