//! The sudog ("pseudo-g", gc's name): one goroutine waiting in one queue. A goroutine that
//! blocks on a channel puts a sudog on the channel's send or receive queue; a goroutine in a
//! `select` puts one on the queue of every channel of the select; one blocked on a
//! `sync.Mutex` puts one on the semaphore table's queue (sema.rs). The waker takes the sudog
//! off its queue, does the operation for the sleeper (a channel hands the value over through
//! `elem`), records the outcome in `success`, and makes the goroutine runnable.
//!
//! Where the sudogs live: on the stack of the blocked goroutine, in the frame of the runtime
//! function that parks (chansend, chanrecv, selectgo, semacquire). gc takes them from a cache
//! on the heap because its stacks move when they grow; golift's goroutine stacks never move,
//! and a parked goroutine's frames stay put until it resumes, which is exactly the lifetime
//! of its sudogs (a waker always unlinks the sudog before readying its goroutine). The
//! collector scans a parked goroutine's runtime frames conservatively, so everything a sudog
//! points to (the goroutine, the value being sent, the channel) stays alive, and a blocking
//! operation allocates nothing (but a select of more than 8 cases, whose sudogs come from
//! `gc::alloc_words`, held by selectgo's frame).
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
    /// sudogs (gc's g.selectDone). The first waker to set it wins the select; the others
    /// skip its sudogs. Null outside selects.
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
