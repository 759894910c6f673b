import contextlib
import functools
import io
import os
import runpy
import sys

import numpy as np
import torch

from conftest import CIFAR_TEST_BIN, RECIPE_DIR, SHIPPED_WEIGHTS, needs_recipe
from resnext import load_cifar_model, normalize, read_cifar_bin

N = 100


def run_reference_evaluator():
    """../shared/training/eval_cpu.py run as a script; returns its globals (pred, y) and what it printed."""
    argv, path = sys.argv, list(sys.path)
    sys.argv = ["eval_cpu.py", SHIPPED_WEIGHTS, CIFAR_TEST_BIN, str(N)]
    sys.path.insert(0, RECIPE_DIR)
    saved = sys.modules.pop("train_cifar", None)  # the recipe's module of that name, not ours
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            g = runpy.run_path(os.path.join(RECIPE_DIR, "eval_cpu.py"), run_name="__main__")
    finally:
        sys.argv, sys.path[:] = argv, path
        sys.modules.pop("train_cifar", None)
        if saved is not None:
            sys.modules["train_cifar"] = saved
    return g, out.getvalue()


@functools.lru_cache(maxsize=1)
def our_predictions():
    """(predicted classes, labels, accuracy) of the shipped model on the first N test records, in PyTorch."""
    model, meta = load_cifar_model(SHIPPED_WEIGHTS)
    images, labels = read_cifar_bin(CIFAR_TEST_BIN, N)
    with torch.no_grad():
        ours = torch.cat([model(torch.from_numpy(normalize(images[i:i + 100]))).argmax(1)
                          for i in range(0, N, 100)]).numpy()
    return ours, labels, float(np.mean(ours == labels))


def test_shipped_model_classifies_most_test_images():
    # a floor well under the 0.90 measured on the whole shipped copy, so it holds for any faithful copy of the set
    assert our_predictions()[2] >= 0.85


@needs_recipe
def test_shipped_model_matches_the_reference_evaluator():
    ours, labels, acc = our_predictions()
    ref, printed = run_reference_evaluator()
    np.testing.assert_array_equal(ref["y"], labels)
    np.testing.assert_array_equal(ref["pred"], ours)
    assert f"acc={acc:.4f} on {N}" in printed
