//! The compiler's tables for the collector (written by compiler/src/codegen/gcinfo.rs): for
//! every compiled Go function, where its live pointers are at each call it makes, and which
//! words of the program's globals can hold pointers.
//!
//! The function table (`go.gcfuncs`) gives each function's address, code length and the
//! place of its record in `go.gcfuncdata`. A record, in unsigned LEB128 numbers: the distance
//! from the function's stack pointer to its frame pointer, then its call sites (return-address
//! offset from the previous site's, and the stack-pointer offsets of the slots holding live
//! pointers there, each from the one before) and its frame objects (memory in the frame that
//! can hold pointers, with a bitmap of its pointer words; scanned at every site). The format
//! is written down in compiler/src/codegen/gcinfo.rs.
use crate::heap;

extern "C" {
    #[link_name = "go.gcfuncs"]
    static GCFUNCS: u64;
    #[link_name = "go.gcfuncdata"]
    static GCFUNCDATA: u8;
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

/// Reads an unsigned LEB128 number at `*p` and moves `*p` past it.
unsafe fn uleb(p: &mut *const u8) -> usize {
    let (mut v, mut shift) = (0usize, 0);
    loop {
        let b = **p;
        *p = p.add(1);
        v |= ((b & 0x7f) as usize) << shift;
        if b & 0x80 == 0 {
            return v;
        }
        shift += 7;
    }
}

/// Builds the sorted index (once, at the first collection).
unsafe fn index() -> &'static [Entry] {
    if INDEX.is_null() {
        let table = core::ptr::addr_of!(GCFUNCS) as *const u64;
        let n = *table as usize;
        let entries = heap::persistent(n.max(1) * core::mem::size_of::<Entry>(), 8) as *mut Entry;
        let data = core::ptr::addr_of!(GCFUNCDATA);
        for i in 0..n {
            let row = table.add(1 + 2 * i);
            let start = *row as usize;
            let words = *row.add(1);
            let (len, record) = ((words & 0xffff_ffff) as usize, data.add((words >> 32) as usize));
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
    /// The site's live pointer slots: `nslots` offsets (as differences) from here.
    slots: *const u8,
    nslots: usize,
    /// The frame objects: `nobjs` of them from here.
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
    let mut p = e.record;
    let sp_to_fp = uleb(&mut p);
    let nsites = uleb(&mut p);
    let nobjs = uleb(&mut p);
    let off = ret - e.start;
    let (mut slots, mut nslots) = (core::ptr::null(), 0);
    let mut site = 0;
    for _ in 0..nsites {
        site += uleb(&mut p);
        let n = uleb(&mut p);
        if site == off {
            slots = p;
            nslots = n;
        }
        for _ in 0..n {
            uleb(&mut p);
        }
    }
    // A call with nothing live across it has no site: the frame holds no pointers there.
    Some(Frame { sp_to_fp, slots, nslots, objs: p, nobjs })
}

impl Frame {
    /// Calls `f` with the address of every word of the frame (whose stack pointer is `sp`)
    /// that holds a live pointer.
    pub unsafe fn pointers(&self, sp: usize, mut f: impl FnMut(usize)) {
        let mut p = self.slots;
        let mut off = 0;
        for _ in 0..self.nslots {
            off += uleb(&mut p);
            f(sp + off);
        }
        let mut p = self.objs;
        for _ in 0..self.nobjs {
            let base = sp + uleb(&mut p);
            let words = uleb(&mut p);
            for w in 0..words {
                if *p.add(w / 8) & (1 << (w % 8)) != 0 {
                    f(base + 8 * w);
                }
            }
            p = p.add(words.div_ceil(8));
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
