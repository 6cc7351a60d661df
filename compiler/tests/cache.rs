//! The build cache (compiler/src/cache.rs): a build whose golift, target, code-changing flags
//! and sources are those of an earlier build gets that build's executable; any change to
//! them builds again; builds that print (`-m`) do not use it; `GOLIFTCACHE=off` turns it off.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("golift-cache-{}-{}", name, std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn golift(cache: &str, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_golift"));
    c.current_dir(dir).args(args).env("GOLIFTCACHE", cache).env_remove("GOOS").env_remove("GOARCH").env_remove("GOLIFT_TIMES").env_remove("GOLIFT_LIB");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn build(cache: &Path, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let o = golift(&cache.display().to_string(), dir, args, env);
    assert!(o.status.success(), "golift {:?}: {}", args, String::from_utf8_lossy(&o.stderr));
    o
}

fn run(exe: &Path) -> String {
    let o = Command::new(exe).output().unwrap();
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The executables kept in the cache.
fn entries(cache: &Path) -> Vec<PathBuf> {
    kept(cache, "-exe")
}

/// The cache's files whose names end in `suffix` (`-exe`, or `-code` for compiled functions).
fn kept(cache: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut v = vec![];
    for d in std::fs::read_dir(cache).into_iter().flatten().flatten().filter(|d| d.path().is_dir()) {
        v.extend(std::fs::read_dir(d.path()).unwrap().flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(suffix)));
    }
    v.sort();
    v
}

fn program(text: &str) -> String {
    format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n\tfmt.Println({:?})\n}}\n", text)
}

#[test]
fn same_build_is_copied_from_the_cache() {
    let d = Dir::new("hit");
    let cache = d.0.join("cache");
    std::fs::write(d.0.join("a.go"), program("first")).unwrap();
    std::fs::write(d.0.join("b.go"), program("second")).unwrap();
    build(&cache, &d.0, &["build", "-o", "a", "a.go"], &[]);
    build(&cache, &d.0, &["build", "-o", "b", "b.go"], &[]);
    assert_eq!(run(&d.0.join("a")), "first\n");
    let kept = entries(&cache);
    assert_eq!(kept.len(), 2, "{:?}", kept);

    // Which entry is a.go's: the one equal to its executable. Putting b's executable in its
    // place shows that the next build of a.go copies the entry rather than compiling.
    let a_bytes = std::fs::read(d.0.join("a")).unwrap();
    let a_entry = kept.iter().find(|e| std::fs::read(e).unwrap() == a_bytes).expect("a.go's executable is kept").clone();
    std::fs::copy(d.0.join("b"), &a_entry).unwrap();
    build(&cache, &d.0, &["build", "-o", "a", "a.go"], &[]);
    assert_eq!(run(&d.0.join("a")), "second\n", "the same build comes from the cache");

    // A changed source builds again (and is kept beside the old build).
    std::fs::write(d.0.join("a.go"), program("changed")).unwrap();
    build(&cache, &d.0, &["build", "-o", "a", "a.go"], &[]);
    assert_eq!(run(&d.0.join("a")), "changed\n");
    assert_eq!(entries(&cache).len(), 3);

    // So do other code-changing flags and another target, each with an entry of its own.
    build(&cache, &d.0, &["build", "-ldflags=-s -w", "-o", "a", "a.go"], &[]);
    assert_eq!(run(&d.0.join("a")), "changed\n");
    build(&cache, &d.0, &["build", "-gcflags=-l", "-o", "a", "a.go"], &[]);
    build(&cache, &d.0, &["build", "-o", "a.exe", "a.go"], &[("GOOS", "windows"), ("GOARCH", "amd64")]);
    assert_eq!(&std::fs::read(d.0.join("a.exe")).unwrap()[..2], b"MZ");
    assert_eq!(entries(&cache).len(), 6);

    // A file's name is part of the build (positions in tracebacks show it).
    std::fs::copy(d.0.join("a.go"), d.0.join("c.go")).unwrap();
    build(&cache, &d.0, &["build", "-o", "c", "c.go"], &[]);
    assert_eq!(entries(&cache).len(), 7);

    // `golift run` uses the cache too.
    let o = build(&cache, &d.0, &["run", "c.go"], &[]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "changed\n");
    assert_eq!(entries(&cache).len(), 7);
}

