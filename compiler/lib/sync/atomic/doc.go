// Package atomic, as shipped with golift: atomic memory operations (load, store, add, swap,
// compare-and-swap) on integers, and the types Int32, Int64, Uint32, Uint64, Uintptr, Bool,
// Value and the generic Pointer[T] built on them.
//
// Why plain Go is atomic here: golift runs every goroutine on one P, so only one goroutine
// runs at any moment, and the scheduler can take the processor away from it only where the
// compiled code checks the stack guard: at the entry of a Go function and at a loop's
// back-edge (or when it blocks). The functions of this package have no loops and call no
// Go function between reading and writing the memory, so no other goroutine can run in
// between: each is one indivisible step, which is all "atomic" promises.
//
// What more Ps would need: with goroutines running at the same time on several threads,
// the read-modify-write `*addr += delta` is three machine steps that another core can
// interleave with its own. gc implements these functions in assembly with the processor's
// atomic instructions (LOCK XADDL, LOCK CMPXCHGQ, XCHGQ on amd64; LDADDAL, CASAL, SWPAL or
// load-exclusive/store-exclusive loops on arm64), which also act as memory barriers so that
// other cores see the writes in order. golift would give these functions bodies in the
// runtime (Rust's core::sync::atomic compiles to exactly those instructions), or have the
// compiler emit the instructions inline, as gc does.
//
// The exception: the functions on unsafe.Pointer (LoadPointer, StorePointer, SwapPointer,
// CompareAndSwapPointer) are in the runtime already, with real atomic instructions
// (unsafepointer.go).
package atomic
