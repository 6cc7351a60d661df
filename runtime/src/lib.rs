//! The golift runtime: a `#![no_std]` staticlib linked into every program, built for each
//! target. It owns the process entry, talks to the operating system through `os` (raw
//! system calls on Linux, kernel32 on Windows, libSystem on Darwin), allocates memory, prints as Go's
//! runtime prints (`print`/`println`), implements string and slice helpers, and reports runtime
//! panics with gc's exact messages and exit status 2.
#![no_std]
#![allow(clippy::missing_safety_doc)]

#[macro_use]
mod abi;
mod os;
mod mem;
mod heap;
mod print;
mod panic;
mod strings;
mod slices;
mod start;
mod rand;
mod types;
mod arch;
mod defer;
mod g;
mod sched;
mod sudog;
mod chan;
mod select;
mod sema;
mod iface;
mod complex;
mod alg;
mod hash;
mod map;
mod reflectlite;
mod files;
mod floatconv;
mod mathf;
mod sort;
mod sortswap;
mod atomic;
mod gc;
mod signal;

#[panic_handler]
fn on_rust_panic(_: &core::panic::PanicInfo) -> ! {
    os::write(2, b"fatal error: golift runtime bug\n");
    os::exit(2)
}

/// Objects of Rust's compiler-builtins (e.g. the one with 128-bit division, which float
/// formatting uses on arm64) name an unwinding personality routine. With panic=abort nothing
/// ever unwinds, so it is never called; it only has to exist for the link.
#[no_mangle]
pub extern "C" fn rust_eh_personality() {}
