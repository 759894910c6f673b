import json
import os

from torchvision.models._meta import _IMAGENET_CATEGORIES

from conftest import REPO
from write_imagenet_classes import main as write_classes


def test_committed_class_list_matches_torchvision():
    with open(os.path.join(REPO, "public", "data", "imagenet_classes.json"), encoding="utf-8") as f:
        names = json.load(f)
    assert names == list(_IMAGENET_CATEGORIES)
    assert len(names) == 1000 and names[0] == "tench"


def test_writer_output_is_a_json_list(tmp_path):
    out = tmp_path / "c.json"
    write_classes(str(out))
    assert json.loads(out.read_text(encoding="utf-8")) == list(_IMAGENET_CATEGORIES)
