#!/usr/bin/env bash
# The whole test suite (what CI runs): set up golift, install what the tests need, run every
# test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-deps.sh
cargo test --release --workspace 2>&1
