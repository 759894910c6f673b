"""Train ResNeXt-29 (C x d) on CIFAR-10 and export safetensors + metrics.json.

Recipe: SGD nesterov (momentum 0.9), peak lr 0.2 for batch 512 (scaled linearly with the batch size),
2 linear warm-up epochs then cosine decay to 0 (`--schedule linear`: the linear decay of the earlier models),
weight decay 5e-4 on conv/fc weights only (not BN, not biases), label smoothing 0.1, random 32x32 crop of the
4-pixel reflect-padded image + horizontal flip + Cutout 16x16, an exponential moving average of the weights
(evaluated and exported), bf16 autocast and channels-last on CUDA, torch.compile when available.
`--time-budget SECONDS` sizes the schedule (the number of epochs) so that training ends in time.
Data-parallel on several GPUs (or CPU processes) with `torchrun --nproc_per_node N` (SyncBatchNorm semantics:
the same result as one process at the same global batch, up to float rounding).

  python3 training/train_cifar.py --data cifar-10-batches-bin --cardinality 32 --width 4 --epochs 80
  python3 training/train_cifar.py --train-npz cifar10-train-jpeg.npz --test-file test_batch.bin --time-budget 450
  python3 training/train_cifar.py --smoke --train-file ../shared/datasets/cifar10/test_batch.bin \
      --test-file ../shared/datasets/cifar10/test_batch.bin --out /tmp/smoke
"""
import argparse
import copy
import glob
import io
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from resnext import (CLASSES, MEAN, STD, ResNeXtCifar, count_macs, count_params, normalize,  # noqa: E402
                     read_cifar_bin, state_dict_arrays, write_safetensors)

TRAIN_BATCHES = [f"data_batch_{i}.bin" for i in range(1, 6)]
TEST_BATCH = "test_batch.bin"
ARCH = "resnext29-cifar (torchvision naming)"


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", help="folder with data_batch_1..5.bin and test_batch.bin (or a cifar-10-batches-bin "
                                  "folder inside it)")
    p.add_argument("--train-file", action="append", help="a CIFAR-10 binary file to train on (repeatable)")
    p.add_argument("--train-npz", help="the training pack (labels, offsets, concatenated JPEGs), decoded in memory "
                                       "in the order npz_to_cifar_bin.py writes (seed-0 shuffle)")
    p.add_argument("--test-file", help="a CIFAR-10 binary file to evaluate on")
    p.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    p.add_argument("--cardinality", "-C", type=int, default=32)
    p.add_argument("--width", "-d", type=int, default=4, help="bottleneck width d of one group in stage 1")
    p.add_argument("--blocks", default="3,3,3", help="blocks per stage (3,3,3 is ResNeXt-29; fewer for quick checks)")
    p.add_argument("--epochs", type=int, default=80, help="epochs (with --time-budget: the most epochs)")
    p.add_argument("--time-budget", type=float, help="seconds of training (from the first step to the last "
                                                     "epoch's evaluation) that the schedule is sized to")
    p.add_argument("--deadline", type=float, help="like --time-budget, as an absolute Unix time")
    p.add_argument("--sync-dir", help="with --deadline: processes trained side by side agree on one epoch count "
                                      "through files in this folder (the slowest one's epoch time counts)")
    p.add_argument("--sync-count", type=int, default=1, help="how many processes share --sync-dir")
    p.add_argument("--batch-size", type=int, default=512, help="global batch (split over torchrun processes)")
    p.add_argument("--lr-peak", type=float, default=0.2, help="peak learning rate for batch 512")
    p.add_argument("--warmup-epochs", type=float, default=2)
    p.add_argument("--schedule", choices=["cosine", "linear"], default="cosine")
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--cutout", type=int, default=16, help="side of the Cutout square (0: none)")
    p.add_argument("--ema-decay", type=float, default=0.999, help="EMA decay per step (0: no EMA)")
    p.add_argument("--train-records", type=int, help="use only the first N training records")
    p.add_argument("--test-records", type=int, help="use only the first N test records")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--dtype", choices=["float32", "float16"], default="float32", help="dtype of the exported weights")
    p.add_argument("--also-float16", action="store_true", help="also write NAME.f16.safetensors")
    p.add_argument("--name", help="model name (default resnext29_<C>x<d>d)")
    p.add_argument("--metrics-name", default="metrics.json")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--float64", action="store_true", help="train in float64 on the CPU (exactness checks: one "
                                                          "process against several)")
    p.add_argument("--compile", choices=["auto", "on", "off"], default="auto",
                   help="torch.compile the training model (auto: on CUDA when available; falls back to eager)")
    p.add_argument("--benchmark-steps", type=int, help="only time this many training steps after 5 warm-up "
                                                       "steps; print and write seconds per step and per epoch")
    p.add_argument("--benchmark-warmup", type=int, default=5, help="untimed steps before --benchmark-steps")
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
    if not a.train_file and not a.data and not a.train_npz:
        p.error("give --data DIR, --train-file FILE or --train-npz FILE")
    if a.time_budget is not None and a.deadline is not None:
        p.error("give --time-budget or --deadline, not both")
    return a


