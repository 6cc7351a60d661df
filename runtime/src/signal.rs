//! Faults the program did not check for: a stack overflow in deep recursion. Each OS layer
//! installs a handler (`os::install_fault_handler`: a signal handler on an alternate signal
//! stack on Linux and Darwin, a vectored exception handler on Windows) that calls
//! `stack_overflow` when the faulting address is in the guard region below the stack, so the
//! program ends as gc's does: its message and exit status 2, not the OS's SIGSEGV. Other faults
//! keep the OS's default action (golift checks nil pointers explicitly, so they are bugs).
use crate::print::{out, print_hex};

/// Whether a fault at `addr` is the stack running into its guard region: below the top of
/// the stack, and no further below it than the stack's size limit allows (plus a margin
/// for large frames).
#[cfg(not(windows))]
pub fn is_stack_fault(addr: usize, limit: usize) -> bool {
    let top = unsafe { crate::gc::stack::STACK_TOP };
    top != 0 && addr < top && addr >= top.saturating_sub(limit.saturating_add(1 << 20))
}

/// Reports a stack overflow as gc does (its limit is its own 1 GB maximum stack size) and
/// exits with status 2. `sp`: the stack pointer at the fault, if known; the stack's bounds;
/// the goroutine's id.
pub fn stack_overflow(sp: usize, lo: usize, hi: usize, goid: i64) -> ! {
    out(b"runtime: goroutine stack exceeds 1000000000-byte limit\n");
    out(b"runtime: sp=");
    print_hex(sp as u64);
    out(b" stack=[");
    print_hex(lo as u64);
    out(b", ");
    print_hex(hi as u64);
    out(b"]\nfatal error: stack overflow\n\nruntime stack:\n\ngoroutine ");
    crate::print::print_int(goid);
    out(b" [running]:\n");
    crate::os::exit(2)
}
