//! Hashing of bytes, strings and words, seeded per process (gc's memhash/strhash, which use
//! AES instructions where they can; here a portable multiply-and-fold design in the style of
//! wyhash). The process seed comes from fastrand, itself seeded by the kernel's random
//! bytes, so hash values (and with them map iteration orders) differ from run to run.

const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;

static mut SEED: u64 = 0;

/// The process-wide seed, taken from fastrand on first use.
#[inline]
fn seed() -> u64 {
    unsafe {
        if SEED == 0 {
            SEED = crate::rand::fastrand64() | 1;
        }
        SEED
    }
}

/// Multiplies to 128 bits and folds the halves together.
#[inline(always)]
fn fold(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

#[inline(always)]
unsafe fn r8(p: *const u8) -> u64 {
    core::ptr::read_unaligned(p as *const u64)
}

#[inline(always)]
unsafe fn r4(p: *const u8) -> u64 {
    core::ptr::read_unaligned(p as *const u32) as u64
}

/// Hash of an 8-byte value (the fast path of 64-bit map keys): one 128-bit multiply, whose
/// folded halves mix every input bit into both the low bits (the bucket) and the top byte
/// (tophash).
#[inline(always)]
pub fn hash64(x: u64, h: usize) -> usize {
    fold(x ^ seed() ^ P0, (h as u64) ^ P1) as usize
}

/// Hash of a 4-byte value.
#[inline(always)]
pub fn hash32(x: u32, h: usize) -> usize {
    hash64(x as u64 | ((x as u64) << 32), h ^ 4)
}

/// Hash of `n` bytes at `p`.
pub unsafe fn memhash(p: *const u8, n: usize, h: usize) -> usize {
    let mut s = (h as u64) ^ seed() ^ P0;
    let (a, b);
    if n <= 16 {
        // Short inputs (most map keys): one multiply.
        if n >= 4 {
            // Two overlapping reads of 4 bytes from each end cover 4..=16 bytes.
            let q = (n >> 3) << 2;
            a = (r4(p) << 32) | r4(p.add(q));
            b = (r4(p.add(n - 4)) << 32) | r4(p.add(n - 4 - q));
        } else if n > 0 {
            a = ((*p as u64) << 16) | ((*p.add(n >> 1) as u64) << 8) | (*p.add(n - 1) as u64);
            b = 0;
        } else {
            a = 0;
            b = 0;
        }
        return fold(a ^ s, b ^ P1 ^ ((n as u64) << 56)) as usize;
    } else {
        let mut q = p;
        let mut i = n;
        while i > 16 {
            s = fold(r8(q) ^ P1, r8(q.add(8)) ^ s);
            q = q.add(16);
            i -= 16;
        }
        a = r8(p.add(n - 16));
        b = r8(p.add(n - 8));
    }
    fold(P1 ^ n as u64, fold(a ^ P1, b ^ s)) as usize
}

/// Hash of a string's bytes.
#[inline]
pub unsafe fn strhash(p: *const u8, n: usize, h: usize) -> usize {
    memhash(p, n, h)
}
