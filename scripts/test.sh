#!/usr/bin/env bash
# The whole test suite (what CI runs): set up, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo test --release --workspace 2>&1
