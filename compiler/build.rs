//! Generates the parser from the grammar, builds the runtime staticlib (embedded into the
//! compiler, so `golift` is one self-contained binary), and records the Rust sysroot, whose
//! rust-lld links the programs.
use std::path::PathBuf;
use std::process::Command;

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
    let triple = "x86_64-unknown-linux-gnu";
    let target_dir = out.join("rt");
    let mut cmd = Command::new(&cargo);
    cmd.args(["build", "--release", "--quiet", "--target", triple, "--manifest-path"])
        .arg(rt_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir);
    for v in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET", "RUSTC_WRAPPER", "CARGO_MAKEFLAGS", "MAKEFLAGS", "MFLAGS"] {
        cmd.env_remove(v);
    }
    let st = cmd.status().expect("running cargo for the runtime");
    assert!(st.success(), "building the runtime failed");
    let lib = target_dir.join(triple).join("release").join("libgolift_runtime.a");
    println!("cargo:rustc-env=GOLIFT_RUNTIME_LINUX_AMD64={}", lib.display());

    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let sysroot = Command::new(rustc).args(["--print", "sysroot"]).output().expect("rustc --print sysroot");
    let sysroot = String::from_utf8(sysroot.stdout).unwrap().trim().to_string();
    println!("cargo:rustc-env=GOLIFT_SYSROOT={}", sysroot);
}
