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
/// resume it, and the collector walks the stack from `fp` like any other. `lo`, `hi` and
/// `base` are for Windows, where the switch writes them into the thread's TIB: StackLimit
/// (the lowest committed address, which Windows lowers as the stack grows through its guard
/// page; kept at each switch away), StackBase, and DeallocationStack (the bottom of the
/// reservation, as far as Windows grows the stack).
#[repr(C)]
pub struct Context {
    pub sp: usize,
    pub fp: usize,
    pub lo: usize,
    pub hi: usize,
    pub base: usize,
}

impl Context {
    pub const EMPTY: Context = Context { sp: 0, fp: 0, lo: 0, hi: 0, base: 0 };
}
