//! Goroutines' lives (gc's proc.go): `newproc` makes one (the `go` statement), the entry
//! trampoline runs its closure and then `goexit`; `gopark` suspends the current one until a
//! `goready`; `gosched` yields. Each of those switches to g0 (`mcall`: save the G's context,
//! run a function on g0's stack), where `schedule()` picks the next G (run queues, due
//! timers; sleeps until the next timer when nothing is runnable; reports a deadlock when
//! nothing can ever run) and `execute` resumes it (`gogo`). `systemstack` runs a function on
//! g0 and comes back (the collector runs there).
//!
//! Also package runtime's Gosched, Goexit, NumGoroutine, GOMAXPROCS and NumCPU, and
//! `runtime.block` (`select {}`).
use super::{getgp, preempt, runq, stack, stash, timers, Status, WaitReason, G, G0, G1, M0};
use crate::arch::{self, Context};
use crate::print::{out, print_int};

/// The next goroutine id (the first `go` statement's goroutine is 17, as gc numbers them).
static mut NEXT_GOID: i64 = 17;

/// Finished Gs, for reuse (gc's gFree list, through schedlink).
static mut GFREE: *mut G = core::ptr::null_mut();

/// Goroutines not dead (the main goroutine included, while it runs).
static mut NGOROUTINES: i64 = 1;

/// Goroutines not dead (for stash.rs).
#[inline]
pub fn live_goroutines() -> i64 {
    unsafe { NGOROUTINES }
}

/// The main goroutine called Goexit.
static mut MAIN_EXITED: bool = false;

/// Makes g0's stack and records the main goroutine's (called at start-up).
pub unsafe fn schedinit() {
    let s = stack::g0alloc();
    let g0 = core::ptr::addr_of_mut!(G0);
    (*g0).stack = s;
    (*g0).sched.lo = s.lo;
    (*g0).sched.hi = s.hi;
    (*g0).sched.base = s.lo;
    (*g0).status = Status::Running;
    let g1 = core::ptr::addr_of_mut!(G1);
    #[cfg(windows)]
    {
        let (lo, hi, base) = crate::os::tib_stack();
        (*g1).sched.lo = lo;
        (*g1).sched.hi = hi;
        (*g1).sched.base = base;
    }
    (*g1).status = Status::Running;
    M0.ready = true;
}

/// Switches from the current G to g0 and calls `f(gp)` there, on a fresh g0 stack; `f`
/// does not return (it ends in schedule()). The G resumes when something runs it again.
unsafe fn mcall(f: go_fn!(fn(usize))) {
    let gp = getgp();
    let g0 = M0.g0;
    if gp == g0 {
        crate::panic::fatal(b"runtime: mcall called on g0");
    }
    (*g0).sched.sp = (*g0).stack.hi;
    M0.curg = g0;
    preempt::set_guard(g0);
    arch::mcall_on(core::ptr::addr_of_mut!((*gp).sched), f, gp as usize, core::ptr::addr_of!((*g0).sched));
}

/// Runs `f(arg)` on g0's stack and returns (gc's systemstack): the calling G is suspended
/// meanwhile, its context saved like a parked G's, so that the collector sees every
/// goroutine the same way. On g0 already (or before the scheduler exists), calls `f` there.
pub unsafe fn systemstack(f: go_fn!(fn(usize)), arg: usize) {
    let gp = getgp();
    let g0 = M0.g0;
    if gp == g0 || !M0.ready {
        f(arg);
        return;
    }
    SYSTEMSTACK_FN = Some(f);
    SYSTEMSTACK_ARG = arg;
    (*g0).sched.sp = (*g0).stack.hi;
    M0.curg = g0;
    preempt::keep_guard(g0);
    arch::mcall_on(core::ptr::addr_of_mut!((*gp).sched), systemstack_on_g0, gp as usize, core::ptr::addr_of!((*g0).sched));
    // Back on gp (mcall_on resumed its saved context).
    M0.curg = gp;
    preempt::keep_guard(gp);
}

static mut SYSTEMSTACK_FN: Option<go_fn!(fn(usize))> = None;
static mut SYSTEMSTACK_ARG: usize = 0;

go_abi! {
    extern "Go" fn systemstack_on_g0(_gp: usize) {
        unsafe {
            let f = SYSTEMSTACK_FN;
            SYSTEMSTACK_FN = None;
            if let Some(f) = f {
                f(SYSTEMSTACK_ARG);
            }
        }
    }
}

