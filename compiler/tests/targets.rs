//! The face of cross-compilation: `golift tool dist list`, `os.Args` on every target that
//! runs here (Windows hands a program one command line, which the runtime splits as Go's
//! os package does), and `golift run` of another target's program through
//! `go_$GOOS_$GOARCH_exec`, as with the go command.
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::Runner;

fn golift() -> Command {
    Command::new(env!("CARGO_BIN_EXE_golift"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("golift-targets-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn dist_list_prints_the_supported_pairs() {
    let o = golift().args(["tool", "dist", "list"]).output().unwrap();
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout), "darwin/amd64\ndarwin/arm64\nlinux/amd64\nlinux/arm64\nwindows/amd64\n");
}

const ARGS_PROGRAM: &str = r#"package main

import "os"

func main() {
	println(len(os.Args))
	for _, a := range os.Args[1:] {
		println("[" + a + "]")
	}
	os.Exit(len(os.Args))
}
"#;

/// Arguments with blanks, quotes, backslashes before and away from quotes, an empty one and
/// non-ASCII text arrive unchanged in os.Args, and os.Exit's status comes back.
#[test]
fn os_args_and_exit_status_on_every_target_that_runs_here() {
    let d = tmpdir("args");
    std::fs::write(d.join("args.go"), ARGS_PROGRAM).unwrap();
    let args = ["plain", "two words", "tab\there", "quote\"inside", "back\\slash", "trailing\\", "bs\\\"q", "", "\\\\\"", "ünï €"];
    let mut want = format!("{}\n", args.len() + 1);
    for a in args {
        want.push_str(&format!("[{}]\n", a));
    }
    for (goos, goarch) in [("linux", "amd64"), ("linux", "arm64"), ("windows", "amd64")] {
        let exe = d.join(format!("args-{}-{}{}", goos, goarch, if goos == "windows" { ".exe" } else { "" }));
        let b = golift().args(["build", "-o"]).arg(&exe).arg(d.join("args.go")).env("GOOS", goos).env("GOARCH", goarch).output().unwrap();
        assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
        let runner = Runner::for_target(goos, goarch, "args");
        let r = runner.output(runner.command(&exe).args(args), &exe);
        assert_eq!(String::from_utf8_lossy(&r.stderr), want, "{}/{}", goos, goarch);
        assert_eq!(r.status.code(), Some(args.len() as i32 + 1), "{}/{}", goos, goarch);
    }
}

/// `golift run` of a linux/arm64 program goes through the wrapper in scripts/exec, passes
/// the program's arguments and exits with its status; without a wrapper in $PATH it says
/// what to do; a darwin program cannot run here and golift says so.
#[test]
fn run_goes_through_the_exec_wrapper() {
    let d = tmpdir("run");
    std::fs::write(d.join("args.go"), ARGS_PROGRAM).unwrap();
    let exec_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/exec");
    let path = format!("{}:{}", exec_dir.display(), std::env::var("PATH").unwrap_or_default());
    let o = golift().args(["run", "args.go", "x y", "z"]).current_dir(&d).env("GOARCH", "arm64").env("PATH", &path).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stderr), "3\n[x y]\n[z]\n");
    assert_eq!(o.status.code(), Some(3));

    let o = golift().args(["run", "args.go"]).current_dir(&d).env("GOARCH", "arm64").env("PATH", "/usr/bin:/bin").output().unwrap();
    assert_eq!(o.status.code(), Some(1), "as go run when it cannot start the program");
    let msg = String::from_utf8_lossy(&o.stderr);
    assert!(msg.contains("cannot run a linux/arm64 program on linux/amd64: put an executable go_linux_arm64_exec in $PATH"), "{}", msg);

    let o = golift().args(["run", "args.go"]).current_dir(&d).env("GOOS", "darwin").env("PATH", &path).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing on Linux runs macOS programs"));
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1, "golift run leaves nothing beside the source");
}

/// Messages that come from the operating system (file errors) differ between OSes, so
/// compiler/tests/programs/os_errors.go is built by golift and by Go 1.19 for each target
/// that runs here, both run the same way, and their outputs must be equal: under wine, both
/// get wine's texts for Windows' error numbers.
#[test]
fn os_error_messages_match_go_on_every_target_that_runs_here() {
    if Command::new("go").arg("version").output().is_err() {
        panic!("go is missing: run scripts/test-deps.sh");
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/os_errors.go");
    let d = tmpdir("oserrors");
    for (goos, goarch) in [("linux", "amd64"), ("linux", "arm64"), ("windows", "amd64")] {
        let ext = if goos == "windows" { ".exe" } else { "" };
        let mine = d.join(format!("golift-{}-{}{}", goos, goarch, ext));
        let theirs = d.join(format!("go-{}-{}{}", goos, goarch, ext));
        let b = golift().args(["build", "-o"]).arg(&mine).arg(&src).env("GOOS", goos).env("GOARCH", goarch).output().unwrap();
        assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
        let g = Command::new("go").args(["build", "-o"]).arg(&theirs).arg(&src).env("GOOS", goos).env("GOARCH", goarch).env("CGO_ENABLED", "0").env("GOCACHE", d.join("gocache")).output().unwrap();
        assert!(g.status.success(), "{}", String::from_utf8_lossy(&g.stderr));
        let runner = Runner::for_target(goos, goarch, "oserrors");
        let a = runner.output(runner.command(&mine).current_dir(&d), &mine);
        let b = runner.output(runner.command(&theirs).current_dir(&d), &theirs);
        assert_eq!(String::from_utf8_lossy(&a.stdout), String::from_utf8_lossy(&b.stdout), "{}/{}", goos, goarch);
        assert_eq!(a.status.code(), b.status.code(), "{}/{}", goos, goarch);
    }
}
