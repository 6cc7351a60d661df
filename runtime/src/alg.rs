//! Equality and hashing of values of any comparable type, driven by the type descriptor
//! (gc's alg.go): `==` on interfaces and on structs and arrays that are not plain bytes, and
//! the hashes of map keys.
//!
//! Values of "regular memory" types are their bytes. Otherwise: floats compare as floats
//! (NaN is unequal to itself, +0 equals -0, so both hash alike and every NaN hashes
//! randomly); strings by content; interfaces by dynamic type, then by value; structs and
//! arrays part by part (blank fields do not count). A dynamic type that is not comparable
//! (slices, maps, funcs, structs holding them) panics with gc's message.
use crate::hash::{hash32, hash64, memhash, strhash};
use crate::panic::panic_error_string;
use crate::types::*;

/// Hash of the value of type `t` at `p`, mixed with `h`.
pub unsafe fn typehash(t: *const Type, p: *const u8, h: usize) -> usize {
    let ty = &*t;
    if ty.is_regular_memory() {
        return match ty.size {
            8 => hash64(core::ptr::read_unaligned(p as *const u64), h),
            4 => hash32(core::ptr::read_unaligned(p as *const u32), h),
            n => memhash(p, n, h),
        };
    }
    match ty.kind() {
        KIND_FLOAT32 => f32hash(*(p as *const f32), h),
        KIND_FLOAT64 => f64hash(*(p as *const f64), h),
        KIND_COMPLEX64 => {
            let q = p as *const f32;
            f32hash(*q.add(1), f32hash(*q, h))
        }
        KIND_COMPLEX128 => {
            let q = p as *const f64;
            f64hash(*q.add(1), f64hash(*q, h))
        }
        KIND_STRING => {
            let s = *(p as *const GoString);
            strhash(s.ptr, s.len, h)
        }
        KIND_INTERFACE => {
            let (dt, data) = dynamic(t, p);
            interhash(dt, data, h)
        }
        KIND_ARRAY => {
            let a = &*(t as *const ArrayType);
            let es = (*a.elem).size;
            let mut h = h;
            for i in 0..a.len {
                h = typehash(a.elem, p.add(i * es), h);
            }
            h
        }
        KIND_STRUCT => {
            let mut h = h;
            for f in fields(t) {
                if f.name.bytes() == b"_" {
                    continue;
                }
                h = typehash(f.typ, p.add(f.offset), h);
            }
            h
        }
        _ => {
            if !ty.is_comparable() {
                panic_error_string(&[b"hash of unhashable type ", ty.name()]);
            }
            memhash(p, ty.size, h)
        }
    }
}

fn f64hash(x: f64, h: usize) -> usize {
    if x == 0.0 {
        hash64(0, h) // +0 and -0
    } else if x != x {
        // NaN: a random hash, so that NaN keys spread out (they never match anyway).
        hash64(crate::rand::fastrand64(), h)
    } else {
        hash64(x.to_bits(), h)
    }
}

fn f32hash(x: f32, h: usize) -> usize {
    if x == 0.0 {
        hash32(0, h)
    } else if x != x {
        hash64(crate::rand::fastrand64(), h)
    } else {
        hash32(x.to_bits(), h)
    }
}

/// The dynamic type and data word of the interface value of interface type `t` at `p`.
unsafe fn dynamic(t: *const Type, p: *const u8) -> (*const Type, *mut u8) {
    let it = &*(t as *const InterfaceType);
    if it.mcount == 0 {
        let e = *(p as *const Eface);
        (e.typ, e.data)
    } else {
        let i = *(p as *const Iface);
        (if i.tab.is_null() { core::ptr::null() } else { (*i.tab).typ }, i.data)
    }
}

/// Hash of an interface holding `data` of dynamic type `dt`.
unsafe fn interhash(dt: *const Type, data: *mut u8, h: usize) -> usize {
    if dt.is_null() {
        return hash64(0x6e69_6c, h);
    }
    if !(*dt).is_comparable() {
        panic_error_string(&[b"hash of unhashable type ", (*dt).name()]);
    }
    let h = h ^ (*dt).hash as usize;
    if (*dt).is_direct_iface() {
        hash64(data as u64, h)
    } else {
        typehash(dt, data, h)
    }
}

/// Whether the values of type `t` at `p` and `q` are equal (Go's `==`).
pub unsafe fn typeequal_impl(t: *const Type, p: *const u8, q: *const u8) -> bool {
    let ty = &*t;
    if ty.is_regular_memory() {
        return bytes_equal(p, q, ty.size);
    }
    match ty.kind() {
        KIND_FLOAT32 => *(p as *const f32) == *(q as *const f32),
        KIND_FLOAT64 => *(p as *const f64) == *(q as *const f64),
        KIND_COMPLEX64 => {
            let (a, b) = (p as *const f32, q as *const f32);
            *a == *b && *a.add(1) == *b.add(1)
        }
        KIND_COMPLEX128 => {
            let (a, b) = (p as *const f64, q as *const f64);
            *a == *b && *a.add(1) == *b.add(1)
        }
        KIND_STRING => {
            let (a, b) = (*(p as *const GoString), *(q as *const GoString));
            a.len == b.len && (a.ptr == b.ptr || bytes_equal(a.ptr, b.ptr, a.len))
        }
        KIND_INTERFACE => {
            let (ta, da) = dynamic(t, p);
            let (tb, db) = dynamic(t, q);
            ta == tb && efaceeq(ta, da, db)
        }
        KIND_ARRAY => {
            let a = &*(t as *const ArrayType);
            let es = (*a.elem).size;
            (0..a.len).all(|i| typeequal_impl(a.elem, p.add(i * es), q.add(i * es)))
        }
        KIND_STRUCT => fields(t).iter().all(|f| f.name.bytes() == b"_" || typeequal_impl(f.typ, p.add(f.offset), q.add(f.offset))),
        _ => {
            if !ty.is_comparable() {
                panic_error_string(&[b"comparing uncomparable type ", ty.name()]);
            }
            bytes_equal(p, q, ty.size)
        }
    }
}

unsafe fn bytes_equal(p: *const u8, q: *const u8, n: usize) -> bool {
    if p == q || n == 0 {
        return true;
    }
    core::slice::from_raw_parts(p, n) == core::slice::from_raw_parts(q, n)
}

go_abi! {
    /// Two empty interfaces with the same type word `t`: are their values equal?
    #[export_name = "runtime.efaceeq"]
    pub unsafe extern "Go" fn efaceeq(t: *const Type, x: *mut u8, y: *mut u8) -> bool {
        if t.is_null() {
            return true;
        }
        if !(*t).is_comparable() {
            panic_error_string(&[b"comparing uncomparable type ", (*t).name()]);
        }
        if (*t).is_direct_iface() {
            return x == y;
        }
        typeequal_impl(t, x, y)
    }
}

go_abi! {
    /// Two non-empty interfaces with the same itab: are their values equal?
    #[export_name = "runtime.ifaceeq"]
    pub unsafe extern "Go" fn ifaceeq(tab: *const Itab, x: *mut u8, y: *mut u8) -> bool {
        if tab.is_null() {
            return true;
        }
        efaceeq((*tab).typ, x, y)
    }
}

go_abi! {
    /// `==` on two values of type t (structs and arrays that are not plain bytes).
    #[export_name = "runtime.typeequal"]
    pub unsafe extern "Go" fn typeequal(t: *const Type, p: *const u8, q: *const u8) -> bool {
        typeequal_impl(t, p, q)
    }
}
