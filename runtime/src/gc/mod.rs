//! The garbage collector: a precise, stop-the-world, non-moving mark-sweep collector over the
//! heap of `heap.rs` (spans of size-classed objects, each object with the descriptor of what
//! it holds).
//!
//! A collection (`collect`):
//! 1. marks the roots: the globals' pointer words (the compiler's `go.gcglobals` bitmap), the
//!    runtime's own few variables that hold heap pointers, and the stack (`stack.rs`: Go
//!    frames precisely through the compiler's stack maps, runtime frames conservatively);
//! 2. drains the gray list: every marked object is scanned through its descriptor's pointer
//!    bitmap (an object holds one or more elements of its type), marking what it points to;
//! 3. sweeps: unmarked objects are freed (`heap::sweep`), and the heap returns idle memory to
//!    the OS.
//!
//! Pacing is Go's: the next collection starts when the heap has grown by GOGC percent over
//! what the last one left live (GOGC=100 by default, GOGC=off turns collection off), and
//! never below 4 MB. `runtime.GC()` collects at once. `GODEBUG=gctrace=1` prints a line per
//! collection in gc's format. `GOLIFT_GCSTRESS=1` collects before every allocation (a test
//! of the compiler's stack maps and of every descriptor: a missing root shows up at once);
//! `GOLIFT_GCSTRESS=N` before every Nth.
pub mod stack;
pub mod stackmap;

use crate::heap::{self, Obj};
use crate::types::Type;

/// The heap size under which no collection starts (gc's heapminimum).
const MIN_GOAL: usize = 4 << 20;

struct State {
    /// GOGC, or -1 for off.
    gogc: i64,
    /// GOLIFT_GCSTRESS=N: collect before every Nth allocation (0: off).
    stress: u64,
    allocs: u64,
    trace: bool,
    /// Bytes allocated in objects since the last collection, and what it left live.
    allocated: usize,
    live: usize,
    goal: usize,
    num_gc: u32,
    num_forced: u32,
    pause_total: u64,
    last_gc: u64,
    start_time: i64,
    gc_time: i64,
    /// Marked objects not yet scanned.
    gray: *mut Obj,
    gray_len: usize,
    gray_cap: usize,
    collecting: bool,
}

static mut GC: State = State {
    gogc: 100,
    stress: 0,
    allocs: 0,
    trace: false,
    allocated: 0,
    live: 0,
    goal: MIN_GOAL,
    num_gc: 0,
    num_forced: 0,
    pause_total: 0,
    last_gc: 0,
    start_time: 0,
    gc_time: 0,
    gray: core::ptr::null_mut(),
    gray_len: 0,
    gray_cap: 0,
    collecting: false,
};

/// The last 256 pauses and their end times, as MemStats keeps them (apart from `GC`, so
/// that they take no room in the executable's initialised data).
static mut PAUSES: [u64; 256] = [0; 256];
static mut PAUSE_ENDS: [u64; 256] = [0; 256];

unsafe fn gc() -> &'static mut State {
    &mut *core::ptr::addr_of_mut!(GC)
}

/// Reads GOGC, GODEBUG and GOLIFT_GCSTRESS; called once at start-up with the environment.
pub unsafe fn init(getenv: impl Fn(&[u8]) -> Option<&'static [u8]>) {
    let g = gc();
    g.start_time = crate::os::nanotime();
    if let Some(v) = getenv(b"GOGC") {
        if v == b"off" {
            g.gogc = -1;
        } else if let Some(n) = parse_int(v) {
            g.gogc = n;
        }
    }
    if let Some(v) = getenv(b"GODEBUG") {
        for item in v.split(|&c| c == b',') {
            if let Some(n) = item.strip_prefix(b"gctrace=") {
                g.trace = parse_int(n).unwrap_or(0) > 0;
            }
        }
    }
    if let Some(v) = getenv(b"GOLIFT_GCSTRESS") {
        g.stress = parse_int(v).unwrap_or(1).max(0) as u64;
    }
    g.goal = goal_after(0);
}

fn parse_int(v: &[u8]) -> Option<i64> {
    let (neg, digits) = match v.first() {
        Some(b'-') => (true, &v[1..]),
        _ => (false, v),
    };
    if digits.is_empty() || digits.len() > 12 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits.iter().fold(0i64, |n, d| n * 10 + (d - b'0') as i64);
    Some(if neg { -n } else { n })
}

/// The heap size at which the next collection starts, given what the last one left live.
unsafe fn goal_after(live: usize) -> usize {
    let g = gc();
    if g.gogc < 0 {
        return usize::MAX;
    }
    let gogc = g.gogc as usize;
    (live + live / 100 * gogc).max(MIN_GOAL * gogc / 100)
}

