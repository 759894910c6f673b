"""ResNeXt-29 for CIFAR-10 (torchvision tensor naming) and the helpers shared by the training tools.

- ResNeXtCifar / Bottleneck: the CIFAR template of the paper, identical to the recipe that produced the
  shipped weights, so its state dict loads with strict=True.
- read_safetensors / write_safetensors: the safetensors format in pure numpy, with `__metadata__`
  (all values strings; non-strings JSON-encoded) and the header padded with spaces to a multiple of 8 bytes.
- read_cifar_bin: the official CIFAR-10 binary layout (per record 1 label byte, then 1024 R, 1024 G, 1024 B).
"""
import hashlib
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
MEAN = [0.4914, 0.4822, 0.4465]
STD = [0.2470, 0.2435, 0.2616]
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CIFAR_RECORD_BYTES = 1 + 3 * 32 * 32


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride, groups, base_width):
        super().__init__()
        width = int(planes * (base_width / 64.0)) * groups
        out = planes * self.expansion
        self.conv1 = nn.Conv2d(inplanes, width, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, stride, 1, groups=groups, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.conv3 = nn.Conv2d(width, out, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(out)
        self.downsample = None
        if stride != 1 or inplanes != out:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, out, 1, stride, bias=False), nn.BatchNorm2d(out))

    def forward(self, x):
        idt = x if self.downsample is None else self.downsample(x)
        y = F.relu(self.bn1(self.conv1(x)))
        y = F.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        return F.relu(y + idt)


class ResNeXtCifar(nn.Module):
    def __init__(self, groups, width_per_group, blocks=(3, 3, 3), num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        inplanes = 64
        for i, (planes, n) in enumerate(zip((64, 128, 256), blocks)):
            layers = []
            for b in range(n):
                stride = 2 if (b == 0 and i > 0) else 1
                layers.append(Bottleneck(inplanes, planes, stride, groups, width_per_group))
                inplanes = planes * 4
            setattr(self, f"layer{i + 1}", nn.Sequential(*layers))
        self.fc = nn.Linear(inplanes, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        for m in self.modules():  # zero-init the last BN of each block (residual starts as identity)
            if isinstance(m, Bottleneck):
                nn.init.zeros_(m.bn3.weight)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def count_macs(model, hw=32):
    """Multiply-accumulates of convs and fc for one hw x hw image (BN/ReLU/add/pooling not counted)."""
    macs = 0
    hooks = []

    def conv_hook(m, inp, out):
        nonlocal macs
        k = m.weight.shape[1] * m.weight.shape[2] * m.weight.shape[3]
        macs += out.numel() // out.shape[0] * k

    def fc_hook(m, inp, out):
        nonlocal macs
        macs += m.weight.numel()

    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(fc_hook))
    was_training = model.training
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, hw, hw))
    for h in hooks:
        h.remove()
    model.train(was_training)
    return macs


# ---------------------------------------------------------------- safetensors

_DTYPES = {
    "F64": "<f8", "F32": "<f4", "F16": "<f2",
    "I64": "<i8", "I32": "<i4", "I16": "<i2", "I8": "i1", "U8": "u1", "BOOL": "?",
}
_TAGS = {np.dtype(v): k for k, v in _DTYPES.items()}


def _tag_of(arr):
    dt = arr.dtype.newbyteorder("<")  # a relabel only: the bytes are converted by astype() when written
    if dt not in _TAGS:
        raise ValueError(f"unsupported dtype {arr.dtype}")
    return _TAGS[dt]


def encode_metadata(meta):
    """safetensors metadata must be str -> str: strings stay as they are, anything else is JSON-encoded."""
    return {str(k): (v if isinstance(v, str) else json.dumps(v)) for k, v in (meta or {}).items()}


def safetensors_bytes(tensors, metadata=None):
    """Serialise an ordered {name: np.ndarray} (tensors first, `__metadata__` last, as the recipe's export)."""
    header, chunks, off = {}, [], 0
    for name, arr in tensors.items():
        arr = np.asarray(arr)
        tag = _tag_of(arr)
        b = np.ascontiguousarray(arr).astype(np.dtype(_DTYPES[tag]), copy=False).tobytes()
        header[name] = {"dtype": tag, "shape": list(arr.shape), "data_offsets": [off, off + len(b)]}
        chunks.append(b)
        off += len(b)
    if metadata:
        header["__metadata__"] = encode_metadata(metadata)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    return len(h).to_bytes(8, "little") + h + b"".join(chunks)


def write_safetensors(path, tensors, metadata=None):
    """Write atomically (temporary file then rename), so an interrupted run never leaves a truncated file."""
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(safetensors_bytes(tensors, metadata))
    os.replace(tmp, path)


