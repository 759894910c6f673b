#!/usr/bin/env bash
# The cardinality experiment in one GPU command (one 10-minute run on an H200 with margin): the five
# equal-complexity ResNeXt-29 settings (1x64d, 2x40d, 4x24d, 8x14d, 32x4d) x 3 seeds, trained side by side on one
# GPU (one process per run) with the same recipe and the same number of epochs, sized to a time budget. Before
# that, each setting is timed alone (seconds per epoch). Writes into $OUT:
#   metrics.json                          settings (params, seconds per epoch alone and together), runs (per-epoch
#                                         test accuracy of every setting and seed), models (seed 0, older format)
#   resnext29_<C>x<d>d.safetensors (x5)   float16 weights of seed 0 of each setting (EMA)
#   family.log                            everything printed
#
#   OUT=/some/dir bash training/family_run.sh                 # on the GPU machine (data in training/out/data)
#   SMOKE=1 OUT=$(mktemp -d) bash training/family_run.sh      # CPU: 2 settings x 2 seeds x 1 epoch, 128 records
#
# Settings (environment): BUDGET (seconds for the side-by-side training, default 390), MAX_EPOCHS (200),
# SETTINGS ("1x64 2x40 4x24 8x14 32x4"), SEEDS ("0 1 2"), BENCH_STEPS (30), PY (python3), DATA, WORK.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${OUT:?set OUT to the folder that receives the results}"
export PYTHONUNBUFFERED=1 OMP_NUM_THREADS=1
PY=${PY:-python3}
DATA=${DATA:-training/out/data}
SMOKE=${SMOKE:-0}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$OUT" "$WORK/runs" "$WORK/bench" "$WORK/logs"

if [ "$SMOKE" = 1 ]; then
  SETTINGS=${SETTINGS:-"1x8 2x4"}
  SEEDS=${SEEDS:-"0 1"}
  COMMON=(--device cpu --batch-size 32 --test-records 100 --blocks 1,1,1)
  RUN=(--epochs 1)
  BENCH=(--benchmark-steps 1 --benchmark-warmup 0 --train-records 128)
  UNPACK=(--train-records 128)
else
  SETTINGS=${SETTINGS:-"1x64 2x40 4x24 8x14 32x4"}
  SEEDS=${SEEDS:-"0 1 2"}
  COMMON=(--compile "${COMPILE:-off}")
  RUN=(--epochs "${MAX_EPOCHS:-200}")
  BENCH=(--benchmark-steps "${BENCH_STEPS:-30}" --train-records 10240)
  UNPACK=()
fi
# shellcheck disable=SC2206
SET=($SETTINGS)
# shellcheck disable=SC2206
SEE=($SEEDS)
N=$((${#SET[@]} * ${#SEE[@]}))

{
  echo "== $(date -u +%FT%TZ) unpack"
  $PY training/device_data.py unpack --data "$DATA" --out "$WORK/cifar" "${UNPACK[@]}"
  if command -v nvidia-smi >/dev/null; then nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv; fi

  echo "== $(date -u +%FT%TZ) each setting alone"
  for cd in "${SET[@]}"; do
    $PY training/train_cifar.py --data "$WORK/cifar" -C "${cd%x*}" -d "${cd#*x}" --out "$WORK/bench" \
      "${COMMON[@]}" "${BENCH[@]}" | grep BENCH
  done

  echo "== $(date -u +%FT%TZ) $N runs side by side"
  SYNC=(--deadline "$(($(date +%s) + ${BUDGET:-390}))" --sync-dir "$WORK/sync" --sync-count "$N")
  [ "$SMOKE" = 1 ] && SYNC=()
  pids=()
  for cd in "${SET[@]}"; do
    for s in "${SEE[@]}"; do
      $PY training/train_cifar.py --data "$WORK/cifar" -C "${cd%x*}" -d "${cd#*x}" --seed "$s" --dtype float16 \
        --out "$WORK/runs/${cd}d-s$s" "${COMMON[@]}" "${RUN[@]}" "${SYNC[@]}" >"$WORK/logs/${cd}d-s$s.log" 2>&1 &
      pids+=($!)
    done
  done
  fail=0
  for p in "${pids[@]}"; do wait "$p" || fail=1; done
  for f in "$WORK"/logs/*.log; do echo "-- $(basename "$f")"; grep -v "^resnext29" "$f" | tail -n 20; done
  [ "$fail" = 0 ] || { echo "a run failed"; exit 1; }

  echo "== $(date -u +%FT%TZ) collect"
  $PY training/family_collect.py --runs "$WORK/runs" --bench "$WORK/bench" --out "$OUT/metrics.json"
  for cd in "${SET[@]}"; do cp "$WORK/runs/${cd}d-s${SEE[0]}/resnext29_${cd}d.safetensors" "$OUT/"; done
  ls -l "$OUT"
  echo "== $(date -u +%FT%TZ) done"
} 2>&1 | tee "$OUT/family.log"
