//! Machine code kept between builds: Cranelift's incremental cache (its
//! `compile_with_cache`) with a directory as its store. Cranelift names each function by a
//! SHA-256 of its IR and the target's settings (the IR's references to other functions and
//! data replaced by numbers of its own, so the same code in another program matches too), and
//! hands back the machine code, relocations, stack maps and frame layout it kept, checked
//! against its own version. The functions of the shipped packages are the same in every
//! build of every program, so a build after an edit compiles only what changed.
//!
//! The entries sit beside the build cache's (compiler/src/cache.rs), as
//! `<dir>/<xx>/<hex>-code`, written to a temporary file and renamed, and trimmed with them.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use cranelift_codegen::incremental_cache::CacheKvStore;

pub struct CodeStore<'a> {
    pub dir: &'a Path,
}

impl CodeStore<'_> {
    fn path(&self, key: &[u8]) -> PathBuf {
        let hex: String = key.iter().map(|b| format!("{:02x}", b)).collect();
        self.dir.join(&hex[..2]).join(format!("{}-code", hex))
    }
}

impl CacheKvStore for CodeStore<'_> {
    fn get(&self, key: &[u8]) -> Option<Cow<'_, [u8]>> {
        std::fs::read(self.path(key)).ok().map(Cow::Owned)
    }

    fn insert(&mut self, key: &[u8], val: Vec<u8>) {
        // Failing to keep code is not an error: the next build compiles it again.
        crate::cache::store_entry(&self.path(key), |tmp| std::fs::write(tmp, val));
    }
}
