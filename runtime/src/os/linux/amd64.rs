//! Linux on x86-64: the entry and the system call instruction.
use core::arch::asm;

pub const SYS_OPENAT: usize = 257;
pub const SYS_CLOSE: usize = 3;
pub const SYS_UNLINKAT: usize = 263;
pub const SYS_READ: usize = 0;
pub const SYS_WRITE: usize = 1;
pub const SYS_MMAP: usize = 9;
#[allow(dead_code)]
pub const SYS_CLOCK_GETTIME: usize = 228;
pub const SYS_MADVISE: usize = 28;
pub const SYS_EXIT_GROUP: usize = 231;
pub const SYS_MPROTECT: usize = 10;
pub const SYS_NANOSLEEP: usize = 35;
pub const SYS_SCHED_GETAFFINITY: usize = 204;

/// The process entry: pass the initial stack pointer, align the stack, never return.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _start() -> ! {
    core::arch::naked_asm!("mov rdi, rsp", "xor ebp, ebp", "and rsp, -16", "call {start}", "ud2", start = sym super::start)
}

/// System call `n`: number in rax, arguments in rdi, rsi, rdx, r10, r8, r9; result (or
/// minus the error number) in rax; rcx and r11 are clobbered.
pub unsafe fn syscall3(n: usize, a: usize, b: usize, c: usize) -> isize {
    let r: isize;
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a, in("rsi") b, in("rdx") c,
         lateout("rcx") _, lateout("r11") _, options(nostack));
    r
}

pub unsafe fn syscall6(n: usize, a: usize, b: usize, c: usize, d: usize, e: usize, f: usize) -> isize {
    let r: isize;
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a, in("rsi") b, in("rdx") c,
         in("r10") d, in("r8") e, in("r9") f, lateout("rcx") _, lateout("r11") _, options(nostack));
    r
}
