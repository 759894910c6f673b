"""PyTorch reference of the lab's training step (src/resnext/train/): the small ResNeXt of the lab section,
deterministic weights, one batch, two SGD steps (momentum, weight decay), written as one safetensors file.

  /usr/bin/python3 training/lab_parity.py --c 4 --d 6 --out .cache/fixtures/lab_step_c4.safetensors

The file holds (PyTorch layouts, float32): `input` (NCHW), `labels` (as float32), `w.NAME` (the weights before the step),
`grad.NAME` (the first step's gradients), `step1.NAME` and `step2.NAME` (the parameters and running statistics
after each step), `bn_mean.BN` and `bn_var.BN` (the first step's batch statistics, variance biased), `loss1`,
`loss2` and `logits_eval` (eval-mode logits after the two steps). The values are computed in float64 (stored as
float32); the metadata's `err32` gives, per tensor, how far PyTorch's own float32 runs (NCHW and channels-last) are
from them.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from resnext import write_safetensors  # noqa: E402

STEM = 32
OUTPUTS = (64, 128, 256)
STRIDES = (1, 2, 2)
LR, MOMENTUM, WEIGHT_DECAY = 0.05, 0.9, 5e-4


class Block(nn.Module):
    def __init__(self, cin, width, cout, c, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, width, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, stride, 1, groups=c, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.conv3 = nn.Conv2d(width, cout, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(cout)
        self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = F.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        return F.relu(y + self.downsample(x))


class LabNet(nn.Module):
    def __init__(self, c, d):
        super().__init__()
        self.conv1 = nn.Conv2d(3, STEM, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(STEM)
        cin = STEM
        for i, (o, s) in enumerate(zip(OUTPUTS, STRIDES)):
            setattr(self, f"layer{i + 1}", Block(cin, c * d * 2**i, o, c, s))
            cin = o
        self.fc = nn.Linear(cin, 10)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(x.mean((2, 3)))


def run(net, init, x, labels, dtype, channels_last=False):
    """Two SGD steps from `init` on one batch in `dtype`; the recorded tensors as float64 numpy arrays."""
    net.load_state_dict(init)
    net.to(dtype)
    x = x.to(dtype)
    if channels_last:
        net.to(memory_format=torch.channels_last)
        x = x.contiguous(memory_format=torch.channels_last)
    out = {}
    stats = {}

    def hook(name):
        def f(module, inputs, _output):
            t = inputs[0]
            stats[name] = (t.mean((0, 2, 3)).detach(), t.var((0, 2, 3), unbiased=False).detach())
        return f

    hooks = [m.register_forward_hook(hook(n)) for n, m in net.named_modules() if isinstance(m, nn.BatchNorm2d)]
    opt = torch.optim.SGD(net.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)
    net.train()
    for step in (1, 2):
        opt.zero_grad()
        loss = F.cross_entropy(net(x), labels)
        loss.backward()
        out[f"loss{step}"] = np.array([loss.item()])
        if step == 1:
            for k, p in net.named_parameters():
                out[f"grad.{k}"] = p.grad.double().numpy().copy()
            for n, (mean, var) in stats.items():
                out[f"bn_mean.{n}"] = mean.double().numpy().copy()
                out[f"bn_var.{n}"] = var.double().numpy().copy()
            for h in hooks:
                h.remove()
        opt.step()
        for k, v in net.state_dict().items():
            if not k.endswith("num_batches_tracked"):
                out[f"step{step}.{k}"] = v.double().numpy().copy()
    net.eval()
    with torch.no_grad():
        out["logits_eval"] = net(x).double().numpy()
    for k, v in init.items():
        if not k.endswith("num_batches_tracked"):
            out[f"w.{k}"] = v.double().numpy().copy()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=int, required=True)
    ap.add_argument("--d", type=int, required=True)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    net = LabNet(args.c, args.d)
    # deterministic, non-trivial weights: Kaiming-normal convolutions, batch-norm affine away from 1 and 0,
    # running statistics away from their initial values
    with torch.no_grad():
        for name, m in net.named_modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
                m.running_mean.uniform_(-0.1, 0.1)
                m.running_var.uniform_(0.5, 1.5)
    x = torch.randn(args.batch, 3, 32, 32)
    labels = torch.randint(0, 10, (args.batch,))
    init = {k: v.clone() for k, v in net.state_dict().items()}
    # The reference is computed in float64; PyTorch's own float32 runs (NCHW and channels-last, which sum in
    # other orders) give each tensor's float32 error, which the test's tolerance allows for: the gradients of
    # the lower layers depend on rounding far more than the rest (a ReLU input at zero within rounding, a
    # batch-norm channel of small variance).
    ref = run(LabNet(args.c, args.d), init, x, labels, torch.float64)
    f32 = run(LabNet(args.c, args.d), init, x, labels, torch.float32)
    f32cl = run(LabNet(args.c, args.d), init, x, labels, torch.float32, channels_last=True)
    err32 = {}
    for k, v in ref.items():
        scale = max(np.abs(v).max(), 1e-3)
        err32[k] = float(max(np.abs(f32[k] - v).max(), np.abs(f32cl[k] - v).max()) / scale)
    out = {"input": x.numpy(), "labels": labels.numpy().astype(np.float32), **ref}
    out = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in out.items()}
    meta = {"c": str(args.c), "d": str(args.d), "lr": str(LR), "momentum": str(MOMENTUM),
            "weight_decay": str(WEIGHT_DECAY), "batch": str(args.batch), "torch": torch.__version__,
            "err32": json.dumps(err32)}
    write_safetensors(args.out, out, meta)
    print(f"wrote {args.out}: C = {args.c}, d = {args.d}, loss {out['loss1'][0]:.6f} → {out['loss2'][0]:.6f}, "
          f"PyTorch float32's (NCHW, channels-last) largest relative error {max(err32.values()):.1e}")


if __name__ == "__main__":
    main()
