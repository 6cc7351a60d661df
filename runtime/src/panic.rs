//! Panics (gc's panic.go): `gopanic` runs the deferred calls of the goroutine's frames,
//! newest first; a deferred call that calls `recover` directly stops the panic, and the
//! function that deferred it resumes (it runs its remaining deferred calls and returns its
//! results). When no deferred call recovers, the panics are printed as gc prints them
//! (`panic: ` and the value; `Error()` for errors, `String()` for Stringers, `main.T(5)`
//! for other named basic types) and the process exits with status 2.
//!
//! The run-time errors themselves are Go values of package runtime's Go half
//! (compiler/lib/runtime): the checks below call into it to raise them.
use crate::arch::calldeferred;
use crate::defer::{Frame, DEFERRING};
use crate::g::getg;
use crate::mem::alloc;
use crate::print::*;
use crate::os;
use crate::types::*;

/// A panic in progress.
#[repr(C)]
pub struct Panic {
    /// The stack pointer at the call of the deferred function being run (for recover).
    pub argp: usize,
    pub arg: Eface,
    /// The earlier panic still in progress, if any.
    pub link: *mut Panic,
    pub recovered: bool,
    /// A newer panic started while this one was running a deferred call.
    pub aborted: bool,
    /// Running a deferred call now.
    pub calling: bool,
    /// The frame whose deferred call it is running.
    pub frame: *mut Frame,
    /// Raised for a memory fault (gc prints a "[signal SIGSEGV ...]" line).
    pub sig: bool,
}

/// The next panic raised comes from a memory fault.
static mut NEXT_SIG: bool = false;
/// Printing the panic values (calling their Error methods) is under way.
static mut PRINTING: bool = false;

go_abi! {
    extern "Go" {
        #[link_name = "runtime.panicErrorString"]
        fn go_panic_error_string(p: *const u8, n: usize) -> !;
        #[link_name = "runtime.panicPlain"]
        fn go_panic_plain(p: *const u8, n: usize) -> !;
        #[link_name = "runtime.panicmem"]
        fn go_panicmem() -> !;
    }
}

/// Joins byte strings into a new heap string.
fn join(parts: &[&[u8]]) -> (*const u8, usize) {
    let n: usize = parts.iter().map(|p| p.len()).sum();
    let d = unsafe { alloc(n.max(1)) };
    let mut off = 0;
    for p in parts {
        unsafe { core::ptr::copy_nonoverlapping(p.as_ptr(), d.add(off), p.len()) };
        off += p.len();
    }
    (d, n)
}

/// Panics with a run-time error (a `runtime.Error` whose message is "runtime error: " and
/// the parts), as gc's `panic(errorString(...))`.
pub fn panic_error_string(parts: &[&[u8]]) -> ! {
    let (p, n) = join(parts);
    unsafe { go_panic_error_string(p, n) }
}

/// Panics with a plain run-time error whose message is the parts alone (gc's `plainError`,
/// e.g. "assignment to entry in nil map").
pub fn panic_plain(parts: &[&[u8]]) -> ! {
    let (p, n) = join(parts);
    unsafe { go_panic_plain(p, n) }
}

pub fn fatal(msg: &[u8]) -> ! {
    out(b"fatal error: ");
    out(msg);
    out(b"\n");
    os::exit(2)
}

go_abi! {
    /// A nil pointer dereference, found by an explicit check.
    #[export_name = "runtime.panicnil"]
    pub extern "Go" fn panic_nil() -> ! {
        unsafe {
            NEXT_SIG = true;
            go_panicmem()
        }
    }
}

go_abi! {
    #[export_name = "runtime.panicmakeslicelen"]
    pub extern "Go" fn panic_makeslicelen() -> ! {
        panic_error_string(&[b"makeslice: len out of range"])
    }
}
go_abi! {
    #[export_name = "runtime.panicmakeslicecap"]
    pub extern "Go" fn panic_makeslicecap() -> ! {
        panic_error_string(&[b"makeslice: cap out of range"])
    }
}

