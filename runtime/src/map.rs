//! Maps: Go 1.19's hash table design (gc's map.go), written for golift. See docs/MAPS.md.
//!
//! A map is a pointer to an `Hmap` header (nil for a nil map) and an array of 2^B buckets.
//! A bucket holds 8 entries: 8 "tophash" bytes (the top byte of each entry's hash, or a
//! state), the 8 keys, the 8 elements, and a pointer to an overflow bucket:
//!
//! ```text
//!  Hmap: count | flags B noverflow hash0 | buckets | oldbuckets | nevacuate
//!  bucket: [tophash x8][key0 .. key7][elem0 .. elem7][overflow *bucket]
//! ```
//!
//! The low B bits of a key's hash choose its bucket; its top byte, kept in tophash, lets a
//! lookup skip most keys without comparing them. When the map holds more than 6.5 entries per
//! bucket on average it doubles; when it has too many overflow buckets for its size (after
//! many deletions) it rebuilds at the same size. Either way the move is incremental: each
//! assignment or deletion moves ("evacuates") one or two old buckets, so no single operation
//! pays for the whole table. Iteration starts at a random bucket and a random slot (Go
//! randomises the order on purpose) and copes with a map that grows meanwhile.
//!
//! Keys and elements over 128 bytes are stored outside the bucket, by pointer. The layout
//! numbers (key and element slot sizes, bucket size, flags) come from the map's descriptor.
use crate::alg::{typeequal_impl, typehash};
use crate::hash::{hash32, hash64, strhash};
use crate::mem::alloc;
use crate::panic::{panic_error_string, panic_plain};
use crate::types::*;

const BUCKET_CNT: usize = 8;
/// Load factor 6.5, as 13/2.
const LOAD_NUM: usize = 13;
const LOAD_DEN: usize = 2;

// tophash states (values below MIN_TOPHASH are not hashes).
/// This slot and every later one in the bucket chain are empty.
const EMPTY_REST: u8 = 0;
/// This slot is empty.
const EMPTY_ONE: u8 = 1;
/// The entry moved to the first (X) half of the bigger table.
const EVACUATED_X: u8 = 2;
/// The entry moved to the second (Y) half.
const EVACUATED_Y: u8 = 3;
/// The slot was empty when its bucket was evacuated.
const EVACUATED_EMPTY: u8 = 4;
const MIN_TOPHASH: u8 = 5;

// Hmap flags.
/// An iterator may be using the buckets.
const ITERATOR: u8 = 1;
/// An iterator may be using the old buckets.
const OLD_ITERATOR: u8 = 2;
/// The current growth keeps the size (only tidies overflow buckets).
const SAME_SIZE_GROW: u8 = 4;

#[repr(C)]
pub struct Hmap {
    /// The number of entries: first, because the compiler reads `len(m)` from here.
    pub count: usize,
    flags: u8,
    /// log2 of the number of buckets.
    b: u8,
    /// About how many overflow buckets there are.
    noverflow: u16,
    hash0: u32,
    buckets: *mut u8,
    /// The previous bucket array while growing.
    oldbuckets: *mut u8,
    /// Old buckets below this index are evacuated.
    nevacuate: usize,
    /// Overflow buckets allocated with the bucket array, not yet used: from here to
    /// `overflow_end`.
    next_overflow: *mut u8,
    overflow_end: *mut u8,
}

/// The iterator, laid out in the 12 words the compiler reserves (key and elem first).
#[repr(C)]
pub struct Hiter {
    key: *mut u8,
    elem: *mut u8,
    t: *const MapType,
    h: *mut Hmap,
    buckets: *mut u8,
    bptr: *mut u8,
    start_bucket: usize,
    bucket: usize,
    check_bucket: usize,
    /// The next slot; a word of its own, since it is written on every call and read on the
    /// next (a byte stored beside fields read as one word would stall that load).
    i: usize,
    offset: u8,
    wrapped: bool,
    b: u8,
}

const NO_CHECK: usize = usize::MAX;

/// Zeroed memory for the element of a missing key.
static ZERO: [u64; 128] = [0; 128];

#[repr(C)]
pub struct MapAccess2 {
    pub elem: *const u8,
    pub ok: bool,
}

// ---------------------------------------------------------------------------------------
// Layout helpers

#[inline(always)]
fn bucket_shift(b: u8) -> usize {
    1usize << (b & 63)
}

#[inline(always)]
fn bucket_mask(b: u8) -> usize {
    bucket_shift(b) - 1
}

#[inline(always)]
fn tophash(hash: usize) -> u8 {
    let top = (hash >> (usize::BITS - 8)) as u8;
    if top < MIN_TOPHASH { top + MIN_TOPHASH } else { top }
}

