#!/usr/bin/env bash
# Regenerates compiler/lib/unicode/tables.go, the data of golift's package unicode, with
# scripts/genunicode run by Go 1.19: it asks Go's package unicode about every rune and checks
# its own output against it. Usage: scripts/gen-unicode.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "go (Go 1.19) is needed: run scripts/setup.sh" >&2; exit 1; }
case "$(go env GOVERSION)" in
  go1.19*) ;;
  *) echo "gen-unicode.sh: Go 1.19 is needed (its Unicode 13.0 tables), not $(go env GOVERSION)" >&2; exit 1 ;;
esac
GO111MODULE=off go run ./scripts/genunicode -o compiler/lib/unicode/tables.go
