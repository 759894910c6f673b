"""Accuracy of float32 and int8 ResNeXt-29 in PyTorch on the CIFAR-10 test set, and how often their top-1 agree.

  /usr/bin/python3 scripts/int8_agreement.py [--f32 W.safetensors] [--i8 W.i8.safetensors] [--data test_batch.bin] [--limit N]

The int8 file is dequantised as the app's loader does (training/resnext.py arrays_state_dict: each I8 tensor
times its float32 `<name>_scale`, one scale per output channel; float16 tensors widened to float32). The data is
found by training/cifar_data.py unless --data names a file. A cross-check of
`npm run eval -- --compare`, which runs the same comparison in TensorFlow.js and is slower on a small CPU.
"""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "training"))
from cifar_data import TEST_FILE, locate_cifar10  # noqa: E402
from resnext import load_cifar_model, normalize, read_cifar_bin  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--f32", default="public/models/resnext29_32x4d.safetensors")
    p.add_argument("--i8", default="public/models/resnext29_32x4d.i8.safetensors")
    p.add_argument("--data", default=None, help="default: found by training/cifar_data.py")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--batch", type=int, default=200)
    a = p.parse_args()
    ref, _ = load_cifar_model(a.f32)
    q, _ = load_cifar_model(a.i8)
    data = a.data or os.path.join(locate_cifar10()[0], TEST_FILE)
    images, labels = read_cifar_bin(data, a.limit)
    n = len(labels)
    right_ref = right_q = same = 0
    with torch.no_grad():
        for i in range(0, n, a.batch):
            x = torch.from_numpy(normalize(images[i:i + a.batch]))
            y = torch.from_numpy(labels[i:i + a.batch])
            top_ref = ref(x).argmax(1)
            top_q = q(x).argmax(1)
            right_ref += int((top_ref == y).sum())
            right_q += int((top_q == y).sum())
            same += int((top_ref == top_q).sum())
            done = min(i + a.batch, n)
            print(f"\r{done}/{n} images, agreement so far {same / done:.4f}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(f"float32 accuracy: {right_ref / n:.4f} on {n} images")
    print(f"int8 accuracy: {right_q / n:.4f} on {n} images")
    print(f"top-1 agreement: {same / n:.4f} ({same}/{n})")


if __name__ == "__main__":
    main()
