//! TEMPORARY debugging heap (replaced by the real one): bump allocation in one huge
//! reservation, an object-start bitmap, and poisoning of freed objects instead of reuse.
use crate::types::Type;

#[derive(Clone, Copy)]
pub struct Obj {
    pub base: usize,
    pub size: usize,
    pub typ: *const Type,
}

pub struct HeapStats {
    pub heap_alloc: u64,
    pub heap_sys: u64,
    pub heap_idle: u64,
    pub heap_released: u64,
    pub total_alloc: u64,
    pub mallocs: u64,
    pub frees: u64,
}

const RESERVE: usize = 16 << 30;
static mut BASE: usize = 0;
static mut CUR: usize = 0;
static mut STARTS: *mut u64 = core::ptr::null_mut();
static mut STATS: HeapStats = HeapStats { heap_alloc: 0, heap_sys: 0, heap_idle: 0, heap_released: 0, total_alloc: 0, mallocs: 0, frees: 0 };

// header: size, typ, flags (1 = allocated, 2 = marked)
unsafe fn init() {
    BASE = crate::os::mmap(RESERVE) as usize;
    STARTS = crate::os::mmap(RESERVE / 64 / 8 * 8) as *mut u64;
    CUR = BASE;
}

pub unsafe fn alloc(size: usize, typ: *const Type) -> *mut u8 {
    if BASE == 0 {
        init();
    }
    let need = (size.max(1) + 24 + 7) & !7;
    let h = CUR;
    CUR += need;
    let w = (h - BASE) / 8;
    *STARTS.add(w / 64) |= 1 << (w % 64);
    *(h as *mut usize) = size.max(1);
    *((h + 8) as *mut *const Type) = if !typ.is_null() && (*typ).ptrdata == 0 { core::ptr::null() } else { typ };
    *((h + 16) as *mut usize) = 1;
    STATS.heap_alloc += size as u64;
    STATS.total_alloc += size as u64;
    STATS.mallocs += 1;
    (h + 24) as *mut u8
}

pub unsafe fn find(p: usize) -> Option<Obj> {
    if p < BASE || p >= CUR {
        return None;
    }
    let mut w = (p - BASE) / 8;
    loop {
        if *STARTS.add(w / 64) & (1 << (w % 64)) != 0 {
            break;
        }
        if w == 0 {
            return None;
        }
        w -= 1;
    }
    let h = BASE + w * 8;
    let size = *(h as *const usize);
    if *((h + 16) as *const usize) & 1 == 0 || p < h + 24 || p >= h + 24 + size {
        return None;
    }
    Some(Obj { base: h + 24, size, typ: *((h + 8) as *const *const Type) })
}

pub unsafe fn mark(p: usize) -> Option<Obj> {
    let o = find(p)?;
    let f = (o.base - 8) as *mut usize;
    if *f & 2 != 0 {
        return None;
    }
    *f |= 2;
    Some(o)
}

pub struct SweepStats {
    pub freed: u64,
}

pub unsafe fn sweep() -> SweepStats {
    let mut freed = 0;
    let mut h = BASE;
    while h < CUR {
        let size = *(h as *const usize);
        let f = (h + 16) as *mut usize;
        if *f & 1 != 0 {
            if *f & 2 == 0 {
                *f = 0;
                freed += 1;
                STATS.heap_alloc -= size as u64;
                STATS.frees += 1;
                core::ptr::write_bytes((h + 24) as *mut u8, 0xAB, size);
            } else {
                *f = 1;
            }
        }
        h += (size + 24 + 7) & !7;
    }
    SweepStats { freed }
}

pub unsafe fn persistent(size: usize, _align: usize) -> *mut u8 {
    crate::os::mmap((size + 4095) & !4095)
}

pub fn stats() -> HeapStats {
    unsafe { HeapStats { ..core::ptr::read(core::ptr::addr_of!(STATS)) } }
}