#[test]
fn builds_that_print_do_not_use_the_cache() {
    let d = Dir::new("print");
    let cache = d.0.join("cache");
    std::fs::write(d.0.join("p.go"), "package main\n\nfunc main() {\n\tx := new(int)\n\tprintln(*x)\n}\n").unwrap();
    build(&cache, &d.0, &["build", "-o", "p", "p.go"], &[]);
    for _ in 0..2 {
        let o = build(&cache, &d.0, &["build", "-gcflags=-m", "-o", "p", "p.go"], &[]);
        assert_eq!(String::from_utf8_lossy(&o.stderr), "p.go:3:6: can inline main\np.go:4:10: new(int) does not escape\n");
    }
    let o = build(&cache, &d.0, &["build", "-o", "p", "p.go"], &[("GOLIFT_TIMES", "1")]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("golift: link"));
    assert_eq!(entries(&cache).len(), 1);
}

#[test]
fn off_keeps_nothing_and_failures_are_not_kept() {
    let d = Dir::new("off");
    std::fs::write(d.0.join("a.go"), program("x")).unwrap();
    let o = golift("off", &d.0, &["build", "-o", "a", "a.go"], &[]);
    assert!(o.status.success());
    assert!(!d.0.join("off").exists());

    let cache = d.0.join("cache");
    std::fs::write(d.0.join("bad.go"), "package main\n\nfunc main() {\n\tx := 1\n}\n").unwrap();
    for _ in 0..2 {
        let o = golift(&cache.display().to_string(), &d.0, &["build", "-o", "bad", "bad.go"], &[]);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&o.stderr), "bad.go:4:2: x declared but not used\n");
    }
    assert!(entries(&cache).is_empty());
    assert!(!d.0.join("bad").exists());
}

/// Compiled functions are kept too (compiler/src/codegen/codecache.rs): a build after an edit
/// takes the unchanged functions' code from the cache, and its executable is byte for byte
/// the one a build without the cache makes, on each target; a damaged entry is compiled again.
#[test]
fn compiled_functions_are_reused_after_an_edit() {
    let d = Dir::new("code");
    let cache = d.0.join("cache");
    let src = |n: u32| format!("package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\ntype node struct {{\n\tnext *node\n\tv    int\n}}\n\nfunc main() {{\n\tvar l *node\n\tfor i := 0; i < 100000; i++ {{\n\t\tl = &node{{l, i}}\n\t\tif i%10000 == 0 {{\n\t\t\truntime.GC()\n\t\t}}\n\t}}\n\ts := 0\n\tfor n := l; n != nil; n = n.next {{\n\t\ts += n.v\n\t}}\n\tfmt.Println(s, {})\n}}\n", n);
    for (goos, goarch, exe) in [("linux", "amd64", "g"), ("linux", "arm64", "g-arm64"), ("windows", "amd64", "g.exe")] {
        let env = [("GOOS", goos), ("GOARCH", goarch)];
        std::fs::write(d.0.join("g.go"), src(1)).unwrap();
        build(&cache, &d.0, &["build", "-o", exe, "g.go"], &env);
        let code = kept(&cache, "-code");
        assert!(code.len() > 30, "{}/{}: {} functions kept", goos, goarch, code.len());
        // The edit changes main.main only: no other function is compiled again.
        std::fs::write(d.0.join("g.go"), src(2)).unwrap();
        build(&cache, &d.0, &["build", "-o", exe, "g.go"], &env);
        let after = kept(&cache, "-code");
        assert!(after.len() <= code.len() + 1, "{}/{}: {} functions kept after the edit, {} before", goos, goarch, after.len(), code.len());
        let with = std::fs::read(d.0.join(exe)).unwrap();
        let o = golift("off", &d.0, &["build", "-o", "plain", "g.go"], &env);
        assert!(o.status.success());
        assert!(with == std::fs::read(d.0.join("plain")).unwrap(), "{}/{}: the executable differs with cached code", goos, goarch);
    }
    assert_eq!(run(&d.0.join("g")), "4999950000 2\n");
    // Damaged entries are compiled again.
    for e in kept(&cache, "-code") {
        std::fs::write(&e, b"not code").unwrap();
    }
    std::fs::write(d.0.join("g.go"), src(3)).unwrap();
    build(&cache, &d.0, &["build", "-o", "g", "g.go"], &[]);
    assert_eq!(run(&d.0.join("g")), "4999950000 3\n");
}
