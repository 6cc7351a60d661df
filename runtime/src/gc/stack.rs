//! Scanning the stack: the goroutine's stack is a mix of Go frames (compiled by golift, with
//! stack maps) and runtime frames (Rust, without). Every frame keeps a frame record, the
//! caller's frame pointer and the return address, at its frame pointer, so the frames form a
//! chain from the innermost to the outermost. Walking it, each return address into Go code
//! identifies a Go frame and its call site: its live pointer slots are scanned precisely.
//! The runtime frames in between are scanned conservatively (every word that points into an
//! allocated object keeps it), as are the callee-saved registers at the start of the walk,
//! where runtime code may keep a pointer that its caller needs.
//!
//! Windows is the exception: LLVM lays out Win64 frames for the OS's unwinder, with the frame
//! pointer somewhere inside the frame rather than at a frame record, so the runtime's frames
//! cannot be walked by their frame pointers. There the walk steps through runtime frames
//! with the OS's unwinder (`os::unwind`) and through Go frames by their frame records.
//! Every goroutine's stack is walked the same way, from its saved context (see `scan`).
//!
//! A parked goroutine's stack may be copied out (sched/stash.rs): then the walk is the same,
//! at the same addresses, but every word is read from its place in the copy, and the slots
//! and ranges handed to the marker are the copy's.
use super::stackmap;

/// The top of the main stack (the highest address that can hold a frame of the program),
/// recorded at entry.
pub static mut STACK_TOP: usize = 0;

/// Records the top of the stack: called by the entry with the address of one of its locals.
pub unsafe fn set_top(p: usize) {
    STACK_TOP = p & !7;
}

/// The callee-saved registers, and the stack and frame pointers, of the caller.
#[inline(always)]
unsafe fn registers(regs: &mut [usize; 12]) -> (usize, usize) {
    let (sp, fp): (usize, usize);
    #[cfg(target_arch = "x86_64")]
    core::arch::asm!(
        "mov [{r}], rbx", "mov [{r} + 8], r12", "mov [{r} + 16], r13", "mov [{r} + 24], r14",
        "mov [{r} + 32], r15", "mov [{r} + 40], rsi", "mov [{r} + 48], rdi",
        "mov {sp}, rsp", "mov {fp}, rbp",
        r = in(reg) regs.as_mut_ptr(), sp = out(reg) sp, fp = out(reg) fp,
    );
    #[cfg(target_arch = "aarch64")]
    core::arch::asm!(
        "stp x19, x20, [{r}]", "stp x21, x22, [{r}, #16]", "stp x23, x24, [{r}, #32]",
        "stp x25, x26, [{r}, #48]", "stp x27, x28, [{r}, #64]",
        "mov {sp}, sp", "mov {fp}, x29",
        r = in(reg) regs.as_mut_ptr(), sp = out(reg) sp, fp = out(reg) fp,
    );
    (sp, fp)
}

/// Calls `precise` with the address of every live pointer slot of the Go frames on every
/// goroutine's stack and `conservative` with every range of runtime frames (and saved
/// registers). The current stack (g0's, where the collector runs) is walked from the
/// registers here; every other goroutine from the context it saved when it was suspended
/// (arch::Context: its stack pointer and frame record), up to its stack's top.
#[inline(never)]
pub unsafe fn scan(mut precise: impl FnMut(usize), mut conservative: impl FnMut(usize, usize)) {
    let mut regs = [0usize; 12];
    let (sp, fp) = registers(&mut regs);
    conservative(regs.as_ptr() as usize, regs.as_ptr() as usize + core::mem::size_of_val(&regs));
    let cur = crate::sched::getgp();
    let top = if cur == crate::sched::M0.g0 { (*cur).stack.hi } else { crate::sched::stack_top(cur) };
    #[cfg(windows)]
    {
        let _ = fp;
        scan_windows(unwind::capture(), sp, top, &mut precise, &mut conservative);
    }
    #[cfg(not(windows))]
    {
        scan_frames(sp, fp, top, 0, &mut precise, &mut conservative);
    }
    crate::sched::for_each_g(|gp| {
        use crate::sched::Status;
        if gp == cur || (*gp).status == Status::Dead || (*gp).sched.sp == 0 {
            return;
        }
        let (sp, fp, top) = ((*gp).sched.sp, (*gp).sched.fp, crate::sched::stack_top(gp));
        if sp >= top {
            return;
        }
        #[cfg(windows)]
        {
            // The saved frame record (if any) gives the caller of the switch: its stack
            // pointer, frame pointer and return address start the unwinder there.
            if fp == 0 {
                conservative(sp, top);
            } else {
                let mut ctx = unwind::Context::empty();
                ctx.set_caller(fp + 16, *(fp as *const usize), *((fp + 8) as *const usize));
                conservative(sp, fp + 16);
                scan_windows(ctx, fp + 16, top, &mut precise, &mut conservative);
            }
        }
        #[cfg(not(windows))]
        match crate::sched::stash::copied(gp) {
            None => scan_frames(sp, fp, top, 0, &mut precise, &mut conservative),
            Some((copy, base)) => {
                // Address a of the stack is at a + delta in the copy.
                let delta = (copy as usize).wrapping_sub(base);
                scan_frames(sp, fp, top, delta, &mut |p| precise(p.wrapping_add(delta)), &mut |lo, hi| {
                    conservative(lo.wrapping_add(delta), hi.wrapping_add(delta))
                });
            }
        }
    });
}

