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
