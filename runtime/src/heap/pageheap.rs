//! The page heap (gc's mheap): arenas of 8 KiB pages reserved from the OS, the page table
//! that maps any address to its span, and the free page runs (free spans) that in-use spans
//! are cut from and coalesce back into.
//!
//! Arenas: `ARENA_BYTES` at a time (more for a bigger object), 64 KiB-aligned, kept sorted
//! by address in `ARENAS`. Each has, outside the arena itself:
//! - `spans`: per page, a pointer to a span. Every page of an in-use span points to it; of a
//!   free span, the first and last pages do (enough to coalesce). Other entries may be stale
//!   or null, so whoever reads an entry checks the span's state and bounds.
//! - two bits per page: `released` (given back to the OS, or never touched since reserved;
//!   counted in heap_released) and `dirty` (may hold non-zero bytes).
//!
//! Guarantees: `alloc_span` returns in-use pages that are committed and all zero (dirty
//! pages are cleared there, the others are zero already); the page table maps every one of
//! its pages to the span. `free_span` coalesces with free neighbours in the same arena.
//! `scavenge` releases free pages to the OS until the memory kept is below a goal.
use super::mspan::*;
use super::persistent;
use super::sizeclasses::{PAGE_SHIFT, PAGE_SIZE};
use crate::os;

/// Arenas are reserved 64 MiB at a time, as in gc on 64-bit systems.
pub const ARENA_BYTES: usize = 64 << 20;
/// The heap releases memory to the OS in aligned 64 KiB pieces, which covers every OS page
/// size golift meets (4 KiB, and 16 KiB on Apple silicon and some arm64 Linux kernels).
const RELEASE_UNIT: usize = 64 << 10;
const MAX_ARENAS: usize = 1024;

#[derive(Clone, Copy)]
struct Arena {
    base: usize,
    npages: usize,
    spans: *mut *mut MSpan,
    released: *mut u64,
    dirty: *mut u64,
}

const NO_ARENA: Arena = Arena { base: 0, npages: 0, spans: core::ptr::null_mut(), released: core::ptr::null_mut(), dirty: core::ptr::null_mut() };
static mut ARENAS: [Arena; MAX_ARENAS] = [NO_ARENA; MAX_ARENAS];
static mut NARENAS: usize = 0;
/// The lowest arena's base and the highest arena's end: any address outside is not heap.
static mut LO: usize = usize::MAX;
static mut HI: usize = 0;

/// Free spans of n pages in FREE[n] (n < 128), bigger ones in FREE_LARGE.
const NFREE: usize = 128;
static mut FREE: [SpanList; NFREE] = [SpanList::EMPTY; NFREE];
static mut FREE_LARGE: SpanList = SpanList::EMPTY;

/// Statistics, in bytes: reserved from the OS for arenas; in in-use spans; released.
pub static mut SYS: usize = 0;
pub static mut INUSE: usize = 0;
pub static mut RELEASED: usize = 0;

unsafe fn arena(i: usize) -> &'static mut Arena {
    &mut *core::ptr::addr_of_mut!(ARENAS[i])
}

/// The arena holding address p, if any.
#[inline]
unsafe fn arena_of(p: usize) -> Option<&'static Arena> {
    if p < LO || p >= HI {
        return None;
    }
    // The last arena whose base is at most p.
    let (mut lo, mut hi) = (0, NARENAS);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if arena(mid).base <= p { lo = mid } else { hi = mid }
    }
    let a = arena(lo);
    if p >= a.base && p < a.base + (a.npages << PAGE_SHIFT) { Some(a) } else { None }
}

/// The in-use span containing p, or null: the heart of `heap::find`.
#[inline]
pub unsafe fn span_of(p: usize) -> *mut MSpan {
    let Some(a) = arena_of(p) else { return core::ptr::null_mut() };
    let s = *a.spans.add((p - a.base) >> PAGE_SHIFT);
    if s.is_null() || (*s).state != SPAN_IN_USE || p < (*s).base || p >= (*s).limit {
        return core::ptr::null_mut();
    }
    s
}

unsafe fn set_span(a: &Arena, page: usize, s: *mut MSpan) {
    *a.spans.add(page) = s;
}

