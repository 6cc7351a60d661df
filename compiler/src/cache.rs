//! The build cache: finished executables kept under an action ID, as the go command keeps its
//! build results, so that building a program that has not changed costs a few file reads
//! instead of the whole pipeline.
//!
//! An action ID is a SHA-256 over everything a build's output depends on: this golift (its
//! executable's path, size and modification time: rebuilding golift changes all IDs, and the
//! shipped packages and runtimes are inside it), the target, the flags that change the code
//! (`-ldflags=-s -w`, `-l`, `-N`, passes turned off), and every source file's name and
//! contents. A build whose flags print something (`-m`, dumps, `GOSSAFUNC`, `GOLIFT_TIMES`) or
//! that reads packages from `GOLIFT_LIB` does not use the cache of executables; it still uses
//! the compiled functions kept beside it (`codegen/codecache.rs`), named by their IR.
//!
//! The cache lives in `$GOLIFTCACHE`, else `$XDG_CACHE_HOME/golift`, else `~/.cache/golift`;
//! `GOLIFTCACHE=off` turns it off. Entries are written to a temporary file and renamed, so a
//! build stopped halfway leaves no half entry; entries unused for five days are removed (once a
//! day, by the next build that stores one), as go trims its cache. The runtime archives the
//! linker reads are kept there too (`rt/`, one per golift executable and target).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use crate::target::Target;

/// How long an unused entry is kept, and how often the cache is trimmed.
const KEEP: Duration = Duration::from_secs(5 * 24 * 3600);
const TRIM_EVERY: Duration = Duration::from_secs(24 * 3600);
/// An entry used again is marked used at most this often (a write per hit would be wasted).
const MARK_USED: Duration = Duration::from_secs(3600);

pub struct Cache {
    dir: PathBuf,
}

/// The hex SHA-256 naming one build's output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionId(String);

