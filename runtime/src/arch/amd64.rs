//! x86-64 (System V): setjmp/longjmp over the callee-saved registers, and the deferred-call
//! trampoline.

go_abi! {
    /// Saves rbx, rbp, r12-r15, the stack pointer after return and the return address into
    /// `buf` (at least 8 words) and returns 0. `longjmp(buf, v)` later makes this call return
    /// again, with `v`.
    #[unsafe(naked)]
    #[export_name = "runtime.setjmp"]
    pub unsafe extern "Go" fn setjmp(buf: *mut usize) -> usize {
        core::arch::naked_asm!(
            "mov [rdi], rbx",
            "mov [rdi + 8], rbp",
            "mov [rdi + 16], r12",
            "mov [rdi + 24], r13",
            "mov [rdi + 32], r14",
            "mov [rdi + 40], r15",
            "lea rdx, [rsp + 8]",
            "mov [rdi + 48], rdx",
            "mov rdx, [rsp]",
            "mov [rdi + 56], rdx",
            "xor eax, eax",
            "ret",
        )
    }
}

go_abi! {
    /// Returns `v` from the `setjmp` that filled `buf`, on its stack.
    #[unsafe(naked)]
    pub unsafe extern "Go" fn longjmp(buf: *const usize, v: usize) -> ! {
        core::arch::naked_asm!(
            "mov rbx, [rdi]",
            "mov rbp, [rdi + 8]",
            "mov r12, [rdi + 16]",
            "mov r13, [rdi + 24]",
            "mov r14, [rdi + 32]",
            "mov r15, [rdi + 40]",
            "mov rsp, [rdi + 48]",
            "mov rax, rsi",
            "jmp qword ptr [rdi + 56]",
        )
    }
}

go_abi! {
    /// Calls the code of closure `fv` (its first word) with `fv` as the hidden argument, first
    /// storing into `*argp` the stack pointer at the call: the caller's stack pointer that the
    /// called function sees (its frame pointer + 16), by which `recover` knows it is called
    /// directly by the deferred function.
    #[unsafe(naked)]
    pub unsafe extern "Go" fn calldeferred(fv: *const u8, argp: *mut usize) {
        core::arch::naked_asm!(
            "push rbp",
            "mov rbp, rsp",
            "mov [rsi], rsp",
            "mov rax, [rdi]",
            "call rax",
            "pop rbp",
            "ret",
        )
    }
}
