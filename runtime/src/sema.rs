//! Package sync's runtime half (gc's sema.go): semaphores, which sync.Mutex, RWMutex and
//! WaitGroup sleep on, and notify lists, which sync.Cond sleeps on; plus sync's fatal errors.
//!
//! A semaphore is a uint32 in package sync's own structures. Acquiring takes one from it when
//! it is positive; otherwise the goroutine puts a sudog (see sudog.rs) in a
//! wait queue and parks. Releasing adds one and wakes the first waiter for that address, which
//! tries again (or, with `handoff`, is given the count directly, and the releaser yields so
//! that it runs at once: sync.Mutex's starvation mode). Lock-free fast paths and slow paths
//! live in package sync; this file only sleeps and wakes.
//!
//! The wait queues are keyed by the semaphore's address. gc keeps a balanced tree of
//! addresses in each bucket of a hash table; golift keeps a plain FIFO list of sudogs per
//! bucket, all addresses of the bucket mixed, and looks for the first sudog of the address
//! (waiters are few, and the lists short). `lifo` (a waiter that already waited once, in
//! sync.Mutex) goes in front of the address's other waiters.
//!
//! A notify list is a ticket system: sync.Cond.Wait takes a ticket (notifyListAdd) before it
//! unlocks the Cond's lock, then waits for that ticket (notifyListWait). Signal wakes the
//! waiter of the oldest ticket not yet notified, Broadcast every ticket taken so far. A
//! waiter whose ticket was notified before it got to wait does not sleep at all.
//!
//! Semaphores and lists point only at sudogs, which are outside the heap; the tables hold no
//! heap pointers. One P and no preemption inside the
//! runtime make every operation here atomic; multi-P needs gc's locks and atomic adds.
use crate::sched::{getg, gopark, gosched, goready, WaitReason, G};
use crate::sudog::{self, Sudog, WaitQ};

/// The wait reason of every semaphore sleep. Go 1.19, golift's reference, reports every one
/// as "semacquire" (the mutex-specific reasons came in Go 1.20).
const SEMA_WAIT: WaitReason = WaitReason::Semacquire;

/// Buckets of the semaphore table (a prime, as gc's).
const SEMTAB_SIZE: usize = 251;

struct SemRoot {
    /// Waiters of every address of the bucket, oldest first.
    q: WaitQ,
    /// How many goroutines wait in this bucket (a quick "nobody waits" for release).
    nwait: u32,
}

static mut SEMTABLE: [SemRoot; SEMTAB_SIZE] = [const { SemRoot { q: WaitQ::new(), nwait: 0 } }; SEMTAB_SIZE];

unsafe fn root_for(addr: *mut u32) -> &'static mut SemRoot {
    &mut (*core::ptr::addr_of_mut!(SEMTABLE))[(addr as usize >> 3) % SEMTAB_SIZE]
}

/// Takes one from the semaphore if it is positive.
#[inline]
unsafe fn cansemacquire(addr: *mut u32) -> bool {
    if *addr == 0 {
        return false;
    }
    *addr -= 1;
    true
}

impl SemRoot {
    /// Adds `s` (waiting on `s.elem`) to the bucket: at the back, or with `lifo` in front of
    /// the other waiters of the same address.
    unsafe fn queue(&mut self, s: *mut Sudog, lifo: bool) {
        if lifo {
            let mut t = self.q.first;
            while !t.is_null() && (*t).elem != (*s).elem {
                t = (*t).next;
            }
            if !t.is_null() {
                // Insert before t.
                let p = (*t).prev;
                (*s).prev = p;
                (*s).next = t;
                (*t).prev = s;
                if p.is_null() {
                    self.q.first = s;
                } else {
                    (*p).next = s;
                }
                return;
            }
        }
        self.q.enqueue(s);
    }

    /// Takes the first waiter on `addr` off the bucket (null if none).
    unsafe fn dequeue(&mut self, addr: *mut u32) -> *mut Sudog {
        let mut s = self.q.first;
        while !s.is_null() && (*s).elem != addr as *mut u8 {
            s = (*s).next;
        }
        if !s.is_null() {
            self.q.remove(s);
        }
        s
    }
}

/// Waits until the semaphore at `addr` is positive and takes one from it.
unsafe fn semacquire1(addr: *mut u32, lifo: bool) {
    if cansemacquire(addr) {
        return;
    }
    let root = root_for(addr);
    let sg = sudog::acquire(getg() as *mut G);
    loop {
        root.nwait += 1;
        if cansemacquire(addr) {
            root.nwait -= 1;
            break;
        }
        (*sg).elem = addr as *mut u8;
        (*sg).ticket = 0;
        root.queue(sg, lifo);
        gopark(SEMA_WAIT);
        // Woken by semrelease1, which took us off the queue: either handed the count, or
        // free to compete for it again.
        if (*sg).ticket != 0 || cansemacquire(addr) {
            break;
        }
    }
    sudog::release(sg);
}

/// Adds one to the semaphore at `addr` and wakes its first waiter, if any. `handoff`: give
/// the count to that waiter directly and let it run now.
unsafe fn semrelease1(addr: *mut u32, handoff: bool) {
    let root = root_for(addr);
    *addr = (*addr).wrapping_add(1);
    if root.nwait == 0 {
        return;
    }
    let s = root.dequeue(addr);
    if s.is_null() {
        return;
    }
    root.nwait -= 1;
    if handoff && cansemacquire(addr) {
        (*s).ticket = 1;
    }
    goready((*s).g);
    if (*s).ticket == 1 {
        // The waiter owns the semaphore now: run it before carrying on (gc's goyield).
        gosched();
    }
}

