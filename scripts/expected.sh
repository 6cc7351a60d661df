#!/usr/bin/env bash
# Regenerates the expected output of examples with real Go 1.19: tests/examples/NAME.stdout,
# NAME.stderr (up to gc's goroutine trace, with the faulting pc of a signal zeroed, since
# neither is reproducible) and NAME.code. For programs outside examples/ (tests/stdlib/),
# the files go beside the program. Usage: scripts/expected.sh [examples/NAME.go ...]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "go (Go 1.19) is needed: run scripts/setup.sh" >&2; exit 1; }
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(examples/*.go)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "${files[@]}"; do
  name=$(basename "$f" .go)
  out=tests/examples
  case "$f" in examples/*) ;; *) out=$(dirname "$f") ;; esac
  go build -o "$tmp/$name" "$f"
  set +e
  "$tmp/$name" >"$out/$name.stdout" 2>"$tmp/err" </dev/null
  echo $? >"$out/$name.code"
  set -e
  python3 - "$tmp/err" "$out/$name.stderr" <<'PY'
import re, sys
err = open(sys.argv[1], encoding="utf-8", errors="replace").read()
cuts = [i for i in (err.find("\ngoroutine "), err.find("\nruntime stack:\n")) if i >= 0]
if cuts:
    err = err[:min(cuts) + 1]
err = re.sub(r"pc=0x[0-9a-f]+", "pc=0x0", err)
err = re.sub(r"runtime: sp=0x[^\n]*", "runtime: sp=0x0 stack=[0x0, 0x0]", err)
open(sys.argv[2], "w").write(err)
PY
  echo "$name: exit $(cat "$out/$name.code")"
done
