//! Windows, through kernel32.dll (and advapi32.dll for random bytes). The functions are
//! imported with `raw-dylib`: the import entries come inside the runtime's own `.lib`, so
//! linking needs no Windows SDK and no MinGW, and the executable needs nothing beyond
//! Windows itself.
//!
//! The linker makes `golift_start` the entry point; Windows calls it with no arguments, and
//! the command line is one UTF-16 string, which is split into `os.Args` by the same rules as
//! Go's (those of the Microsoft C runtime before 2008).
use core::ffi::c_void;

type Handle = *mut c_void;

#[link(name = "kernel32", kind = "raw-dylib")]
extern "system" {
    fn GetStdHandle(which: u32) -> Handle;
    fn WriteFile(h: Handle, buf: *const u8, n: u32, written: *mut u32, overlapped: *mut c_void) -> i32;
    fn ExitProcess(code: u32) -> !;
    fn VirtualAlloc(addr: *mut c_void, size: usize, kind: u32, protect: u32) -> *mut c_void;
    fn VirtualFree(addr: *mut c_void, size: usize, kind: u32) -> i32;
    #[allow(dead_code)]
    fn QueryPerformanceCounter(count: *mut i64) -> i32;
    #[allow(dead_code)]
    fn QueryPerformanceFrequency(freq: *mut i64) -> i32;
    fn GetCommandLineW() -> *const u16;
    fn GetEnvironmentStringsW() -> *const u16;
    fn ReadFile(h: Handle, buf: *mut u8, n: u32, read: *mut u32, overlapped: *mut c_void) -> i32;
    fn GetLastError() -> u32;
    fn FormatMessageW(flags: u32, source: *const c_void, id: u32, lang: u32, buf: *mut u16, size: u32, args: *mut c_void) -> u32;
    fn CreateFileW(name: *const u16, access: u32, share: u32, sa: *mut c_void, disposition: u32, flags: u32, template: Handle) -> Handle;
    fn CloseHandle(h: Handle) -> i32;
    fn DeleteFileW(name: *const u16) -> i32;
    fn RemoveDirectoryW(name: *const u16) -> i32;
    fn GetSystemTimePreciseAsFileTime(t: *mut u64);
    fn Sleep(ms: u32);
    fn GetSystemInfo(info: *mut [u8; 64]);
    fn VirtualProtect(addr: *mut c_void, size: usize, protect: u32, old: *mut u32) -> i32;
    fn CreateThread(sa: *mut c_void, stack: usize, start: unsafe extern "system" fn(*mut c_void) -> u32, param: *mut c_void, flags: u32, id: *mut u32) -> Handle;
}

#[link(name = "advapi32", kind = "raw-dylib")]
extern "system" {
    /// RtlGenRandom, as Go's runtime uses it.
    #[link_name = "SystemFunction036"]
    fn RtlGenRandom(buf: *mut u8, len: u32) -> u8;
}

#[no_mangle]
pub unsafe extern "C" fn golift_start() -> ! {
    let mut seed = [0u8; 8];
    RtlGenRandom(seed.as_mut_ptr(), 8);
    crate::rand::seed(u64::from_le_bytes(seed));
    let (args, n) = command_line_args(GetCommandLineW());
    let (env, envc) = environment(GetEnvironmentStringsW());
    crate::start::set_env(env, envc);
    crate::start::run(args, n)
}

/// The handle behind a descriptor: 0, 1 and 2 are the standard streams (real handles are
/// multiples of 4, so they cannot be confused), others are handles themselves.
fn handle(fd: usize) -> Handle {
    const STD_INPUT_HANDLE: u32 = -10i32 as u32;
    const STD_OUTPUT_HANDLE: u32 = -11i32 as u32;
    const STD_ERROR_HANDLE: u32 = -12i32 as u32;
    unsafe {
        match fd {
            0 => GetStdHandle(STD_INPUT_HANDLE),
            1 => GetStdHandle(STD_OUTPUT_HANDLE),
            2 => GetStdHandle(STD_ERROR_HANDLE),
            _ => fd as Handle,
        }
    }
}

