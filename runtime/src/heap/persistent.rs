//! Memory outside the garbage-collected heap: the runtime's persistent allocations (gc's
//! persistentalloc), which live for the whole run and are never scanned or freed (the
//! itab table, itabs made at run time), and the heap's own bookkeeping built on them: span
//! structures (`MSpan`, recycled through a free list like gc's fixalloc) and the blocks that
//! hold spans' bit arrays and type arrays (recycled through free lists by size, the job of
//! gc's gcBits arenas).
//!
//! All of it comes from the OS in chunks with `os::mmap` (zeroed), and none of it is inside a
//! heap arena, so `heap::find` rejects pointers to it.
use super::mspan::{MSpan, SPAN_DEAD};
use crate::os;

const CHUNK: usize = 256 << 10;

static mut CUR: usize = 0;
static mut END: usize = 0;
/// Bytes obtained from the OS for everything in this file.
pub static mut SYS: usize = 0;

unsafe fn os_alloc(len: usize) -> *mut u8 {
    let p = os::mmap(len);
    if p.is_null() {
        crate::panic::fatal(b"runtime: out of memory");
    }
    SYS += len;
    p
}

/// `size` zeroed bytes aligned to `align` (a power of two up to 4096), kept for ever.
pub unsafe fn alloc(size: usize, align: usize) -> *mut u8 {
    let size = (size + 7) & !7;
    if size > CHUNK / 4 {
        // Big requests get their own mapping (page-aligned), so chunks are not wasted.
        return os_alloc((size + 4095) & !4095);
    }
    let mut p = (CUR + align - 1) & !(align - 1);
    if CUR == 0 || p + size > END {
        CUR = os_alloc(CHUNK) as usize;
        END = CUR + CHUNK;
        p = CUR;
    }
    CUR = p + size;
    p as *mut u8
}

/// Recycled span structures, linked through `next`.
static mut FREE_SPANS: *mut MSpan = core::ptr::null_mut();

/// A span structure, all fields zero (state free, empty), from the free list or new.
pub unsafe fn span_alloc() -> *mut MSpan {
    let s = FREE_SPANS;
    if s.is_null() {
        return alloc(core::mem::size_of::<MSpan>(), 8) as *mut MSpan;
    }
    FREE_SPANS = (*s).next;
    core::ptr::write_bytes(s, 0, 1);
    s
}

/// Gives a span structure back. It is marked dead: page table entries may still point to it
/// (see `pageheap`), and must not take it for a live span.
pub unsafe fn span_free(s: *mut MSpan) {
    (*s).state = SPAN_DEAD;
    (*s).next = FREE_SPANS;
    FREE_SPANS = s;
}

/// Free blocks by exact size in words (1 to 1024), linked through their first word. Only
/// a few sizes occur (a bit array's words, a class's object count), so nothing is lost to
/// rounding and the lists never fragment.
const MAX_BLOCK: usize = 1024;
static mut FREE_BLOCKS: [*mut usize; MAX_BLOCK + 1] = [core::ptr::null_mut(); MAX_BLOCK + 1];

/// A zeroed block of `words` words (1 to 1024), for a span's bit or type array.
pub unsafe fn block_alloc(words: usize) -> *mut usize {
    let b = FREE_BLOCKS[words];
    if b.is_null() {
        return alloc(8 * words, 8) as *mut usize;
    }
    FREE_BLOCKS[words] = *b as *mut usize;
    core::ptr::write_bytes(b, 0, words);
    b
}

/// Gives back a block that `block_alloc(words)` returned.
pub unsafe fn block_free(b: *mut usize, words: usize) {
    *b = FREE_BLOCKS[words] as usize;
    FREE_BLOCKS[words] = b;
}
