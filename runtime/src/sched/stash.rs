//! Parked stacks copied out. A goroutine's stack is a reserved region of which only the pages
//! it touched take memory (stack.rs): at least one page, 4 KiB, for a goroutine that has run
//! at all, however little of it the goroutine uses. gc's stacks start at 2 KiB and are copied
//! to a bigger place when they fill up; golift's never move (pointers into a stack stay
//! valid), so a parked goroutine costs a page where gc's costs 2 KiB.
//!
//! When very many goroutines are parked at once (a fan-out of 100,000 goroutines waiting on
//! one channel), that difference is most of the program's memory. So at most
//! `RESIDENT_PARKED` parked goroutines keep their stacks in memory: when one more parks, the
//! goroutine parked longest has the used part of its stack, [sp, hi), copied into a buffer
//! of its size (rounded up to `CLASS` bytes) and the stack's pages given back to the OS
//! (`BATCH` goroutines at a time: a madvise per stack would cost more than the copies).
//! When the goroutine runs again (`resumed`, called by `execute`), the copy goes back to the
//! same addresses, so nothing that points into the stack changes. A goroutine whose used
//! stack is larger than `MAX_STASH` keeps it.
//!
//! While a stack is copied out, the runtime reaches it through its copy:
//! - a waker hands a value to a sleeping receiver, or takes one from a sleeping sender,
//!   through the sudog's `elem`, which may point into the sleeper's stack (`locate`);
//! - the collector walks the copy as it would walk the stack, reading each address at its
//!   place in the copy (gc/stack.rs).
//! Nothing else reads another goroutine's stack: anything two goroutines share is on the
//! heap (escape analysis moves it there).
//!
//! The list of parked goroutines with their stacks in memory is kept in the order they
//! parked (doubly linked through the G), so a goroutine woken soon after it parks, as in a
//! ping-pong between two goroutines, is never copied: only the ones that wait longest are.
//!
//! Windows: not done. The collector walks runtime frames there with the OS's unwinder, which
//! reads the stack itself and cannot be pointed at a copy (and a Windows stack is committed
//! whole anyway, stack.rs).
use super::G;

/// Parked goroutines whose stacks stay in memory; beyond that, the longest parked are copied
/// out (4 MiB of stacks at one page each).
pub const RESIDENT_PARKED: usize = 1024;

/// Stacks copied out together (their pages go back to the OS in as few calls as their
/// addresses allow, stack::Runs).
const BATCH: usize = 64;

/// Copies are made in multiples of this many bytes.
const CLASS: usize = 256;

/// The largest used stack that is copied out.
const MAX_STASH: usize = 16 << 10;

/// The OS's page, the unit in which a stack's memory is given back.
#[cfg(all(target_os = "macos", target_arch = "aarch64"))]
const OS_PAGE: usize = 16 << 10;
#[cfg(not(all(target_os = "macos", target_arch = "aarch64")))]
const OS_PAGE: usize = 4 << 10;

const ENABLED: bool = !cfg!(windows);

/// The parked goroutines whose stacks are in memory, oldest first.
static mut HEAD: *mut G = core::ptr::null_mut();
static mut TAIL: *mut G = core::ptr::null_mut();
static mut COUNT: usize = 0;

/// Free copy buffers per size class (class k holds k * CLASS bytes), chained through their
/// first word.
static mut FREE: [*mut u8; MAX_STASH / CLASS + 1] = [core::ptr::null_mut(); MAX_STASH / CLASS + 1];

