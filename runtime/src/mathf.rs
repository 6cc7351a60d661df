//! The parts of packages math and math/bits that Go itself does below the language: looking
//! at the bits of a float (`math.float64bits` and its kin: calls are compiled to a move, but a
//! func value needs a function; Go uses `unsafe` for that), the
//! hardware square root and fused multiply-add (one instruction each on amd64 and arm64),
//! asking the processor whether it has that fused multiply-add, and the two run-time errors
//! of math/bits. The Go halves are compiler/lib/math and compiler/lib/math/bits.
use crate::panic::panic_error_string;

go_abi! {
    #[export_name = "math.float64bits"]
    pub extern "Go" fn float64bits(f: f64) -> u64 {
        f.to_bits()
    }
}

go_abi! {
    #[export_name = "math.float64frombits"]
    pub extern "Go" fn float64frombits(b: u64) -> f64 {
        f64::from_bits(b)
    }
}

go_abi! {
    #[export_name = "math.float32bits"]
    pub extern "Go" fn float32bits(f: f32) -> u32 {
        f.to_bits()
    }
}

go_abi! {
    #[export_name = "math.float32frombits"]
    pub extern "Go" fn float32frombits(b: u32) -> f32 {
        f32::from_bits(b)
    }
}

/// The correctly rounded square root: the `sqrtsd` instruction (SSE2, always present on
/// x86-64).
#[cfg(target_arch = "x86_64")]
fn hw_sqrt(x: f64) -> f64 {
    use core::arch::x86_64::*;
    unsafe { _mm_cvtsd_f64(_mm_sqrt_pd(_mm_set_sd(x))) }
}

/// The correctly rounded square root: the `fsqrt` instruction. The square root of a
/// negative number is the NaN that x86-64 makes (sign bit set) rather than arm64's (sign
/// bit clear), so that `math.Float64bits(math.Sqrt(-1))` is the same on every target.
#[cfg(target_arch = "aarch64")]
fn hw_sqrt(x: f64) -> f64 {
    if x < 0.0 {
        return f64::from_bits(0xfff8_0000_0000_0000);
    }
    let r: f64;
    unsafe { core::arch::asm!("fsqrt {r:d}, {x:d}", r = lateout(vreg) r, x = in(vreg) x, options(pure, nomem, nostack)) };
    r
}

go_abi! {
    #[export_name = "math.archSqrt"]
    pub extern "Go" fn math_sqrt(x: f64) -> f64 {
        hw_sqrt(x)
    }
}

/// Whether the processor can do a fused multiply-add (x*y + z rounded once), as Go's
/// `cpu.X86.HasAVX && cpu.X86.HasFMA`: CPUID says FMA, AVX and OSXSAVE, and the operating
/// system saves the AVX registers (XCR0 bits 1 and 2).
#[cfg(target_arch = "x86_64")]
fn has_fma() -> bool {
    use core::arch::x86_64::__cpuid;
    #[allow(unused_unsafe)] // __cpuid is safe to call on recent Rust, unsafe on older
    let ecx = unsafe { __cpuid(1) }.ecx;
    let (fma, osxsave, avx) = (ecx & (1 << 12) != 0, ecx & (1 << 27) != 0, ecx & (1 << 28) != 0);
    if !(fma && osxsave && avx) {
        return false;
    }
    let xcr0: u32;
    unsafe { core::arch::asm!("xgetbv", in("ecx") 0u32, out("eax") xcr0, out("edx") _, options(nomem, nostack)) };
    xcr0 & 6 == 6
}

/// Every arm64 processor has `fmadd`.
#[cfg(target_arch = "aarch64")]
fn has_fma() -> bool {
    true
}

go_abi! {
    #[export_name = "math.hasFMA"]
    pub extern "Go" fn math_has_fma() -> bool {
        has_fma()
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "fma")]
unsafe fn hw_fma(x: f64, y: f64, z: f64) -> f64 {
    use core::arch::x86_64::*;
    _mm_cvtsd_f64(_mm_fmadd_sd(_mm_set_sd(x), _mm_set_sd(y), _mm_set_sd(z)))
}

#[cfg(target_arch = "aarch64")]
unsafe fn hw_fma(x: f64, y: f64, z: f64) -> f64 {
    let r: f64;
    core::arch::asm!("fmadd {r:d}, {x:d}, {y:d}, {z:d}", r = lateout(vreg) r, x = in(vreg) x, y = in(vreg) y, z = in(vreg) z, options(pure, nomem, nostack));
    r
}

go_abi! {
    /// x*y + z rounded once, by the hardware; only called when `math.hasFMA` said yes.
    #[export_name = "math.archFMA"]
    pub unsafe extern "Go" fn math_fma(x: f64, y: f64, z: f64) -> f64 {
        hw_fma(x, y, z)
    }
}

go_abi! {
    #[export_name = "math/bits.panicDivide"]
    pub extern "Go" fn bits_panic_divide() -> ! {
        panic_error_string(&[b"integer divide by zero"])
    }
}

go_abi! {
    #[export_name = "math/bits.panicOverflow"]
    pub extern "Go" fn bits_panic_overflow() -> ! {
        panic_error_string(&[b"integer overflow"])
    }
}