#[inline(always)]
fn is_empty(x: u8) -> bool {
    x <= EMPTY_ONE
}

#[inline(always)]
unsafe fn tophash_at(b: *mut u8, i: usize) -> *mut u8 {
    b.add(i)
}

#[inline(always)]
unsafe fn key_at(t: &MapType, b: *mut u8, i: usize) -> *mut u8 {
    b.add(BUCKET_CNT + i * t.keysize as usize)
}

#[inline(always)]
unsafe fn elem_at(t: &MapType, b: *mut u8, i: usize) -> *mut u8 {
    b.add(BUCKET_CNT + BUCKET_CNT * t.keysize as usize + i * t.elemsize as usize)
}

#[inline(always)]
unsafe fn overflow(t: &MapType, b: *mut u8) -> *mut u8 {
    *(b.add(t.bucketsize as usize - 8) as *const *mut u8)
}

#[inline(always)]
unsafe fn set_overflow(t: &MapType, b: *mut u8, ovf: *mut u8) {
    *(b.add(t.bucketsize as usize - 8) as *mut *mut u8) = ovf;
}

#[inline(always)]
unsafe fn bucket(t: &MapType, base: *mut u8, i: usize) -> *mut u8 {
    base.add(i * t.bucketsize as usize)
}

/// The key stored in a slot (following the pointer of an indirect key).
#[inline(always)]
unsafe fn slot_key(t: &MapType, k: *mut u8) -> *mut u8 {
    if t.flags & MAP_INDIRECT_KEY != 0 { *(k as *const *mut u8) } else { k }
}

#[inline(always)]
unsafe fn slot_elem(t: &MapType, e: *mut u8) -> *mut u8 {
    if t.flags & MAP_INDIRECT_ELEM != 0 { *(e as *const *mut u8) } else { e }
}

#[inline(always)]
fn over_load_factor(count: usize, b: u8) -> bool {
    count > BUCKET_CNT && count > LOAD_NUM * (bucket_shift(b) / LOAD_DEN)
}

/// Too many overflow buckets for 2^b buckets: as many as buckets (up to 2^15).
#[inline(always)]
fn too_many_overflow_buckets(noverflow: u16, b: u8) -> bool {
    let b = b.min(15);
    noverflow as usize >= 1usize << b
}

#[inline(always)]
unsafe fn growing(h: &Hmap) -> bool {
    !h.oldbuckets.is_null()
}

#[inline(always)]
unsafe fn same_size_grow(h: &Hmap) -> bool {
    h.flags & SAME_SIZE_GROW != 0
}

#[inline(always)]
unsafe fn noldbuckets(h: &Hmap) -> usize {
    if same_size_grow(h) { bucket_shift(h.b) } else { bucket_shift(h.b - 1) }
}

#[inline(always)]
unsafe fn evacuated(b: *mut u8) -> bool {
    let h = *b;
    h > EMPTY_ONE && h < MIN_TOPHASH
}

/// A bucket array of 2^b buckets, cache-line aligned (a bucket's tophash bytes and first
/// keys share a line). From b = 4 on, 2^(b-4) spare overflow buckets follow it, so that
/// overflow chains stay near their buckets; they become `h`'s spare ones.
unsafe fn new_buckets(t: &MapType, h: &mut Hmap, b: u8) -> *mut u8 {
    let n = bucket_shift(b);
    let spare = if b >= 4 { bucket_shift(b - 4) } else { 0 };
    let size = t.bucketsize as usize;
    let base = crate::gc::alloc_words((n + spare) * size);
    if spare > 0 {
        h.next_overflow = base.add(n * size);
        h.overflow_end = base.add((n + spare) * size);
    } else {
        h.next_overflow = core::ptr::null_mut();
        h.overflow_end = core::ptr::null_mut();
    }
    base
}

unsafe fn new_overflow(t: &MapType, h: &mut Hmap, b: *mut u8) -> *mut u8 {
    let ovf = if !h.next_overflow.is_null() && h.next_overflow < h.overflow_end {
        let o = h.next_overflow;
        h.next_overflow = o.add(t.bucketsize as usize);
        o
    } else {
        crate::gc::alloc_words(t.bucketsize as usize)
    };
    if h.noverflow < u16::MAX {
        h.noverflow += 1;
    }
    set_overflow(t, b, ovf);
    ovf
}

// ---------------------------------------------------------------------------------------
// Keys: hashing and comparing, with the same hash functions as the fast variants.

#[derive(Clone, Copy, PartialEq)]
enum KeyKind {
    /// 8 bytes of plain memory.
    W64,
    /// 4 bytes of plain memory.
    W32,
    Str,
    Other,
}

