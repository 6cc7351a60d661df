//! Interfaces at run time (gc's iface.go): itabs found or made for (interface, concrete
//! type) pairs, type assertions to interfaces, and the names of types.
//!
//! Itabs are unique per pair: the compiler emits the ones it can see statically and lists
//! them in `go:itablinks`; `itabsinit` enters them in the table before any made at run time,
//! so compiled code may compare itab pointers to decide `x.(T)`.
use crate::heap::persistent;
use crate::types::*;

go_abi! {
    extern "Go" {
        /// The static itabs: a count, then that many pointers.
        #[link_name = "go:itablinks"]
        static ITABLINKS: usize;
        #[link_name = "runtime.panicmissing"]
        fn go_panicmissing(have: *const Type, want: *const Type, p: *const u8, n: usize) -> !;
        #[link_name = "runtime.panicdottype"]
        fn go_panicdottype(have: *const Type, want: *const Type, iface: *const Type) -> !;
    }
}

/// An open-addressing hash table of itabs keyed by (interface, type); failed lookups are
/// kept too, as itabs whose first method is null. The table and the itabs made at run time
/// live in persistent memory, which the collector neither scans nor frees (a table that
/// has been outgrown stays behind: at most as much again as the last one).
struct Table {
    slots: *mut *mut Itab,
    cap: usize,
    len: usize,
}

static mut TABLE: Table = Table { slots: core::ptr::null_mut(), cap: 0, len: 0 };

fn key_hash(inter: *const InterfaceType, typ: *const Type) -> usize {
    let h = (inter as usize).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (typ as usize).rotate_left(29);
    h ^ (h >> 31)
}

unsafe fn table() -> &'static mut Table {
    &mut *core::ptr::addr_of_mut!(TABLE)
}

unsafe fn find(inter: *const InterfaceType, typ: *const Type) -> *mut Itab {
    let t = table();
    if t.cap == 0 {
        return core::ptr::null_mut();
    }
    let mut i = key_hash(inter, typ) & (t.cap - 1);
    loop {
        let m = *t.slots.add(i);
        if m.is_null() {
            return m;
        }
        if (*m).inter == inter && (*m).typ == typ {
            return m;
        }
        i = (i + 1) & (t.cap - 1);
    }
}

unsafe fn insert(m: *mut Itab) {
    let t = table();
    if (t.len + 1) * 4 > t.cap * 3 {
        let old = (t.slots, t.cap);
        t.cap = if t.cap == 0 { 64 } else { t.cap * 2 };
        t.slots = persistent(t.cap * 8, 8) as *mut *mut Itab;
        t.len = 0;
        for i in 0..old.1 {
            let x = *old.0.add(i);
            if !x.is_null() {
                insert(x);
            }
        }
    }
    let mut i = key_hash((*m).inter, (*m).typ) & (t.cap - 1);
    while !(*t.slots.add(i)).is_null() {
        i = (i + 1) & (t.cap - 1);
    }
    *t.slots.add(i) = m;
    t.len += 1;
}

/// Enters the compiler's static itabs (called once at start-up).
pub unsafe fn itabsinit() {
    let base = core::ptr::addr_of!(ITABLINKS);
    let n = *base;
    for i in 0..n {
        insert(*(base.add(1 + i)) as *mut Itab);
    }
}

/// Fills an itab's methods from the type's method table (both sorted by name); returns the
/// name of the first missing method, if any.
unsafe fn fill(m: *mut Itab) -> Option<&'static [u8]> {
    let ims = imethods((*m).inter);
    let tms = methods((*m).typ);
    let fun = core::ptr::addr_of_mut!((*m).fun) as *mut *const u8;
    let mut j = 0;
    for (k, im) in ims.iter().enumerate() {
        loop {
            if j >= tms.len() {
                *fun = core::ptr::null();
                return Some(im.name.bytes());
            }
            let tm = &tms[j];
            j += 1;
            if tm.name.bytes() == im.name.bytes() && tm.pkgpath.bytes() == im.pkgpath.bytes() {
                if tm.mtyp != im.typ {
                    *fun = core::ptr::null();
                    return Some(im.name.bytes());
                }
                *fun.add(k) = tm.ifn;
                break;
            }
        }
    }
    None
}

/// The itab of (inter, typ), made if need be; null if typ lacks a method (then, unless
/// `canfail`, a TypeAssertionError panic).
unsafe fn getitab(inter: *const InterfaceType, typ: *const Type, canfail: bool) -> *const Itab {
    let mut m = find(inter, typ);
    if m.is_null() {
        let n = (*inter).mcount.max(1);
        m = persistent(24 + 8 * n, 8) as *mut Itab;
        (*m).inter = inter;
        (*m).typ = typ;
        (*m).hash = (*typ).hash;
        fill(m);
        insert(m);
    }
    if !(*m).fun[0].is_null() {
        return m;
    }
    if canfail {
        return core::ptr::null();
    }
    // Which method is missing, for the message.
    let missing = fill(m).unwrap_or(b"");
    go_panicmissing(typ, inter as *const Type, missing.as_ptr(), missing.len())
}

go_abi! {
    /// `x.(I)` for a non-empty interface I, x's dynamic type `typ` (panics on failure).
    #[export_name = "runtime.assertE2I"]
    pub unsafe extern "Go" fn assert_e2i(inter: *const InterfaceType, typ: *const Type) -> *const Itab {
        if typ.is_null() {
            go_panicdottype(core::ptr::null(), inter as *const Type, core::ptr::null())
        }
        getitab(inter, typ, false)
    }
}

go_abi! {
    /// `v, ok := x.(I)`: the itab, or null.
    #[export_name = "runtime.assertE2I2"]
    pub unsafe extern "Go" fn assert_e2i2(inter: *const InterfaceType, typ: *const Type) -> *const Itab {
        if typ.is_null() {
            return core::ptr::null();
        }
        getitab(inter, typ, true)
    }
}

go_abi! {
    /// An interface value converted to another interface that its type statically implements.
    #[export_name = "runtime.convI2I"]
    pub unsafe extern "Go" fn conv_i2i(inter: *const InterfaceType, typ: *const Type) -> *const Itab {
        if typ.is_null() {
            return core::ptr::null();
        }
        getitab(inter, typ, false)
    }
}

go_abi! {
    /// The name of the type with descriptor t.
    #[export_name = "runtime.typestring"]
    pub unsafe extern "Go" fn typestring(t: *const Type) -> GoString {
        if t.is_null() {
            return GoString::EMPTY;
        }
        (*t).name
    }
}
