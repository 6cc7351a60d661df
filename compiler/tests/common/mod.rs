//! What the program tests share: how an executable of each target is run on this machine.
//! linux/amd64 runs natively, linux/arm64 under qemu-aarch64, windows/amd64 under wine
//! (scripts/test-deps.sh installs both; scripts/exec holds the same as `go_*_exec` wrappers).
#![allow(dead_code)]
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How a target's executables are run here.
pub enum Runner {
    Native,
    Qemu,
    /// wine, with a prefix of its own and a wineserver kept up while the test runs.
    Wine(Wine),
}

impl Runner {
    /// The runner for GOOS/GOARCH; `tag` names the wine prefix (one per test).
    pub fn for_target(goos: &str, goarch: &str, tag: &str) -> Runner {
        match (goos, goarch) {
            ("linux", "amd64") => Runner::Native,
            ("linux", "arm64") => {
                assert!(Command::new("qemu-aarch64").arg("--version").output().is_ok(), "qemu-aarch64 is missing: run scripts/test-deps.sh");
                Runner::Qemu
            }
            ("windows", "amd64") => Runner::Wine(Wine::start(&std::env::temp_dir().join(format!("golift-wine-{}-{}", tag, std::process::id())))),
            _ => panic!("{}/{} cannot run on this machine", goos, goarch),
        }
    }

    /// Runs `cmd` (made by `command` for `exe`) to completion. wine itself fails a run now and
    /// then on a loaded machine: status 1 and no output at all, which golift's runtime never
    /// gives (a Go panic exits 2, with a message). Under wine such a run is made once more,
    /// with a note in the log, so that a flaky program still shows up there.
    pub fn output(&self, cmd: &mut Command, exe: &Path) -> std::process::Output {
        let r = cmd.output().unwrap_or_else(|e| panic!("running {}: {}", exe.display(), e));
        if matches!(self, Runner::Wine(_)) && r.status.code() == Some(1) && r.stdout.is_empty() && r.stderr.is_empty() {
            let again = cmd.output().unwrap_or_else(|e| panic!("running {}: {}", exe.display(), e));
            eprintln!("note: {} exited with status 1 and no output under wine; rerun: status {:?}", exe.display(), again.status.code());
            return again;
        }
        r
    }

    pub fn command(&self, exe: &Path) -> Command {
        match self {
            Runner::Native => Command::new(exe),
            Runner::Qemu => {
                let mut c = Command::new("qemu-aarch64");
                c.arg(exe);
                c
            }
            Runner::Wine(w) => {
                let mut c = Command::new("wine");
                c.arg(exe).env("WINEPREFIX", &w.prefix).env("WINEDEBUG", "-all");
                c
            }
        }
    }
}

/// A wine prefix made for the test (its first use prints wine's own set-up messages, so it
/// is made before any program runs) and a wineserver kept up, which takes a run from about
/// 0.4 s to a few hundredths of one; both go when the test ends.
pub struct Wine {
    prefix: PathBuf,
}

impl Wine {
    /// The server starts first, then one program, all with no standard streams: the
    /// services wine starts with its first program (and keeps running) inherit that
    /// program's streams, and a test that waits for the end of a program's output would
    /// wait for them forever.
    pub fn start(prefix: &Path) -> Wine {
        std::fs::create_dir_all(prefix).unwrap();
        let quiet = |c: &mut Command| c.env("WINEPREFIX", prefix).env("WINEDEBUG", "-all").stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).status();
        // Making a prefix on a loaded machine can fail once: try again before giving up.
        let ok = (0..3).any(|_| {
            let _ = quiet(Command::new("wineserver").arg("-p"));
            quiet(Command::new("wine").args(["cmd", "/c", "exit"])).map(|s| s.success()).unwrap_or(false)
        });
        assert!(ok, "wine does not run (run scripts/test-deps.sh)");
        Wine { prefix: prefix.to_path_buf() }
    }
}

impl Drop for Wine {
    fn drop(&mut self) {
        let _ = Command::new("wineserver").arg("-k").env("WINEPREFIX", &self.prefix).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).status();
        let _ = std::fs::remove_dir_all(&self.prefix);
    }
}
