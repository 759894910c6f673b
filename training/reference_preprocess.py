"""PIL reference for the app's CIFAR preprocessing: centre square crop, then bilinear resize to SIZE.

Prints JSON: for each image, its decoded RGB pixels and PIL's SIZE×SIZE result (both base64 uint8, row-major).
Usage: reference_preprocess.py SIZE IMAGE [IMAGE ...]
"""
import base64
import json
import sys

from PIL import Image


def reference(path, size):
    img = Image.open(path).convert("RGB")
    w, h = img.size
    s = min(w, h)
    left, top = (w - s) // 2, (h - s) // 2
    crop = img.crop((left, top, left + s, top + s)).resize((size, size), Image.BILINEAR)
    return {
        "path": path,
        "width": w,
        "height": h,
        "rgb": base64.b64encode(img.tobytes()).decode(),
        "ref": base64.b64encode(crop.tobytes()).decode(),
    }


if __name__ == "__main__":
    size = int(sys.argv[1])
    print(json.dumps([reference(p, size) for p in sys.argv[2:]]))
