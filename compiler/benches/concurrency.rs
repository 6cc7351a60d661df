//! `cargo bench --bench concurrency`: the concurrency benchmarks (benches/concurrency/*.go)
//! built by golift and by `go`, run alternately: an unbuffered channel round trip between
//! two goroutines (ns per round trip), goroutine creation and completion (goroutines per
//! second), and 100,000 goroutines blocked at once (peak resident set). Each program
//! measures its own figure and prints `metric VALUE UNIT` on stderr; peak RSS is measured
//! from outside. Medians of GOLIFT_BENCH_RUNS runs (default 5). Go runs with its default
//! GOMAXPROCS (every core); golift runs every goroutine on one thread.
//! A benchmark, not a test: it asserts nothing.
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn one(exe: &Path) -> (f64, String, f64, u64) {
    let (_, cpu, rss, err) = common::run_full(exe);
    let line = err.lines().find(|l| l.starts_with("metric ")).unwrap_or_else(|| panic!("{}: no metric line in {:?}", exe.display(), err));
    let f: Vec<&str> = line.split_whitespace().collect();
    (f[1].parse().unwrap(), f[2].to_string(), cpu.as_secs_f64(), rss)
}

fn med(mut x: Vec<f64>) -> f64 {
    x.sort_by(|a, b| a.partial_cmp(b).unwrap());
    x[x.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golift = root.join("../target/release/golift");
    assert!(golift.exists(), "build golift first: cargo build --release");
    let have_go = Command::new("go").arg("version").output().map(|o| o.status.success()).unwrap_or(false);
    let runs: usize = std::env::var("GOLIFT_BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let tmp = std::env::temp_dir().join(format!("golift-bench-conc-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut progs: Vec<PathBuf> = std::fs::read_dir(root.join("benches/concurrency")).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "go")).collect();
    progs.sort();
    println!("concurrency benchmarks: median of {} alternating runs per binary", runs);
    println!("| program | compiler | metric | ratio golift/go | CPU | peak RSS |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for p in &progs {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let gl = tmp.join(format!("{}-golift", name));
        assert!(Command::new(&golift).arg("build").arg("-o").arg(&gl).arg(p).status().unwrap().success(), "golift build {}", name);
        let go_exe = tmp.join(format!("{}-go", name));
        if have_go {
            assert!(Command::new("go").arg("build").arg("-o").arg(&go_exe).arg(p).status().unwrap().success(), "go build {}", name);
        }
        let (mut a, mut b) = (vec![], vec![]);
        for _ in 0..runs {
            a.push(one(&gl));
            if have_go {
                b.push(one(&go_exe));
            }
        }
        let go_metric = if have_go { med(b.iter().map(|r| r.0).collect()) } else { f64::NAN };
        for (who, v) in [("golift", &a), ("go", &b)] {
            if v.is_empty() {
                continue;
            }
            let m = med(v.iter().map(|r| r.0).collect());
            println!(
                "| {} | {} | {:.1} {} | {} | {:.3} s | {:.1} MB |",
                name,
                who,
                m,
                v[0].1,
                if who == "golift" && have_go { format!("{:.2}", m / go_metric) } else { "-".into() },
                med(v.iter().map(|r| r.2).collect()),
                med(v.iter().map(|r| r.3 as f64).collect()) / 1048576.0,
            );
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
