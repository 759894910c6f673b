"""Reference parameter and multiply-accumulate counts from PyTorch, printed as JSON.

The TypeScript counting code in src/resnext/ is tested against this output. Counting rules:
  params  = sum of numel over module.parameters() (BN weight + bias; running statistics are buffers, not counted)
  MACs    = per Conv2d: output elements x (in/groups x kh x kw), per Linear: weight elements (biases not counted),
            taken from forward hooks on a single image, so output sizes come from PyTorch itself.
Shapes are written NHWC ([1, H, W, C]; Linear as [1, 1, 1, C]) and weights in PyTorch layout (OIHW, [out, in]).

Usage (run with the interpreter that has torch + torchvision):
  python3 training/reference_counts.py --networks
  python3 training/reference_counts.py --block 256,256,32,4,56,1 --block 512,512,8,28,28,2
  python3 training/reference_counts.py --inception
"""
import argparse
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "training"))
from train_cifar import ResNeXtCifar  # noqa: E402

torch.set_num_threads(1)


def nhwc(shape):
    s = list(shape)
    if len(s) == 2:
        return [s[0], 1, 1, s[1]]
    return [s[0], s[2], s[3], s[1]]


def count(model, hw, in_channels=3):
    """Totals and a per-layer table (Conv2d, BatchNorm2d, Linear) for one hw x hw image, computed on the meta device."""
    layers = {}
    names = {m: n for n, m in model.named_modules()}
    hooks = []

    def hook(m, inp, out):
        own = sum(p.numel() for p in m.parameters(recurse=False))
        if isinstance(m, nn.Conv2d):
            kind, macs = "conv", out[0].numel() * m.weight.shape[1] * m.weight.shape[2] * m.weight.shape[3]
        elif isinstance(m, nn.Linear):
            kind, macs = "fc", m.weight.numel()
        else:
            kind, macs = "bn", 0
        layers[names[m]] = {
            "kind": kind,
            "weightShape": list(m.weight.shape),
            "inShape": nhwc(inp[0].shape),
            "outShape": nhwc(out.shape),
            "params": own,
            "macs": macs,
        }

    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.BatchNorm2d, nn.Linear)):
            hooks.append(m.register_forward_hook(hook))
    model = model.to("meta").eval()
    with torch.no_grad():
        model(torch.zeros(1, in_channels, hw, hw, device="meta"))
    for h in hooks:
        h.remove()
    return {
        "params": sum(p.numel() for p in model.parameters()),
        "macs": sum(v["macs"] for v in layers.values()),
        "layers": layers,
    }


def networks():
    out = {}
    for c, d in [(1, 64), (2, 40), (4, 24), (8, 14), (32, 4), (8, 64), (16, 64)]:
        out[f"resnext29_{c}x{d}d"] = count(ResNeXtCifar(c, d), 32)
    out["resnet50"] = count(torchvision.models.resnet50(), 224)
    out["resnext50_32x4d"] = count(torchvision.models.resnext50_32x4d(), 224)
    out["resnext101_32x8d"] = count(torchvision.models.resnext101_32x8d(), 224)
    return out


class FormA(nn.Module):
    """C paths of 1x1 in->d, 3x3 d->d, 1x1 d->out, summed."""

    def __init__(self, cin, cout, c, d, stride):
        super().__init__()
        self.paths = nn.ModuleList(
            nn.Sequential(nn.Conv2d(cin, d, 1, bias=False), nn.Conv2d(d, d, 3, stride, 1, bias=False),
                          nn.Conv2d(d, cout, 1, bias=False))
            for _ in range(c))

    def forward(self, x):
        return sum(p(x) for p in self.paths)


class FormB(nn.Module):
    """C paths of 1x1 in->d, 3x3 d->d, concatenated, then one 1x1 C*d->out."""

    def __init__(self, cin, cout, c, d, stride):
        super().__init__()
        self.paths = nn.ModuleList(
            nn.Sequential(nn.Conv2d(cin, d, 1, bias=False), nn.Conv2d(d, d, 3, stride, 1, bias=False))
            for _ in range(c))
        self.merge = nn.Conv2d(c * d, cout, 1, bias=False)

    def forward(self, x):
        return self.merge(torch.cat([p(x) for p in self.paths], 1))


class FormC(nn.Module):
    """1x1 in->C*d, 3x3 grouped conv with C groups, 1x1 C*d->out."""

    def __init__(self, cin, cout, c, d, stride):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(cin, c * d, 1, bias=False),
                                  nn.Conv2d(c * d, c * d, 3, stride, 1, groups=c, bias=False),
                                  nn.Conv2d(c * d, cout, 1, bias=False))

    def forward(self, x):
        return self.body(x)


def block(spec):
    cin, cout, c, d, hw, *rest = (int(v) for v in spec.split(","))
    stride = rest[0] if rest else 1
    res = {"in": cin, "out": cout, "C": c, "d": d, "spatial": hw, "stride": stride}
    for name, cls in [("a", FormA), ("b", FormB), ("c", FormC)]:
        r = count(cls(cin, cout, c, d, stride), hw, cin)
        res[name] = {"params": r["params"], "macs": r["macs"]}
    return res


class Inception(nn.Module):
    """GoogLeNet inception module with biased convolutions; branches are lists of ('conv', k, out) / ('pool', k)."""

    def __init__(self, cin, branches):
        super().__init__()
        self.branches = nn.ModuleList()
        for br in branches:
            mods, ch = [], cin
            for layer in br:
                if layer[0] == "conv":
                    mods.append(nn.Conv2d(ch, layer[2], layer[1], padding=layer[1] // 2))
                    ch = layer[2]
                else:
                    mods.append(nn.MaxPool2d(layer[1], 1, layer[1] // 2))
            self.branches.append(nn.Sequential(*mods))

    def forward(self, x):
        return torch.cat([b(x) for b in self.branches], 1)


def inception():
    modules = {
        "3a": [[("conv", 1, 64)], [("conv", 1, 96), ("conv", 3, 128)], [("conv", 1, 16), ("conv", 5, 32)],
               [("pool", 3), ("conv", 1, 32)]],
        "naive": [[("conv", 1, 64)], [("conv", 3, 128)], [("conv", 5, 32)], [("pool", 3)]],
    }
    out = {}
    for name, branches in modules.items():
        m = Inception(192, branches)
        r = count(m, 28, 192)
        per_branch = []
        for i, b in enumerate(m.branches):
            convs = [v for k, v in r["layers"].items() if k.startswith(f"branches.{i}.")]
            per_branch.append({
                "weights": sum(p.numel() for n, p in b.named_parameters() if n.endswith("weight")),
                "biases": sum(p.numel() for n, p in b.named_parameters() if n.endswith("bias")),
                "macs": sum(v["macs"] for v in convs),
            })
        y = m.to("meta")(torch.zeros(1, 192, 28, 28, device="meta"))
        out[name] = {"params": r["params"], "macs": r["macs"], "branches": per_branch, "outShape": nhwc(y.shape)}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--networks", action="store_true")
    ap.add_argument("--block", action="append", default=[], metavar="IN,OUT,C,D,H[,STRIDE]")
    ap.add_argument("--inception", action="store_true")
    a = ap.parse_args()
    res = {}
    if a.networks:
        res["networks"] = networks()
    if a.block:
        res["blocks"] = [block(s) for s in a.block]
    if a.inception:
        res["inception"] = inception()
    json.dump(res, sys.stdout)
    print()


if __name__ == "__main__":
    main()
