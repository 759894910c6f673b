import importlib.util
import os
import sys

import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(TRAINING)
SHARED = os.path.join(os.path.dirname(REPO), "shared")
sys.path.insert(0, TRAINING)

SHIPPED_WEIGHTS = os.path.join(REPO, "public", "models", "resnext29_32x4d.safetensors")
RECIPE_DIR = os.path.join(SHARED, "training")
HAVE_RECIPE = os.path.isfile(os.path.join(RECIPE_DIR, "eval_cpu.py"))
# The project's own CI runs have ../shared beside the repository: there (CI set and ../shared present) a missing
# recipe is a broken setup and the tests that need it fail. A user's clone has no ../shared (the README's quick
# start, CI set or not): there they are reported as skipped.
UNDER_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false") and os.path.isdir(SHARED)
RECIPE_MISSING = f"the reference recipe is not in {RECIPE_DIR}"


@pytest.fixture
def _recipe_required_under_ci():
    pytest.fail(f"{RECIPE_MISSING}, and CI is set with {SHARED} present: the recipe must be there (not skipped)")


if HAVE_RECIPE:
    needs_recipe = pytest.mark.usefixtures()
elif UNDER_CI:
    needs_recipe = pytest.mark.usefixtures("_recipe_required_under_ci")
else:
    needs_recipe = pytest.mark.skip(reason=RECIPE_MISSING)


def __getattr__(name):
    """CIFAR_TEST_BIN, found (or downloaded) by training/cifar_data.py when a test module first asks for it.
    Without the data the run stops with what to download, where to put it and which variable to set."""
    if name != "CIFAR_TEST_BIN":
        raise AttributeError(name)
    from cifar_data import CifarDataError, cifar_test_batch
    global _data_missing
    if _data_missing is None:
        try:
            globals()[name] = cifar_test_batch()
            return globals()[name]
        except CifarDataError as e:
            _data_missing = f"CIFAR-10 test set missing.\n{e}"
    pytest.fail(_data_missing, pytrace=False)


_data_missing = None


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