#[inline(always)]
unsafe fn key_kind(t: &MapType) -> KeyKind {
    let k = &*t.key;
    if k.kind() == KIND_STRING {
        KeyKind::Str
    } else if k.is_regular_memory() && k.size == 8 {
        KeyKind::W64
    } else if k.is_regular_memory() && k.size == 4 {
        KeyKind::W32
    } else {
        KeyKind::Other
    }
}

/// Hash of the key at `k` (a key value, not a slot).
#[inline(always)]
unsafe fn hash_key(t: &MapType, k: *const u8, seed: u32) -> usize {
    match key_kind(t) {
        KeyKind::W64 => hash64(core::ptr::read_unaligned(k as *const u64), seed as usize),
        KeyKind::W32 => hash32(core::ptr::read_unaligned(k as *const u32), seed as usize),
        KeyKind::Str => {
            let s = *(k as *const GoString);
            strhash(s.ptr, s.len, seed as usize)
        }
        KeyKind::Other => typehash(t.key, k, seed as usize),
    }
}

#[inline(always)]
unsafe fn key_equal(t: &MapType, a: *const u8, b: *const u8) -> bool {
    match key_kind(t) {
        KeyKind::W64 => core::ptr::read_unaligned(a as *const u64) == core::ptr::read_unaligned(b as *const u64),
        KeyKind::W32 => core::ptr::read_unaligned(a as *const u32) == core::ptr::read_unaligned(b as *const u32),
        KeyKind::Str => {
            let (x, y) = (*(a as *const GoString), *(b as *const GoString));
            x.len == y.len && (x.ptr == y.ptr || x.bytes() == y.bytes())
        }
        KeyKind::Other => typeequal_impl(t.key, a, b),
    }
}

/// A key as an operation receives it: by value (the fast variants) or by address. The
/// operations are generic over it, so each fast variant is compiled for its key kind.
trait Key: Copy {
    /// Hash, the same as `hash_key` of the key's bytes.
    unsafe fn hash(self, t: &MapType, seed: u32) -> usize;
    /// Equal to the key stored at `k` (a key, not a slot).
    unsafe fn eq(self, t: &MapType, k: *const u8) -> bool;
    /// Copies the key to `k`.
    unsafe fn store(self, t: &MapType, k: *mut u8);
    /// Hashing this key kind cannot panic.
    fn safe(t: &MapType) -> bool;
}

#[derive(Clone, Copy)]
struct K64(u64);
#[derive(Clone, Copy)]
struct K32(u32);
#[derive(Clone, Copy)]
struct KStr(GoString);
#[derive(Clone, Copy)]
struct KPtr(*const u8);

impl Key for K64 {
    #[inline(always)]
    unsafe fn hash(self, _: &MapType, seed: u32) -> usize {
        hash64(self.0, seed as usize)
    }
    #[inline(always)]
    unsafe fn eq(self, _: &MapType, k: *const u8) -> bool {
        core::ptr::read_unaligned(k as *const u64) == self.0
    }
    #[inline(always)]
    unsafe fn store(self, _: &MapType, k: *mut u8) {
        core::ptr::write_unaligned(k as *mut u64, self.0)
    }
    fn safe(_: &MapType) -> bool {
        true
    }
}

impl Key for K32 {
    #[inline(always)]
    unsafe fn hash(self, _: &MapType, seed: u32) -> usize {
        hash32(self.0, seed as usize)
    }
    #[inline(always)]
    unsafe fn eq(self, _: &MapType, k: *const u8) -> bool {
        core::ptr::read_unaligned(k as *const u32) == self.0
    }
    #[inline(always)]
    unsafe fn store(self, _: &MapType, k: *mut u8) {
        core::ptr::write_unaligned(k as *mut u32, self.0)
    }
    fn safe(_: &MapType) -> bool {
        true
    }
}

/// Whether n bytes at a and b are equal; short strings without a call.
#[inline(always)]
unsafe fn bytes_eq(a: *const u8, b: *const u8, n: usize) -> bool {
    if n >= 8 && n <= 16 {
        let r = |p: *const u8, i: usize| core::ptr::read_unaligned(p.add(i) as *const u64);
        return r(a, 0) == r(b, 0) && r(a, n - 8) == r(b, n - 8);
    }
    if n >= 4 && n < 8 {
        let r = |p: *const u8, i: usize| core::ptr::read_unaligned(p.add(i) as *const u32);
        return r(a, 0) == r(b, 0) && r(a, n - 4) == r(b, n - 4);
    }
    core::slice::from_raw_parts(a, n) == core::slice::from_raw_parts(b, n)
}