/// Every allocation of the program: `size` zeroed bytes holding elements of type `typ`
/// (null: no pointers). May collect first.
pub unsafe fn mallocgc(size: usize, typ: *const Type) -> *mut u8 {
    let g = gc();
    g.allocs += 1;
    let stress = g.stress != 0 && g.allocs % g.stress == 0;
    if !g.collecting && (stress || g.live + g.allocated + size > g.goal) && g.gogc >= 0 {
        collect(false);
    }
    let p = heap::alloc(size, typ);
    g.allocated += size;
    p
}

/// A descriptor for runtime memory whose every word may hold a pointer (defer and panic
/// records, the map's buckets, the program's arguments): the collector treats each word as a
/// possible pointer and keeps what it points to.
pub static WORDS: Type = Type {
    size: 8,
    ptrdata: 8,
    hash: 0,
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: crate::types::KIND_UNSAFE_POINTER,
    gcdata: &1u8,
    name: crate::types::GoString::EMPTY,
    uncommon: core::ptr::null(),
    ptr_to_this: core::ptr::null(),
};

/// Runtime memory that may hold pointers anywhere.
pub unsafe fn alloc_words(size: usize) -> *mut u8 {
    mallocgc(size, &WORDS)
}

/// Marks the object that word `p` points into, queueing it for scanning.
#[inline]
unsafe fn shade(p: usize) {
    if p < 4096 {
        return;
    }
    if let Some(obj) = heap::mark(p) {
        if obj.typ.is_null() || (*obj.typ).ptrdata == 0 {
            return;
        }
        let g = gc();
        if g.gray_len == g.gray_cap {
            grow_gray();
        }
        *g.gray.add(g.gray_len) = obj;
        g.gray_len += 1;
    }
}

#[cold]
unsafe fn grow_gray() {
    let g = gc();
    let cap = (g.gray_cap * 2).max(1 << 16);
    let p = crate::os::mmap(cap * core::mem::size_of::<Obj>()) as *mut Obj;
    if p.is_null() {
        crate::panic::fatal(b"runtime: out of memory for the collector's mark queue");
    }
    // The old queue is left mapped: the queue only grows, so this wastes at most its size.
    if g.gray_len > 0 {
        core::ptr::copy_nonoverlapping(g.gray, p, g.gray_len);
    }
    g.gray = p;
    g.gray_cap = cap;
}

/// Scans an object through its descriptor: each element's pointer words.
unsafe fn scan_object(obj: &Obj) {
    let t = &*obj.typ;
    if t.size == 0 {
        return;
    }
    let words = t.ptrdata / 8;
    let n = obj.size / t.size;
    for i in 0..n {
        let base = obj.base + i * t.size;
        for w in 0..words {
            if *t.gcdata.add(w / 8) & (1 << (w % 8)) != 0 {
                shade(*((base + 8 * w) as *const usize));
            }
        }
    }
}

/// Scans a range of memory conservatively.
unsafe fn scan_words(lo: usize, hi: usize) {
    let mut p = (lo + 7) & !7;
    while p + 8 <= hi {
        shade(*(p as *const usize));
        p += 8;
    }
}

/// A full collection. `forced`: asked for by runtime.GC. It runs on g0 (gc's systemstack):
/// the goroutine that asked is suspended meanwhile, with its context saved like any parked
/// goroutine's, so the stack scan treats every goroutine alike.
pub unsafe fn collect(forced: bool) {
    crate::sched::systemstack(collect_on_g0, forced as usize);
}

go_abi! {
    extern "Go" fn collect_on_g0(forced: usize) {
        unsafe {
            collect_now(forced != 0);
        }
    }
}

unsafe fn collect_now(forced: bool) {
    let g = gc();
    if g.collecting {
        return;
    }
    g.collecting = true;
    let t0 = crate::os::nanotime();
    let before = heap::stats().heap_alloc as usize;
    // Roots.
    stackmap::global_pointers(|p| shade(*(p as *const usize)));
    crate::start::roots(|lo, hi| scan_words(lo, hi));
    stack::scan(|p| shade(*(p as *const usize)), |lo, hi| scan_words(lo, hi));
    // Everything reachable.
    while g.gray_len > 0 {
        g.gray_len -= 1;
        let obj = *g.gray.add(g.gray_len);
        scan_object(&obj);
    }
    let t1 = crate::os::nanotime();
    heap::sweep();
    // The heap keeps room for GOGC=100 pacing; with a lower GOGC the next goal is nearer, so
    // more of the idle memory goes back to the OS.
    if g.gogc >= 0 && g.gogc < 100 {
        let live = heap::stats().heap_alloc as usize;
        heap::scavenge(goal_after(live) + goal_after(live) / 5);
    }
    crate::sched::stack::release_free();
    let t2 = crate::os::nanotime();
    let live = heap::stats().heap_alloc as usize;
    g.live = live;
    g.allocated = 0;
    let old_goal = g.goal;
    g.goal = goal_after(live);
    let pause = (t2 - t0).max(0) as u64;
    (*core::ptr::addr_of_mut!(PAUSES))[g.num_gc as usize % 256] = pause;
    (*core::ptr::addr_of_mut!(PAUSE_ENDS))[g.num_gc as usize % 256] = t2 as u64;
    g.num_gc += 1;
    if forced {
        g.num_forced += 1;
    }
    g.pause_total += pause;
    g.last_gc = t2 as u64;
    g.gc_time += t2 - t0;
    if g.trace {
        trace(t0, t1, t2, before, live, old_goal, forced);
    }
    g.collecting = false;
}

