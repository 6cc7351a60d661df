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
    fn GetCommandLineW() -> *const u16;
    fn GetEnvironmentStringsW() -> *const u16;
    fn ReadFile(h: Handle, buf: *mut u8, n: u32, read: *mut u32, overlapped: *mut c_void) -> i32;
    fn GetLastError() -> u32;
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

pub fn write(fd: usize, b: &[u8]) {
    const STD_OUTPUT_HANDLE: u32 = -11i32 as u32;
    const STD_ERROR_HANDLE: u32 = -12i32 as u32;
    unsafe {
        let h = GetStdHandle(if fd == 2 { STD_ERROR_HANDLE } else { STD_OUTPUT_HANDLE });
        let mut off = 0;
        while off < b.len() {
            let mut done = 0u32;
            let n = (b.len() - off).min(1 << 30) as u32;
            if WriteFile(h, b.as_ptr().add(off), n, &mut done, core::ptr::null_mut()) == 0 || done == 0 {
                return;
            }
            off += done as usize;
        }
    }
}

/// Reads into `b` from standard input (fd 0): bytes read, 0 at the end of the input (a
/// closed pipe counts as the end, as Go treats ERROR_BROKEN_PIPE), negative on an error.
pub fn read(fd: usize, b: &mut [u8]) -> isize {
    const STD_INPUT_HANDLE: u32 = -10i32 as u32;
    const ERROR_BROKEN_PIPE: u32 = 109;
    if fd != 0 {
        return -1;
    }
    unsafe {
        let h = GetStdHandle(STD_INPUT_HANDLE);
        let mut done = 0u32;
        let n = b.len().min(1 << 30) as u32;
        if ReadFile(h, b.as_mut_ptr(), n, &mut done, core::ptr::null_mut()) == 0 {
            return if GetLastError() == ERROR_BROKEN_PIPE { 0 } else { -1 };
        }
        done as isize
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
    let out = alloc(count.max(1) * core::mem::size_of::<GoString>()) as *mut GoString;
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

pub fn mmap(len: usize) -> *mut u8 {
    const MEM_COMMIT_RESERVE: u32 = 0x3000;
    const PAGE_READWRITE: u32 = 4;
    unsafe { VirtualAlloc(core::ptr::null_mut(), len, MEM_COMMIT_RESERVE, PAGE_READWRITE) as *mut u8 }
}

pub fn hugepages(_p: *mut u8, _len: usize) {}

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
    let args = alloc(max * core::mem::size_of::<GoString>()) as *mut GoString;
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