def resolve_files(a):
    if a.data:
        d = a.data
        if not os.path.exists(os.path.join(d, TEST_BATCH)) and os.path.isdir(os.path.join(d, "cifar-10-batches-bin")):
            d = os.path.join(d, "cifar-10-batches-bin")
        train = a.train_file or ([] if a.train_npz else [os.path.join(d, f) for f in TRAIN_BATCHES])
        test = a.test_file or os.path.join(d, TEST_BATCH)
    else:
        train, test = a.train_file or [], a.test_file
    missing = [f for f in train + ([test] if test else []) + ([a.train_npz] if a.train_npz else [])
               if not os.path.isfile(f)]
    if missing:
        sys.exit(f"missing CIFAR-10 file(s): {', '.join(missing)}")
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


def load_npz(path, limit=None):
    """The training pack decoded to (uint8 [N,3,32,32], int64 [N]), in the order of npz_to_cifar_bin.py
    (a seed-0 permutation), so the first N records here are the first N of its data_batch_1.bin."""
    from PIL import Image
    z = np.load(path)
    y, off, data = z["labels"], z["offsets"], z["data"]
    order = np.random.RandomState(0).permutation(len(y))
    if limit is not None:
        order = order[:limit]
    x = np.stack([np.asarray(Image.open(io.BytesIO(data[off[i]:off[i + 1]].tobytes())).convert("RGB"))
                  for i in order])
    return np.ascontiguousarray(x.transpose(0, 3, 1, 2)), y[order].astype(np.int64)


class Schedule:
    """Learning-rate factor per step: linear warm-up to 1 over warmup_steps, then cosine (or linear) decay to 0 at
    total_steps. total_steps may be set later (after warm-up) when a time budget sizes the run."""

    def __init__(self, total_steps, warmup_steps, kind="cosine"):
        self.total, self.warmup, self.kind = total_steps, warmup_steps, kind

    def __call__(self, s):
        warm = max(1, min(self.warmup, self.total))
        if s < warm:
            return (s + 1) / warm
        t = min(1.0, (s - warm) / max(1, self.total - warm))
        return 0.5 * (1 + math.cos(math.pi * t)) if self.kind == "cosine" else 1 - t


def lr_lambda(total_steps, warmup_steps, kind="linear"):
    """Linear warm-up to the peak over warmup_steps, then decay to 0 at total_steps (linear by default)."""
    return Schedule(total_steps, warmup_steps, kind)


