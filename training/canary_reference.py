"""PyTorch's logits for the app's canary: the default model on one synthetic 32x32 picture.

  /usr/bin/python3 training/canary_reference.py            # writes src/resnext/canaryReference.json
  /usr/bin/python3 training/canary_reference.py --check    # exits 1 when the committed file is out of date

The picture is no photograph and no dataset image: each byte comes from a formula, the same one as
canaryPixels() in src/resnext/canary.ts (the JSON records the bytes' SHA-256, so a test notices if the two
drift apart). The weights are the file the app loads by default (public/models/manifest.json `default`,
int8 or float16, widened to float32 as the app does); the JSON records its SHA-256, so a new model file fails the
TypeScript test until this script is run again.
"""
import argparse
import hashlib
import json
import os
import sys

import numpy as np
import torch

from resnext import MEAN, REPO_ROOT, STD, load_cifar_model, meta_value, normalize, sha256_file

SIZE = 32
FORMULA = "(37*x + 91*y + 53*c + 7*x*y + ((x >> 3) ^ (y >> 3)) * 29) % 256, HWC, x = column, y = row, c = RGB"
OUT = os.path.join(REPO_ROOT, "src", "resnext", "canaryReference.json")


def canary_pixels(size=SIZE):
    """uint8 [size, size, 3] (HWC), byte (y, x, c) given by FORMULA."""
    y, x, c = np.meshgrid(np.arange(size), np.arange(size), np.arange(3), indexing="ij")
    v = (37 * x + 91 * y + 53 * c + 7 * x * y + ((x >> 3) ^ (y >> 3)) * 29) % 256
    return v.astype(np.uint8)


def reference(models_dir):
    with open(os.path.join(models_dir, "manifest.json")) as f:
        model_file = json.load(f)["default"]
    path = os.path.join(models_dir, model_file)
    model, meta = load_cifar_model(path)
    pixels = canary_pixels()
    mean = meta_value(meta, "mean", MEAN)
    std = meta_value(meta, "std", STD)
    x = normalize(pixels.transpose(2, 0, 1)[None], mean, std)
    with torch.no_grad():
        logits = model(torch.from_numpy(x))[0].double().numpy()
    order = np.argsort(-logits)
    return {
        "about": "PyTorch logits of the default model on the canary picture; written by training/canary_reference.py",
        "model": model_file,
        "sha256": sha256_file(path),
        "input": {"size": SIZE, "formula": FORMULA, "sha256": hashlib.sha256(pixels.tobytes()).hexdigest()},
        "tolerance": 1e-2,
        "logits": [round(float(v), 6) for v in logits],
        "top1": int(order[0]),
        "top1Margin": round(float(logits[order[0]] - logits[order[1]]), 6),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=os.path.join(REPO_ROOT, "public", "models"))
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = ap.parse_args()
    torch.manual_seed(0)
    ref = reference(args.models)
    text = json.dumps(ref, indent=2) + "\n"
    if args.check:
        try:
            with open(args.out) as f:
                old = json.load(f)
        except FileNotFoundError:
            old = None
        same = old is not None and old["sha256"] == ref["sha256"] and old["input"] == ref["input"] and np.allclose(
            old["logits"], ref["logits"], atol=1e-5)
        print(f"{args.out}: {'up to date' if same else 'out of date, run training/canary_reference.py'}")
        sys.exit(0 if same else 1)
    with open(args.out, "w") as f:
        f.write(text)
    print(f"wrote {args.out}: top-1 {ref['top1']} (margin {ref['top1Margin']:.3f}), logits {ref['logits']}")


if __name__ == "__main__":
    main()
