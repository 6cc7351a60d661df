#!/usr/bin/env bash
# Installs what only the tests need (Debian packages): Go 1.19 and its sources (the reference
# for behaviour and the spec tests), Chromium (the ssa.html browser test), qemu-user (runs
# linux/arm64 programs) and wine (runs windows/amd64 programs).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
need=()
command -v go >/dev/null 2>&1 || need+=(golang-go)
[ -d /usr/lib/go-1.19/src ] || need+=(golang-1.19-src)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v qemu-aarch64 >/dev/null 2>&1 || need+=(qemu-user)
command -v wine >/dev/null 2>&1 || need+=(wine64 wine)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
