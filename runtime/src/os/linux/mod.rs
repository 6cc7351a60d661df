//! Linux, by raw system calls. The kernel starts the process at `_start` (per architecture,
//! beside the system call instruction) with the stack holding argc, argv, the environment
//! and the auxiliary vector.
#[cfg(target_arch = "x86_64")]
mod amd64;
#[cfg(target_arch = "x86_64")]
use amd64::*;
#[cfg(target_arch = "aarch64")]
mod arm64;
#[cfg(target_arch = "aarch64")]
use arm64::*;
mod signal;
pub use signal::{install_fault_handler, start_tick};

/// Called by `_start` with the initial stack pointer.
unsafe extern "C" fn start(sp: *const usize) -> ! {
    let argc = *sp;
    let argv = sp.add(1) as *const *const u8;
    // After argv's null come the environment's pointers, their null, then the auxiliary
    // vector of (key, value) pairs; AT_RANDOM (25) points to 16 random bytes.
    let envp = sp.add(1 + argc + 1) as *const *const u8;
    let mut p = envp as *const usize;
    while *p != 0 {
        p = p.add(1);
    }
    let envc = p.offset_from(envp as *const usize) as usize;
    crate::start::set_env(crate::start::c_args(envc, envp), envc);
    p = p.add(1);
    while *p != 0 {
        if *p == 25 {
            let r = *p.add(1) as *const u64;
            crate::rand::seed(core::ptr::read_unaligned(r) ^ core::ptr::read_unaligned(r.add(1)).rotate_left(17));
        }
        p = p.add(2);
    }
    crate::start::run(crate::start::c_args(argc, argv), argc)
}

const EINTR: isize = -4;

pub fn exit(code: i32) -> ! {
    unsafe {
        syscall3(SYS_EXIT_GROUP, code as usize, 0, 0);
    }
    loop {}
}

/// Reads into `b` from `fd`: the number of bytes read, 0 at the end of the input, or minus
/// the error number.
pub fn read(fd: usize, b: &mut [u8]) -> isize {
    loop {
        let r = unsafe { syscall3(SYS_READ, fd, b.as_mut_ptr() as usize, b.len()) };
        if r != EINTR {
            return r;
        }
    }
}

/// Writes what it can of `b` to `fd`: the count, or minus the error number.
pub fn write_some(fd: usize, b: &[u8]) -> isize {
    loop {
        let r = unsafe { syscall3(SYS_WRITE, fd, b.as_ptr() as usize, b.len()) };
        if r != EINTR {
            return r;
        }
    }
}

const AT_FDCWD: usize = -100isize as usize;

/// Opens `path` (flags as Linux numbers them, which golift's os package uses on every
/// OS): the descriptor, or minus the error number.
pub fn open(path: &[u8], flag: usize, perm: u32) -> isize {
    const O_CLOEXEC: usize = 0x80000;
    let mut buf = [0u8; 4096];
    let Some(c) = super::c_path(path, &mut buf) else { return -ENAMETOOLONG };
    loop {
        let r = unsafe { syscall6(SYS_OPENAT, AT_FDCWD, c as usize, flag | O_CLOEXEC, perm as usize, 0, 0) };
        if r != EINTR {
            return r;
        }
    }
}

pub fn close(fd: usize) -> isize {
    unsafe { syscall3(SYS_CLOSE, fd, 0, 0) }
}

/// Removes a file, or else an empty directory, as Go's os.Remove.
pub fn remove(path: &[u8]) -> isize {
    const AT_REMOVEDIR: usize = 0x200;
    const ENOTDIR: isize = -20;
    let mut buf = [0u8; 4096];
    let Some(c) = super::c_path(path, &mut buf) else { return -ENAMETOOLONG };
    let r = unsafe { syscall3(SYS_UNLINKAT, AT_FDCWD, c as usize, 0) };
    if r == 0 {
        return 0;
    }
    let r2 = unsafe { syscall3(SYS_UNLINKAT, AT_FDCWD, c as usize, AT_REMOVEDIR) };
    // Both failed. rmdir of a file fails with ENOTDIR on every Unix: then unlink's error
    // is the real one (Go's rule).
    if r2 == 0 { 0 } else if r2 != ENOTDIR { r2 } else { r }
}

const ENAMETOOLONG: isize = 36;

/// The text of an error number, as Go's syscall package gives it.
pub fn error_string(e: usize) -> &'static [u8] {
    super::unix_error_string(e, &super::LINUX_ERRNOS)
}

