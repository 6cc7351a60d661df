//! macOS, through libSystem.dylib: Apple supports no other interface to the kernel. The
//! executable's entry is `main` (LC_MAIN), called by dyld with C's argc and argv. golift
//! writes the stub `libSystem.tbd` that the linker reads; it lists exactly the functions
//! imported here.
mod libsystem {
    use core::ffi::c_void;
    extern "C" {
        pub fn write(fd: i32, buf: *const u8, n: usize) -> isize;
        pub fn read(fd: i32, buf: *mut u8, n: usize) -> isize;
        pub fn _exit(code: i32) -> !;
        pub fn mmap(addr: *mut c_void, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut c_void;
        pub fn arc4random_buf(buf: *mut u8, n: usize);
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

/// The runtime installs no signal handlers, so a write is never interrupted (EINTR).
pub fn write(fd: usize, b: &[u8]) {
    let mut off = 0;
    while off < b.len() {
        let r = unsafe { libsystem::write(fd as i32, b.as_ptr().add(off), b.len() - off) };
        if r <= 0 {
            return;
        }
        off += r as usize;
    }
}

/// Reads into `b` from `fd`: bytes read, 0 at the end of the input, negative on an error.
pub fn read(fd: usize, b: &mut [u8]) -> isize {
    let r = unsafe { libsystem::read(fd as i32, b.as_mut_ptr(), b.len()) };
    if r < 0 { -1 } else { r }
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
