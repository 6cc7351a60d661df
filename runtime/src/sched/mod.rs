//! The scheduler (gc's runtime2.go and proc.go): goroutines (G) run on one OS thread (M) that
//! holds the one processor (P) with the run queues and the timers: GOMAXPROCS=1 semantics,
//! with gc's structure so that more Ms and Ps later are not a rewrite.
//!
//! - `G`: a goroutine: its id, status, what it waits for, its stack and saved context, and
//!   its defer and panic chains (used by defer.rs and panic.rs through `getg()`).
//! - `M`: the OS thread: its g0 (the scheduler's own goroutine, on a stack of its own, where
//!   `schedule()` and "system stack" work such as a collection run) and the G it runs.
//! - `P`: the processor: the run queues (runq.rs, where `P` is) and the timer heap
//!   (timers.rs).
//! - `allgs`: every G ever made (dead ones are reused, through the free list `gfree`); the
//!   collector scans them all (gc/stack.rs) and their structures (`roots`).
//!
//! The files: proc.rs (creating, running, parking and ending goroutines; `schedule`;
//! deadlock), runq.rs (run queues), stack.rs (goroutine stacks), stash.rs (parked stacks
//! copied out when very many goroutines wait), timers.rs (timers, Sleep,
//! the clocks), preempt.rs (runtime.stackguard, morestack, the preemption tick). The context
//! switch itself is per architecture in arch/.
pub mod proc;
pub mod runq;
pub mod stack;
pub mod stash;
pub mod timers;
pub mod preempt;

use crate::arch::Context;
use crate::defer::Frame;
use crate::panic::Panic;

#[allow(unused_imports)]
pub use proc::{gopark, goready, gosched, systemstack};
#[allow(unused_imports)]
pub use timers::{addtimer, deltimer, modtimer, nanotime, walltime, Timer};

/// A goroutine's status (gc's _Gidle, _Grunnable, ... with gc's numbers).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(dead_code)]
pub enum Status {
    /// Just made, not yet set up.
    Idle = 0,
    /// In a run queue, not running.
    Runnable = 1,
    /// Running: the current G (or suspended under g0 in `systemstack`).
    Running = 2,
    /// Parked (gopark): waits for a goready.
    Waiting = 4,
    /// Finished; on the free list for reuse.
    Dead = 6,
}

/// Why a goroutine is parked, printed in tracebacks as gc prints it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
#[allow(dead_code)]
pub enum WaitReason {
    Zero,
    ChanReceive,
    ChanSend,
    ChanReceiveNilChan,
    ChanSendNilChan,
    Select,
    SelectNoCases,
    Sleep,
    Semacquire,
    SyncCondWait,
    SyncMutexLock,
    SyncRWMutexRLock,
    SyncRWMutexLock,
}

impl WaitReason {
    /// gc's text for the reason.
    pub fn as_str(&self) -> &'static [u8] {
        match self {
            WaitReason::Zero => b"",
            WaitReason::ChanReceive => b"chan receive",
            WaitReason::ChanSend => b"chan send",
            WaitReason::ChanReceiveNilChan => b"chan receive (nil chan)",
            WaitReason::ChanSendNilChan => b"chan send (nil chan)",
            WaitReason::Select => b"select",
            WaitReason::SelectNoCases => b"select (no cases)",
            WaitReason::Sleep => b"sleep",
            WaitReason::Semacquire => b"semacquire",
            WaitReason::SyncCondWait => b"sync.Cond.Wait",
            WaitReason::SyncMutexLock => b"sync.Mutex.Lock",
            WaitReason::SyncRWMutexRLock => b"sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => b"sync.RWMutex.Lock",
        }
    }
}

/// A goroutine stack's bounds: [lo, hi).
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Stack {
    pub lo: usize,
    pub hi: usize,
}

/// A goroutine. Lives outside the collected heap (persistent memory, reused when dead); the
/// collector scans every G's words as roots, so what they point to stays alive.
#[repr(C)]
pub struct G {
    /// The innermost active function with deferred calls (a chain through `Frame::link`).
    pub frames: *mut Frame,
    /// The innermost panic in progress (a chain through `Panic::link`).
    pub panic: *mut Panic,
    /// The saved context while not running (arch::Context: sp, fp, stack bounds).
    pub sched: Context,
    /// The stack (main goroutine: lo = hi = 0, it runs on the OS thread's stack).
    pub stack: Stack,
    pub goid: i64,
    pub status: Status,
    pub waitreason: WaitReason,
    /// Set by the waker (e.g. the sudog that completed the operation).
    pub param: usize,
    /// The next G in a run queue or on the free list (gc's schedlink).
    pub schedlink: *mut G,
    /// The closure the goroutine runs (until it starts).
    pub fv: *const u8,
    /// The goroutine's own timer, for Sleep.
    pub timer: Timer,
    /// A select's "already decided" flag, shared by its sudogs (gc's selectDone).
    pub selectdone: bool,
    /// While parked: the neighbours in the list of parked goroutines whose stacks are in
    /// memory (stash.rs), oldest first.
    pub parkprev: *mut G,
    pub parknext: *mut G,
    /// Whether the G is in that list.
    pub parked: bool,
    /// The copy of the used part of the stack, [sched.sp, stack.hi), while it is copied out
    /// (null otherwise), and its size class.
    pub stash: *mut u8,
    pub stashclass: usize,
}

