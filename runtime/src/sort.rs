//! The runtime's sorting (the collector's function index, free stacks to give back, parked
//! stacks to copy out): a heapsort, in place and without allocating. `core`'s
//! `sort_unstable` is faster on large inputs but adds kilobytes of code per element type to
//! every program, and these sorts are rare and short.

/// Sorts `v` by `key`, ascending (not stable).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let n = v.len();
    // Moves v[root] down the max-heap v[..end] until both its children are smaller.
    let sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && key(&v[child]) < key(&v[child + 1]) {
            child += 1;
        }
        if key(&v[root]) >= key(&v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}
