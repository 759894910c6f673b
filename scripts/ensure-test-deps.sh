#!/usr/bin/env bash
# Installs what the tests need when it is missing: Debian's Chromium (browser tests), Debian's PyTorch stack
# (reference outputs and the Python tests) and clang + lld (the committed WASM kernel is rebuilt and compared).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! /usr/bin/python3 -c 'import torch, torchvision, numpy, PIL, pytest' >/dev/null 2>&1; then
  missing+=(python3-torch python3-torchvision python3-numpy python3-pil python3-pytest)
fi

command -v clang >/dev/null && command -v wasm-ld >/dev/null || missing+=(clang lld)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      echo "Please install as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
