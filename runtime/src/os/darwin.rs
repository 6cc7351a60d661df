//! macOS, through libSystem.dylib: Apple supports no other interface to the kernel. The
//! executable's entry is `main` (LC_MAIN), called by dyld with C's argc and argv. golift
//! writes the stub `libSystem.tbd` that the linker reads; it lists exactly the functions
//! imported here.
mod libsystem {
    use core::ffi::c_void;
    extern "C" {
        pub fn write(fd: i32, buf: *const u8, n: usize) -> isize;
        pub fn read(fd: i32, buf: *mut u8, n: usize) -> isize;
        /// Variadic in C: on arm64 macOS the mode is passed on the stack.
        pub fn open(path: *const u8, flags: i32, ...) -> i32;
        pub fn close(fd: i32) -> i32;
        pub fn unlink(path: *const u8) -> i32;
        pub fn rmdir(path: *const u8) -> i32;
        pub fn __error() -> *mut i32;
        pub fn _exit(code: i32) -> !;
        pub fn mmap(addr: *mut c_void, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut c_void;
        pub fn arc4random_buf(buf: *mut u8, n: usize);
        pub fn madvise(addr: *mut c_void, len: usize, advice: i32) -> i32;
        #[allow(dead_code)]
        pub fn clock_gettime(clock: u32, ts: *mut [i64; 2]) -> i32;
        pub fn nanosleep(req: *const [i64; 2], rem: *mut [i64; 2]) -> i32;
        pub fn mprotect(addr: *mut c_void, len: usize, prot: i32) -> i32;
        pub fn setitimer(which: i32, new: *const [i64; 4], old: *mut [i64; 4]) -> i32;
        pub fn sysctlbyname(name: *const u8, old: *mut c_void, oldlen: *mut usize, new: *const c_void, newlen: usize) -> i32;
    }
}

#[no_mangle]
pub unsafe extern "C" fn main(argc: i32, argv: *const *const u8, envp: *const *const u8) -> i32 {
    let mut seed = [0u8; 8];
    libsystem::arc4random_buf(seed.as_mut_ptr(), 8);
    crate::rand::seed(u64::from_le_bytes(seed));
    let mut envc = 0;
    while !(*envp.add(envc)).is_null() {
        envc += 1;
    }
    crate::start::set_env(crate::start::c_args(envc, envp), envc);
    crate::start::run(crate::start::c_args(argc as usize, argv), argc as usize)
}

/// Minus the error number of the last failed call.
fn errno() -> isize {
    -(unsafe { *libsystem::__error() } as isize)
}

/// Reads into `b` from `fd`: bytes read, 0 at the end of the input, or minus the error
/// number.
pub fn read(fd: usize, b: &mut [u8]) -> isize {
    const EINTR: isize = -4;
    loop {
        let r = unsafe { libsystem::read(fd as i32, b.as_mut_ptr(), b.len()) };
        if r >= 0 {
            return r;
        }
        let e = errno();
        if e != EINTR {
            return e;
        }
    }
}

/// Writes what it can of `b`: the count, or minus the error number.
pub fn write_some(fd: usize, b: &[u8]) -> isize {
    let r = unsafe { libsystem::write(fd as i32, b.as_ptr(), b.len()) };
    if r < 0 { errno() } else { r }
}

/// Opens `path`; `flag` has Linux's numbering (golift's os package uses it everywhere),
/// translated here to Darwin's.
pub fn open(path: &[u8], flag: usize, perm: u32) -> isize {
    let mut f = (flag & 3) as i32; // O_RDONLY, O_WRONLY, O_RDWR: the same numbers
    for (linux, darwin) in [(0x40, 0x200), (0x80, 0x800), (0x200, 0x400), (0x400, 0x8)] {
        if flag & linux != 0 {
            f |= darwin; // O_CREAT, O_EXCL, O_TRUNC, O_APPEND
        }
    }
    const O_CLOEXEC: i32 = 0x1000000;
    let mut buf = [0u8; 4096];
    let Some(c) = super::c_path(path, &mut buf) else { return -63 };
    let r = unsafe { libsystem::open(c, f | O_CLOEXEC, perm as core::ffi::c_uint) };
    if r < 0 { errno() } else { r as isize }
}

pub fn close(fd: usize) -> isize {
    if unsafe { libsystem::close(fd as i32) } < 0 { errno() } else { 0 }
}

/// Removes a file, or else an empty directory, as Go's os.Remove.
pub fn remove(path: &[u8]) -> isize {
    let mut buf = [0u8; 4096];
    let Some(c) = super::c_path(path, &mut buf) else { return -63 };
    if unsafe { libsystem::unlink(c) } == 0 {
        return 0;
    }
    let e = errno();
    if unsafe { libsystem::rmdir(c) } == 0 {
        return 0;
    }
    // Both failed. rmdir of a file fails with ENOTDIR on every Unix: then unlink's error
    // is the real one (Go's rule).
    let e2 = errno();
    const ENOTDIR: isize = -20;
    if e2 != ENOTDIR { e2 } else { e }
}

pub fn error_string(e: usize) -> &'static [u8] {
    super::unix_error_string(e, &super::DARWIN_ERRNOS)
}

