"""The prepared GPU jobs (device_run.sh, family_run.sh) end to end on a CPU in their smoke modes, and the pieces
they are made of: the data pack, the time budget, the merge of the family's runs."""
import io
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

from conftest import CIFAR_TEST_BIN, TRAINING
from device_data import pack, tile, unpack, untile
from family_collect import collect
from resnext import load_cifar_model, read_cifar_bin
from train_cifar import Augmenter, Schedule, agree_on_epochs, cutout_mask, epochs_for_budget, load_npz


def small_train_npz(path, n=256):
    """A training pack in the shipped format (labels, offsets, concatenated JPEG files) from n test records."""
    from PIL import Image
    x, y = read_cifar_bin(CIFAR_TEST_BIN, n)
    blobs = []
    for img in x:
        b = io.BytesIO()
        Image.fromarray(img.transpose(1, 2, 0)).save(b, "JPEG", quality=95)
        blobs.append(np.frombuffer(b.getvalue(), np.uint8))
    off = np.concatenate([[0], np.cumsum([len(b) for b in blobs])]).astype(np.int64)
    np.savez(path, labels=y.astype(np.uint8), offsets=off, data=np.concatenate(blobs))
    return path


@pytest.fixture(scope="module")
def packed(tmp_path_factory):
    d = tmp_path_factory.mktemp("data")
    npz = small_train_npz(str(d / "train.npz"))
    pack(npz, CIFAR_TEST_BIN, str(d / "pack"), test_records=200, method=0)
    return d / "pack"


def test_test_records_survive_the_webp_pack_bit_for_bit(packed, tmp_path):
    unpack(str(packed), str(tmp_path), train_records=100)
    want = np.fromfile(CIFAR_TEST_BIN, np.uint8, count=200 * 3073)
    assert np.array_equal(np.fromfile(tmp_path / "test_batch.bin", np.uint8), want)
    sizes = [os.path.getsize(tmp_path / f"data_batch_{i}.bin") for i in range(1, 6)]
    assert sum(sizes) == 100 * 3073
    x = np.arange(7 * 3 * 32 * 32, dtype=np.uint8).reshape(7, 3, 32, 32)
    assert np.array_equal(untile(tile(x), 7), x)


def test_a_changed_test_pack_is_refused(packed, tmp_path):
    z = dict(np.load(packed / "cifar10-test-webp.npz"))
    z["labels"] = z["labels"].copy()
    z["labels"][0] = (z["labels"][0] + 1) % 10
    bad = tmp_path / "bad"
    bad.mkdir()
    np.savez(bad / "cifar10-test-webp.npz", **z)
    with pytest.raises(SystemExit):
        unpack(str(bad), str(tmp_path / "out"))


def test_training_pack_decodes_in_the_order_of_npz_to_cifar_bin(tmp_path):
    npz = small_train_npz(str(tmp_path / "t.npz"), n=40)
    x, y = load_npz(npz)
    want = read_cifar_bin(CIFAR_TEST_BIN, 40)[1][np.random.RandomState(0).permutation(40)]
    assert np.array_equal(y, want) and x.shape == (40, 3, 32, 32)
    x5, y5 = load_npz(npz, 5)
    assert np.array_equal(x5, x[:5]) and np.array_equal(y5, y[:5])


def test_cosine_schedule_after_warm_up():
    f = Schedule(total_steps=100, warmup_steps=20)
    assert f(0) == pytest.approx(1 / 20) and f(19) == pytest.approx(1.0)
    assert f(40) == pytest.approx(0.5 * (1 + np.cos(np.pi / 4)))
    assert f(60) == pytest.approx(0.5) and f(100) == pytest.approx(0)
    f.total = 200  # a time budget sets the length after warm-up
    assert f(110) == pytest.approx(0.5)


def test_time_budget_fits_whole_epochs():
    assert epochs_for_budget(2, 3.0, 100.0, 500) == 2 + 33
    assert epochs_for_budget(2, 3.0, 100.0, 20) == 20
    assert epochs_for_budget(2, 3.0, -5.0, 500) == 2


def test_runs_side_by_side_agree_on_the_slowest(tmp_path):
    d = str(tmp_path / "sync")
    agree_on_epochs(d, 3, "a", 2, 2.0, 1000.0, 1100.0, 500, timeout=0)
    agree_on_epochs(d, 3, "b", 2, 5.0, 1010.0, 1100.0, 500, timeout=0)
    got = agree_on_epochs(d, 3, "c", 2, 1.0, 1001.0, 1100.0, 500, timeout=5)
    assert got == (2 + 18, 3)  # (1100 - 1010) // 5


def test_cutout_blanks_one_clipped_square():
    ar = torch.arange(32)
    m = cutout_mask(torch.tensor([16, 0]), torch.tensor([16, 31]), 16, ar)
    assert m.shape == (2, 1, 32, 32)
    assert int(m[0].sum()) == 256 and bool(m[0, 0, 8:24, 8:24].all())
    assert int(m[1].sum()) == 8 * 9  # rows 0..7, columns 23..31
    x = torch.randn(6, 3, 32, 32)
    torch.manual_seed(1)
    xb, _ = Augmenter(x, torch.arange(6), "cpu", torch.contiguous_format, cutout=16)(torch.arange(6))
    zero = (xb == 0).all(1)
    assert all(int(z.sum()) >= 64 for z in zero)