#[cfg(windows)]
use crate::os::unwind;

/// The walk along frame records (every OS but Windows). The stack's word at address a is
/// read at a + delta (0, or the place of a copied-out stack's copy); the addresses given to
/// `precise` and `conservative` are the stack's own.
#[cfg(not(windows))]
unsafe fn scan_frames(sp: usize, fp: usize, top: usize, delta: usize, precise: &mut impl FnMut(usize), conservative: &mut impl FnMut(usize, usize)) {
    let word = |a: usize| *(a.wrapping_add(delta) as *const usize);
    // `lo`: the lowest address not yet scanned.
    let mut lo = sp;
    let mut fp = fp;
    while fp >= sp && fp < top && fp & 7 == 0 {
        let next = word(fp);
        let ret = word(fp + 8);
        if let Some(frame) = stackmap::lookup(ret) {
            // The frame at `next` is a Go function suspended at the call returning to ret.
            if next < fp || next >= top {
                break;
            }
            let go_sp = next - frame.sp_to_fp;
            if go_sp > lo {
                conservative(lo, go_sp);
            }
            frame.pointers(go_sp, &mut *precise);
            lo = next + 16;
        }
        if next <= fp {
            break;
        }
        fp = next;
    }
    if lo < top {
        conservative(lo, top);
    }
}

/// The walk on Windows: `ctx` starts in a runtime frame (the scan's own, or the caller of a
/// suspended goroutine's switch); runtime frames are stepped through with the unwind tables
/// until the pc is a return address into Go code, whose frame is scanned precisely and
/// stepped through by its frame record.
#[cfg(windows)]
unsafe fn scan_windows(mut ctx: unwind::Context, sp: usize, top: usize, precise: &mut impl FnMut(usize), conservative: &mut impl FnMut(usize, usize)) {
    let mut lo = sp;
    for _ in 0..100_000 {
        let (pc, sp, fp) = (ctx.pc(), ctx.sp(), ctx.fp());
        if pc == 0 || sp < lo || sp >= top {
            break;
        }
        if let Some(frame) = stackmap::lookup(pc) {
            // A Go frame suspended at the call returning to pc: its stack pointer is the
            // caller's at the call, its frame pointer was restored by unwinding the callee.
            // The frame record must be where the function's frame layout puts it; if not,
            // the rest of the stack is scanned conservatively.
            if fp < sp || fp >= top || fp - frame.sp_to_fp != sp {
                break;
            }
            conservative(lo, sp);
            frame.pointers(sp, &mut *precise);
            lo = fp + 16;
            ctx.set_caller(fp + 16, *(fp as *const usize), *((fp + 8) as *const usize));
        } else if !unwind::step(&mut ctx) {
            // Hand-written assembly with a frame record (the deferred-call trampoline).
            if fp < sp || fp >= top {
                break;
            }
            ctx.set_caller(fp + 16, *(fp as *const usize), *((fp + 8) as *const usize));
        }
    }
    if lo < top {
        conservative(lo, top);
    }
}
