"""Accuracy of CIFAR-10 safetensors models on a test file, in float32 (and in float16 on CUDA), as JSON.

  python3 training/evaluate_cifar.py --test-file test_batch.bin --out eval.json W.safetensors [W.f16.safetensors ...]
  /usr/bin/python3 training/evaluate_cifar.py --device cpu --records 1000 public/models/resnext29_32x4d.f16.safetensors

Without --test-file the CIFAR-10 test set is found by cifar_data.py; without --out only the accuracies are printed
(one line per file: `FILE float32 accuracy 0.XXXX (correct of records)` and the same for float16 on CUDA).

Each file is loaded as the app loads it (float16 weights widened to float32) and run in float32 with TF32 off;
on CUDA it is also run with the whole network in float16. The JSON holds, per file: its SHA-256 and size, the
weights' dtype, accuracy and correct count per compute dtype, and the logits of the first 16 records.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from resnext import load_cifar_model, normalize, read_cifar_bin, read_safetensors, sha256_file  # noqa: E402


def logits_of(model, x, dev, dtype, batch=1000):
    model = model.to(dev, dtype).eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(x), batch):
            out.append(model(torch.from_numpy(normalize(x[i:i + batch])).to(dev, dtype)).float().cpu())
    return torch.cat(out)


def evaluate_file(path, x, y, dev):
    model, meta = load_cifar_model(path)
    arrays, _ = read_safetensors(path)
    res = {"file": os.path.basename(path), "bytes": os.path.getsize(path), "sha256": sha256_file(path),
           "weights_dtype": str(next(iter(arrays.values())).dtype), "name": meta.get("name"), "records": len(y)}
    computes = [("float32", torch.float32)] + ([("float16", torch.float16)] if dev == "cuda" else [])
    for label, dt in computes:
        lg = logits_of(model, x, dev, dt)
        correct = int((lg.argmax(1).numpy() == y).sum())
        res[f"compute_{label}"] = {"correct": correct, "accuracy": round(correct / len(y), 5)}
        if label == "float32":
            res["logits_first16"] = [[round(float(v), 5) for v in row] for row in lg[:16]]
    return res


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("weights", nargs="+")
    p.add_argument("--test-file", help="a CIFAR-10 binary test file (default: found by cifar_data.py)")
    p.add_argument("--out", help="write the JSON here")
    p.add_argument("--records", type=int)
    p.add_argument("--device", default="auto")
    a = p.parse_args(argv)
    dev = ("cuda" if torch.cuda.is_available() else "cpu") if a.device == "auto" else a.device
    torch.backends.cudnn.allow_tf32 = False
    torch.backends.cuda.matmul.allow_tf32 = False
    if not a.test_file:
        from cifar_data import cifar_test_batch
        a.test_file = cifar_test_batch()
    x, y = read_cifar_bin(a.test_file, a.records)
    out = {"test_file": os.path.basename(a.test_file), "test_sha256": sha256_file(a.test_file), "records": len(y),
           "device": torch.cuda.get_device_name() if dev == "cuda" else "cpu", "torch": torch.__version__,
           "models": [evaluate_file(w, x, y, dev) for w in a.weights]}
    if a.out:
        with open(a.out, "w") as f:
            json.dump(out, f, indent=1)
    for m in out["models"]:
        for k, v in m.items():
            if k.startswith("compute_"):
                print(f"{m['file']} {k[len('compute_'):]} accuracy {v['correct'] / m['records']:.4f} "
                      f"({v['correct']} of {m['records']})", flush=True)
    return out


if __name__ == "__main__":
    main()