/// 1: does not exist, 2: already exists, 3: permission denied, 0: other.
pub fn error_class(e: usize) -> i64 {
    match e {
        2 => 1,
        17 | 39 => 2,
        1 | 13 => 3,
        _ => 0,
    }
}

const PROT_READ_WRITE: usize = 3;
const MAP_PRIVATE_ANONYMOUS: usize = 0x22;

pub fn mmap(len: usize) -> *mut u8 {
    let r = unsafe { syscall6(SYS_MMAP, 0, len, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, usize::MAX, 0) };
    if r < 0 { core::ptr::null_mut() } else { r as *mut u8 }
}

/// Address space for the heap: on Linux an ordinary mapping, backed by memory only where
/// it is touched.
pub fn reserve(len: usize) -> *mut u8 {
    mmap(len)
}

/// Makes reserved or released memory usable again: nothing to do on Linux.
pub fn commit(_p: *mut u8, _len: usize) -> bool {
    true
}

/// Gives the memory of `len` bytes at `p` (page-aligned) back to the kernel, keeping the
/// mapping: the next touch of a page gets a fresh zero page (MADV_DONTNEED on a private
/// anonymous mapping).
pub fn release(p: *mut u8, len: usize) {
    const MADV_DONTNEED: usize = 4;
    unsafe {
        syscall3(SYS_MADVISE, p as usize, len, MADV_DONTNEED);
    }
}

/// Released memory reads as zeros when it is used again.
pub const RELEASED_READS_ZERO: bool = true;

/// Monotonic time in nanoseconds (CLOCK_MONOTONIC; the zero is arbitrary).
pub fn nanotime() -> i64 {
    const CLOCK_MONOTONIC: usize = 1;
    let mut ts = [0i64; 2];
    unsafe {
        syscall3(SYS_CLOCK_GETTIME, CLOCK_MONOTONIC, ts.as_mut_ptr() as usize, 0);
    }
    ts[0] * 1_000_000_000 + ts[1]
}

/// Wall-clock time: seconds and nanoseconds since 1970 (CLOCK_REALTIME).
pub fn walltime() -> (i64, i32) {
    let mut ts = [0i64; 2];
    unsafe {
        syscall3(SYS_CLOCK_GETTIME, 0, ts.as_mut_ptr() as usize, 0);
    }
    (ts[0], ts[1] as i32)
}

/// Sleeps for `ns` nanoseconds (the scheduler, when nothing is runnable before the next
/// timer). The preemption tick interrupts nanosleep (SA_RESTART does not restart it): it
/// goes on with the time that remains.
pub fn sleep_ns(ns: i64) {
    let mut req = [ns / 1_000_000_000, ns % 1_000_000_000];
    let mut rem = [0i64; 2];
    loop {
        let r = unsafe { syscall3(SYS_NANOSLEEP, req.as_ptr() as usize, rem.as_mut_ptr() as usize, 0) };
        if r != EINTR {
            return;
        }
        req = rem;
    }
}

/// The number of CPUs the process may run on (sched_getaffinity's mask), as Go's NumCPU.
pub fn ncpu() -> i64 {
    let mut mask = [0u64; 16];
    let r = unsafe { syscall3(SYS_SCHED_GETAFFINITY, 0, core::mem::size_of_val(&mask), mask.as_mut_ptr() as usize) };
    if r <= 0 {
        return 1;
    }
    let n: u32 = mask[..(r as usize / 8).min(16)].iter().map(|w| w.count_ones()).sum();
    n.max(1) as i64
}

/// Address space for goroutine stacks (sched/stack.rs): MAP_NORESERVE, so that only the
/// pages touched count against memory.
pub fn stack_reserve(len: usize) -> *mut u8 {
    const MAP_NORESERVE: usize = 0x4000;
    let r = unsafe { syscall6(SYS_MMAP, 0, len, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS | MAP_NORESERVE, usize::MAX, 0) };
    if r < 0 { core::ptr::null_mut() } else { r as *mut u8 }
}

/// Makes a stack of a reserved region usable: nothing to do on Linux.
pub fn stack_commit(_p: *mut u8, _len: usize) -> bool {
    true
}

/// Makes `len` bytes at `p` fault when touched (a guard page).
pub fn protect_none(p: *mut u8, len: usize) {
    unsafe {
        syscall3(SYS_MPROTECT, p as usize, len, 0);
    }
}

/// Asks for transparent huge pages (fewer TLB misses when a program walks a big table; the
/// kernel may ignore it).
pub fn hugepages(p: *mut u8, len: usize) {
    const MADV_HUGEPAGE: usize = 14;
    unsafe {
        syscall3(SYS_MADVISE, p as usize, len, MADV_HUGEPAGE);
    }
}
