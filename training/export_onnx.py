"""Export a ResNeXt-29 safetensors checkpoint to ONNX (opset 13) for inference benchmarks.

  python3 training/export_onnx.py public/models/resnext29_32x4d.safetensors out/resnext29_32x4d.onnx

Input `input` float32 [1,3,32,32] NCHW, normalised with the CIFAR-10 mean/std; output `logits` [1,10].
torch.onnx.export serialises the graph itself and does not need the `onnx` Python package; that package
(Debian: python3-onnx) is only needed to load or check the file from Python.
"""
import argparse
import os
import sys

import torch

from resnext import load_cifar_model


def export_onnx(weights, out, opset=13, batch=1):
    model, meta = load_cifar_model(weights)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    dummy = torch.zeros(batch, 3, 32, 32)
    with torch.no_grad():
        torch.onnx.export(model, dummy, out, opset_version=opset, input_names=["input"], output_names=["logits"],
                          do_constant_folding=True)
    return meta


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("weights")
    p.add_argument("out")
    p.add_argument("--opset", type=int, default=13)
    a = p.parse_args(argv)
    meta = export_onnx(a.weights, a.out, a.opset)
    print(f"{meta.get('name', a.weights)} -> {a.out} ({os.path.getsize(a.out):,} bytes, opset {a.opset})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
