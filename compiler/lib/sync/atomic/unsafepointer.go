// The functions on unsafe.Pointer words are in the runtime (runtime/src/atomic.rs), as gc's
// are in assembly: they use the processor's atomic instructions, and escape analysis cannot
// see into them, so their arguments escape, as gc's -m reports.
package atomic

import "unsafe"

// LoadPointer returns *addr.
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)

// StorePointer stores val into *addr.
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)

// SwapPointer stores new into *addr and returns the previous value.
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)

// CompareAndSwapPointer stores new into *addr if *addr is old, and reports whether it did.
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)
