//! arm64 (AAPCS64, also Apple's variant): setjmp/longjmp over the callee-saved registers,
//! and the deferred-call trampoline. x18 is the platform register on Darwin and Windows and
//! is left alone.

go_abi! {
    /// Saves x19-x28, the frame pointer (x29), the return address (x30), the stack pointer
    /// and d8-d15 into `buf` (22 words) and returns 0. `longjmp(buf, v)` later makes this
    /// call return again, with `v`.
    #[unsafe(naked)]
    #[export_name = "runtime.setjmp"]
    pub unsafe extern "Go" fn setjmp(buf: *mut usize) -> usize {
        core::arch::naked_asm!(
            "stp x19, x20, [x0]",
            "stp x21, x22, [x0, #16]",
            "stp x23, x24, [x0, #32]",
            "stp x25, x26, [x0, #48]",
            "stp x27, x28, [x0, #64]",
            "stp x29, x30, [x0, #80]",
            "mov x9, sp",
            "str x9, [x0, #96]",
            "stp d8, d9, [x0, #104]",
            "stp d10, d11, [x0, #120]",
            "stp d12, d13, [x0, #136]",
            "stp d14, d15, [x0, #152]",
            "mov x0, #0",
            "ret",
        )
    }
}

go_abi! {
    /// Returns `v` from the `setjmp` that filled `buf`, on its stack.
    #[unsafe(naked)]
    pub unsafe extern "Go" fn longjmp(buf: *const usize, v: usize) -> ! {
        core::arch::naked_asm!(
            "ldp x19, x20, [x0]",
            "ldp x21, x22, [x0, #16]",
            "ldp x23, x24, [x0, #32]",
            "ldp x25, x26, [x0, #48]",
            "ldp x27, x28, [x0, #64]",
            "ldp x29, x30, [x0, #80]",
            "ldr x9, [x0, #96]",
            "mov sp, x9",
            "ldp d8, d9, [x0, #104]",
            "ldp d10, d11, [x0, #120]",
            "ldp d12, d13, [x0, #136]",
            "ldp d14, d15, [x0, #152]",
            "mov x0, x1",
            "ret",
        )
    }
}

go_abi! {
    /// Calls the code of closure `fv` (its first word) with `fv` as the hidden argument, first
    /// storing into `*argp` the stack pointer at the call: the caller's stack pointer that the
    /// called function sees (its frame pointer + 16, below which it saved its frame pointer
    /// and link register), by which `recover` knows it is called directly by the deferred
    /// function.
    #[unsafe(naked)]
    pub unsafe extern "Go" fn calldeferred(fv: *const u8, argp: *mut usize) {
        core::arch::naked_asm!(
            "stp x29, x30, [sp, #-16]!",
            "mov x29, sp",
            "mov x9, sp",
            "str x9, [x1]",
            "ldr x9, [x0]",
            "blr x9",
            "ldp x29, x30, [sp], #16",
            "ret",
        )
    }
}

// The context switch. `mcall_on` pushes the frame record (x29, x30) and, under it, x19-x28
// and d8-d15, and stores sp and x29 into `save`: the saved context is 20 words on the
// goroutine's stack. `gogo` loads them back and returns into the code that called `mcall_on`.

/// Words `mcall_on` keeps on the stack (x19-x28, d8-d15, then x29 and x30).
pub const SAVED_WORDS: usize = 20;

go_abi! {
    /// Saves the caller's context into `save`, moves to the stack of context `to` (at its
    /// `sp`, a fresh 16-byte aligned top) and calls `f(arg)` there, as the outermost frame.
    /// If `f` returns, the saved context resumes: `mcall_on` returns to its caller.
    #[unsafe(naked)]
    pub unsafe extern "Go" fn mcall_on(save: *mut super::Context, f: go_fn!(fn(usize)), arg: usize, to: *const super::Context) {
        core::arch::naked_asm!(
            "stp x29, x30, [sp, #-16]!",
            "mov x29, sp",
            "sub sp, sp, #144",
            "stp x19, x20, [sp]",
            "stp x21, x22, [sp, #16]",
            "stp x23, x24, [sp, #32]",
            "stp x25, x26, [sp, #48]",
            "stp x27, x28, [sp, #64]",
            "stp d8, d9, [sp, #80]",
            "stp d10, d11, [sp, #96]",
            "stp d12, d13, [sp, #112]",
            "stp d14, d15, [sp, #128]",
            "mov x9, sp",
            "str x9, [x0]",
            "str x29, [x0, #8]",
            "mov x19, x0",
            "ldr x9, [x3]",
            "mov sp, x9",
            "mov x29, #0",
            "mov x0, x2",
            "blr x1",
            "mov x0, x19",
            "b {gogo}",
            gogo = sym gogo,
        )
    }
}

go_abi! {
    /// Resumes the context saved in `ctx` (by `mcall_on`, or made by `prepare_stack`).
    #[unsafe(naked)]
    pub unsafe extern "Go" fn gogo(ctx: *const super::Context) -> ! {
        core::arch::naked_asm!(
            "ldr x9, [x0]",
            "mov sp, x9",
            "ldp x19, x20, [sp]",
            "ldp x21, x22, [sp, #16]",
            "ldp x23, x24, [sp, #32]",
            "ldp x25, x26, [sp, #48]",
            "ldp x27, x28, [sp, #64]",
            "ldp d8, d9, [sp, #80]",
            "ldp d10, d11, [sp, #96]",
            "ldp d12, d13, [sp, #112]",
            "ldp d14, d15, [sp, #128]",
            "add sp, sp, #144",
            "ldp x29, x30, [sp], #16",
            "ret",
        )
    }
}

/// Makes `ctx` a context that `gogo` starts at `entry` (a function that never returns) on a
/// fresh stack whose top is `hi`, with x29 0 (the end of the frame chain).
pub unsafe fn prepare_stack(ctx: &mut super::Context, hi: usize, entry: usize) {
    let top = (hi - 16) & !15;
    let sp = top - SAVED_WORDS * 8;
    core::ptr::write_bytes(sp as *mut usize, 0, SAVED_WORDS);
    *((top - 8) as *mut usize) = entry;
    ctx.sp = sp;
    ctx.fp = 0;
}

/// The first code of a new goroutine (`gogo` returns into it, with sp at the aligned top).
#[unsafe(naked)]
pub unsafe extern "C" fn goentry() -> ! {
    core::arch::naked_asm!("mov x29, #0", "bl {start}", "brk #0", start = sym crate::sched::proc::goroutine_start)
}

/// The stack pointer of the caller.
#[inline(always)]
pub fn getsp() -> usize {
    let sp: usize;
    unsafe { core::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack)) };
    sp
}
