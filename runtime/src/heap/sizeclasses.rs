//! Size classes: the fixed object sizes the heap allocates (the idea of gc's sizeclasses.go,
//! derived here by our own rules, at compile time, by `derive`).
//!
//! An object of at most `MAX_SMALL` bytes is rounded up to the next class size and put in
//! a span (a run of `npages` 8 KiB pages) that holds only objects of that class; bigger
//! objects get a span of their own (class 0). The rules:
//!
//! - Candidate sizes step by an eighth of the last power of two (and by at least 8 bytes):
//!   8, 16, ..., 64, 72, 80, ..., 128, 144, ..., 256, 288, ... So rounding a request up to
//!   its class wastes at most about 12.5% of the object (inner waste), apart from tiny sizes
//!   and the merges below (where a smaller class would have cost as much memory).
//! - A class's span has the fewest pages whose leftover tail (span bytes modulo the size)
//!   is at most an eighth of the span (tail waste at most 12.5%).
//! - Two neighbouring candidates with the same page count and the same number of objects
//!   per span are one class: only the larger size is kept (the smaller would save nothing).
//! - Finally each class grows to the largest size (a multiple of 8, or of 128 above 1 KiB, so
//!   that the lookup tables below stay exact) that still fits as many objects in its span.
//!
//! Every power of two up to 4096 is a class (checked below), and spans start on page
//! boundaries, so objects of those sizes are aligned to their size.
//!
//! Finding an object's index in its span divides an offset by the class size; `DIV_MUL`
//! turns that division into a multiplication: `offset * DIV_MUL[c] >> 32`. With
//! m = ceil(2^32 / d) and m·d = 2^32 + e (0 <= e < d), the product is exact whenever
//! offset · e < 2^32, which holds because span bytes times size stays under 2^32 (checked).

pub const PAGE_SHIFT: usize = 13;
/// The heap's page: the unit of spans (8 KiB, as in gc).
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// The largest small object: bigger ones get a span of their own.
pub const MAX_SMALL: usize = 32 << 10;

/// Room for the table (class 0 included); `NUM_CLASSES` says how much is used.
const CAP: usize = 100;

pub struct Classes {
    pub n: usize,
    /// Object size per class (0 for class 0, the large objects).
    pub size: [u32; CAP],
    /// Pages per span.
    pub npages: [u8; CAP],
}

const fn derive() -> Classes {
    let mut c = Classes { n: 1, size: [0; CAP], npages: [0; CAP] };
    let mut step = 8;
    let mut size = 8;
    while size <= MAX_SMALL {
        if size.is_power_of_two() && size / 8 > step {
            step = size / 8;
        }
        // The fewest pages whose tail is at most an eighth of the span.
        let mut span = PAGE_SIZE;
        while span % size > span / 8 {
            span += PAGE_SIZE;
        }
        let npages = span / PAGE_SIZE;
        let last = c.n - 1;
        if last > 0 && c.npages[last] as usize == npages && span / c.size[last] as usize == span / size {
            c.size[last] = size as u32;
        } else {
            c.size[c.n] = size as u32;
            c.npages[c.n] = npages as u8;
            c.n += 1;
        }
        size += step;
    }
    // Grow each class to fill its span as well as the same object count allows.
    let mut i = 1;
    while i < c.n {
        let span = c.npages[i] as usize * PAGE_SIZE;
        let count = span / c.size[i] as usize;
        let unit = if c.size[i] <= 1024 { 8 } else { 128 };
        let grown = span / count / unit * unit;
        if grown > c.size[i] as usize {
            c.size[i] = grown as u32;
        }
        i += 1;
    }
    c
}

pub const CLASSES: Classes = derive();
pub const NUM_CLASSES: usize = CLASSES.n;

/// Sizes up to 1024 are looked up by (size + 7) / 8, larger ones by (size - 1024 + 127) / 128.
const SMALL_LOOKUP: usize = 1024 / 8 + 1;
const LARGE_LOOKUP: usize = (MAX_SMALL - 1024) / 128 + 1;

const fn lookup<const N: usize>(first: usize, unit: usize) -> [u8; N] {
    let mut t = [0u8; N];
    let mut i = 0;
    while i < N {
        // The smallest class holding `first + i * unit` bytes.
        let want = first + i * unit;
        let mut c = 1;
        while (CLASSES.size[c] as usize) < want {
            c += 1;
        }
        t[i] = c as u8;
        i += 1;
    }
    t
}

const SIZE_TO_CLASS8: [u8; SMALL_LOOKUP] = lookup(0, 8);
const SIZE_TO_CLASS128: [u8; LARGE_LOOKUP] = lookup(1024, 128);

/// The class of a small object of `size` bytes (1 <= size <= MAX_SMALL).
#[inline]
pub const fn class_of(size: usize) -> usize {
    if size <= 1024 {
        SIZE_TO_CLASS8[(size + 7) >> 3] as usize
    } else {
        SIZE_TO_CLASS128[(size - 1024 + 127) >> 7] as usize
    }
}

pub const fn class_size(c: usize) -> usize {
    CLASSES.size[c] as usize
}

pub const fn class_npages(c: usize) -> usize {
    CLASSES.npages[c] as usize
}

const fn div_muls() -> [u32; CAP] {
    let mut m = [0u32; CAP];
    let mut c = 1;
    while c < NUM_CLASSES {
        m[c] = ((1u64 << 32).div_ceil(CLASSES.size[c] as u64)) as u32;
        c += 1;
    }
    m
}

/// Per class, ceil(2^32 / size): index = offset * DIV_MUL >> 32. Class 0 (one object per
/// span) has 0, which makes every offset index 0.
pub const DIV_MUL: [u32; CAP] = div_muls();

// The promises above, checked when the runtime is compiled.
const _: () = {
    assert!(NUM_CLASSES <= 128, "a span class (class << 1 | noscan) must fit in a byte");
    let mut c = 1;
    while c < NUM_CLASSES {
        let (size, span) = (class_size(c), class_npages(c) * PAGE_SIZE);
        assert!(size % 8 == 0 && (c == 1 || size > class_size(c - 1)));
        assert!(span % size <= span / 8, "tail waste over 12.5%");
        assert!((span as u64) * (size as u64) <= 1 << 32, "DIV_MUL would not be exact");
        assert!(span / size <= 1024, "bit arrays hold at most 1024 objects");
        c += 1;
    }
    assert!(class_size(NUM_CLASSES - 1) == MAX_SMALL);
    let mut p = 8;
    while p <= 4096 {
        assert!(class_size(class_of(p)) == p, "powers of two must be classes");
        p *= 2;
    }
};
