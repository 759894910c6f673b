import os

import numpy as np
import pytest

from conftest import CIFAR_TEST_BIN
from resnext import MEAN, STD, normalize, read_cifar_bin


def test_reads_the_whole_test_file():
    x, y = read_cifar_bin(CIFAR_TEST_BIN)
    assert x.shape == (os.path.getsize(CIFAR_TEST_BIN) // 3073, 3, 32, 32) == (10000, 3, 32, 32)
    assert x.dtype == np.uint8 and y.dtype == np.int64
    assert y.min() == 0 and y.max() == 9
    assert set(np.unique(y[:200])) == set(range(10))
    assert np.bincount(y).tolist() == [1000] * 10


def test_planes_come_from_the_record_bytes():
    raw = np.fromfile(CIFAR_TEST_BIN, np.uint8, count=3073 * 8)
    x, y = read_cifar_bin(CIFAR_TEST_BIN, limit=8)
    assert x.shape == (8, 3, 32, 32)
    for i in (0, 5):
        base = i * 3073
        assert y[i] == raw[base]
        assert x[i, 0, 0, 0] == raw[base + 1]  # red, row 0, column 0
        assert x[i, 0, 1, 2] == raw[base + 1 + 32 + 2]  # red, row 1, column 2
        assert x[i, 1, 0, 0] == raw[base + 1 + 1024]  # green plane
        assert x[i, 2, 31, 31] == raw[base + 3072]  # last blue byte


def test_limit_takes_a_prefix():
    xa, ya = read_cifar_bin(CIFAR_TEST_BIN, limit=3)
    xb, yb = read_cifar_bin(CIFAR_TEST_BIN, limit=10)
    np.testing.assert_array_equal(xa, xb[:3])
    np.testing.assert_array_equal(ya, yb[:3])


def test_rejects_files_that_are_not_cifar(tmp_path):
    bad_size = tmp_path / "a.bin"
    bad_size.write_bytes(bytes(3073 * 2 + 1))
    with pytest.raises(ValueError):
        read_cifar_bin(str(bad_size))
    bad_label = tmp_path / "b.bin"
    bad_label.write_bytes(bytes([12]) + bytes(3072))
    with pytest.raises(ValueError):
        read_cifar_bin(str(bad_label))


def test_normalize_per_channel():
    x = np.zeros((1, 3, 2, 2), np.uint8)
    x[0, 1] = 255
    n = normalize(x)
    assert n.dtype == np.float32
    np.testing.assert_allclose(n[0, 0], -MEAN[0] / STD[0], rtol=1e-6)
    np.testing.assert_allclose(n[0, 1], (1 - MEAN[1]) / STD[1], rtol=1e-6)
    np.testing.assert_allclose(n[0, 2], -MEAN[2] / STD[2], rtol=1e-6)
