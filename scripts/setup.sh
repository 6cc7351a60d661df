#!/usr/bin/env bash
# Installs everything golift and its tests need on a fresh Debian machine with rustup.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
need=()
command -v go >/dev/null 2>&1 || need+=(golang-go)
[ -d /usr/lib/go-1.19/src ] || need+=(golang-1.19-src)
command -v qemu-aarch64 >/dev/null 2>&1 || need+=(qemu-user)
# The ssa.html browser test drives headless Chromium.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The runtime is a no_std staticlib for the host target; llvm-tools gives rust-lld's companions.
rustup component add llvm-tools >/dev/null 2>&1 || true
cargo build --release -p golift