/// Sets or clears bits [from, from + n) of an arena's bit array; returns how many changed.
unsafe fn set_bits(bits: *mut u64, from: usize, n: usize, on: bool) -> usize {
    let mut changed = 0;
    for i in from..from + n {
        let (w, m) = (bits.add(i / 64), 1u64 << (i % 64));
        if (*w & m != 0) != on {
            *w ^= m;
            changed += 1;
        }
    }
    changed
}

unsafe fn free_list(npages: usize) -> &'static mut SpanList {
    if npages < NFREE {
        &mut *core::ptr::addr_of_mut!(FREE[npages])
    } else {
        &mut *core::ptr::addr_of_mut!(FREE_LARGE)
    }
}

/// Puts a free span in its list and its first and last pages in the page table.
unsafe fn insert_free(a: &Arena, s: *mut MSpan) {
    (*s).state = SPAN_FREE;
    (*s).limit = (*s).base + ((*s).npages << PAGE_SHIFT);
    let first = ((*s).base - a.base) >> PAGE_SHIFT;
    set_span(a, first, s);
    set_span(a, first + (*s).npages - 1, s);
    free_list((*s).npages).push(s);
}

/// A free span of at least `npages` pages, taken out of its list, or null: exact-size lists
/// first, then the best fit (fewest pages, then lowest address) among the big ones.
unsafe fn take_free(npages: usize) -> *mut MSpan {
    for n in npages..NFREE {
        let s = free_list(n).pop();
        if !s.is_null() {
            return s;
        }
    }
    let mut best: *mut MSpan = core::ptr::null_mut();
    let mut s = FREE_LARGE.first;
    while !s.is_null() {
        if (*s).npages >= npages && (best.is_null() || ((*s).npages, (*s).base) < ((*best).npages, (*best).base)) {
            best = s;
        }
        s = (*s).next;
    }
    if !best.is_null() {
        free_list((*best).npages).remove(best);
    }
    best
}

/// Reserves a new arena of at least `npages` pages and adds it as one free span.
unsafe fn grow(npages: usize) {
    let bytes = (npages << PAGE_SHIFT).div_ceil(ARENA_BYTES) * ARENA_BYTES;
    if NARENAS == MAX_ARENAS {
        crate::panic::fatal(b"runtime: out of memory");
    }
    // Reserve a little more to align the arena's start.
    let raw = os::reserve(bytes + RELEASE_UNIT);
    if raw.is_null() {
        crate::panic::fatal(b"runtime: out of memory");
    }
    let base = (raw as usize + RELEASE_UNIT - 1) & !(RELEASE_UNIT - 1);
    os::hugepages(base as *mut u8, bytes);
    let n = bytes >> PAGE_SHIFT;
    let words = n.div_ceil(64);
    let spans = persistent::alloc(n * 8, 8) as *mut *mut MSpan;
    let released = persistent::alloc(words * 8, 8) as *mut u64;
    let dirty = persistent::alloc(words * 8, 8) as *mut u64;
    // Fresh pages count as released: no memory backs them yet.
    set_bits(released, 0, n, true);
    let a = Arena { base, npages: n, spans, released, dirty };
    let mut i = NARENAS;
    while i > 0 && arena(i - 1).base > base {
        *arena(i) = *arena(i - 1);
        i -= 1;
    }
    *arena(i) = a;
    NARENAS += 1;
    LO = LO.min(base);
    HI = HI.max(base + bytes);
    SYS += bytes;
    RELEASED += bytes;
    let s = persistent::span_alloc();
    (*s).base = base;
    (*s).npages = n;
    insert_free(&a, s);
}

/// An in-use span of `npages` zeroed pages (the caller sets its class and objects).
pub unsafe fn alloc_span(npages: usize) -> *mut MSpan {
    let mut s = take_free(npages);
    if s.is_null() {
        grow(npages);
        s = take_free(npages);
    }
    let a = arena_of((*s).base).unwrap();
    if (*s).npages > npages {
        // Split: the tail goes back as a free span.
        let t = persistent::span_alloc();
        (*t).base = (*s).base + (npages << PAGE_SHIFT);
        (*t).npages = (*s).npages - npages;
        insert_free(a, t);
        (*s).npages = npages;
    }
    (*s).limit = (*s).base + (npages << PAGE_SHIFT);
    (*s).state = SPAN_IN_USE;
    let first = ((*s).base - a.base) >> PAGE_SHIFT;
    for i in 0..npages {
        set_span(a, first + i, s);
    }
    // Released pages come back (Windows commits them again); then dirty pages are cleared.
    let back = set_bits(a.released, first, npages, false);
    if back > 0 {
        if !os::commit((*s).base as *mut u8, npages << PAGE_SHIFT) {
            crate::panic::fatal(b"runtime: out of memory");
        }
        RELEASED -= back << PAGE_SHIFT;
    }
    for i in 0..npages {
        if bit(a.dirty, first + i) {
            crate::mem::memset(((*s).base + (i << PAGE_SHIFT)) as *mut u8, 0, PAGE_SIZE);
        }
    }
    // They will be written: count them dirty from now on.
    set_bits(a.dirty, first, npages, true);
    INUSE += npages << PAGE_SHIFT;
    s
}

