//! Diagnostics, one file per error class in `tests/diagnostics/`: golift's output must equal
//! gc 1.19's, checked in beside each file as `.gc` (made with `go build`). Constructs golift
//! does not support yet have no gc counterpart; their messages are an insta snapshot.
use std::path::Path;
use std::process::Command;

fn build(dir: &Path, file: &str) -> (Option<i32>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_golift"))
        .args(["build", "-o", &std::env::temp_dir().join(format!("golift-diag-{}", std::process::id())).display().to_string(), file])
        .current_dir(dir)
        .output()
        .unwrap();
    (o.status.code(), String::from_utf8_lossy(&o.stderr).to_string())
}

#[test]
fn diagnostics_match_gc() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/diagnostics");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".go") && dir.join(n.replace(".go", ".gc")).exists())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "expected at least 10 error classes");
    let mut failures = vec![];
    for f in &files {
        let want = std::fs::read_to_string(dir.join(f.replace(".go", ".gc"))).unwrap();
        let (code, got) = build(&dir, f);
        if code != Some(2) || got != want {
            failures.push(format!("{} (exit {:?}):\n--- golift\n{}--- gc\n{}", f, code, got, want));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unsupported_constructs_are_reported_not_crashed_on() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/diagnostics");
    let (code, got) = build(&dir, "unsupported.go");
    assert_eq!(code, Some(2));
    insta::assert_snapshot!(got);
}
