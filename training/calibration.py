"""Calibration of a CIFAR-10 model on the test set: accuracy per confidence bin, written as a small JSON file.

  python3 training/calibration.py --weights public/models/resnext29_32x4d.i8.safetensors \
      --test-file ../shared/datasets/cifar10/test_batch.bin --out src/data/calibration.json [--records N]

The confidence of one prediction is its top softmax probability, computed in float32 from the weights as stored
(float16 weights are widened to float32 and int8 ones dequantised with their scales, as the app does). The
shipped record is of the default (int8) file; src/data/records.test.ts fails when that file's sha256 differs
from the recorded `weights_sha256`. Records are taken from the start of the file (the shipped test file is
shuffled, so any prefix is a fair sample); `records` in the output says how many were used. The output is
rewritten after every batch, so a run stopped early leaves a valid file for the prefix it covered.
Output: {model, weights, weights_sha256, date, test_file, test_file_sha256, records, total_records, accuracy,
mean_confidence, ece, bins: [{lo, hi, count, correct, accuracy, mean_confidence}], confidence_quantiles,
label_smoothing, dataset_note, command}.
"""
import argparse
import datetime
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from resnext import CIFAR_RECORD_BYTES, load_cifar_model, normalize, read_cifar_bin, sha256_file  # noqa: E402


def calibration_bins(confidence, correct, n_bins=10):
    """Equal-width bins over [0, 1]: count, correct, accuracy and mean confidence of each; ECE over all of them.

    A confidence of exactly 1.0 belongs to the last bin. Empty bins carry accuracy and mean_confidence None.
    ECE = sum over bins of count/N * |accuracy - mean confidence|.
    """
    confidence = np.asarray(confidence, np.float64)
    correct = np.asarray(correct, bool)
    if confidence.shape != correct.shape or confidence.ndim != 1:
        raise ValueError("confidence and correct must be 1-D arrays of the same length")
    idx = np.minimum((confidence * n_bins).astype(np.int64), n_bins - 1)
    bins, ece, n = [], 0.0, len(confidence)
    for b in range(n_bins):
        m = idx == b
        cnt = int(m.sum())
        acc = float(correct[m].mean()) if cnt else None
        conf = float(confidence[m].mean()) if cnt else None
        if cnt:
            ece += cnt / n * abs(acc - conf)
        bins.append({"lo": round(b / n_bins, 4), "hi": round((b + 1) / n_bins, 4), "count": cnt,
                     "correct": int(correct[m].sum()),
                     "accuracy": None if acc is None else round(acc, 4),
                     "mean_confidence": None if conf is None else round(conf, 4)})
    return bins, round(ece, 4)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--weights", required=True)
    p.add_argument("--test-file", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--records", type=int, help="use only the first N test records (default: all)")
    p.add_argument("--bins", type=int, default=10)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)

    model, meta = load_cifar_model(a.weights)
    x, y = read_cifar_bin(a.test_file, a.records)
    total = os.path.getsize(a.test_file) // CIFAR_RECORD_BYTES
    hashes = {"weights": sha256_file(a.weights), "test_file": sha256_file(a.test_file),
              "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")}
    conf, pred = [], []
    t0 = time.time()
    with torch.no_grad():
        for i in range(0, len(y), a.batch):
            logits = model(torch.from_numpy(normalize(x[i:i + a.batch]))).double()
            prob = torch.softmax(logits, 1)
            c, k = prob.max(1)
            conf.append(c.numpy())
            pred.append(k.numpy())
            done = i + len(k)
            write(a, meta, np.concatenate(conf), np.concatenate(pred) == y[:done], total, a.records, hashes)
            print(f"{done}/{len(y)} records, {time.time() - t0:.0f}s", flush=True)


def write(a, meta, conf, correct, total, limit, hashes):
    bins, ece = calibration_bins(conf, correct, a.bins)
    out = {
        "model": meta.get("name"),
        "weights": os.path.relpath(os.path.abspath(a.weights), os.getcwd()),
        "weights_sha256": hashes["weights"],
        "date": hashes["date"],
        "test_file": os.path.basename(a.test_file),
        "test_file_sha256": hashes["test_file"],
        "records": int(len(conf)), "total_records": int(total),
        "accuracy": round(float(correct.mean()), 4),
        "mean_confidence": round(float(conf.mean()), 4),
        "ece": ece,
        "bins": bins,
        "confidence_quantiles": {str(q): round(float(np.quantile(conf, q)), 4) for q in (0.05, 0.25, 0.5, 0.75, 0.95)},
        "label_smoothing": 0.1,
        "dataset_note": "CIFAR-10 test split as shipped in ../shared (decoded from a JPEG copy and shuffled)",
        "command": "python3 training/calibration.py --weights " + os.path.relpath(os.path.abspath(a.weights))
                   + " --test-file test_batch.bin --out " + os.path.relpath(os.path.abspath(a.out))
                   + (f" --records {len(conf)}" if len(conf) < total else ""),
    }
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    os.replace(tmp, a.out)


if __name__ == "__main__":
    main()
