"""Pack CIFAR-10 small enough to travel with a GPU job, and unpack it there as the official binary files.

  python3 training/device_data.py pack --train-npz ../shared/datasets/cifar10/cifar10-train-jpeg.npz \
      --test-file ../shared/datasets/cifar10/test_batch.bin --out training/out/data [--test-records N]
  python3 training/device_data.py unpack --data training/out/data --out /tmp/cifar [--train-records N]

pack: copies the training pack (labels, offsets, concatenated JPEGs; 46 MB) and writes the test file as
`cifar10-test-webp.npz`: the images tiled into one lossless WebP picture (about half the 30 MB of the binary
file), the labels, and the SHA-256 of the binary records it came from.
unpack: writes data_batch_1..5.bin (the training pack decoded in npz_to_cifar_bin.py's order: a seed-0
permutation) and test_batch.bin, and refuses a test file whose SHA-256 differs from the packed one.
"""
import argparse
import hashlib
import io
import os
import shutil
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from resnext import CIFAR_RECORD_BYTES, read_cifar_bin  # noqa: E402

TRAIN_NPZ = "cifar10-train-jpeg.npz"
TEST_NPZ = "cifar10-test-webp.npz"
COLS = 100


def tile(x):
    """uint8 [N,3,32,32] -> one RGB picture [rows*32, COLS*32, 3] (the last row padded with black)."""
    n = len(x)
    rows = -(-n // COLS)
    pad = np.zeros((rows * COLS - n, 3, 32, 32), np.uint8)
    g = np.concatenate([x, pad]).transpose(0, 2, 3, 1).reshape(rows, COLS, 32, 32, 3)
    return np.ascontiguousarray(g.transpose(0, 2, 1, 3, 4).reshape(rows * 32, COLS * 32, 3))


def untile(img, n):
    rows = img.shape[0] // 32
    g = img.reshape(rows, 32, COLS, 32, 3).transpose(0, 2, 1, 3, 4).reshape(rows * COLS, 32, 32, 3)
    return np.ascontiguousarray(g[:n].transpose(0, 3, 1, 2))


def records(x, y):
    return np.concatenate([y.astype(np.uint8)[:, None], x.reshape(len(y), -1)], 1)


def pack(train_npz, test_file, out, test_records=None, method=6):
    from PIL import Image
    os.makedirs(out, exist_ok=True)
    if train_npz:
        shutil.copyfile(train_npz, os.path.join(out, TRAIN_NPZ))
    x, y = read_cifar_bin(test_file, test_records)
    buf = io.BytesIO()
    Image.fromarray(tile(x)).save(buf, "WEBP", lossless=True, quality=100, method=method)
    sha = hashlib.sha256(records(x, y).tobytes()).hexdigest()
    np.savez(os.path.join(out, TEST_NPZ), webp=np.frombuffer(buf.getvalue(), np.uint8), labels=y.astype(np.uint8),
             sha256=np.array(sha))
    size = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    print(f"packed {len(y)} test records into {len(buf.getvalue()):,} bytes of WebP; {out} holds {size:,} bytes")
    return sha


def unpack(data, out, train_records=None):
    from PIL import Image
    os.makedirs(out, exist_ok=True)
    z = np.load(os.path.join(data, TEST_NPZ))
    y = z["labels"].astype(np.int64)
    x = untile(np.asarray(Image.open(io.BytesIO(z["webp"].tobytes())).convert("RGB")), len(y))
    rec = records(x, y)
    if hashlib.sha256(rec.tobytes()).hexdigest() != str(z["sha256"]):
        sys.exit("the unpacked test records differ from the packed ones (SHA-256 mismatch)")
    rec.tofile(os.path.join(out, "test_batch.bin"))
    train = os.path.join(data, TRAIN_NPZ)
    if os.path.isfile(train):
        from train_cifar import load_npz
        xt, yt = load_npz(train, train_records)
        rt = records(xt, yt)
        k = -(-len(rt) // 5)
        for b in range(5):
            rt[b * k:(b + 1) * k].tofile(os.path.join(out, f"data_batch_{b + 1}.bin"))
        print(f"unpacked {len(yt)} training and {len(y)} test records into {out}")
    else:
        print(f"unpacked {len(y)} test records into {out}")
    assert os.path.getsize(os.path.join(out, "test_batch.bin")) == len(y) * CIFAR_RECORD_BYTES


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    pk = sub.add_parser("pack")
    pk.add_argument("--train-npz")
    pk.add_argument("--test-file", required=True)
    pk.add_argument("--out", required=True)
    pk.add_argument("--test-records", type=int)
    pk.add_argument("--method", type=int, default=6, help="WebP effort 0..6 (6: smallest, slowest)")
    up = sub.add_parser("unpack")
    up.add_argument("--data", required=True)
    up.add_argument("--out", required=True)
    up.add_argument("--train-records", type=int)
    a = p.parse_args(argv)
    if a.cmd == "pack":
        pack(a.train_npz, a.test_file, a.out, a.test_records, a.method)
    else:
        unpack(a.data, a.out, a.train_records)


if __name__ == "__main__":
    main()