/// Gives an in-use span's pages back, merging with free neighbours.
pub unsafe fn free_span(s: *mut MSpan) {
    let a = arena_of((*s).base).unwrap();
    INUSE -= (*s).npages << PAGE_SHIFT;
    let first = ((*s).base - a.base) >> PAGE_SHIFT;
    // The page before s, if it ends a free span, and the page after, if it starts one.
    if first > 0 {
        let p = *a.spans.add(first - 1);
        if !p.is_null() && (*p).state == SPAN_FREE && (*p).limit == (*s).base {
            free_list((*p).npages).remove(p);
            (*s).base = (*p).base;
            (*s).npages += (*p).npages;
            persistent::span_free(p);
        }
    }
    let after = (((*s).base - a.base) >> PAGE_SHIFT) + (*s).npages;
    if after < a.npages {
        let n = *a.spans.add(after);
        if !n.is_null() && (*n).state == SPAN_FREE && (*n).base == (*s).base + ((*s).npages << PAGE_SHIFT) {
            free_list((*n).npages).remove(n);
            (*s).npages += (*n).npages;
            persistent::span_free(n);
        }
    }
    insert_free(a, s);
}

/// Bytes in free spans, released ones included (gc's heap_idle).
pub unsafe fn idle() -> usize {
    SYS - INUSE
}

/// Releases free pages to the OS, biggest free spans first (each from its end), until the
/// memory the heap keeps (reserved, less released) is at most `goal` bytes, give or take a
/// release unit. Returns the bytes released.
pub unsafe fn scavenge(goal: usize) -> usize {
    let mut done = 0;
    let mut n = NFREE;
    while SYS - RELEASED > goal {
        // FREE_LARGE first (n == NFREE), then the exact-size lists from the longest down.
        let list = if n == NFREE { &*core::ptr::addr_of!(FREE_LARGE) } else { &*core::ptr::addr_of!(FREE[n]) };
        let mut s = list.first;
        while !s.is_null() && SYS - RELEASED > goal {
            done += release_span(s, SYS - RELEASED - goal);
            s = (*s).next;
        }
        if n == 1 {
            break;
        }
        n -= 1;
    }
    done
}

/// Releases up to about `want` bytes of a free span: its aligned 64 KiB units that are not
/// released yet, from the end down, a run of neighbouring units in one call to the OS.
/// Returns the bytes newly released.
unsafe fn release_span(s: *mut MSpan, want: usize) -> usize {
    let start = ((*s).base + RELEASE_UNIT - 1) & !(RELEASE_UNIT - 1);
    let end = (*s).limit & !(RELEASE_UNIT - 1);
    if start >= end {
        return 0;
    }
    let a = arena_of(start).unwrap();
    let page = |p: usize| (p - a.base) >> PAGE_SHIFT;
    let flush = |lo: usize, hi: usize| {
        os::release(lo as *mut u8, hi - lo);
        if os::RELEASED_READS_ZERO {
            set_bits(a.dirty, page(lo), (hi - lo) >> PAGE_SHIFT, false);
        }
    };
    let mut done = 0;
    // The run being gathered ends at run_end (0: none).
    let (mut u, mut run_end) = (end, 0);
    while u > start && done < want {
        u -= RELEASE_UNIT;
        let newly = set_bits(a.released, page(u), RELEASE_UNIT >> PAGE_SHIFT, true) << PAGE_SHIFT;
        if newly > 0 {
            done += newly;
            if run_end == 0 {
                run_end = u + RELEASE_UNIT;
            }
        } else if run_end != 0 {
            flush(u + RELEASE_UNIT, run_end);
            run_end = 0;
        }
    }
    if run_end != 0 {
        flush(u, run_end);
    }
    RELEASED += done;
    done
}
