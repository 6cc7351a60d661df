//! `cargo bench --bench pipeline`: compile time per stage for a generated 10,000-line program,
//! front-end speed over the Go std library, the hello-world size and start-up time; beside the
//! same figures for `go` when it is installed. A benchmark, not a test: it asserts nothing.
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use golift::driver::{self, SsaOptions};
use golift::source::{Diagnostics, SourceMap};
use golift::syntax::parser::parse_file;
use golift::target::Target;

/// A valid program of about `lines` lines: many small functions with loops, slices, strings.
fn generate(lines: usize) -> String {
    let mut s = String::from("package main\n\n");
    let mut n = 0;
    while s.lines().count() < lines {
        s.push_str(&format!(
            "func f{n}(a []int, k int) (int, string) {{\n\tsum := 0\n\tfor i, v := range a {{\n\t\tif v%2 == 0 {{\n\t\t\tsum += v * i\n\t\t}} else {{\n\t\t\tsum -= k\n\t\t}}\n\t}}\n\ts := \"f{n}\"\n\tfor j := 0; j < 3; j++ {{\n\t\ts += string(rune('a' + j))\n\t}}\n\treturn sum + {n}, s\n}}\n\n"
        ));
        n += 1;
    }
    s.push_str("func main() {\n\ta := []int{1, 2, 3, 4}\n\tt := 0\n");
    for i in (0..n).step_by((n / 50).max(1)) {
        s.push_str(&format!("\tx{i}, _ := f{i}(a, {i})\n\tt += x{i}\n"));
    }
    s.push_str("\tprintln(t)\n}\n");
    s
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn stages(file: &Path, out: &Path) {
    let files = vec![file.to_path_buf()];
    let target = Target::from_env(None, None).unwrap();
    let opts = SsaOptions::default();
    let (loaded, t_parse) = time(|| driver::load(&files).ok().expect("parses"));
    let (checked, t_check) = time(|| driver::check(loaded).ok().expect("type-checks"));
    let mut checked = checked;
    let (prog, t_ssa) = time(|| driver::build_ssa(&mut checked, &opts).ok().expect("builds SSA"));
    let (obj, t_cg) = time(|| driver::codegen(&checked, &prog, &target).ok().expect("codegen"));
    let (_, t_link) = time(|| golift::link::link(&obj, &target, out, false).ok().expect("links"));
    let total = t_parse + t_check + t_ssa + t_cg + t_link;
    println!("  lex+parse  {}", ms(t_parse));
    println!("  typecheck  {}", ms(t_check));
    println!("  ssa+passes {}", ms(t_ssa));
    println!("  codegen    {}", ms(t_cg));
    println!("  link       {}", ms(t_link));
    println!("  total      {}", ms(total));
}

fn std_parse() {
    let root = Path::new("/usr/lib/go-1.19/src");
    if !root.is_dir() {
        println!("  (no /usr/lib/go-1.19/src)");
        return;
    }
    let mut files = vec![];
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() && !p.ends_with("testdata") {
                stack.push(p);
            } else if p.extension().map_or(false, |x| x == "go") {
                files.push(p);
            }
        }
    }
    let texts: Vec<String> = files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect();
    let lines: usize = texts.iter().map(|t| t.lines().count()).sum();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let (_, d) = time(|| {
        for t in &texts {
            let mut sm = SourceMap::new();
            sm.add("f.go", String::new());
            let mut diags = Diagnostics::default();
            let mut id = 0;
            let _ = parse_file(t, 0, &mut id, &mut diags);
        }
    });
    println!("  {} files, {} lines, {:.1} MB in {}", texts.len(), lines, bytes as f64 / 1e6, ms(d));
    println!("  {:.0} lines/s ({:.1} MB/s), lex+parse only, one thread", lines as f64 / d.as_secs_f64(), bytes as f64 / 1e6 / d.as_secs_f64());
}

