"""Write PyTorch reference outputs (inputs, logits, named intermediates) of a ResNeXt as one safetensors file.

  python3 training/make_fixtures.py --weights W.safetensors --out F.safetensors --cifar test_batch.bin --records 16
  python3 training/make_fixtures.py --weights W.safetensors --out F.safetensors --random-input 2 --size 224 --seed 0

All tensors are float32 in PyTorch's NCHW layout:
  input [N,3,H,W] (normalised), logits [N,K], labels [N] (CIFAR inputs only),
and, for the first M = min(N, --inter-records) inputs only (metadata `inter_records`; activations are large):
  inter.conv1, inter.bn1, inter.relu, inter.maxpool (ImageNet stem only), inter.pool [N,C], inter.fc [N,K],
  and for each captured block B: inter.B.{in,conv1,bn1,relu1,conv2,bn2,relu2,conv3,bn3,shortcut,add,out}
  (shortcut is the downsample output, or the block input itself when the block has none; add = bn3 + shortcut;
  out = relu(add)).
The network is run module by module here, so every step, the functional ReLUs included, is captured; the result
is checked against the model's own forward before anything is written.
"""
import argparse
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

from export_torchvision import build_model, detect_variant
from resnext import (MEAN, REPO_ROOT, STD, ResNeXtCifar, arrays_state_dict, normalize, read_cifar_bin,
                     read_safetensors, write_safetensors)

DEFAULT_BLOCKS = ("layer1.0", "layer1.1", "layer2.0")
BLOCK_STEPS = ("in", "conv1", "bn1", "relu1", "conv2", "bn2", "relu2", "conv3", "bn3", "shortcut", "add", "out")


def load_model(path):
    """(model in eval mode, kind 'cifar' | 'imagenet', metadata) for a safetensors file."""
    arrays, meta = read_safetensors(path)
    sd = arrays_state_dict(arrays)
    if "layer4.0.conv1.weight" in sd or meta.get("arch", "").startswith("imagenet"):
        variant = detect_variant(sd)
        if not variant["bottleneck"]:
            raise ValueError(f"{variant['name']} has basic blocks; fixtures cover bottleneck networks only")
        model, kind = build_model(variant), "imagenet"
    else:
        model, kind = ResNeXtCifar(int(meta["cardinality"]), int(meta["bottleneck_width_d"])), "cifar"
    model.load_state_dict(sd, strict=True)
    return model.eval(), kind, meta


def run_block(block, x, capture):
    capture("in", x)
    y = block.conv1(x); capture("conv1", y)
    y = block.bn1(y); capture("bn1", y)
    y = F.relu(y); capture("relu1", y)
    y = block.conv2(y); capture("conv2", y)
    y = block.bn2(y); capture("bn2", y)
    y = F.relu(y); capture("relu2", y)
    y = block.conv3(y); capture("conv3", y)
    y = block.bn3(y); capture("bn3", y)
    sc = x if block.downsample is None else block.downsample(x)
    capture("shortcut", sc)
    y = y + sc; capture("add", y)
    y = F.relu(y); capture("out", y)
    return y


def run_stepwise(model, kind, x, blocks=DEFAULT_BLOCKS):
    """Logits and {name: tensor} of the named intermediates, computed one module at a time."""
    inter = {}
    wanted = set(blocks)

    def keep(name, t):
        inter[name] = t.detach().clone()

    y = model.conv1(x); keep("conv1", y)
    y = model.bn1(y); keep("bn1", y)
    y = F.relu(y); keep("relu", y)
    if kind == "imagenet":
        y = model.maxpool(y); keep("maxpool", y)
    stages = [n for n in ("layer1", "layer2", "layer3", "layer4") if hasattr(model, n)]
    seen = set()
    for s in stages:
        for i, block in enumerate(getattr(model, s)):
            name = f"{s}.{i}"
            seen.add(name)
            cap = (lambda step, t, name=name: keep(f"{name}.{step}", t)) if name in wanted else (lambda step, t: None)
            y = run_block(block, y, cap)
    missing = wanted - seen
    if missing:
        raise ValueError(f"no such block(s): {', '.join(sorted(missing))}")
    y = torch.flatten(F.adaptive_avg_pool2d(y, 1), 1); keep("pool", y)
    y = model.fc(y); keep("fc", y)
    return y, inter


def make_inputs(a, kind):
    """(input float32 NCHW, labels or None, description)"""
    if a.cifar:
        images, labels = read_cifar_bin(a.cifar, a.records)
        if len(labels) < a.records:
            raise ValueError(f"{a.cifar} holds only {len(labels)} records")
        return normalize(images, MEAN, STD), labels, f"first {a.records} records of {os.path.basename(a.cifar)}"
    g = torch.Generator().manual_seed(a.seed)
    x = torch.randn(a.random_input, 3, a.size, a.size, generator=g).numpy()
    return x, None, f"{a.random_input} random normal inputs {a.size}x{a.size}, seed {a.seed}"


def rel_to_repo(path):
    return os.path.relpath(os.path.abspath(path), REPO_ROOT)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--weights", required=True)
    p.add_argument("--out", required=True)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--cifar", help="CIFAR-10 binary file; its first --records records are the inputs")
    src.add_argument("--random-input", type=int, metavar="N", help="N random normal inputs of --size")
    p.add_argument("--records", type=int, default=16)
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--blocks", default=",".join(DEFAULT_BLOCKS), help="comma-separated blocks to capture")
    p.add_argument("--inter-records", type=int, default=2, help="capture intermediates of the first M inputs")
    a = p.parse_args(argv)

    model, kind, wmeta = load_model(a.weights)
    x_np, labels, desc = make_inputs(a, kind)
    blocks = tuple(b for b in a.blocks.split(",") if b)
    x = torch.from_numpy(np.ascontiguousarray(x_np, np.float32))
    m = max(1, min(len(x), a.inter_records))
    with torch.no_grad():
        logits = model(x)
        stepwise, inter = run_stepwise(model, kind, x[:m], blocks)
    if not torch.allclose(stepwise, logits[:m], rtol=1e-4, atol=1e-4):
        sys.exit(f"step-by-step logits differ from the model's forward by {(stepwise - logits[:m]).abs().max():g}")

    tensors = {"input": x.numpy(), "logits": logits.numpy()}
    if labels is not None:
        tensors["labels"] = labels.astype(np.float32)
    for k, v in inter.items():
        tensors[f"inter.{k}"] = v.numpy()
    tensors = {k: np.ascontiguousarray(v, np.float32) for k, v in tensors.items()}
    meta = {"weights": rel_to_repo(a.weights), "kind": kind, "model": wmeta.get("name", ""), "blocks": list(blocks),
            "inputs": desc, "inter_records": m, "mean": MEAN if kind == "cifar" else wmeta.get("mean"),
            "std": STD if kind == "cifar" else wmeta.get("std"), "layout": "NCHW", "torch": torch.__version__}
    if a.cifar:
        meta["data"] = rel_to_repo(a.cifar)
    write_safetensors(a.out, tensors, meta)
    print(f"{a.out}: {len(tensors)} tensors, {kind}, {desc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
