//! Timers (gc's time.go) and the clocks. The P keeps a binary min-heap of timers ordered by
//! `when` (monotonic nanoseconds, `nanotime`). `schedule()` runs the timers that are due
//! (`runtimers`), and when nothing is runnable sleeps until the earliest one (`sleep_until`).
//! A timer's function is a Go closure, called on g0 as `code(fv, arg.type, arg.data, seq)`;
//! it must not block (package time's sendTime does a non-blocking send, Sleep's readies the
//! sleeping goroutine).
//!
//! Package time's side: `time.Sleep`, `time.startTimer`, `time.stopTimer`, `time.resetTimer`,
//! `time.runtimeNano` (monotonic) and `time.unixNano` (wall clock); package runtime's
//! `runtime.nanotime`.
use super::{getgp, proc, WaitReason, G};
use crate::types::{Eface, Type};

/// A timer: the layout of package time's runtimeTimer.
#[repr(C)]
pub struct Timer {
    /// nanotime at which `f` runs.
    pub when: i64,
    /// When > 0, the timer is re-armed at `when + period` after each run.
    pub period: i64,
    /// The closure to call (`func(arg any, seq uintptr)`).
    pub f: *const u8,
    pub arg: Eface,
    pub seq: usize,
    /// The index in the heap (-1, or anything not pointing back at the timer: not in it).
    pub idx: i64,
}

impl Timer {
    pub const EMPTY: Timer = Timer {
        when: 0,
        period: 0,
        f: core::ptr::null(),
        arg: Eface { typ: core::ptr::null(), data: core::ptr::null_mut() },
        seq: 0,
        idx: -1,
    };
}

/// The latest `when` (gc's maxWhen).
const MAX_WHEN: i64 = i64::MAX;

struct Heap {
    t: *mut *mut Timer,
    len: usize,
    cap: usize,
}

/// The P's timers.
static mut TIMERS: Heap = Heap { t: core::ptr::null_mut(), len: 0, cap: 0 };

unsafe fn heap() -> &'static mut Heap {
    &mut *core::ptr::addr_of_mut!(TIMERS)
}

/// Monotonic time in nanoseconds.
pub unsafe fn nanotime() -> i64 {
    crate::os::nanotime()
}

/// Wall-clock time: seconds and nanoseconds since 1970.
#[allow(dead_code)]
pub unsafe fn walltime() -> (i64, i32) {
    crate::os::walltime()
}

unsafe fn at(i: usize) -> *mut Timer {
    *heap().t.add(i)
}

unsafe fn set(i: usize, t: *mut Timer) {
    *heap().t.add(i) = t;
    (*t).idx = i as i64;
}

unsafe fn siftup(mut i: usize) {
    let t = at(i);
    while i > 0 {
        let parent = (i - 1) / 2;
        if (*at(parent)).when <= (*t).when {
            break;
        }
        set(i, at(parent));
        i = parent;
    }
    set(i, t);
}

unsafe fn siftdown(mut i: usize) {
    let n = heap().len;
    let t = at(i);
    loop {
        let mut c = 2 * i + 1;
        if c >= n {
            break;
        }
        if c + 1 < n && (*at(c + 1)).when < (*at(c)).when {
            c += 1;
        }
        if (*t).when <= (*at(c)).when {
            break;
        }
        set(i, at(c));
        i = c;
    }
    set(i, t);
}

/// Whether `t` is in the heap.
unsafe fn inheap(t: *mut Timer) -> bool {
    let i = (*t).idx;
    i >= 0 && (i as usize) < heap().len && at(i as usize) == t
}

/// Adds `t` to the heap (it must not be in it).
pub unsafe fn addtimer(t: *mut Timer) {
    if (*t).when < 0 {
        (*t).when = MAX_WHEN;
    }
    let h = heap();
    if h.len == h.cap {
        let cap = (h.cap * 2).max(256);
        let p = crate::os::mmap(cap * 8) as *mut *mut Timer;
        if p.is_null() {
            crate::panic::fatal(b"runtime: out of memory");
        }
        if h.len > 0 {
            core::ptr::copy_nonoverlapping(h.t, p, h.len);
        }
        h.t = p;
        h.cap = cap;
    }
    h.len += 1;
    set(h.len - 1, t);
    siftup(h.len - 1);
}

/// Removes `t` from the heap: whether it was there (it had not run or been stopped).
pub unsafe fn deltimer(t: *mut Timer) -> bool {
    if !inheap(t) {
        return false;
    }
    let h = heap();
    let i = (*t).idx as usize;
    h.len -= 1;
    let last = at(h.len);
    *h.t.add(h.len) = core::ptr::null_mut();
    (*t).idx = -1;
    if i < h.len {
        set(i, last);
        siftdown(i);
        siftup((*last).idx as usize);
    }
    true
}