impl Key for KStr {
    #[inline(always)]
    unsafe fn hash(self, _: &MapType, seed: u32) -> usize {
        strhash(self.0.ptr, self.0.len, seed as usize)
    }
    #[inline(always)]
    unsafe fn eq(self, _: &MapType, k: *const u8) -> bool {
        let y = *(k as *const GoString);
        y.len == self.0.len && (y.ptr == self.0.ptr || bytes_eq(y.ptr, self.0.ptr, y.len))
    }
    #[inline(always)]
    unsafe fn store(self, _: &MapType, k: *mut u8) {
        *(k as *mut GoString) = self.0;
    }
    fn safe(_: &MapType) -> bool {
        true
    }
}

impl Key for KPtr {
    #[inline(always)]
    unsafe fn hash(self, t: &MapType, seed: u32) -> usize {
        hash_key(t, self.0, seed)
    }
    #[inline(always)]
    unsafe fn eq(self, t: &MapType, k: *const u8) -> bool {
        key_equal(t, self.0, k)
    }
    #[inline(always)]
    unsafe fn store(self, t: &MapType, k: *mut u8) {
        copy_bytes(k, self.0, (*t.key).size)
    }
    fn safe(t: &MapType) -> bool {
        t.flags & MAP_HASH_MIGHT_PANIC == 0
    }
}

#[inline(always)]
fn reflexive(t: &MapType) -> bool {
    t.flags & MAP_REFLEXIVE_KEY != 0
}

unsafe fn copy_bytes(dst: *mut u8, src: *const u8, n: usize) {
    core::ptr::copy_nonoverlapping(src, dst, n);
}

// ---------------------------------------------------------------------------------------
// make

go_abi! {
    #[export_name = "runtime.makemap"]
    pub unsafe extern "Go" fn makemap(t: *const MapType, hint: i64) -> *mut Hmap {
        let t = &*t;
        let max = (1i64 << 47) / (t.bucketsize as i64).max(1);
        if hint < 0 || hint > max * BUCKET_CNT as i64 {
            panic_error_string(&[b"makemap: size out of range"]);
        }
        let h = crate::gc::alloc_words(core::mem::size_of::<Hmap>()) as *mut Hmap;
        (*h).hash0 = crate::rand::fastrand();
        // The smallest B whose table holds hint entries without growing.
        let mut b = 0u8;
        while over_load_factor(hint as usize, b) {
            b += 1;
        }
        (*h).b = b;
        if b != 0 {
            (*h).buckets = new_buckets(t, &mut *h, b);
        }
        h
    }
}

// ---------------------------------------------------------------------------------------
// lookup

/// The slot's key and element pointers for key `k`, or nulls.
#[inline(always)]
unsafe fn lookup<K: Key>(t: &MapType, h: *mut Hmap, k: K) -> (*mut u8, *mut u8) {
    if h.is_null() || (*h).count == 0 {
        if !K::safe(t) {
            // An unhashable key panics even when the map is empty, as in gc.
            k.hash(t, 0);
        }
        return (core::ptr::null_mut(), core::ptr::null_mut());
    }
    let h = &*h;
    let hash = k.hash(t, h.hash0);
    let mut m = bucket_mask(h.b);
    let mut b = bucket(t, h.buckets, hash & m);
    if growing(h) {
        if !same_size_grow(h) {
            // The old table had half as many buckets.
            m >>= 1;
        }
        let oldb = bucket(t, h.oldbuckets, hash & m);
        if !evacuated(oldb) {
            b = oldb;
        }
    }
    let top = tophash(hash);
    while !b.is_null() {
        for i in 0..BUCKET_CNT {
            let th = *tophash_at(b, i);
            if th != top {
                if th == EMPTY_REST {
                    return (core::ptr::null_mut(), core::ptr::null_mut());
                }
                continue;
            }
            let sk = slot_key(t, key_at(t, b, i));
            if k.eq(t, sk) {
                return (sk, slot_elem(t, elem_at(t, b, i)));
            }
        }
        b = overflow(t, b);
    }
    (core::ptr::null_mut(), core::ptr::null_mut())
}

unsafe fn zero_elem(t: &MapType) -> *const u8 {
    let size = (*t.elem).size;
    if size <= core::mem::size_of_val(&ZERO) {
        ZERO.as_ptr() as *const u8
    } else {
        alloc(size)
    }
}

#[inline(always)]
unsafe fn access1<K: Key>(t: *const MapType, h: *mut Hmap, key: K) -> *const u8 {
    let t = &*t;
    let (_, e) = lookup(t, h, key);
    if e.is_null() { zero_elem(t) } else { e }
}

#[inline(always)]
unsafe fn access2<K: Key>(t: *const MapType, h: *mut Hmap, key: K) -> MapAccess2 {
    let t = &*t;
    let (_, e) = lookup(t, h, key);
    if e.is_null() { MapAccess2 { elem: zero_elem(t), ok: false } } else { MapAccess2 { elem: e, ok: true } }
}

