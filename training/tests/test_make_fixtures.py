import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F
import torchvision

from conftest import CIFAR_TEST_BIN, SHIPPED_WEIGHTS
from make_fixtures import BLOCK_STEPS, main as make_fixtures
from resnext import arrays_state_dict, load_cifar_model, read_cifar_bin, read_safetensors

BLOCKS = ["layer1.0", "layer1.1", "layer2.0"]
EPS = 1e-5


@pytest.fixture(scope="module")
def cifar_fixture(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("fx") / "cifar.safetensors")
    make_fixtures(["--weights", SHIPPED_WEIGHTS, "--cifar", CIFAR_TEST_BIN, "--records", "4", "--inter-records", "2",
                   "--out", out])
    return read_safetensors(out)


@pytest.fixture(scope="module")
def imagenet_fixture(tmp_path_factory, random_exports):
    weights = random_exports["resnext50_32x4d"][1]
    out = str(tmp_path_factory.mktemp("fx") / "imagenet.safetensors")
    make_fixtures(["--weights", weights, "--random-input", "2", "--size", "64", "--seed", "0",
                   "--inter-records", "2", "--out", out])
    arrays, meta = read_safetensors(out)
    return arrays, meta, weights


def expected_names(kind):
    stem = ["conv1", "bn1", "relu"] + (["maxpool"] if kind == "imagenet" else [])
    names = ["input", "logits"] + (["labels"] if kind == "cifar" else [])
    names += [f"inter.{s}" for s in stem + ["pool", "fc"]]
    names += [f"inter.{b}.{s}" for b in BLOCKS for s in BLOCK_STEPS]
    return set(names)


def bn(x, w, prefix):
    shape = (1, -1, 1, 1)
    return ((x - w[prefix + ".running_mean"].reshape(shape)) / np.sqrt(w[prefix + ".running_var"].reshape(shape) + EPS)
            * w[prefix + ".weight"].reshape(shape) + w[prefix + ".bias"].reshape(shape))


def conv(x, weight, stride=1, padding=0, groups=1):
    return F.conv2d(torch.from_numpy(x), torch.from_numpy(np.array(weight)), stride=stride, padding=padding,
                    groups=groups).numpy()


def check_structure(arrays, kind, n, m):
    assert set(arrays) == expected_names(kind)
    assert all(v.dtype == np.float32 for v in arrays.values())
    assert arrays["input"].shape[:2] == (n, 3)
    assert arrays["logits"].shape[0] == n
    for b in BLOCKS:
        shapes = {s: arrays[f"inter.{b}.{s}"].shape for s in BLOCK_STEPS}
        assert all(v[0] == m for v in shapes.values())
        assert shapes["conv1"] == shapes["bn1"] == shapes["relu1"]
        assert shapes["conv2"] == shapes["bn2"] == shapes["relu2"]
        assert shapes["conv3"] == shapes["bn3"] == shapes["shortcut"] == shapes["add"] == shapes["out"]
        a = arrays[f"inter.{b}.add"]
        np.testing.assert_array_equal(a, arrays[f"inter.{b}.bn3"] + arrays[f"inter.{b}.shortcut"])
        np.testing.assert_array_equal(arrays[f"inter.{b}.out"], np.maximum(a, 0))
        np.testing.assert_array_equal(arrays[f"inter.{b}.relu1"], np.maximum(arrays[f"inter.{b}.bn1"], 0))
        np.testing.assert_array_equal(arrays[f"inter.{b}.relu2"], np.maximum(arrays[f"inter.{b}.bn2"], 0))
    # consecutive blocks chain; the first block of a stage without downsampling sees the stem output
    np.testing.assert_array_equal(arrays["inter.layer1.1.in"], arrays["inter.layer1.0.out"])
    first_in = arrays["inter.maxpool" if kind == "imagenet" else "inter.relu"]
    np.testing.assert_array_equal(arrays["inter.layer1.0.in"], first_in)
    np.testing.assert_array_equal(arrays["inter.relu"], np.maximum(arrays["inter.bn1"], 0))
    # intermediates come from a smaller batch than the logits: float sums may round differently
    np.testing.assert_allclose(arrays["inter.fc"], arrays["logits"][:m], rtol=0, atol=1e-5)
    assert arrays["inter.pool"].ndim == 2 and arrays["inter.pool"].shape[0] == m


