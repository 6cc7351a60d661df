//! The garbage-collected heap (after gc's malloc.go, mcache.go, mcentral.go, mgcsweep.go, in
//! a simpler single-threaded form): allocation in size classes, finding the object behind
//! any address, mark bits, and sweeping. The collector (gc.rs) sits on top: it finds the
//! roots, calls `mark` for every pointer it meets and scans the objects `mark` returns,
//! then calls `sweep`. docs/GC.md explains the whole with pictures.
//!
//! The parts, bottom up:
//! - `pageheap` (gc's mheap): arenas of 8 KiB pages from the OS, the page table mapping an
//!   address to its span, free page runs, giving memory back to the OS;
//! - `mspan`: a span, a run of pages cut into objects of one size, with its bit arrays;
//! - `sizeclasses`: the object sizes, derived at compile time;
//! - here: per span class (size class, and whether the objects can hold pointers) the span
//!   being allocated from (`MCACHE`, gc's mcache) and the other spans with free objects or
//!   without (`CENTRAL`, gc's mcentral); large objects (over 32 KiB) get a span each.
//! - `persistent`: memory that is never freed (the runtime's tables, the heap's bookkeeping).
//!
//! Zeroing: the page heap hands out spans whose memory is all zero; an object freed by a
//! sweep is left as it is, and its span is marked `needzero`, so that objects are zeroed when
//! they are handed out again (when the program is about to write them anyway).

mod mspan;
mod pageheap;
mod persistent;
mod sizeclasses;

use crate::types::Type;
use mspan::*;
use sizeclasses::*;

/// An allocated object: where it is, its size (the size of its slot: at least what was
/// asked for), and the descriptor of the elements it holds (null for noscan objects).
#[derive(Clone, Copy)]
pub struct Obj {
    pub base: usize,
    pub size: usize,
    pub typ: *const Type,
}

/// What a sweep did.
#[derive(Clone, Copy, Default)]
pub struct SweepStats {
    pub objects_freed: u64,
    pub bytes_freed: u64,
    /// Spans left with no object, given back to the page heap.
    pub spans_freed: u64,
    /// Bytes given back to the OS afterwards.
    pub bytes_released: u64,
}

/// The heap's figures, named after Go's runtime.MemStats.
#[derive(Clone, Copy, Default)]
pub struct HeapStats {
    /// Bytes of allocated objects (counted by slot size; a large object by its pages).
    pub heap_alloc: u64,
    /// Bytes of arenas reserved from the OS.
    pub heap_sys: u64,
    /// Bytes in spans with at least one object.
    pub heap_inuse: u64,
    /// Bytes in free spans (released ones included).
    pub heap_idle: u64,
    /// Bytes of free spans given back to the OS (or never used since reserved).
    pub heap_released: u64,
    /// Allocated objects.
    pub heap_objects: u64,
    /// Bytes allocated over the whole run (never decreases).
    pub total_alloc: u64,
    pub mallocs: u64,
    pub frees: u64,
    /// Bytes from the OS outside the arenas: persistent memory and the heap's bookkeeping.
    pub other_sys: u64,
}

/// A span class: size class << 1 | noscan.
const NUM_SPAN_CLASSES: usize = NUM_CLASSES * 2;

/// The in-use spans of one span class that are not the cached one: with free objects
/// (`partial`) or without (`full`).
struct MCentral {
    partial: SpanList,
    full: SpanList,
}

/// Per span class, the span objects are allocated from (null until needed).
static mut MCACHE: [*mut MSpan; NUM_SPAN_CLASSES] = [core::ptr::null_mut(); NUM_SPAN_CLASSES];
static mut CENTRAL: [MCentral; NUM_SPAN_CLASSES] = [const { MCentral { partial: SpanList::EMPTY, full: SpanList::EMPTY } }; NUM_SPAN_CLASSES];
/// The spans of large objects.
static mut LARGE: SpanList = SpanList::EMPTY;

static mut HEAP_ALLOC: usize = 0;
static mut TOTAL_ALLOC: usize = 0;
static mut MALLOCS: usize = 0;
static mut FREES: usize = 0;

/// Where every zero-size allocation points (as gc's zerobase): not in the heap.
static ZEROBASE: u64 = 0;

/// The largest object the heap accepts (2^47 bytes, more than any OS gives).
const MAX_ALLOC: usize = 1 << 47;

/// `size` zeroed bytes, 8-byte aligned (aligned to their size when that is a power of two up
/// to 4096). `typ` is the descriptor of the elements the object holds (`size / typ.size` of
/// them), or null: null or a type without pointers makes a noscan object.
pub unsafe fn alloc(size: usize, typ: *const Type) -> *mut u8 {
    if size == 0 {
        return core::ptr::addr_of!(ZEROBASE) as *mut u8;
    }
    let noscan = typ.is_null() || (*typ).ptrdata == 0;
    if size <= MAX_SMALL {
        alloc_small(class_of(size), noscan, typ)
    } else {
        alloc_large(size, noscan, typ)
    }
}

