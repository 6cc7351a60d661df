//! The fault handler (see runtime/src/signal.rs): SIGSEGV and SIGBUS go to `on_fault`, which
//! runs on an alternate signal stack, since the faulting stack may have no room left. And the
//! scheduler's preemption tick (sched/preempt.rs): SIGALRM every 10 ms from setitimer, with
//! SA_RESTART so that system calls in progress go on (nanosleep does not: `sleep_ns` retries).
use super::{mmap, syscall3, syscall6};

#[cfg(target_arch = "x86_64")]
mod nr {
    pub const RT_SIGACTION: usize = 13;
    pub const SIGALTSTACK: usize = 131;
    pub const PRLIMIT64: usize = 302;
    pub const SETITIMER: usize = 38;
}
#[cfg(target_arch = "aarch64")]
mod nr {
    pub const RT_SIGACTION: usize = 134;
    pub const SIGALTSTACK: usize = 132;
    pub const PRLIMIT64: usize = 261;
    pub const SETITIMER: usize = 103;
}

const SIGBUS: usize = 7;
const SIGSEGV: usize = 11;
const SA_SIGINFO: u64 = 4;
const SA_ONSTACK: u64 = 0x0800_0000;
const SA_RESETHAND: u64 = 0x8000_0000;
const SA_RESTART: u64 = 0x1000_0000;
const SIGALRM: usize = 14;
const ALT_STACK: usize = 64 << 10;

/// The kernel's `struct sigaction` (the same layout on x86-64 and arm64).
#[repr(C)]
struct SigAction {
    handler: usize,
    flags: u64,
    restorer: usize,
    mask: u64,
}

/// The kernel's `stack_t`.
#[repr(C)]
struct SigStack {
    sp: usize,
    flags: i32,
    size: usize,
}

/// On x86-64 the kernel returns from a handler through a restorer the process provides (it
/// calls rt_sigreturn); arm64's kernel provides its own.
#[cfg(target_arch = "x86_64")]
fn restorer() -> (u64, usize) {
    (0x0400_0000, sigreturn as *const () as usize)
}
#[cfg(target_arch = "aarch64")]
fn restorer() -> (u64, usize) {
    (0, 0)
}

#[cfg(target_arch = "x86_64")]
#[unsafe(naked)]
unsafe extern "C" fn sigreturn() {
    core::arch::naked_asm!("mov eax, 15", "syscall", "ud2");
}

/// The main stack's size limit (RLIMIT_STACK), found at start-up.
static mut LIMIT: usize = 8 << 20;

pub fn install_fault_handler() {
    unsafe {
        let mut lim = [0u64; 2];
        if syscall6(nr::PRLIMIT64, 0, 3, 0, lim.as_mut_ptr() as usize, 0, 0) == 0 && lim[0] != u64::MAX {
            LIMIT = lim[0] as usize;
        }
        let stack = mmap(ALT_STACK);
        if stack.is_null() {
            return;
        }
        let ss = SigStack { sp: stack as usize, flags: 0, size: ALT_STACK };
        syscall3(nr::SIGALTSTACK, &ss as *const SigStack as usize, 0, 0);
        // SA_RESETHAND: a fault that is not a stack overflow returns to the faulting
        // instruction, which faults again and gets the default action (the OS's report).
        let (flag, restorer) = restorer();
        let act = SigAction { handler: on_fault as *const () as usize, flags: SA_SIGINFO | SA_ONSTACK | SA_RESETHAND | flag, restorer, mask: 0 };
        for sig in [SIGSEGV, SIGBUS] {
            syscall6(nr::RT_SIGACTION, sig, &act as *const SigAction as usize, 0, 8, 0, 0);
        }
    }
}

/// `siginfo_t`'s fault address is at offset 16.
unsafe extern "C" fn on_fault(_sig: i32, info: *const u8, _ctx: *const u8) {
    let addr = *(info.add(16) as *const usize);
    if crate::signal::is_stack_fault(addr, LIMIT) {
        let top = crate::gc::stack::STACK_TOP;
        crate::signal::stack_overflow(addr, top.saturating_sub(LIMIT), top, 1);
    }
}

/// Starts the preemption tick: SIGALRM every `period_us` microseconds calls `tick`.
pub fn start_tick(period_us: usize, tick: fn()) {
    unsafe {
        TICK = Some(tick);
        let (flag, restorer) = restorer();
        let act = SigAction { handler: on_tick as *const () as usize, flags: SA_SIGINFO | SA_ONSTACK | SA_RESTART | flag, restorer, mask: 0 };
        syscall6(nr::RT_SIGACTION, SIGALRM, &act as *const SigAction as usize, 0, 8, 0, 0);
        // struct itimerval: the interval, then the first expiry (each a timeval).
        let tv = [0usize, period_us, 0, period_us];
        syscall3(nr::SETITIMER, 0, tv.as_ptr() as usize, 0);
    }
}

static mut TICK: Option<fn()> = None;

unsafe extern "C" fn on_tick(_sig: i32, _info: *const u8, _ctx: *const u8) {
    if let Some(f) = TICK {
        f();
    }
}
