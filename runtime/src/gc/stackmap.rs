//! The compiler's tables for the collector (written by compiler/src/codegen/gcinfo.rs): for
//! every compiled Go function, where its live pointers are at each call it makes, and which
//! words of the program's globals can hold pointers.
//!
//! A function record: its address, code length, the distance from its stack pointer to its
//! frame pointer, then its call sites (return-address offset and the stack-pointer offsets of
//! the slots holding live pointers there) and its frame objects (memory in the frame that can
//! hold pointers, with a bitmap of its pointer words; scanned at every site).
use crate::heap;

extern "C" {
    #[link_name = "go.gcfuncs"]
    static GCFUNCS: u64;
    #[link_name = "go.gcglobals"]
    static GCGLOBALS: u64;
}

/// A function's code range and its record, sorted by address for lookups by return address.
#[derive(Clone, Copy)]
struct Entry {
    start: usize,
    end: usize,
    record: *const u8,
}

static mut INDEX: *mut Entry = core::ptr::null_mut();
static mut COUNT: usize = 0;

unsafe fn u32_at(p: *const u8) -> u32 {
    core::ptr::read_unaligned(p as *const u32)
}

/// Builds the sorted index (once, at the first collection).
unsafe fn index() -> &'static [Entry] {
    if INDEX.is_null() {
        let table = core::ptr::addr_of!(GCFUNCS) as *const u64;
        let n = *table as usize;
        let entries = heap::persistent(n.max(1) * core::mem::size_of::<Entry>(), 8) as *mut Entry;
        for i in 0..n {
            let record = *table.add(1 + i) as *const u8;
            let start = *(record as *const u64) as usize;
            let len = u32_at(record.add(8)) as usize;
            *entries.add(i) = Entry { start, end: start + len, record };
        }
        let all = core::slice::from_raw_parts_mut(entries, n);
        crate::sort::sort_by_key(all, |e| e.start);
        INDEX = entries;
        COUNT = n;
    }
    core::slice::from_raw_parts(INDEX, COUNT)
}

/// A Go frame as the collector sees it: where the pointers of its frame are when it is
/// suspended at the call that returns to `ret`.
pub struct Frame {
    /// Stack pointer minus frame pointer of the function.
    pub sp_to_fp: usize,
    /// The site's live pointer slots: `n` u32 stack-pointer offsets.
    slots: *const u8,
    nslots: usize,
    /// The frame objects: `nobjs` records.
    objs: *const u8,
    nobjs: usize,
}

/// The Go function containing return address `ret`, and its site there; None if `ret` is not
/// in Go code (the runtime, or the OS).
pub unsafe fn lookup(ret: usize) -> Option<Frame> {
    let idx = index();
    // The last function starting before ret (a return address is never a function's start).
    let i = idx.partition_point(|e| e.start < ret);
    if i == 0 {
        return None;
    }
    let e = idx[i - 1];
    if ret > e.end {
        return None;
    }
    let r = e.record;
    let sp_to_fp = u32_at(r.add(12)) as usize;
    let nsites = u32_at(r.add(16)) as usize;
    let nobjs = u32_at(r.add(20)) as usize;
    let off = (ret - e.start) as u32;
    let mut p = r.add(24);
    let (mut slots, mut nslots) = (core::ptr::null(), 0);
    for _ in 0..nsites {
        let n = u32_at(p.add(4)) as usize;
        if u32_at(p) == off {
            slots = p.add(8);
            nslots = n;
        }
        p = p.add(8 + 4 * n);
    }
    // A call with nothing live across it has no site: the frame holds no pointers there.
    Some(Frame { sp_to_fp, slots, nslots, objs: p, nobjs })
}

impl Frame {
    /// Calls `f` with the address of every word of the frame (whose stack pointer is `sp`)
    /// that holds a live pointer.
    pub unsafe fn pointers(&self, sp: usize, mut f: impl FnMut(usize)) {
        for k in 0..self.nslots {
            f(sp + u32_at(self.slots.add(4 * k)) as usize);
        }
        let mut p = self.objs;
        for _ in 0..self.nobjs {
            let base = sp + u32_at(p) as usize;
            let words = u32_at(p.add(4)) as usize;
            let bm = p.add(8);
            for w in 0..words {
                if u32_at(bm.add(4 * (w / 32))) & (1 << (w % 32)) != 0 {
                    f(base + 8 * w);
                }
            }
            p = bm.add(4 * words.div_ceil(32));
        }
    }
}

/// Calls `f` with the address of every word of the globals that can hold a pointer.
pub unsafe fn global_pointers(mut f: impl FnMut(usize)) {
    let table = core::ptr::addr_of!(GCGLOBALS) as *const u64;
    let n = *table as usize;
    let mut p = table.add(1);
    for _ in 0..n {
        let addr = *p as usize;
        let words = *p.add(1) as usize;
        let bm = p.add(2);
        for w in 0..words {
            if *bm.add(w / 64) & (1 << (w % 64)) != 0 {
                f(addr + 8 * w);
            }
        }
        p = bm.add(words.div_ceil(64));
    }
}
