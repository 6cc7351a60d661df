//! The runtime's random numbers (gc's fastrand): map iteration order, hash seeds, and the
//! hashes of NaN keys. Seeded once at start-up from the 16 random bytes the kernel hands
//! every process (Linux: the AT_RANDOM auxiliary vector entry; Windows: RtlGenRandom; Darwin:
//! arc4random_buf).

static mut STATE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Sets the seed (called once by `_start`).
pub fn seed(s: u64) {
    unsafe { STATE = s | 1 };
}

/// wyrand: a fast 64-bit generator with good statistical quality.
pub fn fastrand64() -> u64 {
    unsafe {
        STATE = STATE.wrapping_add(0xa076_1d64_78bd_642f);
        let t = (STATE as u128).wrapping_mul((STATE ^ 0xe703_7ed1_a0b4_28db) as u128);
        ((t >> 64) ^ t) as u64
    }
}

pub fn fastrand() -> u32 {
    fastrand64() as u32
}

/// A random number in [0, n) (for select's random choice, later).
#[allow(dead_code)]
pub fn fastrandn(n: u32) -> u32 {
    ((fastrand() as u64 * n as u64) >> 32) as u32
}
