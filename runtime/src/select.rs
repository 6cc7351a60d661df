//! The `select` statement (gc's select.go). The compiler lays the cases out in an array of
//! `Scase` (channel, element pointer), the sends first and then the receives, and calls
//! `selectgo`, which returns the index of the case that ran (and, for a receive, whether a
//! value was received rather than the zero value of a closed channel), or -1 when the select
//! has a default case and nothing is ready.
//!
//! It works in three passes, as gc's does:
//! 1. Pick a random order of the cases (the poll order; cases on nil channels are left out,
//!    they are never ready) and try each in that order without blocking: the first one
//!    that can proceed runs. The random order is what makes select fair: when several cases
//!    are ready, each is chosen with the same probability.
//! 2. Nothing ready and no default: put a sudog on the queue of every case's channel (on
//!    the send queue for a send, the receive queue for a receive) and park. The sudogs share
//!    a "decided" flag: the first goroutine that takes one of them off its queue (a sender,
//!    a receiver, or close) sets it and does the operation; later ones skip the select's
//!    other sudogs (see `WaitQ::dequeue`).
//! 3. Woken up: the waker left the sudog that fired in `G.param`. Take every other sudog off
//!    its queue, and report the case that fired.
//!
//! gc also sorts the channels by address and locks them in that order (the lock order)
//! before passes 1 and 2; with one P and no preemption inside the runtime nothing can run
//! in between, so golift takes no locks.
//!
//! `select {}` is `runtime.block` (the scheduler's); `selectgo` with no cases also parks
//! for ever. A select whose channels are all nil parks for ever with reason "select", as gc.
use crate::chan::{chanrecv, chansend, Hchan};
use crate::panic::panic_plain;
use crate::sched::{getg, gopark, WaitReason, G};
use crate::sudog::{self, Sudog};

/// One case, as the compiler lays it out.
#[repr(C)]
pub struct Scase {
    pub c: *mut Hchan,
    /// Send: the value to send. Receive: where the received value goes (null: discarded).
    pub elem: *mut u8,
}

/// Up to this many cases the poll order is kept on the stack.
const STACK_ORDER: usize = 64;

go_abi! {
    /// The select statement: `nsends` send cases then `nrecvs` receive cases at `cases`.
    /// Returns the index of the case that ran, or -1 when `!block` (there is a default case)
    /// and no case is ready. `*recvok`: a receive case got a sent value (false: the channel
    /// was closed).
    #[export_name = "runtime.selectgo"]
    pub unsafe extern "Go" fn selectgo(cases: *mut Scase, nsends: i64, nrecvs: i64, block: bool, recvok: *mut bool) -> i64 {
        let ncases = (nsends + nrecvs) as usize;
        let nsends = nsends as usize;
        *recvok = false;
        if ncases == 0 {
            if !block {
                return -1;
            }
            gopark(WaitReason::SelectNoCases);
            crate::panic::fatal(b"unreachable: select with no cases woken")
        }
        let cases = core::slice::from_raw_parts_mut(cases, ncases);

        // The poll order: a random permutation of the cases with a channel (an inside-out
        // Fisher-Yates shuffle as the cases are visited).
        let mut small = [0u16; STACK_ORDER];
        let order: &mut [u16] = if ncases <= STACK_ORDER {
            &mut small[..ncases]
        } else {
            core::slice::from_raw_parts_mut(crate::mem::alloc(ncases * 2) as *mut u16, ncases)
        };
        let mut norder = 0;
        for (i, cas) in cases.iter().enumerate() {
            if cas.c.is_null() {
                continue;
            }
            let j = crate::rand::fastrandn(norder as u32 + 1) as usize;
            order[norder] = order[j];
            order[j] = i as u16;
            norder += 1;
        }
        let order = &order[..norder];

        // Pass 1: the first ready case in poll order runs.
        for &o in order {
            let casi = o as usize;
            let cas = &cases[casi];
            if casi < nsends {
                if chansend(cas.c, cas.elem, false) {
                    return casi as i64;
                }
            } else {
                let (selected, received) = chanrecv(cas.c, cas.elem, false);
                if selected {
                    *recvok = received;
                    return casi as i64;
                }
            }
        }
        if !block {
            return -1;
        }

        // Pass 2: wait on every channel. The sudogs are chained through `waitlink` in poll
        // order (gc's g.waiting).
        let gp = getg() as *mut G;
        (*gp).selectdone = false;
        let done_p: *mut bool = core::ptr::addr_of_mut!((*gp).selectdone);
        let mut first: *mut Sudog = core::ptr::null_mut();
        let mut last: *mut Sudog = core::ptr::null_mut();
        for &o in order.iter() {
            let casi = o as usize;
            let cas = &cases[casi];
            let sg = sudog::acquire(gp);
            (*sg).elem = cas.elem;
            (*sg).c = cas.c;
            (*sg).done = done_p;
            if last.is_null() {
                first = sg;
            } else {
                (*last).waitlink = sg;
            }
            last = sg;
            if casi < nsends {
                (*cas.c).sendq.enqueue(sg);
            } else {
                (*cas.c).recvq.enqueue(sg);
            }
        }
        gopark(WaitReason::Select);

        // Pass 3: the waker left its sudog in param; leave every other queue.
        let fired = (*gp).param as *mut Sudog;
        (*gp).param = 0;
        let mut casi = usize::MAX;
        let mut success = false;
        let mut sg = first;
        for &o in order.iter() {
            let next = (*sg).waitlink;
            if sg == fired {
                casi = o as usize;
                success = (*sg).success;
            } else if (o as usize) < nsends {
                (*(*sg).c).sendq.remove(sg);
            } else {
                (*(*sg).c).recvq.remove(sg);
            }
            sudog::release(sg);
            sg = next;
        }
        if casi == usize::MAX {
            crate::panic::fatal(b"selectgo: bad wakeup");
        }
        if casi < nsends {
            if !success {
                panic_plain(&[b"send on closed channel"]);
            }
        } else {
            *recvok = success;
        }
        casi as i64
    }
}
