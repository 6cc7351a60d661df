//! Tests are programs: every `examples/*.go` is built with golift (with the SSA checker after
//! every pass) and run; its stdout, its stderr up to gc's goroutine trace (not reproduced:
//! everything before it, panic chains included), and its exit status must equal what real
//! Go 1.19 produced (`scripts/expected.sh`), checked in under `tests/examples/`. The same
//! for the standard library's test programs, `tests/stdlib/*.go`, with their expected
//! output beside them.
//!
//! The same holds for the other targets that can run here: linux/arm64 under qemu-aarch64
//! and windows/amd64 under wine (scripts/test-deps.sh installs both). The three run at once.
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::Runner;

fn golift() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_golift"))
}

/// stderr up to gc's goroutine trace (which golift does not reproduce), with the faulting pc
/// of a signal zeroed: the form scripts/expected.sh stores.
fn until_trace(s: &str) -> String {
    // gc's traces start with its goroutines, or with the runtime's own stack after a fatal
    // error such as a stack overflow.
    let cut = match [s.find("\ngoroutine "), s.find("\nruntime stack:\n")].into_iter().flatten().min() {
        Some(i) => &s[..i + 1],
        None => s,
    };
    // A stack overflow's report gives the stack pointer and bounds.
    let normal;
    let cut = match cut.find("runtime: sp=0x") {
        Some(i) => {
            let end = cut[i..].find('\n').map_or(cut.len(), |j| i + j);
            normal = format!("{}runtime: sp=0x0 stack=[0x0, 0x0]{}", &cut[..i], &cut[end..]);
            normal.as_str()
        }
        None => cut,
    };
    let mut out = String::new();
    let mut rest = cut;
    while let Some(i) = rest.find("pc=0x") {
        out.push_str(&rest[..i + 5]);
        rest = rest[i + 5..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        out.push('0');
    }
    out.push_str(rest);
    out
}

/// Builds every example for GOOS/GOARCH, runs it with `runner`, and lists the differences
/// from Go 1.19's output.
fn check_examples(goos: &str, goarch: &str, runner: &Runner) {
    check_programs("examples", "tests/examples", 15, goos, goarch, runner, false);
    check_programs("tests/stdlib", "tests/stdlib", 1, goos, goarch, runner, false);
}

/// The same with the collector collecting before every allocation (`GOLIFT_GCSTRESS`): a
/// pointer that the stack maps, the globals' bitmaps or a descriptor forgot frees a live
/// object, and the program's output changes. Programs that allocate a great deal collect
/// every Nth allocation instead (`STRESS_EVERY`).
fn check_examples_under_gc_stress(goos: &str, goarch: &str, runner: &Runner) {
    check_programs("examples", "tests/examples", 15, goos, goarch, runner, true);
    check_programs("tests/stdlib", "tests/stdlib", 1, goos, goarch, runner, true);
}

const STRESS_EVERY: &[(&str, u32)] = &[("runtime_gc", 5000), ("runtime_goroutines", 2000), ("runtime_stackoverflow", 2000), ("sort_basic", 50), ("goroutines_parked_many", 100), ("strconv_goroutines", 2000)];

/// The same for every program in `src` (relative to the project), with the expected output
/// in `expected`.
fn check_programs(src: &str, expected: &str, at_least: usize, goos: &str, goarch: &str, runner: &Runner, stress: bool) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(src)).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "go")).collect();
    files.sort();
    assert!(files.len() >= at_least, "expected at least {} programs in {}", at_least, src);
    let tmp = std::env::temp_dir().join(format!("golift-{}-{}-{}-{}-{}", src.replace('/', "-"), goos, goarch, stress, std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut failures = vec![];
    for f in &files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let exe = tmp.join(if goos == "windows" { format!("{}.exe", name) } else { name.clone() });
        let b = Command::new(golift()).args(["build", "-gcflags=-d=ssa/check/on", "-o"]).arg(&exe).arg(f).env("GOOS", goos).env("GOARCH", goarch).output().unwrap();
        if !b.status.success() {
            failures.push(format!("{}: build failed:\n{}", name, String::from_utf8_lossy(&b.stderr)));
            continue;
        }
        // In the scratch directory: some programs create files.
        let mut cmd = runner.command(&exe);
        if stress {
            let every = STRESS_EVERY.iter().find(|(n, _)| *n == name).map_or(1, |(_, e)| *e);
            cmd.env("GOLIFT_GCSTRESS", every.to_string());
        }
        let r = runner.output(cmd.current_dir(&tmp), &exe);
        let exp = root.join(expected);
        let want_out = std::fs::read_to_string(exp.join(format!("{}.stdout", name))).unwrap();
        let want_err = std::fs::read_to_string(exp.join(format!("{}.stderr", name))).unwrap();
        let want_code: i32 = std::fs::read_to_string(exp.join(format!("{}.code", name))).unwrap().trim().parse().unwrap();
        let got_out = String::from_utf8_lossy(&r.stdout);
        let got_err = until_trace(&String::from_utf8_lossy(&r.stderr));
        let got_code = r.status.code().unwrap_or(-1);
        if got_out != want_out || got_err != want_err || got_code != want_code {
            failures.push(format!("{}: got code {} stdout {:?} stderr {:?}\n   want code {} stdout {:?} stderr {:?}", name, got_code, got_out, got_err, want_code, want_out, want_err));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{}/{}{}: {} of {} examples differ:\n{}", goos, goarch, if stress { " under GOLIFT_GCSTRESS" } else { "" }, failures.len(), files.len(), failures.join("\n"));
}

#[test]
fn examples_match_go_1_19() {
    check_examples("linux", "amd64", &Runner::Native);
}

#[test]
fn examples_linux_arm64_under_qemu() {
    check_examples("linux", "arm64", &Runner::for_target("linux", "arm64", "examples"));
}

#[test]
fn examples_windows_amd64_under_wine() {
    check_examples("windows", "amd64", &Runner::for_target("windows", "amd64", "examples"));
}

#[test]
fn examples_under_gc_stress() {
    check_examples_under_gc_stress("linux", "amd64", &Runner::Native);
}

#[test]
fn examples_linux_arm64_under_gc_stress() {
    check_examples_under_gc_stress("linux", "arm64", &Runner::for_target("linux", "arm64", "examples-stress"));
}

#[test]
fn examples_windows_amd64_under_gc_stress() {
    check_examples_under_gc_stress("windows", "amd64", &Runner::for_target("windows", "amd64", "examples-stress"));
}
