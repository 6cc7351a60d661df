//! Channels (gc's chan.go): `make(chan T, n)`, `c <- v`, `<-c`, `v, ok := <-c`, `close(c)`,
//! `len(c)`, `cap(c)`.
//!
//! A channel is an `Hchan` on the heap: a ring buffer of `cap` elements (`sendx` is where
//! the next sent value goes, `recvx` where the next received one comes from, `qcount` how
//! many are in it), the closed flag, and two queues of blocked goroutines (`sudog.rs`):
//! senders waiting for room or for a receiver, receivers waiting for a value.
//!
//! The rules, the same for buffered and unbuffered channels:
//! - send: if a receiver is waiting, the buffer is necessarily empty: the value is copied
//!   straight into the receiver's variable (its sudog's `elem`) and the receiver is made
//!   runnable (direct hand-off: no trip through the buffer). Otherwise, if the buffer has
//!   room, the value goes in. Otherwise the sender parks on `sendq` with its sudog pointing
//!   at the value, until a receiver takes it.
//! - receive: if a sender is waiting, then either the channel is unbuffered (the value is
//!   copied straight out of the sender's sudog) or the buffer is full (the receiver takes the
//!   oldest value, and the sender's value goes into the freed slot at the back, keeping FIFO
//!   order). Either way the sender is made runnable. Otherwise a value in the buffer is
//!   taken; otherwise, on a closed channel, the zero value with ok=false; otherwise the
//!   receiver parks on `recvq` with its sudog pointing at its variable.
//! - close: every waiting receiver gets the zero value and ok=false, every waiting sender
//!   wakes up to panic "send on closed channel".
//! - a nil channel blocks forever; closing it panics.
//!
//! One P runs every goroutine and nothing here can be preempted (the preemption check is in
//! compiled Go code only), so no lock is taken; a multi-P runtime would take a lock per
//! channel, as gc does (and as select.rs would then take them in address order).
//!
//! Memory: the header comes from `gc::alloc_words` (every word scanned: `buf` keeps the
//! buffer alive; the queues point at sudogs, outside the heap), the
//! buffer from `gc::mallocgc` with the element's shape, so it is scanned as an array of
//! elements (or not at all when the elements hold no pointers).
use crate::panic::panic_plain;
use crate::sched::{getg, gopark, goready, WaitReason, G};
use crate::sudog::{self, Sudog, WaitQ};
use crate::types::Type;

#[repr(C)]
pub struct Hchan {
    /// Values in the buffer.
    pub qcount: usize,
    /// The buffer's capacity (gc's dataqsiz).
    pub dataqsiz: usize,
    /// The ring of `dataqsiz` elements (null when unbuffered).
    pub buf: *mut u8,
    pub elemsize: usize,
    /// The element's shape descriptor, for the buffer (null: no pointers).
    pub elemtype: *const Type,
    pub closed: bool,
    /// The next slot a send fills, and the next one a receive empties.
    pub sendx: usize,
    pub recvx: usize,
    /// Receivers and senders waiting.
    pub recvq: WaitQ,
    pub sendq: WaitQ,
}

/// The largest buffer `make` accepts (gc's maxAlloc on 64-bit systems, less the header).
const MAX_ALLOC: usize = (1 << 48) - core::mem::size_of::<Hchan>();

impl Hchan {
    /// The address of buffer slot `i`.
    #[inline]
    unsafe fn slot(&self, i: usize) -> *mut u8 {
        self.buf.add(i * self.elemsize)
    }
}

/// Copies one element.
#[inline]
unsafe fn copy_elem(dst: *mut u8, src: *const u8, n: usize) {
    if n != 0 {
        crate::mem::memmove(dst, src, n);
    }
}

/// Zeroes one element (the zero value a receive from a closed channel yields; a buffer slot
/// emptied, so that the collector does not keep what it held alive).
#[inline]
unsafe fn clear_elem(p: *mut u8, n: usize) {
    if !p.is_null() && n != 0 {
        crate::mem::memset(p, 0, n);
    }
}