/// Per example: live values and blocks (over all its functions) after each pass, and the time
/// of each pass.
fn passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut examples: Vec<PathBuf> = std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "go")).collect();
    examples.sort();
    let mut names = vec!["start".to_string()];
    names.extend(golift::ssa::passes::PASSES.iter().map(|p| p.name.to_string()));
    print!("| example |");
    for n in &names {
        print!(" {} |", n);
    }
    println!("\n|---|{}", "---|".repeat(names.len()));
    let mut total_time: Vec<Duration> = vec![Duration::ZERO; names.len()];
    for ex in &examples {
        let mut c = driver::check(driver::load(std::slice::from_ref(ex)).ok().unwrap()).ok().unwrap();
        let opts = SsaOptions { no_passes: true, ..Default::default() };
        let mut prog = driver::build_ssa(&mut c, &opts).ok().unwrap();
        let mut counts: Vec<(usize, usize)> = vec![(0, 0); names.len()];
        for f in prog.funcs.iter_mut().filter(|f| f.sym.starts_with("main.")) {
            let mut i = 0;
            golift::ssa::passes::run_all(f, &c.tt, false, &[], &mut |_, f, d| {
                counts[i].0 += f.num_live_values();
                counts[i].1 += f.num_live_blocks();
                total_time[i] += d;
                i += 1;
            })
            .unwrap();
        }
        print!("| {} |", ex.file_stem().unwrap().to_string_lossy());
        for (v, b) in &counts {
            print!(" {}v {}b |", v, b);
        }
        println!();
    }
    print!("| time, all examples |");
    for t in &total_time {
        print!(" {:.0} µs |", t.as_secs_f64() * 1e6);
    }
    println!();
}

fn startup(exe: &Path) -> Duration {
    let n = 50;
    let t = Instant::now();
    for _ in 0..n {
        Command::new(exe).output().unwrap();
    }
    t.elapsed() / n
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn main() {
    let dir = std::env::temp_dir().join(format!("golift-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let golift = PathBuf::from(env!("CARGO_BIN_EXE_golift"));
    let go = Command::new("go").arg("version").output().ok().filter(|o| o.status.success()).map(|_| "go");

    let prog = dir.join("gen.go");
    let src = generate(10_000);
    std::fs::write(&prog, &src).unwrap();
    println!("Compile time per stage, generated program of {} lines:", src.lines().count());
    stages(&prog, &dir.join("gen"));
    if let Some(go) = go {
        let gen_dir = dir.join("gogen");
        std::fs::create_dir_all(&gen_dir).unwrap();
        std::fs::copy(&prog, gen_dir.join("main.go")).unwrap();
        let (_, d) = time(|| Command::new(go).args(["build", "-o", "gen", "main.go"]).current_dir(&gen_dir).env("GOCACHE", dir.join("gocache")).output().unwrap());
        println!("  go build (cold cache) {}", ms(d));
    }

    println!("SSA values (v) and blocks (b) after each pass, functions of package main:");
    passes();

    println!("Front end over the Go std library:");
    std_parse();

    let hello = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/hello.go");
    let h = dir.join("hello");
    let hs = dir.join("hello-s");
    Command::new(&golift).args(["build", "-o"]).arg(&h).arg(&hello).status().unwrap();
    Command::new(&golift).args(["build", "-ldflags=-s -w", "-o"]).arg(&hs).arg(&hello).status().unwrap();
    println!("Hello world (examples/hello.go):");
    println!("  golift: {} bytes, {} bytes with -ldflags='-s -w', start-up {:.2} ms", size(&h), size(&hs), startup(&hs).as_secs_f64() * 1e3);
    if let Some(go) = go {
        let gh = dir.join("go-hello");
        Command::new(go).args(["build", "-ldflags=-s -w", "-o"]).arg(&gh).arg(&hello).env("GOCACHE", dir.join("gocache")).status().unwrap();
        println!("  go:     {} bytes with -ldflags='-s -w', start-up {:.2} ms", size(&gh), startup(&gh).as_secs_f64() * 1e3);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
