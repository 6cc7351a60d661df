//! The last stage: rust-lld (the linker that ships with Rust) puts the program's object file
//! and the runtime's archive together into an executable.
//!
//! rust-lld spends its first milliseconds (about 6 of a fmt hello world's 14 here) loading
//! LLVM's shared library, before it reads a single argument. So golift starts it as soon as a
//! build knows it will link (`Link::start`), with every argument already final, and hands it
//! the object through a named pipe in place of the object file: rust-lld starts up on another
//! core while golift parses, checks and compiles, then waits in its read of the pipe until
//! `Link::finish` writes the object into it. The result is the same bytes as linking a file.
//! Where a pipe cannot be made, the object is written to a file and rust-lld started then.
//!
//! The output goes to a temporary file beside the target that is renamed into place, so a
//! failed link never leaves half an executable where the user's file was.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::cache::Cache;
use crate::driver::Failure;
use crate::target::Target;

/// The runtime staticlib for a target (empty if golift was built without it).
pub fn runtime_archive(target: &Target) -> &'static [u8] {
    match (target.goos.as_str(), target.goarch.as_str()) {
        ("linux", "amd64") => include_bytes!(env!("GOLIFT_RUNTIME_LINUX_AMD64")),
        ("linux", "arm64") => include_bytes!(env!("GOLIFT_RUNTIME_LINUX_ARM64")),
        ("windows", "amd64") => include_bytes!(env!("GOLIFT_RUNTIME_WINDOWS_AMD64")),
        ("darwin", "amd64") => include_bytes!(env!("GOLIFT_RUNTIME_DARWIN_AMD64")),
        ("darwin", "arm64") => include_bytes!(env!("GOLIFT_RUNTIME_DARWIN_ARM64")),
        _ => &[],
    }
}

/// The linker's text stub of macOS's libSystem (Darwin targets link against it).
const LIBSYSTEM_TBD: &str = include_str!("../lib/darwin/libSystem.tbd");

fn rust_lld() -> PathBuf {
    let host = "x86_64-unknown-linux-gnu";
    let p = PathBuf::from(env!("GOLIFT_SYSROOT")).join("lib/rustlib").join(host).join("bin/rust-lld");
    if p.exists() {
        return p;
    }
    // The toolchain may have moved: ask rustc.
    if let Ok(o) = Command::new("rustc").args(["--print", "sysroot"]).output() {
        let s = String::from_utf8_lossy(&o.stdout).trim().to_string();
        return PathBuf::from(s).join("lib/rustlib").join(host).join("bin/rust-lld");
    }
    p
}

fn message(e: impl std::fmt::Display) -> Failure {
    Failure::Message(e.to_string())
}

/// A link under way: the linker's arguments, and the linker itself once started.
pub struct Link {
    /// A directory of golift's own for the link's files, removed when the link is dropped.
    dir: PathBuf,
    /// Where the object goes: a named pipe the running linker reads, or a plain file.
    object: PathBuf,
    /// The linker, started early when the object goes through a pipe.
    child: Option<Child>,
    args: Vec<String>,
    /// The linker's output, renamed to `out` when it succeeds.
    tmp: PathBuf,
    out: PathBuf,
    /// What went wrong in `start`, reported by `finish`.
    failed: Option<Failure>,
}

