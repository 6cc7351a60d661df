//! Raw Linux system calls (x86-64).
use core::arch::asm;

unsafe fn syscall3(n: usize, a: usize, b: usize, c: usize) -> isize {
    let r: isize;
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a, in("rsi") b, in("rdx") c,
         lateout("rcx") _, lateout("r11") _, options(nostack));
    r
}

unsafe fn syscall6(n: usize, a: usize, b: usize, c: usize, d: usize, e: usize, f: usize) -> isize {
    let r: isize;
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a, in("rsi") b, in("rdx") c,
         in("r10") d, in("r8") e, in("r9") f, lateout("rcx") _, lateout("r11") _, options(nostack));
    r
}

pub fn write(fd: usize, b: &[u8]) {
    let mut off = 0;
    while off < b.len() {
        let r = unsafe { syscall3(1, fd, b.as_ptr() as usize + off, b.len() - off) };
        if r <= 0 {
            if r == -4 {
                continue; // EINTR
            }
            return;
        }
        off += r as usize;
    }
}

pub fn exit(code: i32) -> ! {
    unsafe {
        syscall3(231, code as usize, 0, 0);
    }
    loop {}
}

/// Anonymous private mapping of `len` bytes (zeroed by the kernel); null on failure.
pub fn mmap(len: usize) -> *mut u8 {
    let r = unsafe { syscall6(9, 0, len, 3, 0x22, usize::MAX, 0) };
    if r < 0 { core::ptr::null_mut() } else { r as *mut u8 }
}

/// Asks for transparent huge pages on a heap mapping (fewer TLB misses when a program walks
/// a big table; the kernel may ignore it).
pub fn hugepages(p: *mut u8, len: usize) {
    unsafe {
        syscall3(28, p as usize, len, 14); // madvise(MADV_HUGEPAGE)
    }
}
