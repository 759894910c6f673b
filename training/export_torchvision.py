"""Convert a torchvision ResNet / ResNeXt state dict (.pth) to the project's safetensors format.

  python3 training/export_torchvision.py r50.pth public/models/resnext50_32x4d.safetensors [--fp16]
  python3 training/export_torchvision.py --arch resnext50_32x4d --random --seed 0 OUT.safetensors

The variant (depth, cardinality C, bottleneck width d) is read from the state dict itself: depth from the
number of blocks per stage, C and d from the shape of layer1.0.conv2.weight ([C*d, d, 3, 3] for stage 1).
`--random` exports a randomly initialised torchvision model whose BatchNorm parameters and running statistics
are also drawn at random (seeded), so that the network is not an identity-like function for tests.
"""
import argparse
import os
import re
import sys

import numpy as np
import torch
import torchvision

from resnext import IMAGENET_MEAN, IMAGENET_STD, count_macs, count_params, state_dict_arrays, write_safetensors

ARCH = "imagenet (torchvision naming)"
RANDOM_ARCHS = ("resnext50_32x4d", "resnext101_32x8d", "resnet50", "resnet101")
_BLOCK_KEY = re.compile(r"^layer(\d)\.(\d+)\.")


def clean_state_dict(obj):
    """Accept a bare state dict or a checkpoint holding one; drop a DataParallel `module.` prefix."""
    for key in ("state_dict", "model"):
        if isinstance(obj, dict) and key in obj and isinstance(obj[key], dict):
            obj = obj[key]
    if not isinstance(obj, dict):
        raise ValueError("not a state dict")
    return {(k[len("module."):] if k.startswith("module.") else k): v for k, v in obj.items()}


def detect_variant(sd):
    """Variant of a torchvision ResNet-family state dict: name, depth, blocks, C, d, num_classes, bottleneck."""
    counts = {}
    for k in sd:
        m = _BLOCK_KEY.match(k)
        if m:
            s, b = int(m.group(1)), int(m.group(2))
            counts[s] = max(counts.get(s, 0), b + 1)
    if sorted(counts) != [1, 2, 3, 4]:
        raise ValueError(f"expected stages layer1..layer4, found {sorted(counts)}")
    blocks = [counts[s] for s in (1, 2, 3, 4)]
    bottleneck = "layer1.0.conv3.weight" in sd
    num_classes = int(sd["fc.weight"].shape[0])
    if not bottleneck:
        depth = 2 * sum(blocks) + 2
        return {"name": f"resnet{depth}", "depth": depth, "blocks": blocks, "cardinality": 1,
                "bottleneck_width_d": 64, "num_classes": num_classes, "bottleneck": False}
    w = sd["layer1.0.conv2.weight"].shape  # [width, width / groups, 3, 3]; stage-1 width = C * d
    width, per_group = int(w[0]), int(w[1])
    if width % per_group:
        raise ValueError(f"layer1.0.conv2.weight shape {list(w)} is not a grouped 3x3 conv")
    C, d = width // per_group, per_group
    depth = 3 * sum(blocks) + 2
    if C > 1:
        name = f"resnext{depth}_{C}x{d}d"
    elif d == 64:
        name = f"resnet{depth}"
    else:
        name = f"wide_resnet{depth}_{d // 64}" if d % 64 == 0 else f"resnet{depth}_w{d}"
    return {"name": name, "depth": depth, "blocks": blocks, "cardinality": C, "bottleneck_width_d": d,
            "num_classes": num_classes, "bottleneck": True}


def build_model(variant):
    """The torchvision model of a detected variant (random weights)."""
    from torchvision.models.resnet import BasicBlock, Bottleneck, ResNet
    block = Bottleneck if variant["bottleneck"] else BasicBlock
    return ResNet(block, variant["blocks"], num_classes=variant["num_classes"],
                  groups=variant["cardinality"], width_per_group=variant["bottleneck_width_d"])


def randomize_batchnorm(model, seed):
    """Seeded non-trivial BN statistics and affine parameters (torchvision initialises them to 0/1)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                n = m.num_features
                m.running_mean.copy_(torch.randn(n, generator=g) * 0.1)
                m.running_var.copy_(torch.rand(n, generator=g) + 0.5)
                m.weight.copy_(torch.rand(n, generator=g) + 0.5)
                m.bias.copy_(torch.randn(n, generator=g) * 0.1)
    return model


def random_model(arch, seed):
    if arch not in RANDOM_ARCHS:
        raise ValueError(f"--arch must be one of {', '.join(RANDOM_ARCHS)}")
    torch.manual_seed(seed)
    model = getattr(torchvision.models, arch)(weights=None)
    return randomize_batchnorm(model, seed).eval()


def export_state_dict(sd, out, fp16=False, source=None):
    """Write sd to out with the project's metadata; returns the metadata written."""
    sd = clean_state_dict(sd)
    variant = detect_variant(sd)
    model = build_model(variant)
    model.load_state_dict(sd, strict=True)  # fails loudly on any missing or unexpected tensor
    meta = {"name": variant["name"], "arch": ARCH, "cardinality": variant["cardinality"],
            "bottleneck_width_d": variant["bottleneck_width_d"], "depth": variant["depth"],
            "blocks": variant["blocks"], "params": count_params(model), "macs_224": count_macs(model, 224),
            "mean": IMAGENET_MEAN, "std": IMAGENET_STD, "num_classes": variant["num_classes"],
            "dtype": "float16" if fp16 else "float32"}
    if source:
        meta["source"] = source
    write_safetensors(out, state_dict_arrays(model.state_dict(), np.float16 if fp16 else np.float32), meta)
    return meta


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", metavar="[PTH] OUT", help="input .pth (omit with --random) and output path")
    p.add_argument("--fp16", action="store_true", help="store float16 instead of float32")
    p.add_argument("--arch", choices=RANDOM_ARCHS, help="with --random: the torchvision architecture")
    p.add_argument("--random", action="store_true", help="export a randomly initialised model instead of a .pth")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    if a.random:
        if not a.arch or len(a.inputs) != 1:
            p.error("--random needs --arch and exactly one output path")
        sd, out, source = random_model(a.arch, a.seed).state_dict(), a.inputs[0], f"random init, seed {a.seed}"
    else:
        if len(a.inputs) != 2:
            p.error("give an input .pth and an output path")
        pth, out = a.inputs
        sd, source = torch.load(pth, map_location="cpu"), os.path.basename(pth)
    meta = export_state_dict(sd, out, fp16=a.fp16, source=source)
    print(f"{meta['name']}: {meta['params']:,} params, {meta['macs_224']:,} MACs at 224 -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
