//! Nothing on this machine runs a Mach-O executable, so darwin/amd64 and darwin/arm64 are
//! checked by their structure instead: every example is built for both, and llvm-objdump
//! (from rustup's llvm-tools, which scripts/setup.sh installs) must show a 64-bit Mach-O
//! executable for the right CPU, with an LC_MAIN entry point, libSystem as its one library,
//! an LC_BUILD_VERSION for macOS, no text relocations, and, on arm64 (where macOS refuses
//! unsigned code), an ad hoc LC_CODE_SIGNATURE.
use std::path::{Path, PathBuf};
use std::process::Command;

fn objdump() -> PathBuf {
    let sysroot = Command::new("rustc").args(["--print", "sysroot"]).output().expect("rustc");
    let sysroot = String::from_utf8(sysroot.stdout).unwrap();
    let p = Path::new(sysroot.trim()).join("lib/rustlib/x86_64-unknown-linux-gnu/bin/llvm-objdump");
    assert!(p.exists(), "{} is missing: run scripts/setup.sh (rustup component llvm-tools)", p.display());
    p
}

fn objdump_text(args: &[&str], exe: &Path) -> String {
    let o = Command::new(objdump()).args(args).arg(exe).output().unwrap();
    assert!(o.status.success(), "llvm-objdump {:?} {}: {}", args, exe.display(), String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// The problems found in one executable (empty: it is well formed).
fn check_macho(exe: &Path, goarch: &str) -> Vec<String> {
    let mut bad = vec![];
    let header = objdump_text(&["--macho", "--private-header"], exe);
    let cpu = if goarch == "arm64" { "ARM64" } else { "X86_64" };
    let line = header.lines().find(|l| l.trim_start().starts_with("MH_MAGIC")).unwrap_or("");
    let fields: Vec<&str> = line.split_whitespace().collect();
    if fields.first() != Some(&"MH_MAGIC_64") || fields.get(1) != Some(&cpu) || !fields.contains(&"EXECUTE") || !fields.contains(&"PIE") {
        bad.push(format!("header is not a 64-bit {} PIE executable: {:?}", cpu, line));
    }

    let cmds = objdump_text(&["--macho", "--private-headers"], exe);
    let has = |cmd: &str| cmds.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["cmd", cmd]);
    for cmd in ["LC_MAIN", "LC_BUILD_VERSION", "LC_LOAD_DYLINKER"] {
        if !has(cmd) {
            bad.push(format!("no {}", cmd));
        }
    }
    if has("LC_CODE_SIGNATURE") != (goarch == "arm64") {
        bad.push(format!("LC_CODE_SIGNATURE present: {} (wanted only on arm64)", has("LC_CODE_SIGNATURE")));
    }
    let dylibs: Vec<&str> = cmds.lines().filter_map(|l| l.trim().strip_prefix("name ")).filter(|n| !n.starts_with("/usr/lib/dyld")).collect();
    if dylibs.len() != 1 || !dylibs[0].starts_with("/usr/lib/libSystem.B.dylib ") {
        bad.push(format!("loads {:?}, wanted only /usr/lib/libSystem.B.dylib", dylibs));
    }
    if !cmds.contains("platform macos") {
        bad.push("LC_BUILD_VERSION is not for macos".into());
    }
    // No text relocations: __TEXT is never writable, no relocation entries are left for
    // dyld in LC_DYSYMTAB, and nothing is rebased or bound inside __TEXT.
    let mut seg = "";
    for l in cmds.lines() {
        let w: Vec<&str> = l.split_whitespace().collect();
        match w.as_slice() {
            ["segname", s] => seg = s,
            ["maxprot", p] | ["initprot", p] if seg == "__TEXT" && p.contains('w') => bad.push(format!("__TEXT is writable ({})", l.trim())),
            ["nlocrel", n] | ["nextrel", n] if *n != "0" => bad.push(format!("LC_DYSYMTAB has relocations: {}", l.trim())),
            _ => {}
        }
    }
    let fixups = objdump_text(&["--macho", "--rebase", "--bind"], exe);
    if let Some(l) = fixups.lines().find(|l| l.starts_with("__TEXT ")) {
        bad.push(format!("a fixup in __TEXT: {}", l));
    }
    bad
}

#[test]
fn darwin_executables_are_well_formed_mach_o() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("examples")).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "go")).collect();
    files.sort();
    let tmp = std::env::temp_dir().join(format!("golift-darwin-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut failures = vec![];
    for goarch in ["amd64", "arm64"] {
        for f in &files {
            let name = f.file_stem().unwrap().to_string_lossy().to_string();
            for strip in [false, true] {
                let exe = tmp.join(format!("{}-{}-{}", name, goarch, strip));
                let mut b = Command::new(env!("CARGO_BIN_EXE_golift"));
                b.args(["build", "-o"]).arg(&exe);
                if strip {
                    b.arg("-ldflags=-s -w");
                }
                let b = b.arg(f).env("GOOS", "darwin").env("GOARCH", goarch).output().unwrap();
                if !b.status.success() {
                    failures.push(format!("darwin/{} {}: build failed: {}", goarch, name, String::from_utf8_lossy(&b.stderr)));
                    continue;
                }
                for p in check_macho(&exe, goarch) {
                    failures.push(format!("darwin/{} {} (stripped: {}): {}", goarch, name, strip, p));
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The checker is not vacuous: a Linux executable and a darwin/amd64 one checked as arm64
/// are both refused.
#[test]
fn the_mach_o_check_refuses_the_wrong_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let tmp = std::env::temp_dir().join(format!("golift-darwin-neg-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let exe = tmp.join("hello");
    let b = Command::new(env!("CARGO_BIN_EXE_golift")).args(["build", "-o"]).arg(&exe).arg(root.join("examples/hello.go")).env("GOOS", "darwin").env("GOARCH", "amd64").output().unwrap();
    assert!(b.status.success());
    let problems = check_macho(&exe, "arm64");
    assert!(problems.iter().any(|p| p.contains("header is not a 64-bit ARM64")), "{:?}", problems);
    assert!(problems.iter().any(|p| p.contains("LC_CODE_SIGNATURE")), "{:?}", problems);
    let _ = std::fs::remove_dir_all(&tmp);
}
