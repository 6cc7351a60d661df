//! The OS layer: everything the runtime asks of the operating system, one module per OS.
//! Each provides the same six things:
//!
//! - the process entry, which collects the arguments, the environment (`start::set_env`)
//!   and a random seed, and calls `start::run`;
//! - `write(fd, bytes)` to standard output (1) or standard error (2);
//! - `read(fd, bytes)` from standard input (0): the count, 0 at its end, negative on errors;
//! - `exit(code)`;
//! - `mmap(len)`: `len` bytes of zeroed, readable and writable memory, or null;
//! - `hugepages(p, len)`: a hint that a heap mapping is walked a lot (Linux only).
//!
//! Linux is spoken to by raw system calls (a static executable, no libc), Windows through
//! kernel32.dll, Darwin through libSystem.dylib (the only stable interface Apple offers).
#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
pub use linux::*;

#[cfg(target_os = "windows")]
mod windows;
#[cfg(target_os = "windows")]
pub use windows::*;

#[cfg(target_os = "macos")]
mod darwin;
#[cfg(target_os = "macos")]
pub use darwin::*;