/// 1: does not exist, 2: already exists, 3: permission denied, 0: other.
pub fn error_class(e: usize) -> i64 {
    match e {
        2 => 1,
        17 | 66 => 2,
        1 | 13 => 3,
        _ => 0,
    }
}

pub fn exit(code: i32) -> ! {
    unsafe { libsystem::_exit(code) }
}

pub fn mmap(len: usize) -> *mut u8 {
    const PROT_READ_WRITE: i32 = 3;
    const MAP_PRIVATE_ANON: i32 = 0x1002;
    let p = unsafe { libsystem::mmap(core::ptr::null_mut(), len, PROT_READ_WRITE, MAP_PRIVATE_ANON, -1, 0) };
    if p as isize == -1 { core::ptr::null_mut() } else { p as *mut u8 }
}

pub fn hugepages(_p: *mut u8, _len: usize) {}

/// The fault handler (see runtime/src/signal.rs): SIGSEGV and SIGBUS go to `on_fault`, on an
/// alternate signal stack, since the faulting stack may have no room left.
pub fn install_fault_handler() {
    extern "C" {
        fn sigaltstack(ss: *const SigStack, old: *mut SigStack) -> i32;
        fn getrlimit(resource: i32, lim: *mut [u64; 2]) -> i32;
    }
    /// Darwin's `stack_t` (its fields in Darwin's order).
    #[repr(C)]
    struct SigStack {
        sp: usize,
        size: usize,
        flags: i32,
    }
    const SA_ONSTACK: i32 = 1;
    const SA_RESETHAND: i32 = 4;
    const SA_SIGINFO: i32 = 0x40;
    const ALT_STACK: usize = 64 << 10;
    unsafe {
        let mut lim = [0u64; 2];
        if getrlimit(3, &mut lim) == 0 && lim[0] < (1 << 40) {
            FAULT_LIMIT = lim[0] as usize;
        }
        let stack = mmap(ALT_STACK);
        if stack.is_null() {
            return;
        }
        sigaltstack(&SigStack { sp: stack as usize, size: ALT_STACK, flags: 0 }, core::ptr::null_mut());
        let act = SigAction { handler: on_fault as *const () as usize, mask: 0, flags: SA_SIGINFO | SA_ONSTACK | SA_RESETHAND };
        for sig in [10, 11] {
            sigaction(sig, &act, core::ptr::null_mut());
        }
    }
}

extern "C" {
    fn sigaction(sig: i32, act: *const SigAction, old: *mut SigAction) -> i32;
}

/// Darwin's `struct sigaction` (its fields in Darwin's order).
#[repr(C)]
struct SigAction {
    handler: usize,
    mask: u32,
    flags: i32,
}

/// The main stack's size limit (RLIMIT_STACK).
static mut FAULT_LIMIT: usize = 8 << 20;

/// Darwin's `siginfo_t` has the fault address at offset 24.
unsafe extern "C" fn on_fault(_sig: i32, info: *const u8, _ctx: *const u8) {
    let addr = *(info.add(24) as *const usize);
    if crate::signal::is_stack_fault(addr, FAULT_LIMIT) {
        let top = crate::gc::stack::STACK_TOP;
        crate::signal::stack_overflow(addr, top.saturating_sub(FAULT_LIMIT), top, 1);
    }
}

/// Address space for the heap: an ordinary mapping, backed by memory only where touched.
pub fn reserve(len: usize) -> *mut u8 {
    mmap(len)
}

