//! The few things that are written per architecture: saving and restoring the registers a
//! function keeps across calls (to resume a function after a recovered panic), and calling
//! a deferred function while noting the stack pointer at the call (for `recover`). The
//! operating system's entry and system calls are in `os`.
#[cfg(target_arch = "x86_64")]
mod amd64;
#[cfg(target_arch = "x86_64")]
pub use amd64::*;
#[cfg(target_arch = "aarch64")]
mod arm64;
#[cfg(target_arch = "aarch64")]
pub use arm64::*;
