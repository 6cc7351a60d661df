//! Deferred calls. A Go function that contains `defer` keeps a frame record in its stack
//! frame (the compiler lays it out: codegen's `defer_frame`) and links it into the
//! goroutine's chain at entry (`deferinit`), right before `setjmp` marks where it resumes
//! if one of its deferred calls recovers a panic. `defer` pushes a closure on the frame's
//! list (`deferproc`); returning runs them, newest first (`deferreturn`).
use crate::g::getg;

/// Words of the jump buffer (enough for every target's callee-saved registers).
pub const JMPBUF_WORDS: usize = 24;

#[repr(C)]
pub struct Frame {
    pub jmpbuf: [usize; JMPBUF_WORDS],
    /// The next older frame with deferred calls.
    pub link: *mut Frame,
    /// Pending deferred calls, newest first.
    pub defers: *mut Defer,
    /// The function's return area (written by the compiled code).
    pub retarea: usize,
    // The addresses of the function's result variables follow.
}

#[repr(C)]
pub struct Defer {
    /// The deferred call: a closure taking no arguments.
    pub fv: *const u8,
    pub next: *mut Defer,
}

go_abi! {
    /// Links frame `fr` of a function that has just started into the goroutine's chain.
    #[export_name = "runtime.deferinit"]
    pub unsafe extern "Go" fn deferinit(fr: *mut Frame) {
        let g = getg();
        (*fr).defers = core::ptr::null_mut();
        (*fr).link = g.frames;
        g.frames = fr;
    }
}

go_abi! {
    /// `defer`: pushes closure `fv` on frame `fr`.
    #[export_name = "runtime.deferproc"]
    pub unsafe extern "Go" fn deferproc(fr: *mut Frame, fv: *const u8) {
        let d = crate::gc::alloc_words(core::mem::size_of::<Defer>()) as *mut Defer;
        (*d).fv = fv;
        (*d).next = (*fr).defers;
        (*fr).defers = d;
    }
}

go_abi! {
    /// Before a return: runs frame `fr`'s deferred calls, newest first, and unlinks it.
    #[export_name = "runtime.deferreturn"]
    pub unsafe extern "Go" fn deferreturn(fr: *mut Frame) {
        loop {
            let d = (*fr).defers;
            if d.is_null() {
                break;
            }
            // Taken off first: a deferred call that panics is not run again.
            (*fr).defers = (*d).next;
            call((*d).fv);
        }
        let g = getg();
        if g.frames == fr {
            g.frames = (*fr).link;
        }
    }
}

/// Calls a closure of no arguments.
pub unsafe fn call(fv: *const u8) {
    let code: go_fn!(fn(*const u8)) = core::mem::transmute(*(fv as *const *const u8));
    code(fv);
}

/// Set while the panic machinery makes a deferred call, so that generated wrappers (which
/// check it inline) can hand on the right to recover to the function they call: if the
/// wrapper is the deferred function (its caller's stack pointer is the current panic's argp),
/// argp becomes the wrapper's own stack pointer (codegen's `WrapperAdjust`, inline).
#[export_name = "runtime.deferring"]
pub static mut DEFERRING: u32 = 0;

