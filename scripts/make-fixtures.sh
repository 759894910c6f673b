#!/usr/bin/env bash
# PyTorch reference fixtures for the TypeScript tests, in .cache/fixtures/ (npm run fixtures).
# A file is rebuilt only when missing or older than any of its inputs (weights, data, scripts).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=/usr/bin/python3
OUT=.cache/fixtures
# CIFAR10_DIR, ../shared/datasets/cifar10 or .cache/cifar10 (downloaded on first use): see training/cifar_data.py
CIFAR_TEST_BIN=$("$PY" training/cifar_data.py)
CIFAR_WEIGHTS=public/models/resnext29_32x4d.safetensors
COMMON=(training/resnext.py training/export_torchvision.py scripts/make-fixtures.sh)

mkdir -p "$OUT/weights"

# up_to_date TARGET INPUT...: TARGET exists and is newer than every input
up_to_date() {
  local target=$1
  shift
  [ -f "$target" ] || return 1
  local f
  for f in "$@"; do
    [ "$target" -nt "$f" ] || return 1
  done
}

build() { # build TARGET "INPUTS..." COMMAND...
  local target=$1 inputs=$2
  shift 2
  # shellcheck disable=SC2086
  if up_to_date "$target" $inputs; then
    echo "up to date: $target"
  else
    "$@"
  fi
}

for f in "$CIFAR_TEST_BIN" "$CIFAR_WEIGHTS"; do
  [ -f "$f" ] || { echo "missing $f" >&2; exit 1; }
done

# The CIFAR fixture also depends on which weights file was used: remember it beside the fixture.
CIFAR_FIX="$OUT/cifar_resnext29_32x4d.safetensors"
STAMP="$CIFAR_FIX.source"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$CIFAR_WEIGHTS $CIFAR_TEST_BIN" ]; then rm -f "$CIFAR_FIX"; fi
build "$CIFAR_FIX" "$CIFAR_WEIGHTS $CIFAR_TEST_BIN training/make_fixtures.py ${COMMON[*]}" \
  "$PY" training/make_fixtures.py --weights "$CIFAR_WEIGHTS" --cifar "$CIFAR_TEST_BIN" --records 16 \
  --inter-records 2 --out "$CIFAR_FIX"
echo "$CIFAR_WEIGHTS $CIFAR_TEST_BIN" >"$STAMP"

for arch in resnext50_32x4d resnet50; do
  weights="$OUT/weights/${arch}_random.safetensors"
  fixture="$OUT/imagenet_${arch}.safetensors"
  build "$weights" "${COMMON[*]}" \
    "$PY" training/export_torchvision.py --arch "$arch" --random --seed 0 "$weights"
  build "$fixture" "$weights training/make_fixtures.py ${COMMON[*]}" \
    "$PY" training/make_fixtures.py --weights "$weights" --random-input 2 --size 224 --seed 0 \
    --inter-records 1 --out "$fixture"
done

# The lab's training step (src/resnext/train/labParity.test.ts): C = 1 (d = 16) and C = 4 (d = 6).
for cd in "1 16" "4 6"; do
  read -r c d <<<"$cd"
  build "$OUT/lab_step_c$c.safetensors" "training/lab_parity.py scripts/make-fixtures.sh" \
    "$PY" training/lab_parity.py --c "$c" --d "$d" --out "$OUT/lab_step_c$c.safetensors"
done