def check_block_semantics(arrays, w, block, groups, stride):
    """Recompute each step of one block from its weights with plain conv / BN formulas."""
    g = lambda s: arrays[f"inter.{block}.{s}"]  # noqa: E731
    tol = dict(rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(conv(g("in"), w[block + ".conv1.weight"]), g("conv1"), **tol)
    np.testing.assert_allclose(bn(g("conv1"), w, block + ".bn1"), g("bn1"), **tol)
    np.testing.assert_allclose(conv(g("relu1"), w[block + ".conv2.weight"], stride, 1, groups), g("conv2"), **tol)
    np.testing.assert_allclose(bn(g("conv2"), w, block + ".bn2"), g("bn2"), **tol)
    np.testing.assert_allclose(conv(g("relu2"), w[block + ".conv3.weight"]), g("conv3"), **tol)
    np.testing.assert_allclose(bn(g("conv3"), w, block + ".bn3"), g("bn3"), **tol)
    if block + ".downsample.0.weight" in w:
        ds = bn(conv(g("in"), w[block + ".downsample.0.weight"], stride), w, block + ".downsample.1")
        np.testing.assert_allclose(ds, g("shortcut"), **tol)
    else:
        np.testing.assert_array_equal(g("shortcut"), g("in"))


def test_cifar_fixture(cifar_fixture):
    arrays, meta = cifar_fixture
    check_structure(arrays, "cifar", n=4, m=2)
    assert meta["kind"] == "cifar" and meta["inter_records"] == "2"
    assert meta["weights"] == "public/models/resnext29_32x4d.safetensors"
    assert json.loads(meta["blocks"]) == BLOCKS
    images, labels = read_cifar_bin(CIFAR_TEST_BIN, 4)
    np.testing.assert_array_equal(arrays["labels"], labels.astype(np.float32))
    assert arrays["inter.layer2.0.out"].shape == (2, 512, 16, 16)
    assert arrays["inter.pool"].shape == (2, 1024) and arrays["logits"].shape == (4, 10)
    w, _ = read_safetensors(SHIPPED_WEIGHTS)
    check_block_semantics(arrays, w, "layer1.0", groups=32, stride=1)
    check_block_semantics(arrays, w, "layer2.0", groups=32, stride=2)
    model, _ = load_cifar_model(SHIPPED_WEIGHTS)
    with torch.no_grad():
        logits = model(torch.from_numpy(arrays["input"])).numpy()
    np.testing.assert_allclose(arrays["logits"], logits, rtol=1e-4, atol=1e-4)
    assert (logits.argmax(1) == labels).mean() >= 0.5


def test_imagenet_fixture(imagenet_fixture):
    arrays, meta, weights = imagenet_fixture
    check_structure(arrays, "imagenet", n=2, m=2)
    assert meta["kind"] == "imagenet" and meta["model"] == "resnext50_32x4d"
    assert arrays["input"].shape == (2, 3, 64, 64)
    assert arrays["inter.conv1"].shape == (2, 64, 32, 32) and arrays["inter.maxpool"].shape == (2, 64, 16, 16)
    assert arrays["inter.layer2.0.out"].shape == (2, 512, 8, 8)
    assert arrays["inter.pool"].shape == (2, 2048) and arrays["logits"].shape == (2, 1000)
    w, _ = read_safetensors(weights)
    check_block_semantics(arrays, w, "layer1.0", groups=32, stride=1)
    check_block_semantics(arrays, w, "layer1.1", groups=32, stride=1)
    check_block_semantics(arrays, w, "layer2.0", groups=32, stride=2)
    np.testing.assert_allclose(arrays["inter.fc"], arrays["inter.pool"] @ w["fc.weight"].T + w["fc.bias"],
                               rtol=1e-4, atol=1e-4)
    model = torchvision.models.resnext50_32x4d(weights=None)
    model.load_state_dict(arrays_state_dict(w), strict=False)
    with torch.no_grad():
        logits = model.eval()(torch.from_numpy(arrays["input"])).numpy()
    np.testing.assert_allclose(arrays["logits"], logits, rtol=1e-4, atol=1e-4)


def test_unknown_block_is_an_error(tmp_path):
    with pytest.raises(ValueError):
        make_fixtures(["--weights", SHIPPED_WEIGHTS, "--cifar", CIFAR_TEST_BIN, "--records", "1",
                       "--blocks", "layer4.0", "--out", str(tmp_path / "x.safetensors")])
