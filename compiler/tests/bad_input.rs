//! Bad and extreme input: each gets a clear message and a non-zero exit, or, where it is valid
//! Go, compiles; never a Rust panic, a stack overflow or a hang.
use std::path::PathBuf;
use std::process::{Command, Output};

fn golift(args: &[&str], dir: &PathBuf) -> Output {
    Command::new(env!("CARGO_BIN_EXE_golift")).args(args).current_dir(dir).output().unwrap()
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("golift-bad-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// No Rust panic message, no crash by signal.
fn clean(o: &Output) {
    let e = stderr(o);
    assert!(!e.contains("panicked") && !e.contains("internal compiler error") && !e.contains("overflow"), "{}", e);
    assert!(o.status.code().is_some(), "killed by a signal: {}", e);
}

#[test]
fn missing_file() {
    let d = tmpdir("missing");
    let o = golift(&["build", "nosuch.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nosuch.go: no such file or directory"), "{}", stderr(&o));
}

#[test]
fn empty_file() {
    let d = tmpdir("empty");
    std::fs::write(d.join("e.go"), "").unwrap();
    let o = golift(&["build", "e.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "e.go:1:1: expected 'package', found 'EOF'\n");
}

#[test]
fn non_utf8_source() {
    let d = tmpdir("utf8");
    std::fs::write(d.join("b.go"), b"package main\nfunc main() { println(\"\xff\xfe\") }\n").unwrap();
    let o = golift(&["build", "b.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "b.go:2:24: invalid UTF-8 encoding\n");
}

#[test]
fn unterminated_block() {
    let d = tmpdir("unterm");
    std::fs::write(d.join("u.go"), "package main\n\nfunc main() {\n\tprintln(1)\n").unwrap();
    let o = golift(&["build", "u.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "u.go:5:1: syntax error: unexpected EOF, expecting }\n");
}

#[test]
fn directory_without_go_files() {
    let d = tmpdir("nogo");
    std::fs::write(d.join("README"), "not go").unwrap();
    let o = golift(&["build", "."], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no Go files in ."), "{}", stderr(&o));
}

#[test]
fn ten_thousand_nested_parentheses_compile() {
    let d = tmpdir("parens");
    let src = format!("package main\n\nfunc main() {{\n\tx := {}1{}\n\tprintln(x)\n}}\n", "(".repeat(10_000), ")".repeat(10_000));
    std::fs::write(d.join("p.go"), src).unwrap();
    let o = golift(&["run", "p.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "1\n");
}

#[test]
fn absurd_nesting_is_an_error_not_a_crash() {
    let d = tmpdir("deep");
    let src = format!("package main\n\nfunc main() {{\n\tx := {}1{}\n\tprintln(x)\n}}\n", "(".repeat(1_000_000), ")".repeat(1_000_000));
    std::fs::write(d.join("p.go"), src).unwrap();
    let o = golift(&["build", "p.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("expression nested too deeply"), "{}", stderr(&o));
}

#[test]
fn ten_megabyte_source_compiles() {
    let d = tmpdir("big");
    let mut src = String::from("package main\n\n");
    let mut n = 0;
    while src.len() < 10 << 20 {
        src.push_str(&format!("func f{n}(a, b int) int {{\n\tif a > b {{\n\t\treturn a - b + {n}\n\t}}\n\treturn b*2 + a\n}}\n\n"));
        n += 1;
    }
    src.push_str(&format!("func main() {{\n\tprintln(f0(1, 2), f{}(5, 3))\n}}\n", n - 1));
    std::fs::write(d.join("big.go"), src).unwrap();
    let o = golift(&["run", "big.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), format!("5 {}\n", n + 1));
}

#[test]
fn nothing_is_written_beside_the_sources_by_run() {
    let d = tmpdir("run");
    std::fs::write(d.join("h.go"), "package main\n\nfunc main() { println(\"hi\") }\n").unwrap();
    let o = golift(&["run", "h.go"], &d);
    clean(&o);
    let names: Vec<String> = std::fs::read_dir(&d).unwrap().flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect();
    assert_eq!(names, vec!["h.go".to_string()]);
}

#[test]
fn a_failed_build_keeps_the_old_output() {
    let d = tmpdir("keep");
    std::fs::write(d.join("out"), "precious").unwrap();
    std::fs::write(d.join("x.go"), "package main\n\nfunc main() { undefined() }\n").unwrap();
    let o = golift(&["build", "-o", "out", "x.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(d.join("out")).unwrap(), "precious");
}

#[test]
fn hello_is_a_small_static_executable() {
    let d = tmpdir("static");
    let hello = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/hello.go");
    let o = golift(&["build", "-o", "hello", hello.to_str().unwrap()], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let elf = std::fs::read(d.join("hello")).unwrap();
    assert!(elf.len() <= 64 * 1024, "hello is {} bytes", elf.len());
    assert_eq!(&elf[..4], b"\x7fELF");
    // No PT_INTERP (3) or PT_DYNAMIC (2) program header: statically linked.
    let u16_at = |o: usize| u16::from_le_bytes([elf[o], elf[o + 1]]) as usize;
    let phoff = u64::from_le_bytes(elf[32..40].try_into().unwrap()) as usize;
    let (phentsize, phnum) = (u16_at(54), u16_at(56));
    for i in 0..phnum {
        let p_type = u32::from_le_bytes(elf[phoff + i * phentsize..phoff + i * phentsize + 4].try_into().unwrap());
        assert!(p_type != 2 && p_type != 3, "program header {} has type {}", i, p_type);
    }
    let run = Command::new(d.join("hello")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stderr), "hello, world\n");
}

#[test]
fn unsupported_target_is_refused_with_the_list() {
    let d = tmpdir("target");
    std::fs::write(d.join("h.go"), "package main\n\nfunc main() {}\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_golift")).args(["build", "h.go"]).env("GOOS", "plan9").current_dir(&d).output().unwrap();
    clean(&o);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "golift: unsupported GOOS/GOARCH pair plan9/amd64 (golift supports: darwin/amd64, darwin/arm64, linux/amd64, linux/arm64, windows/amd64)\n");
}

/// A constant block that repeats a long expression (iota's implicit repetition copies its
/// expressions for every name) gives a file more expression ids than it has bytes: the
/// parser then numbers that file from a range of its own (driver.rs `parse_at`).
#[test]
fn implicit_repetition_outgrows_a_files_ids() {
    let d = tmpdir("iota");
    let terms: Vec<String> = (1..=40).map(|k| format!("iota*{}", k)).collect();
    let mut src = format!("package main\n\nconst (\n\tc000 = {}\n", terms.join(" + "));
    for k in 1..200 {
        src.push_str(&format!("\tc{:03}\n", k));
    }
    src.push_str(")\n\nfunc main() { println(c001, c100, c199) }\n");
    assert!(src.len() < 40 * 200, "the file must be shorter than its expressions");
    std::fs::write(d.join("i.go"), &src).unwrap();
    let o = golift(&["build", "-o", "i", "i.go"], &d);
    clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let run = Command::new(d.join("i")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stderr), "820 82000 163180\n");
}