/// Makes reserved or released memory usable again: nothing to do (a page given back with
/// MADV_FREE is simply written again).
pub fn commit(_p: *mut u8, _len: usize) -> bool {
    true
}

/// Gives the memory of `len` bytes at `p` (page-aligned) back to the kernel, keeping the
/// mapping (MADV_FREE: the kernel takes the pages when it needs them, lazily).
pub fn release(p: *mut u8, len: usize) {
    const MADV_FREE: i32 = 5;
    unsafe {
        libsystem::madvise(p as *mut core::ffi::c_void, len, MADV_FREE);
    }
}

/// Pages given back with MADV_FREE keep their old bytes until the kernel takes them: the
/// heap must zero them when it uses them again.
pub const RELEASED_READS_ZERO: bool = false;

/// Monotonic time in nanoseconds (CLOCK_MONOTONIC; the zero is arbitrary).
pub fn nanotime() -> i64 {
    const CLOCK_MONOTONIC: u32 = 6;
    let mut ts = [0i64; 2];
    unsafe {
        libsystem::clock_gettime(CLOCK_MONOTONIC, &mut ts);
    }
    ts[0] * 1_000_000_000 + ts[1]
}

/// Wall-clock time: seconds and nanoseconds since 1970 (CLOCK_REALTIME).
pub fn walltime() -> (i64, i32) {
    let mut ts = [0i64; 2];
    unsafe {
        libsystem::clock_gettime(0, &mut ts);
    }
    (ts[0], ts[1] as i32)
}

/// Sleeps for `ns` nanoseconds; the preemption tick's signal interrupts nanosleep, which
/// then goes on with the time that remains.
pub fn sleep_ns(ns: i64) {
    let mut req = [ns / 1_000_000_000, ns % 1_000_000_000];
    let mut rem = [0i64; 2];
    while unsafe { libsystem::nanosleep(&req, &mut rem) } != 0 && errno() == -4 {
        req = rem;
    }
}

/// The number of CPUs (sysctl hw.ncpu).
pub fn ncpu() -> i64 {
    let mut n = 0i32;
    let mut len = 4usize;
    let r = unsafe { libsystem::sysctlbyname(b"hw.ncpu\0".as_ptr(), &mut n as *mut i32 as *mut core::ffi::c_void, &mut len, core::ptr::null(), 0) };
    if r != 0 || n < 1 { 1 } else { n as i64 }
}

/// Address space for goroutine stacks (sched/stack.rs): only touched pages take memory.
pub fn stack_reserve(len: usize) -> *mut u8 {
    const PROT_READ_WRITE: i32 = 3;
    const MAP_PRIVATE_ANON_NORESERVE: i32 = 0x1002 | 0x40;
    let p = unsafe { libsystem::mmap(core::ptr::null_mut(), len, PROT_READ_WRITE, MAP_PRIVATE_ANON_NORESERVE, -1, 0) };
    if p as isize == -1 { core::ptr::null_mut() } else { p as *mut u8 }
}

/// Makes a stack of a reserved region usable: nothing to do.
pub fn stack_commit(_p: *mut u8, _len: usize) -> bool {
    true
}

/// Makes `len` bytes at `p` fault when touched (a guard page).
pub fn protect_none(p: *mut u8, len: usize) {
    unsafe {
        libsystem::mprotect(p as *mut core::ffi::c_void, len, 0);
    }
}

static mut TICK: Option<fn()> = None;

/// Starts the preemption tick: SIGALRM every `period_us` microseconds calls `tick`
/// (SA_RESTART: system calls in progress go on).
pub fn start_tick(period_us: usize, tick: fn()) {
    const SA_ONSTACK: i32 = 1;
    const SA_RESTART: i32 = 2;
    const SA_SIGINFO: i32 = 0x40;
    unsafe {
        TICK = Some(tick);
        let act = SigAction { handler: on_tick as *const () as usize, mask: 0, flags: SA_ONSTACK | SA_RESTART | SA_SIGINFO };
        sigaction(14, &act, core::ptr::null_mut());
        // struct itimerval: the interval, then the first expiry (timevals: i64 s, i32 us).
        let tv = [0i64, period_us as i64, 0, period_us as i64];
        libsystem::setitimer(0, &tv, core::ptr::null_mut());
    }
}

unsafe extern "C" fn on_tick(_sig: i32, _info: *const u8, _ctx: *const u8) {
    if let Some(f) = TICK {
        f();
    }
}
