//! `cargo bench --bench compute`: compute kernels (compiler/benches/compute/*.go: fib, sieve,
//! fannkuch, spectralnorm, mandelbrot, nbody, binary trees, and the library-shaped ones:
//! interface calls, sorting, string building, map counting, a channel pipeline) built by
//! golift and by `go`, run alternately, with the median CPU times and their ratio (the
//! figures issue 12's optimisation work is measured by). A benchmark, not a test: it asserts
//! nothing.
mod common;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    common::compare_dir(&root.join("benches/compute"), "compute");
}
