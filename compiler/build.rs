//! Generates the parser from the grammar, builds the runtime staticlib for every target
//! (embedded into the compiler, so `golift` is one self-contained binary that cross-compiles),
//! records the Rust sysroot, whose rust-lld links the programs, and lists the Go packages
//! shipped in `lib/` (each directory an import path) for `driver.rs` to embed.
use std::path::PathBuf;
use std::process::Command;

/// (name of the env var suffix, Rust triple, archive file name).
const TARGETS: &[(&str, &str, &str)] = &[
    ("LINUX_AMD64", "x86_64-unknown-linux-gnu", "libgolift_runtime.a"),
    ("LINUX_ARM64", "aarch64-unknown-linux-gnu", "libgolift_runtime.a"),
    ("WINDOWS_AMD64", "x86_64-pc-windows-msvc", "golift_runtime.lib"),
    ("DARWIN_AMD64", "x86_64-apple-darwin", "libgolift_runtime.a"),
    ("DARWIN_ARM64", "aarch64-apple-darwin", "libgolift_runtime.a"),
];

fn main() {
    // Printing any rerun-if-changed turns off cargo's default of rerunning on every change
    // in the package, so the grammar is named too.
    println!("cargo:rerun-if-changed=src/syntax/go.lalrpop");
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .process()
        .expect("lalrpop grammar");

    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rt_dir = manifest.join("../runtime");
    println!("cargo:rerun-if-changed={}", rt_dir.join("src").display());
    println!("cargo:rerun-if-changed={}", rt_dir.join("Cargo.toml").display());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // The five builds run at once, each in a target directory of its own.
    let children: Vec<_> = TARGETS
        .iter()
        .map(|(name, triple, _)| {
            let target_dir = out.join("rt").join(triple);
            let mut cmd = Command::new(&cargo);
            cmd.args(["build", "--release", "--quiet", "--target", triple, "--manifest-path"])
                .arg(rt_dir.join("Cargo.toml"))
                .arg("--target-dir")
                .arg(&target_dir);
            for v in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET", "RUSTC_WRAPPER", "CARGO_MAKEFLAGS", "MAKEFLAGS", "MFLAGS"] {
                cmd.env_remove(v);
            }
            // Every runtime function keeps a frame record, so that the collector can walk
            // from its own frame through the runtime's to the Go frames (runtime/src/gc/stack.rs).
            // On arm64 Linux, atomics are inline load-exclusive/store-exclusive loops (every
            // ARMv8 core has them): Rust's default there calls out-of-line helpers that pick
            // LSE instructions at start-up through libc's getauxval, which a static program
            // without libc does not have.
            let flags = if triple.starts_with("aarch64") && triple.contains("linux") {
                "-Cforce-frame-pointers=yes\x1f-Ctarget-feature=-outline-atomics"
            } else {
                "-Cforce-frame-pointers=yes"
            };
            cmd.env("CARGO_ENCODED_RUSTFLAGS", flags);
            (name, triple, target_dir, cmd.spawn().expect("running cargo for the runtime"))
        })
        .collect();
    for ((name, triple, target_dir, mut child), (_, _, file)) in children.into_iter().zip(TARGETS) {
        let ok = child.wait().map(|s| s.success()).unwrap_or(false);
        let lib = target_dir.join(triple).join("release").join(file);
        if ok && lib.exists() {
            println!("cargo:rustc-env=GOLIFT_RUNTIME_{}={}", name, lib.display());
        } else {
            // Without this target's Rust standard library the runtime cannot be built; golift
            // then refuses the target with the command that fixes it.
            assert!(*name != "LINUX_AMD64", "building the runtime for the host failed");
            println!("cargo:warning=no runtime for {} (rustup target add {}): golift will not build for it", triple, triple);
            let empty = out.join(format!("missing-runtime-{}", triple));
            std::fs::write(&empty, b"").unwrap();
            println!("cargo:rustc-env=GOLIFT_RUNTIME_{}={}", name, empty.display());
        }
    }

    shipped_packages(&manifest, &out);

    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let sysroot = Command::new(rustc).args(["--print", "sysroot"]).output().expect("rustc --print sysroot");
    let sysroot = String::from_utf8(sysroot.stdout).unwrap().trim().to_string();
    println!("cargo:rustc-env=GOLIFT_SYSROOT={}", sysroot);
    // rustup rewrites this list when a target is added (`rustup target add`, as
    // scripts/setup.sh does): the runtimes are then built again, also for a golift built
    // before the target was there.
    let components = PathBuf::from(&sysroot).join("lib/rustlib/components");
    if components.exists() {
        println!("cargo:rerun-if-changed={}", components.display());
    }
}

/// Writes `$OUT_DIR/shipped.rs`: `SHIPPED`, every `.go` file under `lib/` as (import path,
/// file name, source), sorted, so that a new package or file needs no change to the driver.
fn shipped_packages(manifest: &std::path::Path, out: &std::path::Path) {
    let lib = manifest.join("lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut files = vec![];
    let mut dirs = vec![lib.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().map_or(false, |x| x == "go") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut src = String::from("/// The Go packages shipped inside golift: (import path, file name, source).\npub const SHIPPED: &[(&str, &str, &str)] = &[\n");
    for f in files {
        let rel = f.strip_prefix(&lib).unwrap();
        let pkg = rel.parent().unwrap().to_string_lossy().replace('\\', "/");
        src.push_str(&format!("    ({:?}, {:?}, include_str!({:?})),\n", pkg, format!("lib/{}", rel.to_string_lossy().replace('\\', "/")), f.display().to_string()));
    }
    src.push_str("];\n");
    std::fs::write(out.join("shipped.rs"), src).unwrap();
}
