//! `cargo bench --bench targets`: hello world (examples/hello.go) on every target, built by
//! golift and, when it is installed, by go: the executable's size, plain and with
//! `-ldflags='-s -w'`, and the median start-up time of the stripped one over alternating runs
//! where it can run here (natively, under qemu-aarch64, under wine with its server kept up).
//! Start-up under qemu or wine measures the emulator as much as the program: compare golift
//! with go on one line, never one line with another. A benchmark: it asserts nothing.
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "../tests/common/mod.rs"]
mod common;
use common::Runner;

use golift::target::SUPPORTED;

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn build(tool: &str, goos: &str, goarch: &str, strip: bool, src: &Path, out: &Path, cache: &Path) -> bool {
    let mut c = Command::new(tool);
    c.arg("build");
    if strip {
        c.arg("-ldflags=-s -w");
    }
    c.arg("-o").arg(out).arg(src).env("GOOS", goos).env("GOARCH", goarch).env("GOCACHE", cache).env("CGO_ENABLED", "0");
    c.stdout(Stdio::null()).stderr(Stdio::null()).status().map_or(false, |s| s.success())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let dir = std::env::temp_dir().join(format!("golift-bench-targets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let golift = env!("CARGO_BIN_EXE_golift").to_string();
    let go = Command::new("go").arg("version").output().ok().filter(|o| o.status.success()).map(|_| "go".to_string());
    let hello = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/hello.go");
    let cache = dir.join("gocache");
    println!("Hello world per target: size in bytes (plain / -ldflags='-s -w'), median start-up of the stripped one");
    println!("| target | golift size | go size | runs with | golift start-up | go start-up |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for &(goos, goarch) in SUPPORTED {
        let ext = if goos == "windows" { ".exe" } else { "" };
        let mut tools = vec![("golift", golift.clone())];
        if let Some(g) = &go {
            tools.push(("go", g.clone()));
        }
        let mut sizes = vec![];
        let mut exes: Vec<PathBuf> = vec![];
        for (name, tool) in &tools {
            let plain = dir.join(format!("{}-{}-{}{}", name, goos, goarch, ext));
            let stripped = dir.join(format!("{}-{}-{}-s{}", name, goos, goarch, ext));
            if build(tool, goos, goarch, false, &hello, &plain, &cache) && build(tool, goos, goarch, true, &hello, &stripped, &cache) {
                sizes.push(format!("{} / {}", size(&plain), size(&stripped)));
                exes.push(stripped);
            } else {
                sizes.push("build failed".into());
            }
        }
        let runner = match (goos, goarch) {
            ("linux", "amd64") => Some(("native", Runner::Native)),
            ("linux", "arm64") if Command::new("qemu-aarch64").arg("--version").output().is_ok() => Some(("qemu-aarch64", Runner::Qemu)),
            ("windows", "amd64") if Command::new("wine").arg("--version").output().is_ok() => Some(("wine", Runner::for_target("windows", "amd64", "bench"))),
            _ => None,
        };
        let mut times = vec![String::from("-"); tools.len()];
        if let Some((_, r)) = &runner {
            if exes.len() == tools.len() {
                let mut samples = vec![vec![]; exes.len()];
                for _ in 0..30 {
                    for (i, e) in exes.iter().enumerate() {
                        let t = Instant::now();
                        let _ = r.command(e).stdout(Stdio::null()).stderr(Stdio::null()).status();
                        samples[i].push(t.elapsed().as_secs_f64() * 1e3);
                    }
                }
                times = samples.into_iter().map(|s| format!("{:.2} ms", median(s))).collect();
            }
        }
        let how = runner.as_ref().map_or("cannot run here", |r| r.0);
        println!("| {}/{} | {} | {} | {} | {} | {} |", goos, goarch, sizes[0], sizes.get(1).map_or("-", |s| s), how, times[0], times.get(1).map_or("-", |s| s));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