/// One `GODEBUG=gctrace=1` line, in gc's format. The collector stops the world for the
/// whole collection, so the mark phase is the pause and the sweep its termination.
unsafe fn trace(t0: i64, t1: i64, t2: i64, before: usize, live: usize, goal: usize, forced: bool) {
    use crate::print::{out, print_uint};
    let g = gc();
    let now = t2 - g.start_time;
    out(b"gc ");
    print_uint(g.num_gc as u64);
    out(b" @");
    out_div(now as u64 / 1_000_000, 3);
    out(b"s ");
    print_uint((g.gc_time * 100 / now.max(1)) as u64);
    out(b"%: 0+");
    out_ms((t1 - t0) as u64);
    out(b"+");
    out_ms((t2 - t1) as u64);
    out(b" ms clock, 0+0/");
    out_ms((t1 - t0) as u64);
    out(b"/0+");
    out_ms((t2 - t1) as u64);
    out(b" ms cpu, ");
    print_uint(before as u64 >> 20);
    out(b"->");
    print_uint(before as u64 >> 20);
    out(b"->");
    print_uint(live as u64 >> 20);
    out(b" MB, ");
    print_uint(if goal == usize::MAX { 0 } else { goal as u64 >> 20 });
    out(b" MB goal, 0 MB stacks, 0 MB globals, 1 P");
    if forced {
        out(b" (forced)");
    }
    out(b"\n");
}

/// `v / 10^dec` with `dec` decimals.
fn out_div(v: u64, dec: u32) {
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    let mut v = v;
    let mut d = 0;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        d += 1;
        if d == dec {
            i -= 1;
            buf[i] = b'.';
        }
        if v == 0 && d > dec {
            break;
        }
    }
    crate::print::out(&buf[i..]);
}

/// A duration in milliseconds as gc's trace prints it: two significant digits, at most
/// three decimals; whole milliseconds from 10 ms on.
fn out_ms(ns: u64) {
    if ns >= 10_000_000 {
        return out_div(ns / 1_000_000, 0);
    }
    let mut x = ns / 1000;
    if x == 0 {
        return crate::print::out(b"0");
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    out_div(x, dec)
}

go_abi! {
    /// runtime.KeepAlive's call that the compiler cannot see through (it does nothing).
    #[export_name = "runtime.keepAlive"]
    pub extern "Go" fn keep_alive(_t: *const u8, _data: *const u8) {}

    /// runtime.GC: a full collection now.
    #[export_name = "runtime.GC"]
    pub unsafe extern "Go" fn gc_now() {
        collect(true);
        // gc's GC() blocks its caller while the cycle runs, and other goroutines run
        // meanwhile: here the cycle is over at once, so the caller yields instead.
        if crate::sched::proc::others_runnable() {
            crate::sched::gosched();
        }
    }

    /// Whether collections happen at all (GOGC is not "off").
    #[export_name = "runtime.gcEnabled"]
    pub unsafe extern "Go" fn gc_enabled() -> bool {
        gc().gogc >= 0
    }

    /// The figures runtime.ReadMemStats reports, in the order of `memStatsWords` in
    /// compiler/lib/runtime/mstats.go.
    #[export_name = "runtime.readMemStats"]
    pub unsafe extern "Go" fn read_mem_stats(out: *mut u64) {
        let g = gc();
        let h = heap::stats();
        let words: [u64; 16] = [
            h.heap_alloc,
            h.total_alloc,
            h.heap_sys + h.other_sys + (g.gray_cap * core::mem::size_of::<Obj>()) as u64,
            h.mallocs,
            h.frees,
            h.heap_sys,
            h.heap_idle,
            h.heap_inuse,
            h.heap_released,
            h.heap_objects,
            if g.goal == usize::MAX { 0 } else { g.goal as u64 },
            g.last_gc,
            g.pause_total,
            g.num_gc as u64,
            g.num_forced as u64,
            (g.gc_time as u64).saturating_mul(1_000_000) / ((crate::os::nanotime() - g.start_time).max(1) as u64),
        ];
        core::ptr::copy_nonoverlapping(words.as_ptr(), out, words.len());
        core::ptr::copy_nonoverlapping(core::ptr::addr_of!(PAUSES) as *const u64, out.add(16), 256);
        core::ptr::copy_nonoverlapping(core::ptr::addr_of!(PAUSE_ENDS) as *const u64, out.add(16 + 256), 256);
    }
}