go_abi! {
    #[export_name = "runtime.mapaccess1"]
    pub unsafe extern "Go" fn mapaccess1(t: *const MapType, h: *mut Hmap, key: *const u8) -> *const u8 {
        access1(t, h, KPtr(key))
    }
}

go_abi! {
    #[export_name = "runtime.mapaccess2"]
    pub unsafe extern "Go" fn mapaccess2(t: *const MapType, h: *mut Hmap, key: *const u8) -> MapAccess2 {
        access2(t, h, KPtr(key))
    }
}

// ---------------------------------------------------------------------------------------
// assign

go_abi! {
    #[export_name = "runtime.mapassign"]
    pub unsafe extern "Go" fn mapassign(t: *const MapType, h: *mut Hmap, key: *const u8) -> *mut u8 {
        assign(t, h, KPtr(key))
    }
}

#[inline(always)]
unsafe fn assign<K: Key>(t: *const MapType, h: *mut Hmap, key: K) -> *mut u8 {
    let t = &*t;
    if h.is_null() {
        panic_plain(&[b"assignment to entry in nil map"]);
    }
    let h = &mut *h;
    let hash = key.hash(t, h.hash0);
    if h.buckets.is_null() {
        h.buckets = new_buckets(t, h, 0);
    }
    'again: loop {
        let bi = hash & bucket_mask(h.b);
        if growing(h) {
            grow_work(t, h, bi);
        }
        let mut b = bucket(t, h.buckets, bi);
        let top = tophash(hash);
        let mut insert: Option<(*mut u8, usize)> = None;
        'search: loop {
            for i in 0..BUCKET_CNT {
                let th = *tophash_at(b, i);
                if th != top {
                    if is_empty(th) && insert.is_none() {
                        insert = Some((b, i));
                    }
                    if th == EMPTY_REST {
                        // Nothing further in the chain.
                        break 'search;
                    }
                    continue;
                }
                let sk = slot_key(t, key_at(t, b, i));
                if !key.eq(t, sk) {
                    continue;
                }
                // The key is there: update it if equal keys can differ (+0/-0, strings).
                if t.flags & MAP_NEED_KEY_UPDATE != 0 {
                    key.store(t, sk);
                }
                return slot_elem(t, elem_at(t, b, i));
            }
            let ovf = overflow(t, b);
            if ovf.is_null() {
                break;
            }
            b = ovf;
        }
        // A new entry: grow first if the table is too full or too fragmented.
        if !growing(h) && (over_load_factor(h.count + 1, h.b) || too_many_overflow_buckets(h.noverflow, h.b)) {
            hash_grow(t, h);
            continue 'again;
        }
        let (ib, i) = match insert {
            Some(x) => x,
            None => (new_overflow(t, h, b), 0),
        };
        let ks = key_at(t, ib, i);
        let es = elem_at(t, ib, i);
        if t.flags & MAP_INDIRECT_KEY != 0 {
            let kp = crate::gc::mallocgc((*t.key).size, t.key);
            *(ks as *mut *mut u8) = kp;
        }
        if t.flags & MAP_INDIRECT_ELEM != 0 {
            let ep = crate::gc::mallocgc((*t.elem).size, t.elem);
            *(es as *mut *mut u8) = ep;
        }
        key.store(t, slot_key(t, ks));
        *tophash_at(ib, i) = top;
        h.count += 1;
        return slot_elem(t, es);
    }
}

// ---------------------------------------------------------------------------------------
// delete

go_abi! {
    #[export_name = "runtime.mapdelete"]
    pub unsafe extern "Go" fn mapdelete(t: *const MapType, h: *mut Hmap, key: *const u8) {
        delete(t, h, KPtr(key))
    }
}

