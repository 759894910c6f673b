"""Write public/data/imagenet_classes.json: the 1,000 ImageNet-1k class names in the index order of torchvision's
pretrained classifiers (torchvision.models._meta._IMAGENET_CATEGORIES).

  python3 training/write_imagenet_classes.py [OUT]
"""
import json
import os
import sys

from torchvision.models._meta import _IMAGENET_CATEGORIES

from resnext import REPO_ROOT

DEFAULT_OUT = os.path.join(REPO_ROOT, "public", "data", "imagenet_classes.json")


def main(out=DEFAULT_OUT):
    names = list(_IMAGENET_CATEGORIES)
    if len(names) != 1000:
        sys.exit(f"expected 1000 ImageNet classes, torchvision has {len(names)}")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join("  " + json.dumps(n, ensure_ascii=False) for n in names) + "\n]\n")
    print(f"wrote {len(names)} class names to {out}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