/// Reads into `b` from `fd`: bytes read, 0 at the end of the input (a closed pipe counts
/// as the end, as Go treats ERROR_BROKEN_PIPE), or minus the error number.
pub fn read(fd: usize, b: &mut [u8]) -> isize {
    const ERROR_BROKEN_PIPE: u32 = 109;
    const ERROR_HANDLE_EOF: u32 = 38;
    unsafe {
        let mut done = 0u32;
        let n = b.len().min(1 << 30) as u32;
        if ReadFile(handle(fd), b.as_mut_ptr(), n, &mut done, core::ptr::null_mut()) == 0 {
            let e = GetLastError();
            return if e == ERROR_BROKEN_PIPE || e == ERROR_HANDLE_EOF { 0 } else { -(e as isize) };
        }
        done as isize
    }
}

/// Writes what it can of `b`: the count, or minus the error number.
pub fn write_some(fd: usize, b: &[u8]) -> isize {
    unsafe {
        let mut done = 0u32;
        let n = b.len().min(1 << 30) as u32;
        if WriteFile(handle(fd), b.as_ptr(), n, &mut done, core::ptr::null_mut()) == 0 {
            return -(GetLastError() as isize);
        }
        done as isize
    }
}

/// `path` as a NUL-terminated UTF-16 string, on the heap (a big buffer on the stack would
/// need the C runtime's stack probe); None if it is not UTF-8 or holds a NUL.
fn wide_path(path: &[u8]) -> Option<*const u16> {
    let s = core::str::from_utf8(path).ok()?;
    let buf = unsafe { crate::mem::alloc(2 * (path.len() + 1)) } as *mut u16;
    let mut n = 0;
    for u in s.encode_utf16() {
        if u == 0 {
            return None;
        }
        unsafe { *buf.add(n) = u };
        n += 1;
    }
    unsafe { *buf.add(n) = 0 };
    Some(buf)
}

const ERROR_INVALID_NAME: isize = 123;

/// Opens `path` with CreateFileW; `flag` has Linux's numbering (golift's os package uses
/// it everywhere), mapped to access rights and a creation disposition as Go does.
pub fn open(path: &[u8], flag: usize, perm: u32) -> isize {
    const GENERIC_READ: u32 = 0x8000_0000;
    const GENERIC_WRITE: u32 = 0x4000_0000;
    const FILE_APPEND_DATA: u32 = 4;
    const O_WRONLY: usize = 1;
    const O_RDWR: usize = 2;
    const O_CREAT: usize = 0x40;
    const O_EXCL: usize = 0x80;
    const O_TRUNC: usize = 0x200;
    const O_APPEND: usize = 0x400;
    let Some(name) = wide_path(path) else { return -ERROR_INVALID_NAME };
    let mut access = match flag & 3 {
        O_WRONLY => GENERIC_WRITE,
        O_RDWR => GENERIC_READ | GENERIC_WRITE,
        _ => GENERIC_READ,
    };
    if flag & O_APPEND != 0 {
        access &= !GENERIC_WRITE;
        access |= FILE_APPEND_DATA;
    }
    let disposition = if flag & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL {
        1 // CREATE_NEW
    } else if flag & (O_CREAT | O_TRUNC) == O_CREAT | O_TRUNC {
        2 // CREATE_ALWAYS
    } else if flag & O_CREAT != 0 {
        4 // OPEN_ALWAYS
    } else if flag & O_TRUNC != 0 {
        5 // TRUNCATE_EXISTING
    } else {
        3 // OPEN_EXISTING
    };
    // A file created without write permission for its owner is read-only.
    let attrs = if flag & O_CREAT != 0 && perm & 0o200 == 0 { 1 } else { 0x80 };
    const FILE_SHARE_READ_WRITE: u32 = 3;
    unsafe {
        let h = CreateFileW(name, access, FILE_SHARE_READ_WRITE, core::ptr::null_mut(), disposition, attrs, core::ptr::null_mut());
        if h as isize == -1 {
            return -(GetLastError() as isize);
        }
        h as isize
    }
}

