//! `cargo bench --bench stdlib`: the standard library beside `go`: Sprintf and strconv
//! throughput (compiler/benches/stdlib/*.go, median CPU time of alternating runs), the size of
//! a stripped fmt hello world, and its build time, unchanged and after an edit (medians of
//! several builds, both tools' caches warm). A benchmark, not a test: it asserts nothing.
mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::compare_dir(&root.join("benches/stdlib"), "stdlib");

    let golift = root.join("../target/release/golift");
    let have_go = Command::new("go").arg("version").output().map(|o| o.status.success()).unwrap_or(false);
    let tmp = std::env::temp_dir().join(format!("golift-bench-fmthello-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let src = tmp.join("hello.go");
    std::fs::write(&src, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello, world\")\n}\n").unwrap();
    let cache = tmp.join("gocache");
    let gl_cache = tmp.join("golift-cache");
    let build = |tool: &Path, out: &Path| -> f64 {
        let t = Instant::now();
        let mut c = Command::new(tool);
        c.args(["build", "-ldflags=-s -w", "-o"]).arg(out).arg(&src).env("GOCACHE", &cache).env("GOLIFTCACHE", &gl_cache);
        assert!(c.status().unwrap().success());
        t.elapsed().as_secs_f64()
    };
    let gl_out = tmp.join("hello-golift");
    let go_out = tmp.join("hello-go");
    // Unchanged: a first build of each fills its cache (go: the packages' archives and the
    // executable, which it then finds up to date; golift: the executable under the build's
    // action ID).
    build(&golift, &gl_out);
    if have_go {
        build(Path::new("go"), &go_out);
    }
    let (mut gl_t, mut go_t) = (vec![], vec![]);
    for _ in 0..7 {
        gl_t.push(build(&golift, &gl_out));
        if have_go {
            go_t.push(build(Path::new("go"), &go_out));
        }
    }
    // After an edit to the program: go compiles package main again and links; golift builds
    // the whole program.
    let (mut gl_e, mut go_e) = (vec![], vec![]);
    for i in 0..7 {
        std::fs::write(&src, format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n\tfmt.Println(\"hello, world {}\")\n}}\n", i)).unwrap();
        gl_e.push(build(&golift, &gl_out));
        if have_go {
            go_e.push(build(Path::new("go"), &go_out));
        }
    }
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!("fmt hello world, -ldflags='-s -w' (build times: medians of 7, alternating):");
    println!("  golift: {} bytes, build {:.3} s unchanged (cached), {:.3} s after an edit", size(&gl_out), median(gl_t), median(gl_e));
    if have_go {
        println!("  go:     {} bytes, build {:.3} s unchanged (up to date), {:.3} s after an edit (warm cache)", size(&go_out), median(go_t), median(go_e));
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
