//! The goroutine: the per-goroutine state of defer and panic (gc's `g`). There is one
//! goroutine until the scheduler arrives; everything that is per goroutine lives here so
//! that switching goroutines later means switching this structure.
use crate::defer::Frame;
use crate::panic::Panic;

pub struct G {
    /// The innermost active function with deferred calls (a chain through `Frame::link`).
    pub frames: *mut Frame,
    /// The innermost panic in progress (a chain through `Panic::link`).
    pub panic: *mut Panic,
}

static mut G0: G = G { frames: core::ptr::null_mut(), panic: core::ptr::null_mut() };

/// The current goroutine.
pub fn getg() -> &'static mut G {
    unsafe { &mut *core::ptr::addr_of_mut!(G0) }
}