go_abi! {
    /// `make(chan T, size)`: `elemshape` describes T's pointers for the collector (null when
    /// it has none).
    #[export_name = "runtime.makechan"]
    pub unsafe extern "Go" fn makechan(elemshape: *const u8, elemsize: i64, size: i64) -> *mut Hchan {
        let elemsize = elemsize as usize;
        let mem = (elemsize as u128) * (size as u64 as u128);
        if size < 0 || mem > MAX_ALLOC as u128 {
            panic_plain(&[b"makechan: size out of range"]);
        }
        let c = crate::gc::alloc_words(core::mem::size_of::<Hchan>()) as *mut Hchan;
        let typ = elemshape as *const Type;
        // alloc_words zeroes the header: empty queues, indices 0, open.
        (*c).elemsize = elemsize;
        (*c).elemtype = typ;
        (*c).dataqsiz = size as usize;
        if mem > 0 {
            (*c).buf = crate::gc::mallocgc(mem as usize, typ);
        } else if size > 0 {
            // Zero-size elements: the slots take no room (every slot is the same address).
            (*c).buf = crate::gc::mallocgc(0, typ);
        }
        c
    }
}

/// The send of `c <- *ep`; `block`: false for a select with a default case, which gets
/// false back when the send would block. Panics on a closed channel.
pub unsafe fn chansend(c: *mut Hchan, ep: *const u8, block: bool) -> bool {
    if c.is_null() {
        if !block {
            return false;
        }
        gopark(WaitReason::ChanSendNilChan);
        unreachable_wakeup()
    }
    let ch = &mut *c;
    if ch.closed {
        panic_plain(&[b"send on closed channel"]);
    }
    let sg = ch.recvq.dequeue();
    if !sg.is_null() {
        send(ch, sg, ep);
        return true;
    }
    if ch.qcount < ch.dataqsiz {
        copy_elem(ch.slot(ch.sendx), ep, ch.elemsize);
        ch.sendx += 1;
        if ch.sendx == ch.dataqsiz {
            ch.sendx = 0;
        }
        ch.qcount += 1;
        return true;
    }
    if !block {
        return false;
    }
    // Park until a receiver takes the value (or the channel is closed).
    let gp = getg() as *mut G;
    let sg = sudog::acquire(gp);
    (*sg).elem = ep as *mut u8;
    (*sg).c = c;
    ch.sendq.enqueue(sg);
    gopark(WaitReason::ChanSend);
    // The receiver (or close) took the sudog off the queue before readying us.
    (*gp).param = 0;
    let success = (*sg).success;
    sudog::release(sg);
    if !success {
        panic_plain(&[b"send on closed channel"]);
    }
    true
}

/// Hands the value at `ep` to the receiver waiting in `sg` and readies it.
unsafe fn send(c: &mut Hchan, sg: *mut Sudog, ep: *const u8) {
    if !(*sg).elem.is_null() {
        copy_elem(sudog::elem_ptr(sg), ep, c.elemsize);
        (*sg).elem = core::ptr::null_mut();
    }
    let gp = (*sg).g;
    (*sg).success = true;
    (*gp).param = sg as usize;
    goready(gp);
}

/// The receive of `<-c` into `*ep` (null: the value is discarded). Returns (selected,
/// received): `selected` is false only when `!block` and nothing is ready; `received` is
/// false when the channel is closed and drained (then `*ep` is the zero value).
pub unsafe fn chanrecv(c: *mut Hchan, ep: *mut u8, block: bool) -> (bool, bool) {
    if c.is_null() {
        if !block {
            return (false, false);
        }
        gopark(WaitReason::ChanReceiveNilChan);
        unreachable_wakeup()
    }
    let ch = &mut *c;
    if ch.closed && ch.qcount == 0 {
        clear_elem(ep, ch.elemsize);
        return (true, false);
    }
    let sg = ch.sendq.dequeue();
    if !sg.is_null() {
        recv(ch, sg, ep);
        return (true, true);
    }
    if ch.qcount > 0 {
        let slot = ch.slot(ch.recvx);
        if !ep.is_null() {
            copy_elem(ep, slot, ch.elemsize);
        }
        clear_elem(slot, ch.elemsize);
        ch.recvx += 1;
        if ch.recvx == ch.dataqsiz {
            ch.recvx = 0;
        }
        ch.qcount -= 1;
        return (true, true);
    }
    if !block {
        return (false, false);
    }
    // Park until a sender hands us a value (or the channel is closed).
    let gp = getg() as *mut G;
    let sg = sudog::acquire(gp);
    (*sg).elem = ep;
    (*sg).c = c;
    ch.recvq.enqueue(sg);
    gopark(WaitReason::ChanReceive);
    (*gp).param = 0;
    let success = (*sg).success;
    sudog::release(sg);
    (true, success)
}

