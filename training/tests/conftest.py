import importlib.util
import os
import sys

import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(TRAINING)
SHARED = os.path.join(os.path.dirname(REPO), "shared")
sys.path.insert(0, TRAINING)

CIFAR_TEST_BIN = os.environ.get("CIFAR_TEST_BIN", os.path.join(SHARED, "datasets", "cifar10", "test_batch.bin"))
SHIPPED_WEIGHTS = os.path.join(SHARED, "models", "resnext29-cifar10", "resnext29_32x4d.safetensors")
RECIPE_DIR = os.path.join(SHARED, "training")


def load_recipe_module(name):
    """A module of the reference recipe in ../shared/training, under a name that cannot clash with ours."""
    path = os.path.join(RECIPE_DIR, name + ".py")
    spec = importlib.util.spec_from_file_location("recipe_" + name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def random_exports(tmp_path_factory):
    """Randomly initialised torchvision resnet50 / resnext50_32x4d exported with our converter (seed 0)."""
    from export_torchvision import export_state_dict, random_model
    d = tmp_path_factory.mktemp("tv")
    out = {}
    for arch in ("resnet50", "resnext50_32x4d"):
        model = random_model(arch, seed=0)
        path = str(d / f"{arch}.safetensors")
        meta = export_state_dict(model.state_dict(), path, source="test")
        out[arch] = (model, path, meta)
    return out
