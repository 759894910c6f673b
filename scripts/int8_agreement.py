"""Accuracy of float32 and int8 ResNeXt-29 in PyTorch on the CIFAR-10 test set, and how often their top-1 agree.

  /usr/bin/python3 scripts/int8_agreement.py [--f32 W.safetensors] [--i8 W.i8.safetensors] [--data test_batch.bin] [--limit N]

The int8 file is dequantised as the app's loader does (src/resnext/dtypes.ts): each I8 tensor times its
float32 `<name>_scale` (one scale per output channel), float16 tensors widened to float32. A cross-check of
`npm run eval -- --compare`, which runs the same comparison in TensorFlow.js and is slower on a small CPU.
"""
import argparse
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "training"))
from resnext import ResNeXtCifar, load_cifar_model, normalize, read_cifar_bin, read_safetensors  # noqa: E402


def load_int8_model(path):
    arrays, meta = read_safetensors(path)
    state = {}
    for name, a in arrays.items():
        if name.endswith("_scale") and name[: -len("_scale")] in arrays:
            continue
        if a.dtype == np.int8:
            scale = arrays[name + "_scale"].astype(np.float32)
            w = a.astype(np.float32) * scale.reshape((-1,) + (1,) * (a.ndim - 1))
        else:
            w = a.astype(np.float32)
        state[name] = torch.from_numpy(np.ascontiguousarray(w))
    model = ResNeXtCifar(int(meta["cardinality"]), int(meta["bottleneck_width_d"]))
    model.load_state_dict(state, strict=True)
    model.eval()
    return model


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--f32", default="public/models/resnext29_32x4d.safetensors")
    p.add_argument("--i8", default="public/models/resnext29_32x4d.i8.safetensors")
    p.add_argument("--data", default="../shared/datasets/cifar10/test_batch.bin")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--batch", type=int, default=200)
    a = p.parse_args()
    ref, _ = load_cifar_model(a.f32)
    q = load_int8_model(a.i8)
    images, labels = read_cifar_bin(a.data, a.limit)
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
