#!/usr/bin/env bash
# Every test of the project: unit (Vitest, including parity with PyTorch), Python (pytest), browser (Playwright).
# The CIFAR-10 test set is found by training/cifar_data.py (CIFAR10_DIR, ../shared/datasets/cifar10, or
# .cache/cifar10, downloaded on first use); without it the fixtures step stops first, saying what to do.
# pytest runs beside Playwright: the browser tests spend most of their time waiting on the page, not computing.
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

pylog=$(mktemp)
trap 'rm -f "$pylog"' EXIT
py_start=$(date +%s)
(
  s=0
  npm run test:py >"$pylog" 2>&1 || s=$?
  echo "[test] pytest: $(( $(date +%s) - py_start )) s" >>"$pylog"
  exit "$s"
) &
py=$!
e2e=0
npm run test:e2e || e2e=$?
phase playwright
pystatus=0
wait "$py" || pystatus=$?
echo "----- pytest (ran beside Playwright) -----"
cat "$pylog"
[ "$pystatus" -eq 0 ] || { echo "pytest failed" >&2; exit "$pystatus"; }
[ "$e2e" -eq 0 ] || { echo "Playwright failed" >&2; exit "$e2e"; }
