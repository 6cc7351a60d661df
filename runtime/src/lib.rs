//! The golift runtime: a `#![no_std]` staticlib linked into every program. It owns the process
//! entry (`_start`), talks to Linux through raw system calls, allocates memory, prints as Go's
//! runtime prints (`print`/`println`), implements string and slice helpers, and reports runtime
//! panics with gc's exact messages and exit status 2.
#![no_std]
#![allow(clippy::missing_safety_doc)]

mod sys;
mod mem;
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
mod iface;
mod complex;
mod alg;
mod hash;
mod map;

#[panic_handler]
fn on_rust_panic(_: &core::panic::PanicInfo) -> ! {
    sys::write(2, b"fatal error: golift runtime bug\n");
    sys::exit(2)
}