/// Runs gp: it becomes the current G and its context resumes. A goroutine that has not run
/// yet gets its stack now (not when it was made: 100,000 goroutines started in a loop take
/// no stack memory until they run); one whose stack was copied out while it was parked gets
/// it back (stash.rs).
unsafe fn execute(gp: *mut G) -> ! {
    if (*gp).sched.sp == 0 {
        let s = stack::stackalloc();
        (*gp).stack = s;
        (*gp).sched = Context { sp: 0, fp: 0, lo: s.lo, hi: s.hi, base: s.lo };
        arch::prepare_stack(&mut (*gp).sched, s.hi, arch::goentry as *const () as usize);
    } else {
        stash::resumed(gp);
    }
    (*gp).status = Status::Running;
    (*gp).waitreason = WaitReason::Zero;
    M0.curg = gp;
    preempt::set_guard(gp);
    arch::gogo(core::ptr::addr_of!((*gp).sched))
}

/// One round of the scheduler, on g0: finds a runnable G and runs it. Runs due timers
/// first; with nothing runnable, sleeps until the next timer; with no timers either, no
/// goroutine can ever run again: a deadlock.
unsafe fn schedule() -> ! {
    loop {
        if timers::any() {
            let now = timers::nanotime();
            if timers::earliest().unwrap_or(i64::MAX) <= now {
                timers::runtimers(now);
            }
        }
        let gp = runq::findrunnable_now();
        if !gp.is_null() {
            execute(gp);
        }
        match timers::earliest() {
            Some(when) => timers::sleep_until(when),
            None => checkdead(),
        }
    }
}

/// Whether another G could run now (for a preemption: yielding to nothing is a waste).
pub unsafe fn others_runnable() -> bool {
    runq::anyrunnable() || timers::earliest().map_or(false, |w| w <= timers::nanotime())
}

go_abi! {
    extern "Go" fn park_m(gp: usize) {
        unsafe {
            let gp = gp as *mut G;
            (*gp).status = Status::Waiting;
            stash::parked(gp);
            schedule()
        }
    }

    extern "Go" fn gosched_m(gp: usize) {
        unsafe {
            let gp = gp as *mut G;
            (*gp).status = Status::Runnable;
            runq::globrunqput(gp);
            schedule()
        }
    }

    extern "Go" fn goexit0(gp: usize) {
        unsafe {
            let gp = gp as *mut G;
            (*gp).status = Status::Dead;
            (*gp).frames = core::ptr::null_mut();
            (*gp).panic = core::ptr::null_mut();
            (*gp).param = 0;
            (*gp).fv = core::ptr::null();
            (*gp).timer = super::Timer::EMPTY;
            NGOROUTINES -= 1;
            if gp == core::ptr::addr_of_mut!(G1) {
                // The main goroutine's stack is the OS thread's: nothing to free.
                MAIN_EXITED = true;
            } else {
                stack::stackfree((*gp).stack);
                (*gp).stack = super::Stack { lo: 0, hi: 0 };
                (*gp).sched = Context::EMPTY;
                (*gp).schedlink = GFREE;
                GFREE = gp;
            }
            schedule()
        }
    }
}

/// The current goroutine sleeps until someone calls `goready` on it; `reason` is what
/// tracebacks show.
pub unsafe fn gopark(reason: WaitReason) {
    let gp = getgp();
    (*gp).waitreason = reason;
    mcall(park_m);
}

/// gp becomes runnable: it runs next, before the G that called goready gets back to the
/// queue's other Gs (gc's runnext). Goroutines readied by timers go to the end of the queue
/// instead, in the order the timers fire: a batch of due timers then wakes its sleepers in
/// the order of their deadlines (runnext would reverse them).
pub unsafe fn goready(gp: *mut G) {
    if (*gp).status != Status::Waiting {
        crate::panic::fatal(b"bad g->status in ready");
    }
    (*gp).status = Status::Runnable;
    runq::runqput(gp, !timers::running());
}

/// The current goroutine goes to the back of the run queue; others run.
pub unsafe fn gosched() {
    mcall(gosched_m);
}

/// A new G with a stack, or a dead one reused.
unsafe fn gfget() -> *mut G {
    let gp = GFREE;
    if !gp.is_null() {
        GFREE = (*gp).schedlink;
        (*gp).schedlink = core::ptr::null_mut();
        return gp;
    }
    let gp = crate::heap::persistent(core::mem::size_of::<G>(), 16) as *mut G;
    core::ptr::write(gp, G::new(0));
    (*gp).status = Status::Dead;
    super::allgadd(gp);
    gp
}

