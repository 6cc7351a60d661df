//! Memory: the heap allocator and the mem* functions.
//!
//! Allocation goes to the collector (`gc::mallocgc`), which may collect first, and then to
//! the heap (`heap.rs`).

/// Allocates `size` zeroed bytes that hold no pointers (runtime buffers, string bytes).
pub unsafe fn alloc(size: usize) -> *mut u8 {
    crate::gc::mallocgc(size, core::ptr::null())
}

go_abi! {
    /// new(T) and every heap object of compiled code: `size` zeroed bytes holding values of
    /// type `typ` (null when they hold no pointers).
    #[export_name = "runtime.newobject"]
    pub unsafe extern "Go" fn newobject(size: i64, typ: *const crate::types::Type) -> *mut u8 {
        crate::gc::mallocgc(size.max(0) as usize, typ)
    }
}

go_abi! {
    #[export_name = "runtime.memmove"]
    pub unsafe extern "Go" fn rt_memmove(dst: *mut u8, src: *const u8, n: i64) {
        memmove(dst, src, n as usize);
    }
}

go_abi! {
    #[export_name = "runtime.memclr"]
    pub unsafe extern "Go" fn rt_memclr(dst: *mut u8, n: i64) {
        memset(dst, 0, n as usize);
    }
}

go_abi! {
    #[export_name = "runtime.memequal"]
    pub unsafe extern "Go" fn memequal(a: *const u8, b: *const u8, n: i64) -> bool {
        memcmp(a, b, n as usize) == 0
    }
}

// The compiler_builtins of these targets do not provide the mem* functions, which LLVM
// calls with the platform's C convention. They move eight bytes at a time; volatile
// accesses keep LLVM from recognising the loops as calls to these very functions.
#[no_mangle]
pub unsafe extern "C" fn memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    let words = n / 8;
    if (dst as usize) <= (src as usize) || (dst as usize) >= (src as usize) + n {
        // Forwards.
        let mut i = 0;
        while i < words {
            let w = core::ptr::read_unaligned((src as *const u64).add(i));
            core::ptr::write_volatile((dst as *mut u64).add(i) as *mut [u8; 8], w.to_ne_bytes());
            i += 1;
        }
        let mut j = words * 8;
        while j < n {
            core::ptr::write_volatile(dst.add(j), *src.add(j));
            j += 1;
        }
    } else {
        // Backwards: the destination overlaps the end of the source.
        let mut j = n;
        while j > words * 8 {
            j -= 1;
            core::ptr::write_volatile(dst.add(j), *src.add(j));
        }
        let mut i = words;
        while i > 0 {
            i -= 1;
            let w = core::ptr::read_unaligned((src as *const u64).add(i));
            core::ptr::write_volatile((dst as *mut u64).add(i) as *mut [u8; 8], w.to_ne_bytes());
        }
    }
    dst
}

#[no_mangle]
pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    memmove(dst, src, n)
}

/// x86-64: `rep stosb`, which every x86-64 since Ivy Bridge runs a cache line at a time
/// (zeroing Go's stack frames and objects is most of what memset does).
#[cfg(target_arch = "x86_64")]
#[no_mangle]
pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    core::arch::asm!("rep stosb", inout("rdi") dst => _, inout("rcx") n => _, in("al") c as u8, options(nostack, preserves_flags));
    dst
}

/// arm64: 16 bytes per store (stp), then the tail a byte at a time. (`dc zva` zeroes a
/// 64-byte block per instruction on hardware, but qemu emulates it much more slowly.)
#[cfg(target_arch = "aarch64")]
#[no_mangle]
pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    let b = c as u8;
    let w = u64::from_ne_bytes([b; 8]);
    let mut i = 0;
    while i + 64 <= n {
        let p = dst.add(i);
        core::arch::asm!(
            "stp {w}, {w}, [{p}]", "stp {w}, {w}, [{p}, #16]", "stp {w}, {w}, [{p}, #32]", "stp {w}, {w}, [{p}, #48]",
            w = in(reg) w, p = in(reg) p, options(nostack, preserves_flags),
        );
        i += 64;
    }
    while i + 8 <= n {
        core::ptr::write_volatile(dst.add(i) as *mut [u8; 8], w.to_ne_bytes());
        i += 8;
    }
    while i < n {
        core::ptr::write_volatile(dst.add(i), b);
        i += 1;
    }
    dst
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
#[no_mangle]
pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    let b = c as u8;
    let w = [b; 8];
    let mut i = 0;
    while i + 8 <= n {
        core::ptr::write_volatile(dst.add(i) as *mut [u8; 8], w);
        i += 8;
    }
    while i < n {
        core::ptr::write_volatile(dst.add(i), b);
        i += 1;
    }
    dst
}

#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    // Skip equal words, then find the first differing byte.
    while i + 8 <= n && core::ptr::read_volatile(a.add(i) as *const [u8; 8]) == core::ptr::read_volatile(b.add(i) as *const [u8; 8]) {
        i += 8;
    }
    while i < n {
        let (x, y) = (core::ptr::read_volatile(a.add(i)), core::ptr::read_volatile(b.add(i)));
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}

#[no_mangle]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    memcmp(a, b, n)
}

#[no_mangle]
pub unsafe extern "C" fn strlen(p: *const u8) -> usize {
    let mut n = 0;
    while core::ptr::read_volatile(p.add(n)) != 0 {
        n += 1;
    }
    n
}
