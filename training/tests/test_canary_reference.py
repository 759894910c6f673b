import hashlib
import json
import os

import numpy as np

import canary_reference
from conftest import REPO


def committed():
    with open(os.path.join(REPO, "src", "resnext", "canaryReference.json")) as f:
        return json.load(f)


def test_the_picture_is_the_committed_one():
    pixels = canary_reference.canary_pixels()
    assert pixels.shape == (32, 32, 3) and pixels.dtype == np.uint8
    assert hashlib.sha256(pixels.tobytes()).hexdigest() == committed()["input"]["sha256"]
    # spot values of the formula, as canaryPixels() in src/resnext/canary.ts computes them
    assert pixels[0, 0].tolist() == [0, 53, 106]
    assert int(pixels[5, 9, 2]) == (37 * 9 + 91 * 5 + 53 * 2 + 7 * 9 * 5 + ((9 >> 3) ^ (5 >> 3)) * 29) % 256


def test_the_committed_logits_are_pytorchs_for_the_default_model():
    ref = canary_reference.reference(os.path.join(REPO, "public", "models"))
    old = committed()
    assert ref["model"] == old["model"] and ref["sha256"] == old["sha256"]
    np.testing.assert_allclose(ref["logits"], old["logits"], atol=1e-5)
    assert ref["top1"] == old["top1"]
