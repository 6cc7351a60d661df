//! Real-world check of the parser: every .go file under the Go 1.19 source tree parses without
//! a syntax error (files under testdata/, many of which are broken on purpose, are skipped).
use golift::source::{Diagnostics, SourceMap};
use golift::syntax::parser::parse_file;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().map_or(false, |n| n == "testdata") {
                continue;
            }
            collect(&p, out);
        } else if p.extension().map_or(false, |x| x == "go") {
            out.push(p);
        }
    }
}

#[test]
fn parses_the_whole_go_std_library() {
    // The compiler runs on a thread with a large stack (as the driver does): some std files
    // hold very long expression chains.
    std::thread::Builder::new().stack_size(1 << 30).spawn(run).unwrap().join().unwrap();
}

fn run() {
    let root = Path::new("/usr/lib/go-1.19/src");
    assert!(root.is_dir(), "{} is missing: run scripts/setup.sh (package golang-1.19-src)", root.display());
    let mut files = vec![];
    collect(root, &mut files);
    files.sort();
    assert!(files.len() > 4000, "only {} files found", files.len());
    let mut failures = vec![];
    for f in &files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(_) => continue, // not UTF-8: not Go source
        };
        let mut sm = SourceMap::new();
        let fi = sm.add(&f.display().to_string(), text);
        let mut diags = Diagnostics::default();
        let mut id = 0;
        let src = sm.files[fi].text.clone();
        let res = parse_file(&src, sm.files[fi].base, &mut id, &mut diags);
        if res.is_none() || !diags.is_empty() {
            failures.push(diags.render(&sm));
        }
    }
    assert!(failures.is_empty(), "{} of {} files failed:\n{}", failures.len(), files.len(), failures.join(""));
}