impl Cache {
    /// The user's cache, or None when it is turned off or there is nowhere to put it.
    pub fn open() -> Option<Cache> {
        let dir = match std::env::var_os("GOLIFTCACHE").filter(|v| !v.is_empty()) {
            Some(v) if v == "off" => return None,
            Some(v) => PathBuf::from(v),
            None => match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
                Some(x) => PathBuf::from(x).join("golift"),
                None => PathBuf::from(std::env::var_os("HOME").filter(|v| !v.is_empty())?).join(".cache").join("golift"),
            },
        };
        std::fs::create_dir_all(&dir).ok()?;
        Some(Cache { dir })
    }

    /// The cache's directory (compiled functions are kept there too: codegen/codecache.rs).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry(&self, id: &ActionId) -> PathBuf {
        self.dir.join(&id.0[..2]).join(format!("{}-exe", id.0))
    }

    /// Copies the executable kept under `id` to `out` (through a temporary file renamed into
    /// place). False when there is none.
    pub fn get(&self, id: &ActionId, out: &Path) -> bool {
        let entry = self.entry(id);
        let Ok(meta) = std::fs::metadata(&entry) else { return false };
        let tmp = temp_beside(out);
        if std::fs::copy(&entry, &tmp).is_err() || std::fs::rename(&tmp, out).is_err() {
            let _ = std::fs::remove_file(&tmp);
            return false;
        }
        let now = SystemTime::now();
        if meta.modified().map_or(true, |m| now.duration_since(m).unwrap_or_default() > MARK_USED) {
            if let Ok(f) = std::fs::File::options().append(true).open(&entry) {
                let _ = f.set_modified(now);
            }
        }
        true
    }

    /// Keeps a copy of the executable `built` under `id`. Failing to is not an error: the
    /// build has succeeded, and the next one builds again.
    pub fn put(&self, id: &ActionId, built: &Path) {
        if store_entry(&self.entry(id), |tmp| std::fs::copy(built, tmp).map(|_| ())) {
            self.trim();
        }
    }

    /// Removes the entries unused for `KEEP`, at most once per `TRIM_EVERY`.
    fn trim(&self) {
        let marker = self.dir.join("trim.txt");
        let now = SystemTime::now();
        let last = std::fs::read_to_string(&marker).ok().and_then(|s| s.trim().parse::<u64>().ok()).map(|s| SystemTime::UNIX_EPOCH + Duration::from_secs(s));
        if last.map_or(false, |l| now.duration_since(l).unwrap_or_default() < TRIM_EVERY) {
            return;
        }
        let secs = now.duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let _ = std::fs::write(&marker, format!("{}\n", secs));
        let Ok(subdirs) = std::fs::read_dir(&self.dir) else { return };
        for d in subdirs.flatten().filter(|d| d.path().is_dir()) {
            let Ok(entries) = std::fs::read_dir(d.path()) else { continue };
            for e in entries.flatten() {
                let old = e.metadata().and_then(|m| m.modified()).map_or(true, |m| now.duration_since(m).unwrap_or_default() > KEEP);
                if old {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
}

/// Writes a cache entry at `path` with `write`, which is given a temporary file beside it
/// that is then renamed into place: a reader never sees half an entry, and a failure leaves
/// nothing behind. Whether it was stored.
pub fn store_entry(path: &Path, write: impl FnOnce(&Path) -> std::io::Result<()>) -> bool {
    let Some(parent) = path.parent() else { return false };
    if std::fs::create_dir_all(parent).is_err() {
        return false;
    }
    let name = path.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let tmp = parent.join(format!(".{}-{}.tmp", name, std::process::id()));
    if write(&tmp).is_err() || std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return false;
    }
    true
}

impl Cache {
    /// The runtime archive for `target` as a file the linker can read: kept in the cache,
    /// one per golift executable and target (it is inside golift, and 4 to 5 MB: writing it
    /// out for every link took a few milliseconds). None if it cannot be kept.
    pub fn runtime_archive(&self, target: &Target, archive: &[u8]) -> Option<PathBuf> {
        let id = golift_id()?;
        let ext = if target.goos == "windows" { "lib" } else { "a" };
        let path = self.dir.join("rt").join(format!("{}-{}-{}.{}", &id[..16], target.goos, target.goarch, ext));
        if let Ok(meta) = std::fs::metadata(&path) {
            if meta.len() == archive.len() as u64 {
                // Used: the daily trim keeps it.
                if meta.modified().map_or(true, |m| SystemTime::now().duration_since(m).unwrap_or_default() > MARK_USED) {
                    if let Ok(f) = std::fs::File::options().append(true).open(&path) {
                        let _ = f.set_modified(SystemTime::now());
                    }
                }
                return Some(path);
            }
        }
        store_entry(&path, |tmp| std::fs::write(tmp, archive)).then_some(path)
    }
}

/// A hex SHA-256 naming this golift executable (its version, path, size and modification
/// time): rebuilding golift changes it.
fn golift_id() -> Option<String> {
    let mut h = Sha256::new();
    golift_fields(&mut h)?;
    Some(h.finalize().iter().map(|b| format!("{:02x}", b)).collect())
}

fn field(h: &mut Sha256, b: &[u8]) {
    h.update((b.len() as u64).to_le_bytes());
    h.update(b);
}

fn golift_fields(h: &mut Sha256) -> Option<()> {
    field(h, env!("CARGO_PKG_VERSION").as_bytes());
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let mtime = meta.modified().ok()?.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_nanos();
    field(h, exe.to_string_lossy().as_bytes());
    field(h, &meta.len().to_le_bytes());
    field(h, &mtime.to_le_bytes());
    Some(())
}

/// `.<name>.golift-tmp` in `out`'s directory: written first, then renamed to `out`.
pub fn temp_beside(out: &Path) -> PathBuf {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parent.join(format!(".{}.golift-tmp", out.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default()))
}

/// The action ID of building `files` for `target` with `flags` (the code-changing flags,
/// written out by the caller). None when a file cannot be read (the build then reports it) or
/// golift cannot find its own executable.
pub fn action_id(files: &[PathBuf], target: &Target, flags: &str) -> Option<ActionId> {
    let mut h = Sha256::new();
    field(&mut h, b"golift action 1");
    golift_fields(&mut h)?;
    field(&mut h, target.name().as_bytes());
    field(&mut h, flags.as_bytes());
    for f in files {
        // The name as the program will show it (positions in panics and tracebacks).
        field(&mut h, f.display().to_string().as_bytes());
        field(&mut h, &std::fs::read(f).ok()?);
    }
    let digest = h.finalize();
    Some(ActionId(digest.iter().map(|b| format!("{:02x}", b)).collect()))
}
