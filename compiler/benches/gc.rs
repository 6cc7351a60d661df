//! `cargo bench --bench gc`: the memory benchmarks (compiler/benches/gc/*.go: binary trees of
//! depth 17, a churning ring of records, string building) built by golift and by `go`, run
//! alternately. For each: median CPU time and the ratio, median peak resident set (the
//! collector keeps the heap bounded), allocation throughput (bytes allocated per CPU second),
//! and the collections' count and pauses as each program reports them through
//! runtime.ReadMemStats (`gcstats NumGC PauseTotalNs maxPause TotalAlloc` on stderr).
//! A benchmark, not a test: it asserts nothing.
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    cpu: f64,
    rss: u64,
    num_gc: u64,
    pause_total: u64,
    max_pause: u64,
    total_alloc: u64,
}

fn one(exe: &Path) -> Run {
    let (_, cpu, rss, err) = common::run_full(exe);
    let line = err.lines().find(|l| l.starts_with("gcstats ")).unwrap_or_else(|| panic!("{}: no gcstats line in {:?}", exe.display(), err));
    let f: Vec<u64> = line.split_whitespace().skip(1).map(|x| x.parse().unwrap()).collect();
    Run { cpu: cpu.as_secs_f64(), rss, num_gc: f[0], pause_total: f[1], max_pause: f[2], total_alloc: f[3] }
}

fn med(v: &[Run], f: impl Fn(&Run) -> f64) -> f64 {
    let mut x: Vec<f64> = v.iter().map(f).collect();
    x.sort_by(|a, b| a.partial_cmp(b).unwrap());
    x[x.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golift = root.join("../target/release/golift");
    assert!(golift.exists(), "build golift first: cargo build --release");
    let have_go = Command::new("go").arg("version").output().map(|o| o.status.success()).unwrap_or(false);
    let runs: usize = std::env::var("GOLIFT_BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let tmp = std::env::temp_dir().join(format!("golift-bench-gc-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut progs: Vec<PathBuf> = std::fs::read_dir(root.join("benches/gc")).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "go")).collect();
    progs.sort();
    println!("memory benchmarks: median of {} alternating runs per binary", runs);
    println!("| program | compiler | CPU | CPU ratio | peak RSS | allocated | MB/CPU s | GCs | pause total | max pause |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
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
        let go_cpu = if have_go { med(&b, |r| r.cpu) } else { f64::NAN };
        for (who, v) in [("golift", &a), ("go", &b)] {
            if v.is_empty() {
                continue;
            }
            let cpu = med(v, |r| r.cpu);
            let alloc = med(v, |r| r.total_alloc as f64);
            println!(
                "| {} | {} | {:.3} s | {} | {:.1} MB | {:.0} MB | {:.0} | {:.0} | {:.2} ms | {:.2} ms |",
                name,
                who,
                cpu,
                if who == "golift" && have_go { format!("{:.2}", cpu / go_cpu) } else { "-".into() },
                med(v, |r| r.rss as f64) / 1048576.0,
                alloc / 1048576.0,
                alloc / 1048576.0 / cpu,
                med(v, |r| r.num_gc as f64),
                med(v, |r| r.pause_total as f64) / 1e6,
                med(v, |r| r.max_pause as f64) / 1e6,
            );
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
