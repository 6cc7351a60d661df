//! Work on every core: a list of independent items (functions going through the pass table,
//! functions Cranelift compiles), each taken by the next free thread from a shared counter, so
//! that a few big items do not leave the other threads idle. The results come back in the
//! items' order, so the output never depends on the threads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// How many threads `map_mut` uses: one per core, at most 8.
pub fn workers() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8)
}

/// `f` applied to every item, on `workers()` threads.
pub fn map_mut<T: Send, R: Send>(items: &mut [T], f: impl Fn(&mut T) -> R + Sync) -> Vec<R> {
    let workers = workers();
    if workers <= 1 || items.len() <= 1 {
        return items.iter_mut().map(f).collect();
    }
    let slots: Vec<Mutex<&mut T>> = items.iter_mut().map(Mutex::new).collect();
    let results: Vec<Mutex<Option<R>>> = slots.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(slot) = slots.get(i) else { break };
                let mut item = slot.lock().unwrap();
                let r = f(&mut item);
                *results[i].lock().unwrap() = Some(r);
            });
        }
    });
    // (A thread that panicked has made the scope panic already.)
    results.into_iter().map(|r| r.into_inner().unwrap().expect("every item was taken")).collect()
}