def parse_safetensors(blob):
    """Return ({name: np.ndarray in file order}, {metadata key: str})."""
    if len(blob) < 8:
        raise ValueError("not a safetensors file: shorter than its 8-byte header length")
    n = int.from_bytes(blob[:8], "little")
    if 8 + n > len(blob):
        raise ValueError("not a safetensors file: header length past the end of the file")
    header = json.loads(blob[8:8 + n])
    meta = header.pop("__metadata__", {}) or {}
    base = 8 + n
    out = {}
    for name, info in header.items():
        if info["dtype"] not in _DTYPES:
            raise ValueError(f"{name}: unsupported dtype {info['dtype']}")
        a, b = info["data_offsets"]
        dt = np.dtype(_DTYPES[info["dtype"]])
        count = int(np.prod(info["shape"], dtype=np.int64))
        if b - a != count * dt.itemsize or base + b > len(blob):
            raise ValueError(f"{name}: data_offsets {a}..{b} do not match shape {info['shape']}")
        out[name] = np.frombuffer(blob, dtype=dt, count=count, offset=base + a).reshape(info["shape"])
    return out, meta


def read_safetensors(path):
    blob = bytearray(os.path.getsize(path))  # a mutable buffer, so the arrays are writable (torch.from_numpy)
    with open(path, "rb") as f:
        f.readinto(blob)
    return parse_safetensors(blob)


def state_dict_arrays(state_dict, dtype=np.float32):
    """Floating-point tensors of a state dict as numpy arrays (BN's num_batches_tracked counters dropped)."""
    return {k: v.detach().cpu().float().numpy().astype(dtype)
            for k, v in state_dict.items() if not k.endswith("num_batches_tracked")}


def arrays_state_dict(arrays):
    """numpy arrays -> float32 torch tensors, as the app's loader does (src/resnext/dtypes.ts): F16 widened; an
    I8 tensor times its float32 `<name>_scale` (one scale per output channel), the scale itself dropped."""
    state = {}
    for k, v in arrays.items():
        if k.endswith("_scale") and k[: -len("_scale")] in arrays:
            continue
        w = np.array(v, dtype=np.float32)
        if v.dtype == np.int8:
            w = w * np.asarray(arrays[k + "_scale"], dtype=np.float32).reshape((-1,) + (1,) * (v.ndim - 1))
        state[k] = torch.from_numpy(np.ascontiguousarray(w))
    return state


def sha256_file(path):
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def meta_value(meta, key, default=None):
    """Decode one metadata value: JSON where it parses, the raw string otherwise."""
    if key not in meta:
        return default
    try:
        return json.loads(meta[key])
    except (TypeError, ValueError):
        return meta[key]


def load_cifar_model(path):
    """ResNeXtCifar from a safetensors file (strict load), in eval mode; returns (model, metadata)."""
    arrays, meta = read_safetensors(path)
    blocks = tuple(1 + max([int(k.split(".")[1]) for k in arrays if k.startswith(f"layer{s}.")], default=-1)
                   for s in (1, 2, 3))
    model = ResNeXtCifar(int(meta["cardinality"]), int(meta["bottleneck_width_d"]), blocks)
    model.load_state_dict(arrays_state_dict(arrays), strict=True)
    model.eval()
    return model, meta


# ---------------------------------------------------------------- CIFAR-10 binary

def read_cifar_bin(path, limit=None):
    """Records of a CIFAR-10 binary batch: (images uint8 [N,3,32,32] RGB planes, labels int64 [N])."""
    size = os.path.getsize(path)
    if size == 0 or size % CIFAR_RECORD_BYTES:
        raise ValueError(f"{path}: {size} bytes is not a whole number of {CIFAR_RECORD_BYTES}-byte CIFAR-10 records")
    n = size // CIFAR_RECORD_BYTES if limit is None else min(limit, size // CIFAR_RECORD_BYTES)
    rec = np.fromfile(path, np.uint8, count=n * CIFAR_RECORD_BYTES).reshape(n, CIFAR_RECORD_BYTES)
    labels = rec[:, 0].astype(np.int64)
    if labels.size and labels.max() > 9:
        raise ValueError(f"{path}: label {labels.max()} out of range 0..9 (not a CIFAR-10 binary file?)")
    return rec[:, 1:].reshape(n, 3, 32, 32).copy(), labels


def normalize(images_u8, mean=MEAN, std=STD):
    """uint8 NCHW -> float32 (x/255 - mean) / std per channel."""
    x = images_u8.astype(np.float32) / 255
    m = np.asarray(mean, np.float32).reshape(1, 3, 1, 1)
    s = np.asarray(std, np.float32).reshape(1, 3, 1, 1)
    return (x - m) / s
