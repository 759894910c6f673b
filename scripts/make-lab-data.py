"""The lab section's CIFAR-10 subset: 12,000 pictures of the CIFAR-10 *training* split (never the test set),
1,200 per class, as one JPEG sprite plus a JSON of labels, sha256 and citation, in public/lab/.

  /usr/bin/python3 scripts/make-lab-data.py [--npz ../shared/datasets/cifar10/cifar10-train-jpeg.npz]

The first 10,000 tiles (1,000 per class) are the pool of training pictures, the last 2,000 (200 per class) the
held-out pool; each pool is in a seeded random order, so any prefix is a fair sample. A run with N training
pictures uses the first N of the first pool.
"""
import argparse
import hashlib
import io
import json
import os

import numpy as np
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN_PER_CLASS, HELD_OUT_PER_CLASS = 1000, 200
COLUMNS = 100
TILE = 32
CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
CITATION = ("Alex Krizhevsky, Learning Multiple Layers of Features from Tiny Images, technical report, "
            "University of Toronto, 2009 (CIFAR-10, training split)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npz", default=os.path.join(ROOT, "..", "shared", "datasets", "cifar10", "cifar10-train-jpeg.npz"))
    ap.add_argument("--out", default=os.path.join(ROOT, "public", "lab"))
    ap.add_argument("--quality", type=int, default=90)
    args = ap.parse_args()
    npz = np.load(args.npz)
    labels, offsets, data = npz["labels"], npz["offsets"], npz["data"]
    assert len(labels) == 50000, "expected the 50,000 pictures of CIFAR-10's training split"
    rng = np.random.default_rng(35)
    train, held = [], []
    for k in range(10):
        idx = np.flatnonzero(labels == k)[: TRAIN_PER_CLASS + HELD_OUT_PER_CLASS]
        train += list(idx[:TRAIN_PER_CLASS])
        held += list(idx[TRAIN_PER_CLASS:])
    order = list(rng.permutation(train)) + list(rng.permutation(held))
    rows = (len(order) + COLUMNS - 1) // COLUMNS
    sprite = Image.new("RGB", (COLUMNS * TILE, rows * TILE))
    for i, j in enumerate(order):
        img = Image.open(io.BytesIO(data[offsets[j]:offsets[j + 1]].tobytes())).convert("RGB")
        assert img.size == (TILE, TILE)
        sprite.paste(img, ((i % COLUMNS) * TILE, (i // COLUMNS) * TILE))
    buf = io.BytesIO()
    sprite.save(buf, "JPEG", quality=args.quality, subsampling=0, optimize=True)
    blob = buf.getvalue()
    os.makedirs(args.out, exist_ok=True)
    name = "cifar10-train-subset.jpg"
    with open(os.path.join(args.out, name), "wb") as f:
        f.write(blob)
    meta = {
        "file": name,
        "bytes": len(blob),
        "sha256": hashlib.sha256(blob).hexdigest(),
        "tile": TILE,
        "columns": COLUMNS,
        "count": len(order),
        "train": len(train),
        "heldOut": len(held),
        "classes": CLASSES,
        "labels": "".join(str(int(labels[j])) for j in order),
        "split": "CIFAR-10 training split only (no test-set picture)",
        "citation": CITATION,
    }
    with open(os.path.join(args.out, "cifar10-train-subset.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    print(f"wrote {args.out}/{name}: {len(order)} pictures, {len(blob):,} bytes, sha256 {meta['sha256'][:12]}…")


if __name__ == "__main__":
    main()