impl Link {
    /// Prepares the link of one object with the target's runtime into `out`, and starts the
    /// linker reading its object from a pipe where it can. What goes wrong here is reported
    /// by `finish`, after the compile errors a build may find first.
    /// The runtime archive is read from `cache` (written there the first time) when there is
    /// one.
    pub fn start(target: &Target, out: &Path, strip: bool, cache: Option<&Cache>) -> Link {
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("golift-{}-{}", std::process::id(), stamp));
        let object = dir.join("main.o");
        let mut link = Link { dir, object, child: None, args: vec![], tmp: crate::cache::temp_beside(out), out: out.to_path_buf(), failed: None };
        if let Err(e) = link.prepare(target, strip, cache) {
            link.failed = Some(e);
        }
        link
    }

    fn prepare(&mut self, target: &Target, strip: bool, cache: Option<&Cache>) -> Result<(), Failure> {
        let archive = runtime_archive(target);
        if archive.is_empty() {
            return Err(Failure::Message(format!(
                "this golift was built without the runtime for {}: run `rustup target add {}` and rebuild golift (scripts/setup.sh does both)",
                target.name(),
                target.runtime_triple()
            )));
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| Failure::Message(format!("creating {}: {}", self.dir.display(), e)))?;
        let rt = match cache.and_then(|c| c.runtime_archive(target, archive)) {
            Some(kept) => kept,
            None => {
                let rt = self.dir.join(if target.goos == "windows" { "golift_runtime.lib" } else { "libgolift_runtime.a" });
                std::fs::write(&rt, archive).map_err(message)?;
                rt
            }
        };
        std::fs::write(self.dir.join("libSystem.tbd"), LIBSYSTEM_TBD).map_err(message)?;
        std::fs::write(self.dir.join("discard.ld"), crate::target::ELF_SCRIPT).map_err(message)?;
        self.args = target.link_args(&[self.object.display().to_string()], &rt.display().to_string(), &self.tmp.display().to_string(), strip, &self.dir.display().to_string());
        if pipe::make(&self.object) {
            self.child = Some(self.spawn(true)?);
        }
        Ok(())
    }

    fn spawn(&self, early: bool) -> Result<Child, Failure> {
        let lld = rust_lld();
        // The linker's messages go to a file: a pipe for them could fill while golift is
        // still compiling and not reading it.
        let err = std::fs::File::create(self.dir.join("lld.stderr")).map_err(message)?;
        let mut cmd = Command::new(&lld);
        cmd.args(&self.args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(err);
        if early {
            // A linker waiting for its object must not outlive a golift that is killed.
            pipe::die_with_parent(&mut cmd);
        }
        cmd.spawn().map_err(|e| Failure::Message(format!("running {}: {}", lld.display(), e)))
    }

    /// Gives the linker the object and waits for the executable.
    pub fn finish(mut self, obj: &[u8]) -> Result<(), Failure> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        let mut child = match self.child.take() {
            Some(mut child) => {
                // A linker that has already stopped (its output will say why) never opens
                // the pipe, so it is opened without waiting, and again until the linker has.
                match pipe::open_writer(&self.object, &mut child) {
                    Ok(Some(mut w)) => {
                        // Writing to a linker that stopped half-way fails (EPIPE) rather than
                        // waits: Rust programs ignore SIGPIPE.
                        let _ = w.write_all(obj);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        // (Dropping the link stops the linker.)
                        self.child = Some(child);
                        return Err(Failure::Message(format!("writing the object to the linker: {}", e)));
                    }
                }
                child
            }
            None => {
                std::fs::write(&self.object, obj).map_err(message)?;
                self.spawn(false)?
            }
        };
        let status = child.wait().map_err(message)?;
        if !status.success() {
            let _ = std::fs::remove_file(&self.tmp);
            let err = std::fs::read(self.dir.join("lld.stderr")).unwrap_or_default();
            return Err(Failure::Message(format!("link failed:\n{}", String::from_utf8_lossy(&err))));
        }
        std::fs::rename(&self.tmp, &self.out).map_err(|e| Failure::Message(format!("writing {}: {}", self.out.display(), e)))
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        // A build that stopped before its link (a compile error) stops the waiting linker.
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
            let _ = std::fs::remove_file(&self.tmp);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Links the object with the runtime into `out` in one go.
pub fn link(obj: &[u8], target: &Target, out: &Path, strip: bool) -> Result<(), Failure> {
    Link::start(target, out, strip, Cache::open().as_ref()).finish(obj)
}

#[cfg(unix)]
mod pipe {
    use std::fs::File;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    use std::path::Path;
    use std::process::Child;

    /// Makes a named pipe at `path`; false if it cannot be made there.
    pub fn make(path: &Path) -> bool {
        let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return false };
        // SAFETY: a valid NUL-terminated path; mkfifo only reads it.
        unsafe { libc::mkfifo(c.as_ptr(), 0o600) == 0 }
    }

    /// Has the kernel kill the child when golift's thread that starts it ends, however it
    /// ends (on Linux; elsewhere a killed golift can leave the linker waiting).
    pub fn die_with_parent(cmd: &mut std::process::Command) {
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: getpid is async-signal-safe.
            let parent = unsafe { libc::getpid() };
            // SAFETY: the closure runs in the child between fork and exec and calls only
            // async-signal-safe functions (prctl, getppid).
            unsafe {
                cmd.pre_exec(move || {
                    if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 || libc::getppid() != parent {
                        return Err(std::io::Error::other("golift ended before its linker started"));
                    }
                    Ok(())
                });
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = cmd;
    }

    /// The pipe's writing end, once `child` has opened it for reading; None if `child`
    /// stopped first.
    pub fn open_writer(path: &Path, child: &mut Child) -> std::io::Result<Option<File>> {
        loop {
            // Opening a pipe's writing end without O_NONBLOCK waits for a reader, forever if
            // the reader has died; with it, ENXIO says there is none yet.
            match std::fs::OpenOptions::new().write(true).custom_flags(libc::O_NONBLOCK).open(path) {
                Ok(f) => {
                    // SAFETY: fcntl on a descriptor this File owns.
                    unsafe {
                        let flags = libc::fcntl(f.as_raw_fd(), libc::F_GETFL);
                        libc::fcntl(f.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK);
                    }
                    return Ok(Some(f));
                }
                Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
                    if child.try_wait()?.is_some() {
                        return Ok(None);
                    }
                    std::thread::sleep(std::time::Duration::from_micros(100));
                }
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(not(unix))]
mod pipe {
    use std::path::Path;
    use std::process::Child;

    pub fn make(_: &Path) -> bool {
        false
    }

    pub fn die_with_parent(_: &mut std::process::Command) {}

    pub fn open_writer(_: &Path, _: &mut Child) -> std::io::Result<Option<std::fs::File>> {
        Ok(None)
    }
}
