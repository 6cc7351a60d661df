//! What the program benchmarks share: building each program of a directory with golift and
//! with go, running the two binaries alternately, and reporting medians and ratios.
#![allow(dead_code)]
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs a program to completion (its output discarded); returns (wall, user + system).
fn run(exe: &Path) -> (Duration, Duration) {
    let (w, c, _, _) = run_full(exe);
    (w, c)
}

/// Runs a program to completion; returns (wall, user + system, peak resident set in bytes,
/// its stderr).
pub fn run_full(exe: &Path) -> (Duration, Duration, u64, String) {
    use std::os::unix::process::ExitStatusExt;
    let start = Instant::now();
    let errf = std::env::temp_dir().join(format!("golift-bench-stderr-{}", std::process::id()));
    let child = Command::new(exe).stdout(std::process::Stdio::null()).stderr(std::fs::File::create(&errf).unwrap()).spawn().expect("run");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    let wall = start.elapsed();
    assert!(r == pid, "wait4 failed");
    let st = std::process::ExitStatus::from_raw(status);
    assert!(st.success(), "{} failed: {:?}", exe.display(), st);
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let err = std::fs::read_to_string(&errf).unwrap_or_default();
    let _ = std::fs::remove_file(&errf);
    (wall, tv(ru.ru_utime) + tv(ru.ru_stime), ru.ru_maxrss as u64 * 1024, err)
}

pub fn median<T: Ord + Copy>(mut v: Vec<T>) -> T {
    v.sort();
    v[v.len() / 2]
}

pub fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}


/// Builds every program in `dir` with golift and (if installed) go, runs each binary `runs`
/// times alternately, and prints a table of median wall and CPU times with the CPU ratio, then
/// one of binary sizes and build times (one build each; go's with its warm build cache, as a
/// user's second build).
pub fn compare_dir(dir: &Path, what: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golift = root.join("../target/release/golift");
    assert!(golift.exists(), "build golift first: cargo build --release");
    let have_go = Command::new("go").arg("version").output().map(|o| o.status.success()).unwrap_or(false);
    let runs: usize = std::env::var("GOLIFT_BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(7);
    let tmp = std::env::temp_dir().join(format!("golift-bench-{}-{}", what, std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut progs: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "go")).collect();
    progs.sort();
    println!("{} benchmarks: median of {} alternating runs per binary", what, runs);
    println!("| program | golift wall | go wall | golift CPU | go CPU | CPU ratio |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let mut ratios = vec![];
    let mut builds = vec![];
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    for p in &progs {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let gl = tmp.join(format!("{}-golift", name));
        let t = Instant::now();
        let st = Command::new(&golift).arg("build").arg("-o").arg(&gl).arg(p).status().unwrap();
        let gl_build = t.elapsed();
        assert!(st.success(), "golift build {}", name);
        let go_exe = tmp.join(format!("{}-go", name));
        let mut go_build = Duration::ZERO;
        if have_go {
            let t = Instant::now();
            let st = Command::new("go").arg("build").arg("-o").arg(&go_exe).arg(p).status().unwrap();
            go_build = t.elapsed();
            assert!(st.success(), "go build {}", name);
        }
        builds.push((name.clone(), size(&gl), size(&go_exe), gl_build, go_build));
        let (mut gw, mut gc, mut ow, mut oc) = (vec![], vec![], vec![], vec![]);
        for _ in 0..runs {
            let (w, c) = run(&gl);
            gw.push(w);
            gc.push(c);
            if have_go {
                let (w, c) = run(&go_exe);
                ow.push(w);
                oc.push(c);
            }
        }
        if have_go {
            let r = median(gc.clone()).as_secs_f64() / median(oc.clone()).as_secs_f64();
            ratios.push(r);
            println!("| {} | {} | {} | {} | {} | {:.2} |", name, secs(median(gw)), secs(median(ow)), secs(median(gc)), secs(median(oc)), r);
        } else {
            println!("| {} | {} | - | {} | - | - |", name, secs(median(gw)), secs(median(gc)));
        }
    }
    if !ratios.is_empty() {
        let geo = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
        println!("geometric mean of the CPU ratios: {:.2}", geo);
    }
    println!();
    println!("| program | golift size | go size | golift build | go build |");
    println!("| --- | --- | --- | --- | --- |");
    for (name, gs, os, gb, ob) in builds {
        let kb = |b: u64| if b == 0 { "-".to_string() } else { format!("{} KB", (b + 512) / 1024) };
        let t = |d: Duration| if d.is_zero() { "-".to_string() } else { secs(d) };
        println!("| {} | {} | {} | {} | {} |", name, kb(gs), kb(os), t(gb), t(ob));
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
