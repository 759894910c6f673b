#!/usr/bin/env bash
# The whole GPU job for the shipped ResNeXt-29 32x4d in one command (one 10-minute run on an H200 with margin):
# unpack the data, train with a time budget, evaluate on the full test set in float32 and float16, export
# safetensors (float32 and float16, torchvision names, metadata as usual) and write into $OUT:
#   resnext29_32x4d.f16.safetensors      the float16 weights (what the app serves by default)
#   resnext29_32x4d.safetensors.part00   the float32 weights, split into parts under 16 MiB
#   resnext29_32x4d.safetensors.part01   (cat part00 part01 > resnext29_32x4d.safetensors; eval.json has the SHA-256)
#   metrics.json                         recipe, per-epoch curve (train loss, test accuracy, seconds)
#   eval.json                            accuracy of both files on the test set, float32 and float16 compute
#   train.log                            everything printed
#
#   OUT=/some/dir bash training/device_run.sh                  # on the GPU machine (data in training/out/data)
#   SMOKE=1 OUT=$(mktemp -d) bash training/device_run.sh       # end to end on a CPU on a few hundred records
#
# Data: training/out/data (DATA=...) as `training/device_data.py pack` writes it (the training pack and the
# test file as lossless WebP). Settings (environment): BUDGET (training seconds, default 420), MAX_EPOCHS (300),
# C, D (32, 4), BATCH (512), PY (python3), WORK (scratch folder).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${OUT:?set OUT to the folder that receives the results}"
export PYTHONUNBUFFERED=1
PY=${PY:-python3}
DATA=${DATA:-training/out/data}
SMOKE=${SMOKE:-0}
C=${C:-32}
D=${D:-4}
NAME=resnext29_${C}x${D}d
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$OUT" "$WORK"

if [ "$SMOKE" = 1 ]; then
  # a CPU check of every step: a small model (one block per stage), 128 records, one epoch
  C=2 D=4 NAME=resnext29_2x4d
  EXTRA=(--device cpu --train-records 128 --batch-size 32 --epochs 1 --test-records 100 --blocks 1,1,1)
  UNPACK=(--train-records 128)
  EVAL=(--device cpu --records 100)
else
  EXTRA=(--time-budget "${BUDGET:-420}" --epochs "${MAX_EPOCHS:-300}" --batch-size "${BATCH:-512}")
  UNPACK=()
  EVAL=()
fi

{
  echo "== $(date -u +%FT%TZ) unpack"
  $PY training/device_data.py unpack --data "$DATA" --out "$WORK/cifar" "${UNPACK[@]}"
  if command -v nvidia-smi >/dev/null; then nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv; fi
  echo "== $(date -u +%FT%TZ) train"
  $PY training/train_cifar.py --data "$WORK/cifar" -C "$C" -d "$D" --out "$WORK/model" --also-float16 "${EXTRA[@]}"
  echo "== $(date -u +%FT%TZ) evaluate"
  $PY training/evaluate_cifar.py --test-file "$WORK/cifar/test_batch.bin" --out "$OUT/eval.json" "${EVAL[@]}" \
    "$WORK/model/$NAME.safetensors" "$WORK/model/$NAME.f16.safetensors"
  cp "$WORK/model/$NAME.f16.safetensors" "$WORK/model/metrics.json" "$OUT/"
  split -b 15M -d "$WORK/model/$NAME.safetensors" "$OUT/$NAME.safetensors.part"
  ls -l "$OUT"
  echo "== $(date -u +%FT%TZ) done"
} 2>&1 | tee "$OUT/train.log"
