"""Train ResNeXt-29 (C x d) on CIFAR-10 from the official binary batches and export safetensors + metrics.json.

Recipe: SGD nesterov (momentum 0.9), peak lr 0.2 for batch 512 (scaled linearly with the batch size),
2 linear warm-up epochs then linear decay to 0, weight decay 5e-4 on conv/fc weights only (not BN, not biases),
label smoothing 0.1, random 32x32 crop of the 4-pixel reflect-padded image + horizontal flip,
bf16 autocast and channels-last on CUDA.

  python3 training/train_cifar.py --data cifar-10-batches-bin --cardinality 32 --width 4 --epochs 80
  python3 training/train_cifar.py --smoke --train-file ../shared/datasets/cifar10/test_batch.bin \
      --test-file ../shared/datasets/cifar10/test_batch.bin --out /tmp/smoke
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from resnext import (CLASSES, MEAN, STD, ResNeXtCifar, count_macs, count_params, normalize, read_cifar_bin,
                     state_dict_arrays, write_safetensors)

TRAIN_BATCHES = [f"data_batch_{i}.bin" for i in range(1, 6)]
TEST_BATCH = "test_batch.bin"
ARCH = "resnext29-cifar (torchvision naming)"


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", help="folder with data_batch_1..5.bin and test_batch.bin (or a cifar-10-batches-bin "
                                  "folder inside it)")
    p.add_argument("--train-file", action="append", help="a CIFAR-10 binary file to train on (repeatable)")
    p.add_argument("--test-file", help="a CIFAR-10 binary file to evaluate on")
    p.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    p.add_argument("--cardinality", "-C", type=int, default=32)
    p.add_argument("--width", "-d", type=int, default=4, help="bottleneck width d of one group in stage 1")
    p.add_argument("--epochs", type=int, default=80)
    p.add_argument("--batch-size", type=int, default=512)
    p.add_argument("--lr-peak", type=float, default=0.2, help="peak learning rate for batch 512")
    p.add_argument("--warmup-epochs", type=float, default=2)
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--train-records", type=int, help="use only the first N training records")
    p.add_argument("--test-records", type=int, help="use only the first N test records")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--dtype", choices=["float32", "float16"], default="float32", help="dtype of the exported weights")
    p.add_argument("--name", help="model name (default resnext29_<C>x<d>d)")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--smoke", action="store_true",
                   help="quick CPU check: 64 train / 64 test records, 1 epoch, batch 16, C x d = 2 x 4 "
                        "(explicit options still win)")
    a = p.parse_args(argv)
    if a.smoke:
        given = {s.split("=")[0] for s in (argv if argv is not None else sys.argv[1:]) if s.startswith("-")}
        for opts, attr, val in ((("--train-records",), "train_records", 64), (("--test-records",), "test_records", 64),
                                (("--epochs",), "epochs", 1), (("--batch-size",), "batch_size", 16),
                                (("--cardinality", "-C"), "cardinality", 2), (("--width", "-d"), "width", 4),
                                (("--device",), "device", "cpu")):
            if not given & set(opts):
                setattr(a, attr, val)
    if not a.train_file and not a.data:
        p.error("give --data DIR or --train-file FILE")
    return a


def resolve_files(a):
    if a.data:
        d = a.data
        if not os.path.exists(os.path.join(d, TEST_BATCH)) and os.path.isdir(os.path.join(d, "cifar-10-batches-bin")):
            d = os.path.join(d, "cifar-10-batches-bin")
        train = a.train_file or [os.path.join(d, f) for f in TRAIN_BATCHES]
        test = a.test_file or os.path.join(d, TEST_BATCH)
    else:
        train, test = a.train_file, a.test_file
    missing = [f for f in train + ([test] if test else []) if not os.path.isfile(f)]
    if missing:
        sys.exit(f"missing CIFAR-10 binary file(s): {', '.join(missing)}")
    return train, test


def load_records(files, limit):
    xs, ys, left = [], [], limit
    for f in files:
        if left is not None and left <= 0:
            break
        x, y = read_cifar_bin(f, left)
        xs.append(x)
        ys.append(y)
        if left is not None:
            left -= len(y)
    return np.concatenate(xs), np.concatenate(ys)


def lr_lambda(total_steps, warmup_steps):
    """Linear warm-up to the peak over warmup_steps, then linear decay to 0 at total_steps."""
    warm = max(1, min(warmup_steps, total_steps))

    def f(s):
        if s < warm:
            return (s + 1) / warm
        return max(0.0, (total_steps - s) / max(1, total_steps - warm))

    return f


def make_optimizer(model, lr, weight_decay):
    """Weight decay on conv and fc weights only: BN parameters and biases (the 1-D tensors) are not decayed."""
    decay = [p for p in model.parameters() if p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.ndim <= 1]
    return torch.optim.SGD([{"params": decay, "weight_decay": weight_decay},
                            {"params": no_decay, "weight_decay": 0.0}], lr=lr, momentum=0.9, nesterov=True)


class Augmenter:
    """Random 32x32 crops of the 4-pixel reflect-padded set plus horizontal flips, gathered on the device."""

    def __init__(self, x, y, dev, memory_format):
        self.x_pad = F.pad(x, (4, 4, 4, 4), mode="reflect")
        self.y = y
        self.dev = dev
        self.ar = torch.arange(32, device=dev)
        self.ch = torch.arange(x.shape[1], device=dev)[None, :, None, None]
        self.mf = memory_format

    def __call__(self, idx):
        n = len(idx)
        dy = torch.randint(0, 9, (n,), device=self.dev)
        dx = torch.randint(0, 9, (n,), device=self.dev)
        iy = (dy[:, None] + self.ar)[:, None, :, None]
        ix = (dx[:, None] + self.ar)[:, None, None, :]
        x = self.x_pad[idx[:, None, None, None], self.ch, iy, ix]
        flip = torch.rand(n, device=self.dev) < 0.5
        x = torch.where(flip[:, None, None, None], x.flip(3), x)
        return x.contiguous(memory_format=self.mf), self.y[idx]


def evaluate(model, x, y, dev, memory_format, batch=1000):
    model.eval()
    correct = 0
    with torch.no_grad(), torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
        for i in range(0, len(x), batch):
            logits = model(x[i:i + batch].contiguous(memory_format=memory_format)).float()
            correct += (logits.argmax(1) == y[i:i + batch]).sum().item()
    model.train()
    return correct / len(x)


def main(argv=None):
    a = parse_args(argv)
    dev = ("cuda" if torch.cuda.is_available() else "cpu") if a.device == "auto" else a.device
    torch.manual_seed(a.seed)
    np.random.seed(a.seed)
    if dev == "cuda":
        torch.backends.cudnn.benchmark = True
    mf = torch.channels_last if dev == "cuda" else torch.contiguous_format
    train_files, test_file = resolve_files(a)

    t0 = time.time()
    xtr, ytr = load_records(train_files, a.train_records)
    xte, yte = load_records([test_file], a.test_records) if test_file else (xtr[:0], ytr[:0])
    print(f"read {len(ytr)} train + {len(yte)} test records in {time.time() - t0:.1f}s", flush=True)
    if len(ytr) < a.batch_size:
        sys.exit(f"batch size {a.batch_size} is larger than the {len(ytr)} training records")

    Xtr = torch.from_numpy(normalize(xtr)).to(dev)
    Xte = torch.from_numpy(normalize(xte)).to(dev)
    Ytr = torch.from_numpy(ytr).to(dev)
    Yte = torch.from_numpy(yte).to(dev)
    augment = Augmenter(Xtr, Ytr, dev, mf)

    C, d = a.cardinality, a.width
    name = a.name or f"resnext29_{C}x{d}d"
    model = ResNeXtCifar(C, d)
    params, macs = count_params(model), count_macs(model)
    model = model.to(dev).to(memory_format=mf)
    bs = a.batch_size
    lr_peak = a.lr_peak * bs / 512
    steps_per_epoch = len(Ytr) // bs
    total = a.epochs * steps_per_epoch
    opt = make_optimizer(model, lr_peak, a.weight_decay)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda(total, int(round(a.warmup_epochs * steps_per_epoch))))
    print(f"{name}: {params:,} params, {macs:,} MACs, {a.epochs} epochs x {steps_per_epoch} steps of {bs}, "
          f"peak lr {lr_peak:g} on {dev}", flush=True)

    curve = []
    t_start = time.time()
    for ep in range(a.epochs):
        perm = torch.randperm(len(Ytr), device=dev)
        tl = torch.zeros((), device=dev)
        tc = torch.zeros((), device=dev, dtype=torch.long)
        tn = 0
        for s in range(steps_per_epoch):
            x, y = augment(perm[s * bs:(s + 1) * bs])
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
                logits = model(x)
                loss = F.cross_entropy(logits, y, label_smoothing=a.label_smoothing)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            tl += loss.detach().float() * len(y)
            tc += (logits.detach().argmax(1) == y).sum()
            tn += len(y)
        row = {"epoch": ep + 1, "train_loss": round(float(tl) / tn, 4), "train_err": round(1 - float(tc) / tn, 4)}
        if len(Yte):
            row["test_err"] = round(1 - evaluate(model, Xte, Yte, dev, mf), 4)
        row["time_s"] = round(time.time() - t_start, 1)
        row["lr_end"] = round(sched.get_last_lr()[0], 6)
        curve.append(row)
        print(name, row, flush=True)
    train_s = time.time() - t_start
    acc = evaluate(model, Xte, Yte, dev, mf) if len(Yte) else None

    model = model.float().cpu().to(memory_format=torch.contiguous_format).eval()
    os.makedirs(a.out, exist_ok=True)
    meta = {"name": name, "cardinality": C, "bottleneck_width_d": d, "params": params, "macs_32x32": macs,
            "test_acc": acc, "classes": CLASSES, "mean": MEAN, "std": STD, "arch": ARCH}
    np_dtype = np.float16 if a.dtype == "float16" else np.float32
    weights_path = os.path.join(a.out, name + ".safetensors")
    write_safetensors(weights_path, state_dict_arrays(model.state_dict(), np_dtype), meta)

    metrics = {
        "dataset": "CIFAR-10 (official binary batches)",
        "train_files": [os.path.basename(f) for f in train_files],
        "test_file": os.path.basename(test_file) if test_file else None,
        "train_records": int(len(Ytr)), "test_records": int(len(Yte)),
        "classes": CLASSES, "mean": MEAN, "std": STD, "input": "RGB 32x32, (x/255-mean)/std",
        "batch_size": bs, "epochs": a.epochs,
        "recipe": f"SGD nesterov m=0.9, wd {a.weight_decay:g} (not on BN/bias), lr peak {lr_peak:g} "
                  f"(= {a.lr_peak:g} x {bs}/512), linear warm-up {a.warmup_epochs:g} ep then linear decay to 0, "
                  f"label smoothing {a.label_smoothing:g}, random crop (reflect pad 4) + h-flip"
                  + (", bf16 autocast, channels-last" if dev == "cuda" else ", float32"),
        "device": torch.cuda.get_device_name() if dev == "cuda" else "cpu",
        "torch": torch.__version__, "seed": a.seed, "smoke": a.smoke,
        "models": [{"name": name, "cardinality": C, "bottleneck_width_d": d, "params": params,
                    "macs_32x32": macs, "epochs": a.epochs, "train_seconds": round(train_s, 1),
                    "test_acc": acc, "weights": os.path.basename(weights_path), "dtype": a.dtype,
                    "curve": curve}],
    }
    metrics_path = os.path.join(a.out, "metrics.json")
    try:  # several models trained into one folder share one metrics.json, one entry per name
        with open(metrics_path) as f:
            metrics["models"] = [m for m in json.load(f)["models"] if m.get("name") != name] + metrics["models"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    with open(metrics_path, "w") as f:
        json.dump(metrics, f, indent=1)
    print(f"DONE {name} acc={acc} train={train_s:.1f}s -> {weights_path}", flush=True)
    return weights_path


if __name__ == "__main__":
    main()
