//! The runtime half of package sync/atomic: the operations on `unsafe.Pointer` words
//! (LoadPointer, StorePointer, SwapPointer, CompareAndSwapPointer).
//!
//! The integer operations are plain Go in the package (with one P nothing can run between
//! their read and their write; see its doc.go). These four are here, as in gc, where they
//! are assembly: they use the processor's atomic instructions (core::sync::atomic compiles to
//! XCHG / LOCK CMPXCHG on amd64, SWPAL / CASAL or exclusive pairs on arm64), so they stay
//! correct when more Ps run at once. Being opaque to escape analysis, their arguments are
//! treated as escaping, which is what gc's -m reports for them too.
//!
//! The collector stops the world and never runs inside these calls, so a plain atomic store
//! of a pointer needs no write barrier.
use core::sync::atomic::{AtomicPtr, Ordering::SeqCst};

unsafe fn word<'a>(addr: *mut *mut u8) -> &'a AtomicPtr<u8> {
    // A nil addr is gc's nil-dereference panic, as its assembly's faulting access gives.
    if addr.is_null() {
        crate::panic::panic_nil();
    }
    AtomicPtr::from_ptr(addr)
}

go_abi! {
    /// `LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)`
    #[export_name = "sync/atomic.LoadPointer"]
    pub unsafe extern "Go" fn load_pointer(addr: *mut *mut u8) -> *mut u8 {
        word(addr).load(SeqCst)
    }
}

go_abi! {
    /// `StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)`
    #[export_name = "sync/atomic.StorePointer"]
    pub unsafe extern "Go" fn store_pointer(addr: *mut *mut u8, val: *mut u8) {
        word(addr).store(val, SeqCst)
    }
}

go_abi! {
    /// `SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)`
    #[export_name = "sync/atomic.SwapPointer"]
    pub unsafe extern "Go" fn swap_pointer(addr: *mut *mut u8, new: *mut u8) -> *mut u8 {
        word(addr).swap(new, SeqCst)
    }
}

go_abi! {
    /// `CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)`
    #[export_name = "sync/atomic.CompareAndSwapPointer"]
    pub unsafe extern "Go" fn compare_and_swap_pointer(addr: *mut *mut u8, old: *mut u8, new: *mut u8) -> bool {
        word(addr).compare_exchange(old, new, SeqCst, SeqCst).is_ok()
    }
}