go_abi! {
    /// The `go` statement: a new goroutine runs closure `fv` (of no arguments).
    #[export_name = "runtime.newproc"]
    pub unsafe extern "Go" fn newproc(fv: *const u8) {
        if !M0.ready {
            schedinit();
        }
        let gp = gfget();
        // The stack comes when the goroutine first runs (execute).
        (*gp).sched = Context::EMPTY;
        (*gp).fv = fv;
        (*gp).goid = NEXT_GOID;
        NEXT_GOID += 1;
        (*gp).waitreason = WaitReason::Zero;
        (*gp).status = Status::Runnable;
        NGOROUTINES += 1;
        runq::runqput(gp, true);
        preempt::start_tick();
    }
}

go_abi! {
    /// Where a new goroutine starts (called by arch::goentry on its fresh stack): runs its
    /// closure, then ends.
    pub unsafe extern "Go" fn goroutine_start() -> ! {
        let gp = getgp();
        let fv = (*gp).fv;
        crate::defer::call(fv);
        goexit1()
    }
}

/// Ends the current goroutine (its function returned, or Goexit ran its deferred calls).
unsafe fn goexit1() -> ! {
    mcall(goexit0);
    // goexit0 never comes back.
    crate::panic::fatal(b"runtime: goexit returned")
}

go_abi! {
    /// runtime.Gosched: yield.
    #[export_name = "runtime.Gosched"]
    pub unsafe extern "Go" fn runtime_gosched() {
        if !M0.ready {
            return;
        }
        gosched();
    }

    /// runtime.NumGoroutine: the goroutines that exist.
    #[export_name = "runtime.NumGoroutine"]
    pub unsafe extern "Go" fn num_goroutine() -> i64 {
        NGOROUTINES
    }

    /// runtime.GOMAXPROCS: one P runs every goroutine; n is ignored.
    #[export_name = "runtime.GOMAXPROCS"]
    pub unsafe extern "Go" fn gomaxprocs(_n: i64) -> i64 {
        1
    }

    /// runtime.NumCPU: the CPUs the OS lets the process use.
    #[export_name = "runtime.NumCPU"]
    pub unsafe extern "Go" fn num_cpu() -> i64 {
        crate::os::ncpu()
    }

    /// `select {}`: park for ever.
    #[export_name = "runtime.block"]
    pub unsafe extern "Go" fn block() {
        if !M0.ready {
            schedinit();
        }
        loop {
            gopark(WaitReason::SelectNoCases);
        }
    }

    /// runtime.Goexit: runs the goroutine's deferred calls, newest first, then ends it. The
    /// program goes on while other goroutines run (main.main's return is what ends it).
    #[export_name = "runtime.Goexit"]
    pub unsafe extern "Go" fn goexit() {
        if !M0.ready {
            schedinit();
        }
        let gp = getgp();
        loop {
            let fr = (*gp).frames;
            if fr.is_null() {
                break;
            }
            let d = (*fr).defers;
            if d.is_null() {
                (*gp).frames = (*fr).link;
                continue;
            }
            (*fr).defers = (*d).next;
            crate::defer::call((*d).fv);
        }
        goexit1()
    }
}

/// Nothing is runnable and no timer is pending (on g0): gc's checkdead.
unsafe fn checkdead() -> ! {
    let mut waiting = 0;
    super::for_each_g(|gp| {
        if (*gp).status == Status::Waiting {
            waiting += 1;
        }
    });
    if waiting == 0 {
        // Possible only when the main goroutine called Goexit.
        out(b"fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
        crate::os::exit(2);
    }
    out(b"fatal error: all goroutines are asleep - deadlock!\n");
    super::for_each_g(|gp| {
        if (*gp).status == Status::Waiting {
            out(b"\n");
            traceback(gp);
        }
    });
    crate::os::exit(2)
}

/// gc's traceback header: "goroutine N [status]:".
pub unsafe fn goroutine_header(gp: *mut G) {
    out(b"goroutine ");
    print_int((*gp).goid);
    out(b" [");
    match (*gp).status {
        Status::Waiting => out((*gp).waitreason.as_str()),
        Status::Runnable => out(b"runnable"),
        _ => out(b"running"),
    }
    out(b"]:\n");
}

/// What golift prints of a goroutine's stack after a panic or a fatal error: gc's header,
/// and for the main goroutine its outermost frame (the test comparators stop at the header).
pub unsafe fn traceback(gp: *mut G) {
    goroutine_header(gp);
    if (*gp).goid == 1 {
        out(b"main.main()\n");
    }
}
