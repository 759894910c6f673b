"""Merge the runs of the equal-complexity family (several settings x seeds) into one metrics file.

  python3 training/family_collect.py --runs WORK/runs --bench WORK/bench --out OUT/metrics.json

Reads every metrics JSON under --runs (train_cifar.py's format, one model each) and the alone timings
(bench_<name>.json from `train_cifar.py --benchmark-steps`) under --bench. Writes:
  settings: one per C x d: name, cardinality, bottleneck_width_d, params, macs_32x32,
            epoch_s_alone (seconds per epoch, that setting alone on the GPU),
            epoch_s_together (median seconds per epoch of its runs while all runs trained side by side, epochs
            after the second), weights (seed 0's file)
  runs:     one per setting and seed: name, cardinality, bottleneck_width_d, seed, test_acc (final, EMA weights),
            epochs, curve [{epoch, train_loss, test_acc, epoch_s}]
  models:   seed 0 of each setting in the format of the single-model metrics (so older readers still work)
and the shared fields (dataset, recipe, device, torch, batch_size, epochs, seeds, processes_together).
"""
import argparse
import glob
import json
import os
import statistics


def collect(runs_dir, bench_dir):
    files = sorted(glob.glob(os.path.join(runs_dir, "**", "*.json"), recursive=True))
    metas, runs = [], []
    for fn in files:
        with open(fn) as f:
            m = json.load(f)
        if "models" not in m:
            continue
        metas.append(m)
        runs.extend(m["models"])
    if not runs:
        raise SystemExit(f"no runs under {runs_dir}")
    bench = {}
    for fn in glob.glob(os.path.join(bench_dir, "bench_*.json")) if bench_dir else []:
        with open(fn) as f:
            b = json.load(f)
        bench[b["name"]] = b
    settings = {}
    for r in sorted(runs, key=lambda r: (r["cardinality"], r.get("seed", 0))):
        s = settings.setdefault(r["name"], {
            "name": r["name"], "cardinality": r["cardinality"], "bottleneck_width_d": r["bottleneck_width_d"],
            "params": r["params"], "macs_32x32": r["macs_32x32"],
            "epoch_s_alone": bench.get(r["name"], {}).get("epoch_s"), "epoch_s_together": None, "weights": None,
            "_together": []})
        s["_together"].extend(row["epoch_s"] for row in r["curve"][2:] if "epoch_s" in row)
        if r.get("seed", 0) == 0:
            s["weights"] = r["weights"]
    for s in settings.values():
        t = s.pop("_together")
        s["epoch_s_together"] = round(statistics.median(t), 3) if t else None
    out_runs = [{"name": r["name"], "cardinality": r["cardinality"], "bottleneck_width_d": r["bottleneck_width_d"],
                 "seed": r.get("seed", 0), "test_acc": r["test_acc"], "epochs": r["epochs"],
                 "curve": [{k: row[k] for k in ("epoch", "train_loss", "test_acc", "epoch_s") if k in row}
                           for row in r["curve"]]}
                for r in sorted(runs, key=lambda r: (r["cardinality"], r.get("seed", 0)))]
    m0 = metas[0]
    return {
        "kind": "family-seeds",
        "dataset": m0["dataset"], "classes": m0["classes"], "mean": m0["mean"], "std": m0["std"],
        "input": m0["input"], "batch_size": m0["batch_size"],
        "epochs": max(r["epochs"] for r in runs), "recipe": m0["recipe"], "device": m0["device"],
        "torch": m0["torch"], "train_records": m0["train_records"], "test_records": m0["test_records"],
        "seeds": sorted({r.get("seed", 0) for r in runs}),
        "processes_together": len(runs),
        "settings": sorted(settings.values(), key=lambda s: s["cardinality"]),
        "runs": out_runs,
        "models": [r for r in sorted(runs, key=lambda r: r["cardinality"]) if r.get("seed", 0) == 0],
    }


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", required=True)
    p.add_argument("--bench")
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    m = collect(a.runs, a.bench)
    with open(a.out, "w") as f:
        json.dump(m, f, indent=1)
    for s in m["settings"]:
        accs = [r["test_acc"] for r in m["runs"] if r["name"] == s["name"]]
        print(s["name"], "acc", accs, "s/epoch alone", s["epoch_s_alone"], "together", s["epoch_s_together"])


if __name__ == "__main__":
    main()