#[inline(always)]
unsafe fn delete<K: Key>(t: *const MapType, h: *mut Hmap, key: K) {
    let t = &*t;
    if h.is_null() || (*h).count == 0 {
        if !K::safe(t) {
            key.hash(t, 0);
        }
        return;
    }
    let h = &mut *h;
    let hash = key.hash(t, h.hash0);
    let bi = hash & bucket_mask(h.b);
    if growing(h) {
        grow_work(t, h, bi);
    }
    let borig = bucket(t, h.buckets, bi);
    let mut b = borig;
    let top = tophash(hash);
    while !b.is_null() {
        for i in 0..BUCKET_CNT {
            let th = *tophash_at(b, i);
            if th != top {
                if th == EMPTY_REST {
                    return;
                }
                continue;
            }
            let ks = key_at(t, b, i);
            if !key.eq(t, slot_key(t, ks)) {
                continue;
            }
            // Clear the slot (so that a collector does not keep its key and element alive).
            if t.flags & MAP_INDIRECT_KEY != 0 {
                *(ks as *mut *mut u8) = core::ptr::null_mut();
            } else {
                core::ptr::write_bytes(ks, 0, t.keysize as usize);
            }
            let es = elem_at(t, b, i);
            if t.flags & MAP_INDIRECT_ELEM != 0 {
                *(es as *mut *mut u8) = core::ptr::null_mut();
            } else {
                core::ptr::write_bytes(es, 0, t.elemsize as usize);
            }
            *tophash_at(b, i) = EMPTY_ONE;
            // If nothing follows in the chain, mark this and the empty slots before it as
            // the empty rest, so that lookups stop early.
            let last = if i == BUCKET_CNT - 1 {
                let ovf = overflow(t, b);
                ovf.is_null() || *tophash_at(ovf, 0) == EMPTY_REST
            } else {
                *tophash_at(b, i + 1) == EMPTY_REST
            };
            if last {
                let (mut cb, mut ci) = (b, i);
                loop {
                    *tophash_at(cb, ci) = EMPTY_REST;
                    if ci == 0 {
                        if cb == borig {
                            break;
                        }
                        // The bucket before cb in the chain.
                        let c = cb;
                        cb = borig;
                        while overflow(t, cb) != c {
                            cb = overflow(t, cb);
                        }
                        ci = BUCKET_CNT - 1;
                    } else {
                        ci -= 1;
                    }
                    if *tophash_at(cb, ci) != EMPTY_ONE {
                        break;
                    }
                }
            }
            h.count -= 1;
            if h.count == 0 {
                // A fresh seed, so that an attacker cannot build up collisions by
                // repeatedly filling and emptying a map.
                h.hash0 = crate::rand::fastrand();
            }
            return;
        }
        b = overflow(t, b);
    }
}

// ---------------------------------------------------------------------------------------
// growth

unsafe fn hash_grow(t: &MapType, h: &mut Hmap) {
    let bigger = if over_load_factor(h.count + 1, h.b) { 1 } else { 0 };
    if bigger == 0 {
        h.flags |= SAME_SIZE_GROW;
    }
    let old = h.buckets;
    let newb = new_buckets(t, h, h.b + bigger);
    // Iterators over the current buckets now iterate over old buckets.
    let mut flags = h.flags & !(ITERATOR | OLD_ITERATOR);
    if h.flags & ITERATOR != 0 {
        flags |= OLD_ITERATOR;
    }
    h.b += bigger;
    h.flags = flags;
    h.oldbuckets = old;
    h.buckets = newb;
    h.nevacuate = 0;
    h.noverflow = 0;
}

/// Evacuates the old bucket the caller is about to use, and one more to make progress.
unsafe fn grow_work(t: &MapType, h: &mut Hmap, bi: usize) {
    evacuate(t, h, bi & (noldbuckets(h) - 1));
    if growing(h) {
        evacuate(t, h, h.nevacuate);
    }
}

/// Where evacuated entries go: a bucket of the new table and the next free slot in it.
struct Dest {
    b: *mut u8,
    i: usize,
}

unsafe fn evacuate(t: &MapType, h: &mut Hmap, oldbucket: usize) {
    let b0 = bucket(t, h.oldbuckets, oldbucket);
    let newbit = noldbuckets(h);
    if !evacuated(b0) {
        // X: the same index in the new table; Y: index + newbit (only when doubling).
        let mut dest = [Dest { b: bucket(t, h.buckets, oldbucket), i: 0 }, Dest { b: core::ptr::null_mut(), i: 0 }];
        if !same_size_grow(h) {
            dest[1].b = bucket(t, h.buckets, oldbucket + newbit);
        }
        let ksize = (*t.key).size;
        let mut b = b0;
        while !b.is_null() {
            for i in 0..BUCKET_CNT {
                let mut top = *tophash_at(b, i);
                if is_empty(top) {
                    *tophash_at(b, i) = EVACUATED_EMPTY;
                    continue;
                }
                let ks = key_at(t, b, i);
                let k = slot_key(t, ks);
                let mut use_y = 0usize;
                if !same_size_grow(h) {
                    let hash = hash_key(t, k, h.hash0);
                    if h.flags & ITERATOR != 0 && !reflexive(t) && !key_equal(t, k, k) {
                        // A NaN key: its hash is random, so send it by a bit of its old
                        // tophash (iterators rely on that) and give it a new tophash.
                        use_y = (top & 1) as usize;
                        top = tophash(hash);
                    } else if hash & newbit != 0 {
                        use_y = 1;
                    }
                }
                *tophash_at(b, i) = EVACUATED_X + use_y as u8;
                let d = &mut dest[use_y];
                if d.i == BUCKET_CNT {
                    d.b = new_overflow(t, h, d.b);
                    d.i = 0;
                }
                *tophash_at(d.b, d.i) = top;
                // The slot's contents move: a pointer for indirect keys and elements.
                copy_bytes(key_at(t, d.b, d.i), ks, t.keysize as usize);
                copy_bytes(elem_at(t, d.b, d.i), elem_at(t, b, i), t.elemsize as usize);
                let _ = ksize;
                d.i += 1;
            }
            b = overflow(t, b);
        }
    }
    if oldbucket == h.nevacuate {
        advance_evacuation_mark(t, h, newbit);
    }
}

