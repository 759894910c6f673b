import os
import subprocess
import sys

import numpy as np
import pytest
import torch
import torchvision

from conftest import TRAINING
from export_torchvision import clean_state_dict, detect_variant, export_state_dict
from resnext import IMAGENET_MEAN, IMAGENET_STD, arrays_state_dict, meta_value, read_safetensors


@pytest.mark.parametrize("arch", ["resnet50", "resnext50_32x4d"])
def test_random_export_round_trips_into_torchvision(random_exports, arch):
    original, path, _ = random_exports[arch]
    arrays, meta = read_safetensors(path)
    assert all(v.dtype == np.float32 for v in arrays.values())
    fresh = getattr(torchvision.models, arch)(weights=None)
    fresh.load_state_dict(arrays_state_dict(arrays), strict=False)
    missing = set(fresh.state_dict()) - set(arrays)
    assert missing and all(k.endswith("num_batches_tracked") for k in missing)
    fresh.eval()
    x = torch.randn(2, 3, 64, 64, generator=torch.Generator().manual_seed(5))
    with torch.no_grad():
        a, b = original(x), fresh(x)
    assert torch.equal(a, b)
    assert a.std() > 1e-3  # the randomised BN statistics keep the output far from constant
    assert meta["arch"] == "imagenet (torchvision naming)"
    assert meta_value(meta, "num_classes") == 1000
    assert meta_value(meta, "params") == sum(p.numel() for p in fresh.parameters())
    assert meta_value(meta, "mean") == IMAGENET_MEAN and meta_value(meta, "std") == IMAGENET_STD


def test_metadata_names_the_variant(random_exports):
    m50 = random_exports["resnet50"][2]
    mx = random_exports["resnext50_32x4d"][2]
    assert (m50["name"], m50["cardinality"], m50["bottleneck_width_d"], m50["depth"]) == ("resnet50", 1, 64, 50)
    assert (mx["name"], mx["cardinality"], mx["bottleneck_width_d"], mx["depth"]) == ("resnext50_32x4d", 32, 4, 50)
    # torchvision's published complexity: 4.09 / 4.23 GFLOPs (multiply-accumulates) at 224x224
    assert round(m50["macs_224"] / 1e9, 2) == 4.09 and round(mx["macs_224"] / 1e9, 2) == 4.23


def test_batchnorm_statistics_are_randomised(random_exports):
    arrays, _ = read_safetensors(random_exports["resnext50_32x4d"][1])
    var = arrays["layer1.0.bn2.running_var"]
    mean = arrays["layer1.0.bn2.running_mean"]
    weight = arrays["layer3.2.bn3.weight"]
    assert 0.5 <= var.min() and var.max() <= 1.5 and var.std() > 0.1
    assert abs(mean).max() > 0.05 and 0.5 <= weight.min() and weight.max() <= 1.5


@pytest.mark.parametrize("arch,expected", [
    ("resnet18", ("resnet18", 18, 1, 64, [2, 2, 2, 2])),
    ("resnet101", ("resnet101", 101, 1, 64, [3, 4, 23, 3])),
    ("resnext101_32x8d", ("resnext101_32x8d", 101, 32, 8, [3, 4, 23, 3])),
    ("wide_resnet50_2", ("wide_resnet50_2", 50, 1, 128, [3, 4, 6, 3])),
])
def test_detect_variant(arch, expected):
    sd = getattr(torchvision.models, arch)(weights=None).state_dict()
    v = detect_variant(sd)
    assert (v["name"], v["depth"], v["cardinality"], v["bottleneck_width_d"], v["blocks"]) == expected
    assert v["num_classes"] == 1000


def test_checkpoint_wrappers_are_unwrapped():
    sd = {"conv1.weight": torch.zeros(1)}
    assert clean_state_dict({"state_dict": {"module." + k: v for k, v in sd.items()}}) == sd
    assert clean_state_dict({"model": sd}) == sd


def test_cli_converts_a_pth_file_to_fp16(tmp_path, random_exports):
    original = random_exports["resnet50"][0]
    pth = tmp_path / "r50.pth"
    torch.save(original.state_dict(), pth)
    out = tmp_path / "r50_fp16.safetensors"
    subprocess.run([sys.executable, os.path.join(TRAINING, "export_torchvision.py"), str(pth), str(out), "--fp16"],
                   check=True, capture_output=True, timeout=300)
    arrays, meta = read_safetensors(str(out))
    assert meta["name"] == "resnet50" and meta["source"] == "r50.pth"
    sd = original.state_dict()
    for k in ("conv1.weight", "layer4.2.bn3.running_var", "fc.bias"):
        assert arrays[k].dtype == np.float16
        np.testing.assert_array_equal(arrays[k], sd[k].numpy().astype(np.float16))


def test_export_rejects_a_state_dict_that_does_not_match(tmp_path, random_exports):
    sd = dict(random_exports["resnet50"][0].state_dict())
    del sd["layer2.1.bn1.weight"]
    with pytest.raises(RuntimeError):
        export_state_dict(sd, str(tmp_path / "x.safetensors"))
    assert not os.path.exists(tmp_path / "x.safetensors")
