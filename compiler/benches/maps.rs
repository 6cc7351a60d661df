//! `cargo bench --bench maps`: map-heavy programs (compiler/benches/maps/*.go) built by golift
//! and by `go`, each run several times, alternately, reporting the median wall and CPU time
//! (user + system, from wait4) of each and their ratio golift/go. A benchmark, not a test: it
//! asserts nothing. `GOLIFT_BENCH_RUNS` sets the runs per binary (default 7).
mod common;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    common::compare_dir(&root.join("benches/maps"), "map");
}