pub fn close(fd: usize) -> isize {
    unsafe {
        if CloseHandle(handle(fd)) == 0 { -(GetLastError() as isize) } else { 0 }
    }
}

/// Removes a file, or else an empty directory, as Go's os.Remove.
pub fn remove(path: &[u8]) -> isize {
    let Some(name) = wide_path(path) else { return -ERROR_INVALID_NAME };
    unsafe {
        if DeleteFileW(name) != 0 {
            return 0;
        }
        let e = GetLastError() as isize;
        if RemoveDirectoryW(name) != 0 {
            return 0;
        }
        -e
    }
}

/// The system's message for an error number, asked of Windows as Go asks it (in US English
/// if Windows has it, else in the default language, without the final line break); empty
/// if Windows has none (the caller then says "winapi error #N").
pub fn error_string(e: usize) -> &'static [u8] {
    const FLAGS: u32 = 0x1000 | 0x2000 | 0x200; // FROM_SYSTEM | ARGUMENT_ARRAY | IGNORE_INSERTS
    const US_ENGLISH: u32 = (0x01 << 10) | 0x09;
    let mut w = [0u16; 300];
    unsafe {
        let mut n = FormatMessageW(FLAGS, core::ptr::null(), e as u32, US_ENGLISH, w.as_mut_ptr(), w.len() as u32, core::ptr::null_mut());
        if n == 0 {
            n = FormatMessageW(FLAGS, core::ptr::null(), e as u32, 0, w.as_mut_ptr(), w.len() as u32, core::ptr::null_mut());
        }
        let mut n = n as usize;
        while n > 0 && (w[n - 1] == b'\n' as u16 || w[n - 1] == b'\r' as u16) {
            n -= 1;
        }
        if n == 0 {
            return b"";
        }
        let buf = crate::mem::alloc(3 * n);
        let mut len = 0;
        for c in core::char::decode_utf16(w[..n].iter().copied()) {
            let c = c.unwrap_or(core::char::REPLACEMENT_CHARACTER);
            len += c.encode_utf8(core::slice::from_raw_parts_mut(buf.add(len), 4)).len();
        }
        core::slice::from_raw_parts(buf, len)
    }
}

/// 1: does not exist, 2: already exists, 3: permission denied, 0: other.
pub fn error_class(e: usize) -> i64 {
    match e {
        2 | 3 => 1,
        80 | 183 | 145 => 2,
        5 => 3,
        _ => 0,
    }
}

/// The environment block (`KEY=value` strings in UTF-16, each ended by a 0, the block by
/// another 0) as Go strings.
unsafe fn environment(w: *const u16) -> (*mut crate::types::GoString, usize) {
    use crate::mem::alloc;
    use crate::types::GoString;
    if w.is_null() {
        return (core::ptr::null_mut(), 0);
    }
    let mut count = 0;
    let mut i = 0;
    while *w.add(i) != 0 {
        while *w.add(i) != 0 {
            i += 1;
        }
        i += 1;
        count += 1;
    }
    let out = crate::gc::alloc_words(count.max(1) * core::mem::size_of::<GoString>()) as *mut GoString;
    let mut p = w;
    for k in 0..count {
        let mut n = 0;
        while *p.add(n) != 0 {
            n += 1;
        }
        let buf = alloc(3 * n + 1);
        let mut len = 0;
        for c in core::char::decode_utf16(core::slice::from_raw_parts(p, n).iter().copied()) {
            let c = c.unwrap_or(core::char::REPLACEMENT_CHARACTER);
            len += c.encode_utf8(core::slice::from_raw_parts_mut(buf.add(len), 4)).len();
        }
        *out.add(k) = GoString { ptr: buf, len };
        p = p.add(n + 1);
    }
    (out, count)
}

pub fn exit(code: i32) -> ! {
    unsafe { ExitProcess(code as u32) }
}

const MEM_COMMIT: u32 = 0x1000;
const MEM_RESERVE: u32 = 0x2000;
const MEM_DECOMMIT: u32 = 0x4000;
const PAGE_READWRITE: u32 = 4;