def epochs_for_budget(done_epochs, epoch_seconds, seconds_left, max_epochs):
    """How many epochs in all fit: the ones done plus as many of epoch_seconds as fit in seconds_left
    (at least the ones done, at most max_epochs)."""
    more = int(max(0.0, seconds_left) // max(epoch_seconds, 1e-9))
    return max(done_epochs, min(max_epochs, done_epochs + more))


def agree_on_epochs(sync_dir, count, tag, done, epoch_s, now, deadline, max_epochs, timeout=None):
    """Processes trained side by side write their epoch time here, wait for all `count` of them, and size the run
    by the slowest epoch and the latest report, so every one of them gets the same number of epochs."""
    os.makedirs(sync_dir, exist_ok=True)
    tmp = os.path.join(sync_dir, f".{tag}.tmp")
    with open(tmp, "w") as f:
        json.dump({"tag": tag, "epoch_s": epoch_s, "t": now, "done": done}, f)
    os.replace(tmp, os.path.join(sync_dir, f"{tag}.json"))
    limit = time.time() + (timeout if timeout is not None else max(60.0, deadline - time.time()))
    while True:
        files = sorted(glob.glob(os.path.join(sync_dir, "*.json")))
        if len(files) >= count or time.time() > limit:
            break
        time.sleep(0.2)
    rows = []
    for fn in files:
        with open(fn) as f:
            rows.append(json.load(f))
    slowest = max(r["epoch_s"] for r in rows)
    latest = max(r["t"] for r in rows)
    return epochs_for_budget(done, slowest, deadline - latest, max_epochs), len(rows)


def make_optimizer(model, lr, weight_decay):
    """Weight decay on conv and fc weights only: BN parameters and biases (the 1-D tensors) are not decayed."""
    decay = [p for p in model.parameters() if p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.ndim <= 1]
    return torch.optim.SGD([{"params": decay, "weight_decay": weight_decay},
                            {"params": no_decay, "weight_decay": 0.0}], lr=lr, momentum=0.9, nesterov=True)


class Augmenter:
    """Random 32x32 crops of the 4-pixel reflect-padded set, horizontal flips and Cutout, gathered on the device.

    The random numbers are drawn for the whole (global) batch; `part=(i, n)` returns the i-th of n equal slices,
    so data-parallel processes that share a seed see exactly the slices of the batch one process would see."""

    def __init__(self, x, y, dev, memory_format, cutout=0):
        self.x_pad = F.pad(x, (4, 4, 4, 4), mode="reflect")
        self.y = y
        self.dev = dev
        self.ar = torch.arange(32, device=dev)
        self.ch = torch.arange(x.shape[1], device=dev)[None, :, None, None]
        self.mf = memory_format
        self.cutout = cutout

    def __call__(self, idx, part=None):
        n = len(idx)
        dy = torch.randint(0, 9, (n,), device=self.dev)
        dx = torch.randint(0, 9, (n,), device=self.dev)
        flip = torch.rand(n, device=self.dev) < 0.5
        if self.cutout:
            cy = torch.randint(0, 32, (n,), device=self.dev)
            cx = torch.randint(0, 32, (n,), device=self.dev)
        if part is not None:
            i, k = part
            sl = slice(i * n // k, (i + 1) * n // k)
            idx, dy, dx, flip = idx[sl], dy[sl], dx[sl], flip[sl]
            if self.cutout:
                cy, cx = cy[sl], cx[sl]
        iy = (dy[:, None] + self.ar)[:, None, :, None]
        ix = (dx[:, None] + self.ar)[:, None, None, :]
        x = self.x_pad[idx[:, None, None, None], self.ch, iy, ix]
        x = torch.where(flip[:, None, None, None], x.flip(3), x)
        if self.cutout:
            x = x * (1 - cutout_mask(cy, cx, self.cutout, self.ar).to(x.dtype))
        return x.contiguous(memory_format=self.mf), self.y[idx]


def cutout_mask(cy, cx, size, ar):
    """[n,1,32,32] mask, 1 inside the size x size square centred at (cy, cx) (clipped at the border). Cutout sets
    those pixels to 0 in normalised space, i.e. to the data set's mean colour."""
    half = size // 2
    my = ((ar[None, :] >= (cy[:, None] - half)) & (ar[None, :] < (cy[:, None] - half + size)))
    mx = ((ar[None, :] >= (cx[:, None] - half)) & (ar[None, :] < (cx[:, None] - half + size)))
    return (my[:, None, :, None] & mx[:, None, None, :])


class SyncBatchNorm2d(nn.BatchNorm2d):
    """BatchNorm2d whose training statistics are taken over the whole batch of all data-parallel processes
    (sum and sum of squares all-reduced, differentiably), on any device and backend (gloo on CPU too). With one
    process, or in eval mode, it is exactly nn.BatchNorm2d; tensor names are the same."""

    def forward(self, x):
        if not (self.training and dist.is_available() and dist.is_initialized() and dist.get_world_size() > 1):
            return super().forward(x)
        import torch.distributed.nn.functional as dist_nn
        c = x.shape[1]
        xf = x.float() if x.dtype in (torch.float16, torch.bfloat16) else x
        local = torch.cat([xf.sum((0, 2, 3)), (xf * xf).sum((0, 2, 3)),
                           torch.full((1,), float(x.numel() // c), device=x.device, dtype=xf.dtype)])
        tot = dist_nn.all_reduce(local)
        n = tot[-1]
        mean = tot[:c] / n
        var = (tot[c:2 * c] / n - mean * mean).clamp_min(0)
        with torch.no_grad():
            m = self.momentum
            self.running_mean.mul_(1 - m).add_(mean.detach(), alpha=m)
            self.running_var.mul_(1 - m).add_(var.detach() * (n / (n - 1)), alpha=m)
            self.num_batches_tracked += 1
        y = (xf - mean[None, :, None, None]) * torch.rsqrt(var + self.eps)[None, :, None, None]
        return (y * self.weight[None, :, None, None] + self.bias[None, :, None, None]).to(x.dtype)


def convert_sync_bn(module):
    """Every nn.BatchNorm2d of module replaced by SyncBatchNorm2d holding the same tensors."""
    for name, child in module.named_children():
        if type(child) is nn.BatchNorm2d:
            new = SyncBatchNorm2d(child.num_features, child.eps, child.momentum)
            new.load_state_dict(child.state_dict())
            setattr(module, name, new)
        else:
            convert_sync_bn(child)
    return module


class EMA:
    """Exponential moving average of every floating tensor of a model's state dict (parameters and BN statistics).
    The decay ramps up as min(decay, (1 + n) / (10 + n)) over the first updates."""

    def __init__(self, model, decay):
        self.model = copy.deepcopy(model).eval()
        for p in self.model.parameters():
            p.requires_grad_(False)
        self.decay = decay
        self.updates = 0
        self.src = [t for t in model.state_dict().values() if t.dtype.is_floating_point]
        self.dst = [t for t in self.model.state_dict().values() if t.dtype.is_floating_point]

    @torch.no_grad()
    def update(self):
        self.updates += 1
        d = min(self.decay, (1 + self.updates) / (10 + self.updates))
        torch._foreach_mul_(self.dst, d)
        torch._foreach_add_(self.dst, self.src, alpha=1 - d)


def evaluate(model, x, y, dev, memory_format, batch=1000, autocast=True):
    was = model.training
    model.eval()
    correct = 0
    with torch.no_grad(), torch.autocast(dev, dtype=torch.bfloat16, enabled=autocast and dev == "cuda"):
        for i in range(0, len(x), batch):
            logits = model(x[i:i + batch].contiguous(memory_format=memory_format)).float()
            correct += (logits.argmax(1) == y[i:i + batch]).sum().item()
    model.train(was)
    return correct / len(x) if len(x) else None


def setup_distributed(a):
    """(rank, world, device) from torchrun's environment; one process without it."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if a.device == "auto":
        dev = "cuda" if torch.cuda.is_available() else "cpu"
    else:
        dev = a.device
    if world == 1:
        return 0, 1, dev, dev
    rank, local = int(os.environ["RANK"]), int(os.environ.get("LOCAL_RANK", "0"))
    if dev == "cuda":
        torch.cuda.set_device(local)
    dist.init_process_group("nccl" if dev == "cuda" else "gloo")
    return rank, world, dev, (f"cuda:{local}" if dev == "cuda" else "cpu")


def main(argv=None):
    a = parse_args(argv)
    rank, world, dev, where = setup_distributed(a)
    main_proc = rank == 0
    log = print if main_proc else (lambda *x, **k: None)
    torch.manual_seed(a.seed)
    np.random.seed(a.seed)
    if dev == "cuda":
        torch.backends.cudnn.benchmark = True
    mf = torch.channels_last if dev == "cuda" else torch.contiguous_format
    train_files, test_file = resolve_files(a)
    if a.batch_size % world:
        sys.exit(f"batch size {a.batch_size} does not split over {world} processes")

    t0 = time.time()
    if a.train_npz:
        xtr, ytr = load_npz(a.train_npz, a.train_records)
    else:
        xtr, ytr = load_records(train_files, a.train_records)
    xte, yte = load_records([test_file], a.test_records) if test_file else (xtr[:0], ytr[:0])
    log(f"read {len(ytr)} train + {len(yte)} test records in {time.time() - t0:.1f}s", flush=True)
    if len(ytr) < a.batch_size:
        sys.exit(f"batch size {a.batch_size} is larger than the {len(ytr)} training records")

    fdt = torch.float64 if a.float64 else torch.float32
    Xtr = torch.from_numpy(normalize(xtr)).to(where, fdt)
    Xte = torch.from_numpy(normalize(xte)).to(where, fdt)
    Ytr = torch.from_numpy(ytr).to(where)
    Yte = torch.from_numpy(yte).to(where)
    augment = Augmenter(Xtr, Ytr, where, mf, a.cutout)

    C, d = a.cardinality, a.width
    name = a.name or f"resnext29_{C}x{d}d"
    blocks = tuple(int(b) for b in a.blocks.split(","))
    model = ResNeXtCifar(C, d, blocks)
    params, macs = count_params(model), count_macs(model)
    if world > 1:
        convert_sync_bn(model)
    model = model.to(where, fdt).to(memory_format=mf)
    ema = EMA(model, a.ema_decay) if a.ema_decay > 0 else None
    bs = a.batch_size
    lr_peak = a.lr_peak * bs / 512
    steps_per_epoch = len(Ytr) // bs
    budgeted = a.time_budget is not None or a.deadline is not None
    sched_f = Schedule(a.epochs * steps_per_epoch, int(round(a.warmup_epochs * steps_per_epoch)), a.schedule)
    opt = make_optimizer(model, lr_peak, a.weight_decay)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, sched_f)

    train_model = model
    if world > 1:
        from torch.nn.parallel import DistributedDataParallel as DDP
        train_model = DDP(model, device_ids=[torch.cuda.current_device()] if dev == "cuda" else None)
    use_compile = a.compile == "on" or (a.compile == "auto" and dev == "cuda" and hasattr(torch, "compile"))
    compiled = False
    if use_compile and hasattr(torch, "compile"):
        try:
            train_model_c = torch.compile(train_model)
            compiled = True
        except Exception as e:  # noqa: BLE001 - any failure means: train eagerly
            log(f"torch.compile unavailable ({type(e).__name__}: {e}); training eagerly", flush=True)
    fwd = train_model_c if compiled else train_model
    amp = dev == "cuda"
    log(f"{name}: {params:,} params, {macs:,} MACs, {'budget' if budgeted else a.epochs} epochs x {steps_per_epoch} "
        f"steps of {bs} ({world} process{'es' if world > 1 else ''}), peak lr {lr_peak:g} on {where}"
        f"{', compiled' if compiled else ''}", flush=True)

    part = (rank, world) if world > 1 else None

    def step(x, y):
        with torch.autocast(dev, dtype=torch.bfloat16, enabled=amp):
            logits = fwd(x)
            loss = F.cross_entropy(logits, y, label_smoothing=a.label_smoothing)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        return logits, loss

    first = [True]

    def train_step(idx):
        nonlocal fwd, compiled
        x, y = augment(idx, part)
        if first[0] and compiled:
            try:
                logits, loss = step(x, y)
            except Exception as e:  # noqa: BLE001 - a compiler failure: fall back to eager
                log(f"torch.compile failed ({type(e).__name__}: {str(e)[:200]}); training eagerly", flush=True)
                fwd, compiled = train_model, False
                logits, loss = step(x, y)
        else:
            logits, loss = step(x, y)
        first[0] = False
        opt.step()
        sched.step()
        if ema:
            ema.update()
        return logits, loss, y

    if a.benchmark_steps:
        perm = torch.randperm(len(Ytr), device=where)
        warm = a.benchmark_warmup
        tb = time.time()
        for s in range(warm + a.benchmark_steps):
            if s == warm:
                if dev == "cuda":
                    torch.cuda.synchronize()
                tb = time.time()
            j = (s % steps_per_epoch) * bs
            train_step(perm[j:j + bs])
        if dev == "cuda":
            torch.cuda.synchronize()
        step_s = (time.time() - tb) / a.benchmark_steps
        res = {"name": name, "cardinality": C, "bottleneck_width_d": d, "batch_size": bs, "steps": a.benchmark_steps,
               "step_s": round(step_s, 5), "epoch_s": round(step_s * (50000 // bs), 3), "compiled": compiled}
        log("BENCH", json.dumps(res), flush=True)
        if main_proc:
            os.makedirs(a.out, exist_ok=True)
            with open(os.path.join(a.out, f"bench_{name}.json"), "w") as f:
                json.dump(res, f)
        return None

    deadline = a.deadline if a.deadline is not None else None
    curve = []
    t_start = time.time()
    if a.time_budget is not None:
        deadline = t_start + a.time_budget
    epochs = a.epochs
    fix_at = 1 if a.warmup_epochs < 2 else 2
    ep = 0
    while ep < epochs:
        te = time.time()
        perm = torch.randperm(len(Ytr), device=where)
        tl = torch.zeros((), device=where)
        tc = torch.zeros((), device=where, dtype=torch.long)
        tn = 0
        for s in range(steps_per_epoch):
            logits, loss, y = train_step(perm[s * bs:(s + 1) * bs])
            tl += loss.detach().float() * len(y)
            tc += (logits.detach().argmax(1) == y).sum()
            tn += len(y)
        if world > 1:
            agg = torch.stack([tl.double(), tc.double(), torch.tensor(float(tn), device=where, dtype=torch.float64)])
            dist.all_reduce(agg)
            tl, tc, tn = agg[0], agg[1], float(agg[2])
        row = {"epoch": ep + 1, "train_loss": round(float(tl) / tn, 4), "train_err": round(1 - float(tc) / tn, 4)}
        if len(Yte) and main_proc:
            acc = evaluate(ema.model if ema else model, Xte, Yte, dev, mf)
            row["test_acc"] = round(acc, 4)
            row["test_err"] = round(1 - acc, 4)
            if ema:
                row["test_err_raw"] = round(1 - evaluate(model, Xte, Yte, dev, mf), 4)
        if dev == "cuda":
            torch.cuda.synchronize()
        now = time.time()
        row["epoch_s"] = round(now - te, 2)
        row["time_s"] = round(now - t_start, 1)
        row["lr_end"] = round(sched.get_last_lr()[0], 6)
        curve.append(row)
        log(name, row, flush=True)
        ep += 1
        if deadline is not None and ep == fix_at:
            # the last measured epoch is the steady one (the first also compiles)
            if a.sync_dir:
                epochs, seen = agree_on_epochs(a.sync_dir, a.sync_count, f"{name}-s{a.seed}-r{rank}", ep,
                                               now - te, now, deadline, a.epochs)
                log(f"{seen} runs side by side agree on {epochs} epochs", flush=True)
            else:
                epochs = epochs_for_budget(ep, now - te, deadline - now, a.epochs)
            if world > 1:
                t = torch.tensor([epochs], device=where)
                dist.broadcast(t, 0)
                epochs = int(t.item())
            sched_f.total = epochs * steps_per_epoch
            log(f"time budget: {epochs} epochs ({now - te:.2f}s per epoch, {deadline - now:.0f}s left)", flush=True)
    train_s = time.time() - t_start
    final = ema.model if ema else model
    acc = evaluate(final, Xte, Yte, dev, mf) if len(Yte) and main_proc else None
    acc_raw = evaluate(model, Xte, Yte, dev, mf) if len(Yte) and main_proc and ema else None

    if world > 1:
        dist.barrier()
    if not main_proc:
        dist.destroy_process_group()
        return None
    export = copy.deepcopy(final).float().cpu().to(memory_format=torch.contiguous_format).eval()
    os.makedirs(a.out, exist_ok=True)
    meta = {"name": name, "cardinality": C, "bottleneck_width_d": d, "params": params, "macs_32x32": macs,
            "test_acc": acc, "classes": CLASSES, "mean": MEAN, "std": STD, "arch": ARCH}
    np_dtype = np.float16 if a.dtype == "float16" else np.float32
    weights_path = os.path.join(a.out, name + ".safetensors")
    write_safetensors(weights_path, state_dict_arrays(export.state_dict(), np_dtype), meta)
    if a.also_float16:
        write_safetensors(os.path.join(a.out, name + ".f16.safetensors"),
                          state_dict_arrays(export.state_dict(), np.float16), meta)

    recipe = (f"SGD nesterov m=0.9, wd {a.weight_decay:g} (not on BN/bias), lr peak {lr_peak:g} "
              f"(= {a.lr_peak:g} x {bs}/512), linear warm-up {a.warmup_epochs:g} ep then {a.schedule} decay to 0, "
              f"label smoothing {a.label_smoothing:g}, random crop (reflect pad 4) + h-flip"
              + (f" + Cutout {a.cutout}x{a.cutout}" if a.cutout else "")
              + (f", EMA of the weights (decay {a.ema_decay:g}, evaluated and exported)" if ema else "")
              + (", bf16 autocast, channels-last" if dev == "cuda" else ", float32")
              + (", torch.compile" if compiled else "")
              + (f", {world} data-parallel processes" if world > 1 else ""))
    metrics = {
        "dataset": "CIFAR-10 (" + ("JPEG training pack" if a.train_npz else "official binary batches") + ")",
        "train_files": [os.path.basename(a.train_npz)] if a.train_npz else [os.path.basename(f) for f in train_files],
        "test_file": os.path.basename(test_file) if test_file else None,
        "train_records": int(len(Ytr)), "test_records": int(len(Yte)),
        "classes": CLASSES, "mean": MEAN, "std": STD, "input": "RGB 32x32, (x/255-mean)/std",
        "batch_size": bs, "epochs": epochs, "recipe": recipe,
        "device": torch.cuda.get_device_name() if dev == "cuda" else "cpu",
        "torch": torch.__version__, "seed": a.seed, "smoke": a.smoke, "processes": world,
        "time_budget_s": a.time_budget,
        "models": [{"name": name, "cardinality": C, "bottleneck_width_d": d, "params": params,
                    "macs_32x32": macs, "epochs": epochs, "seed": a.seed, "train_seconds": round(train_s, 1),
                    "test_acc": acc, "test_acc_raw": acc_raw, "weights": os.path.basename(weights_path),
                    "dtype": a.dtype, "compiled": compiled, "curve": curve}],
    }
    metrics_path = os.path.join(a.out, a.metrics_name)
    try:  # several models trained into one folder share one metrics file, one entry per name and seed
        with open(metrics_path) as f:
            metrics["models"] = [m for m in json.load(f)["models"]
                                 if (m.get("name"), m.get("seed", 0)) != (name, a.seed)] + metrics["models"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    with open(metrics_path, "w") as f:
        json.dump(metrics, f, indent=1)
    log(f"DONE {name} acc={acc} train={train_s:.1f}s -> {weights_path}", flush=True)
    if world > 1:
        dist.destroy_process_group()
    return weights_path


if __name__ == "__main__":
    main()
