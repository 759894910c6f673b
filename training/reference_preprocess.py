"""PIL reference for the app's preprocessing, as torchvision computes it on PIL images.

CIFAR (default): the centre square (torchvision CenterCrop: offset round((w - s) / 2), halves to even), then
Image.resize((SIZE, SIZE), Image.BILINEAR), which PIL antialiases when it reduces.
ImageNet (--resize-shorter N): Image.resize of the shorter side to N (torchvision Resize(N)), then the centre
SIZE×SIZE.

An IMAGE is a file path, or noise:WxH:SEED for uniform random RGB pixels made here (odd sizes and crop
offsets that the photos do not have).
Prints JSON: for each image, its decoded RGB pixels and PIL's SIZE×SIZE result (both base64 uint8, row-major).
Usage: reference_preprocess.py SIZE [--resize-shorter N] IMAGE [IMAGE ...]
"""
import base64
import json
import sys

import numpy as np
from PIL import Image


def load(spec):
    if spec.startswith("noise:"):
        _, size, seed = spec.split(":")
        w, h = (int(v) for v in size.split("x"))
        pixels = np.random.RandomState(int(seed)).randint(0, 256, (h, w, 3), dtype=np.uint8)
        return Image.fromarray(pixels, "RGB")
    return Image.open(spec).convert("RGB")


def center_crop(img, size):
    w, h = img.size
    # Python's round() sends halves to the even neighbour, as torchvision's CenterCrop does.
    left, top = round((w - size) / 2), round((h - size) / 2)
    return img.crop((left, top, left + size, top + size))


def reference(spec, size, resize_shorter):
    img = load(spec)
    w, h = img.size
    if resize_shorter:
        short, long = min(w, h), max(w, h)
        scaled_long = int(resize_shorter * long / short)
        new = (resize_shorter, scaled_long) if w <= h else (scaled_long, resize_shorter)
        out = center_crop(img.resize(new, Image.BILINEAR), size)
    else:
        out = center_crop(img, min(w, h)).resize((size, size), Image.BILINEAR)
    return {
        "path": spec,
        "width": w,
        "height": h,
        "rgb": base64.b64encode(img.tobytes()).decode(),
        "ref": base64.b64encode(out.tobytes()).decode(),
    }


if __name__ == "__main__":
    args = sys.argv[1:]
    size = int(args.pop(0))
    resize_shorter = 0
    if args and args[0] == "--resize-shorter":
        args.pop(0)
        resize_shorter = int(args.pop(0))
    print(json.dumps([reference(p, size, resize_shorter) for p in args]))
