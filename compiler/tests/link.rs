//! The link stage (compiler/src/link.rs): rust-lld is started as a build begins and reads the
//! object through a named pipe. Whatever way a build ends, it leaves no linker running, no
//! files in the temporary directory and no half-written output.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("golift-linktest-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("tmp")).unwrap();
    std::fs::create_dir_all(d.join("src")).unwrap();
    d
}

/// `golift build` in `d/src`, with `d/tmp` as its temporary directory.
fn build(d: &Path, args: &[&str], src: &str) -> Output {
    std::fs::write(d.join("src/p.go"), src).unwrap();
    Command::new(env!("CARGO_BIN_EXE_golift"))
        .arg("build")
        .args(args)
        .arg("p.go")
        .current_dir(d.join("src"))
        .env("TMPDIR", d.join("tmp"))
        .env("GOLIFTCACHE", d.join("cache"))
        .output()
        .unwrap()
}

/// The processes whose command line names `dir` (a linker left behind would).
fn processes_naming(dir: &Path) -> Vec<String> {
    let needle = dir.display().to_string();
    let mut found = vec![];
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        if let Ok(cmd) = std::fs::read(e.path().join("cmdline")) {
            let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
            if cmd.contains(&needle) {
                found.push(cmd);
            }
        }
    }
    found
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

fn assert_clean(d: &Path, src_files: &[&str]) {
    assert_eq!(processes_naming(&d.join("tmp")), Vec::<String>::new(), "a linker is still running");
    assert_eq!(entries(&d.join("tmp")), Vec::<String>::new(), "the temporary directory is not empty");
    assert_eq!(entries(&d.join("src")), src_files);
}

#[test]
fn a_build_links_and_leaves_nothing_behind() {
    let d = tmpdir("ok");
    let o = build(&d, &["-o", "p"], "package main\n\nfunc main() { println(\"linked\") }\n");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let run = Command::new(d.join("src/p")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stderr), "linked\n");
    assert_clean(&d, &["p", "p.go"]);
}

#[test]
fn a_compile_error_stops_the_waiting_linker() {
    let d = tmpdir("error");
    let o = build(&d, &["-o", "p"], "package main\n\nfunc main() { x := 1 }\n");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "p.go:3:15: x declared but not used\n");
    assert_clean(&d, &["p.go"]);
}

#[test]
fn a_failed_link_is_reported_and_cleaned_up() {
    let d = tmpdir("fail");
    // The output's directory does not exist: rust-lld cannot write the executable.
    let o = build(&d, &["-o", "nosuchdir/p"], "package main\n\nfunc main() { println(1) }\n");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("golift: link failed:\n") && err.contains("nosuchdir"), "{}", err);
    assert_clean(&d, &["p.go"]);
}

#[test]
fn a_killed_golift_takes_its_waiting_linker_with_it() {
    let d = tmpdir("killed");
    // A program big enough that golift is still compiling when the linker is waiting.
    let mut src = String::from("package main\n\n");
    for i in 0..4000 {
        src.push_str(&format!("func f{i}(x int) int {{\n\tif x > {i} {{\n\t\treturn x*{i} + f{j}(x-1)\n\t}}\n\treturn x\n}}\n\n", i = i, j = (i + 1) % 4000));
    }
    src.push_str("func main() { println(f0(3)) }\n");
    std::fs::write(d.join("src/p.go"), src).unwrap();
    let mut golift = Command::new(env!("CARGO_BIN_EXE_golift"))
        .args(["build", "-o", "p", "p.go"])
        .current_dir(d.join("src"))
        .env("TMPDIR", d.join("tmp"))
        .env("GOLIFTCACHE", "off")
        .spawn()
        .unwrap();
    let tmp = d.join("tmp");
    let start = std::time::Instant::now();
    while processes_naming(&tmp).is_empty() {
        assert!(golift.try_wait().unwrap().is_none(), "golift finished before its linker was seen");
        assert!(start.elapsed().as_secs() < 60, "no linker started");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    golift.kill().unwrap();
    golift.wait().unwrap();
    let start = std::time::Instant::now();
    while !processes_naming(&tmp).is_empty() {
        assert!(start.elapsed().as_secs() < 10, "the linker outlived golift: {:?}", processes_naming(&tmp));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
