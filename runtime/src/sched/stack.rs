//! Goroutine stacks (gc's stackalloc and stackfree, with fixed-size stacks): carved out of
//! large reserved regions, with no guard pages between them (two mappings per stack would
//! hit Linux's limit of 65530 mappings long before 100,000 goroutines). Overflow is caught
//! by the stackguard check of compiled code instead (preempt.rs): a goroutine's guard is
//! 64 KiB above the bottom of its stack, a red zone where the runtime's Rust code, called
//! from Go, still has room.
//!
//! On Linux and Darwin a stack is 1 MiB of address space, reserved with MAP_NORESERVE: only
//! the pages a goroutine touches take memory. Windows has no such overcommit, so a stack
//! there is smaller, 512 KiB, committed when the stack is first handed out. (A stack that
//! Windows grows through a guard page, as it grows threads' and fibers' stacks, would commit
//! only what is used; but its committed and reserved parts are two mappings for wine, and
//! 100,000 goroutines would then pass Linux's limit of 65530 mappings.) Stacks of finished
//! goroutines go on a free list and are reused. After each collection (gc frees stacks at
//! that point too) the memory of free stacks goes back to the OS but for their top page,
//! which holds the free list's links: a burst of deep goroutines does not keep its memory
//! for ever.
//!
//! The scheduler's own g0 stack is allocated apart, with a guard page below it.
use crate::os;

#[cfg(not(windows))]
pub const STACK_SIZE: usize = 1 << 20;
#[cfg(windows)]
pub const STACK_SIZE: usize = 512 << 10;

/// The red zone under the stackguard.
pub const RED_ZONE: usize = 64 << 10;

/// Stacks per reserved region.
const PER_REGION: usize = 64;

/// g0's stack size.
pub const G0_STACK: usize = 256 << 10;

struct Pool {
    /// The unused rest of the current region.
    next: usize,
    end: usize,
    /// Freed stacks, linked through their highest word (on a page the goroutine touched:
    /// the lowest would commit one more page per stack).
    free: usize,
    /// Stacks handed out and not freed.
    inuse: usize,
    /// Free stacks whose memory may still be committed (the first `unreleased` of the list:
    /// stacks are freed at the head, and released from the head at each collection).
    unreleased: usize,
}

static mut POOL: Pool = Pool { next: 0, end: 0, free: 0, inuse: 0, unreleased: 0 };

/// The top page, kept when a free stack is released: the free list's links are there.
const TOP_PAGE: usize = 4096;

/// A free stack's words in its top page: the next free stack, and whether its memory was
/// released.
unsafe fn link(lo: usize) -> *mut usize {
    (lo + STACK_SIZE - 8) as *mut usize
}
unsafe fn released(lo: usize) -> *mut usize {
    (lo + STACK_SIZE - 16) as *mut usize
}

/// A stack for a new goroutine: its [lo, hi).
pub unsafe fn stackalloc() -> super::Stack {
    let pool = &mut *core::ptr::addr_of_mut!(POOL);
    pool.inuse += 1;
    if pool.free != 0 {
        let lo = pool.free;
        pool.free = *link(lo);
        if pool.unreleased > 0 {
            pool.unreleased -= 1;
        }
        if *released(lo) != 0 {
            *released(lo) = 0;
            if !os::stack_commit(lo as *mut u8, STACK_SIZE - TOP_PAGE) {
                crate::panic::fatal(b"runtime: cannot allocate memory for goroutine stacks");
            }
        }
        return super::Stack { lo, hi: lo + STACK_SIZE };
    }
    if pool.next == pool.end {
        let len = STACK_SIZE * PER_REGION;
        let p = os::stack_reserve(len);
        if p.is_null() {
            crate::panic::fatal(b"runtime: cannot allocate memory for goroutine stacks");
        }
        pool.next = p as usize;
        pool.end = p as usize + len;
    }
    let lo = pool.next;
    pool.next += STACK_SIZE;
    if !os::stack_commit(lo as *mut u8, STACK_SIZE) {
        crate::panic::fatal(b"runtime: cannot allocate memory for goroutine stacks");
    }
    super::Stack { lo, hi: lo + STACK_SIZE }
}

/// Gives a finished goroutine's stack back to the pool.
pub unsafe fn stackfree(s: super::Stack) {
    let pool = &mut *core::ptr::addr_of_mut!(POOL);
    pool.inuse -= 1;
    *link(s.lo) = pool.free;
    *released(s.lo) = 0;
    pool.free = s.lo;
    pool.unreleased += 1;
}

/// Gives the memory of the free stacks back to the OS, but for their top pages (after a
/// collection).
pub unsafe fn release_free() {
    let pool = &mut *core::ptr::addr_of_mut!(POOL);
    let mut lo = pool.free;
    while pool.unreleased > 0 && lo != 0 {
        if *released(lo) == 0 {
            os::release(lo as *mut u8, STACK_SIZE - TOP_PAGE);
            *released(lo) = 1;
        }
        pool.unreleased -= 1;
        lo = *link(lo);
    }
}

/// The g0 stack: G0_STACK bytes above a guard page that faults.
pub unsafe fn g0alloc() -> super::Stack {
    const PAGE: usize = 64 << 10;
    let p = os::mmap(G0_STACK + PAGE);
    if p.is_null() {
        crate::panic::fatal(b"runtime: cannot allocate the scheduler's stack");
    }
    os::protect_none(p, PAGE);
    super::Stack { lo: p as usize + PAGE, hi: p as usize + PAGE + G0_STACK }
}
