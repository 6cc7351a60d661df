#!/usr/bin/env bash
# Sets up what golift itself needs on a fresh machine with rustup, and builds it: the Rust
# standard libraries of the five targets (the runtime is built for each and embedded in the
# compiler, so golift cross-compiles with no C toolchain) and llvm-tools (rust-lld's
# companions). What only the tests need is in scripts/test-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add aarch64-unknown-linux-gnu x86_64-pc-windows-msvc x86_64-apple-darwin aarch64-apple-darwin >/dev/null 2>&1 \
  || echo "setup: could not add every rustup target; golift will refuse the targets it lacks" >&2
rustup component add llvm-tools >/dev/null 2>&1 || true
cargo build --release -p golift
