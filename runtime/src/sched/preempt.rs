//! Stack overflow checks and preemption through one word, gc's stackguard: compiled Go code
//! (in programs that start goroutines) compares its stack pointer with `runtime.stackguard`
//! at every function entry and loop back-edge, and calls `runtime.morestack` when it is
//! below.
//!
//! - The scheduler sets the guard for the G it runs: its stack's bottom plus the red zone
//!   (stack.rs) for goroutines on allocated stacks, 0 for the main goroutine (the OS
//!   thread's stack has a guard page; the fault handler reports its overflow) and for g0.
//! - A preemption request sets the guard to the highest address, so the next check fails
//!   wherever the goroutine is, and sets PREEMPT. The request comes from a tick every 10 ms
//!   (gc's sysmon does this job), started with the first goroutine: SIGALRM from setitimer on
//!   Linux and Darwin, a timer thread on Windows (os::start_tick).
//! - morestack tells the two apart by the stack pointer: below the goroutine's real guard
//!   is an overflow (gc's message, exit 2); otherwise it was a preemption request: the guard
//!   is restored and the goroutine yields (gosched) if something else can run.
use super::{getgp, proc, stack, G};
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The word compiled code compares its stack pointer with.
#[export_name = "runtime.stackguard"]
pub static STACKGUARD: AtomicUsize = AtomicUsize::new(0);

/// A preemption was requested.
pub static PREEMPT: AtomicBool = AtomicBool::new(false);

/// The time slice.
const TICK_US: usize = 10_000;

static mut TICKING: bool = false;

/// The stackguard value for `gp`.
pub unsafe fn guard_of(gp: *mut G) -> usize {
    if (*gp).stack.lo == 0 { 0 } else { (*gp).stack.lo + stack::RED_ZONE }
}

/// Sets the stackguard for the G about to run, starting a fresh time slice.
pub unsafe fn set_guard(gp: *mut G) {
    PREEMPT.store(false, Ordering::SeqCst);
    STACKGUARD.store(guard_of(gp), Ordering::SeqCst);
}

/// Sets the stackguard for `gp`, which goes on with its time slice (back from g0 after a
/// `systemstack`, or onto g0 for one): a preemption requested meanwhile stays pending, so a
/// goroutine that spends its time in the runtime (a loop of `runtime.GC()`) still yields.
pub unsafe fn keep_guard(gp: *mut G) {
    STACKGUARD.store(guard_of(gp), Ordering::SeqCst);
    if PREEMPT.load(Ordering::SeqCst) {
        STACKGUARD.store(usize::MAX, Ordering::SeqCst);
    }
}

/// A preemption request (from the tick: a signal handler or another thread).
fn request() {
    PREEMPT.store(true, Ordering::SeqCst);
    STACKGUARD.store(usize::MAX, Ordering::SeqCst);
}

/// Starts the tick, once (when the first goroutine is made).
pub unsafe fn start_tick() {
    if !TICKING {
        TICKING = true;
        crate::os::start_tick(TICK_US, request);
    }
}

go_abi! {
    /// Called by compiled code when its stack pointer is below runtime.stackguard.
    #[export_name = "runtime.morestack"]
    pub unsafe extern "Go" fn morestack() {
        let sp = crate::arch::getsp();
        let gp = getgp();
        let guard = guard_of(gp);
        if sp < guard {
            overflow(gp, sp);
        }
        // A load and a store, not a swap: read-modify-write atomics would pull in arm64's
        // outline atomics (and their getauxval probe). A request lost in between is
        // repeated by the next tick.
        let preempt = PREEMPT.load(Ordering::SeqCst);
        PREEMPT.store(false, Ordering::SeqCst);
        STACKGUARD.store(guard, Ordering::SeqCst);
        if preempt && gp != super::M0.g0 && proc::others_runnable() {
            proc::gosched();
        }
    }
}

/// A goroutine ran out of stack: gc's report, exit 2.
unsafe fn overflow(gp: *mut G, sp: usize) -> ! {
    crate::signal::stack_overflow(sp, (*gp).stack.lo, (*gp).stack.hi, (*gp).goid)
}
