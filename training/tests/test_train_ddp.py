"""Data-parallel training (the environment torchrun gives each process, gloo on CPU) against one process at the
same global batch: the same weights and the same curve, up to float rounding. In float64, so that rounding is far
below what a wrong gradient or a wrong slice of the batch would change (in float32 this network's gradients
already move by a few per cent between two summation orders)."""
import json
import os
import socket
import subprocess
import sys

import numpy as np

from conftest import CIFAR_TEST_BIN, TRAINING
from resnext import read_safetensors

ARGS = ["--train-file", CIFAR_TEST_BIN, "--test-file", CIFAR_TEST_BIN, "--train-records", "32",
        "--test-records", "16", "--batch-size", "16", "--blocks", "1,1,1", "--epochs", "1", "-C", "2", "-d", "4", "--device", "cpu",
        "--ema-decay", "0.5", "--warmup-epochs", "0.5", "--lr-peak", "0.8", "--float64"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(out, world):
    """world processes with torchrun's environment (RANK, LOCAL_RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT)."""
    cmd = [sys.executable, os.path.join(TRAINING, "train_cifar.py"), *ARGS, "--out", str(out)]
    port = str(free_port())
    procs = []
    for r in range(world):
        env = dict(os.environ, OMP_NUM_THREADS="1")
        if world > 1:
            env.update(RANK=str(r), LOCAL_RANK=str(r), WORLD_SIZE=str(world), LOCAL_WORLD_SIZE=str(world),
                       MASTER_ADDR="127.0.0.1", MASTER_PORT=port)
        procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    logs = [p.communicate(timeout=1800)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), "\n".join(logs)
    return logs


def test_two_processes_match_one_at_the_same_global_batch(tmp_path):
    launch(tmp_path / "one", 1)
    logs = launch(tmp_path / "two", 2)
    assert "(2 processes)" in logs[0]
    a, _ = read_safetensors(str(tmp_path / "one" / "resnext29_2x4d.safetensors"))
    b, _ = read_safetensors(str(tmp_path / "two" / "resnext29_2x4d.safetensors"))
    assert a.keys() == b.keys()
    for k in a:
        assert np.allclose(a[k], b[k], rtol=1e-5, atol=1e-6), (k, float(np.abs(a[k] - b[k]).max()))
    # the run moved the weights a hundred times further than that tolerance: each block's last BN starts at zero
    moved = max(float(np.abs(a[k]).max()) for k in a if k.endswith("bn3.weight"))
    assert moved > 1e-4
    m1 = json.loads((tmp_path / "one" / "metrics.json").read_text())
    m2 = json.loads((tmp_path / "two" / "metrics.json").read_text())
    assert m2["processes"] == 2 and m1["processes"] == 1
    r1, r2 = m1["models"][0]["curve"][0], m2["models"][0]["curve"][0]
    assert abs(r1["train_loss"] - r2["train_loss"]) < 1e-4
    assert r1["train_err"] == r2["train_err"]
