//! The runtime half of package os's files and of package syscall's Errno: thin wrappers
//! that turn Go strings and slices into the OS layer's calls (`os::open`, `read`, ...),
//! which return a count or minus an error number.
use crate::mem::alloc;
use crate::os;
use crate::types::GoString;

unsafe fn bytes<'a>(p: *const u8, len: i64) -> &'a [u8] {
    if len <= 0 { &[] } else { core::slice::from_raw_parts(p, len as usize) }
}

/// A (value, error number) pair as Go code receives two results.
#[repr(C)]
pub struct Result2 {
    value: i64,
    errno: i64,
}

fn result(r: isize) -> Result2 {
    if r < 0 { Result2 { value: -1, errno: -r as i64 } } else { Result2 { value: r as i64, errno: 0 } }
}

go_abi! {
    /// `sysOpen(path string, flag int, perm uint32) (fd, errno int)`
    #[export_name = "os.sysOpen"]
    pub unsafe extern "Go" fn sys_open(p: *const u8, len: i64, flag: i64, perm: u32) -> Result2 {
        result(os::open(bytes(p, len), flag as usize, perm))
    }

    /// `sysRead(fd int, b []byte) (n, errno int)`: n is 0 at the end of the input.
    #[export_name = "os.sysRead"]
    pub unsafe extern "Go" fn sys_read(fd: i64, p: *mut u8, len: i64, _cap: i64) -> Result2 {
        if len <= 0 {
            return Result2 { value: 0, errno: 0 };
        }
        result(os::read(fd as usize, core::slice::from_raw_parts_mut(p, len as usize)))
    }

    /// `sysWrite(fd int, b []byte) (n, errno int)`: writes all of b unless an error stops it.
    #[export_name = "os.sysWrite"]
    pub unsafe extern "Go" fn sys_write(fd: i64, p: *const u8, len: i64, _cap: i64) -> Result2 {
        let (n, err) = os::write_all(fd as usize, bytes(p, len));
        Result2 { value: n as i64, errno: -err as i64 }
    }

    /// `sysClose(fd int) (errno int)`
    #[export_name = "os.sysClose"]
    pub unsafe extern "Go" fn sys_close(fd: i64) -> i64 {
        let r = os::close(fd as usize);
        if r < 0 { -r as i64 } else { 0 }
    }

    /// `sysRemove(path string) (errno int)`
    #[export_name = "os.sysRemove"]
    pub unsafe extern "Go" fn sys_remove(p: *const u8, len: i64) -> i64 {
        let r = os::remove(bytes(p, len));
        if r < 0 { -r as i64 } else { 0 }
    }

    /// The text of error number e: the OS's message, or Go's fallback for numbers without
    /// one ("errno N" on Unix, "winapi error #N" on Windows).
    #[export_name = "syscall.errstr"]
    pub unsafe extern "Go" fn errstr(e: i64) -> GoString {
        let s = os::error_string(e as usize);
        if !s.is_empty() {
            return GoString { ptr: s.as_ptr(), len: s.len() };
        }
        let prefix: &[u8] = if cfg!(windows) { b"winapi error #" } else { b"errno " };
        let buf = alloc(prefix.len() + 20);
        core::ptr::copy_nonoverlapping(prefix.as_ptr(), buf, prefix.len());
        let mut digits = [0u8; 20];
        let mut n = e as u64;
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let d = &digits[i..];
        core::ptr::copy_nonoverlapping(d.as_ptr(), buf.add(prefix.len()), d.len());
        GoString { ptr: buf, len: prefix.len() + d.len() }
    }

    /// 1: the error means "does not exist", 2: "already exists", 3: "permission denied".
    #[export_name = "syscall.errclass"]
    pub unsafe extern "Go" fn errclass(e: i64) -> i64 {
        os::error_class(e as usize)
    }
}
