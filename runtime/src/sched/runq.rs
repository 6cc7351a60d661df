//! Run queues (gc's runqput, runqget, globrunqput, globrunqget): the P's local queue, a ring
//! of 256 Gs plus `runnext` (the G readied last, run next: a woken receiver runs before older
//! work, as in gc), and the global queue, a list through `G::schedlink` that takes what the
//! ring cannot. With one P the global queue only catches the overflow; the scheduler looks
//! at it every 61st time so that nothing there waits for ever.
use super::G;

const RING: usize = 256;

/// The processor: run queues and timers (timers.rs keeps its heap here too).
pub struct P {
    pub runnext: *mut G,
    runq: [*mut G; RING],
    head: usize,
    tail: usize,
    /// Scheduling rounds, to look at the global queue now and then.
    pub schedtick: u32,
}

pub static mut P0: P = P { runnext: core::ptr::null_mut(), runq: [core::ptr::null_mut(); RING], head: 0, tail: 0, schedtick: 0 };

/// The global run queue.
struct Sched {
    head: *mut G,
    tail: *mut G,
    size: usize,
}

static mut SCHED: Sched = Sched { head: core::ptr::null_mut(), tail: core::ptr::null_mut(), size: 0 };

pub unsafe fn p() -> &'static mut P {
    &mut *core::ptr::addr_of_mut!(P0)
}

/// Puts gp on the P's queue: at its end, or as `runnext` when `next` (the G that was there
/// goes to the end).
pub unsafe fn runqput(gp: *mut G, next: bool) {
    let pp = p();
    let mut gp = gp;
    if next {
        let old = pp.runnext;
        pp.runnext = gp;
        if old.is_null() {
            return;
        }
        gp = old;
    }
    if pp.tail - pp.head < RING {
        pp.runq[pp.tail % RING] = gp;
        pp.tail += 1;
        return;
    }
    // Full: half of the ring and gp go to the global queue.
    for _ in 0..RING / 2 {
        let g = pp.runq[pp.head % RING];
        pp.head += 1;
        globrunqput(g);
    }
    globrunqput(gp);
}

/// The next G of the P's queue (runnext first).
pub unsafe fn runqget() -> *mut G {
    let pp = p();
    let next = pp.runnext;
    if !next.is_null() {
        pp.runnext = core::ptr::null_mut();
        return next;
    }
    if pp.head == pp.tail {
        return core::ptr::null_mut();
    }
    let g = pp.runq[pp.head % RING];
    pp.head += 1;
    g
}

pub unsafe fn runqempty() -> bool {
    let pp = p();
    pp.runnext.is_null() && pp.head == pp.tail
}

/// Puts gp at the end of the global queue.
pub unsafe fn globrunqput(gp: *mut G) {
    let s = &mut *core::ptr::addr_of_mut!(SCHED);
    (*gp).schedlink = core::ptr::null_mut();
    if s.tail.is_null() {
        s.head = gp;
    } else {
        (*s.tail).schedlink = gp;
    }
    s.tail = gp;
    s.size += 1;
}

/// Takes the first G of the global queue.
pub unsafe fn globrunqget() -> *mut G {
    let s = &mut *core::ptr::addr_of_mut!(SCHED);
    let gp = s.head;
    if !gp.is_null() {
        s.head = (*gp).schedlink;
        if s.head.is_null() {
            s.tail = core::ptr::null_mut();
        }
        (*gp).schedlink = core::ptr::null_mut();
        s.size -= 1;
    }
    gp
}

/// Whether some G is waiting to run.
pub unsafe fn anyrunnable() -> bool {
    !runqempty() || (*core::ptr::addr_of!(SCHED)).size > 0
}

/// The next G to run: now and then from the global queue first (fairness), else the local
/// one, else the global one. Null if none.
pub unsafe fn findrunnable_now() -> *mut G {
    let pp = p();
    pp.schedtick = pp.schedtick.wrapping_add(1);
    if pp.schedtick % 61 == 0 {
        let gp = globrunqget();
        if !gp.is_null() {
            return gp;
        }
    }
    let gp = runqget();
    if !gp.is_null() {
        return gp;
    }
    globrunqget()
}
