//! The few things that are written per architecture: saving and restoring the registers a
//! function keeps across calls (to resume a function after a recovered panic), calling
//! a deferred function while noting the stack pointer at the call (for `recover`), and the
//! scheduler's context switch (`mcall_on`, `gogo`, `prepare_stack`: gc's gobuf, mcall and
//! gogo). The operating system's entry and system calls are in `os`.
#[cfg(target_arch = "x86_64")]
mod amd64;
#[cfg(target_arch = "x86_64")]
pub use amd64::*;
#[cfg(target_arch = "aarch64")]
mod arm64;
#[cfg(target_arch = "aarch64")]
pub use arm64::*;

/// A suspended goroutine's context (gc's gobuf). The registers a function keeps across calls
/// are pushed on the goroutine's own stack under a frame record (the frame pointer and the
/// return address into the code that switched away), so `sp` and `fp` are all it takes to
/// resume it, and the collector walks the stack from `fp` like any other. `lo` and `hi` are
/// the stack's bounds: on Windows the switch also writes them into the thread's TIB
/// (StackLimit and StackBase), which Windows reads when it handles an exception.
#[repr(C)]
pub struct Context {
    pub sp: usize,
    pub fp: usize,
    pub lo: usize,
    pub hi: usize,
}

impl Context {
    pub const EMPTY: Context = Context { sp: 0, fp: 0, lo: 0, hi: 0 };
}