/// The ticket order of a notify list: `a` comes before `b`, with wrap-around.
#[inline]
fn less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// Package sync's notifyList, field for field.
#[repr(C)]
pub struct NotifyList {
    /// The next ticket to hand out.
    wait: u32,
    /// The next ticket to notify.
    notify: u32,
    /// gc's lock (unused with one P).
    lock: usize,
    /// Waiters, chained through `next`.
    head: *mut Sudog,
    tail: *mut Sudog,
}

go_abi! {
    /// sync.WaitGroup.Wait's sleep.
    #[export_name = "sync.runtime_Semacquire"]
    pub unsafe extern "Go" fn sync_semacquire(addr: *mut u32) {
        semacquire1(addr, false);
    }

    /// sync.Mutex.Lock's sleep.
    #[export_name = "sync.runtime_SemacquireMutex"]
    pub unsafe extern "Go" fn sync_semacquire_mutex(addr: *mut u32, lifo: bool, _skipframes: i64) {
        semacquire1(addr, lifo);
    }

    /// sync.RWMutex.RLock's sleep.
    #[export_name = "sync.runtime_SemacquireRWMutexR"]
    pub unsafe extern "Go" fn sync_semacquire_rwmutex_r(addr: *mut u32, lifo: bool, _skipframes: i64) {
        semacquire1(addr, lifo);
    }

    /// sync.RWMutex.Lock's sleep.
    #[export_name = "sync.runtime_SemacquireRWMutex"]
    pub unsafe extern "Go" fn sync_semacquire_rwmutex(addr: *mut u32, lifo: bool, _skipframes: i64) {
        semacquire1(addr, lifo);
    }

    /// The wake-up of every sync type.
    #[export_name = "sync.runtime_Semrelease"]
    pub unsafe extern "Go" fn sync_semrelease(addr: *mut u32, handoff: bool, _skipframes: i64) {
        semrelease1(addr, handoff);
    }

    /// sync.Cond.Wait, before unlocking: a ticket.
    #[export_name = "sync.runtime_notifyListAdd"]
    pub unsafe extern "Go" fn notify_list_add(l: *mut NotifyList) -> u32 {
        let t = (*l).wait;
        (*l).wait = t.wrapping_add(1);
        t
    }

    /// sync.Cond.Wait, after unlocking: sleeps until ticket `t` is notified.
    #[export_name = "sync.runtime_notifyListWait"]
    pub unsafe extern "Go" fn notify_list_wait(l: *mut NotifyList, t: u32) {
        let l = &mut *l;
        if less(t, l.notify) {
            return; // notified already
        }
        let sg = sudog::acquire(getg() as *mut G);
        (*sg).ticket = t;
        if l.tail.is_null() {
            l.head = sg;
        } else {
            (*l.tail).next = sg;
        }
        l.tail = sg;
        gopark(WaitReason::SyncCondWait);
        sudog::release(sg);
    }

    /// sync.Cond.Broadcast: every ticket taken so far.
    #[export_name = "sync.runtime_notifyListNotifyAll"]
    pub unsafe extern "Go" fn notify_list_notify_all(l: *mut NotifyList) {
        let l = &mut *l;
        if l.wait == l.notify {
            return;
        }
        let mut s = l.head;
        l.head = core::ptr::null_mut();
        l.tail = core::ptr::null_mut();
        l.notify = l.wait;
        while !s.is_null() {
            let next = (*s).next;
            (*s).next = core::ptr::null_mut();
            goready((*s).g);
            s = next;
        }
    }

    /// sync.Cond.Signal: the oldest ticket not yet notified. Its waiter may not be in the
    /// list yet; then it finds itself notified when it gets to notifyListWait.
    #[export_name = "sync.runtime_notifyListNotifyOne"]
    pub unsafe extern "Go" fn notify_list_notify_one(l: *mut NotifyList) {
        let l = &mut *l;
        if l.wait == l.notify {
            return;
        }
        let t = l.notify;
        l.notify = t.wrapping_add(1);
        let mut p: *mut Sudog = core::ptr::null_mut();
        let mut s = l.head;
        while !s.is_null() {
            if (*s).ticket == t {
                let n = (*s).next;
                if p.is_null() {
                    l.head = n;
                } else {
                    (*p).next = n;
                }
                if n.is_null() {
                    l.tail = p;
                }
                (*s).next = core::ptr::null_mut();
                goready((*s).g);
                return;
            }
            p = s;
            s = (*s).next;
        }
    }

    /// Package sync's check that its notifyList and the runtime's agree.
    #[export_name = "sync.runtime_notifyListCheck"]
    pub unsafe extern "Go" fn notify_list_check(size: usize) {
        if size != core::mem::size_of::<NotifyList>() {
            crate::panic::fatal(b"bad notifyList size");
        }
    }

    /// The monotonic clock, for sync.Mutex's starvation mode.
    #[export_name = "sync.runtime_nanotime"]
    pub unsafe extern "Go" fn sync_nanotime() -> i64 {
        crate::os::nanotime()
    }

    /// sync's fatal errors (unlock of an unlocked mutex, ...): not recoverable.
    #[export_name = "sync.fatal"]
    pub unsafe extern "Go" fn sync_fatal(p: *const u8, n: usize) -> ! {
        sync_throw(p, n)
    }

    /// sync's internal errors ("sync: inconsistent mutex state").
    #[export_name = "sync.throw"]
    pub unsafe extern "Go" fn sync_throw(p: *const u8, n: usize) -> ! {
        crate::print::out(b"fatal error: ");
        crate::print::out(core::slice::from_raw_parts(p, n));
        crate::print::out(b"\n\n");
        crate::sched::proc::traceback(crate::sched::getgp());
        crate::os::exit(2)
    }
}