pub fn mmap(len: usize) -> *mut u8 {
    unsafe { VirtualAlloc(core::ptr::null_mut(), len, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE) as *mut u8 }
}

pub fn hugepages(_p: *mut u8, _len: usize) {}

/// Address space for the heap, reserved only: touching it faults until `commit`.
pub fn reserve(len: usize) -> *mut u8 {
    unsafe { VirtualAlloc(core::ptr::null_mut(), len, MEM_RESERVE, PAGE_READWRITE) as *mut u8 }
}

/// Commits reserved or released pages (committing pages again is allowed): they read as
/// zeros if they were not committed. False if Windows has no memory left for them.
pub fn commit(p: *mut u8, len: usize) -> bool {
    unsafe { !VirtualAlloc(p as *mut c_void, len, MEM_COMMIT, PAGE_READWRITE).is_null() }
}

/// Decommits `len` bytes at `p` (page-aligned, inside one reservation): the memory goes
/// back to Windows and the pages fault until committed again.
pub fn release(p: *mut u8, len: usize) {
    unsafe {
        VirtualFree(p as *mut c_void, len, MEM_DECOMMIT);
    }
}

/// Decommitted pages come back zeroed when committed again.
pub const RELEASED_READS_ZERO: bool = true;

/// Monotonic time in nanoseconds, from the performance counter (the zero is arbitrary).
pub fn nanotime() -> i64 {
    let (mut count, mut freq) = (0i64, 0i64);
    unsafe {
        QueryPerformanceCounter(&mut count);
        QueryPerformanceFrequency(&mut freq);
    }
    // Whole seconds, then the rest, so that the product cannot overflow.
    let freq = freq.max(1);
    count / freq * 1_000_000_000 + count % freq * 1_000_000_000 / freq
}

/// Wall-clock time: seconds and nanoseconds since 1970 (the FILETIME counts 100 ns since 1601).
pub fn walltime() -> (i64, i32) {
    let mut t = 0u64;
    unsafe { GetSystemTimePreciseAsFileTime(&mut t) };
    let ns100 = t as i64 - 116_444_736_000_000_000;
    (ns100.div_euclid(10_000_000), (ns100.rem_euclid(10_000_000) * 100) as i32)
}

/// Sleeps for `ns` nanoseconds (at least: Sleep counts whole milliseconds).
pub fn sleep_ns(ns: i64) {
    let ms = (ns + 999_999) / 1_000_000;
    unsafe { Sleep(ms.clamp(0, 0xFFFF_FFFE) as u32) };
}

/// The number of processors (SYSTEM_INFO's dwNumberOfProcessors).
pub fn ncpu() -> i64 {
    let mut info = [0u8; 64];
    unsafe { GetSystemInfo(&mut info) };
    let n = u32::from_le_bytes([info[32], info[33], info[34], info[35]]);
    n.max(1) as i64
}

/// Address space for goroutine stacks (sched/stack.rs), reserved only.
pub fn stack_reserve(len: usize) -> *mut u8 {
    reserve(len)
}

/// Commits one goroutine stack of a reserved region.
pub fn stack_commit(p: *mut u8, len: usize) -> bool {
    commit(p, len)
}

/// Makes `len` bytes at `p` fault when touched (a guard page).
pub fn protect_none(p: *mut u8, len: usize) {
    let mut old = 0u32;
    unsafe { VirtualProtect(p as *mut c_void, len, 1, &mut old) };
}

/// The bounds the thread's TIB gives for its stack: (StackLimit, StackBase,
/// DeallocationStack).
pub fn tib_stack() -> (usize, usize, usize) {
    let (lo, hi, base): (usize, usize, usize);
    unsafe {
        core::arch::asm!("mov {}, gs:[16]", "mov {}, gs:[8]", "mov {}, gs:[0x1478]", out(reg) lo, out(reg) hi, out(reg) base, options(nostack, readonly))
    };
    (lo, hi, base)
}

static mut TICK: Option<fn()> = None;
static mut TICK_MS: u32 = 10;