def test_augmenter_slices_are_the_slices_of_the_whole_batch():
    x = torch.randn(8, 3, 32, 32)
    torch.manual_seed(5)
    whole, yw = Augmenter(x, torch.arange(8), "cpu", torch.contiguous_format, cutout=16)(torch.arange(8))
    parts = []
    for r in range(2):
        torch.manual_seed(5)
        parts.append(Augmenter(x, torch.arange(8), "cpu", torch.contiguous_format, cutout=16)(torch.arange(8), (r, 2)))
    assert torch.equal(torch.cat([p[0] for p in parts]), whole)
    assert torch.equal(torch.cat([p[1] for p in parts]), yw)


def test_collect_merges_settings_and_seeds(tmp_path):
    def run(name, c, d, seed, acc, secs):
        o = tmp_path / "runs" / f"{name}-s{seed}"
        o.mkdir(parents=True)
        curve = [{"epoch": e + 1, "train_loss": 1.0, "test_acc": acc, "epoch_s": s} for e, s in enumerate(secs)]
        m = {"dataset": "d", "classes": [], "mean": [], "std": [], "input": "", "batch_size": 512, "recipe": "r",
             "device": "x", "torch": "t", "train_records": 1, "test_records": 1,
             "models": [{"name": name, "cardinality": c, "bottleneck_width_d": d, "params": 1, "macs_32x32": 2,
                         "seed": seed, "test_acc": acc, "epochs": len(secs), "weights": f"{name}.safetensors",
                         "curve": curve}]}
        (o / "metrics.json").write_text(json.dumps(m))
    run("resnext29_1x64d", 1, 64, 0, 0.9, [9, 9, 2, 4, 3])
    run("resnext29_1x64d", 1, 64, 1, 0.91, [9, 9, 5, 5, 5])
    run("resnext29_32x4d", 32, 4, 0, 0.92, [9, 9, 6, 6, 6])
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "bench_resnext29_1x64d.json").write_text(json.dumps({"name": "resnext29_1x64d",
                                                                             "epoch_s": 1.5}))
    m = collect(str(tmp_path / "runs"), str(tmp_path / "bench"))
    assert [s["name"] for s in m["settings"]] == ["resnext29_1x64d", "resnext29_32x4d"]
    s1 = m["settings"][0]
    assert s1["epoch_s_alone"] == 1.5 and s1["epoch_s_together"] == 4.5  # median of 2, 4, 3, 5, 5, 5
    assert m["settings"][1]["epoch_s_alone"] is None
    assert [(r["cardinality"], r["seed"]) for r in m["runs"]] == [(1, 0), (1, 1), (32, 0)]
    assert m["seeds"] == [0, 1] and [x["seed"] for x in m["models"]] == [0, 0]


def _run_script(script, out, data, extra_env=None):
    env = dict(os.environ, SMOKE="1", OUT=str(out), DATA=str(data), PY=sys.executable, OMP_NUM_THREADS="1",
               **(extra_env or {}))
    r = subprocess.run(["bash", os.path.join(TRAINING, script)], env=env, capture_output=True, text=True,
                       timeout=1200)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    files = sorted(os.listdir(out))
    assert len(files) <= 8
    return files


def test_device_run_smoke_end_to_end(packed, tmp_path):
    out = tmp_path / "out"
    files = _run_script("device_run.sh", out, packed, {"WORK": str(tmp_path / "work")})
    assert files == ["eval.json", "metrics.json", "resnext29_2x4d.f16.safetensors",
                     "resnext29_2x4d.safetensors.part00", "train.log"]
    ev = json.loads((out / "eval.json").read_text())
    assert ev["records"] == 100 and [m["weights_dtype"] for m in ev["models"]] == ["float32", "float16"]
    whole = tmp_path / "w.safetensors"
    whole.write_bytes((out / "resnext29_2x4d.safetensors.part00").read_bytes())
    model, meta = load_cifar_model(str(whole))
    assert meta["name"] == "resnext29_2x4d"
    assert ev["models"][0]["sha256"] == __import__("hashlib").sha256(whole.read_bytes()).hexdigest()
    m = json.loads((out / "metrics.json").read_text())
    row = m["models"][0]["curve"][0]
    assert {"train_loss", "test_acc", "epoch_s"} <= set(row)
    assert "Cutout" in m["recipe"] and "EMA" in m["recipe"] and "cosine" in m["recipe"]


def test_family_run_smoke_end_to_end(packed, tmp_path):
    out = tmp_path / "out"
    files = _run_script("family_run.sh", out, packed, {"WORK": str(tmp_path / "work")})
    assert files == ["family.log", "metrics.json", "resnext29_1x8d.safetensors", "resnext29_2x4d.safetensors"]
    m = json.loads((out / "metrics.json").read_text())
    assert [(r["cardinality"], r["seed"]) for r in m["runs"]] == [(1, 0), (1, 1), (2, 0), (2, 1)]
    assert all(s["epoch_s_alone"] > 0 for s in m["settings"])
    assert all(len(r["curve"]) == 1 for r in m["runs"])
    _, meta = load_cifar_model(str(out / "resnext29_1x8d.safetensors"))
    assert meta["cardinality"] == "1"
