//! The sudog ("pseudo-g", gc's name): one goroutine waiting in one queue. A goroutine that
//! blocks on a channel puts a sudog on the channel's send or receive queue; a goroutine in a
//! `select` puts one on the queue of every channel of the select; one blocked on a
//! `sync.Mutex` puts one on the semaphore table's queue (sema.rs). The waker takes the sudog
//! off its queue, does the operation for the sleeper (a channel hands the value over through
//! `elem`), records the outcome in `success`, and makes the goroutine runnable.
//!
//! Where the sudogs live: outside the collected heap, in blocks of persistent memory, taken
//! from a free list when a goroutine blocks and given back when it has woken (gc's
//! acquireSudog and releaseSudog). Not on the waiting goroutine's stack: a waker and the
//! goroutines queued beside it write a sleeper's sudog, and a sleeper's stack may be copied
//! out while it sleeps (sched/stash.rs). The collector scans the blocks conservatively, so
//! what a waiting sudog points to (the channel, a value on the heap) stays alive; a free
//! sudog is zeroed and keeps nothing alive.
//!
//! `elem` may point into the sleeper's stack (the variable a received value goes to, the
//! value to send): a waker reaches it through `elem_ptr`, which finds it in the stack's copy
//! when the stack is copied out.
//!
//! `WaitQ` is a doubly linked FIFO of sudogs (gc's waitq), so a select can take its sudogs
//! out of the middle of the queues it lost on.
use crate::chan::Hchan;
use crate::sched::G;

#[repr(C)]
pub struct Sudog {
    /// The waiting goroutine.
    pub g: *mut G,
    pub next: *mut Sudog,
    pub prev: *mut Sudog,
    /// Channels: where the value to send is, or where the received value goes (null: a
    /// receive whose value is discarded). Semaphores: the semaphore's address.
    pub elem: *mut u8,
    /// The channel it waits on (null for semaphores).
    pub c: *mut Hchan,
    /// A select's sudogs, chained through `waitlink` (gc's g.waiting list).
    pub waitlink: *mut Sudog,
    /// For a sudog of a select: the select's "already decided" flag, shared by all its
    /// sudogs (gc's g.selectDone, in the waiting G). The first waker to set it wins the
    /// select; the others skip its sudogs. Null outside selects.
    pub done: *mut bool,
    /// Set by the waker: true when the channel operation happened, false when the goroutine
    /// was woken because the channel was closed.
    pub success: bool,
    /// Semaphores: 1 when the waker handed the semaphore over directly; condition
    /// variables: the waiter's ticket.
    pub ticket: u32,
}

impl Sudog {
    pub const fn new() -> Sudog {
        Sudog {
            g: core::ptr::null_mut(),
            next: core::ptr::null_mut(),
            prev: core::ptr::null_mut(),
            elem: core::ptr::null_mut(),
            c: core::ptr::null_mut(),
            waitlink: core::ptr::null_mut(),
            done: core::ptr::null_mut(),
            success: false,
            ticket: 0,
        }
    }
}

/// Sudogs per block of persistent memory.
const PER_BLOCK: usize = 64;

/// The free sudogs, chained through `next`.
static mut FREE: *mut Sudog = core::ptr::null_mut();

/// The blocks, chained through the first word of each (for the collector).
static mut BLOCKS: *mut Block = core::ptr::null_mut();

#[repr(C)]
struct Block {
    link: *mut Block,
    sudogs: [Sudog; PER_BLOCK],
}

/// A cleared sudog for goroutine `gp` (gc's acquireSudog).
pub unsafe fn acquire(gp: *mut G) -> *mut Sudog {
    if FREE.is_null() {
        let b = crate::heap::persistent(core::mem::size_of::<Block>(), 8) as *mut Block;
        (*b).link = BLOCKS;
        BLOCKS = b;
        for i in 0..PER_BLOCK {
            let s = core::ptr::addr_of_mut!((*b).sudogs[i]);
            (*s).next = FREE;
            FREE = s;
        }
    }
    let s = FREE;
    FREE = (*s).next;
    // Free sudogs are zeroed (release, and fresh blocks) but for the free list's link.
    (*s).next = core::ptr::null_mut();
    (*s).g = gp;
    s
}

/// Gives back a sudog that is in no queue (gc's releaseSudog).
pub unsafe fn release(s: *mut Sudog) {
    *s = Sudog::new();
    (*s).next = FREE;
    FREE = s;
}

/// The blocks of sudogs, as ranges of words for the collector to scan conservatively.
pub unsafe fn roots(mut f: impl FnMut(usize, usize)) {
    let mut b = BLOCKS;
    while !b.is_null() {
        let lo = core::ptr::addr_of!((*b).sudogs) as usize;
        f(lo, lo + core::mem::size_of::<[Sudog; PER_BLOCK]>());
        b = (*b).link;
    }
}

/// Where a waker reads or writes the sleeper's `elem`: the address itself, or its place in
/// the copy of the sleeper's stack when the stack is copied out.
#[inline]
pub unsafe fn elem_ptr(s: *mut Sudog) -> *mut u8 {
    crate::sched::stash::locate((*s).g, (*s).elem)
}

/// A FIFO queue of waiting goroutines.
#[repr(C)]
pub struct WaitQ {
    pub first: *mut Sudog,
    pub last: *mut Sudog,
}

impl WaitQ {
    pub const fn new() -> WaitQ {
        WaitQ { first: core::ptr::null_mut(), last: core::ptr::null_mut() }
    }

    /// Appends `s` at the back.
    pub unsafe fn enqueue(&mut self, s: *mut Sudog) {
        (*s).next = core::ptr::null_mut();
        (*s).prev = self.last;
        if self.last.is_null() {
            self.first = s;
        } else {
            (*self.last).next = s;
        }
        self.last = s;
    }

    /// Takes the first waiter off the queue. A select's sudog whose select another channel
    /// has already decided is dropped on the way (its goroutine takes its other sudogs off
    /// when it runs); taking one that is still open decides its select.
    pub unsafe fn dequeue(&mut self) -> *mut Sudog {
        loop {
            let s = self.first;
            if s.is_null() {
                return s;
            }
            self.remove(s);
            if !(*s).done.is_null() {
                if *(*s).done {
                    continue;
                }
                *(*s).done = true;
            }
            return s;
        }
    }

    /// Unlinks `s`, which may or may not still be in the queue (a select unlinks its sudogs
    /// after one of them fired; some may already be gone).
    pub unsafe fn remove(&mut self, s: *mut Sudog) {
        let (p, n) = ((*s).prev, (*s).next);
        if p.is_null() {
            if self.first != s {
                return; // not in this queue
            }
            self.first = n;
        } else {
            (*p).next = n;
        }
        if n.is_null() {
            self.last = p;
        } else {
            (*n).prev = p;
        }
        (*s).prev = core::ptr::null_mut();
        (*s).next = core::ptr::null_mut();
    }
}
