#!/usr/bin/env bash
# The whole test suite (what CI runs): set up golift, install what the tests need, run every
# test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-deps.sh
# The suite's builds use a build cache of their own, removed afterwards (not the user's).
if [ -z "${GOLIFTCACHE:-}" ]; then
    GOLIFTCACHE="$(mktemp -d -t golift-cache.XXXXXX)"
    export GOLIFTCACHE
    trap 'rm -rf "$GOLIFTCACHE"' EXIT
fi
cargo test --release --workspace 2>&1