/// Memory kept for the whole run, never scanned or freed: `size` zeroed bytes aligned to
/// `align` (a power of two up to 4096).
pub unsafe fn persistent(size: usize, align: usize) -> *mut u8 {
    persistent::alloc(size, align)
}

#[inline]
unsafe fn alloc_small(class: usize, noscan: bool, typ: *const Type) -> *mut u8 {
    let spc = class << 1 | noscan as usize;
    let mut s = MCACHE[spc];
    let mut i = if s.is_null() { 0 } else { (*s).next_free() };
    if s.is_null() || i == (*s).nelems {
        s = refill(spc);
        i = (*s).next_free();
    }
    let s = &mut *s;
    s.freeindex = i + 1;
    s.alloc_count += 1;
    let p = (s.base + i * s.elemsize) as *mut u8;
    if s.needzero {
        crate::mem::memset(p, 0, s.elemsize);
    }
    if !noscan {
        set_type(s, i, typ);
    }
    HEAP_ALLOC += s.elemsize;
    TOTAL_ALLOC += s.elemsize;
    MALLOCS += 1;
    p
}

/// Records that object `i` of scan span `s` holds `typ`: in the span while all its objects
/// hold one type, else in the per-object array (made when a second type arrives).
#[inline]
unsafe fn set_type(s: &mut MSpan, i: usize, typ: *const Type) {
    if s.types.is_null() {
        if s.typ.is_null() {
            s.typ = typ;
            return;
        }
        if s.typ == typ {
            return;
        }
        s.types = persistent::block_alloc(s.nelems) as *mut *const Type;
        for k in 0..s.nelems {
            *s.types.add(k) = s.typ;
        }
    }
    *s.types.add(i) = typ;
}

unsafe fn central(spc: usize) -> &'static mut MCentral {
    &mut *core::ptr::addr_of_mut!(CENTRAL[spc])
}

/// The cached span of `spc` is full: it goes to the central full list, and a span with free
/// objects (from the central partial list, or a new one) takes its place.
#[inline(never)]
unsafe fn refill(spc: usize) -> *mut MSpan {
    let c = central(spc);
    let old = MCACHE[spc];
    if !old.is_null() {
        c.full.push(old);
    }
    let mut s = c.partial.pop();
    if s.is_null() {
        let class = spc >> 1;
        s = pageheap::alloc_span(class_npages(class));
        let size = class_size(class);
        init_span(s, spc as u8, size, class_npages(class) * PAGE_SIZE / size, DIV_MUL[class] as u64);
    }
    MCACHE[spc] = s;
    s
}

/// Makes a span fresh from the page heap hold `nelems` objects of `elemsize` bytes.
unsafe fn init_span(s: *mut MSpan, spanclass: u8, elemsize: usize, nelems: usize, div_mul: u64) {
    let s = &mut *s;
    s.spanclass = spanclass;
    s.elemsize = elemsize;
    s.nelems = nelems;
    s.div_mul = div_mul;
    s.freeindex = 0;
    s.alloc_count = 0;
    s.needzero = false;
    s.alloc_bits = persistent::block_alloc(s.bit_words()) as *mut u64;
    s.gcmark_bits = persistent::block_alloc(s.bit_words()) as *mut u64;
    s.typ = core::ptr::null();
    s.types = core::ptr::null_mut();
}

/// Gives back a span's bit and type arrays (before the span goes back to the page heap).
unsafe fn free_span_arrays(s: &mut MSpan) {
    persistent::block_free(s.alloc_bits as *mut usize, s.bit_words());
    persistent::block_free(s.gcmark_bits as *mut usize, s.bit_words());
    if !s.types.is_null() {
        persistent::block_free(s.types as *mut usize, s.nelems);
        s.types = core::ptr::null_mut();
    }
    s.typ = core::ptr::null();
}

/// An object of more than 32 KiB: a span of its own.
unsafe fn alloc_large(size: usize, noscan: bool, typ: *const Type) -> *mut u8 {
    if size > MAX_ALLOC {
        crate::panic::fatal(b"runtime: out of memory");
    }
    let npages = size.div_ceil(PAGE_SIZE);
    let s = pageheap::alloc_span(npages);
    init_span(s, noscan as u8, npages * PAGE_SIZE, 1, 0);
    let s = &mut *s;
    s.freeindex = 1;
    s.alloc_count = 1;
    if !noscan {
        s.typ = typ;
    }
    (*core::ptr::addr_of_mut!(LARGE)).push(s);
    HEAP_ALLOC += s.elemsize;
    TOTAL_ALLOC += s.elemsize;
    MALLOCS += 1;
    s.base as *mut u8
}

