//! The little reflection that shipped Go packages need before a `reflect` exists: questions
//! about types answered from the type descriptors (`types.rs`), and reads of memory that Go
//! code cannot do itself without `unsafe`. These are the bodies of the functions that
//! package errors and package internal/reflectlite (compiler/lib/) declare without one.
use crate::iface::assert_e2i2;
use crate::types::*;

/// The dynamic type of a non-empty interface value (tab, data): the itab's type, or null.
unsafe fn dyn_type(tab: *const Itab) -> *const Type {
    if tab.is_null() { core::ptr::null() } else { (*tab).typ }
}

/// Whether the method set of `t` has `Error() string`.
unsafe fn implements_error(t: *const Type) -> bool {
    methods(t).iter().any(|m| m.name.bytes() == b"Error" && m.pkgpath.len == 0 && (*m.mtyp).name() == b"func() string")
}

go_abi! {
    #[export_name = "errors.comparable"]
    pub unsafe extern "Go" fn errors_comparable(tab: *const Itab, _data: *mut u8) -> bool {
        let t = dyn_type(tab);
        !t.is_null() && (*t).is_comparable()
    }
}

go_abi! {
    #[export_name = "errors.checkTarget"]
    pub unsafe extern "Go" fn errors_check_target(t: *const Type, data: *mut u8) -> i64 {
        if t.is_null() || (*t).kind() != KIND_POINTER || data.is_null() {
            return 1;
        }
        let e = elem(t);
        if (*e).kind() == KIND_INTERFACE || implements_error(e) { 0 } else { 2 }
    }
}

go_abi! {
    #[export_name = "errors.storeIfAssignable"]
    pub unsafe extern "Go" fn errors_store_if_assignable(tab: *const Itab, edata: *mut u8, t: *const Type, target: *mut u8) -> bool {
        let et = dyn_type(tab);
        let want = elem(t);
        if et.is_null() {
            return false;
        }
        if (*want).kind() == KIND_INTERFACE {
            let inter = want as *const InterfaceType;
            let first = if (*inter).mcount == 0 {
                et as *const u8
            } else {
                let itab = assert_e2i2(inter, et);
                if itab.is_null() {
                    return false;
                }
                itab as *const u8
            };
            let slot = target as *mut [*const u8; 2];
            *slot = [first, edata];
            return true;
        }
        if et != want {
            return false;
        }
        // The same type: copy the value (held in the data word itself, or pointed to by it).
        if (*et).is_direct_iface() {
            *(target as *mut *mut u8) = edata;
        } else {
            core::ptr::copy(edata as *const u8, target, (*et).size);
        }
        true
    }
}

// ---- internal/reflectlite ----

/// Two results of `sliceData`: the slice's data pointer and length.
#[repr(C)]
pub struct PtrLen {
    ptr: *mut u8,
    len: i64,
}

/// Two results of `mapIterEntry`: the current key and element (null after the last).
#[repr(C)]
pub struct KeyElem {
    key: *mut u8,
    elem: *mut u8,
}

/// The address of a value held in an interface's data word: the word itself holds
/// pointer-shaped values, so they get a cell of their own.
unsafe fn value_addr(t: *const Type, data: *mut u8) -> *mut u8 {
    if (*t).is_direct_iface() {
        let cell = crate::gc::alloc_words(8) as *mut *mut u8;
        *cell = data;
        cell as *mut u8
    } else {
        data
    }
}

