//! Spans (gc's mspan): a run of pages of the heap, either free (owned by the page heap) or
//! in use, holding `nelems` objects of `elemsize` bytes each (one object for a large span).
//!
//! An in-use span keeps two bit arrays with a bit per object, as gc's mspan does:
//! - `alloc_bits`: which objects survived the last sweep (are allocated);
//! - `gcmark_bits`: which objects the collector has marked in the current cycle.
//! and `freeindex`: every object below it is allocated. Allocation hands out the first
//! object at or after `freeindex` whose alloc bit is clear, and only moves `freeindex` past
//! it (it does not set the alloc bit), so an object is allocated exactly when
//! `index < freeindex || alloc_bits[index]`. Sweeping makes the mark bits the new alloc bits
//! (the two arrays swap places), clears the other array and resets `freeindex` to 0.
//!
//! Spans that may hold pointers ("scan" spans) also keep, for the collector, the descriptor
//! of the elements each object holds: one `typ` for the span while all its objects hold the
//! same type (the common case), else `types`, one per object. "Noscan" spans keep none.
//!
//! `SpanList` is a doubly linked list of spans through `next`/`prev`, with O(1) insert and
//! remove: the page heap keeps its free spans in such lists, `mcentral` its in-use spans.
use crate::types::Type;

pub const SPAN_DEAD: u8 = 0;
pub const SPAN_FREE: u8 = 1;
pub const SPAN_IN_USE: u8 = 2;

#[repr(C)]
pub struct MSpan {
    pub next: *mut MSpan,
    pub prev: *mut MSpan,
    /// Address of the first page.
    pub base: usize,
    pub npages: usize,
    /// Address just past the last page.
    pub limit: usize,
    /// `SPAN_FREE`, `SPAN_IN_USE` or `SPAN_DEAD` (the structure is not in use).
    pub state: u8,
    /// size class << 1 | noscan (class 0: a large object).
    pub spanclass: u8,
    /// Freed objects' memory may be dirty: zero an object when it is handed out again.
    pub needzero: bool,
    pub elemsize: usize,
    pub nelems: usize,
    /// ceil(2^32 / elemsize), 0 for a large span: index = (offset * div_mul) >> 32.
    pub div_mul: u64,
    pub freeindex: usize,
    /// Objects allocated (alloc bits set, or below freeindex).
    pub alloc_count: usize,
    pub alloc_bits: *mut u64,
    pub gcmark_bits: *mut u64,
    /// Scan spans whose objects all hold the same type (so far): that type, and `types` is
    /// null; most spans are like this, and save a word per object.
    pub typ: *const Type,
    /// Scan spans with objects of more than one type: the element type of each object; null
    /// otherwise.
    pub types: *mut *const Type,
}

impl MSpan {
    /// Words in each bit array.
    pub fn bit_words(&self) -> usize {
        self.nelems.div_ceil(64)
    }

    /// The index of the object containing `p` (which is inside the span): may be `nelems`
    /// or more for an address in the tail that no object uses.
    #[inline]
    pub fn index_of(&self, p: usize) -> usize {
        (((p - self.base) as u64 * self.div_mul) >> 32) as usize
    }

    #[inline]
    pub unsafe fn is_allocated(&self, i: usize) -> bool {
        i < self.freeindex || bit(self.alloc_bits, i)
    }

    /// The first free object at or after `freeindex`, or `nelems` if the span is full.
    #[inline]
    pub unsafe fn next_free(&self) -> usize {
        let mut i = self.freeindex;
        while i < self.nelems {
            // Free objects are the clear bits: look at the rest of i's word at once.
            let w = !*self.alloc_bits.add(i / 64) >> (i % 64);
            if w != 0 {
                return (i + w.trailing_zeros() as usize).min(self.nelems);
            }
            i = (i / 64 + 1) * 64;
        }
        self.nelems
    }
}

#[inline]
pub unsafe fn bit(bits: *const u64, i: usize) -> bool {
    *bits.add(i / 64) & (1 << (i % 64)) != 0
}

#[inline]
pub unsafe fn set_bit(bits: *mut u64, i: usize) {
    *bits.add(i / 64) |= 1 << (i % 64);
}

/// Set bits among the first `n` of `bits`.
pub unsafe fn count_bits(bits: *const u64, n: usize) -> usize {
    let mut c = 0;
    for w in 0..n.div_ceil(64) {
        let mut x = *bits.add(w);
        if (w + 1) * 64 > n {
            x &= (1u64 << (n % 64)) - 1;
        }
        c += x.count_ones() as usize;
    }
    c
}

pub struct SpanList {
    pub first: *mut MSpan,
}

impl SpanList {
    pub const EMPTY: SpanList = SpanList { first: core::ptr::null_mut() };

    pub unsafe fn push(&mut self, s: *mut MSpan) {
        (*s).prev = core::ptr::null_mut();
        (*s).next = self.first;
        if !self.first.is_null() {
            (*self.first).prev = s;
        }
        self.first = s;
    }

    pub unsafe fn remove(&mut self, s: *mut MSpan) {
        if (*s).prev.is_null() {
            self.first = (*s).next;
        } else {
            (*(*s).prev).next = (*s).next;
        }
        if !(*s).next.is_null() {
            (*(*s).next).prev = (*s).prev;
        }
        (*s).next = core::ptr::null_mut();
        (*s).prev = core::ptr::null_mut();
    }

    /// Removes and returns the first span (null if empty).
    pub unsafe fn pop(&mut self) -> *mut MSpan {
        let s = self.first;
        if !s.is_null() {
            self.remove(s);
        }
        s
    }
}
