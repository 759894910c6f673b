#!/usr/bin/env bash
# Every test of the project: unit (Vitest, including parity with PyTorch), Python (pytest), browser (Playwright).
# The CIFAR-10 test set is found by training/cifar_data.py (CIFAR10_DIR, ../shared/datasets/cifar10, or
# .cache/cifar10, downloaded on first use); without it the fixtures step stops first, saying what to do.
set -euo pipefail
cd "$(dirname "$0")/.."

phase() { echo "[test] $1: $(( $(date +%s) - t0 )) s"; t0=$(date +%s); }
t0=$(date +%s)
bash scripts/ensure-test-deps.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run fixtures
phase fixtures
npx vitest run
phase vitest
npm run test:py
phase pytest
npm run test:e2e
phase playwright
