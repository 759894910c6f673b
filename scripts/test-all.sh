#!/usr/bin/env bash
# Every test of the project: unit (Vitest, including parity with PyTorch), Python (pytest), browser (Playwright).
# The CIFAR-10 test set is found by training/cifar_data.py (CIFAR10_DIR, ../shared/datasets/cifar10, or
# .cache/cifar10, downloaded on first use); without it the run stops first, saying what to do.
# pytest runs beside the rest: the fixtures step leaves a core idle, and the browser tests spend part of their
# time waiting on the page.
set -euo pipefail
cd "$(dirname "$0")/.."

phase() { echo "[test] $1: $(( $(date +%s) - t0 )) s"; t0=$(date +%s); }
t0=$(date +%s)
bash scripts/ensure-test-deps.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
# Found (or downloaded) once, before pytest and the fixtures look for it side by side.
/usr/bin/python3 training/cifar_data.py >/dev/null

pylog=$(mktemp)
py=
killtree() {
  local child
  for child in $(pgrep -P "$1" || true); do killtree "$child"; done
  kill "$1" 2>/dev/null || true
}
# a failed step ends the run: pytest, still running beside it, ends with it
cleanup() {
  if [ -n "$py" ]; then killtree "$py"; fi
  rm -f "$pylog"
}
trap cleanup EXIT
py_start=$(date +%s)
(
  s=0
  # one thread: beside two other jobs a second one would only wait for the first (and spin while it waits)
  OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 npm run test:py >"$pylog" 2>&1 || s=$?
  echo "[test] pytest: $(( $(date +%s) - py_start )) s" >>"$pylog"
  exit "$s"
) &
py=$!

npm run fixtures
phase fixtures
npx vitest run
phase vitest
e2e=0
npm run test:e2e || e2e=$?
phase playwright
pystatus=0
wait "$py" || pystatus=$?
py=
echo "----- pytest (ran beside the other tests) -----"
cat "$pylog"
[ "$pystatus" -eq 0 ] || { echo "pytest failed" >&2; exit "$pystatus"; }
[ "$e2e" -eq 0 ] || { echo "Playwright failed" >&2; exit "$e2e"; }