/// Takes the value of the sender waiting in `sg` (into `ep` unless null) and readies it.
/// Unbuffered: straight from the sender. Buffered (then the buffer is full): the oldest
/// buffered value is received and the sender's value takes its slot, which becomes the
/// newest.
unsafe fn recv(c: &mut Hchan, sg: *mut Sudog, ep: *mut u8) {
    if c.dataqsiz == 0 {
        if !ep.is_null() {
            copy_elem(ep, sudog::elem_ptr(sg), c.elemsize);
        }
    } else {
        let slot = c.slot(c.recvx);
        if !ep.is_null() {
            copy_elem(ep, slot, c.elemsize);
        }
        copy_elem(slot, sudog::elem_ptr(sg), c.elemsize);
        c.recvx += 1;
        if c.recvx == c.dataqsiz {
            c.recvx = 0;
        }
        c.sendx = c.recvx;
    }
    (*sg).elem = core::ptr::null_mut();
    let gp = (*sg).g;
    (*sg).success = true;
    (*gp).param = sg as usize;
    goready(gp);
}

/// A goroutine parked on a nil channel was woken: nothing may do that.
#[cold]
fn unreachable_wakeup() -> ! {
    crate::panic::fatal(b"unreachable: goroutine blocked on a nil channel was woken")
}

go_abi! {
    /// `c <- *elem`.
    #[export_name = "runtime.chansend1"]
    pub unsafe extern "Go" fn chansend1(c: *mut Hchan, elem: *const u8) {
        chansend(c, elem, true);
    }

    /// `*elem = <-c` (elem null: `<-c` as a statement).
    #[export_name = "runtime.chanrecv1"]
    pub unsafe extern "Go" fn chanrecv1(c: *mut Hchan, elem: *mut u8) {
        chanrecv(c, elem, true);
    }

    /// `*elem, ok = <-c`.
    #[export_name = "runtime.chanrecv2"]
    pub unsafe extern "Go" fn chanrecv2(c: *mut Hchan, elem: *mut u8) -> bool {
        chanrecv(c, elem, true).1
    }

    /// `close(c)`: wakes every waiter. Receivers get the zero value and ok=false; senders
    /// panic when they run.
    #[export_name = "runtime.closechan"]
    pub unsafe extern "Go" fn closechan(c: *mut Hchan) {
        if c.is_null() {
            panic_plain(&[b"close of nil channel"]);
        }
        let ch = &mut *c;
        if ch.closed {
            panic_plain(&[b"close of closed channel"]);
        }
        ch.closed = true;
        // Collect every waiter first (chained through `next`), then ready them: readying
        // does not run them (the caller goes on), but this keeps the queues consistent
        // whatever goready does.
        let mut list: *mut Sudog = core::ptr::null_mut();
        let mut tail: *mut Sudog = core::ptr::null_mut();
        loop {
            let sg = ch.recvq.dequeue();
            if sg.is_null() {
                break;
            }
            clear_elem(sudog::elem_ptr(sg), ch.elemsize);
            (*sg).elem = core::ptr::null_mut();
            push(&mut list, &mut tail, sg);
        }
        loop {
            let sg = ch.sendq.dequeue();
            if sg.is_null() {
                break;
            }
            (*sg).elem = core::ptr::null_mut();
            push(&mut list, &mut tail, sg);
        }
        while !list.is_null() {
            let sg = list;
            list = (*sg).next;
            (*sg).next = core::ptr::null_mut();
            let gp = (*sg).g;
            (*sg).success = false;
            (*gp).param = sg as usize;
            goready(gp);
        }
    }

    /// `len(c)`.
    #[export_name = "runtime.chanlen"]
    pub unsafe extern "Go" fn chanlen(c: *mut Hchan) -> i64 {
        if c.is_null() { 0 } else { (*c).qcount as i64 }
    }

    /// `cap(c)`.
    #[export_name = "runtime.chancap"]
    pub unsafe extern "Go" fn chancap(c: *mut Hchan) -> i64 {
        if c.is_null() { 0 } else { (*c).dataqsiz as i64 }
    }
}

/// Appends `sg` to a list chained through `next`.
unsafe fn push(list: &mut *mut Sudog, tail: &mut *mut Sudog, sg: *mut Sudog) {
    (*sg).next = core::ptr::null_mut();
    if tail.is_null() {
        *list = sg;
    } else {
        (**tail).next = sg;
    }
    *tail = sg;
}