impl G {
    pub const fn new(goid: i64) -> G {
        G {
            frames: core::ptr::null_mut(),
            panic: core::ptr::null_mut(),
            sched: Context::EMPTY,
            stack: Stack { lo: 0, hi: 0 },
            goid,
            status: Status::Running,
            waitreason: WaitReason::Zero,
            param: 0,
            schedlink: core::ptr::null_mut(),
            fv: core::ptr::null(),
            timer: Timer::EMPTY,
            selectdone: false,
            parkprev: core::ptr::null_mut(),
            parknext: core::ptr::null_mut(),
            parked: false,
            stash: core::ptr::null_mut(),
            stashclass: 0,
        }
    }
}

/// The OS thread. There is one (M0), so it is a set of statics: its g0 and current G.
/// Generated wrappers read `curg` (and G's `panic`, and Panic's `argp`) at the offsets in
/// golift's codegen (`WrapperAdjust`); the assertions below keep the two in step.
#[repr(C)]
pub struct M {
    /// The scheduler's goroutine: schedule() and systemstack work run on its stack.
    pub g0: *mut G,
    /// The G running (g0 while the scheduler runs).
    pub curg: *mut G,
    /// Set once g0's stack exists (the scheduler is initialised).
    pub ready: bool,
}

/// The main goroutine (goid 1), on the OS thread's stack.
pub static mut G1: G = G::new(1);
/// M0's g0.
pub static mut G0: G = G::new(0);

#[export_name = "runtime.m0"]
pub static mut M0: M = M { g0: core::ptr::addr_of_mut!(G0), curg: core::ptr::addr_of_mut!(G1), ready: false };

const _: () = assert!(core::mem::offset_of!(M, curg) == 8);
const _: () = assert!(core::mem::offset_of!(G, panic) == 8);
const _: () = assert!(core::mem::offset_of!(crate::panic::Panic, argp) == 0);

/// The current goroutine (g0 while the scheduler runs or the collector works).
#[inline(always)]
pub fn getg() -> &'static mut G {
    unsafe { &mut *M0.curg }
}

/// The current goroutine, as a pointer.
#[inline(always)]
pub fn getgp() -> *mut G {
    unsafe { M0.curg }
}

/// Every G made by newproc (not g0, not the main goroutine), dead ones included.
pub struct AllGs {
    pub ptr: *mut *mut G,
    pub len: usize,
    pub cap: usize,
}

pub static mut ALLGS: AllGs = AllGs { ptr: core::ptr::null_mut(), len: 0, cap: 0 };

pub unsafe fn allgadd(gp: *mut G) {
    let a = &mut *core::ptr::addr_of_mut!(ALLGS);
    if a.len == a.cap {
        let cap = (a.cap * 2).max(1024);
        let p = crate::os::mmap(cap * 8) as *mut *mut G;
        if p.is_null() {
            crate::panic::fatal(b"runtime: out of memory");
        }
        if a.len > 0 {
            core::ptr::copy_nonoverlapping(a.ptr, p, a.len);
        }
        // The old array is left mapped (it is at most half the new one).
        a.ptr = p;
        a.cap = cap;
    }
    *a.ptr.add(a.len) = gp;
    a.len += 1;
}

/// Calls `f` with every goroutine that may hold a stack: the main goroutine, then the
/// others in the order they were made (g0 is not included).
pub unsafe fn for_each_g(mut f: impl FnMut(*mut G)) {
    f(core::ptr::addr_of_mut!(G1));
    let a = &*core::ptr::addr_of!(ALLGS);
    for i in 0..a.len {
        f(*a.ptr.add(i));
    }
}

/// The top of a goroutine's stack, for the collector: the main goroutine's is the OS stack's
/// recorded top (gc::stack::STACK_TOP).
pub unsafe fn stack_top(gp: *mut G) -> usize {
    if gp == core::ptr::addr_of_mut!(G1) {
        crate::gc::stack::STACK_TOP
    } else {
        (*gp).stack.hi
    }
}

/// The runtime's structures that hold heap pointers, for the collector: every G's words
/// (defer and panic chains, closures, what it waits for), the sudogs and the timer heap.
pub unsafe fn roots(mut f: impl FnMut(usize, usize)) {
    let size = core::mem::size_of::<G>();
    f(core::ptr::addr_of!(G0) as usize, core::ptr::addr_of!(G0) as usize + size);
    for_each_g(|gp| {
        if (*gp).status != Status::Dead {
            f(gp as usize, gp as usize + size)
        }
    });
    crate::sudog::roots(&mut f);
    timers::roots(f);
}