/// Moves `t` to `when` (adding it if it is not in the heap): whether it was in the heap.
pub unsafe fn modtimer(t: *mut Timer, when: i64) -> bool {
    let pending = deltimer(t);
    (*t).when = when;
    addtimer(t);
    pending
}

/// The `when` of the earliest timer, if any.
pub unsafe fn earliest() -> Option<i64> {
    if heap().len == 0 { None } else { Some((*at(0)).when) }
}

/// Whether the heap has timers.
pub unsafe fn any() -> bool {
    heap().len > 0
}

/// Timer functions are running (goready then queues at the end: proc.rs).
static mut RUNNING: bool = false;

pub unsafe fn running() -> bool {
    RUNNING
}

/// Runs every timer due at `now` (on g0).
pub unsafe fn runtimers(now: i64) {
    RUNNING = true;
    runtimers1(now);
    RUNNING = false;
}

unsafe fn runtimers1(now: i64) {
    while heap().len > 0 {
        let t = at(0);
        if (*t).when > now {
            break;
        }
        if (*t).period > 0 {
            // Re-armed for its next period after now.
            let behind = now - (*t).when;
            (*t).when = (*t).when.saturating_add((*t).period.saturating_mul(1 + behind / (*t).period));
            siftdown(0);
        } else {
            deltimer(t);
        }
        let (f, arg, seq) = ((*t).f, (*t).arg, (*t).seq);
        if !f.is_null() {
            let code: go_fn!(fn(*const u8, *const Type, *mut u8, usize)) = core::mem::transmute(*(f as *const *const u8));
            code(f, arg.typ, arg.data, seq);
        }
    }
}

/// Sleeps the thread until `when` (nothing is runnable meanwhile).
pub unsafe fn sleep_until(when: i64) {
    let d = when - nanotime();
    if d > 0 {
        crate::os::sleep_ns(d);
    }
}

/// The timer heap's array, for the collector (package time's timers are heap objects).
pub unsafe fn roots(mut f: impl FnMut(usize, usize)) {
    let h = heap();
    if h.len > 0 {
        f(h.t as usize, h.t as usize + h.len * 8);
    }
}

go_abi! {
    /// Sleep's timer function: readies the goroutine in `arg`'s data word.
    extern "Go" fn goroutine_ready(_fv: *const u8, _typ: *const Type, data: *mut u8, _seq: usize) {
        unsafe {
            proc::goready(data as *mut G);
        }
    }
}

/// The closure object of `goroutine_ready` (a func value: a pointer to its code's address).
static GOROUTINE_READY: go_fn!(fn(*const u8, *const Type, *mut u8, usize)) = goroutine_ready;

/// Parks the current goroutine for `ns` nanoseconds.
pub unsafe fn sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let gp = getgp();
    let t = core::ptr::addr_of_mut!((*gp).timer);
    (*t).when = nanotime().saturating_add(ns);
    (*t).period = 0;
    (*t).f = core::ptr::addr_of!(GOROUTINE_READY) as *const u8;
    (*t).arg = Eface { typ: core::ptr::null(), data: gp as *mut u8 };
    addtimer(t);
    proc::gopark(WaitReason::Sleep);
}

go_abi! {
    /// time.Sleep: parks with reason "sleep" (d <= 0 returns at once).
    #[export_name = "time.Sleep"]
    pub unsafe extern "Go" fn time_sleep(ns: i64) {
        sleep(ns);
    }

    /// time.runtimeNano: monotonic nanoseconds, the timers' clock.
    #[export_name = "time.runtimeNano"]
    pub unsafe extern "Go" fn time_runtime_nano() -> i64 {
        nanotime()
    }

    /// runtime.nanotime, for package runtime's Go half.
    #[export_name = "runtime.nanotime"]
    pub unsafe extern "Go" fn runtime_nanotime() -> i64 {
        nanotime()
    }

    /// time.unixNano: the wall clock, in nanoseconds since 1970.
    #[export_name = "time.unixNano"]
    pub unsafe extern "Go" fn time_unix_nano() -> i64 {
        let (s, ns) = crate::os::walltime();
        s * 1_000_000_000 + ns as i64
    }

    /// time.startTimer: adds the timer.
    #[export_name = "time.startTimer"]
    pub unsafe extern "Go" fn time_start_timer(t: *mut Timer) {
        addtimer(t);
    }

    /// time.stopTimer: removes the timer; whether it had yet to run.
    #[export_name = "time.stopTimer"]
    pub unsafe extern "Go" fn time_stop_timer(t: *mut Timer) -> bool {
        deltimer(t)
    }

    /// time.resetTimer: moves the timer to `when`; whether it had yet to run.
    #[export_name = "time.resetTimer"]
    pub unsafe extern "Go" fn time_reset_timer(t: *mut Timer, when: i64) -> bool {
        modtimer(t, when)
    }
}