unsafe fn advance_evacuation_mark(t: &MapType, h: &mut Hmap, newbit: usize) {
    h.nevacuate += 1;
    // Skip buckets evacuated out of order, looking at no more than 1024.
    let stop = (h.nevacuate + 1024).min(newbit);
    while h.nevacuate != stop && evacuated(bucket(t, h.oldbuckets, h.nevacuate)) {
        h.nevacuate += 1;
    }
    if h.nevacuate == newbit {
        // Done: the old buckets are no longer used (iterators keep their own pointer).
        h.oldbuckets = core::ptr::null_mut();
        h.flags &= !SAME_SIZE_GROW;
    }
}

// ---------------------------------------------------------------------------------------
// iteration

go_abi! {
    #[export_name = "runtime.mapiterinit"]
    pub unsafe extern "Go" fn mapiterinit(t: *const MapType, h: *mut Hmap, it: *mut Hiter) {
        let it = &mut *it;
        it.t = t;
        it.key = core::ptr::null_mut();
        it.elem = core::ptr::null_mut();
        if h.is_null() || (*h).count == 0 {
            return;
        }
        let hm = &mut *h;
        it.h = h;
        it.b = hm.b;
        it.buckets = hm.buckets;
        // A random start bucket and slot: programs cannot depend on the order.
        let r = crate::rand::fastrand64() as usize;
        it.start_bucket = r & bucket_mask(hm.b);
        it.offset = ((r >> hm.b) & (BUCKET_CNT - 1)) as u8;
        it.bucket = it.start_bucket;
        it.bptr = core::ptr::null_mut();
        it.wrapped = false;
        it.i = 0;
        it.check_bucket = NO_CHECK;
        hm.flags |= ITERATOR | OLD_ITERATOR;
        mapiternext(it);
    }
}

go_abi! {
    #[export_name = "runtime.mapiternext"]
    pub unsafe extern "Go" fn mapiternext(it: *mut Hiter) {
        let it = &mut *it;
        let t = &*it.t;
        let h = &*it.h;
        let mut bucket_i = it.bucket;
        let mut b = it.bptr;
        let mut i = it.i;
        let mut check = it.check_bucket;
        loop {
            if b.is_null() {
                if bucket_i == it.start_bucket && it.wrapped {
                    it.key = core::ptr::null_mut();
                    it.elem = core::ptr::null_mut();
                    return;
                }
                if growing(h) && it.b == h.b {
                    // Started during this growth, which is not finished: if the old bucket that
                    // feeds this one is not evacuated yet, walk it instead, keeping only the
                    // entries that belong to this bucket.
                    let oldbucket = bucket_i & (noldbuckets(h) - 1);
                    b = bucket(t, h.oldbuckets, oldbucket);
                    if !evacuated(b) {
                        check = bucket_i;
                    } else {
                        b = bucket(t, it.buckets, bucket_i);
                        check = NO_CHECK;
                    }
                } else {
                    b = bucket(t, it.buckets, bucket_i);
                    check = NO_CHECK;
                }
                bucket_i += 1;
                if bucket_i == bucket_shift(it.b) {
                    bucket_i = 0;
                    it.wrapped = true;
                }
                i = 0;
            }
            while i < BUCKET_CNT {
                let offi = (i + it.offset as usize) & (BUCKET_CNT - 1);
                let th = *tophash_at(b, offi);
                if th >= MIN_TOPHASH && check == NO_CHECK {
                    // The common case: a live entry of a bucket that is not being moved.
                    it.key = slot_key(t, key_at(t, b, offi));
                    it.elem = slot_elem(t, elem_at(t, b, offi));
                    it.bucket = bucket_i;
                    it.bptr = b;
                    it.i = i + 1;
                    it.check_bucket = check;
                    return;
                }
                if is_empty(th) || th == EVACUATED_EMPTY {
                    i += 1;
                    continue;
                }
                let k = slot_key(t, key_at(t, b, offi));
                let e = slot_elem(t, elem_at(t, b, offi));
                if check != NO_CHECK && !same_size_grow(h) {
                    // An old bucket during doubling: only the entries that go to this bucket.
                    if reflexive(t) || key_equal(t, k, k) {
                        let hash = hash_key(t, k, h.hash0);
                        if hash & bucket_mask(it.b) != check {
                            i += 1;
                            continue;
                        }
                    } else if (check >> (it.b - 1)) != (th & 1) as usize {
                        // NaN keys go where their tophash's low bit says.
                        i += 1;
                        continue;
                    }
                }
                if (th != EVACUATED_X && th != EVACUATED_Y) || !(reflexive(t) || key_equal(t, k, k)) {
                    // The entry is here (or it is a NaN, which lookups cannot find anyway).
                    it.key = k;
                    it.elem = e;
                } else {
                    // The entry moved since the iteration began: find it where it is now. It may
                    // have been deleted, or given a new element.
                    let (rk, re) = lookup(t, it.h, KPtr(k));
                    if rk.is_null() {
                        i += 1;
                        continue;
                    }
                    it.key = rk;
                    it.elem = re;
                }
                it.bucket = bucket_i;
                it.bptr = b;
                it.i = i + 1;
                it.check_bucket = check;
                return;
            }
            b = overflow(t, b);
            i = 0;
        }
    }
}

