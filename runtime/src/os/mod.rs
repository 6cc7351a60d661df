//! The OS layer: everything the runtime asks of the operating system, one module per OS.
//! Each provides the same things:
//!
//! - the process entry, which collects the arguments, the environment (`start::set_env`)
//!   and a random seed, and calls `start::run`;
//! - `write_some(fd, bytes)`: what it can of the bytes (the count, or minus an error number);
//!   `write` and `write_all` below are built on it;
//! - `read(fd, bytes)`: the count, 0 at the end of the input, or minus an error number;
//! - `open`, `close`, `remove`, and the text and kind of an error number, for package os;
//! - `exit(code)`;
//! - `mmap(len)`: `len` bytes of zeroed, readable and writable memory, or null;
//! - for the heap's arenas: `reserve(len)` (address space, null on failure; on Windows not
//!   usable before `commit`), `commit(p, len)` (makes reserved or released pages usable;
//!   false if out of memory), `release(p, len)` (gives the memory of pages back to the OS,
//!   keeping the addresses) and `RELEASED_READS_ZERO` (whether released pages read as zeros
//!   once committed again: not on Darwin);
//! - `hugepages(p, len)`: a hint that a heap mapping is walked a lot (Linux only);
//! - `nanotime()`: monotonic nanoseconds, for pause times.
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

/// `path` as a NUL-terminated C string in `buf`; None if it does not fit (or holds a NUL,
/// which no file name can).
#[cfg(not(windows))]
pub fn c_path(path: &[u8], buf: &mut [u8; 4096]) -> Option<*const u8> {
    if path.len() >= buf.len() || path.contains(&0) {
        return None;
    }
    buf[..path.len()].copy_from_slice(path);
    buf[path.len()] = 0;
    Some(buf.as_ptr())
}

/// The errors programs meet with files, as Go's syscall package spells them: (Linux number,
/// Darwin number, text).
#[cfg(not(windows))]
pub const UNIX_ERRNOS: [(usize, usize, &[u8]); 17] = [
    (1, 1, b"operation not permitted"),
    (2, 2, b"no such file or directory"),
    (5, 5, b"input/output error"),
    (9, 9, b"bad file descriptor"),
    (12, 12, b"cannot allocate memory"),
    (13, 13, b"permission denied"),
    (16, 16, b"device or resource busy"),
    (17, 17, b"file exists"),
    (20, 20, b"not a directory"),
    (21, 21, b"is a directory"),
    (22, 22, b"invalid argument"),
    (24, 24, b"too many open files"),
    (28, 28, b"no space left on device"),
    (30, 30, b"read-only file system"),
    (32, 32, b"broken pipe"),
    (36, 63, b"file name too long"),
    (39, 66, b"directory not empty"),
];

/// UNIX_ERRNOS with the numbers of one OS: column 0 for Linux, 1 for Darwin.
#[cfg(not(windows))]
const fn errnos_of(column: usize) -> [(usize, &'static [u8]); 17] {
    let mut t: [(usize, &[u8]); 17] = [(0, b""); 17];
    let mut i = 0;
    while i < 17 {
        t[i] = (if column == 0 { UNIX_ERRNOS[i].0 } else { UNIX_ERRNOS[i].1 }, UNIX_ERRNOS[i].2);
        i += 1;
    }
    t
}

#[cfg(target_os = "linux")]
pub const LINUX_ERRNOS: [(usize, &[u8]); 17] = errnos_of(0);

#[cfg(target_os = "macos")]
pub const DARWIN_ERRNOS: [(usize, &[u8]); 17] = errnos_of(1);

/// The text for error number e, or "errno N" for others (as Go's syscall does).
#[cfg(not(windows))]
pub fn unix_error_string(e: usize, table: &[(usize, &'static [u8])]) -> &'static [u8] {
    for (n, text) in table {
        if *n == e {
            return text;
        }
    }
    b""
}

/// Writes all of `b` to `fd`, stopping at an error: the count written and 0, or the count
/// and minus the error number.
pub fn write_all(fd: usize, b: &[u8]) -> (usize, isize) {
    let mut off = 0;
    while off < b.len() {
        let r = write_some(fd, &b[off..]);
        if r <= 0 {
            return (off, r);
        }
        off += r as usize;
    }
    (off, 0)
}

/// Writes all of `b` to `fd` (the runtime's own output: errors are ignored).
pub fn write(fd: usize, b: &[u8]) {
    let _ = write_all(fd, b);
}