#[inline]
unsafe fn obj(s: &MSpan, i: usize) -> Obj {
    let typ = if s.types.is_null() { s.typ } else { *s.types.add(i) };
    Obj { base: s.base + i * s.elemsize, size: s.elemsize, typ }
}

/// The allocated object containing address `p` (any address inside it), marking it: Some
/// only the first time (the collector then scans it); None for any other address (outside
/// the heap, in a free span or a free object, in a span's unused tail) or a marked object.
#[inline]
pub unsafe fn mark(p: usize) -> Option<Obj> {
    let s = pageheap::span_of(p);
    if s.is_null() {
        return None;
    }
    let s = &*s;
    let i = s.index_of(p);
    if i >= s.nelems || !s.is_allocated(i) || bit(s.gcmark_bits, i) {
        return None;
    }
    set_bit(s.gcmark_bits, i);
    Some(obj(s, i))
}

/// Sweeps one small-object span: unmarked objects become free. Returns false if nothing
/// survived (the span has gone back to the page heap).
unsafe fn sweep_span(s: *mut MSpan, st: &mut SweepStats) -> bool {
    let span = &mut *s;
    let live = count_bits(span.gcmark_bits, span.nelems);
    let freed = span.alloc_count - live;
    st.objects_freed += freed as u64;
    st.bytes_freed += (freed * span.elemsize) as u64;
    if live == 0 {
        free_span_arrays(span);
        pageheap::free_span(s);
        st.spans_freed += 1;
        return false;
    }
    // The marks become the alloc bits; the old alloc bits, cleared, the next marks.
    core::mem::swap(&mut span.alloc_bits, &mut span.gcmark_bits);
    core::ptr::write_bytes(span.gcmark_bits, 0, span.bit_words());
    span.freeindex = 0;
    span.alloc_count = live;
    if freed > 0 {
        span.needzero = true;
    }
    true
}

/// Frees every allocated object that is not marked and clears the marks, gives spans left
/// empty back to the page heap, then releases memory to the OS if much is idle (see
/// `retain_goal`). Call it after marking, before allocating again.
pub unsafe fn sweep() -> SweepStats {
    let mut st = SweepStats::default();
    for spc in 2..NUM_SPAN_CLASSES {
        let c = central(spc);
        let todo = [c.partial.first, c.full.first, MCACHE[spc]];
        c.partial.first = core::ptr::null_mut();
        c.full.first = core::ptr::null_mut();
        MCACHE[spc] = core::ptr::null_mut();
        for (k, first) in todo.into_iter().enumerate() {
            let mut s = first;
            while !s.is_null() {
                // The cached span is alone, not in a list.
                let next = if k == 2 { core::ptr::null_mut() } else { (*s).next };
                if sweep_span(s, &mut st) {
                    if (*s).alloc_count < (*s).nelems { c.partial.push(s) } else { c.full.push(s) }
                }
                s = next;
            }
        }
    }
    let large = &mut *core::ptr::addr_of_mut!(LARGE);
    let mut s = large.first;
    while !s.is_null() {
        let next = (*s).next;
        if bit((*s).gcmark_bits, 0) {
            *(*s).gcmark_bits = 0;
        } else {
            large.remove(s);
            st.objects_freed += 1;
            st.bytes_freed += (*s).elemsize as u64;
            st.spans_freed += 1;
            free_span_arrays(&mut *s);
            pageheap::free_span(s);
        }
        s = next;
    }
    HEAP_ALLOC -= st.bytes_freed as usize;
    FREES += st.objects_freed as usize;
    st.bytes_released = pageheap::scavenge(retain_goal()) as u64;
    st
}

/// How much memory (arenas less released pages) the heap keeps after a sweep: room for the
/// heap to double before the next collection (Go's default pacing, GOGC=100), plus 10% of
/// that for fragmentation, as Go's scavenger keeps; and at least 4 MiB, so that small
/// programs make no system calls for it. Free pages beyond it go back to the OS.
fn retain_goal() -> usize {
    let inuse = unsafe { pageheap::INUSE };
    (inuse * 2 + inuse / 5).max(4 << 20)
}

/// Releases free pages to the OS until the heap keeps at most `goal` bytes (for a collector
/// that paces itself otherwise than `sweep` assumes); returns the bytes released.
pub unsafe fn scavenge(goal: usize) -> usize {
    pageheap::scavenge(goal)
}

pub fn stats() -> HeapStats {
    unsafe {
        HeapStats {
            heap_alloc: HEAP_ALLOC as u64,
            heap_sys: pageheap::SYS as u64,
            heap_inuse: pageheap::INUSE as u64,
            heap_idle: pageheap::idle() as u64,
            heap_released: pageheap::RELEASED as u64,
            heap_objects: (MALLOCS - FREES) as u64,
            total_alloc: TOTAL_ALLOC as u64,
            mallocs: MALLOCS as u64,
            frees: FREES as u64,
            other_sys: persistent::SYS as u64,
        }
    }
}