go_abi! {
    /// `panic(v)`, v as an empty interface.
    #[export_name = "runtime.gopanic"]
    pub unsafe extern "Go" fn gopanic(typ: *const Type, data: *mut u8) -> ! {
        let g = getg();
        if PRINTING {
            fatal(b"panic while printing panic value");
        }
        let p = crate::gc::alloc_words(core::mem::size_of::<Panic>()) as *mut Panic;
        (*p).arg = Eface { typ, data };
        (*p).link = g.panic;
        (*p).sig = NEXT_SIG;
        NEXT_SIG = false;
        g.panic = p;
        loop {
            let fr: *mut Frame = g.frames;
            if fr.is_null() {
                break;
            }
            // Unwinding into the frame whose deferred call an earlier panic is running ends that
            // panic's run (it is printed, but not resumed).
            let mut q = (*p).link;
            while !q.is_null() {
                if (*q).calling && (*q).frame == fr {
                    (*q).aborted = true;
                    (*q).calling = false;
                }
                q = (*q).link;
            }
            let d = (*fr).defers;
            if d.is_null() {
                // Every deferred call of this function has run: it is unwound.
                g.frames = (*fr).link;
                continue;
            }
            (*fr).defers = (*d).next;
            (*p).calling = true;
            (*p).frame = fr;
            DEFERRING += 1;
            calldeferred((*d).fv, &mut (*p).argp);
            DEFERRING -= 1;
            (*p).calling = false;
            (*p).argp = 0;
            if (*p).recovered {
                // Done with this panic, and with the earlier ones it interrupted.
                g.panic = (*p).link;
                while !g.panic.is_null() && (*g.panic).aborted {
                    g.panic = (*g.panic).link;
                }
                // The function that deferred the call resumes: it runs its remaining deferred
                // calls and returns normally.
                crate::arch::longjmp(fr as *const usize, fr as usize);
            }
        }
        // Nothing recovered: print every panic in progress, oldest first.
        PRINTING = true;
        let mut chain = [core::ptr::null_mut::<Panic>(); 64];
        let mut n = 0;
        let mut q = g.panic;
        while !q.is_null() && n < chain.len() {
            chain[n] = q;
            n += 1;
            q = (*q).link;
        }
        // gc converts error and Stringer values to their text before printing any.
        let mut texts: [Option<(*const u8, usize)>; 64] = [None; 64];
        for i in 0..n {
            texts[i] = text_of((*chain[i]).arg);
        }
        for i in (0..n).rev() {
            if i != n - 1 {
                out(b"\t");
            }
            out(b"panic: ");
            match texts[i] {
                Some((s, l)) => out(bytes(s, l)),
                None => printany((*chain[i]).arg),
            }
            if (*chain[i]).recovered {
                out(b" [recovered]");
            }
            out(b"\n");
        }
        if n > 0 && (*chain[0]).sig {
            out(b"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
        }
        out(b"\n");
        crate::sched::proc::traceback(crate::sched::getgp());
        os::exit(2)
    }
}

fn bytes<'a>(p: *const u8, n: usize) -> &'a [u8] {
    if n == 0 { &[] } else { unsafe { core::slice::from_raw_parts(p, n) } }
}

/// The text of an error (`Error()`) or Stringer (`String()`) panic value.
unsafe fn text_of(v: Eface) -> Option<(*const u8, usize)> {
    if v.typ.is_null() {
        return None;
    }
    for name in [&b"Error"[..], &b"String"[..]] {
        if let Some(m) = methods(v.typ).iter().find(|m| m.name.bytes() == name && m.pkgpath.len == 0) {
            if !m.mtyp.is_null() && (*m.mtyp).name() == b"func() string" {
                let f: go_fn!(fn(*mut u8) -> GoString) = core::mem::transmute(m.ifn);
                let s = f(v.data);
                return Some((s.ptr, s.len));
            }
        }
    }
    None
}

/// gc's printany and printanycustomtype: the value as print would show it, with the type
/// name around it for named types.
unsafe fn printany(v: Eface) {
    let t = v.typ;
    if t.is_null() {
        out(b"nil");
        return;
    }
    let k = (*t).kind();
    if !(k <= KIND_COMPLEX128 || k == KIND_STRING) {
        // Other types: (T) and the data word.
        out(b"(");
        out((*t).name());
        out(b") ");
        print_hex(v.data as u64);
        return;
    }
    let named = (*t).tflag & TFLAG_NAMED != 0;
    if named {
        out((*t).name());
        if k == KIND_STRING {
            out(b"(\"");
        } else if k != KIND_COMPLEX64 && k != KIND_COMPLEX128 && k <= KIND_COMPLEX128 {
            out(b"(");
        }
    }
    let d = v.data;
    match k {
        KIND_BOOL => out(if *(d as *const bool) { b"true" } else { b"false" }),
        KIND_INT | KIND_INT64 => print_int(*(d as *const i64)),
        KIND_INT8 => print_int(*(d as *const i8) as i64),
        KIND_INT16 => print_int(*(d as *const i16) as i64),
        KIND_INT32 => print_int(*(d as *const i32) as i64),
        KIND_UINT | KIND_UINT64 | KIND_UINTPTR => print_uint(*(d as *const u64)),
        KIND_UINT8 => print_uint(*(d as *const u8) as u64),
        KIND_UINT16 => print_uint(*(d as *const u16) as u64),
        KIND_UINT32 => print_uint(*(d as *const u32) as u64),
        KIND_FLOAT32 => print_float(*(d as *const f32) as f64),
        KIND_FLOAT64 => print_float(*(d as *const f64)),
        KIND_COMPLEX64 => print_complex(*(d as *const f32) as f64, *(d as *const f32).add(1) as f64),
        KIND_COMPLEX128 => print_complex(*(d as *const f64), *(d as *const f64).add(1)),
        _ => out((*(d as *const GoString)).bytes()),
    }
    if named {
        if k == KIND_STRING {
            out(b"\")");
        } else if k != KIND_COMPLEX64 && k != KIND_COMPLEX128 {
            out(b")");
        }
    }
}

go_abi! {
    /// `recover()`: the panic's value, when called directly by a deferred function that a
    /// panic is running (its caller's stack pointer `argp` is the one recorded at the call);
    /// else nil.
    #[export_name = "runtime.gorecover"]
    pub unsafe extern "Go" fn gorecover(argp: usize) -> Eface {
        let p = getg().panic;
        if !p.is_null() && !(*p).recovered && (*p).calling && argp == (*p).argp {
            (*p).recovered = true;
            return (*p).arg;
        }
        Eface { typ: core::ptr::null(), data: core::ptr::null_mut() }
    }
}
