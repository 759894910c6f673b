from collections import Counter

from conftest import SHIPPED_WEIGHTS
from export_onnx import export_onnx
from onnx_wire import summary


def test_onnx_export_of_the_shipped_model(tmp_path):
    out = tmp_path / "m.onnx"
    export_onnx(SHIPPED_WEIGHTS, str(out))
    s = summary(out.read_bytes())
    assert s["opsets"] == [13]
    assert s["inputs"] == [("input", [1, 3, 32, 32])]
    assert s["outputs"] == [("logits", [1, 10])]
    ops = Counter(op for op, _ in s["nodes"])
    # 1 stem conv + 9 blocks x 3 convs + 3 downsample convs; BN is folded into them in eval mode
    assert ops["Conv"] == 31 and ops["Add"] == 9 and ops["Gemm"] == 1
    groups = Counter(attrs.get("group", 1) for op, attrs in s["nodes"] if op == "Conv")
    assert groups == {32: 9, 1: 22}