go_abi! {
    #[export_name = "internal/reflectlite.valueOf"]
    pub unsafe extern "Go" fn rl_value_of(t: *const Type, data: *mut u8) -> Eface {
        if t.is_null() {
            return Eface { typ: t, data: core::ptr::null_mut() };
        }
        Eface { typ: t, data: value_addr(t, data) }
    }

    #[export_name = "internal/reflectlite.packEface"]
    pub unsafe extern "Go" fn rl_pack_eface(t: *const Type, p: *mut u8) -> Eface {
        if (*t).is_direct_iface() {
            return Eface { typ: t, data: *(p as *mut *mut u8) };
        }
        let size = (*t).size;
        let copy = crate::gc::mallocgc(size.max(1), t);
        core::ptr::copy(p, copy, size);
        Eface { typ: t, data: copy }
    }

    #[export_name = "internal/reflectlite.kindOf"]
    pub unsafe extern "Go" fn rl_kind_of(t: *const Type) -> u64 {
        (*t).kind() as u64
    }

    #[export_name = "internal/reflectlite.nameOf"]
    pub unsafe extern "Go" fn rl_name_of(t: *const Type) -> GoString {
        (*t).name
    }

    #[export_name = "internal/reflectlite.sizeOf"]
    pub unsafe extern "Go" fn rl_size_of(t: *const Type) -> usize {
        (*t).size
    }

    #[export_name = "internal/reflectlite.elemOf"]
    pub unsafe extern "Go" fn rl_elem_of(t: *const Type) -> *const Type {
        elem(t)
    }

    #[export_name = "internal/reflectlite.keyOf"]
    pub unsafe extern "Go" fn rl_key_of(t: *const Type) -> *const Type {
        (*(t as *const MapType)).key
    }

    #[export_name = "internal/reflectlite.arrayLen"]
    pub unsafe extern "Go" fn rl_array_len(t: *const Type) -> i64 {
        (*(t as *const ArrayType)).len as i64
    }

    #[export_name = "internal/reflectlite.numField"]
    pub unsafe extern "Go" fn rl_num_field(t: *const Type) -> i64 {
        fields(t).len() as i64
    }

    #[export_name = "internal/reflectlite.fieldName"]
    pub unsafe extern "Go" fn rl_field_name(t: *const Type, i: i64) -> GoString {
        fields(t)[i as usize].name
    }

    #[export_name = "internal/reflectlite.fieldType"]
    pub unsafe extern "Go" fn rl_field_type(t: *const Type, i: i64) -> *const Type {
        fields(t)[i as usize].typ
    }

    #[export_name = "internal/reflectlite.fieldOffset"]
    pub unsafe extern "Go" fn rl_field_offset(t: *const Type, i: i64) -> usize {
        fields(t)[i as usize].offset
    }

    #[export_name = "internal/reflectlite.fieldFlags"]
    pub unsafe extern "Go" fn rl_field_flags(t: *const Type, i: i64) -> i64 {
        let f = fields(t)[i as usize].flags;
        (if f & FIELD_EMBEDDED != 0 { 1 } else { 0 }) | (if f & FIELD_EXPORTED != 0 { 2 } else { 0 })
    }

    #[export_name = "internal/reflectlite.numMethod"]
    pub unsafe extern "Go" fn rl_num_method(t: *const Type) -> i64 {
        if (*t).kind() == KIND_INTERFACE {
            return imethods(t as *const InterfaceType).len() as i64;
        }
        methods(t).len() as i64
    }

    #[export_name = "internal/reflectlite.isNamed"]
    pub unsafe extern "Go" fn rl_is_named(t: *const Type) -> bool {
        (*t).tflag & TFLAG_NAMED != 0
    }

    #[export_name = "internal/reflectlite.comparable"]
    pub unsafe extern "Go" fn rl_comparable(t: *const Type) -> bool {
        (*t).is_comparable()
    }

    #[export_name = "internal/reflectlite.add"]
    pub unsafe extern "Go" fn rl_add(p: *mut u8, off: usize) -> *mut u8 {
        p.wrapping_add(off)
    }

    #[export_name = "internal/reflectlite.loadBool"]
    pub unsafe extern "Go" fn rl_load_bool(p: *const u8) -> bool {
        *p != 0
    }

    #[export_name = "internal/reflectlite.loadInt"]
    pub unsafe extern "Go" fn rl_load_int(p: *const u8, size: usize) -> i64 {
        match size {
            1 => *(p as *const i8) as i64,
            2 => *(p as *const i16) as i64,
            4 => *(p as *const i32) as i64,
            _ => *(p as *const i64),
        }
    }

    #[export_name = "internal/reflectlite.loadUint"]
    pub unsafe extern "Go" fn rl_load_uint(p: *const u8, size: usize) -> u64 {
        match size {
            1 => *p as u64,
            2 => *(p as *const u16) as u64,
            4 => *(p as *const u32) as u64,
            _ => *(p as *const u64),
        }
    }

    #[export_name = "internal/reflectlite.loadFloat"]
    pub unsafe extern "Go" fn rl_load_float(p: *const u8, size: usize) -> f64 {
        if size == 4 { *(p as *const f32) as f64 } else { *(p as *const f64) }
    }

    #[export_name = "internal/reflectlite.loadString"]
    pub unsafe extern "Go" fn rl_load_string(p: *const u8) -> GoString {
        *(p as *const GoString)
    }

    #[export_name = "internal/reflectlite.loadWord"]
    pub unsafe extern "Go" fn rl_load_word(p: *const u8) -> *mut u8 {
        *(p as *const *mut u8)
    }

    #[export_name = "internal/reflectlite.wordValue"]
    pub unsafe extern "Go" fn rl_word_value(w: *mut u8) -> usize {
        w as usize
    }

    #[export_name = "internal/reflectlite.sliceData"]
    pub unsafe extern "Go" fn rl_slice_data(p: *const u8) -> PtrLen {
        let h = *(p as *const SliceHeader);
        PtrLen { ptr: h.ptr, len: h.len as i64 }
    }

    #[export_name = "internal/reflectlite.ifaceValue"]
    pub unsafe extern "Go" fn rl_iface_value(t: *const Type, p: *mut u8) -> Eface {
        let words = p as *const *mut u8;
        let first = *words;
        let dt = if imethods(t as *const InterfaceType).is_empty() {
            first as *const Type
        } else if first.is_null() {
            core::ptr::null()
        } else {
            (*(first as *const Itab)).typ
        };
        if dt.is_null() {
            return Eface { typ: dt, data: core::ptr::null_mut() };
        }
        // A pointer-shaped value is the data word itself, which is in memory at p + 8.
        let addr = if (*dt).is_direct_iface() { p.add(8) } else { *words.add(1) };
        Eface { typ: dt, data: addr }
    }

    #[export_name = "internal/reflectlite.mapLen"]
    pub unsafe extern "Go" fn rl_map_len(m: *const usize) -> i64 {
        if m.is_null() { 0 } else { *m as i64 }
    }

    #[export_name = "internal/reflectlite.mapIterStart"]
    pub unsafe extern "Go" fn rl_map_iter_start(t: *const Type, m: *mut u8, it: *mut u8) {
        crate::map::mapiterinit(t as *const MapType, m as *mut crate::map::Hmap, it as *mut crate::map::Hiter)
    }

    #[export_name = "internal/reflectlite.mapIterEntry"]
    pub unsafe extern "Go" fn rl_map_iter_entry(it: *mut u8) -> KeyElem {
        let h = it as *mut crate::map::Hiter;
        let words = it as *const *mut u8;
        let (key, elem) = (*words, *words.add(1));
        if !key.is_null() {
            crate::map::mapiternext(h);
        }
        KeyElem { key, elem }
    }
}
