//! The little reflection that shipped Go packages need before a `reflect` exists: questions
//! about types answered from the type descriptors (`types.rs`). Today these are the bodies of
//! the three functions that package errors declares without one (compiler/lib/errors).
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
