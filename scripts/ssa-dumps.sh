#!/usr/bin/env bash
# Regenerates the ssa-dumps/ gallery: the ssa.html of every function of every example.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p golift
rm -rf ssa-dumps
./target/release/golift tool ssadumps ssa-dumps examples/*.go
echo "ssa-dumps/ regenerated: $(find ssa-dumps -name '*.html' | wc -l) pages"
