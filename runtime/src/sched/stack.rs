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
//! goroutines go on a free list (an array outside the stacks) and are reused, the most
//! recently freed first. At most `CACHED` free stacks keep their memory; beyond that, the
//! oldest free stack's memory goes back to the OS at once, and after each collection every
//! free stack's does: a burst of goroutines does not keep its memory for ever.
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

/// Free stacks that keep their memory.
const CACHED: usize = 64;

/// Free stacks given back to the OS together, beyond CACHED.
const BATCH: usize = 64;

/// g0's stack size.
pub const G0_STACK: usize = 256 << 10;

struct Pool {
    /// The unused rest of the current region.
    next: usize,
    end: usize,
    /// Free stacks (their `lo`), the most recently freed last: `free[..released]` have
    /// given their memory back, the rest may hold some.
    free: *mut usize,
    len: usize,
    cap: usize,
    released: usize,
    /// Stacks handed out and not freed.
    inuse: usize,
}

static mut POOL: Pool = Pool { next: 0, end: 0, free: core::ptr::null_mut(), len: 0, cap: 0, released: 0, inuse: 0 };

/// A stack for a goroutine about to run: its [lo, hi).
pub unsafe fn stackalloc() -> super::Stack {
    let pool = &mut *core::ptr::addr_of_mut!(POOL);
    pool.inuse += 1;
    if pool.len > 0 {
        pool.len -= 1;
        let lo = *pool.free.add(pool.len);
        if pool.released > pool.len {
            pool.released = pool.len;
            if !os::stack_commit(lo as *mut u8, STACK_SIZE) {
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
    if pool.len == pool.cap {
        let cap = (pool.cap * 2).max(1024);
        let p = os::mmap(cap * 8) as *mut usize;
        if p.is_null() {
            crate::panic::fatal(b"runtime: out of memory");
        }
        if pool.len > 0 {
            core::ptr::copy_nonoverlapping(pool.free, p, pool.len);
            // The old array's memory goes back; its addresses stay reserved.
            os::release(pool.free as *mut u8, pool.cap * 8);
        }
        pool.free = p;
        pool.cap = cap;
    }
    *pool.free.add(pool.len) = s.lo;
    pool.len += 1;
    if pool.len - pool.released >= CACHED + BATCH {
        release_stacks(pool.released, pool.released + BATCH);
    }
}

/// Gives the memory of the free stacks back to the OS (after a collection).
pub unsafe fn release_free() {
    let pool = &*core::ptr::addr_of!(POOL);
    release_stacks(pool.released, pool.len);
}

/// Gives back the memory of free stacks free[from..to) (the oldest unreleased ones), in as
/// few calls as their addresses allow.
unsafe fn release_stacks(from: usize, to: usize) {
    let pool = &mut *core::ptr::addr_of_mut!(POOL);
    let stacks = core::slice::from_raw_parts_mut(pool.free.add(from), to - from);
    crate::sort::sort_by_key(stacks, |&lo| lo);
    let mut runs = Runs::new();
    for &lo in stacks.iter() {
        runs.add(lo, lo, lo + STACK_SIZE);
    }
    runs.finish();
    pool.released = to;
}

/// Gives memory of neighbouring stacks back to the OS in one call: `add(lo, from, hi)`
/// releases [from, hi) of the stack [lo, hi), in increasing address order; releases of
/// stacks that follow each other in memory are merged, with the part of each stack below
/// its `from` (unused: below a parked goroutine's stack pointer) in between. A madvise
/// costs a TLB flush, and 100,000 goroutines ending one after another free their stacks
/// in address order. (Not on Windows, where a decommit may not cross from one reserved
/// region into the next.)
pub struct Runs {
    from: usize,
    hi: usize,
}

impl Runs {
    pub const fn new() -> Runs {
        Runs { from: 0, hi: 0 }
    }

    pub unsafe fn add(&mut self, lo: usize, from: usize, hi: usize) {
        if self.hi != 0 && (cfg!(windows) || self.hi != lo) {
            self.finish();
        }
        if self.hi == 0 {
            self.from = from;
        }
        self.hi = hi;
    }

    pub unsafe fn finish(&mut self) {
        if self.hi != 0 {
            os::release(self.from as *mut u8, self.hi - self.from);
        }
        self.hi = 0;
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