/// Starts the preemption tick: a thread of its own that calls `tick` every `period_us`
/// microseconds (rounded up to milliseconds); `tick` only stores to the scheduler's words.
pub fn start_tick(period_us: usize, tick: fn()) {
    unsafe {
        TICK = Some(tick);
        TICK_MS = period_us.div_ceil(1000).max(1) as u32;
        let mut id = 0u32;
        let h = CreateThread(core::ptr::null_mut(), 64 << 10, ticker, core::ptr::null_mut(), 0, &mut id);
        if !h.is_null() {
            CloseHandle(h);
        }
    }
}

unsafe extern "system" fn ticker(_: *mut c_void) -> u32 {
    loop {
        Sleep(TICK_MS);
        if let Some(f) = TICK {
            f();
        }
    }
}

/// Decodes the UTF-16 command line to UTF-8 (an unpaired surrogate becomes U+FFFD, as in
/// Go) and splits it into arguments:
/// - blanks (space, tab) outside quotes separate arguments;
/// - `n` backslashes followed by `"` give `n/2` backslashes, and then, if `n` is odd, a
///   literal `"`; if `n` is even, the `"` starts or ends a quoted part, except that `""`
///   inside a quoted part gives one literal `"` and ends the quoted part;
/// - backslashes not followed by `"` are literal.
unsafe fn command_line_args(w: *const u16) -> (*mut crate::types::GoString, usize) {
    use crate::mem::alloc;
    use crate::types::GoString;
    let mut wn = 0;
    while *w.add(wn) != 0 {
        wn += 1;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    let buf = alloc(3 * wn + 1);
    let mut len = 0;
    for c in core::char::decode_utf16(core::slice::from_raw_parts(w, wn).iter().copied()) {
        let c = c.unwrap_or(core::char::REPLACEMENT_CHARACTER);
        len += c.encode_utf8(core::slice::from_raw_parts_mut(buf.add(len), 4)).len();
    }
    let line = core::slice::from_raw_parts(buf, len);
    // Every argument takes at least one byte and a separator, and gets a fresh copy at
    // most as long as the line.
    let max = len / 2 + 1;
    let args = crate::gc::alloc_words(max * core::mem::size_of::<GoString>()) as *mut GoString;
    let mut n = 0;
    let mut i = 0;
    while i < len {
        if line[i] == b' ' || line[i] == b'\t' {
            i += 1;
            continue;
        }
        let out = alloc(len - i);
        let mut k = 0;
        let push = |b: u8, k: &mut usize| {
            *out.add(*k) = b;
            *k += 1;
        };
        let mut quoted = false;
        let mut slashes = 0;
        while i < len {
            let c = line[i];
            if c == b'\\' {
                slashes += 1;
                i += 1;
                continue;
            }
            if c == b'"' {
                for _ in 0..slashes / 2 {
                    push(b'\\', &mut k);
                }
                if slashes % 2 == 1 {
                    push(b'"', &mut k);
                } else {
                    if quoted && i + 1 < len && line[i + 1] == b'"' {
                        push(b'"', &mut k);
                        i += 1;
                    }
                    quoted = !quoted;
                }
                slashes = 0;
                i += 1;
                continue;
            }
            if !quoted && (c == b' ' || c == b'\t') {
                break;
            }
            for _ in 0..slashes {
                push(b'\\', &mut k);
            }
            slashes = 0;
            push(c, &mut k);
            i += 1;
        }
        for _ in 0..slashes {
            push(b'\\', &mut k);
        }
        *args.add(n) = GoString { ptr: out, len: k };
        n += 1;
    }
    (args, n)
}

/// The Microsoft toolchain's marker that a program uses floating point, which LLVM
/// references from any object that does; the C runtime would define it.
#[no_mangle]
#[used]
pub static _fltused: i32 = 0;

/// The fault handler (see runtime/src/signal.rs): a vectored exception handler that reports
/// EXCEPTION_STACK_OVERFLOW as gc does. Windows runs it on what is left of the faulting
/// stack, so the thread first asks for enough of a guarantee to print and exit.
pub fn install_fault_handler() {
    #[link(name = "kernel32", kind = "raw-dylib")]
    extern "system" {
        fn AddVectoredExceptionHandler(first: u32, handler: unsafe extern "system" fn(*const *const u32) -> i32) -> *mut c_void;
        fn SetThreadStackGuarantee(size: *mut u32) -> i32;
    }
    unsafe {
        let mut guarantee = 64 << 10;
        SetThreadStackGuarantee(&mut guarantee);
        AddVectoredExceptionHandler(1, on_exception);
    }
}

/// `info` is an EXCEPTION_POINTERS: the exception record (its code first) and the context
/// (Rsp at offset 0x98).
unsafe extern "system" fn on_exception(info: *const *const u32) -> i32 {
    const EXCEPTION_STACK_OVERFLOW: u32 = 0xC000_00FD;
    const CONTINUE_SEARCH: i32 = 0;
    if **info == EXCEPTION_STACK_OVERFLOW {
        let ctx = *info.add(1) as *const u8;
        let sp = *(ctx.add(0x98) as *const usize);
        let top = crate::gc::stack::STACK_TOP;
        crate::signal::stack_overflow(sp, top.saturating_sub(1 << 20), top, 1);
    }
    CONTINUE_SEARCH
}

/// Walking the stack for the collector (runtime/src/gc/stack.rs): the runtime's frames on
/// Windows are laid out for the OS's unwinder (the frame pointer is not at a frame record),
/// so they are stepped through with it, from the unwind tables (.pdata) of the executable.
pub mod unwind {
    use core::ffi::c_void;

    #[link(name = "kernel32", kind = "raw-dylib")]
    extern "system" {
        fn RtlCaptureContext(ctx: *mut Context);
        fn RtlLookupFunctionEntry(pc: u64, image_base: *mut u64, history: *mut c_void) -> *mut c_void;
        fn RtlVirtualUnwind(kind: u32, image_base: u64, pc: u64, entry: *mut c_void, ctx: *mut Context, data: *mut *mut c_void, frame: *mut u64, ptrs: *mut c_void) -> *mut c_void;
    }

    /// The x86-64 CONTEXT record (1232 bytes, 16-byte aligned); only rsp, rbp and rip are
    /// read here.
    #[repr(C, align(16))]
    pub struct Context([u8; 1232]);

    impl Context {
        pub fn empty() -> Context {
            Context([0; 1232])
        }
        fn reg(&self, off: usize) -> usize {
            unsafe { core::ptr::read_unaligned(self.0.as_ptr().add(off) as *const usize) }
        }
        fn set(&mut self, off: usize, v: usize) {
            unsafe { core::ptr::write_unaligned(self.0.as_mut_ptr().add(off) as *mut usize, v) }
        }
        pub fn sp(&self) -> usize {
            self.reg(0x98)
        }
        pub fn fp(&self) -> usize {
            self.reg(0xA0)
        }
        pub fn pc(&self) -> usize {
            self.reg(0xF8)
        }
        /// Sets the registers as the caller of a frame-pointer frame sees them.
        pub fn set_caller(&mut self, sp: usize, fp: usize, pc: usize) {
            self.set(0x98, sp);
            self.set(0xA0, fp);
            self.set(0xF8, pc);
        }
    }

    /// The registers of the caller of this function.
    #[inline(always)]
    pub unsafe fn capture() -> Context {
        let mut ctx = Context([0; 1232]);
        RtlCaptureContext(&mut ctx);
        ctx
    }

    /// Steps `ctx` to the caller of its frame through the unwind tables; false if the code at
    /// its pc has none (Go code, or the runtime's hand-written assembly).
    pub unsafe fn step(ctx: &mut Context) -> bool {
        let mut base = 0u64;
        let entry = RtlLookupFunctionEntry(ctx.pc() as u64, &mut base, core::ptr::null_mut());
        if entry.is_null() {
            return false;
        }
        let mut data = core::ptr::null_mut();
        let mut frame = 0u64;
        RtlVirtualUnwind(0, base, ctx.pc() as u64, entry, ctx, &mut data, &mut frame, core::ptr::null_mut());
        true
    }
}
