#!/usr/bin/env bash
# Writes tests/inline/gc_costs.txt: the inlining cost gc (Go 1.19) gives each function of the
# programs in examples/ and tests/stdlib/, from its -gcflags=-m=2 ("can inline f with cost N",
# "cannot inline f: function too complex: cost N exceeds budget 80"). compiler/tests/
# inline_cost.rs compares golift's costs with these. Usage: scripts/gc-costs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "go (Go 1.19) is needed: run scripts/setup.sh" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=tests/inline/gc_costs.txt
{
  echo "# program line function cost: gc 1.19's inlining costs (scripts/gc-costs.sh writes this file)"
  for f in examples/*.go tests/stdlib/*.go; do
    name=$(basename "$f" .go)
    cp "$f" "$tmp/main.go"
    (cd "$tmp" && go build -gcflags=-m=2 -o /dev/null main.go 2>&1 || true) |
      sed -nE 's/^\.\/main\.go:([0-9]+):[0-9]+: (can inline ([^ ]+) with cost ([0-9]+) as:.*|cannot inline ([^ :]+): function too complex: cost ([0-9]+) .*)$/\1 \3\5 \4\6/p' |
      sort -n -k1,1 -s | uniq | sed "s|^|$name |"
  done
} >"$out"
echo "wrote $out ($(grep -vc '^#' "$out") functions)"
