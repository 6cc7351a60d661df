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

// The context switch. `mcall_on` pushes rbp as a frame record over the return address, then
// rbx, r12-r15 and a pad word (keeping rsp 16-byte aligned), and stores rsp and rbp into
// `save`: the saved context is 8 words on the goroutine's stack. `gogo` pops them and returns
// into the code that called `mcall_on`. Only System V's callee-saved registers are kept, on
// Windows too: these are Go-ABI (sysv64) functions, so a Rust caller on Windows saves rsi,
// rdi and xmm6-15 itself around the call.

/// Words `mcall_on` keeps on the stack (pad, r15, r14, r13, r12, rbx, rbp, return address).
pub const SAVED_WORDS: usize = 8;

#[cfg(windows)]
macro_rules! set_tib {
    ($ctx:literal) => {
        concat!(
            "mov rax, [", $ctx, " + 24]\n",
            "mov gs:[8], rax\n",
            "mov rax, [", $ctx, " + 16]\n",
            "mov gs:[16], rax\n",
            "mov rax, [", $ctx, " + 32]\n",
            "mov gs:[0x1478], rax\n"
        )
    };
}
#[cfg(not(windows))]
macro_rules! set_tib {
    ($ctx:literal) => {
        ""
    };
}
/// On Windows, the switch away also keeps the TIB's StackLimit, which Windows lowers as the
/// main thread's stack grows through its guard page.
#[cfg(windows)]
macro_rules! save_tib {
    ($ctx:literal) => {
        concat!("mov rax, gs:[16]\n", "mov [", $ctx, " + 16], rax\n")
    };
}
#[cfg(not(windows))]
macro_rules! save_tib {
    ($ctx:literal) => {
        ""
    };
}

go_abi! {
    /// Saves the caller's context into `save`, moves to the stack of context `to` (at its
    /// `sp`, a fresh 16-byte aligned top) and calls `f(arg)` there, as the outermost frame.
    /// If `f` returns, the saved context resumes: `mcall_on` returns to its caller.
    #[unsafe(naked)]
    pub unsafe extern "Go" fn mcall_on(save: *mut super::Context, f: go_fn!(fn(usize)), arg: usize, to: *const super::Context) {
        core::arch::naked_asm!(
            "push rbp",
            "mov rbp, rsp",
            "push rbx",
            "push r12",
            "push r13",
            "push r14",
            "push r15",
            "sub rsp, 8",
            "mov [rdi], rsp",
            "mov [rdi + 8], rbp",
            save_tib!("rdi"),
            "mov rbx, rdi",
            set_tib!("rcx"),
            "mov rsp, [rcx]",
            "xor ebp, ebp",
            "mov rdi, rdx",
            "call rsi",
            "mov rdi, rbx",
            "jmp {gogo}",
            gogo = sym gogo,
        )
    }
}

go_abi! {
    /// Resumes the context saved in `ctx` (by `mcall_on`, or made by `prepare_stack`).
    #[unsafe(naked)]
    pub unsafe extern "Go" fn gogo(ctx: *const super::Context) -> ! {
        core::arch::naked_asm!(
            set_tib!("rdi"),
            "mov rsp, [rdi]",
            "add rsp, 8",
            "pop r15",
            "pop r14",
            "pop r13",
            "pop r12",
            "pop rbx",
            "pop rbp",
            "ret",
        )
    }
}

/// Makes `ctx` a context that `gogo` starts at `entry` (a function that never returns) on a
/// fresh stack whose top is `hi`, with rbp 0 (the end of the frame chain).
pub unsafe fn prepare_stack(ctx: &mut super::Context, hi: usize, entry: usize) {
    let top = (hi - 16) & !15;
    let sp = top - SAVED_WORDS * 8;
    core::ptr::write_bytes(sp as *mut usize, 0, SAVED_WORDS);
    *((top - 8) as *mut usize) = entry;
    ctx.sp = sp;
    ctx.fp = 0;
}

/// The first code of a new goroutine (`gogo` returns into it): its stack pointer is the
/// 16-byte aligned top, so the call keeps the ABI's alignment.
#[unsafe(naked)]
pub unsafe extern "C" fn goentry() -> ! {
    core::arch::naked_asm!("xor ebp, ebp", "call {start}", "ud2", start = sym crate::sched::proc::goroutine_start)
}

/// The stack pointer of the caller.
#[inline(always)]
pub fn getsp() -> usize {
    let sp: usize;
    unsafe { core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack)) };
    sp
}
