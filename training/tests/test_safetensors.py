import json

import numpy as np
import pytest
import torch

from conftest import SHIPPED_WEIGHTS, load_recipe_module, needs_recipe
from resnext import (ResNeXtCifar, parse_safetensors, read_safetensors, safetensors_bytes, state_dict_arrays,
                     write_safetensors)


def test_round_trip_dtypes_shapes_and_metadata(tmp_path):
    rng = np.random.default_rng(1)
    tensors = {
        "w": rng.standard_normal((4, 3, 3, 3)).astype(np.float32),
        "h": rng.standard_normal((5,)).astype(np.float16),
        "i": np.arange(7, dtype=np.int64).reshape(7, 1),
        "u": np.arange(10, dtype=np.uint8),
        "s": np.array(3.5, dtype=np.float32),
        "e": np.zeros((0, 4), dtype=np.float32),
    }
    meta = {"name": "x", "params": 12, "mean": [0.1, 0.2], "nested": {"a": 1}}
    path = str(tmp_path / "t.safetensors")
    write_safetensors(path, tensors, meta)
    back, m = read_safetensors(path)
    assert list(back) == list(tensors)
    for k, v in tensors.items():
        assert back[k].dtype == v.dtype and back[k].shape == v.shape
        np.testing.assert_array_equal(back[k], v)
    assert m == {"name": "x", "params": "12", "mean": "[0.1, 0.2]", "nested": '{"a": 1}'}


def test_header_is_8_byte_aligned_and_data_follows_it():
    blob = safetensors_bytes({"a": np.ones(3, np.float32)}, {"k": "v"})
    n = int.from_bytes(blob[:8], "little")
    assert n % 8 == 0
    header = json.loads(blob[8:8 + n])
    assert header["a"] == {"dtype": "F32", "shape": [3], "data_offsets": [0, 12]}
    assert np.frombuffer(blob[8 + n:], np.float32).tolist() == [1, 1, 1]


def test_big_endian_input_is_written_little_endian():
    blob = safetensors_bytes({"a": np.array([1.5, -2.0], dtype=">f4")})
    arrays, _ = parse_safetensors(blob)
    assert arrays["a"].tolist() == [1.5, -2.0]


@needs_recipe
@pytest.mark.parametrize("dtype", ["float32", "float16"])
def test_bytes_identical_to_the_recipe_export(tmp_path, dtype):
    recipe = load_recipe_module("train_cifar")
    torch.manual_seed(0)
    model = recipe.ResNeXtCifar(2, 4)
    meta = {"name": "m", "cardinality": 2, "bottleneck_width_d": 4, "test_acc": 0.5, "classes": recipe.CLASSES}
    recipe.export(model, str(tmp_path), "ref", dtype, meta)
    ours = safetensors_bytes(state_dict_arrays(model.state_dict(), np.float16 if dtype == "float16" else np.float32),
                             meta)
    assert (tmp_path / "ref.safetensors").read_bytes() == ours


def test_corrupt_files_are_rejected():
    blob = safetensors_bytes({"a": np.ones(4, np.float32)})
    with pytest.raises(ValueError):
        parse_safetensors(blob[:4])
    with pytest.raises(ValueError):
        parse_safetensors(blob[:-4])  # data shorter than the header says
    bad = (10 ** 6).to_bytes(8, "little") + blob[8:]
    with pytest.raises(ValueError):
        parse_safetensors(bad)


def test_shipped_weights_have_exactly_the_model_tensors():
    arrays, meta = read_safetensors(SHIPPED_WEIGHTS)
    expected = {k: tuple(v.shape) for k, v in ResNeXtCifar(32, 4).state_dict().items()
                if not k.endswith("num_batches_tracked")}
    assert {k: v.shape for k, v in arrays.items()} == expected
    assert all(v.dtype == np.float32 for v in arrays.values())
    assert meta["name"] == "resnext29_32x4d" and json.loads(meta["classes"])[0] == "airplane"
