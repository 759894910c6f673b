import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from conftest import CIFAR_TEST_BIN, TRAINING
from resnext import CLASSES, MEAN, STD, count_params, load_cifar_model, read_safetensors
from train_cifar import Augmenter, lr_lambda, make_optimizer, parse_args, resolve_files


def test_smoke_run_writes_loadable_weights_and_metrics(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, os.path.join(TRAINING, "train_cifar.py"), "--smoke",
           "--train-file", CIFAR_TEST_BIN, "--test-file", CIFAR_TEST_BIN, "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    weights = out / "resnext29_2x4d.safetensors"
    model, meta = load_cifar_model(str(weights))  # strict load: every tensor present with the right shape
    assert set(meta) >= {"name", "cardinality", "bottleneck_width_d", "params", "macs_32x32", "test_acc",
                         "classes", "mean", "std", "arch"}
    assert (meta["cardinality"], meta["bottleneck_width_d"]) == ("2", "4")
    assert int(meta["params"]) == count_params(model)
    assert json.loads(meta["classes"]) == CLASSES
    assert json.loads(meta["mean"]) == MEAN and json.loads(meta["std"]) == STD
    assert 0 <= float(meta["test_acc"]) <= 1
    arrays, _ = read_safetensors(str(weights))
    assert all(np.isfinite(v).all() for v in arrays.values())
    with torch.no_grad():
        assert torch.isfinite(model(torch.zeros(2, 3, 32, 32))).all()

    metrics = json.loads((out / "metrics.json").read_text())
    (rec,) = metrics["models"]
    assert metrics["train_records"] == 64 and metrics["test_records"] == 64
    assert rec["name"] == "resnext29_2x4d" and len(rec["curve"]) == 1
    row = rec["curve"][0]
    assert math.isfinite(row["train_loss"]) and 0 <= row["test_err"] <= 1


def test_schedule_warms_up_linearly_then_decays_to_zero():
    f = lr_lambda(total_steps=100, warmup_steps=20)
    assert f(0) == pytest.approx(1 / 20)
    assert f(19) == pytest.approx(1.0)
    assert f(60) == pytest.approx(0.5)
    assert f(100) == 0
    ramp = [f(s) for s in range(20)]
    assert all(b > a for a, b in zip(ramp, ramp[1:]))


def test_no_weight_decay_on_batchnorm_or_biases():
    from resnext import ResNeXtCifar
    model = ResNeXtCifar(2, 4)
    opt = make_optimizer(model, 0.1, 5e-4)
    decayed = {id(p) for g in opt.param_groups if g["weight_decay"] > 0 for p in g["params"]}
    names = {id(p): n for n, p in model.named_parameters()}
    assert {names[i] for i in decayed} == {n for n, p in model.named_parameters() if n.endswith("weight")
                                          and "bn" not in n and "downsample.1" not in n}
    assert all(g["nesterov"] and g["momentum"] == 0.9 for g in opt.param_groups)


def test_augmented_batches_are_padded_crops_or_their_mirror():
    torch.manual_seed(3)
    x = torch.randn(4, 3, 32, 32)
    y = torch.arange(4)
    aug = Augmenter(x, y, "cpu", torch.contiguous_format)
    xb, yb = aug(torch.tensor([2, 0, 3]))
    assert xb.shape == (3, 3, 32, 32) and yb.tolist() == [2, 0, 3]
    padded = F.pad(x, (4, 4, 4, 4), mode="reflect")
    for crop, i in zip(xb, [2, 0, 3]):
        windows = [padded[i, :, dy:dy + 32, dx:dx + 32] for dy in range(9) for dx in range(9)]
        assert any(torch.equal(crop, w) or torch.equal(crop, w.flip(2)) for w in windows)


def test_data_folder_resolution(tmp_path):
    for n in [f"data_batch_{i}.bin" for i in range(1, 6)] + ["test_batch.bin"]:
        (tmp_path / "cifar-10-batches-bin").mkdir(exist_ok=True)
        (tmp_path / "cifar-10-batches-bin" / n).write_bytes(b"")
    train, test = resolve_files(parse_args(["--data", str(tmp_path)]))
    assert [os.path.basename(f) for f in train] == [f"data_batch_{i}.bin" for i in range(1, 6)]
    assert test.endswith(os.path.join("cifar-10-batches-bin", "test_batch.bin"))
    with pytest.raises(SystemExit):
        resolve_files(parse_args(["--data", str(tmp_path / "nowhere")]))


def test_smoke_defaults_yield_to_explicit_options():
    a = parse_args(["--smoke", "--train-file", "x", "--epochs", "3", "-C", "4"])
    assert (a.epochs, a.cardinality, a.width, a.batch_size, a.train_records) == (3, 4, 4, 16, 64)
    b = parse_args(["--train-file", "x"])
    assert (b.epochs, b.cardinality, b.width, b.batch_size, b.lr_peak) == (80, 32, 4, 512, 0.2)