/// gp has just parked (on g0, from park_m): it joins the list, and the list's oldest are
/// copied out while it is too long. The main goroutine runs on the OS thread's stack and is
/// never copied.
pub unsafe fn parked(gp: *mut G) {
    // With no more goroutines than that, none can need copying out: the list is not kept
    // (a goroutine that parks now stays out of it, and keeps its stack, until it parks
    // again).
    if !ENABLED || super::proc::live_goroutines() <= RESIDENT_PARKED as i64 || gp == core::ptr::addr_of_mut!(super::G1) || (*gp).parked {
        return;
    }
    (*gp).parked = true;
    (*gp).parknext = core::ptr::null_mut();
    (*gp).parkprev = TAIL;
    if TAIL.is_null() {
        HEAD = gp;
    } else {
        (*TAIL).parknext = gp;
    }
    TAIL = gp;
    COUNT += 1;
    if COUNT >= RESIDENT_PARKED + BATCH {
        let mut batch = [core::ptr::null_mut::<G>(); BATCH];
        for b in batch.iter_mut() {
            *b = HEAD;
            unlink(HEAD);
        }
        crate::sort::sort_by_key(&mut batch, |&g| (*g).stack.lo);
        let mut runs = super::stack::Runs::new();
        for &g in batch.iter() {
            if let Some(from) = stash(g) {
                runs.add((*g).stack.lo, from, (*g).stack.hi);
            }
        }
        runs.finish();
    }
}

/// gp is about to run (on g0, from execute): it leaves the list, and its stack comes back.
pub unsafe fn resumed(gp: *mut G) {
    if (*gp).parked {
        unlink(gp);
    }
    if !(*gp).stash.is_null() {
        unstash(gp);
    }
}

unsafe fn unlink(gp: *mut G) {
    let (p, n) = ((*gp).parkprev, (*gp).parknext);
    if p.is_null() {
        HEAD = n;
    } else {
        (*p).parknext = n;
    }
    if n.is_null() {
        TAIL = p;
    } else {
        (*n).parkprev = p;
    }
    (*gp).parkprev = core::ptr::null_mut();
    (*gp).parknext = core::ptr::null_mut();
    (*gp).parked = false;
    COUNT -= 1;
}

/// Copies the used part of gp's stack out; returns where the pages that can go back to the
/// OS start (they end at the stack's top).
unsafe fn stash(gp: *mut G) -> Option<usize> {
    let (sp, hi) = ((*gp).sched.sp, (*gp).stack.hi);
    if sp == 0 || sp >= hi || hi - sp > MAX_STASH {
        return None;
    }
    let used = hi - sp;
    let class = used.div_ceil(CLASS);
    let buf = alloc(class);
    crate::mem::memmove(buf, sp as *const u8, used);
    (*gp).stash = buf;
    (*gp).stashclass = class;
    Some(sp & !(OS_PAGE - 1))
}

/// Puts gp's copied-out stack back where it was (the pages come back as the copy touches
/// them).
unsafe fn unstash(gp: *mut G) {
    let (sp, hi) = ((*gp).sched.sp, (*gp).stack.hi);
    let buf = (*gp).stash;
    crate::mem::memmove(sp as *mut u8, buf, hi - sp);
    free(buf, (*gp).stashclass);
    (*gp).stash = core::ptr::null_mut();
    (*gp).stashclass = 0;
}

/// Where the byte at address `p` of gp's stack is now: `p` itself, or its place in the copy
/// while the stack is copied out. Addresses outside the used stack are returned as they are.
#[inline]
pub unsafe fn locate(gp: *mut G, p: *mut u8) -> *mut u8 {
    if gp.is_null() || (*gp).stash.is_null() {
        return p;
    }
    let (a, sp) = (p as usize, (*gp).sched.sp);
    if a >= sp && a < (*gp).stack.hi {
        (*gp).stash.add(a - sp)
    } else {
        p
    }
}

/// For the collector: gp's copy and the stack pointer it starts at, if it is copied out.
#[inline]
pub unsafe fn copied(gp: *mut G) -> Option<(*const u8, usize)> {
    if (*gp).stash.is_null() {
        None
    } else {
        Some(((*gp).stash, (*gp).sched.sp))
    }
}

/// A buffer of `class * CLASS` bytes: from the class's free list, or new persistent memory
/// (outside the collected heap: the collector reads a copy only as the stack it stands for).
unsafe fn alloc(class: usize) -> *mut u8 {
    let free = &mut (*core::ptr::addr_of_mut!(FREE))[class];
    if !free.is_null() {
        let p = *free;
        *free = *(p as *const *mut u8);
        return p;
    }
    crate::heap::persistent(class * CLASS, 16)
}

unsafe fn free(p: *mut u8, class: usize) {
    let free = &mut (*core::ptr::addr_of_mut!(FREE))[class];
    *(p as *mut *mut u8) = *free;
    *free = p;
}
