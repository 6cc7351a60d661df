//! Panics: gc's messages, then exit status 2.
use crate::print::*;
use crate::sys;

fn finish() -> ! {
    out(b"\ngoroutine 1 [running]:\nmain.main()\n");
    sys::exit(2)
}

pub fn fatal(msg: &[u8]) -> ! {
    out(b"fatal error: ");
    out(msg);
    out(b"\n");
    sys::exit(2)
}

/// Panics with a runtime error (a `runtime.Error` whose message is "runtime error: " and the
/// parts), as gc's `panic(errorString(...))`.
pub fn panic_error_string(parts: &[&[u8]]) -> ! {
    runtime_error(parts)
}

/// Panics with a plain runtime error whose message is the parts alone (gc's `plainError`,
/// e.g. "assignment to entry in nil map").
pub fn panic_plain(parts: &[&[u8]]) -> ! {
    out(b"panic: ");
    for p in parts {
        out(p);
    }
    out(b"\n");
    finish()
}

fn runtime_error(parts: &[&[u8]]) -> ! {
    out(b"panic: runtime error: ");
    for p in parts {
        out(p);
    }
    out(b"\n");
    finish()
}

#[export_name = "runtime.panicIndex"]
pub extern "C" fn panic_index(i: i64, len: i64) -> ! {
    out(b"panic: runtime error: index out of range [");
    print_int(i);
    out(b"] with length ");
    print_int(len);
    out(b"\n");
    finish()
}

fn slice_panic(pre: &[u8], a: i64, mid: &[u8], b: i64, post: &[u8]) -> ! {
    out(b"panic: runtime error: slice bounds out of range ");
    out(pre);
    print_int(a);
    out(mid);
    print_int(b);
    out(post);
    out(b"\n");
    finish()
}

#[export_name = "runtime.panicSlice_b"]
pub extern "C" fn panic_slice_b(lo: i64, hi: i64) -> ! {
    slice_panic(b"[", lo, b":", hi, b"]")
}
#[export_name = "runtime.panicSlice_cap"]
pub extern "C" fn panic_slice_cap(hi: i64, cap: i64) -> ! {
    slice_panic(b"[:", hi, b"] with capacity ", cap, b"")
}
#[export_name = "runtime.panicSlice_len"]
pub extern "C" fn panic_slice_len(hi: i64, len: i64) -> ! {
    slice_panic(b"[:", hi, b"] with length ", len, b"")
}
#[export_name = "runtime.panicSlice_3cap"]
pub extern "C" fn panic_slice_3cap(max: i64, cap: i64) -> ! {
    slice_panic(b"[::", max, b"] with capacity ", cap, b"")
}
#[export_name = "runtime.panicSlice_3b"]
pub extern "C" fn panic_slice_3b(hi: i64, max: i64) -> ! {
    slice_panic(b"[:", hi, b":", max, b"]")
}
#[export_name = "runtime.panicdivide"]
pub extern "C" fn panic_divide() -> ! {
    runtime_error(&[b"integer divide by zero"])
}
#[export_name = "runtime.panicshift"]
pub extern "C" fn panic_shift() -> ! {
    runtime_error(&[b"negative shift amount"])
}
#[export_name = "runtime.panicnil"]
pub extern "C" fn panic_nil() -> ! {
    out(b"panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
    finish()
}
#[export_name = "runtime.panicmakeslicelen"]
pub extern "C" fn panic_makeslicelen() -> ! {
    runtime_error(&[b"makeslice: len out of range"])
}
#[export_name = "runtime.panicmakeslicecap"]
pub extern "C" fn panic_makeslicecap() -> ! {
    runtime_error(&[b"makeslice: cap out of range"])
}

/// panic(v) for a basic-typed v: "panic: " and the value as print would show it.
fn gopanic(print_value: impl FnOnce()) -> ! {
    out(b"panic: ");
    print_value();
    out(b"\n");
    finish()
}

#[export_name = "runtime.gopanic_int"]
pub extern "C" fn gopanic_int(v: i64) -> ! {
    gopanic(|| print_int(v))
}
#[export_name = "runtime.gopanic_uint"]
pub extern "C" fn gopanic_uint(v: u64) -> ! {
    gopanic(|| print_uint(v))
}
#[export_name = "runtime.gopanic_float"]
pub extern "C" fn gopanic_float(v: f64) -> ! {
    gopanic(|| print_float(v))
}
#[export_name = "runtime.gopanic_bool"]
pub extern "C" fn gopanic_bool(v: bool) -> ! {
    gopanic(|| out(if v { b"true" } else { b"false" }))
}
#[export_name = "runtime.gopanic_string"]
pub unsafe extern "C" fn gopanic_string(p: *const u8, n: i64) -> ! {
    gopanic(|| {
        if n > 0 {
            out(core::slice::from_raw_parts(p, n as usize));
        }
    })
}
#[export_name = "runtime.gopanic_pointer"]
pub extern "C" fn gopanic_pointer(p: u64) -> ! {
    gopanic(|| print_hex(p))
}
