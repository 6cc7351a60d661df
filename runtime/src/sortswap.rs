//! What package sort needs of reflection for `sort.Slice(x any, less)`: the kind and length
//! of the value in `x`, its elements' address and size, and swapping two elements of that
//! size (what Go's `reflectlite.Swapper` does). The Go half is compiler/lib/sort.
//!
//! An interface holding a slice has a data word pointing to a copy of the slice header
//! (pointer, length, capacity); a string's points to (pointer, length); a map is
//! pointer-shaped, so the data word is the map itself, whose first word is its count.
use crate::types::*;

go_abi! {
    /// The kind (`KIND_*`, Go's reflect.Kind numbering) of x's dynamic type, 0 for nil.
    #[export_name = "sort.kindOf"]
    pub unsafe extern "Go" fn sort_kind_of(t: *const Type, _data: *mut u8) -> i64 {
        if t.is_null() { 0 } else { (*t).kind() as i64 }
    }
}

go_abi! {
    /// The length of x, as reflect's `Value.Len`, for a slice, array, string or map; -1 for
    /// the other kinds (the caller panics).
    #[export_name = "sort.lenOf"]
    pub unsafe extern "Go" fn sort_len_of(t: *const Type, data: *mut u8) -> i64 {
        if t.is_null() {
            return -1;
        }
        match (*t).kind() {
            KIND_SLICE => (*(data as *const SliceHeader)).len as i64,
            KIND_STRING => (*(data as *const GoString)).len as i64,
            KIND_ARRAY => (*(t as *const ArrayType)).len as i64,
            KIND_MAP => {
                let h = data as *const usize;
                if h.is_null() { 0 } else { *h as i64 }
            }
            _ => -1,
        }
    }
}

go_abi! {
    /// The address of the first element of the slice in x (x holds a slice).
    #[export_name = "sort.elemBase"]
    pub unsafe extern "Go" fn sort_elem_base(_t: *const Type, data: *mut u8) -> *mut u8 {
        (*(data as *const SliceHeader)).ptr
    }
}

go_abi! {
    /// The size of the elements of the slice in x (x holds a slice).
    #[export_name = "sort.elemSize"]
    pub unsafe extern "Go" fn sort_elem_size(t: *const Type, _data: *mut u8) -> usize {
        (*elem(t)).size
    }
}

go_abi! {
    /// Swaps elements i and j, of `size` bytes each, of the array at `base`.
    #[export_name = "sort.swapElems"]
    pub unsafe extern "Go" fn sort_swap_elems(base: *mut u8, size: usize, i: i64, j: i64) {
        if i == j || size == 0 {
            return;
        }
        let a = base.add(i as usize * size);
        let b = base.add(j as usize * size);
        core::ptr::swap_nonoverlapping(a, b, size);
    }
}
