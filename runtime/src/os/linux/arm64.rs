//! Linux on arm64: the entry and the system call instruction.
use core::arch::asm;

pub const SYS_OPENAT: usize = 56;
pub const SYS_CLOSE: usize = 57;
pub const SYS_UNLINKAT: usize = 35;
pub const SYS_READ: usize = 63;
pub const SYS_WRITE: usize = 64;
pub const SYS_EXIT_GROUP: usize = 94;
pub const SYS_MMAP: usize = 222;
#[allow(dead_code)]
pub const SYS_CLOCK_GETTIME: usize = 113;
pub const SYS_MADVISE: usize = 233;
pub const SYS_MPROTECT: usize = 226;
pub const SYS_NANOSLEEP: usize = 101;
pub const SYS_SCHED_GETAFFINITY: usize = 123;

/// The process entry: pass the initial stack pointer (already 16-byte aligned), clear the
/// frame pointer and link register so that stack walks end here, never return.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _start() -> ! {
    core::arch::naked_asm!("mov x0, sp", "mov x29, xzr", "mov x30, xzr", "bl {start}", "udf #0", start = sym super::start)
}

/// System call `n`: number in x8, arguments in x0-x5, result (or minus the error number)
/// in x0.
pub unsafe fn syscall3(n: usize, a: usize, b: usize, c: usize) -> isize {
    let r: isize;
    asm!("svc #0", in("x8") n, inlateout("x0") a as isize => r, in("x1") b, in("x2") c, options(nostack));
    r
}

pub unsafe fn syscall6(n: usize, a: usize, b: usize, c: usize, d: usize, e: usize, f: usize) -> isize {
    let r: isize;
    asm!("svc #0", in("x8") n, inlateout("x0") a as isize => r, in("x1") b, in("x2") c,
         in("x3") d, in("x4") e, in("x5") f, options(nostack));
    r
}