// ---------------------------------------------------------------------------------------
// The fast variants: the key by value (8-byte and 4-byte plain keys, strings).

go_abi! {
    #[export_name = "runtime.mapaccess1_fast64"]
    pub unsafe extern "Go" fn mapaccess1_fast64(t: *const MapType, h: *mut Hmap, key: u64) -> *const u8 {
        access1(t, h, K64(key))
    }
}
go_abi! {
    #[export_name = "runtime.mapaccess2_fast64"]
    pub unsafe extern "Go" fn mapaccess2_fast64(t: *const MapType, h: *mut Hmap, key: u64) -> MapAccess2 {
        access2(t, h, K64(key))
    }
}
go_abi! {
    #[export_name = "runtime.mapassign_fast64"]
    pub unsafe extern "Go" fn mapassign_fast64(t: *const MapType, h: *mut Hmap, key: u64) -> *mut u8 {
        assign(t, h, K64(key))
    }
}
go_abi! {
    #[export_name = "runtime.mapdelete_fast64"]
    pub unsafe extern "Go" fn mapdelete_fast64(t: *const MapType, h: *mut Hmap, key: u64) {
        delete(t, h, K64(key))
    }
}
go_abi! {
    #[export_name = "runtime.mapaccess1_fast32"]
    pub unsafe extern "Go" fn mapaccess1_fast32(t: *const MapType, h: *mut Hmap, key: u32) -> *const u8 {
        access1(t, h, K32(key))
    }
}
go_abi! {
    #[export_name = "runtime.mapaccess2_fast32"]
    pub unsafe extern "Go" fn mapaccess2_fast32(t: *const MapType, h: *mut Hmap, key: u32) -> MapAccess2 {
        access2(t, h, K32(key))
    }
}
go_abi! {
    #[export_name = "runtime.mapassign_fast32"]
    pub unsafe extern "Go" fn mapassign_fast32(t: *const MapType, h: *mut Hmap, key: u32) -> *mut u8 {
        assign(t, h, K32(key))
    }
}
go_abi! {
    #[export_name = "runtime.mapdelete_fast32"]
    pub unsafe extern "Go" fn mapdelete_fast32(t: *const MapType, h: *mut Hmap, key: u32) {
        delete(t, h, K32(key))
    }
}
go_abi! {
    #[export_name = "runtime.mapaccess1_faststr"]
    pub unsafe extern "Go" fn mapaccess1_faststr(t: *const MapType, h: *mut Hmap, p: *const u8, n: usize) -> *const u8 {
        access1(t, h, KStr(GoString { ptr: p, len: n }))
    }
}
go_abi! {
    #[export_name = "runtime.mapaccess2_faststr"]
    pub unsafe extern "Go" fn mapaccess2_faststr(t: *const MapType, h: *mut Hmap, p: *const u8, n: usize) -> MapAccess2 {
        access2(t, h, KStr(GoString { ptr: p, len: n }))
    }
}
go_abi! {
    #[export_name = "runtime.mapassign_faststr"]
    pub unsafe extern "Go" fn mapassign_faststr(t: *const MapType, h: *mut Hmap, p: *const u8, n: usize) -> *mut u8 {
        assign(t, h, KStr(GoString { ptr: p, len: n }))
    }
}
go_abi! {
    #[export_name = "runtime.mapdelete_faststr"]
    pub unsafe extern "Go" fn mapdelete_faststr(t: *const MapType, h: *mut Hmap, p: *const u8, n: usize) {
        delete(t, h, KStr(GoString { ptr: p, len: n }))
    }
}
